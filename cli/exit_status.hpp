// The exit statuses of `writ`, shared by every command.
#pragma once

namespace writ::cli {

enum class ExitStatus {
  Ok = 0,
  InputError = 1,  // errors in the input (syntax, checks, unreadable files, bad queries)
  Usage = 2,       // unknown option or command, missing or bad argument
  LimitHit = 3,    // --timeout or --max-facts ended an evaluation
};

inline int to_int(ExitStatus s) { return static_cast<int>(s); }

// The worse of two statuses, for a session that collects several: input errors outrank a
// limit hit, which outranks success.
inline ExitStatus worst(ExitStatus a, ExitStatus b) {
  auto rank = [](ExitStatus s) {
    switch (s) {
      case ExitStatus::Ok: return 0;
      case ExitStatus::LimitHit: return 1;
      case ExitStatus::InputError: return 2;
      case ExitStatus::Usage: return 3;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace writ::cli
