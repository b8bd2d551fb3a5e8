// Built-in predicates: relations computed from the loaded statements themselves, so that a
// rule can reason about where statements come from (docs/language.md, "Citations as
// relations"). They are evaluated like facts (EDB relations); no statement may define
// them, and every use must have their arity.
//
//   cites(Statement, Source, Quote)     each statement that ends with `@ Source "Quote"`
//                                       (Quote is "" when none is given)
//   source_attribute(Source, Key, Value)  each attribute of each `#source` declaration
//
// Statement names the statement: for a fact, its atom as a string ("p(a, 1)",
// "-p(a)"); for a claim, "microsoft claims p(a)" (or "... denies p(a)"); for a rule, its
// label as a symbol, or its text as a string when it has none. A fact stated twice from
// two sources is one Statement cited twice, which is what "rests only on anonymous
// sources" asks about.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ast.hpp"

namespace writ::query {

struct Builtin {
  std::string_view name;
  std::uint32_t arity;
  std::string_view columns;  // for messages: "Statement, Source, Quote"
};

inline constexpr Builtin builtins[] = {
    {"cites", 3, "Statement, Source, Quote"},
    {"source_attribute", 3, "Source, Key, Value"},
};

// The built-in of that name (any arity), or null.
const Builtin* find_builtin(std::string_view name);

// The Statement value that names `rule` in cites/3.
Value statement_name(const Rule& rule);

// The built-in relations of `program` as ground facts, in the order of its statements and
// declarations (duplicates possible; relations are sets).
std::vector<Rule> builtin_facts(const Program& program);

}  // namespace writ::query
