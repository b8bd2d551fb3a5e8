// A process killed with SIGKILL in the middle of a large load leaves the store whole, with
// all of that load or none of it.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <thread>

#include "kb/store/sqlite.hpp"
#include "store_fixture.hpp"

namespace writ::test {
namespace {

namespace store = kb::store;

constexpr int batch = 20000;

std::uintmax_t wal_size(const std::string& db) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(db + "-wal", ec);
  return ec ? 0 : n;
}

// When to kill the child: after a time (parsing and checking come before any write), or
// once the write-ahead log has grown to a size (the write itself, and its commit).
struct KillPoint {
  std::chrono::microseconds after{0};
  std::uintmax_t wal_bytes = 0;
};

struct ChildRun {
  bool killed = false;                   // died of the SIGKILL rather than finishing
  std::uintmax_t largest_wal = 0;        // the largest write-ahead log seen
  std::chrono::microseconds duration{0};
};

// Runs the load in a child process, killing it at `kill` when given.
ChildRun load_in_child(const std::string& db, const std::string& text, std::optional<KillPoint> kill) {
  ChildRun run;
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) return run;
  if (child == 0) {
    kb::KnowledgeBase kb;
    if (kb.open(db).outcome != kb::Outcome::Ok) _exit(10);
    _exit(kb.load({{"big.writ", text}}).outcome == kb::Outcome::Ok ? 0 : 11);
  }
  int status = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    const auto wal = wal_size(db);
    run.largest_wal = std::max(run.largest_wal, wal);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (kill && ((kill->wal_bytes == 0 && elapsed >= kill->after) || (kill->wal_bytes > 0 && wal >= kill->wal_bytes))) {
      ::kill(child, SIGKILL);
      waitpid(child, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  run.duration = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  run.killed = WIFSIGNALED(status);
  if (!kill) {
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  return run;
}

// integrity_check, and the count of facts that the big load added (transaction 2).
std::int64_t check_store(const std::string& file) {
  store::Database db;
  EXPECT_FALSE(store::Database::open(file, store::OpenMode::ReadWrite, db));
  store::Statement s;
  EXPECT_FALSE(db.prepare("PRAGMA integrity_check", s));
  EXPECT_EQ(s.step(), store::Step::Row);
  EXPECT_EQ(s.column_text(0), "ok") << file;
  std::int64_t n = -1;
  EXPECT_FALSE(db.query_int("SELECT count(*) FROM facts_edge_2 WHERE tx_added = 2", n));
  std::int64_t before = -1;
  EXPECT_FALSE(db.query_int("SELECT count(*) FROM facts_edge_2 WHERE tx_added = 1", before));
  EXPECT_EQ(before, 1);
  return n;
}

TEST_F(StoreTest, KilledLoadLeavesAllOrNothing) {
  const std::string text = edges(1, batch);
  {
    auto kb = open("base.db");
    load_ok(*kb, "edge(0, 1).\n");
  }
  const auto base = read_bytes(path("base.db"));

  // One load to completion tells how long a load takes here and how large its log grows
  // (not a pass/fail timing).
  write_bytes(path("full.db"), base);
  const auto full = load_in_child(path("full.db"), text, std::nullopt);
  EXPECT_EQ(check_store(path("full.db")), batch);

  std::vector<KillPoint> points;
  for (int k = 1; k <= 3; ++k) points.push_back(KillPoint{full.duration * k / 4, 0});
  points.push_back(KillPoint{{}, 1});
  for (int k = 1; k <= 8; ++k) points.push_back(KillPoint{{}, std::max<std::uintmax_t>(1, full.largest_wal * k / 8)});

  int killed = 0, all = 0, none = 0;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const auto db = path("kill" + std::to_string(k) + ".db");
    write_bytes(db, base);
    killed += load_in_child(db, text, points[k]).killed ? 1 : 0;
    const auto n = check_store(db);
    EXPECT_TRUE(n == 0 || n == batch) << "kill point " << k << ": " << n << " facts";
    (n == batch ? all : none) += 1;
    // And writ itself opens it, with the facts of the first load.
    kb::KnowledgeBase kb;
    const auto r = kb.open(db);
    ASSERT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
    EXPECT_EQ(kb.ask("edge(0, X)").answers.rows.size(), 1u);
  }
  std::cout << "[ info     ] " << killed << " of " << points.size() << " loads killed mid-way; " << all
            << " kept all, " << none << " kept none (a full load took " << full.duration.count() / 1000
            << " ms, its log grew to " << full.largest_wal / 1024 << " KiB)\n";
}

}  // namespace
}  // namespace writ::test
