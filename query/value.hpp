// A value of the language as users see it: an integer, a symbol, a string, a date, a
// duration or an amount of money.
//
// This is the typed value of the AST, of query answers and of the public API. The
// evaluator works on interned 64-bit words instead (see eval/datum.hpp); it converts at
// its edges.
//
// Representation (also the encoding a store or another back end keeps, losslessly):
//   Integer   integer: the value (64-bit signed)
//   Symbol    text: the name
//   String    text: the UTF-8 contents (no NUL)
//   Date      integer: days since 1970-01-01 in the proleptic Gregorian calendar (negative
//             before), within 0001-01-01 to 9999-12-31 (calendar.hpp)
//   Duration  integer: the length, text: its unit, "d" (days) or "mo" (months); a week is
//             7 days and a year 12 months, so `2w` is (14, "d") and `1y6mo` is (18, "mo").
//             Days and months are different units: a month has no fixed number of days.
//   Money     integer: the amount in the currency's minor unit (cents for USD), text: the
//             ISO 4217 code ("USD"); the number of decimals is the currency's (currency.hpp)
// The SQLite store keeps integers as INTEGER, symbols as TEXT, strings as BLOB, and the
// other kinds as a BLOB of a NUL byte followed by the value's source text (`2026-03-01`,
// `1y6mo`, `$12.50`), which no string can be (docs/store.md).
//
// Order (query::compare): by kind, Integer < Symbol < String < Date < Duration < Money (the
// first three as clingo orders them), then integers numerically, symbols and strings by
// their bytes, dates chronologically, durations and money by unit (days before months;
// currencies by code), then by amount. Only values of one kind and unit are *comparable*
// by the language's `<` when one of them is a date, duration or money (arithmetic.hpp).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace writ::query {

// The order of kinds is the order of values.
enum class ValueKind : std::uint8_t { Integer = 0, Symbol = 1, String = 2, Date = 3, Duration = 4, Money = 5 };

// The units of durations, as Value::text holds them.
inline constexpr std::string_view days_unit = "d";
inline constexpr std::string_view months_unit = "mo";

struct Value {
  ValueKind kind = ValueKind::Integer;
  std::int64_t integer = 0;  // Integer: the value; Date: days since 1970-01-01; Duration, Money: the amount
  std::string text;          // Symbol: the name; String: the contents; Duration, Money: the unit

  static Value make_integer(std::int64_t v) { return Value{ValueKind::Integer, v, {}}; }
  static Value make_symbol(std::string name) { return Value{ValueKind::Symbol, 0, std::move(name)}; }
  static Value make_string(std::string s) { return Value{ValueKind::String, 0, std::move(s)}; }
  static Value make_date(std::int64_t days) { return Value{ValueKind::Date, days, {}}; }
  static Value make_duration(std::int64_t amount, std::string_view unit) {
    return Value{ValueKind::Duration, amount, std::string(unit)};
  }
  static Value make_money(std::int64_t minor_units, std::string currency) {
    return Value{ValueKind::Money, minor_units, std::move(currency)};
  }

  // Dates, durations and money: the kinds that arithmetic and `<` type-check.
  bool is_quantity_kind() const { return kind >= ValueKind::Date; }

  bool operator==(const Value&) const = default;
};

// Total order: see above.
std::strong_ordering compare(const Value& a, const Value& b);
// Unsigned byte-wise order of two texts (UTF-8 strings order by code point this way).
std::strong_ordering compare_bytes(std::string_view a, std::string_view b);

inline bool operator<(const Value& a, const Value& b) { return compare(a, b) < 0; }

// The value as it is written in the language: 42, microsoft, "a \"quoted\" string",
// 2026-03-01, 30d, 1y6mo, $50_000_000_000, $12.50, CHF 1_000.
std::string to_source(const Value& v);

// The value as a sentence shows it: integers with thousands separators (50,000,000,000),
// symbols as written, strings without quotes or escapes. New kinds of value add their
// reading here, so every English rendering (templates, briefs, maps) shows them alike.
std::string to_display(const Value& v);

// A string literal in the language's syntax, with escapes: "a \"b\"\n".
std::string quote_string(std::string_view s);

// What kind of value it is, for messages: "an integer", "a date", "a duration in days",
// "an amount in USD".
std::string describe_kind(const Value& v);

}  // namespace writ::query
