// Ctrl-C during `writ load --db`: the load is rolled back, writ says so and exits with 1,
// and the store holds what it held before — whether the signal comes while the files are
// read and checked or while the store is being written.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <iterator>
#include <thread>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

// Large enough that the write lasts long after the test sees it begin: on a loaded machine
// (load 9 on 2 cores) 50,000 facts were written before the polling test got to run again.
constexpr int facts = 400'000;

std::uintmax_t file_size_or_zero(const std::filesystem::path& p) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(p, ec);
  return ec ? 0 : n;
}

struct Interrupted {
  int exit_code = -1;  // -1: died of a signal
  std::string err;
  bool signalled = false;  // the SIGINT was sent before writ ended
};

// Runs `writ load --db case.db FILE` in `dir` and sends SIGINT once `ready` says so.
template <class Ready>
Interrupted load_and_interrupt(const TempDir& dir, const char* file, Ready ready) {
  Interrupted result;
  const auto err_path = dir.path() / "stderr.txt";
  const pid_t child = fork();
  if (child == 0) {
    if (chdir(dir.path().c_str()) != 0) _exit(120);
    const int fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, STDERR_FILENO) < 0) _exit(121);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDIN_FILENO);
    execl(WRIT_BINARY, WRIT_BINARY, "load", "--db", "case.db", file, static_cast<char*>(nullptr));
    _exit(122);
  }
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    if (!result.signalled && ready(child, std::chrono::steady_clock::now() - start)) {
      ::kill(child, SIGINT);
      result.signalled = true;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  result.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return result;
}

// Whether process `pid` has installed a handler for SIGINT (the SigCgt mask of
// /proc/PID/status): before that, a SIGINT would kill it instead of cancelling the load.
bool catches_sigint(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("SigCgt:", 0) != 0) continue;
    const auto mask = std::stoull(line.substr(7), nullptr, 16);
    return (mask >> (SIGINT - 1)) & 1;
  }
  return false;
}

std::string edges(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
  return text;
}

class InterruptedLoad : public ::testing::Test {
 protected:
  TempDir dir;
  void SetUp() override {
    dir.write("big.writ", edges(facts));
    dir.write("first.writ", "edge(-1, 0).\n");
    ASSERT_EQ(run_writ({"load", "--db", "case.db", "first.writ"}, {}, dir.path()).exit_code, 0);
  }
  // The store still holds only the first load.
  void expect_unchanged() {
    const auto r = run_writ({"run", "--db", "case.db", "-q", "#count{X, Y : edge(X, Y)} = N", "--format", "csv"},
                            {}, dir.path());
    EXPECT_EQ(r.out, "N\n1\n") << r.err;
    EXPECT_EQ(run_writ({"log", "--db", "case.db", "--format", "csv"}, {}, dir.path()).out.find("big.writ"),
              std::string::npos);
  }
};

TEST_F(InterruptedLoad, DuringTheWriteRollsBackAndSaysSo) {
  // The write-ahead log growing past its first pages means the write has begun.
  const auto wal = dir.path() / "case.db-wal";
  const auto before = file_size_or_zero(wal);
  const auto r =
      load_and_interrupt(dir, "big.writ", [&](pid_t, auto) { return file_size_or_zero(wal) > before + 64 * 1024; });
  ASSERT_TRUE(r.signalled) << "the load ended before its write was seen: " << r.err;
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: load cancelled: nothing was added\n");
  expect_unchanged();
}

TEST_F(InterruptedLoad, WhileReadingTheFilesRollsBackAndSaysSo) {
  // The signal goes as soon as writ has installed its handler, which it does before it
  // reads the files (a fixed delay failed on a loaded machine, where writ had not started
  // yet); a bulk load parses about a million facts a second, so 200,000 are still being
  // read, or the load is cancelled when its write begins.
  dir.write("huge.writ", edges(200'000));
  const auto r = load_and_interrupt(dir, "huge.writ", [](pid_t pid, auto) { return catches_sigint(pid); });
  ASSERT_TRUE(r.signalled);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: load cancelled: nothing was added\n");
  expect_unchanged();
}

// Issue 11, item 9: a load cancelled into the store it was creating leaves no store behind
// (an empty one would be taken for a store that holds something).
TEST(InterruptedLoadIntoANewStore, LeavesNoStoreFile) {
  TempDir dir;
  dir.write("huge.writ", edges(200'000));
  const auto r = load_and_interrupt(dir, "huge.writ", [](pid_t pid, auto) { return catches_sigint(pid); });
  ASSERT_TRUE(r.signalled);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: load cancelled: nothing was added\n");
  for (const char* file : {"case.db", "case.db-wal", "case.db-shm"})
    EXPECT_FALSE(std::filesystem::exists(dir.path() / file)) << file;
}

}  // namespace
}  // namespace writ::cli::test
