// Calendar dates of the proleptic Gregorian calendar, as a count of days since 1970-01-01
// (the date value's representation, see value.hpp), and the calendar arithmetic of the
// language: adding days is exact; adding months keeps the day of the month, or takes the
// month's last day when it has fewer (2024-01-31 + 1mo = 2024-02-29), as PostgreSQL,
// java.time and dateutil do.
//
// Dates range over the years 1 to 9999, the four-digit years of ISO 8601's basic form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace writ::query::calendar {

struct CivilDate {
  std::int32_t year = 1970;
  std::uint32_t month = 1;  // 1..12
  std::uint32_t day = 1;    // 1..days_in_month
};

inline constexpr std::int32_t min_year = 1;
inline constexpr std::int32_t max_year = 9999;

bool is_leap_year(std::int32_t year);
std::uint32_t days_in_month(std::int32_t year, std::uint32_t month);

// Days since 1970-01-01 (negative before); the date must be valid.
std::int64_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(std::int64_t days);

// Whether `days` is a date of the years 1 to 9999.
bool in_range(std::int64_t days);
std::int64_t first_day();  // 0001-01-01
std::int64_t last_day();   // 9999-12-31

// `days` plus `months` calendar months, the day clamped to the month's length; nullopt when
// the result is outside the years 1 to 9999.
std::optional<std::int64_t> add_months(std::int64_t days, std::int64_t months);

// YYYY-MM-DD.
std::string format(std::int64_t days);

}  // namespace writ::query::calendar
