#include "calendar.hpp"

#include <cstdio>

namespace writ::query::calendar {

bool is_leap_year(std::int32_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

std::uint32_t days_in_month(std::int32_t year, std::uint32_t month) {
  static constexpr std::uint32_t length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return month >= 1 && month <= 12 ? length[month - 1] : 0;
}

// Howard Hinnant's algorithms ("chrono-Compatible Low-Level Date Algorithms"): the year is
// shifted to begin in March, so that the leap day is the last day of a 400-year era's year.
std::int64_t days_from_civil(const CivilDate& date) {
  const std::int64_t y = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                               // [0, 399]
  const std::int64_t mp = (static_cast<std::int64_t>(date.month) + 9) % 12;            // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + static_cast<std::int64_t>(date.day) - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                       // [0, 146096]
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<std::int32_t>(y), static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(d)};
}

std::int64_t first_day() { return days_from_civil({min_year, 1, 1}); }
std::int64_t last_day() { return days_from_civil({max_year, 12, 31}); }

bool in_range(std::int64_t days) { return days >= first_day() && days <= last_day(); }

std::optional<std::int64_t> add_months(std::int64_t days, std::int64_t months) {
  if (!in_range(days)) return std::nullopt;
  // Any result in range is within 12 * 10,000 months of any date in range.
  constexpr std::int64_t max_months = 12 * 10'000;
  if (months > max_months || months < -max_months) return std::nullopt;
  const CivilDate from = civil_from_days(days);
  const std::int64_t index = static_cast<std::int64_t>(from.year) * 12 + (from.month - 1) + months;
  const std::int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  const auto month = static_cast<std::uint32_t>(index - year * 12 + 1);
  if (year < min_year || year > max_year) return std::nullopt;
  const auto y = static_cast<std::int32_t>(year);
  const std::uint32_t last = days_in_month(y, month);
  return days_from_civil({y, month, from.day < last ? from.day : last});
}

std::string format(std::int64_t days) {
  const CivilDate d = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year), d.month, d.day);
  return buf;
}

}  // namespace writ::query::calendar
