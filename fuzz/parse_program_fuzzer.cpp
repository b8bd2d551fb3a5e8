// libFuzzer target: the parser on whole files (grammar::parse_program), then the rendering
// of its diagnostics, which cuts long lines around the column and draws the caret. The
// fast path for facts (ParseOptions::compact_facts) must read what the full grammar reads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <algorithm>
#include <vector>

#include "fuzz_expect.hpp"
#include "grammar/parse.hpp"
#include "query/diagnostic.hpp"

namespace {

// The statements of a parse as texts, with each plain fact as predicate, values and place
// (a compact parse's rows included), sorted: both paths must give the same.
std::vector<std::string> reading(const writ::grammar::ParseResult& r) {
  using writ::query::Value;
  std::vector<std::string> out;
  auto fact = [&](const std::string& predicate, const Value* values, std::size_t n, const writ::query::Location& at) {
    std::string s = predicate + "(";
    for (std::size_t i = 0; i < n; ++i) s += (i ? ", " : "") + writ::query::to_source(values[i]);
    out.push_back(s + ")@" + std::to_string(at.line) + ":" + std::to_string(at.column));
  };
  std::vector<bool> representative(r.program.rules.size(), false);
  for (const auto& f : r.facts) {
    WRIT_FUZZ_EXPECT(f.representative < r.program.rules.size());
    WRIT_FUZZ_EXPECT(f.values.size() == f.rows() * f.arity);
    representative[f.representative] = true;
    for (std::size_t k = 0; k < f.rows(); ++k) fact(f.predicate, f.values.data() + k * f.arity, f.arity, f.locations[k]);
  }
  for (std::size_t i = 0; i < r.program.rules.size(); ++i) {
    const auto& rule = r.program.rules[i];
    if (representative[i]) continue;
    bool plain = rule.is_fact() && !rule.label && !rule.citation && rule.kind == writ::query::RuleKind::Strict;
    std::vector<Value> values;
    for (const auto& t : rule.head.args) {
      plain = plain && t.kind == writ::query::Term::Kind::Constant;
      values.push_back(t.value);
    }
    if (plain)
      fact((rule.head.strong_negation ? "-" : "") + rule.head.predicate, values.data(), values.size(), rule.location);
    else
      out.push_back(rule.text);
  }
  for (const auto& d : r.diagnostics) out.push_back(std::to_string(d.location.offset) + " " + d.message);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  writ::query::SourceSet sources;
  const auto id = sources.add("fuzz.writ", std::string(text));
  const auto result = writ::grammar::parse_program(text, id);
  const std::string rendered = writ::query::render(result.diagnostics, sources);
  // Every error names its place, so a text with errors renders to something.
  WRIT_FUZZ_EXPECT(result.diagnostics.empty() || !rendered.empty());
  const auto compact = writ::grammar::parse_program(text, id, writ::grammar::ParseOptions{1, true});
  WRIT_FUZZ_EXPECT(reading(compact) == reading(result));
  return 0;
}
