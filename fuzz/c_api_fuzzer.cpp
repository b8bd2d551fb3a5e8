// libFuzzer target: the C API on arbitrary bytes. The input is TEXT, or TEXT NUL GOAL: the
// text goes to writ_load_text, the goal (or a fixed one) to writ_query, and every accessor
// of the result and of the diagnostics is read.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_expect.hpp"
#include "writ/writ.h"

namespace {

void read_diagnostics(writ_kb* kb) {
  WRIT_FUZZ_EXPECT(writ_errmsg(kb) != nullptr);
  const std::size_t n = writ_diagnostic_count(kb);
  for (std::size_t i = 0; i <= n; ++i) {  // one past the end, too
    (void)writ_diagnostic_severity(kb, i);
    const char* message = writ_diagnostic_message(kb, i);
    // The boundary turns an escaped exception into "internal error: ...": still a bug.
    if (message != nullptr) WRIT_FUZZ_EXPECT(std::strncmp(message, "internal error", 14) != 0);
    const char* source = writ_diagnostic_source(kb, i);
    if (source != nullptr) (void)std::strlen(source);
    (void)writ_diagnostic_line(kb, i);
    (void)writ_diagnostic_column(kb, i);
  }
}

void read_result(const writ_result* r) {
  const std::size_t rows = writ_result_row_count(r);
  const std::size_t cols = writ_result_column_count(r);
  for (std::size_t c = 0; c <= cols; ++c) {
    const char* name = writ_result_column_name(r, c);
    WRIT_FUZZ_EXPECT((name == nullptr) == (c == cols));
  }
  for (std::size_t row = 0; row < rows && row < 1000; ++row)
    for (std::size_t c = 0; c < cols; ++c) {
      WRIT_FUZZ_EXPECT(writ_value_type(r, row, c) != 0);
      (void)writ_value_int64(r, row, c);
      const char* text = writ_value_text(r, row, c);
      WRIT_FUZZ_EXPECT(text != nullptr);
      // The text holds bytes() bytes and a final NUL.
      WRIT_FUZZ_EXPECT(text[writ_value_bytes(r, row, c)] == '\0');
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string text = input.substr(0, nul);
  const std::string goal = nul == std::string::npos ? "p(X)" : input.substr(nul + 1);

  writ_kb* kb = nullptr;
  WRIT_FUZZ_EXPECT(writ_open(nullptr, &kb) == WRIT_OK);
  writ_set_timeout(kb, 1000);
  writ_set_max_facts(kb, 10'000);
  (void)writ_is_complete(text.c_str());
  const int loaded = writ_load_text(kb, "fuzz", text.c_str());
  // WRIT_ERROR would be an internal error (an exception caught at the boundary): a bug.
  WRIT_FUZZ_EXPECT(loaded == WRIT_OK || loaded == WRIT_ERROR_INPUT || loaded == WRIT_ERROR_NOMEM);
  read_diagnostics(kb);
  writ_result* result = nullptr;
  const int asked = writ_query(kb, goal.c_str(), &result);
  WRIT_FUZZ_EXPECT((asked == WRIT_OK) == (result != nullptr));
  WRIT_FUZZ_EXPECT(asked != WRIT_ERROR);
  read_diagnostics(kb);
  read_result(result);
  writ_result_free(result);
  writ_close(kb);
  return 0;
}
