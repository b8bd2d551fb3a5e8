// libFuzzer target: the loader and the evaluator (kb::KnowledgeBase::load, then ask). The
// limits are small so that no input can hang the fuzzer: an exploding fixpoint must end
// with Outcome::LimitHit, never with a timeout or an out-of-memory kill.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_expect.hpp"
#include "writ/knowledge_base.hpp"

namespace {

// Asked after the text's own queries: p/1 is the predicate most seeds define.
constexpr const char* fixed_goal = "p(X)";
constexpr std::size_t max_queries = 3;  // of the text's own, to keep one input well under 5 s

void check(const writ::kb::KnowledgeBase& kb, writ::kb::Outcome outcome,
           const std::vector<writ::kb::Diagnostic>& diagnostics) {
  // An input error always comes with a message.
  WRIT_FUZZ_EXPECT(outcome != writ::kb::Outcome::InputError || !kb.render(diagnostics).empty());
  // The boundary turns an escaped exception into "internal error: ...": still a bug.
  for (const auto& d : diagnostics) WRIT_FUZZ_EXPECT(!d.message.starts_with("internal error"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using writ::kb::Outcome;
  writ::kb::KnowledgeBase kb(writ::kb::Limits{std::chrono::milliseconds(1000), 10'000});
  auto loaded = kb.load({{"fuzz.writ", std::string(reinterpret_cast<const char*>(data), size)}});
  check(kb, loaded.outcome, loaded.diagnostics);
  if (loaded.outcome != Outcome::Ok) return 0;
  for (std::size_t i = 0; i < loaded.queries.size() && i < max_queries; ++i) {
    const auto asked = kb.ask(loaded.queries[i]);
    check(kb, asked.outcome, asked.diagnostics);
    if (asked.outcome == Outcome::LimitHit) return 0;  // the same model would hit it again
  }
  const auto asked = kb.ask(fixed_goal);
  check(kb, asked.outcome, asked.diagnostics);
  (void)kb.predicates();
  (void)kb.rule_texts();
  return 0;
}
