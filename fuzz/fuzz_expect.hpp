// The fuzz targets' own checks: an invariant that fails prints what and where, then
// aborts, which libFuzzer reports as a crash and saves the input.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace writ::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
  std::abort();
}

}  // namespace writ::fuzz

#define WRIT_FUZZ_EXPECT(condition) \
  ((condition) ? static_cast<void>(0) : ::writ::fuzz::fail(#condition, __FILE__, __LINE__))
