// The statuses' palette: blue, green, amber, red, told apart with the common colour-vision
// deficiencies too (blue against amber is the safe pair; green and red differ in lightness
// as well). The terminal's colours are derived from the same hex values.
#include <array>
#include <cstdlib>
#include <string>

#include "status.hpp"

namespace writ::query::argue {

namespace {

struct Shades {
  const char* colour;
  const char* fill;
};

Shades shades(Status s) {
  switch (s) {
    case Status::Established: return {"#1f5fa8", "#dce8f7"};
    case Status::Accepted: return {"#2e8b3e", "#dcf0df"};
    case Status::Contested: return {"#c77c00", "#fdeccc"};
    case Status::Rejected: return {"#c62828", "#f8d7d7"};
  }
  return {"#c62828", "#f8d7d7"};
}

// xterm's 6x6x6 colour cube (indices 16..231) has these levels on each channel.
constexpr std::array<int, 6> cube_levels = {0, 95, 135, 175, 215, 255};

int nearest_level(int value) {
  int best = 0;
  for (int i = 1; i < 6; ++i)
    if (std::abs(cube_levels[i] - value) < std::abs(cube_levels[best] - value)) best = i;
  return best;
}

std::string sgr_of(const char* hex) {
  const long rgb = std::strtol(hex + 1, nullptr, 16);
  const int index = 16 + 36 * nearest_level(static_cast<int>((rgb >> 16) & 0xff)) +
                    6 * nearest_level(static_cast<int>((rgb >> 8) & 0xff)) + nearest_level(static_cast<int>(rgb & 0xff));
  return "\x1b[38;5;" + std::to_string(index) + "m";
}

}  // namespace

const char* status_colour(Status s) { return shades(s).colour; }

const char* status_fill(Status s) { return shades(s).fill; }

const char* status_sgr(Status s) {
  // Derived once (a function-local static: thread-safe), indexed by the enum's value.
  static const std::array<std::string, 4> sgr = {sgr_of(status_colour(Status::Rejected)),
                                                  sgr_of(status_colour(Status::Contested)),
                                                  sgr_of(status_colour(Status::Accepted)),
                                                  sgr_of(status_colour(Status::Established))};
  return sgr[static_cast<std::size_t>(s)].c_str();
}

}  // namespace writ::query::argue
