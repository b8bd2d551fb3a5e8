// The memory ceiling (issue 11, item 8): --max-memory stops an evaluation whose relations,
// joins or aggregates grow past it, with exit status 3 and the limit in the message. The
// programs grow without end or quadratically, and the ceilings are small: a test needs
// little memory and time.
#include <gtest/gtest.h>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

class MemoryLimit : public ::testing::Test {
 protected:
  TempDir dir;
  ProcessResult writ(const std::vector<std::string>& args) { return run_writ(args, {}, dir.path()); }
};

TEST_F(MemoryLimit, ARelationThatGrowsPastTheCeilingStopsTheEvaluation) {
  dir.write("counter.writ", "n(0).\nn(Y) :- n(X), Y = X + 1.\n");
  const auto r = writ({"run", "counter.writ", "--max-memory", "1M", "-q", "n(X), X < 0", "-q", "Y = 1"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");  // writ stops at the question that hit the limit
  EXPECT_EQ(r.err, "writ: error: memory limit of 1 MiB exceeded: evaluation stopped (raise the limit with --max-memory)\n");
}

// 1,000 numbers, and an aggregate whose element set would hold a million of them: the
// relations stay small; the set the aggregate gathers from the join is what grows.
std::string square_count() {
  std::string program;
  for (int i = 0; i < 1000; ++i) program += "n(" + std::to_string(i) + ").\n";
  return program + "c(N) :- N = #count{ Z : n(X), n(Y), Z = X * 1000 + Y }.\n";
}

TEST_F(MemoryLimit, AnAggregateOverAJoinThatGrowsPastTheCeilingStopsTheEvaluation) {
  dir.write("square.writ", square_count());
  const auto r = writ({"run", "square.writ", "--max-memory", "2M", "-q", "c(N)", "--format", "json"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out,
            "{\"goal\": \"c(N)\", \"columns\": [], \"rows\": [], \"status\": \"limit\", \"diagnostics\": "
            "[{\"severity\": \"error\", \"file\": null, \"line\": null, \"column\": null, \"message\": \"memory limit of 2 MiB exceeded: evaluation stopped (raise the "
            "limit with --max-memory)\"}]}\n");
  EXPECT_EQ(r.err, "writ: error: memory limit of 2 MiB exceeded: evaluation stopped (raise the limit with --max-memory)\n");
  // Under a ceiling it fits in, the same question is answered.
  const auto fits = writ({"run", "square.writ", "--max-memory", "256M", "-q", "c(N)", "--format", "csv"});
  EXPECT_EQ(fits.exit_code, 0) << fits.err;
  EXPECT_EQ(fits.out, "N\n1000000\n");
}

TEST_F(MemoryLimit, TheIssuesRepro_PathsOfPathsOverRandomEdges) {
  // The shape of the report (#count of path pairs over random edges), at a scale a test
  // affords: 600 pseudo-random edges among 300 nodes.
  std::string program;
  std::uint32_t x = 12345;
  for (int i = 0; i < 600; ++i) {
    x = x * 1103515245u + 12345u;
    const auto a = (x >> 8) % 300;
    x = x * 1103515245u + 12345u;
    const auto b = (x >> 8) % 300;
    program += "edge(" + std::to_string(a) + ", " + std::to_string(b) + ").\n";
  }
  program += "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
  dir.write("paths.writ", program);
  const auto r = writ({"run", "paths.writ", "--max-memory", "4M", "-q", "N = #count{ X, Z : path(X, Y), path(Y, Z) }"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "writ: error: memory limit of 4 MiB exceeded: evaluation stopped (raise the limit with --max-memory)\n");
}

TEST_F(MemoryLimit, TheSizeTakesKMAndGAndNothingElse) {
  dir.write("p.writ", "p(1).\n");
  for (const char* size : {"65536", "64K", "64k", "1M", "1G"}) {
    const auto r = writ({"run", "p.writ", "--max-memory", size, "-q", "p(X)", "--format", "csv"});
    EXPECT_EQ(r.exit_code, 0) << size << ": " << r.err;
    EXPECT_EQ(r.out, "X\n1\n") << size;
  }
  for (const char* size : {"0", "1T", "-1", "M", "1.5G", "99999999999G"}) {
    const auto r = writ({"run", "p.writ", "--max-memory", size, "-q", "p(X)"});
    EXPECT_EQ(r.exit_code, 2) << size;
    EXPECT_NE(r.err.find("invalid --max-memory '" + std::string(size) +
                         "': expected a positive size in bytes, or with K, M or G (e.g. 512M, 2G)"),
              std::string::npos)
        << r.err;
  }
}

}  // namespace
}  // namespace writ::cli::test
