// How sure an answer is. The order is the order of strength. Each status has one palette,
// defined once (status_palette.cpp) and used everywhere: the map's nodes and legend (dot,
// SVG, the web page) and the terminal's answers.
#pragma once

namespace writ::query::argue {

enum class Status {
  Rejected,     // every argument for it is defeated (or rests on something rejected)
  Contested,    // arguments both ways, neither defeated
  Accepted,     // holds defeasibly: every counter-argument is defeated
  Established,  // follows by strict rules from facts alone
};

inline const char* status_name(Status s) {
  switch (s) {
    case Status::Rejected: return "rejected";
    case Status::Contested: return "contested";
    case Status::Accepted: return "accepted";
    case Status::Established: return "established";
  }
  return "rejected";
}

// The status's colour as "#rrggbb": borders, text and legends.
const char* status_colour(Status s);
// A light shade of it for a node's background, as "#rrggbb".
const char* status_fill(Status s);
// The SGR escape sequence that gives text the status's colour on a terminal: the colour of
// xterm's 256 nearest to status_colour (\x1b[38;5;Nm; 256 colours are nearly universal,
// 24-bit colour is not).
const char* status_sgr(Status s);

}  // namespace writ::query::argue
