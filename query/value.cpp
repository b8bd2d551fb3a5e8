#include "value.hpp"

#include <algorithm>
#include <cstdio>

#include "calendar.hpp"
#include "literals.hpp"

namespace writ::query {

std::strong_ordering compare_bytes(std::string_view a, std::string_view b) {
  // Byte-wise, as clingo compares names and strings; char may be signed, so compare
  // unsigned bytes.
  const auto n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (x != y) return x <=> y;
  }
  return a.size() <=> b.size();
}

std::strong_ordering compare(const Value& a, const Value& b) {
  if (a.kind != b.kind) return a.kind <=> b.kind;
  switch (a.kind) {
    case ValueKind::Integer:
    case ValueKind::Date: return a.integer <=> b.integer;
    case ValueKind::Symbol:
    case ValueKind::String: return compare_bytes(a.text, b.text);
    case ValueKind::Duration:
    case ValueKind::Money: {
      // Units are "d" < "mo" and ISO codes, all ASCII: their byte order is the one documented.
      const auto unit = compare_bytes(a.text, b.text);
      return unit != 0 ? unit : a.integer <=> b.integer;
    }
  }
  return std::strong_ordering::equal;
}

std::string quote_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;  // UTF-8 passes through
        }
    }
  }
  out += '"';
  return out;
}

std::string to_source(const Value& v) {
  switch (v.kind) {
    case ValueKind::Integer: return std::to_string(v.integer);
    case ValueKind::Symbol: return v.text;
    case ValueKind::String: return quote_string(v.text);
    case ValueKind::Date: return calendar::format(v.integer);
    case ValueKind::Duration: return format_duration(v.integer, v.text);
    case ValueKind::Money: return format_money(v.integer, v.text);
  }
  return {};
}

std::string to_display(const Value& v) {
  if (v.kind == ValueKind::Symbol || v.kind == ValueKind::String) return v.text;
  if (v.kind != ValueKind::Integer) return to_source(v);  // dates, durations, money: as written
  const std::string digits = std::to_string(v.integer);
  const std::size_t sign = v.integer < 0 ? 1 : 0;
  std::string out = digits.substr(0, sign);
  for (std::size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string describe_kind(const Value& v) {
  switch (v.kind) {
    case ValueKind::Integer: return "an integer";
    case ValueKind::Symbol: return "a symbol";
    case ValueKind::String: return "a string";
    case ValueKind::Date: return "a date";
    case ValueKind::Duration: return v.text == days_unit ? "a duration in days" : "a duration in months";
    case ValueKind::Money: return "an amount in " + v.text;
  }
  return "a value";
}

}  // namespace writ::query
