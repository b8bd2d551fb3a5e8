// The REPL reading a script from a pipe: no prompt or banner, answers on stdout, errors on
// stderr, status 1 after any error.
#include <gtest/gtest.h>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

TEST(ReplPipe, StatementsCommandsAndAnswers) {
  TempDir dir;
  dir.write("more.writ", "parent(carl, dee).\n?- parent(carl, X).\n");
  const auto r = run_writ({"repl"},
                          "parent(ann, bob).\n"
                          "parent(bob,\n"
                          "       carl).   % a statement over two lines\n"
                          "?- parent(X, Y).\n"
                          "parent(ann, bob)?\n"
                          ".load more.writ\n"
                          ".preds\n"
                          ".rules parent\n"
                          ".format csv\n"
                          "parent(bob, X)?\n"
                          ".format json\n"
                          "parent(X, dee)?\n"
                          ".format\n"
                          ".quit\n"
                          "parent(never, read)?\n",
                          dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  // Each answer is headed by the goal it answers (the script's lines are not on the screen).
  EXPECT_EQ(r.out,
            "?- parent(X, Y).\n"
            "X    Y\n"
            "---  ----\n"
            "ann  bob\n"
            "bob  carl\n"
            "(2 answers)\n"
            "\n"
            "?- parent(ann, bob).\n"
            "true.\n"
            "?- parent(carl, X).\n"
            "X\n"
            "---\n"
            "dee\n"
            "(1 answer)\n"
            "predicate  facts  rules\n"
            "---------  -----  -----\n"
            "parent/2   3      0\n"
            "#1  parent(ann, bob).\n"
            "#2  parent(bob,\n"
            "       carl).\n"
            "#3  parent(carl, dee).\n"
            "\"?- parent(bob, X).\"\n"  // csv says what it answers too, in a one-field record
            "X\n"
            "carl\n"
            "{\"goal\": \"parent(X, dee)\", \"columns\": [\"X\"], \"rows\": [[\"carl\"]], \"status\": \"ok\", "
            "\"diagnostics\": []}\n"
            "json\n");
}

// .reload replays the session: the files read again, then what was typed and retracted.
TEST(ReplPipe, ReloadReadsTheFilesAgain) {
  TempDir dir;
  dir.write("lease.writ", "tenant(ann).\nr_rent: owes(T, rent) :- tenant(T).\n");
  const auto r = run_writ({"repl"},
                          ".load lease.writ\n"
                          "tenant(bob).\n"
                          ".retract tenant(ann).\n"
                          ".reload\n"
                          "owes(T, W)?\n"
                          ".reload now\n",
                          dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "removed tenant(ann).\nreloaded lease.writ: 2 statements\n?- owes(T, W).\nT    W\n---  ----\nbob  rent\n(1 answer)\n");
  EXPECT_EQ(r.err, "error: usage: .reload (reads every file loaded in this session again)\n");
}

TEST(ReplPipe, ReloadNeedsAFileAndASessionInMemory) {
  TempDir dir;
  dir.write("p.writ", "p(1).\n");
  auto r = run_writ({"repl"}, "p(1).\n.reload\n", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: nothing to reload: no file was loaded in this session (.load FILE loads one)\n");
  r = run_writ({"repl", "--db", "case.db", "p.writ"}, ".reload\np(X)?\n", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "?- p(X).\nX\n-\n1\n(1 answer)\n");
  EXPECT_EQ(r.err,
            "error: .reload works on a session in memory: a store keeps each load as a transaction, and cannot "
            "replace a file's statements in one yet; .retract the old statements, then .load the file again\n");
}

// A statement keeps its number while the session has it: a retraction leaves a gap, and
// `.retract #N` never hits another statement.
TEST(ReplPipe, StatementNumbersStayTheSame) {
  const auto r = run_writ({"repl"},
                          "edge(1, 2). edge(2, 3). edge(3, 4).\n"
                          ".rules\n"
                          ".retract #1\n"
                          ".rules\n"
                          ".retract #3\n"
                          ".rules edge\n"
                          "edge(9, 9).\n"
                          ".rules\n"
                          ".retract #1\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "#1  edge(1, 2).\n#2  edge(2, 3).\n#3  edge(3, 4).\n"
            "removed edge(1, 2).\n"
            "#2  edge(2, 3).\n#3  edge(3, 4).\n"
            "removed edge(3, 4).\n"
            "#2  edge(2, 3).\n"
            "#2  edge(2, 3).\n#4  edge(9, 9).\n");
  EXPECT_EQ(r.err, "error: usage: .retract #N... takes the numbers that .rules shows; #1 is none of them\n");
}

// What people bring from other languages, answered with what to write instead.
TEST(ReplPipe, MistakesFromOtherLanguagesAreSaidWithAHint) {
  const auto r = run_writ({"repl"},
                          "caf\xc3\xa9(1).\n"
                          "Likes(a,b).\n"
                          "p(X) :- tina claims s(X).\n"
                          ".assume off\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "<stdin>:1:4: error: '\xc3\xa9' cannot be part of a name: names are ASCII letters, digits and '_'; "
            "write other text as a string: \"caf\xc3\xa9\"\n"
            " 1 | caf\xc3\xa9(1).\n"
            "   |    ^\n"
            "<stdin>:2:1: error: 'Likes' starts with a capital letter, which makes it a variable: a predicate name "
            "starts with a lower-case letter (likes)\n"
            " 2 | Likes(a,b).\n"
            "   | ^~~~~\n"
            "<stdin>:3:14: error: 'claims' makes a statement of its own (tina claims ATOM.), not a condition: in a "
            "rule body or a question write the atom itself, and ask '?- [tina] GOAL.' for tina's perspective\n"
            " 3 | p(X) :- tina claims s(X).\n"
            "   |              ^~~~~~\n"
            "error: usage: .assume off LABEL: switches off the rule labelled LABEL (.rules shows the labels)\n");
}

// The whole listing shows every statement: the sources, templates and priorities too.
TEST(ReplPipe, RulesListsSourcesTemplatesAndPriorities) {
  const auto r = run_writ({"repl"},
                          "#source s { kind: note }.\n"
                          "p(1).\n"
                          "r1: q(X) :- p(X).\n"
                          "r2: -q(X) :~ p(X).\n"
                          "r1 > r2.\n"
                          ".rules\n"
                          ".rules q\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "#1  p(1).\n#2  r1: q(X) :- p(X).\n#3  r2: -q(X) :~ p(X).\n"
            "    #source s { kind: note }.\n"
            "    r1 > r2.\n"
            "#2  r1: q(X) :- p(X).\n");
}

TEST(ReplPipe, AnErrorIsReportedAndTheSessionGoesOnWithStatus1) {
  const auto r = run_writ({"repl"},
                          "p(a).\n"
                          "q(X) :- p(X) p(Y).\n"
                          ".nonsense\n"
                          "p(X)?\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "?- p(X).\nX\n-\na\n(1 answer)\n");
  EXPECT_EQ(r.err,
            "<stdin>:2:14: error: expected ',' or '.'\n"
            " 2 | q(X) :- p(X) p(Y).\n"
            "   |              ^\n"
            "error: unknown command '.nonsense' (enter .help for the list)\n");
}

TEST(ReplPipe, MessagesCountLinesFromTheStartOfTheScript) {
  const auto r = run_writ({"repl"},
                          "% line 1\n"
                          "p(a).\n"
                          "\n"
                          ".preds\n"
                          "q(X) :-\n"
                          "    p(X),\n"
                          "    not r(Y).\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "<stdin>:7:9: warning: predicate 'r/1' is not defined by any fact or rule\n"
            " 7 |     not r(Y).\n"
            "   |         ^~~~\n"
            "<stdin>:7:11: error: unsafe variable 'Y' in a negated literal: no positive body literal binds it\n"
            " 7 |     not r(Y).\n"
            "   |           ^\n");
}

TEST(ReplPipe, AnUnfinishedStatementAtTheEndIsAnError) {
  const auto r = run_writ({"repl"}, "p(a).\np(b)\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "<stdin>:2:5: error: expected '.' or ':-' after the head at the end of the input\n"
            " 2 | p(b)\n"
            "   |     ^\n");
}

TEST(ReplPipe, FilesOnTheCommandLineAreLoadedFirst) {
  TempDir dir;
  dir.write("f.writ", "p(1). p(2).\n");
  const auto r = run_writ({"repl", "f.writ", "--format", "csv"}, "p(X), X > 1?\n", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "\"?- p(X), X > 1.\"\nX\n2\n");
}

TEST(ReplPipe, LimitHitIsStatus3) {
  const auto r = run_writ({"repl", "--max-facts", "100"}, "n(0).\nn(Y) :- n(X), Y = X + 1.\nn(3)?\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
}

TEST(ReplPipe, TimeoutCommand) {
  const auto r = run_writ({"repl"}, ".timeout\n.timeout 2.5\n.timeout\n.timeout off\n.timeout\n.timeout x\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "timeout: off\ntimeout: 2.5 s\ntimeout: off\n");
  EXPECT_EQ(r.err, "error: usage: .timeout SECONDS|off (SECONDS a positive number)\n");
}

TEST(ReplPipe, FactsCommand) {
  const auto r = run_writ({"repl"}, "e(1, 2). e(2, 3).\nr(X) :- e(X, _).\n.facts r\n.facts nope\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "A1\n--\n1\n2\n(2 answers)\n");
  EXPECT_EQ(r.err, "error: no predicate 'nope'\n");
}

}  // namespace
}  // namespace writ::cli::test
