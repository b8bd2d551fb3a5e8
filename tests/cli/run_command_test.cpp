// writ run: the three output formats with exact text, the order of queries, limits.
#include <gtest/gtest.h>

#include <regex>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

constexpr std::string_view family = R"(% A small family, with a string that needs quoting.
parent(ann, bob).
parent(bob, carl).
parent(bob, "Dee, \"the\" one").
ancestor(X, Y) :- parent(X, Y).
ancestor(X, Z) :- parent(X, Y), ancestor(Y, Z).
age(ann, 70).
age(bob, 45).
?- ancestor(ann, W).
?- parent(ann, bob).
)";

class RunCommand : public ::testing::Test {
 protected:
  TempDir dir;
  std::string file = dir.write("family.writ", family);
};

TEST_F(RunCommand, TableAnswersFileQueriesThenEachQueryInOrder) {
  const auto r = run_writ({"run", file, "-q", "age(P, A)", "-q", "parent(carl, X)", "-q", "parent(x, y)"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, R"(?- ancestor(ann, W).
W
------------------
bob
carl
"Dee, \"the\" one"
(3 answers)

?- parent(ann, bob).
true.

?- age(P, A).
P    A
---  --
ann  70
bob  45
(2 answers)

?- parent(carl, X).
X
-
(0 answers)

?- parent(x, y).
false.
)");
}

TEST_F(RunCommand, TableSaysOneAnswerInTheSingular) {
  const auto r = run_writ({"run", "-q", "X = 1 + 2"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "?- X = 1 + 2.\nX\n-\n3\n(1 answer)\n");
}

// A warning about the program is said once, not again for each -q that meets it (before:
// once at the load and once per question), in run, explain and whynot alike.
TEST_F(RunCommand, AWarningAboutTheProgramIsSaidOnceForManyQuestions) {
  const std::string w = dir.write("w.writ", "p(X) :- q(X).\n");
  const std::string warning = w + ":1:9: warning: predicate 'q/1' is not defined by any fact or rule\n"
                                  " 1 | p(X) :- q(X).\n"
                                  "   |         ^~~~\n";
  for (const char* command : {"run", "explain", "whynot"}) {
    const auto r = run_writ({command, w, "-q", "p(X)", "-q", "p(1)"});
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_EQ(r.err, warning) << command;
  }
}

// --stats (clingo's): the answers on stdout as without it; after them, on stderr, the
// times, the program's size, questions and answers, peak memory. Times and memory vary:
// the test checks their form, the counts exactly.
TEST_F(RunCommand, StatsAfterTheAnswersOnStandardError) {
  const auto plain = run_writ({"run", file, "-q", "ancestor(ann, X)"});
  auto r = run_writ({"run", file, "-q", "ancestor(ann, X)", "--stats"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, plain.out);
  const std::string t = R"([0-9]+\.[0-9]{3} s)";
  EXPECT_TRUE(std::regex_match(r.err, std::regex("stats: time " + t + " \\(parse/check " + t + ", evaluate " + t +
                                                 ", answer " + t + "\\)\n"
                                                 "stats: 2 rules, 5 facts, 3 predicates; 3 questions, 7 answers\n"
                                                 "stats: peak memory [0-9]+\\.[0-9] MiB\n")))
      << r.err;
  r = run_writ({"run", file, "-q", "parent(X, bob)", "--stats", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  const std::string n = "[0-9]+\\.[0-9]{3}";
  EXPECT_TRUE(std::regex_match(r.err, std::regex(R"(\{"stats": \{"time": \{"total": )" + n + R"(, "parse_check": )" + n +
                                                 R"(, "evaluate": )" + n + R"(, "answer": )" + n +
                                                 R"(\}, "rules": 2, "facts": 5, "predicates": 3, "questions": 3, )"
                                                 R"("answers": 5, "peak_memory_bytes": [1-9][0-9]*\}\}\n)")))
      << r.err;
  r = run_writ({"check", file, "--stats"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("writ: unknown option '--stats' for 'check'"), std::string::npos) << r.err;
}

// Several questions: each block is headed by its goal (a one-field record, quoted as
// every string is), and strings are quoted so that they stay apart from symbols.
TEST_F(RunCommand, Csv) {
  const auto r = run_writ({"run", "--format", "csv", file, "-q", "age(P, A)", "-q", "parent(x, y)"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, R"("?- ancestor(ann, W)."
W
bob
carl
"Dee, ""the"" one"

"?- parent(ann, bob)."
answer
true

"?- age(P, A)."
P,A
ann,70
bob,45

"?- parent(x, y)."
answer
false
)");
}

// One question: a plain table, for a spreadsheet or `writ import`.
TEST_F(RunCommand, CsvKeepsSymbolsStringsAndIntegersApart) {
  const std::string v = dir.write("v.writ", "v(a). v(\"a\"). v(1). v(\"1\").\n");
  const auto r = run_writ({"run", "--format", "csv", v, "-q", "v(X)"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "X\n1\na\n\"1\"\n\"a\"\n");
  const auto j = run_writ({"run", "--format", "json", v, "-q", "v(X)"});
  EXPECT_EQ(j.out,
            R"j({"goal": "v(X)", "columns": ["X"], "rows": [[1], ["a"], [{"string": "1"}], [{"string": "a"}]], )j"
            R"j("status": "ok", "diagnostics": []})j"
            "\n");
}

TEST_F(RunCommand, CsvQuotesEmptyFieldsAndLineBreaks) {
  const auto r = run_writ({"run", "--format=csv", "-q", R"(X = "", Y = "a\nb")"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "X,Y\n\"\",\"a\nb\"\n");
}

TEST_F(RunCommand, Json) {
  const auto r = run_writ({"run", file, "--format", "json", "-q", "age(P, A)", "-q", "parent(x, y)"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(
      r.out,
      R"json({"goal": "ancestor(ann, W)", "columns": ["W"], "rows": [["bob"], ["carl"], [{"string": "Dee, \"the\" one"}]], "status": "ok", "diagnostics": []}
{"goal": "parent(ann, bob)", "columns": [], "rows": [[]], "status": "ok", "diagnostics": []}
{"goal": "age(P, A)", "columns": ["P", "A"], "rows": [["ann", 70], ["bob", 45]], "status": "ok", "diagnostics": []}
{"goal": "parent(x, y)", "columns": [], "rows": [], "status": "ok", "diagnostics": []}
)json");
}

// Each -q has its line, a failed one too: line N answers the Nth question.
TEST_F(RunCommand, JsonGivesAFailedQuestionItsLine) {
  const auto r = run_writ({"run", "--format", "json", "-q", "p(X", "-q", "q(1)", "-q", "X = 1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.out,
      R"json({"goal": "p(X", "columns": [], "rows": [], "status": "error", "diagnostics": [{"severity": "error", "file": "-q", "line": 1, "column": 4, "message": "expected ')' or ',' at the end of the input"}]}
{"goal": "q(1)", "columns": [], "rows": [], "status": "ok", "diagnostics": [{"severity": "warning", "file": "-q", "line": 1, "column": 1, "message": "predicate 'q/1' is not defined by any fact or rule"}]}
{"goal": "X = 1", "columns": ["X"], "rows": [[1]], "status": "ok", "diagnostics": []}
)json");
  // The same diagnostics, rendered, on standard error for a person.
  EXPECT_NE(r.err.find("-q:1:4: error: expected ')' or ',' at the end of the input\n 1 | p(X\n"), std::string::npos);
}

// A load that fails answers nothing, and says so on each question's line.
TEST_F(RunCommand, JsonSaysALoadErrorOnEachLine) {
  const std::string bad = dir.write("bad.writ", "p(a).\np(b\n");
  const auto r = run_writ({"run", "--format", "json", bad, "-q", "p(X)", "-q", "p(a)"});
  EXPECT_EQ(r.exit_code, 1);
  const std::string diagnostics = R"j([{"severity": "error", "file": ")j" + bad +
                                  R"j(", "line": 3, "column": 1, "message": "expected ')' or ',' at the end of the input"}])j";
  EXPECT_EQ(r.out, R"j({"goal": "p(X)", "columns": [], "rows": [], "status": "error", "diagnostics": )j" + diagnostics +
                       "}\n" + R"j({"goal": "p(a)", "columns": [], "rows": [], "status": "error", "diagnostics": )j" +
                       diagnostics + "}\n");
  const auto missing = run_writ({"run", "--format", "json", "missing.writ", "-q", "p(X)"}, {}, dir.path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.out,
            R"j({"goal": "p(X)", "columns": [], "rows": [], "status": "error", "diagnostics": [{"severity": "error", )j"
            R"j("file": null, "line": null, "column": null, "message": "cannot open 'missing.writ': No such file or directory"}]})j"
            "\n");
}

// json-doc: everything in one document, the load's warnings at its head and the run's
// outcome at its end; each question's object has what was said about it.
TEST_F(RunCommand, JsonDocIsOneDocument) {
  const std::string w = dir.write("w.writ", "p(a) :- q(a).\n");
  const auto r = run_writ({"run", "--format", "json-doc", w, "-q", "p(X)", "-q", "p("});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            R"j({"diagnostics": [{"severity": "warning", "file": ")j" + w +
                R"j(", "line": 1, "column": 9, "message": "predicate 'q/1' is not defined by any fact or rule"}], )j"
                R"j("questions": [{"goal": "p(X)", "columns": ["X"], "rows": [], "status": "ok", "diagnostics": [)j"
                R"j({"severity": "warning", "file": ")j" + w +
                R"j(", "line": 1, "column": 9, "message": "predicate 'q/1' is not defined by any fact or rule"}]}, )j"
                R"j({"goal": "p(", "columns": [], "rows": [], "status": "error", "diagnostics": [{"severity": "error", )j"
                R"j("file": "-q", "line": 1, "column": 3, "message": "expected a term at the end of the input"}]}], )j"
                R"j("status": "error"})j"
                "\n");
  const auto good = run_writ({"run", "--format", "json-doc", "-q", "X = 1"});
  EXPECT_EQ(good.exit_code, 0);
  EXPECT_EQ(good.out,
            R"j({"diagnostics": [], "questions": [{"goal": "X = 1", "columns": ["X"], "rows": [[1]], "status": "ok", )j"
            R"j("diagnostics": []}], "status": "ok"})j"
            "\n");
}

