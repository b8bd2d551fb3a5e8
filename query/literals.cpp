#include "literals.hpp"

#include <limits>

#include "calendar.hpp"
#include "currency.hpp"

namespace writ::query {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

ParsedLiteral failure(std::size_t offset, std::size_t length, std::string message) {
  ParsedLiteral out;
  out.message = std::move(message);
  out.offset = offset;
  out.length = length;
  return out;
}

ParsedLiteral success(Value v) {
  ParsedLiteral out;
  out.value = std::move(v);
  return out;
}

// Digits with single '_' between them at text[i...], accumulated into `value`; false on
// overflow of 64 bits signed. `i` ends after the last digit.
bool read_digits(std::string_view text, std::size_t& i, std::int64_t& value, bool& any) {
  value = 0;
  any = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '_' && any && i + 1 < text.size() && is_digit(text[i + 1])) {
      ++i;
      continue;
    }
    if (!is_digit(c)) break;
    any = true;
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_add_overflow(value, c - '0', &value)) return false;
    ++i;
  }
  return true;
}

const char* const month_names[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

void append_grouped(std::string& out, std::uint64_t whole) {
  const std::string digits = std::to_string(whole);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '_';
    out += digits[i];
  }
}

std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

std::uint64_t power_of_ten(int n) {
  std::uint64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

}  // namespace

ParsedLiteral parse_date(std::string_view text) {
  auto field = [&](std::size_t at, std::size_t n, std::uint32_t& out) {
    out = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (k >= text.size() || !is_digit(text[k])) return false;
      out = out * 10 + static_cast<std::uint32_t>(text[k] - '0');
    }
    return true;
  };
  std::uint32_t year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !field(0, 4, year) || !field(5, 2, month) ||
      !field(8, 2, day))
    return failure(0, text.size(), "a date is written YYYY-MM-DD");
  if (year < static_cast<std::uint32_t>(calendar::min_year))
    return failure(0, 4, "invalid date: there is no year 0 (years go from 0001 to 9999)");
  if (month < 1 || month > 12)
    return failure(5, 2, "invalid date: there is no month " + std::string(text.substr(5, 2)) + " (months go from 01 to 12)");
  const auto y = static_cast<std::int32_t>(year);
  const std::uint32_t last = calendar::days_in_month(y, month);
  if (day < 1 || day > last)
    return failure(8, 2,
                   "invalid date: " + std::string(month_names[month - 1]) + " " + std::to_string(year) + " has " +
                       std::to_string(last) + " days");
  return success(Value::make_date(calendar::days_from_civil({y, month, day})));
}

ParsedLiteral parse_duration(std::string_view text) {
  // The units in the order they must be written; each adds to months or to days.
  struct Unit {
    std::string_view name;
    bool months;
    std::int64_t factor;
  };
  static constexpr Unit units[] = {{"y", true, 12}, {"mo", true, 1}, {"w", false, 7}, {"d", false, 1}};
  std::int64_t total = 0;
  std::size_t next_unit = 0;  // units before it were written or skipped
  std::optional<bool> in_months;
  std::size_t i = 0;
  if (text.empty()) return failure(0, 0, "a duration is a number and a unit (y, mo, w, d)");
  while (i < text.size()) {
    const std::size_t start = i;
    std::int64_t n = 0;
    bool any = false;
    if (!read_digits(text, i, n, any)) return failure(0, text.size(), "duration out of range (64-bit signed)");
    if (!any) return failure(start, 1, "a duration is a number and a unit (y, mo, w, d)");
    std::size_t u = 0;
    while (u < 4 && text.substr(i, units[u].name.size()) != units[u].name) ++u;
    if (u == 4) return failure(i, 1, "a duration's unit is y, mo, w or d");
    if (u < next_unit)
      return failure(start, i + units[u].name.size() - start,
                     "a duration's units go from the largest to the smallest (y, mo, w, d), each once");
    if (in_months && *in_months != units[u].months)
      return failure(0, text.size(),
                     "a duration is in years and months or in weeks and days, not both: a month has no fixed "
                     "number of days");
    in_months = units[u].months;
    next_unit = u + 1;
    i += units[u].name.size();
    std::int64_t part = 0;
    if (__builtin_mul_overflow(n, units[u].factor, &part) || __builtin_add_overflow(total, part, &total))
      return failure(0, text.size(), "duration out of range (64-bit signed)");
  }
  return success(Value::make_duration(total, *in_months ? months_unit : days_unit));
}

