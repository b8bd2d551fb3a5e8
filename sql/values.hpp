// How writ's values are kept in SQL: one text column per argument, in the binary ("C")
// collation, so that SQL's own equality and order are writ's.
//
// A value is a one-letter tag for its kind, then its payload. The tags sort in the order
// of the kinds (query/value.hpp: integers < symbols < strings < dates < durations <
// money), and within a kind the payload sorts as the values do, so `ORDER BY`, `min`,
// `max`, `<` and `=` on the stored text need no decoding:
//
//   integer   'i', then the number N:                                0 -> iA0, 42 -> iB42
//   symbol    's', then the name                                    microsoft -> smicrosoft
//   string    't', then the UTF-8 text                               "a b" -> ta b
//   date      'u', then N of its days since 1970-01-01               2026-03-01 -> uE20513
//   duration  'v', its unit, ':', then N of its amount               1y6mo -> vmo:B18
//   money     'w', its currency, ':', then N of its minor units      $12.50 -> wUSD:D1250
// where N, a number, is a length letter and the decimal digits:
//   n >= 0:  chr('A' + digits - 1) then the digits
//   n <  0:  chr('9' - digits) then each digit d as 9 - d           -5 -> 84, -10 -> 789
// so longer non-negative numbers sort later, longer negative ones earlier, and the
// complemented digits reverse the order among negatives of one length. Units and
// currencies come before the amount and end with ':', below every letter, so they sort
// first and byte-wise, as query::compare orders them.
//
// A new kind takes a tag letter placed by where the kind sorts (after 'w' for a kind that
// sorts last) and a payload that sorts as its values; encode()/decode() below and the SQL
// functions of runtime.cpp must learn it. The switch statements over query::ValueKind make
// the compiler point at each place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "query/value.hpp"

namespace writ::sql {

// The stored text of a value.
std::string encode(const query::Value& v);
// The value of a stored text; nullopt when it is not one encode() writes.
std::optional<query::Value> decode(std::string_view text);

// An SQL string literal: '...' with quotes doubled, or E'...' with escapes when the text has a
// backslash or a control character. The text must not contain NUL (writ's strings never do).
std::string string_literal(std::string_view text);

// The value as an SQL expression that builds it with the schema's functions, readable in a
// generated script: writ.num(42), writ.sym('microsoft'), writ.str('a ''quoted'' text'),
// writ.date('2026-03-01'), writ.duration(18, 'mo'), writ.money(1250, 'USD').
std::string value_literal(const query::Value& v, std::string_view schema);

}  // namespace writ::sql
