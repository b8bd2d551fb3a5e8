// The AST written back as source text, for messages and explanations: values as
// to_source writes them, anonymous variables as `_`, arithmetic parenthesised only where
// an operand is itself an operation.
#pragma once

#include <string>

#include "ast.hpp"

namespace writ::query {

std::string to_source(const Term& t);
std::string to_source(const Atom& a);  // -p(a, X) for a strong negation
std::string to_source(CompareOp op);
std::string to_source(const Literal& l);  // not p(X), X < 3, N = #count{ X : p(X) }

}  // namespace writ::query
