// Dates, durations and money inside query/: the calendar over its whole range, the literals
// read back from what to_source writes, the arithmetic's table of cases and its errors, the
// value order and the interner's boxed values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query/arithmetic.hpp"
#include "query/calendar.hpp"
#include "query/eval/datum.hpp"
#include "query/literals.hpp"
#include "query/value.hpp"

namespace writ::query {
namespace {

Value date(std::string_view text) { return *parse_date(text).value; }
Value duration(std::string_view text) { return *parse_quantity_literal(text); }
Value money(std::string_view text) { return *parse_quantity_literal(text); }
Value integer(std::int64_t n) { return Value::make_integer(n); }

// `a op b` as text, or "undefined: ..." / "error: ...".
std::string applied(ArithOp op, const Value& a, const Value& b = {}) {
  const auto r = apply(op, a, b);
  switch (r.outcome) {
    case ArithmeticResult::Outcome::Value: return to_source(r.value);
    case ArithmeticResult::Outcome::Undefined: return "undefined: " + r.message;
    case ArithmeticResult::Outcome::Error: break;
  }
  return "error: " + r.message;
}

TEST(Calendar, EveryDayOfTheRangeRoundTrips) {
  // Consecutive days are consecutive dates: day after day, month after month, year after year.
  calendar::CivilDate expected{1, 1, 1};
  for (std::int64_t d = calendar::first_day(); d <= calendar::last_day(); ++d) {
    const auto c = calendar::civil_from_days(d);
    ASSERT_EQ(c.year, expected.year) << d;
    ASSERT_EQ(c.month, expected.month) << d;
    ASSERT_EQ(c.day, expected.day) << d;
    ASSERT_EQ(calendar::days_from_civil(c), d);
    if (++expected.day > calendar::days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
  EXPECT_EQ(expected.year, 10000);
  EXPECT_EQ(calendar::days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(calendar::days_from_civil({2000, 3, 1}), 11017);
  EXPECT_EQ(calendar::last_day() - calendar::first_day() + 1, 3652059);  // 10,000 years less year 0
}

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(calendar::is_leap_year(2024));
  EXPECT_TRUE(calendar::is_leap_year(2000));
  EXPECT_FALSE(calendar::is_leap_year(1900));
  EXPECT_FALSE(calendar::is_leap_year(2026));
  EXPECT_EQ(calendar::days_in_month(2024, 2), 29u);
  EXPECT_EQ(calendar::days_in_month(2100, 2), 28u);
}

TEST(Literals, WhatToSourceWritesReadsBack) {
  const std::vector<Value> values = {
      date("0001-01-01"),          date("9999-12-31"),          date("1969-12-31"),
      Value::make_duration(0, "d"), Value::make_duration(-45, "d"), Value::make_duration(1, "mo"),
      Value::make_duration(12, "mo"), Value::make_duration(-18, "mo"), Value::make_duration(0, "mo"),
      Value::make_money(0, "USD"),  Value::make_money(-5, "USD"),   Value::make_money(123456789, "EUR"),
      Value::make_money(99, "GBP"), Value::make_money(7, "JPY"),    Value::make_money(-1001, "KWD"),
      Value::make_money(1, "CLF"),  Value::make_money(INT64_MAX, "USD"), Value::make_money(-INT64_MAX, "CHF"),
      Value::make_duration(INT64_MAX, "d"), Value::make_duration(-INT64_MAX, "mo")};
  for (const auto& v : values) {
    const auto text = to_source(v);
    const auto back = parse_quantity_literal(text);
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(*back, v) << text;
  }
  EXPECT_EQ(to_source(Value::make_money(-INT64_MAX, "CHF")), "-CHF 92_233_720_368_547_758.07");
  EXPECT_EQ(to_source(Value::make_money(-1001, "KWD")), "-KWD 1.001");
  EXPECT_EQ(to_source(Value::make_money(1, "CLF")), "CLF 0.0001");
  EXPECT_EQ(format_amount(-5, "USD"), "-0.05");
  EXPECT_EQ(format_amount(7, "JPY"), "7");
  // Not how to_source writes them: no value.
  for (const char* text : {"", "-", "-0d", "2026-3-01", "+5d", "$", "$1.", "$ 1", "d", "1", "USD5", "usd 5", "5$"})
    EXPECT_FALSE(parse_quantity_literal(text).has_value()) << text;
}

TEST(Arithmetic, DatesAndDurations) {
  EXPECT_EQ(applied(ArithOp::Add, date("2026-03-01"), duration("30d")), "2026-03-31");
  EXPECT_EQ(applied(ArithOp::Add, duration("1w"), date("2026-03-01")), "2026-03-08");
  EXPECT_EQ(applied(ArithOp::Add, date("2026-01-31"), duration("1mo")), "2026-02-28");
  EXPECT_EQ(applied(ArithOp::Add, date("2024-01-31"), duration("1mo")), "2024-02-29");
  EXPECT_EQ(applied(ArithOp::Add, date("2024-02-29"), duration("1y")), "2025-02-28");
  EXPECT_EQ(applied(ArithOp::Sub, date("2026-03-31"), duration("1mo")), "2026-02-28");
  EXPECT_EQ(applied(ArithOp::Sub, date("2026-01-15"), duration("1y1mo")), "2024-12-15");
  EXPECT_EQ(applied(ArithOp::Sub, date("2026-03-01"), date("2025-03-01")), "365d");
  EXPECT_EQ(applied(ArithOp::Sub, date("2025-03-01"), date("2026-03-01")), "-365d");
  EXPECT_EQ(applied(ArithOp::Sub, date("9999-12-31"), date("0001-01-01")), "3652058d");
  EXPECT_EQ(applied(ArithOp::Add, date("9999-12-31"), duration("1d")),
            "error: date out of range (years 1 to 9999): 9999-12-31 + 1d");
  EXPECT_EQ(applied(ArithOp::Sub, date("0001-01-31"), duration("1mo")),
            "error: date out of range (years 1 to 9999): 0001-01-31 - 1mo");
  EXPECT_EQ(applied(ArithOp::Add, date("2026-01-01"), Value::make_duration(INT64_MAX, "d")),
            "error: date out of range (years 1 to 9999): 2026-01-01 + 9223372036854775807d");
  EXPECT_EQ(applied(ArithOp::Add, date("2026-01-01"), Value::make_duration(-INT64_MAX, "mo")).substr(0, 24),
            "error: date out of range");
  EXPECT_EQ(applied(ArithOp::Add, duration("1y"), duration("6mo")), "1y6mo");
  EXPECT_EQ(applied(ArithOp::Sub, duration("1w"), duration("10d")), "-3d");
  EXPECT_EQ(applied(ArithOp::Mul, duration("2w"), integer(3)), "42d");
  EXPECT_EQ(applied(ArithOp::Mul, integer(-2), duration("1y")), "-2y");
  EXPECT_EQ(applied(ArithOp::Div, duration("1y"), integer(5)), "2mo");
  EXPECT_EQ(applied(ArithOp::Div, duration("-7d"), integer(2)), "-3d");
  EXPECT_EQ(applied(ArithOp::Mod, duration("-7d"), integer(2)), "-1d");
  EXPECT_EQ(applied(ArithOp::Div, duration("1y"), duration("5mo")), "2");
  EXPECT_EQ(applied(ArithOp::Mod, duration("1y"), duration("5mo")), "2mo");
  EXPECT_EQ(applied(ArithOp::Neg, duration("1y6mo")), "-1y6mo");
  EXPECT_EQ(applied(ArithOp::Div, duration("1y"), integer(0)), "undefined: division by zero");
  EXPECT_EQ(applied(ArithOp::Div, duration("1y"), duration("0mo")), "undefined: division by zero");
  EXPECT_EQ(applied(ArithOp::Add, duration("1mo"), duration("1d")),
            "error: cannot add a duration in days to a duration in months: 1mo + 1d (a month has no fixed number "
            "of days)");
  EXPECT_EQ(applied(ArithOp::Mul, duration("1d"), duration("1d")),
            "error: cannot multiply a duration in days by a duration in days: 1d * 1d");
  EXPECT_EQ(applied(ArithOp::Neg, date("2026-03-01")), "error: cannot negate a date: -2026-03-01");
  EXPECT_EQ(applied(ArithOp::Add, date("2026-03-01"), date("2026-03-01")),
            "error: cannot add a date to a date: 2026-03-01 + 2026-03-01");
  EXPECT_EQ(applied(ArithOp::Sub, duration("1d"), date("2026-03-01")),
            "error: cannot subtract a date from a duration in days: 1d - 2026-03-01");
  EXPECT_EQ(applied(ArithOp::Mul, Value::make_duration(INT64_MAX, "d"), integer(2)),
            "error: overflow: the result does not fit in 64 bits: 9223372036854775807d * 2");
  // The minimum is left out, so that every amount has its negation.
  EXPECT_EQ(applied(ArithOp::Sub, Value::make_duration(-INT64_MAX, "d"), duration("1d")),
            "error: overflow: the result does not fit in 64 bits: -9223372036854775807d - 1d");
}

TEST(Arithmetic, Money) {
  EXPECT_EQ(applied(ArithOp::Add, money("$1.10"), money("$2.95")), "$4.05");
  EXPECT_EQ(applied(ArithOp::Sub, money("$1"), money("$2.50")), "-$1.50");
  EXPECT_EQ(applied(ArithOp::Mul, money("$0.10"), integer(3)), "$0.30");
  EXPECT_EQ(applied(ArithOp::Mul, integer(1000), money("JPY 3")), "JPY 3_000");
  EXPECT_EQ(applied(ArithOp::Div, money("$10"), integer(3)), "$3.33");
  EXPECT_EQ(applied(ArithOp::Div, money("-$10"), integer(3)), "-$3.33");
  EXPECT_EQ(applied(ArithOp::Mod, money("$10"), integer(3)), "$0.01");
  EXPECT_EQ(applied(ArithOp::Div, money("$10"), money("$3")), "3");
  EXPECT_EQ(applied(ArithOp::Mod, money("$10"), money("$3")), "$1");
  EXPECT_EQ(applied(ArithOp::Add, money("$1"), money("\u20ac1")),
            "error: cannot add an amount in EUR to an amount in USD: $1 + \u20ac1 (different currencies)");
  EXPECT_EQ(applied(ArithOp::Add, money("$1"), integer(1)),
            "error: cannot add an integer to an amount in USD: $1 + 1");
  EXPECT_EQ(applied(ArithOp::Mul, money("$1"), money("$1")),
            "error: cannot multiply an amount in USD by an amount in USD: $1 * $1");
  EXPECT_EQ(applied(ArithOp::Add, money("$1"), date("2026-03-01")),
            "error: cannot add a date to an amount in USD: $1 + 2026-03-01");
  EXPECT_EQ(applied(ArithOp::Add, money("$1"), Value::make_symbol("a")),
            "error: cannot add a symbol to an amount in USD: $1 + a");
}

TEST(Arithmetic, ZeroIsTheZeroOfEveryQuantity) {
  EXPECT_EQ(applied(ArithOp::Add, integer(0), money("$5")), "$5");
  EXPECT_EQ(applied(ArithOp::Add, money("$5"), integer(0)), "$5");
  EXPECT_EQ(applied(ArithOp::Sub, money("$5"), integer(0)), "$5");
  EXPECT_EQ(applied(ArithOp::Sub, integer(0), money("$5")), "-$5");
  EXPECT_EQ(applied(ArithOp::Sub, integer(0), duration("1y")), "-1y");
  EXPECT_EQ(applied(ArithOp::Add, date("2026-03-01"), integer(0)), "2026-03-01");
  EXPECT_EQ(applied(ArithOp::Sub, integer(0), date("2026-03-01")),
            "error: cannot subtract a date from an integer: 0 - 2026-03-01");
  EXPECT_EQ(applied(ArithOp::Add, money("$5"), integer(1)), "error: cannot add an integer to an amount in USD: $5 + 1");
}

TEST(Arithmetic, IntegersAndUntypedValuesAreAsBefore) {
  EXPECT_EQ(applied(ArithOp::Div, integer(-7), integer(2)), "-3");
  EXPECT_EQ(applied(ArithOp::Mod, integer(-7), integer(2)), "-1");
  EXPECT_EQ(applied(ArithOp::Div, integer(1), integer(0)), "undefined: division by zero");
  EXPECT_EQ(applied(ArithOp::Add, Value::make_symbol("a"), integer(1)),
            "undefined: arithmetic on a value that is not an integer");
  EXPECT_EQ(applied(ArithOp::Add, Value::make_symbol("a"), Value::make_string("b")),
            "undefined: arithmetic on a value that is not an integer");
  EXPECT_EQ(applied(ArithOp::Add, integer(INT64_MAX), integer(1)),
            "error: integer overflow: the result does not fit in 64 bits (signed)");
}

TEST(Arithmetic, OrderingComparisons) {
  EXPECT_FALSE(order_error(date("2026-03-01"), CompareOp::Lt, date("2026-03-02")));
  EXPECT_FALSE(order_error(duration("1y"), CompareOp::Lt, duration("13mo")));
  EXPECT_FALSE(order_error(money("$1"), CompareOp::Ge, money("$2")));
  EXPECT_FALSE(order_error(integer(1), CompareOp::Lt, Value::make_symbol("a")));  // as clingo
  EXPECT_EQ(*order_error(duration("1mo"), CompareOp::Lt, duration("30d")),
            "cannot compare a duration in months with a duration in days: 1mo < 30d (a month has no fixed number of "
            "days)");
  EXPECT_EQ(*order_error(money("$1"), CompareOp::Gt, integer(0)),
            "cannot compare an amount in USD with an integer: $1 > 0 (to compare with zero, write $0)");
  EXPECT_EQ(*order_error(integer(0), CompareOp::Le, duration("1mo")),
            "cannot compare an integer with a duration in months: 0 <= 1mo (to compare with zero, write 0mo)");
  EXPECT_EQ(*order_error(date("2026-03-01"), CompareOp::Lt, Value::make_symbol("a")),
            "cannot compare a date with a symbol: 2026-03-01 < a");
}

TEST(ValueOrder, KindsThenUnitsThenAmounts) {
  const std::vector<Value> sorted = {integer(-5), integer(3), Value::make_symbol("a"), Value::make_string("s"),
                                     date("1999-12-31"), date("2026-03-01"), duration("-1d"), duration("30d"),
                                     duration("1mo"), duration("1y"), money("\u20ac3"), money("JPY 10"),
                                     money("-$2"), money("$5")};
  for (std::size_t i = 0; i < sorted.size(); ++i)
    for (std::size_t j = 0; j < sorted.size(); ++j)
      EXPECT_EQ(compare(sorted[i], sorted[j]), i <=> j) << to_source(sorted[i]) << " vs " << to_source(sorted[j]);
  // The interner orders its words as the values: boxed values next to large integers.
  eval::Interner interner;
  std::vector<eval::Datum> words;
  for (const auto& v : sorted) words.push_back(interner.intern(v));
  words.push_back(interner.integer(INT64_MIN));
  words.push_back(interner.integer(INT64_MAX));
  for (const auto a : words)
    for (const auto b : words)
      EXPECT_EQ(interner.compare(a, b), compare(interner.value(a), interner.value(b)));
  EXPECT_EQ(interner.intern(date("2026-03-01")), interner.intern(date("2026-03-01")));
  EXPECT_EQ(interner.intern(duration("2w")), interner.intern(duration("14d")));
  EXPECT_NE(interner.intern(duration("0d")), interner.intern(duration("0mo")));
  EXPECT_NE(interner.intern(money("$0")), interner.intern(integer(0)));
  EXPECT_TRUE(interner.is_quantity(interner.intern(money("$1"))));
  EXPECT_FALSE(interner.is_quantity(interner.integer(INT64_MAX)));
  EXPECT_TRUE(interner.is_integer(interner.integer(INT64_MAX)));
  EXPECT_FALSE(interner.is_integer(interner.intern(date("2026-03-01"))));
  EXPECT_EQ(interner.find(money("$7")), std::nullopt);
  EXPECT_EQ(interner.find(money("$1")), interner.intern(money("$1")));
}

}  // namespace
}  // namespace writ::query
