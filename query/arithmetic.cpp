#include "arithmetic.hpp"

#include <limits>

#include "ast_text.hpp"
#include "calendar.hpp"
#include "literals.hpp"

namespace writ::query {

namespace {

using Outcome = ArithmeticResult::Outcome;

constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

const char* operator_text(ArithOp op) {
  switch (op) {
    case ArithOp::Add: return "+";
    case ArithOp::Sub: return "-";
    case ArithOp::Mul: return "*";
    case ArithOp::Div: return "/";
    case ArithOp::Mod: return "\\";
    case ArithOp::Neg: return "-";
  }
  return "?";
}

std::string expression(ArithOp op, const Value& a, const Value& b) {
  if (op == ArithOp::Neg) return "-" + to_source(a);
  return to_source(a) + " " + operator_text(op) + " " + to_source(b);
}

ArithmeticResult value(Value v) { return {Outcome::Value, std::move(v), {}}; }
ArithmeticResult undefined(std::string message) { return {Outcome::Undefined, {}, std::move(message)}; }
ArithmeticResult error(std::string message) { return {Outcome::Error, {}, std::move(message)}; }

bool is_zero(const Value& v) { return v.kind == ValueKind::Integer && v.integer == 0; }
bool is_days(const Value& v) { return v.kind == ValueKind::Duration && v.text == days_unit; }
bool same_unit(const Value& a, const Value& b) { return a.kind == b.kind && a.text == b.text; }

// Why two values of one kind but different units do not mix, for messages.
std::string unit_reason(const Value& a, const Value& b) {
  if (a.kind == ValueKind::Duration && b.kind == ValueKind::Duration && a.text != b.text)
    return " (a month has no fixed number of days)";
  if (a.kind == ValueKind::Money && b.kind == ValueKind::Money && a.text != b.text) return " (different currencies)";
  return {};
}

ArithmeticResult type_error(ArithOp op, const Value& a, const Value& b) {
  std::string what;
  switch (op) {
    case ArithOp::Add: what = "cannot add " + describe_kind(b) + " to " + describe_kind(a); break;
    case ArithOp::Sub: what = "cannot subtract " + describe_kind(b) + " from " + describe_kind(a); break;
    case ArithOp::Mul: what = "cannot multiply " + describe_kind(a) + " by " + describe_kind(b); break;
    case ArithOp::Div: what = "cannot divide " + describe_kind(a) + " by " + describe_kind(b); break;
    case ArithOp::Mod: what = "cannot take the remainder of " + describe_kind(a) + " divided by " + describe_kind(b); break;
    case ArithOp::Neg: what = "cannot negate " + describe_kind(a); break;
  }
  return error(what + ": " + expression(op, a, b) + unit_reason(a, b));
}

// Integer arithmetic on two amounts; the quantities' amounts exclude INT64_MIN so that
// every value's negation exists and its text reads back.
ArithmeticResult integers(ArithOp op, std::int64_t x, std::int64_t y, std::int64_t& r) {
  bool overflow = false;
  switch (op) {
    case ArithOp::Add: overflow = __builtin_add_overflow(x, y, &r); break;
    case ArithOp::Sub: overflow = __builtin_sub_overflow(x, y, &r); break;
    case ArithOp::Mul: overflow = __builtin_mul_overflow(x, y, &r); break;
    case ArithOp::Neg: overflow = __builtin_sub_overflow(std::int64_t{0}, x, &r); break;
    case ArithOp::Div:
    case ArithOp::Mod:
      if (y == 0) return undefined("division by zero");
      if (x == int64_min && y == -1) {
        overflow = op == ArithOp::Div;
        r = 0;
      } else {
        // Truncating division and C remainder, as clingo: -7/2 = -3, -7\2 = -1.
        r = op == ArithOp::Div ? x / y : x % y;
      }
      break;
  }
  if (overflow) return error(integer_overflow_message);
  return value(Value::make_integer(r));
}

// A duration's or money's amount computed as an integer, in the unit of `like`.
ArithmeticResult amount(ArithOp op, std::int64_t x, std::int64_t y, const Value& like, const Value& a,
                        const Value& b) {
  std::int64_t r = 0;
  auto out = integers(op, x, y, r);
  if (out.outcome == Outcome::Error || (out.outcome == Outcome::Value && r == int64_min))
    return error("overflow: the result does not fit in 64 bits: " + expression(op, a, b));
  if (out.outcome != Outcome::Value) return out;
  Value v = like;
  v.integer = r;
  return value(std::move(v));
}

ArithmeticResult date_plus(const Value& date, const Value& duration, bool minus, const Value& a, const Value& b) {
  std::int64_t n = duration.integer;
  if (minus) n = -n;  // amounts are never INT64_MIN
  std::optional<std::int64_t> days;
  if (is_days(duration)) {
    std::int64_t r = 0;
    if (!__builtin_add_overflow(date.integer, n, &r) && calendar::in_range(r)) days = r;
  } else {
    days = calendar::add_months(date.integer, n);
  }
  if (!days)
    return error("date out of range (years 1 to 9999): " + expression(minus ? ArithOp::Sub : ArithOp::Add, a, b));
  return value(Value::make_date(*days));
}

}  // namespace

ArithmeticResult apply(ArithOp op, const Value& a, const Value& b) {
  const bool unary = op == ArithOp::Neg;
  const bool ai = a.kind == ValueKind::Integer;
  const bool bi = unary || b.kind == ValueKind::Integer;
  if (ai && bi) {
    std::int64_t r = 0;
    return integers(op, a.integer, unary ? 0 : b.integer, r);
  }
  const bool typed = a.is_quantity_kind() || (!unary && b.is_quantity_kind());
  if (!typed) return undefined("arithmetic on a value that is not an integer");

  const bool a_date = a.kind == ValueKind::Date;
  const bool b_date = !unary && b.kind == ValueKind::Date;
  const bool a_measure = a.kind == ValueKind::Duration || a.kind == ValueKind::Money;
  const bool b_measure = !unary && (b.kind == ValueKind::Duration || b.kind == ValueKind::Money);
  switch (op) {
    case ArithOp::Neg:
      if (a_measure) return amount(ArithOp::Neg, a.integer, 0, a, a, b);
      break;
    case ArithOp::Add:
      if (is_zero(b)) return value(a);
      if (is_zero(a)) return value(b);
      if (a_date && b.kind == ValueKind::Duration) return date_plus(a, b, false, a, b);
      if (b_date && a.kind == ValueKind::Duration) return date_plus(b, a, false, a, b);
      if (a_measure && same_unit(a, b)) return amount(op, a.integer, b.integer, a, a, b);
      break;
    case ArithOp::Sub:
      if (is_zero(b)) return value(a);
      if (is_zero(a) && b_measure) return amount(ArithOp::Neg, b.integer, 0, b, a, b);
      if (a_date && b.kind == ValueKind::Duration) return date_plus(a, b, true, a, b);
      if (a_date && b_date) {
        // Both within the years 1 to 9999: no overflow.
        return value(Value::make_duration(a.integer - b.integer, days_unit));
      }
      if (a_measure && same_unit(a, b)) return amount(op, a.integer, b.integer, a, a, b);
      break;
    case ArithOp::Mul:
      if (a_measure && bi) return amount(op, a.integer, b.integer, a, a, b);
      if (ai && b_measure) return amount(op, a.integer, b.integer, b, a, b);
      break;
    case ArithOp::Div:
      if (a_measure && bi) return amount(op, a.integer, b.integer, a, a, b);
      if (a_measure && same_unit(a, b)) {
        std::int64_t r = 0;
        return integers(op, a.integer, b.integer, r);
      }
      break;
    case ArithOp::Mod:
      if (a_measure && (bi || same_unit(a, b))) return amount(op, a.integer, b.integer, a, a, b);
      break;
  }
  return type_error(op, a, b);
}

std::optional<std::string> order_error(const Value& a, CompareOp op, const Value& b) {
  if (!a.is_quantity_kind() && !b.is_quantity_kind()) return std::nullopt;
  if (a.kind == b.kind && (a.kind == ValueKind::Date || a.text == b.text)) return std::nullopt;
  std::string message = "cannot compare " + describe_kind(a) + " with " + describe_kind(b) + ": " + to_source(a) + " " +
                        to_source(op) + " " + to_source(b) + unit_reason(a, b);
  // An empty #sum is the integer 0; the zero to compare a measure with is written in its unit.
  const Value* measure = a.is_quantity_kind() ? &a : &b;
  const Value& other = measure == &a ? b : a;
  if (is_zero(other) && measure->kind != ValueKind::Date) {
    Value zero = *measure;
    zero.integer = 0;
    message += " (to compare with zero, write " + to_source(zero) + ")";
  }
  return message;
}

}  // namespace writ::query
