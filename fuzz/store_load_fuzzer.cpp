// libFuzzer target: the loader into a store. Each input is loaded into a fresh store file
// (in /dev/shm when there is one, so that the synchronous writes stay cheap) and into a
// knowledge base in memory: both must accept or refuse it with the same diagnostics (a
// store's load keeps facts as rows, memory's as rules). When the load succeeds, the store
// is opened again and must hold the same predicates, with the same numbers of facts and
// rules, as memory and as the session that wrote it; every relation must have the same
// answers; and verify_store must read every fact back.
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "fuzz_expect.hpp"
#include "writ/knowledge_base.hpp"

namespace {

std::string store_path() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
  return (dir / ("writ-fuzz-" + std::to_string(::getpid()) + ".db")).string();
}

void remove_store(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

bool same(const std::vector<writ::kb::PredicateInfo>& a, const std::vector<writ::kb::PredicateInfo>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].arity != b[i].arity || a[i].facts != b[i].facts || a[i].rules != b[i].rules)
      return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using writ::kb::Outcome;
  static const std::string path = store_path();
  remove_store(path);
  const std::string input(reinterpret_cast<const char*>(data), size);
  // Two loads, split at the first line break after the middle: facts the first load sent to
  // the store must count for the second as they do in memory.
  const auto cut = input.find('\n', input.size() / 2);
  const std::vector<std::string> texts = cut == std::string::npos
                                             ? std::vector<std::string>{input}
                                             : std::vector<std::string>{input.substr(0, cut + 1), input.substr(cut + 1)};
  const writ::kb::Limits limits{std::chrono::milliseconds(1000), 10'000};
  writ::kb::KnowledgeBase memory(limits);
  std::vector<writ::kb::PredicateInfo> written;
  {
    writ::kb::KnowledgeBase kb(limits);
    WRIT_FUZZ_EXPECT(kb.open(path).outcome == Outcome::Ok);
    for (const auto& text : texts) {
      const auto in_memory = memory.load({{"fuzz.writ", text}});
      const auto loaded = kb.load({{"fuzz.writ", text}});
      // The boundary turns an escaped exception into "internal error: ...": still a bug.
      for (const auto& d : loaded.diagnostics) WRIT_FUZZ_EXPECT(!d.message.starts_with("internal error"));
      WRIT_FUZZ_EXPECT(loaded.outcome == in_memory.outcome);
      const auto stored_says = kb.render(loaded.diagnostics), memory_says = memory.render(in_memory.diagnostics);
      if (stored_says != memory_says)
        std::fprintf(stderr, "--- into the store:\n%s--- in memory:\n%s", stored_says.c_str(), memory_says.c_str());
      WRIT_FUZZ_EXPECT(stored_says == memory_says);
    }
    if (kb.predicates().empty() && kb.rule_texts().empty()) {
      remove_store(path);
      return 0;
    }
    written = kb.predicates();
    WRIT_FUZZ_EXPECT(same(written, memory.predicates()));
  }
  {
    writ::kb::KnowledgeBase kb(limits);
    const auto opened = kb.open(path);
    WRIT_FUZZ_EXPECT(opened.outcome == Outcome::Ok);  // writ reads back what it wrote
    WRIT_FUZZ_EXPECT(same(written, kb.predicates()));
    std::size_t facts = 0;
    for (const auto& p : written) facts += p.facts;
    const auto verified = kb.verify_store();
    WRIT_FUZZ_EXPECT(verified.outcome == Outcome::Ok);
    WRIT_FUZZ_EXPECT(verified.facts <= facts);  // facts kept as text (cited, labelled) are statements
    for (const auto& p : written) {
      const auto stored = kb.relation(p.name, p.arity);
      const auto expected = memory.relation(p.name, p.arity);
      WRIT_FUZZ_EXPECT(stored.size() == 1 && expected.size() == 1);
      if (stored[0].outcome != Outcome::Ok || expected[0].outcome != Outcome::Ok) continue;  // a limit
      WRIT_FUZZ_EXPECT(stored[0].answers.rows == expected[0].answers.rows);
      WRIT_FUZZ_EXPECT(stored[0].answers.statuses == expected[0].answers.statuses);
    }
  }
  remove_store(path);
  return 0;
}
