// Inputs that fail part-way: a read error is never taken for the end of a file. Each
// command that reads a file (load, check, run, import, retract's stdin, the REPL's .load)
// fails with `error:`, the file's name and the OS's reason, exit 1, and adds nothing. The
// faults come from an LD_PRELOAD shim (read_fault_shim.c) that makes read() fail with EIO
// once a chosen file's offset reaches N bytes; /proc/self/mem fails on its own.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

class ReadFaults : public ::testing::Test {
 protected:
  TempDir dir;

  ProcessResult writ(const std::vector<std::string>& args, std::string_view input = {}) {
    return run_writ(args, input, dir.path());
  }
  // writ with read() of `file` failing with EIO at byte `after`.
  ProcessResult faulty(const std::string& file, long after, const std::vector<std::string>& args,
                       std::string_view input = {}) {
    return run_writ(args, input, dir.path(), fault_env({"WRIT_FAULT_PATH", std::filesystem::canonical(dir.path() / file).string()}, after));
  }
  // writ with read() of its standard input failing at byte `after`.
  ProcessResult faulty_stdin(long after, const std::vector<std::string>& args, std::string_view input) {
    return run_writ(args, input, dir.path(), fault_env({"WRIT_FAULT_FD", "0"}, after));
  }

  static std::vector<std::pair<std::string, std::string>> fault_env(std::pair<std::string, std::string> which,
                                                                   long after) {
    // A sanitized writ loads its runtime as a library, which must otherwise come first.
    const char* asan = std::getenv("ASAN_OPTIONS");
    return {{"LD_PRELOAD", WRIT_READ_FAULT_SHIM},
            std::move(which),
            {"WRIT_FAULT_AFTER", std::to_string(after)},
            {"ASAN_OPTIONS", std::string(asan ? asan : "") + ":verify_asan_link_order=0"}};
  }

