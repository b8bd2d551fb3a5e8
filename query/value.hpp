// A value of the language as users see it: an integer, a symbol or a string.
//
// This is the typed value of the AST, of query answers and of the public API. The
// evaluator works on interned 64-bit words instead (see eval/datum.hpp); it converts at
// its edges.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace writ::query {

// The order of kinds is the order of values (as in clingo): integers < symbols < strings.
enum class ValueKind : std::uint8_t { Integer = 0, Symbol = 1, String = 2 };

struct Value {
  ValueKind kind = ValueKind::Integer;
  std::int64_t integer = 0;  // when kind == Integer
  std::string text;          // the symbol's name or the string's UTF-8 contents

  static Value make_integer(std::int64_t v) { return Value{ValueKind::Integer, v, {}}; }
  static Value make_symbol(std::string name) { return Value{ValueKind::Symbol, 0, std::move(name)}; }
  static Value make_string(std::string s) { return Value{ValueKind::String, 0, std::move(s)}; }

  bool operator==(const Value&) const = default;
};

// Total order: by kind, then integers numerically, symbols and strings by their bytes.
std::strong_ordering compare(const Value& a, const Value& b);
// Unsigned byte-wise order of two texts (UTF-8 strings order by code point this way).
std::strong_ordering compare_bytes(std::string_view a, std::string_view b);

inline bool operator<(const Value& a, const Value& b) { return compare(a, b) < 0; }

// The value as it is written in the language: 42, microsoft, "a \"quoted\" string".
std::string to_source(const Value& v);

// The value as a sentence shows it: integers with thousands separators (50,000,000,000),
// symbols as written, strings without quotes or escapes. New kinds of value add their
// reading here, so every English rendering (templates, briefs, maps) shows them alike.
std::string to_display(const Value& v);

// A string literal in the language's syntax, with escapes: "a \"b\"\n".
std::string quote_string(std::string_view s);

}  // namespace writ::query
