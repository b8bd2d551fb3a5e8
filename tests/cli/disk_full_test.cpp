// A full disk while writ writes a store (issue 11, item 9): the message says the disk is
// full, with the OS's reason (SQLite's own words for it are "disk I/O error"), exit 1, and
// a store that could not be created is not left behind. The full disk is an LD_PRELOAD
// shim (disk_full_shim.c) under which writes to the store's files fail with ENOSPC.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

class DiskFull : public ::testing::Test {
 protected:
  TempDir dir;
  ProcessResult writ(const std::vector<std::string>& args) { return run_writ(args, {}, dir.path()); }
  // writ with every write to a file whose path starts with dir/`prefix` failing.
  ProcessResult full(const std::string& prefix, const std::vector<std::string>& args) {
    const char* asan = std::getenv("ASAN_OPTIONS");
    return run_writ(args, {}, dir.path(),
                    {{"LD_PRELOAD", WRIT_DISK_FULL_SHIM},
                     {"WRIT_FULL_PATH", (std::filesystem::canonical(dir.path()) / prefix).string()},
                     {"ASAN_OPTIONS", std::string(asan ? asan : "") + ":verify_asan_link_order=0"}});
  }
  bool exists(const std::string& name) const { return std::filesystem::exists(dir.path() / name); }
};

TEST_F(DiskFull, CreatingAStoreSaysSoAndLeavesNoFile) {
  dir.write("a.writ", "p(1).\n");
  const auto r = full("new.db", {"load", "--db", "new.db", "a.writ"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot create store 'new.db': the disk is full (No space left on device)\n");
  for (const char* file : {"new.db", "new.db-wal", "new.db-shm", "new.db-journal"}) EXPECT_FALSE(exists(file)) << file;
  // The REPL on a new store, the same.
  const auto repl = full("new.db", {"new.db"});
  EXPECT_EQ(repl.exit_code, 1);
  EXPECT_EQ(repl.err, r.err);
  EXPECT_FALSE(exists("new.db"));
}

TEST_F(DiskFull, WritingToAStoreAddsNothingAndSaysSo) {
  dir.write("a.writ", "p(1).\n");
  dir.write("b.writ", "p(2).\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "a.writ"}).exit_code, 0);
  // Opening a store in WAL mode writes its shared-memory index (case.db-shm) first: that
  // is where a full disk stops the load.
  const auto r = full("case.db", {"load", "--db", "case.db", "b.writ"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot open store 'case.db': the disk is full (No space left on device)\n");
  EXPECT_TRUE(exists("case.db"));
  const auto asked = writ({"run", "--db", "case.db", "-q", "p(X)", "--format", "csv"});
  EXPECT_EQ(asked.out, "X\n1\n") << asked.err;
}

}  // namespace
}  // namespace writ::cli::test
