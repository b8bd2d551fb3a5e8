// The written forms of dates, durations and money: read by the grammar's lowering (which
// has already matched their shape), by CSV import and by the store, and written back by
// to_source, so that what is printed reads back as the same value.
//
//   date      YYYY-MM-DD                       2026-03-01 (a real date of the years 1-9999)
//   duration  [Ny][Nmo][Nw][Nd], at least one  30d  2w  6mo  1y  1y6mo  (`_` between digits)
//             of them; years and months, or weeks and days, never both kinds: a month has
//             no fixed number of days
//   money     $N[.F]  €N[.F]  £N[.F]           $50_000_000_000  $12.50  €3  £0.99
//             CODE N[.F], CODE an ISO 4217 code  CHF 1_000  JPY 5000  KWD 1.250
//             with at most the currency's decimals in F
// A minus sign is arithmetic (`-30d`, `-$5`), folded into the constant by the grammar.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "value.hpp"

namespace writ::query {

// A literal read, or why not: `message` about the bytes [offset, offset + length) of the
// text given.
struct ParsedLiteral {
  std::optional<Value> value;
  std::string message;
  std::size_t offset = 0;
  std::size_t length = 0;
};

// Each reads the whole text as one literal of its kind, without a sign.
ParsedLiteral parse_date(std::string_view text);
ParsedLiteral parse_duration(std::string_view text);
ParsedLiteral parse_money(std::string_view text);

// A date, duration or amount of money written as to_source writes it (a leading '-' allowed
// for durations and money), or nullopt: how the store and CSV import read these kinds.
std::optional<Value> parse_quantity_literal(std::string_view text);

// to_source of each kind.
std::string format_duration(std::int64_t amount, std::string_view unit);
std::string format_money(std::int64_t minor_units, std::string_view currency);
// The amount alone as a decimal number, without sign of currency or grouping: "1234.50",
// "-0.05", "5000" (JPY): for JSON and other tools.
std::string format_amount(std::int64_t minor_units, std::string_view currency);

}  // namespace writ::query
