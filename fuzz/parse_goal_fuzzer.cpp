// libFuzzer target: one REPL statement or `-q` goal (grammar::parse_goal), and the REPL's
// continuation test (grammar::is_complete) on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_expect.hpp"
#include "grammar/parse.hpp"
#include "query/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  writ::query::SourceSet sources;
  const auto id = sources.add("<query>", std::string(text));
  const auto goal = writ::grammar::parse_goal(text, id);
  // A goal either parses or says why, never neither nor both.
  WRIT_FUZZ_EXPECT(goal.query.has_value() != writ::query::has_errors(goal.diagnostics));
  (void)writ::query::render(goal.diagnostics, sources);
  (void)writ::grammar::is_complete(text);
  return 0;
}
