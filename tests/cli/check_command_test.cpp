// writ check: status 0 when clean (warnings allowed), 1 with exact diagnostics otherwise.
#include <gtest/gtest.h>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

TEST(CheckCommand, CleanFilesExitZeroSilently) {
  TempDir dir;
  dir.write("ok.writ", "p(a).\nq(X) :- p(X), not r(X).\nr(b).\n?- q(X).\n");
  const auto r = run_writ({"check", "ok.writ"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");  // queries are not answered
  EXPECT_EQ(r.err, "");
}

TEST(CheckCommand, SyntaxErrorAndUnsafeRule) {
  TempDir dir;
  dir.write("bad.writ", "p(a).\nq(X) :- p(X.\nr(X) :- not p(X).\n");
  const auto r = run_writ({"check", "bad.writ"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "bad.writ:2:12: error: expected ')' or ','\n"
            " 2 | q(X) :- p(X.\n"
            "   |            ^\n"
            "bad.writ:3:3: error: unsafe variable 'X' in the head: no positive body literal binds it\n"
            " 3 | r(X) :- not p(X).\n"
            "   |   ^\n");
}

TEST(CheckCommand, ErrorsOfSeveralFiles) {
  TempDir dir;
  dir.write("a.writ", "p(a).\n");
  dir.write("b.writ", "q(X) :- p(Y).\n");
  const auto r = run_writ({"check", "a.writ", "b.writ"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("b.writ:1:3: error: unsafe variable 'X'", 0), 0u) << r.err;
}

TEST(CheckCommand, UnreadableFile) {
  TempDir dir;
  const auto r = run_writ({"check", "nope.writ"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot open 'nope.writ': No such file or directory\n");
}

}  // namespace
}  // namespace writ::cli::test
