// libFuzzer target: the parser on whole files (grammar::parse_program), then the rendering
// of its diagnostics, which cuts long lines around the column and draws the caret.
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
  const auto id = sources.add("fuzz.writ", std::string(text));
  const auto result = writ::grammar::parse_program(text, id);
  const std::string rendered = writ::query::render(result.diagnostics, sources);
  // Every error names its place, so a text with errors renders to something.
  WRIT_FUZZ_EXPECT(result.diagnostics.empty() || !rendered.empty());
  return 0;
}
