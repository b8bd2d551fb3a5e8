// The REPL's session commands (.echo, .bail, .timer, .output, .once, .read, .pager) and
// the hints for what other shells' users type, through a pipe: exact output and status.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

std::string contents(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ReplHints, OtherShellsWordsGetAHintNotAContinuation) {
  const auto r = run_writ({"repl"},
                          "likes(ann, bob).\n"
                          "help\n"
                          "exit\n"
                          "quit;\n"
                          "\\q\n"
                          "select * from likes;\n"
                          "SELECT name FROM nothing;\n"
                          "show tables;\n"
                          "insert into likes values ('a', 'b');\n"
                          "likes(X, Y)?\n");
  EXPECT_EQ(r.exit_code, 1);  // in a script, each such line is an error
  EXPECT_EQ(r.err,
            "hint: enter .help for the commands; a fact or rule ends with '.' (edge(1, 2).), a question with "
            "'?' (edge(1, X)?)\n"
            "hint: enter .quit or press Ctrl-D to leave\n"
            "hint: enter .quit or press Ctrl-D to leave\n"
            "hint: enter .quit or press Ctrl-D to leave\n"
            "hint: writ is not SQL: ask likes(A, B)? for the rows of likes (.facts likes prints them too)\n"
            "hint: writ is not SQL: there is no predicate 'nothing'; .preds lists the predicates\n"
            "hint: writ is not SQL: .preds lists the predicates, .facts PRED prints one\n"
            "hint: writ is not SQL: add a fact by writing it, e.g. edge(1, 2).\n");
  EXPECT_EQ(r.out, "?- likes(X, Y).\nX    Y\n---  ---\nann  bob\n(1 answer)\n");
}

