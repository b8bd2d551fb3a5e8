// libFuzzer target: the C API on arbitrary bytes. The input is TEXT, or TEXT NUL GOAL: the
// text goes to writ_load_text, the goal (or a fixed one) to writ_query, writ_explain and
// writ_why_not, and every accessor of the results, statuses, listings and diagnostics is
// read; then the text is assumed (what-if), asked again and forgotten.
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
  const int has_status = writ_result_has_status(r);
  for (std::size_t row = 0; row <= rows && row < 1000; ++row) {  // one past the end, too
    const int status = writ_row_status(r, row);
    WRIT_FUZZ_EXPECT(has_status && row < rows ? status >= 1 && status <= 4 : status == 0);
    WRIT_FUZZ_EXPECT(writ_row_status_name(status) != nullptr || status == 0);
  }
}

// A JSON explanation: a call that succeeds hands out a text; none is an internal error.
// writ_explain's is an object (the argument map), writ_why_not's an array of trees.
void explain(writ_kb* kb, const std::string& goal, int (*call)(writ_kb*, const char*, char**), char opening) {
  char* json = nullptr;
  const int status = call(kb, goal.c_str(), &json);
  WRIT_FUZZ_EXPECT(status != WRIT_ERROR);
  WRIT_FUZZ_EXPECT((status == WRIT_OK) == (json != nullptr));
  if (json != nullptr) WRIT_FUZZ_EXPECT(json[0] == opening);
  writ_free(json);
  read_diagnostics(kb);
}

void listing(writ_kb* kb, int status, writ_result* r) {
  WRIT_FUZZ_EXPECT(status == WRIT_OK || status == WRIT_ERROR_NOMEM);
  if (r != nullptr) read_result(r);
  writ_result_free(r);
  read_diagnostics(kb);
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
  if (result != nullptr) read_result(result);
  writ_result_free(result);
  explain(kb, goal, writ_explain, '{');
  explain(kb, goal, writ_why_not, '[');
  writ_result* list = nullptr;
  listing(kb, writ_predicates(kb, &list), list);
  list = nullptr;
  listing(kb, writ_rule_texts(kb, nullptr, &list), list);

  // What-if with the same text: a hypothesis is checked like a load, and forgotten.
  const int assumed = writ_assume(kb, "fuzz", text.c_str());
  WRIT_FUZZ_EXPECT(assumed == WRIT_OK || assumed == WRIT_ERROR_INPUT || assumed == WRIT_ERROR_NOMEM);
  read_diagnostics(kb);
  result = nullptr;
  WRIT_FUZZ_EXPECT(writ_query(kb, goal.c_str(), &result) != WRIT_ERROR);
  if (result != nullptr) read_result(result);
  writ_result_free(result);
  list = nullptr;
  listing(kb, writ_assumptions(kb, &list), list);
  WRIT_FUZZ_EXPECT(writ_forget(kb) == WRIT_OK);
  writ_close(kb);
  return 0;
}
