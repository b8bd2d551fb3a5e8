// libFuzzer target: the loader into a store. Each input is loaded into a fresh store file
// (in /dev/shm when there is one, so that the synchronous writes stay cheap); when the load
// succeeds, the store is opened again and must hold the same predicates with the same
// numbers of facts and rules: what a store accepts, it must be able to read back.
#include <unistd.h>

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
  std::vector<writ::kb::PredicateInfo> written;
  {
    writ::kb::KnowledgeBase kb;
    WRIT_FUZZ_EXPECT(kb.open(path).outcome == Outcome::Ok);
    const auto loaded = kb.load({{"fuzz.writ", std::string(reinterpret_cast<const char*>(data), size)}});
    // The boundary turns an escaped exception into "internal error: ...": still a bug.
    for (const auto& d : loaded.diagnostics) WRIT_FUZZ_EXPECT(!d.message.starts_with("internal error"));
    if (loaded.outcome != Outcome::Ok) {
      remove_store(path);
      return 0;
    }
    written = kb.predicates();
  }
  {
    writ::kb::KnowledgeBase kb;
    const auto opened = kb.open(path);
    WRIT_FUZZ_EXPECT(opened.outcome == Outcome::Ok);  // writ reads back what it wrote
    WRIT_FUZZ_EXPECT(same(written, kb.predicates()));
  }
  remove_store(path);
  return 0;
}
