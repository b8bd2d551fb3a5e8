// The SQL objects every generated program relies on, created in its schema: the domain of
// values (values.hpp) and the functions that build, read, compare and compute with them.
//
// Arithmetic follows the evaluator exactly: integers are 64-bit; a result that does not fit
// raises SQLSTATE 22003 with writ's message and, as its DETAIL, the place of the operation
// in the program (FILE:LINE:COL), which is how a driver points its diagnostic at the source;
// arithmetic on a symbol or a string, and division by zero, give NULL, which drops the rule
// instance as writ does (a comparison with NULL is not true, a head with NULL is not
// inserted, a NOT EXISTS over NULL holds).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace writ::sql {

// The message of an overflow in arithmetic and in #sum (the evaluator's words).
inline constexpr std::string_view overflow_message = "integer overflow: the result does not fit in 64 bits (signed)";
inline constexpr std::string_view sum_overflow_message = "integer overflow in #sum: the total does not fit in 64 bits";
// The SQLSTATE those errors carry: numeric_value_out_of_range.
inline constexpr std::string_view overflow_sqlstate = "22003";

// CREATE statements for the domain and the functions, in `schema` (an SQL identifier, quoted
// where needed), each a complete statement without the final ';'. The schema must exist.
std::vector<std::string> runtime_statements(std::string_view schema);

}  // namespace writ::sql
