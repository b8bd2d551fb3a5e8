// Variables of terms, atoms and literals, in order of first occurrence.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "query/ast.hpp"

namespace writ::query {

// Calls f on every variable occurrence (the Term node) in order.
void for_each_variable(const Term& t, const std::function<void(const Term&)>& f);
void for_each_variable(const Atom& a, const std::function<void(const Term&)>& f);
// For an aggregate literal this visits the bound and every element (terms and condition).
void for_each_variable(const Literal& l, const std::function<void(const Term&)>& f);

// Distinct variable names in order of first occurrence.
std::vector<std::string> variables_of(const std::vector<Literal>& body);

// The columns of a query's answers: its variables in order of first appearance, leaving
// out anonymous ones, those starting with `_` (as Prolog hides `_X`), and those local to
// an aggregate element.
std::vector<std::string> answer_columns(const Query& query);

// Gives every `_` a distinct name ("_#1", "_#2", ...), so that later passes can treat
// each as its own variable. Idempotent.
void name_anonymous_variables(Program& program);
void name_anonymous_variables(Rule& rule);
void name_anonymous_variables(Query& query);

}  // namespace writ::query