TEST_F(RunCommand, JsonEscapesControlCharactersAndPassesUtf8) {
  const auto r = run_writ({"run", "--format", "json", "-q", R"(X = "tab\there\né", Y = -7)"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(
      r.out,
      R"json({"goal": "X = \"tab\\there\\né\", Y = -7", "columns": ["X", "Y"], "rows": [[{"string": "tab\there\né"}, -7]], "status": "ok", "diagnostics": []})json"
      "\n");
}

TEST_F(RunCommand, FilesAreLoadedTogether) {
  const std::string rules = dir.write("rules.writ", "grandparent(X, Z) :- parent(X, Y), parent(Y, Z).\n");
  const auto r = run_writ({"run", rules, file, "-q", "grandparent(ann, G)", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "\"?- ancestor(ann, W).\"\nW\nbob\ncarl\n\"Dee, \"\"the\"\" one\"\n\n\"?- parent(ann, bob).\"\nanswer\ntrue\n\n"
            "\"?- grandparent(ann, G).\"\nG\ncarl\n\"Dee, \"\"the\"\" one\"\n");
}

TEST_F(RunCommand, AnErroneousQueryIsReportedAndTheOthersAnswered) {
  const auto r = run_writ({"run", "-q", "p(X", "-q", "X = 1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "?- X = 1.\nX\n-\n1\n(1 answer)\n");
  EXPECT_EQ(r.err, "-q:1:4: error: expected ')' or ',' at the end of the input\n 1 | p(X\n   |    ^\n");
}

TEST_F(RunCommand, AnErrorInAFileLoadsNothingAndAnswersNothing) {
  const std::string bad = dir.write("bad.writ", "p(a).\np(b c).\n?- p(X).\n");
  const auto r = run_writ({"run", bad, "-q", "p(X)"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("bad.writ:2:"), std::string::npos) << r.err;
}

TEST_F(RunCommand, UnreadableFile) {
  const auto r = run_writ({"run", "missing.writ"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "writ: error: cannot open 'missing.writ': No such file or directory\n");
}

TEST_F(RunCommand, ADirectoryIsNotAFile) {
  const auto r = run_writ({"run", dir.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot open '" + dir.path().string() + "': Is a directory\n");
}

// Issue 11, item 9: a UTF-8 byte order mark (as some editors write) starts the file, as
// CSV import skips it; before, it was an error at an invisible character. Columns count
// characters as an editor shows them: the mark takes none ('q' is the 6th character).
TEST_F(RunCommand, AByteOrderMarkAtTheStartIsSkipped) {
  const std::string bom = dir.write("bom.writ", "\xEF\xBB\xBFp(1).\nq(X) :- p(X).\n?- q(X).\n");
  auto r = run_writ({"run", bom, "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "X\n1\n");
  const std::string bad = dir.write("bad.writ", "\xEF\xBB\xBFp(1) q.\n");
  r = run_writ({"check", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), bad + ":1:6: error: expected '.' or ':-' after the head") << r.err;
}

constexpr std::string_view counter = "n(0).\nn(Y) :- n(X), Y = X + 1.\n";

TEST_F(RunCommand, MaxFactsEndsAnEndlessEvaluationWithStatus3) {
  const std::string endless = dir.write("counter.writ", counter);
  const auto r = run_writ({"run", endless, "--max-facts", "100", "-q", "n(5)", "-q", "X = 1"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");  // writ stops at the query that hit the limit
  EXPECT_NE(r.err.find("100"), std::string::npos) << r.err;
}

TEST_F(RunCommand, TimeoutEndsAnEndlessEvaluationWithStatus3) {
  const std::string endless = dir.write("counter.writ", counter);
  const auto r = run_writ({"run", endless, "--timeout", "1", "-q", "n(5)"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("time"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace writ::cli::test

namespace writ::cli::test {
namespace {

// The load warns about a question's undefined predicate; answering it must not say so again.
TEST(RunWarnings, AQuestionsWarningIsSaidOnce) {
  TempDir dir;
  const std::string file = dir.write("q.writ", "q(X)?\n");
  const auto r = run_writ({"run", file});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, file + ":1:1: warning: predicate 'q/1' is not defined by any fact or rule\n 1 | q(X)?\n   | ^~~~\n");
  EXPECT_EQ(r.out, "?- q(X).\nX\n-\n(0 answers)\n");
}

}  // namespace
}  // namespace writ::cli::test
