#include "values.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <utility>

#include "query/value.hpp"

namespace writ::sql {

namespace {

// N of values.hpp: a length letter and the digits.
std::string encode_number(std::int64_t n) {
  std::string out;
  if (n >= 0) {
    const std::string digits = std::to_string(n);
    out += static_cast<char>('A' + digits.size() - 1);
    return out + digits;
  }
  // The magnitude of INT64_MIN does not fit in int64: take the digits from the text.
  std::string digits = std::to_string(n).substr(1);
  out += static_cast<char>('9' - digits.size());
  for (auto& d : digits) d = static_cast<char>('9' - (d - '0'));
  return out + digits;
}

std::optional<std::int64_t> decode_number(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  const char length = text[0];
  std::string digits(text.substr(1));
  const bool negative = length < 'A';
  const std::size_t n = negative ? static_cast<std::size_t>('9' - length) : static_cast<std::size_t>(length - 'A' + 1);
  if (n != digits.size() || n > 19 || (negative && length > '8') || (!negative && length > 'S')) return std::nullopt;
  for (auto& d : digits) {
    if (d < '0' || d > '9') return std::nullopt;
    if (negative) d = static_cast<char>('9' - (d - '0'));
  }
  if (!negative && n > 1 && digits[0] == '0') return std::nullopt;  // not canonical
  if (negative) digits.insert(digits.begin(), '-');
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (negative && value == 0) return std::nullopt;
  return value;
}


// A unit or currency, then ':' and N.
std::optional<std::pair<std::string, std::int64_t>> decode_measure(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const auto n = decode_number(text.substr(colon + 1));
  if (!n) return std::nullopt;
  return std::pair{std::string(text.substr(0, colon)), *n};
}

}  // namespace

std::string encode(const query::Value& v) {
  switch (v.kind) {
    case query::ValueKind::Integer: return "i" + encode_number(v.integer);
    case query::ValueKind::Symbol: return "s" + v.text;
    case query::ValueKind::String: return "t" + v.text;
    case query::ValueKind::Date: return "u" + encode_number(v.integer);
    case query::ValueKind::Duration: return "v" + v.text + ":" + encode_number(v.integer);
    case query::ValueKind::Money: return "w" + v.text + ":" + encode_number(v.integer);
  }
  return {};
}

std::optional<query::Value> decode(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const auto payload = text.substr(1);
  switch (text[0]) {
    case 'i':
      if (const auto n = decode_number(payload)) return query::Value::make_integer(*n);
      return std::nullopt;
    case 's': return query::Value::make_symbol(std::string(payload));
    case 't': return query::Value::make_string(std::string(payload));
    case 'u':
      if (const auto n = decode_number(payload)) return query::Value::make_date(*n);
      return std::nullopt;
    case 'v':
      if (const auto m = decode_measure(payload)) return query::Value::make_duration(m->second, m->first);
      return std::nullopt;
    case 'w':
      if (const auto m = decode_measure(payload)) return query::Value::make_money(m->second, m->first);
      return std::nullopt;
    default: return std::nullopt;
  }
}


std::string string_literal(std::string_view text) {
  // Plain '...' unless the text has a backslash or a control character: then E'...', whose
  // escapes mean the same whatever standard_conforming_strings says, and keep a script's
  // lines whole.
  bool escaped = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    escaped = escaped || c == '\\' || u < 0x20 || u == 0x7f;
  }
  std::string out = escaped ? "E'" : "'";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\'') {
      out += "''";
    } else if (!escaped) {
      out += c;
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "'";
}


std::string value_literal(const query::Value& v, std::string_view schema) {
  const std::string prefix = std::string(schema) + ".";
  switch (v.kind) {
    case query::ValueKind::Integer:
      // -9223372036854775808 would be read as the negation of a numeric, which no bigint
      // parameter takes.
      if (v.integer == std::numeric_limits<std::int64_t>::min()) return prefix + "num((" + std::to_string(v.integer) + ")::bigint)";
      return prefix + "num(" + std::to_string(v.integer) + ")";
    case query::ValueKind::Symbol: return prefix + "sym(" + string_literal(v.text) + ")";
    case query::ValueKind::String: return prefix + "str(" + string_literal(v.text) + ")";
    case query::ValueKind::Date: return prefix + "date('" + query::to_source(v) + "')";
    case query::ValueKind::Duration:
      return prefix + "duration(" + std::to_string(v.integer) + ", " + string_literal(v.text) + ")";
    case query::ValueKind::Money: return prefix + "money(" + std::to_string(v.integer) + ", " + string_literal(v.text) + ")";
  }
  return {};
}

}  // namespace writ::sql
