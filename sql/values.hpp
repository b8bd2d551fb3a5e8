// How writ's values are kept in SQL: one text column per argument, in the binary ("C")
// collation, so that SQL's own equality and order are writ's.
//
// A value is a one-letter tag for its kind, then its payload. The tags sort in the order
// of the kinds (integers < symbols < strings), and within a kind the payload sorts as the
// values do, so `ORDER BY`, `min`, `max`, `<` and `=` on the stored text need no decoding:
//
//   integer  'i', a length letter, the decimal digits:
//              n >= 0:  chr('A' + digits - 1) then the digits        0 -> iA0, 42 -> iB42
//              n <  0:  chr('9' - digits) then each digit d as 9 - d  -5 -> i84, -10 -> i789
//            so longer non-negative numbers sort later, longer negative ones earlier, and
//            the complemented digits reverse the order among negatives of one length.
//   symbol   's' then the name                                       microsoft -> smicrosoft
//   string   't' then the UTF-8 text                                 "a b" -> ta b
//
// A new kind takes a tag letter between or after these, placed by where the kind sorts
// (the letters between 'i' and 's', and after 't', are free), and a payload that sorts as
// its values; encode()/decode() below and the SQL functions of runtime.cpp must learn it.
// The switch statements over query::ValueKind make the compiler point at each place.
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
// generated script: writ.num(42), writ.sym('microsoft'), writ.str('a ''quoted'' text').
std::string value_literal(const query::Value& v, std::string_view schema);

}  // namespace writ::sql