ParsedLiteral parse_money(std::string_view text) {
  std::string code;
  std::size_t i = 0;
  if (!text.empty() && text[0] == '$') {
    code = "USD";
    i = 1;
  } else if (text.substr(0, 3) == "\u20ac" || text.substr(0, 2) == "\u00a3") {
    const std::size_t n = text[0] == '\xe2' ? 3 : 2;
    code = std::string(currency::code_of_sign(text.substr(0, n)));
    i = n;
  } else {
    code = std::string(text.substr(0, 3));
    bool capitals = code.size() == 3;
    for (char c : code) capitals = capitals && c >= 'A' && c <= 'Z';
    if (!capitals) return failure(0, text.size(), "an amount of money is written $N, \u20acN, \u00a3N or CODE N");
    if (!currency::known(code))
      return failure(0, 3, "unknown currency '" + code + "' (not an ISO 4217 code in use, such as USD, EUR or CHF)");
    i = 3;
    if (i >= text.size() || (text[i] != ' ' && text[i] != '\t'))
      return failure(0, text.size(), "an amount of money is written $N, \u20acN, \u00a3N or CODE N");
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  }
  const int decimals = currency::decimals(code);
  const std::size_t number = i;
  std::int64_t whole = 0;
  bool any = false;
  const auto out_of_range = [&] {
    return failure(number, text.size() - number,
                   "amount out of range (at most 64 bits in " + code + "'s minor unit)");
  };
  if (!read_digits(text, i, whole, any)) return out_of_range();
  if (!any) return failure(number, 1, "expected the amount's digits");
  std::int64_t fraction = 0;
  int written = 0;
  if (i < text.size() && text[i] == '.') {
    const std::size_t point = i++;
    while (i < text.size() && is_digit(text[i])) {
      fraction = fraction * 10 + (text[i] - '0');
      ++written;
      ++i;
      if (written > decimals)
        return failure(point, i - point,
                       decimals == 0 ? code + " amounts have no decimals"
                                     : code + " amounts have at most " + std::to_string(decimals) + " decimals");
    }
    if (written == 0) return failure(point, 1, "expected digits after the decimal point");
  }
  if (i != text.size()) return failure(i, 1, "unexpected character in an amount of money");
  std::int64_t minor = 0;
  const auto scale = static_cast<std::int64_t>(power_of_ten(decimals));
  const auto fraction_scale = static_cast<std::int64_t>(power_of_ten(decimals - written));
  if (__builtin_mul_overflow(whole, scale, &minor) || __builtin_add_overflow(minor, fraction * fraction_scale, &minor))
    return out_of_range();
  return success(Value::make_money(minor, std::move(code)));
}

std::optional<Value> parse_quantity_literal(std::string_view text) {
  if (text.size() == 10 && text[4] == '-' && is_digit(text[0])) return parse_date(text).value;
  const bool negative = !text.empty() && text[0] == '-';
  const std::string_view body = negative ? text.substr(1) : text;
  if (body.empty()) return std::nullopt;
  std::optional<Value> v = is_digit(body[0]) ? parse_duration(body).value : parse_money(body).value;
  if (!v || !negative) return v;
  if (v->integer == std::numeric_limits<std::int64_t>::min() || v->integer == 0) return std::nullopt;
  v->integer = -v->integer;
  return v;
}

std::string format_duration(std::int64_t amount, std::string_view unit) {
  std::string out = amount < 0 ? "-" : "";
  const std::uint64_t n = magnitude(amount);
  if (unit == days_unit) return out + std::to_string(n) + "d";
  const std::uint64_t years = n / 12, months = n % 12;
  if (years > 0) out += std::to_string(years) + "y";
  if (months > 0 || years == 0) out += std::to_string(months) + "mo";
  return out;
}

std::string format_amount(std::int64_t minor_units, std::string_view currency) {
  const int decimals = currency::decimals(currency);
  const std::uint64_t scale = power_of_ten(decimals);
  const std::uint64_t n = magnitude(minor_units);
  std::string out = minor_units < 0 ? "-" : "";
  out += std::to_string(n / scale);
  if (decimals > 0) {
    std::string fraction = std::to_string(n % scale);
    out += '.' + std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0') + fraction;
  }
  return out;
}

std::string format_money(std::int64_t minor_units, std::string_view currency) {
  const int decimals = currency::decimals(currency);
  const std::uint64_t scale = power_of_ten(decimals);
  const std::uint64_t n = magnitude(minor_units);
  std::string out = minor_units < 0 ? "-" : "";
  const std::string_view sign = currency::sign_of(currency);
  if (sign.empty()) {
    out += currency;
    out += ' ';
  } else {
    out += sign;
  }
  append_grouped(out, n / scale);
  if (n % scale != 0) {
    std::string fraction = std::to_string(n % scale);
    out += '.' + std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0') + fraction;
  }
  return out;
}

}  // namespace writ::query
