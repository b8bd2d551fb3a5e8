// libFuzzer target: inputs that fail part-way through. The input is a file's text plus
// where its reading fails (or not) and how short each read() is; this target's own read()
// (which replaces libc's for the whole program) fails with EIO at that byte of that file
// only. A load (into memory or into a store) or an import of a file whose reading fails
// must fail with "cannot read 'PATH': Input/output error" and change nothing: the same
// predicates, the same store log. When nothing fails, however short the reads, the file
// must load exactly as its text does through load().
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "fuzz_expect.hpp"
#include "writ/knowledge_base.hpp"

namespace {

// The fault: reads of the file `path` fail at byte `fail_at` (never when negative), and
// return at most `chunk` bytes each.
struct Fault {
  std::string path;
  long long fail_at = -1;
  std::size_t chunk = 0;
  bool armed = false;
};
Fault fault;

std::string scratch(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
  return (dir / ("writ-read-fault-" + std::to_string(::getpid()) + name)).string();
}

void remove_store(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
}

bool is_faulty(int fd) {
  if (!fault.armed) return false;
  char link[64];
  char target[PATH_MAX];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = ::readlink(link, target, sizeof target - 1);
  return n >= 0 && fault.path == std::string_view(target, static_cast<std::size_t>(n));
}

bool same(const std::vector<writ::kb::PredicateInfo>& a, const std::vector<writ::kb::PredicateInfo>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name != b[i].name || a[i].arity != b[i].arity || a[i].facts != b[i].facts || a[i].rules != b[i].rules)
      return false;
  return true;
}

std::vector<std::string> messages(const std::vector<writ::kb::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.message);
  return out;
}

}  // namespace

// Replaces libc's read() (and the sanitizers' weak interceptor) in this program.
extern "C" ssize_t read(int fd, void* buffer, std::size_t count) {
  if (is_faulty(fd)) {
    const off_t at = ::lseek(fd, 0, SEEK_CUR);
    if (fault.fail_at >= 0 && at >= fault.fail_at) {
      errno = EIO;
      return -1;
    }
    if (fault.fail_at >= 0 && static_cast<long long>(count) > fault.fail_at - at)
      count = static_cast<std::size_t>(fault.fail_at - at);
    if (count > fault.chunk) count = fault.chunk;
  }
  return ::syscall(SYS_read, fd, buffer, count);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using writ::kb::Outcome;
  if (size < 4) return 0;
  // Byte 0: what reads the file (load into memory, load into a store, import as CSV).
  // Bytes 1-2: where reading fails, as a fraction of the text (a quarter of the values:
  // never). Byte 3: the largest read, 1 to 255 bytes (0: 64 kB).
  const int mode = data[0] % 3;
  const unsigned where = data[1] | (data[2] << 8);
  const std::string text(reinterpret_cast<const char*>(data + 4), size - 4);
  static const std::string file = scratch(".writ");
  static const std::string csv_file = scratch(".csv");
  static const std::string db = scratch(".db");
  const std::string& path = mode == 2 ? csv_file : file;
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    WRIT_FUZZ_EXPECT(f != nullptr);
    WRIT_FUZZ_EXPECT(std::fwrite(text.data(), 1, text.size(), f) == text.size());
    WRIT_FUZZ_EXPECT(std::fclose(f) == 0);
  }
  const long long fail_at = where >= 0xC000 ? -1 : static_cast<long long>(text.size()) * where / 0xBFFF;
  const std::size_t chunk = data[3] == 0 ? (1 << 16) : data[3];

  writ::kb::KnowledgeBase kb(writ::kb::Limits{std::chrono::milliseconds(1000), 10000});
  if (mode == 1) {
    remove_store(db);
    WRIT_FUZZ_EXPECT(kb.open(db).outcome == Outcome::Ok);
  }
  WRIT_FUZZ_EXPECT(kb.load({{"base.writ", "base(1). base(2). r(X) :- base(X)."}}).outcome == Outcome::Ok);
  const auto predicates_before = kb.predicates();
  const auto log_before = kb.transactions().transactions.size();

  fault = Fault{std::filesystem::canonical(path).string(), fail_at, chunk, true};
  writ::kb::Outcome outcome;
  std::vector<writ::kb::Diagnostic> diagnostics;
  if (mode == 2) {
    auto imported = kb.import_csv_file(path, "t");
    outcome = imported.outcome;
    diagnostics = std::move(imported.diagnostics);
  } else {
    auto loaded = kb.load_files({path});
    outcome = loaded.outcome;
    diagnostics = std::move(loaded.diagnostics);
  }
  fault.armed = false;

  if (fail_at >= 0) {
    // Failed at byte fail_at: an error, and nothing changed.
    WRIT_FUZZ_EXPECT(outcome == Outcome::InputError);
    WRIT_FUZZ_EXPECT(diagnostics.size() == 1);
    WRIT_FUZZ_EXPECT(diagnostics[0].message == "cannot read '" + path + "': Input/output error");
    WRIT_FUZZ_EXPECT(same(kb.predicates(), predicates_before));
    WRIT_FUZZ_EXPECT(kb.transactions().transactions.size() == log_before);
  } else {
    // Read whole, in short reads: as if the text had been given.
    writ::kb::KnowledgeBase direct(writ::kb::Limits{std::chrono::milliseconds(1000), 10000});
    WRIT_FUZZ_EXPECT(direct.load({{"base.writ", "base(1). base(2). r(X) :- base(X)."}}).outcome == Outcome::Ok);
    writ::kb::Outcome expected;
    std::vector<writ::kb::Diagnostic> expected_diagnostics;
    if (mode == 2) {
      auto imported = direct.import_csv({path, text}, "t");
      expected = imported.outcome;
      expected_diagnostics = std::move(imported.diagnostics);
    } else {
      auto loaded = direct.load({{path, text}});
      expected = loaded.outcome;
      expected_diagnostics = std::move(loaded.diagnostics);
    }
    WRIT_FUZZ_EXPECT(outcome == expected);
    WRIT_FUZZ_EXPECT(messages(diagnostics) == messages(expected_diagnostics));
    if (mode != 1) WRIT_FUZZ_EXPECT(same(kb.predicates(), direct.predicates()));
  }
  if (mode == 1) remove_store(db);
  return 0;
}
