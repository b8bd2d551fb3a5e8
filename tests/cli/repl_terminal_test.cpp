// The REPL on a pseudo-terminal: continuation prompt, errors, history across sessions,
// Ctrl-C. Timeouts are generous and only bound a failing test; nothing measures time.
#include <gtest/gtest.h>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

class ReplTerminal : public ::testing::Test {
 protected:
  TempDir home;
  std::vector<std::pair<std::string, std::string>> env{{"HOME", home.path().string()},
                                                       {"WRIT_HISTORY", (home.path() / "history").string()}};
};

#define EXPECT_OUTPUT(session, text) \
  EXPECT_TRUE((session).expect(text)) << "waiting for: " << (text) << "\nafter: " << (session).pending()

TEST_F(ReplTerminal, MultiLineRuleErrorsAndAnswers) {
  PtySession s({"repl"}, env);
  EXPECT_OUTPUT(s, "enter .help for usage hints");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("edge(a, b). edge(b, c).\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("path(X, Y) :- edge(X, Y).\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("path(X, Z) :-\r");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send("  edge(X, Y), path(Y, Z).\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("bad(X) :- .\r");
  EXPECT_OUTPUT(s, "<repl>:1:11: error:");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("path(a, W)?\r");
  EXPECT_OUTPUT(s, "W\r\n-\r\nb\r\nc\r\n(2 answers)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".bogus\r");
  EXPECT_OUTPUT(s, "error: unknown command '.bogus'");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
}

TEST_F(ReplTerminal, OnAStoreSaysSoAndWhatALoadAdded) {
  const std::string db = (home.path() / "case.db").string();
  const std::string file = home.write("graph.writ", "edge(1, 2). edge(2, 3).\n");
  {
    PtySession s({db}, env);
    EXPECT_OUTPUT(s, "Store " + db + ": what you add here is kept.\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".load " + file + "\r");
    EXPECT_OUTPUT(s, "transaction 1: added 2 statements\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send("edge(3, 4).\r");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".retract edge(1, 2).\r");
    EXPECT_OUTPUT(s, "removed 1 statement (transaction 3)\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".quit\r");
    EXPECT_EQ(s.wait(), 0);
  }
  PtySession s({"repl", "--db", db, "--as-of", "2"}, env);
  EXPECT_OUTPUT(s, "Store " + db + " as of transaction 2, read-only: what you add here is not kept.\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("edge(1, X)?\r");
  EXPECT_OUTPUT(s, "X\r\n-\r\n2\r\n(1 answer)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
}

TEST_F(ReplTerminal, HistoryIsRecalledInTheNextSession) {
  {
    PtySession first({"repl"}, env);
    EXPECT_OUTPUT(first, "writ> ");
    first.send("remembered(42).\r");
    EXPECT_OUTPUT(first, "writ> ");
    first.send("\x04");  // Ctrl-D
    EXPECT_EQ(first.wait(), 0);
  }
  PtySession second({"repl"}, env);
  EXPECT_OUTPUT(second, "writ> ");
  second.send("\x1b[A");  // Up
  EXPECT_OUTPUT(second, "remembered(42).");
  second.send("\r");
  EXPECT_OUTPUT(second, "writ> ");
  second.send("remembered(X)?\r");
  EXPECT_OUTPUT(second, "X\r\n--\r\n42\r\n(1 answer)");
  second.send(".exit\r");
  EXPECT_EQ(second.wait(), 0);
}

TEST_F(ReplTerminal, CtrlCCancelsARunningQueryAndTheSessionGoesOn) {
  PtySession s({"repl"}, env);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("n(0).\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("n(Y) :- n(X), Y = X + 1.\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("n(-1)?\r");  // never answered: the counter has no end
  EXPECT_OUTPUT(s, "n(-1)?\r\n");
  s.send("\x03");
  EXPECT_OUTPUT(s, "cancelled\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  // Every query would evaluate the endless counter again: show the session is alive with
  // commands that do not evaluate.
  s.send(".preds\r");
  EXPECT_OUTPUT(s, "n/1        1      1");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".format json\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".format\r");
  EXPECT_OUTPUT(s, "json\r\n");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
}

TEST_F(ReplTerminal, CtrlCAtThePromptClearsTheLine) {
  PtySession s({"repl"}, env);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("p(X) :-\r");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send("q(X\x03");
  EXPECT_OUTPUT(s, "^C");
  EXPECT_OUTPUT(s, "writ> ");  // the unfinished statement is dropped
  s.send("X = 1?\r");
  EXPECT_OUTPUT(s, "(1 answer)");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("\x04");
  EXPECT_EQ(s.wait(), 0);
}

}  // namespace
}  // namespace writ::cli::test