TEST(ReplHints, WritThatLooksLikeAnotherShellIsStillWrit) {
  // A 0-ary fact, a predicate named like SQL, a claim by a party named like a keyword.
  const auto r = run_writ({"repl"},
                          "help.\n"
                          "select(1).\n"
                          "show claims p(1).\n"
                          "help?\n"
                          "select(X)?\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 0);
  // (The claim gives the knowledge base arguments, so answers carry a status.)
  EXPECT_EQ(r.out, "?- help.\ntrue (established).\n\n?- select(X).\nX  status\n-  -----------\n1  established\n(1 answer)\n");
}

TEST(ReplHints, ADotCommandEndsAnUnfinishedStatement) {
  const auto r = run_writ({"repl"},
                          "p(1).\n"
                          "q(X) :- p(X),\n"
                          ".preds\n"
                          "q(X)?\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "hint: dropped the unfinished statement 'q(X) :- p(X),'\n"
            "<stdin>:4:1: warning: predicate 'q/1' is not defined by any fact or rule\n"
            " 4 | q(X)?\n"
            "   | ^~~~\n");
  EXPECT_EQ(r.out,
            "predicate  facts  rules\n"
            "---------  -----  -----\n"
            "p/1        1      0\n"
            "?- q(X).\n"
            "X\n"
            "-\n"
            "(0 answers)\n");
}

TEST(ReplHints, AnUnknownCommandSuggestsOurs) {
  const auto r = run_writ({"repl"}, ".tables\n.mode csv\n.prds\n.frobnicate\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "error: unknown command '.tables'; did you mean .preds? (enter .help for the list)\n"
            "error: unknown command '.mode'; did you mean .format? (enter .help for the list)\n"
            "error: unknown command '.prds'; did you mean .preds? (enter .help for the list)\n"
            "error: unknown command '.frobnicate' (enter .help for the list)\n");
}

TEST(ReplCommands, EchoPrintsEachLineBeforeItRuns) {
  const auto r = run_writ({"repl"}, "p(1).\n.echo on\np(X)?\n.echo\n.echo off\np(1)?\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "p(X)?\n"
            "X\n-\n1\n(1 answer)\n"
            ".echo\n"
            "echo: on\n"
            ".echo off\n"
            "?- p(1).\ntrue.\n");
}

TEST(ReplCommands, BailStopsAScriptAtItsFirstError) {
  const auto r = run_writ({"repl"}, ".bail on\np(1).\np(X?\np(X)?\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "<stdin>:3:4: error: expected ')' or ','\n 3 | p(X?\n   |    ^\n");
  EXPECT_EQ(r.out, "");  // p(X)? was never read
  const auto off = run_writ({"repl"}, ".bail on\n.bail off\n.bail\np(X?\np(1).\np(X)?\n");
  EXPECT_EQ(off.exit_code, 1);
  EXPECT_EQ(off.out, "bail: off\n?- p(X).\nX\n-\n1\n(1 answer)\n");
  EXPECT_EQ(run_writ({"repl"}, ".bail maybe\n").err, "error: usage: .bail on|off\n");
}

TEST(ReplCommands, TimerPrintsEachCommandsTime) {
  const auto r = run_writ({"repl"}, ".timer on\np(1).\np(X)?\n.preds\n.timer off\np(1)?\n");
  EXPECT_EQ(r.exit_code, 0);
  const std::regex line("time: [0-9]+\\.[0-9]{3} s real, [0-9]+\\.[0-9]{3} s user, [0-9]+\\.[0-9]{3} s system\n");
  const std::string err = r.err;
  auto count = std::distance(std::sregex_iterator(err.begin(), err.end(), line), std::sregex_iterator());
  EXPECT_EQ(count, 3) << err;  // p(1). p(X)? .preds; not the settings, not after .timer off
  EXPECT_EQ(std::regex_replace(err, line, ""), "");
}

TEST(ReplCommands, OutputAndOnceWriteAnswersToAFile) {
  TempDir dir;
  const auto r = run_writ({"repl"},
                          "p(1).\n"
                          ".output all.txt\n"
                          "p(X)?\n"
                          ".preds\n"
                          ".output\n"
                          "p(1)?\n"
                          ".once one.txt\n"
                          "p(2)?\n"
                          "p(3)?\n"
                          ".output /no/such/dir/x.txt\n",
                          dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: cannot write to '/no/such/dir/x.txt': No such file or directory\n");
  EXPECT_EQ(contents(dir.path() / "all.txt"),
            "?- p(X).\nX\n-\n1\n(1 answer)\n"
            "predicate  facts  rules\n---------  -----  -----\np/1        1      0\n");
  EXPECT_EQ(contents(dir.path() / "one.txt"), "?- p(2).\nfalse.\n");
  EXPECT_EQ(r.out, "?- p(1).\ntrue.\n?- p(3).\nfalse.\n");
}

TEST(ReplCommands, ReadRunsAFileOfStatementsAndCommands) {
  TempDir dir;
  dir.write("setup.writ",
            "% a script, as typed at the prompt\n"
            "edge(1, 2). edge(2, 3).\n"
            ".format csv\n"
            "path(X, Y) :- edge(X, Y).\n"
            "path(X, Z) :-\n"
            "  path(X, Y), edge(Y, Z).\n"
            "path(1, X)?\n"
            "oops(\n");
  const auto r = run_writ({"repl"}, ".read setup.writ\n.format\n.read missing.writ\n.read\n", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "\"?- path(1, X).\"\nX\n2\n3\ncsv\n");
  EXPECT_EQ(r.err,
            "setup.writ:8:6: error: expected a term at the end of the input\n"
            " 8 | oops(\n"
            "   |      ^\n"
            "error: cannot open 'missing.writ': No such file or directory\n"
            "error: usage: .read FILE\n");
}

TEST(ReplCommands, ReadStopsAtAnErrorWithBailAndFilesMayNotReadEachOtherForever) {
  TempDir dir;
  dir.write("bad.writ", "p(1).\np(X?\np(2).\n");
  const auto r = run_writ({"repl"}, ".bail on\n.read bad.writ\np(X)?\n", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "bad.writ:2:4: error: expected ')' or ','\n 2 | p(X?\n   |    ^\n");
  EXPECT_EQ(r.out, "");  // the bail ends the whole script

  dir.write("loop.writ", ".read loop.writ\n");
  const auto loop = run_writ({"repl"}, ".read loop.writ\nX = 1?\n", dir.path());
  EXPECT_EQ(loop.exit_code, 1);
  EXPECT_EQ(loop.err, "error: .read FILE: files read each other more than 16 deep\n");
  EXPECT_EQ(loop.out, "?- X = 1.\nX\n-\n1\n(1 answer)\n");
}

// .stats on: after each question, what it cost (as writ run --stats), on stderr.
TEST(ReplCommands, StatsSetting) {
  const auto r = run_writ({"repl"}, "p(1). p(2).\n.stats\n.stats on\np(X)?\n.stats off\np(1)?\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "stats: off\n?- p(X).\nX\n-\n1\n2\n(2 answers)\n?- p(1).\ntrue.\n");
  const std::string t = R"([0-9]+\.[0-9]{3} s)";
  EXPECT_TRUE(std::regex_match(r.err, std::regex("stats: time " + t + " \\(evaluate " + t + ", answer " + t + "\\)\n"
                                                 "stats: 0 rules, 2 facts, 1 predicate; 1 question, 2 answers\n"
                                                 "stats: peak memory [0-9]+\\.[0-9] MiB\n")))
      << r.err;
}

TEST(ReplCommands, PagerSetting) {
  const auto r = run_writ({"repl"}, ".pager\n.pager off\n.pager\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "pager: on\npager: off\n");
}

// .dump prints everything loaded as a program: declarations, templates, facts, rules,
// claims, then priorities, each as written, which loads back to the same answers. .save
// writes what the session typed, not the files (before, it wrote the files' statements
// too, so that loading the files with it declared everything twice), and says so.
TEST(ReplSave, DumpAndSaveWriteAProgramThatLoadsBackToTheSameAnswers) {
  TempDir dir;
  dir.write("c.writ", R"(r_separate > r_covers.
covered(P, D) means "P is covered by D".
#source memo { kind: memo }.
grant(deal, acme) @ memo "Acme grants rights.".
product(gizmo, acme).   product(widget,
   acme).
r_covers: covered(P, D) :~ grant(D, O), product(P, O).
r_separate: -covered(P, D) :~ separate(P), grant(D, _).
acme claims separate(gizmo) @ memo "Acme says Gizmo is separate.".
)");
  const auto r = run_writ({"repl"},
                          ".load c.writ\n.save e.writ\n.retract product(widget, acme).\n.dump\nproduct(gadget, acme).\n"
                          ".save d.writ\n.dump x\n.save\n",
                          dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: usage: .dump (.save FILE writes it to a file)\nerror: usage: .save FILE\n");
  const std::string program = R"(#source memo { kind: memo }.
covered(P, D) means "P is covered by D".
grant(deal, acme) @ memo "Acme grants rights.".
product(gizmo, acme).
r_covers: covered(P, D) :~ grant(D, O), product(P, O).
r_separate: -covered(P, D) :~ separate(P), grant(D, _).
acme claims separate(gizmo) @ memo "Acme says Gizmo is separate.".
r_separate > r_covers.
)";
  EXPECT_EQ(r.out, "nothing saved: no statement typed in this session stands (.dump prints everything loaded)\n"
                   "removed product(widget, acme).\n" + program +
                   "saved 1 statement typed in this session to d.writ (not the files loaded: load it with: writ c.writ "
                   "d.writ)\n"
                   "note: a program cannot retract: what this session retracted from the files is not in it (.dump "
                   "prints everything as it stands)\n");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "e.writ"));
  const auto read = [&](const char* name) {
    std::ifstream saved(dir.path() / name, std::ios::binary);
    std::ostringstream text;
    text << saved.rdbuf();
    return text.str();
  };
  EXPECT_EQ(read("d.writ"), "product(gadget, acme).\n");
  // With the files, as the message says: the typed fact is back (the retraction is not).
  auto again = run_writ({"run", "c.writ", "d.writ", "--format", "csv", "-q", "product(P, acme)"}, {}, dir.path());
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(again.out, "P,status\ngadget,established\ngizmo,established\nwidget,established\n");
  // What .dump printed loads back to the same answers.
  dir.write("dumped.writ", program);
  again = run_writ({"run", "dumped.writ", "-q", "covered(P, D)", "-q", "product(P, O)"}, {}, dir.path());
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out,
            "?- covered(P, D).\nP      D     status\n-----  ----  --------\ngizmo  deal  rejected\n(1 answer)\n\n"
            "?- product(P, O).\nP      O     status\n-----  ----  -----------\ngizmo  acme  established\n(1 answer)\n");
}

// A store's .dump writes its facts from their values, as stored.
TEST(ReplSave, DumpOfAStoreWritesItsFacts) {
  TempDir dir;
  const auto load = run_writ({"repl", "--db", "case.db"}, "edge(1, \"two\"). path(X, Y) :- edge(X, Y).\n", dir.path());
  EXPECT_EQ(load.exit_code, 0) << load.err;
  const auto r = run_writ({"repl", "--db", "case.db"}, ".dump\n", dir.path());
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "path(X, Y) :- edge(X, Y).\nedge(1, \"two\").\n");
}

TEST(ReplAssume, OffWithoutALabelSaysWhatItTakes) {
  const auto r = run_writ({"repl"}, "q(1). r1: p(X) :- q(X).\n.assume off\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "error: usage: .assume off LABEL: switches off the rule labelled LABEL (.rules shows the labels)\n");
}

}  // namespace
}  // namespace writ::cli::test