  // 10,000 facts, about 150 kB, in facts.writ; returns the offset of the 1,001st, where a
  // fault leaves a text of 1,000 whole facts (what today's main committed).
  long ten_thousand_facts() {
    std::string text;
    for (int i = 0; i < 10000; ++i) text += "f(" + std::to_string(i) + ", " + std::to_string(i) + ").\n";
    dir.write("facts.writ", text);
    return static_cast<long>(text.find("f(1000, 1000)."));
  }
  std::string count_f(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"run", "--db", "case.db", "-q", "N = #count{ X : f(X, _) }", "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = writ(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
};

TEST_F(ReadFaults, TheShimFaultsOnlyTheChosenFile) {
  ten_thousand_facts();
  dir.write("other.writ", "g(1).\n");
  // The fault is past the end of the file: it is read whole.
  auto r = faulty("facts.writ", 1 << 30, {"load", "--db", "case.db", "facts.writ"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "writ: transaction 1: added 10000 statements to 'case.db'\n");
  // Another file read while the chosen one is faulty is read as usual.
  r = faulty("facts.writ", 0, {"load", "--db", "case.db", "other.writ"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_f(), "N\n10000\n");
}

TEST_F(ReadFaults, LoadIntoAStoreFailingMidFileAddsNothing) {
  const long cut = ten_thousand_facts();
  dir.write("first.writ", "f(-1, -1).\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "first.writ"}).exit_code, 0);
  // Today's main committed the first 1,000 facts and exited 0.
  auto r = faulty("facts.writ", cut, {"load", "--db", "case.db", "first.writ", "facts.writ"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "writ: error: cannot read 'facts.writ': Input/output error\n");
  EXPECT_EQ(count_f(), "N\n1\n");
  const auto log = writ({"log", "--db", "case.db", "--format", "csv"});
  EXPECT_EQ(std::count(log.out.begin(), log.out.end(), '\n'), 2) << log.out;  // header + transaction 1
  // Cut inside a fact, too.
  r = faulty("facts.writ", cut + 5, {"load", "--db", "case.db", "facts.writ"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read 'facts.writ': Input/output error\n");
  EXPECT_EQ(count_f(), "N\n1\n");
}

TEST_F(ReadFaults, ImportFailingMidFileImportsNothing) {
  // Today's main stored c(2222, 2) where the file says 2222,2222.
  std::string csv;
  for (int i = 0; i < 3000; ++i) csv += std::to_string(i) + "," + std::to_string(i) + "\n";
  dir.write("c.csv", csv);
  const auto cut = static_cast<long>(csv.find("2222,2222\n") + 6);
  const auto r = faulty("c.csv", cut, {"import", "--db", "case.db", "c.csv", "c"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read 'c.csv': Input/output error\n");
  const auto after = writ({"run", "--db", "case.db", "-q", "N = #count{ X : c(X, _) }", "--format", "csv"});
  EXPECT_EQ(after.out, "N\n0\n") << after.err;
}

TEST_F(ReadFaults, CheckAndRunFailingMidFileFail) {
  const long cut = ten_thousand_facts();
  for (const std::string command : {"check", "run"}) {
    const auto r = faulty("facts.writ", cut, {command, "facts.writ"});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.out, "") << command;
    EXPECT_EQ(r.err, "writ: error: cannot read 'facts.writ': Input/output error\n") << command;
  }
  // At byte 0: the first read fails.
  const auto r = faulty("facts.writ", 0, {"check", "facts.writ"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read 'facts.writ': Input/output error\n");
}

TEST_F(ReadFaults, RetractFromAFailingStdinRetractsNothing) {
  dir.write("g.writ", "g(1).\ng(2).\ng(3).\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "g.writ"}).exit_code, 0);
  // The fault cuts "g(1).\ng(2).\n" after "g(1).\ng(": a partial text must not retract g(1).
  const auto r = faulty_stdin(9, {"retract", "--db", "case.db", "-"}, "g(1).\ng(2).\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read '<stdin>': Input/output error\n");
  const auto after = writ({"run", "--db", "case.db", "-q", "g(X)", "--format", "csv"});
  EXPECT_EQ(after.out, "X\n1\n2\n3\n");
}

TEST_F(ReadFaults, ReplLoadFailingMidFileAddsNothing) {
  const long cut = ten_thousand_facts();
  const auto r = faulty("facts.writ", cut, {"repl"}, "p(1).\n.load facts.writ\n.preds\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read 'facts.writ': Input/output error\n");
  EXPECT_EQ(r.out, "predicate  facts  rules\n---------  -----  -----\np/1        1      0\n");
}

TEST_F(ReadFaults, ReplWhoseStdinFailsSaysSoWithStatus1) {
  // A directory as standard input: every read() fails with EISDIR. Main took it for the end
  // of the script and exited 0.
  std::filesystem::create_directory(dir.path() / "adir");
  const std::string command = "cd '" + dir.path().string() + "' && '" WRIT_BINARY "' repl < adir 2>&1; echo \"exit $?\"";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  ASSERT_TRUE(pipe);
  std::string out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  EXPECT_EQ(out, "error: cannot read '<stdin>': Is a directory\nexit 1\n");
}

TEST_F(ReadFaults, ProcSelfMemIsAReadErrorNotAnEmptyFile) {
  dir.write("ok.writ", "p(1).\n");
  // Today's main: exit 0, "added 1 statement".
  auto r = writ({"load", "--db", "case.db", "ok.writ", "/proc/self/mem"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read '/proc/self/mem': Input/output error\n");
  // Nothing added, and the store the load created is not left behind empty.
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "case.db"));
  r = writ({"check", "/proc/self/mem"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot read '/proc/self/mem': Input/output error\n");
  // A /proc file that reads to its end is an input like any other (it says its size is 0).
  r = writ({"check", "/proc/self/status"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/proc/self/status:1:"), std::string::npos) << r.err;
}

TEST_F(ReadFaults, EndlessInputsAreRefusedNotRead) {
  for (const std::string command : {"check", "run"}) {
    const auto r = writ({command, "/dev/zero"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "writ: error: cannot read '/dev/zero': it is a character device, not a file\n");
  }
  const auto r = writ({"check", "/dev/null"});  // empty, and ends at once
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::filesystem::create_directory(dir.path() / "adir");
  const auto d = writ({"check", "adir"});
  EXPECT_EQ(d.exit_code, 1);
  EXPECT_EQ(d.err, "writ: error: cannot open 'adir': Is a directory\n");
}

TEST_F(ReadFaults, AFifoAsTheStoreIsRefusedAtOnce) {
  ASSERT_EQ(::mkfifo((dir.path() / "f.db").c_str(), 0600), 0);
  dir.write("ok.writ", "p(1).\n");
  // Today's main waited for a writer to open the FIFO, for ever.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"load", "--db", "f.db", "ok.writ"}, {"run", "--db", "f.db", "-q", "p(X)"},
        {"check", "--db", "f.db"}, {"f.db"}}) {
    const auto r = writ(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_EQ(r.err, "writ: error: cannot open store 'f.db': it is a FIFO, not a regular file\n") << args[0];
  }
  std::filesystem::create_directory(dir.path() / "d.db");
  const auto r = writ({"run", "--db", "d.db", "-q", "p(X)"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot open store 'd.db': it is a directory, not a regular file\n");
}

}  // namespace
}  // namespace writ::cli::test
