// The language's arithmetic (+ - * / \ and unary -) and the type rules of its ordering
// comparisons (< <= > >=) over values: one definition for the evaluator, the argument
// layer and the checks.
//
// Integers behave as in clingo: `/` truncates toward zero, `\` is the remainder with the
// dividend's sign, and arithmetic on a symbol or a string, or a division by zero, is
// *undefined* (the rule instance is dropped). Dates, durations and money are typed:
//
//   date ± duration -> date       (days exact; months keep the day, clamped to the month's end)
//   duration + date -> date
//   date - date -> duration in days
//   duration ± duration -> duration     of one unit: days and months do not mix
//   money ± money -> money              of one currency
//   duration or money × integer, integer × duration or money -> the same kind
//   duration or money / integer, \ integer -> the same kind (truncated toward zero, in days,
//                                             months or the currency's minor unit)
//   duration / duration, money / money -> integer (how many times; one unit)
//   duration \ duration, money \ money -> the same kind
//   -duration, -money
//   x + 0, 0 + x, x - 0 -> x and 0 - x -> -x for any date, duration or money x: the integer
//                        0 (which an empty #sum is) is the zero of every quantity.
// Any other operation with a date, duration or money is a type error: an error of the
// program (at check time when the operands are constants, else when evaluated) rather
// than an undefined instance, since nothing in clingo's semantics calls for silence.
// A result outside 64 bits (or a date outside the years 1 to 9999) is an error too.
//
// Ordering comparisons: values of the same kind and unit compare by the value order; an
// integer, symbol or string compares with another of those by the value order (as in
// clingo); a date, duration or money compared with a value of another kind or unit is a
// type error. `=` and `!=` always compare: values of different kinds are simply different.
#pragma once

#include <optional>
#include <string>

#include "ast.hpp"
#include "value.hpp"

namespace writ::query {

struct ArithmeticResult {
  enum class Outcome { Value, Undefined, Error };
  Outcome outcome = Outcome::Value;
  Value value;          // Value
  std::string message;  // Undefined and Error: what went wrong, e.g. "division by zero"
};

// `a op b`, or `op a` for ArithOp::Neg (b unused).
ArithmeticResult apply(ArithOp op, const Value& a, const Value& b);

// The error of the ordering comparison `a op b` (op one of < <= > >=), or nullopt when the
// two values may be ordered.
std::optional<std::string> order_error(const Value& a, CompareOp op, const Value& b);

// The message of an integer result that does not fit in 64 bits.
inline constexpr const char* integer_overflow_message = "integer overflow: the result does not fit in 64 bits (signed)";

}  // namespace writ::query
