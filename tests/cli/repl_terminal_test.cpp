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

// .quit after statements typed into memory and not saved: the first says so, the second quits.
#define QUIT_UNSAVED(session)                                    \
  do {                                                           \
    (session).send(".quit\r");                                   \
    EXPECT_OUTPUT(session, " in memory only: .save FILE keeps"); \
    EXPECT_OUTPUT(session, "writ> ");                            \
    (session).send(".quit\r");                                   \
  } while (false)

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
  QUIT_UNSAVED(s);
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
    EXPECT_OUTPUT(s, "added edge(3, 4). (transaction 2)\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send("edge(5,\r");
    EXPECT_OUTPUT(s, "  ...> ");
    s.send("   6). edge(6, 7).\r");
    EXPECT_OUTPUT(s, "added 2 statements (transaction 3)\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".retract edge(1, 2).\r");
    EXPECT_OUTPUT(s, "removed edge(1, 2). (transaction 4)\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".retract edge(5, 6). edge(6, 7).\r");
    EXPECT_OUTPUT(s, "removed 2 statements: edge(5, 6). edge(6, 7). (transaction 5)\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    // A store keeps what is typed: .quit has nothing to warn about.
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

// In memory, each statement typed is confirmed; .quit says once that they would be lost,
// .save writes a program that writ loads back.
TEST_F(ReplTerminal, UnsavedStatementsAreConfirmedWarnedAboutAndSaved) {
  const std::string saved = (home.path() / "saved.writ").string();
  {
    PtySession s({"repl"}, env);
    EXPECT_OUTPUT(s, "writ> ");
    s.send("party(microsoft,   \"Microsoft  Corp\").\r");
    EXPECT_OUTPUT(s, "added party(microsoft, \"Microsoft  Corp\").\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send("party(X, _)?\r");
    EXPECT_OUTPUT(s, "(1 answer)\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".quit\r");
    EXPECT_OUTPUT(s, "warning: 1 statement typed in this session is in memory only: .save FILE keeps them; "
                     ".quit again quits without saving\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send("ally(X) :- party(X, _).\r");
    EXPECT_OUTPUT(s, "added ally(X) :- party(X, _).\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".save " + saved + "\r");
    EXPECT_OUTPUT(s, "saved 2 statements typed in this session to " + saved + " (load it with: writ " + saved + ")\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".quit\r");  // saved: nothing to warn about
    EXPECT_EQ(s.wait(), 0);
  }
  const auto r = run_writ({"run", saved, "-q", "ally(X)"});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "?- ally(X).\nX\n---------\nmicrosoft\n(1 answer)\n");
  {
    PtySession s({"repl"}, env);
    EXPECT_OUTPUT(s, "writ> ");
    s.send("p(1).\r");
    EXPECT_OUTPUT(s, "added p(1).\r\n");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".quit\r");
    EXPECT_OUTPUT(s, "warning: 1 statement typed");
    EXPECT_OUTPUT(s, "writ> ");
    s.send(".quit\r");  // asked once: the second quits
    EXPECT_EQ(s.wait(), 0);
  }
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
  QUIT_UNSAVED(second);
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
  QUIT_UNSAVED(s);
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

// What a newcomer from another shell types is answered at once, not with `...>`.
TEST_F(ReplTerminal, OtherShellsWordsAreAnsweredWithAHint) {
  PtySession s({"repl"}, env);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("likes(ann, bob).\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("help\r");
  EXPECT_OUTPUT(s, "hint: enter .help for the commands; a fact or rule ends with '.' (edge(1, 2).), a question "
                   "with '?' (edge(1, X)?)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("select * from likes;\r");
  EXPECT_OUTPUT(s, "hint: writ is not SQL: ask likes(A, B)? for the rows of likes (.facts likes prints them too)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("?\r");
  EXPECT_OUTPUT(s, "hint: enter .help for the commands");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("exit\r");
  EXPECT_OUTPUT(s, "hint: enter .quit or press Ctrl-D to leave\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  // At the continuation prompt: an empty line and `;` show what is pending; a
  // dot-command drops it and runs.
  s.send("likes(X,\r");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send("\r");
  EXPECT_OUTPUT(s, "hint: the statement 'likes(X,' is unfinished: end it with '.' (or '?' for a question); "
                   "Ctrl-C drops it\r\n");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send(";\r");
  EXPECT_OUTPUT(s, "hint: the statement 'likes(X,' is unfinished");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send("quit\r");
  EXPECT_OUTPUT(s, "hint: dropped the unfinished statement 'likes(X,'; enter .quit or press Ctrl-D to leave\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("likes(X,\r");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send(".preds\r");
  EXPECT_OUTPUT(s, "hint: dropped the unfinished statement 'likes(X,'\r\n");
  EXPECT_OUTPUT(s, "likes/2    1      0\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("likes(X,\r");
  EXPECT_OUTPUT(s, "  ...> ");
  s.send("Y)?\r");  // and an ordinary continuation still works
  EXPECT_OUTPUT(s, "ann  bob\r\n(1 answer)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  QUIT_UNSAVED(s);
  EXPECT_EQ(s.wait(), 0);
}

TEST_F(ReplTerminal, TheRcFileRunsFirst) {
  const std::string rc = home.write(".writrc", ".format csv\nseen(1).\n");
  {
    PtySession s({"repl"}, env);
    EXPECT_OUTPUT(s, "writ> ");
    s.send("seen(X)?\r");
    EXPECT_OUTPUT(s, "X\r\n1\r\n");  // csv
    s.send(".quit\r");
    EXPECT_EQ(s.wait(), 0);
  }
  auto elsewhere = env;
  elsewhere.emplace_back("WRIT_RC", home.write("other.rc", ".format json\n"));
  PtySession s({"repl"}, elsewhere);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("X = 1?\r");
  EXPECT_OUTPUT(s, "{\"goal\": \"X = 1\", \"columns\": [\"X\"], \"rows\": [[1]], \"status\": \"ok\", \"diagnostics\": []}\r\n");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
}

TEST_F(ReplTerminal, StartUpErrorsAreSaidInTheBanner) {
  const std::string good = home.write("good.writ", "p(1).\n");
  const std::string bad = home.write("bad.writ", "q(1).\nq(X :- p(X).\n");
  PtySession s({"repl", good, bad}, env);
  EXPECT_OUTPUT(s, "enter .help for usage hints, .quit to leave.\r\n");
  EXPECT_OUTPUT(s, bad + ":2:5: error:");
  EXPECT_OUTPUT(s, good + " " + bad + " not loaded (see the errors above): fix them, then enter .reload\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("p(X)?\r");
  EXPECT_OUTPUT(s, "(0 answers)");
  EXPECT_OUTPUT(s, "writ> ");
  home.write("bad.writ", "q(1).\nq(X) :- p(X).\n");
  s.send(".reload\r");
  EXPECT_OUTPUT(s, "reloaded " + good + ", " + bad + ": 3 statements\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("q(X)?\r");
  EXPECT_OUTPUT(s, "X\r\n-\r\n1\r\n(1 answer)\r\n");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
}

// Editing a loaded file, then .reload: the file's statements are replaced, what was typed
// and retracted since stays so; a file with an error leaves the session as it was.
TEST_F(ReplTerminal, ReloadReplacesWhatTheFilesDeclared) {
  const std::string lease = home.write("lease.writ",
                                       "#source lease_doc { kind: contract }.\n"
                                       "tenant(ann).\n"
                                       "r_rent: owes(T, rent) :- tenant(T).\n");
  PtySession s({"repl", lease}, env);
  EXPECT_OUTPUT(s, "loaded " + lease + ": 3 statements\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("tenant(bob).\r");
  EXPECT_OUTPUT(s, "added tenant(bob).\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".retract tenant(ann).\r");
  EXPECT_OUTPUT(s, "removed tenant(ann).\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  home.write("lease.writ",
             "#source lease_doc { kind: contract }.\n"
             "tenant(ann). tenant(cat).\n"
             "r_rent: owes(T, deposit) :- tenant(T).\n");
  // Loading it again declares everything twice: the hint names .reload.
  s.send(".load " + lease + "\r");
  EXPECT_OUTPUT(s, lease + ":1:1: error: the source 'lease_doc' is declared twice");
  EXPECT_OUTPUT(s, "hint: '" + lease + "' was loaded before: to read a file again after editing it, enter .reload\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".reload\r");
  EXPECT_OUTPUT(s, "reloaded " + lease + ": 4 statements\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("owes(T, W)?\r");
  EXPECT_OUTPUT(s, "T    W\r\n---  -------\r\nbob  deposit\r\ncat  deposit\r\n(2 answers)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  home.write("lease.writ", "tenant(dan).\nr_rent: owes(T, rent) :- tenant(T)\n");
  s.send(".reload\r");
  EXPECT_OUTPUT(s, lease + ":3:1: error: expected ',' or '.' at the end of the input");
  EXPECT_OUTPUT(s, "note: nothing was reloaded: the session is as it was; fix the errors, then enter .reload again\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("owes(T, W)?\r");
  EXPECT_OUTPUT(s, "(2 answers)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  QUIT_UNSAVED(s);
  EXPECT_EQ(s.wait(), 0);
}

TEST_F(ReplTerminal, ColourOnATerminalUnlessNoColor) {
  const std::string file = home.write("case.writ",
                                      "base(a). base(b).\n"
                                      "r1: ok(X) :~ base(X).\n"
                                      "r2: -ok(b) :~ base(b).\n");
  auto colour = env;
  colour.emplace_back("TERM", "xterm");
  {
    PtySession s({"repl", file}, colour);
    EXPECT_OUTPUT(s, "writ> ");
    s.send("ok(X)?\r");
    EXPECT_OUTPUT(s, "\x1b[38;5;29maccepted\x1b[0m\r\n");  // the palette's #2e8b3e
    EXPECT_OUTPUT(s, "\x1b[38;5;172mcontested\x1b[0m\r\n");  // #c77c00
    s.send("ok(a?\r");
    EXPECT_OUTPUT(s, "\x1b[1m<repl>:1:5:\x1b[0m \x1b[1;31merror:\x1b[0m");
    s.send(".quit\r");
    EXPECT_EQ(s.wait(), 0);
  }
  auto no_color = colour;
  no_color.emplace_back("NO_COLOR", "1");
  PtySession s({"repl", file}, no_color);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("ok(X)?\r");
  EXPECT_OUTPUT(s, "(2 answers)");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
  EXPECT_EQ(s.pending().find("\x1b[3"), std::string::npos) << s.pending();  // no colour
}

// Long output goes through $PAGER; short output, and any with `.pager off`, does not.
TEST_F(ReplTerminal, LongOutputGoesThroughThePager) {
  auto paged = env;
  paged.emplace_back("PAGER", "sed 's/^/paged: /'");
  PtySession s({"repl"}, paged);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("n(1). n(N) :- n(M), N = M + 1, N <= 30.\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("n(N), N < 4?\r");
  EXPECT_OUTPUT(s, "\r\n1\r\n2\r\n3\r\n(3 answers)\r\n");
  s.send("n(N), M = N + 10?\r");  // 30 rows: longer than the 24 lines of the terminal
  EXPECT_OUTPUT(s, "paged: N   M\r\n");
  EXPECT_OUTPUT(s, "paged: 30  40\r\n");
  EXPECT_OUTPUT(s, "paged: (30 answers)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".help\r");
  EXPECT_OUTPUT(s, "paged: Statements:\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".pager off\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".help\r");
  EXPECT_OUTPUT(s, "\r\nStatements:\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  QUIT_UNSAVED(s);
  EXPECT_EQ(s.wait(), 0);
  EXPECT_EQ(s.pending().find("paged:"), std::string::npos);
}

TEST_F(ReplTerminal, TabCompletesGoalsAfterWhyWhyNotAndAssume) {
  PtySession s({"repl"}, env);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("reachable(1, 2).\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".why reach\t");
  EXPECT_OUTPUT(s, ".why reachable(");
  s.send("1, X)\r");
  EXPECT_OUTPUT(s, "reachable(1, 2)");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".whynot rea\t");
  EXPECT_OUTPUT(s, ".whynot reachable(");
  s.send("2, 1)\r");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".assume rea\t");
  EXPECT_OUTPUT(s, ".assume reachable(");
  s.send("3, 4).\r");
  EXPECT_OUTPUT(s, "assumed");
  EXPECT_OUTPUT(s, "writ> ");
  QUIT_UNSAVED(s);
  EXPECT_EQ(s.wait(), 0);
}

}  // namespace
}  // namespace writ::cli::test

namespace writ::cli::test {
namespace {

// Issue 11, item 5: another process retracted the fact after the REPL read the store. The
// REPL's .retract removes nothing, says so (no transaction claims a removal), and the REPL
// then answers from the store as it stands.
TEST_F(ReplTerminal, ARetractionAnotherProcessMadeFirstRemovesNothing) {
  const std::string db = (home.path() / "case.db").string();
  const std::string file = home.write("p.writ", "p(1). p(2).\n");
  ASSERT_EQ(run_writ({"load", "--db", db, file}).exit_code, 0);
  PtySession s({db}, env);
  EXPECT_OUTPUT(s, "writ> ");
  s.send("p(X)?\r");
  EXPECT_OUTPUT(s, "X\r\n-\r\n1\r\n2\r\n(2 answers)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  const auto other = run_writ({"retract", "--db", db, "p(1)."});
  EXPECT_EQ(other.exit_code, 0);
  EXPECT_EQ(other.err, "writ: transaction 2: removed 1 statement from '" + db + "'\n");
  s.send(".retract p(1).\r");
  EXPECT_OUTPUT(s, ".retract:1:1: error: no such fact is loaded: p(1).\r\n");
  EXPECT_OUTPUT(s, "note: another process retracted it from store '" + db + "'; nothing was retracted\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send("p(X)?\r");
  EXPECT_OUTPUT(s, "X\r\n-\r\n2\r\n(1 answer)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".retract p(2).\r");
  EXPECT_OUTPUT(s, "removed p(2). (transaction 3)\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".log\r");
  EXPECT_OUTPUT(s, "\r\n2   ");  // the log: no transaction but the other process's claims p(1)
  EXPECT_OUTPUT(s, "retract p(1).");
  EXPECT_OUTPUT(s, "0      1\r\n3   ");
  EXPECT_OUTPUT(s, "retract p(2).");
  EXPECT_OUTPUT(s, "0      1\r\n");
  EXPECT_OUTPUT(s, "writ> ");
  s.send(".quit\r");
  EXPECT_EQ(s.wait(), 0);
}

}  // namespace
}  // namespace writ::cli::test
