// writ import, export and materialize end to end: exact output, messages and exit codes,
// each checked from a later process (and, for materialize, from the sqlite3 tool).
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

// Runs the sqlite3 command-line tool (a dependency of the test suite) on `db`.
std::string sqlite3(const std::filesystem::path& db, const std::string& sql) {
  const std::string command = "sqlite3 '" + db.string() + "' \"" + sql + "\" 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

class TableCommands : public ::testing::Test {
 protected:
  TempDir dir;
  ProcessResult writ(const std::vector<std::string>& args, std::string_view input = {}) {
    return run_writ(args, input, dir.path());
  }
};

TEST_F(TableCommands, ImportTypesColumnsAndTheFactsJoinWithRules) {
  dir.write("edges.csv", "src,dst\n1,2\n2,3\n3,4\n");
  dir.write("path.writ", "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
  auto r = writ({"import", "--db", "case.db", "edges.csv", "edge"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "writ: transaction 1: imported 3 rows of 'edges.csv' as edge/2 (integer, integer); header: src, dst\n");
  r = writ({"run", "--db", "case.db", "path.writ", "-q", "path(1, X)", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "X\n2\n3\n4\n");
  r = writ({"log", "--db", "case.db", "--format", "csv"});
  EXPECT_NE(r.out.find(",import edges.csv into edge,3,0\n"), std::string::npos) << r.out;
}

TEST_F(TableCommands, ImportOfTsvWithQuotesHeaderFlagAndStrings) {
  dir.write("parties.tsv", "party\trole\tname\nmicrosoft\tpartner\t\"Microsoft \"\"MS\"\" Corp\"\nopenai\tlicensee\tOpenAI\n");
  auto r = writ({"import", "--db", "case.db", "parties.tsv", "party", "--header"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "writ: transaction 1: imported 2 rows of 'parties.tsv' as party/3 (symbol, symbol, string); "
                   "header: party, role, name\n");
  r = writ({"run", "--db", "case.db", "-q", "party(P, partner, N)", "--format", "json"});
  EXPECT_EQ(r.out, R"j({"goal": "party(P, partner, N)", "columns": ["P", "N"], "rows": [["microsoft", {"string": "Microsoft \"MS\" Corp"}]], "status": "ok", "diagnostics": []})j"
                   "\n");
  // Strings stay strings: the symbol `openai` and the string "OpenAI" differ.
  r = writ({"run", "--db", "case.db", "-q", "party(openai, _, \"OpenAI\")", "--format", "csv"});
  EXPECT_EQ(r.out, "answer\ntrue\n");
}

TEST_F(TableCommands, ABadTableReportsEveryErrorAndAddsNothing) {
  dir.write("good.csv", "1,2\n");
  dir.write("bad.csv", "a,b\n1,2,3\nx\"y,2\n");
  ASSERT_EQ(writ({"import", "--db", "case.db", "good.csv", "edge"}).exit_code, 0);
  const auto r = writ({"import", "--db", "case.db", "bad.csv", "edge"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "bad.csv:2:1: error: this row has 3 fields; the first row has 2\n"
            " 2 | 1,2,3\n"
            "   | ^~~~~\n"
            "bad.csv:3:2: error: a '\"' inside an unquoted field: quote the whole field and double the quote (\"\")\n"
            " 3 | x\"y,2\n"
            "   |  ^\n");
  EXPECT_EQ(writ({"export", "--db", "case.db", "edge"}).out, "A1,A2\n1,2\n");
  EXPECT_EQ(writ({"log", "--db", "case.db", "--format", "csv"}).out.find("bad.csv"), std::string::npos);
}

// Issue 11, item 6: a NUL byte or invalid UTF-8 in a value is an error at FILE:LINE:COL
// with the row named, and nothing is imported.
TEST_F(TableCommands, NulBytesAndInvalidUtf8InAValueImportNothing) {
  using namespace std::string_literals;
  dir.write("bad.csv", "1,ok\n2,x\0y\n3,\"a\xFF\"\n"s);
  const auto r = writ({"import", "--db", "case.db", "bad.csv", "p"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n') + 1), "bad.csv:2:4: error: NUL character in field 2 of row 2\n");
  EXPECT_NE(r.err.find("bad.csv:3:5: error: invalid UTF-8 in field 2 of row 3\n"), std::string::npos) << r.err;
  EXPECT_EQ(writ({"log", "--db", "case.db", "--format", "csv"}).out, "tx,time,description,added,removed\n");
}

TEST_F(TableCommands, AnImportedFactIsCheckedWithTheRestOfTheKnowledgeBase) {
  dir.write("r.writ", "p(X) :- q(X, _).\n");
  dir.write("q.csv", "1\n2\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "r.writ"}).exit_code, 0);
  const auto r = writ({"import", "--db", "case.db", "q.csv", "q"});
  EXPECT_EQ(r.exit_code, 0);  // q/1 next to q/2 is a warning, as in a writ file
  EXPECT_NE(r.err.find("q.csv:1:1: warning: "), std::string::npos) << r.err;
}

TEST_F(TableCommands, ImportUsageAndFileErrors) {
  dir.write("e.csv", "1\n");
  auto r = writ({"import", "--db", "case.db", "e.csv"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: 'import' needs a FILE and a PREDICATE (e.g. 'writ import --db case.db edges.csv edge')\n"
                   "Try 'writ import --help' for more information.\n");
  r = writ({"import", "e.csv", "e"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: 'import' needs --db FILE\nTry 'writ import --help' for more information.\n");
  r = writ({"import", "--db", "case.db", "e.csv", "Edge"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: 'Edge' is not a predicate name: it must start with a lowercase letter, then "
                   "letters, digits or '_'\n");
  r = writ({"import", "--db", "case.db", "missing.csv", "e"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot open 'missing.csv': No such file or directory\n");
  r = writ({"import", "--db", "case.db", "e.csv", "e", "--delimiter", "ab"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: invalid --delimiter 'ab': expected one character (or 'tab'), not a quote or a line "
                   "break\nTry 'writ import --help' for more information.\n");
  dir.write("semi.csv", "1;2\n");
  r = writ({"import", "--db", "case.db", "semi.csv", "s", "--delimiter", ";", "--no-header"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(writ({"export", "--db", "case.db", "s"}).out, "A1,A2\n1,2\n");
}

TEST_F(TableCommands, ExportWritesStoredAndDerivedRelations) {
  dir.write("g.writ", "edge(1, 2). edge(2, 3). edge(a, \"x,y\").\n"
                      "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "g.writ"}).exit_code, 0);
  auto r = writ({"export", "--db", "case.db", "path"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "A1,A2\n1,2\n1,3\n2,3\na,\"x,y\"\n");
  r = writ({"export", "--db", "case.db", "path/2", "--format", "json"});
  EXPECT_EQ(r.out, R"({"goal": "path/2", "columns": ["A1", "A2"], "rows": [[1, 2], [1, 3], [2, 3], ["a", {"string": "x,y"}]], "status": "ok", "diagnostics": []})"
                   "\n");
  // Without a store, from files; an exported table imports back to the same relation.
  r = writ({"export", "path", "g.writ"});
  EXPECT_EQ(r.out, "A1,A2\n1,2\n1,3\n2,3\na,\"x,y\"\n");
  dir.write("e.csv", writ({"export", "--db", "case.db", "edge"}).out);
  ASSERT_EQ(writ({"import", "--db", "copy.db", "e.csv", "edge", "--header"}).exit_code, 0);
  // The mixed columns come back as strings, which csv writes in quotes: nothing is
  // passed off as an integer or a symbol.
  EXPECT_EQ(writ({"export", "--db", "copy.db", "edge"}).out, "A1,A2\n\"1\",\"2\"\n\"2\",\"3\"\n\"a\",\"x,y\"\n");
  EXPECT_EQ(writ({"run", "--db", "copy.db", "-q", "edge(\"a\", X)", "--format", "csv"}).out, "X\n\"x,y\"\n");
  r = writ({"export", "--db", "case.db", "nope"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: no predicate 'nope' is defined\n");
}

TEST_F(TableCommands, ExportOfANameWithTwoAritiesAsksForOne) {
  dir.write("p.writ", "p(1). p(1, 2).\n");
  const auto r = writ({"export", "p", "p.writ"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("writ: error: 'p' has several arities (p/1, p/2): export one of them\n"), std::string::npos)
      << r.err;
  EXPECT_EQ(writ({"export", "p/2", "p.writ"}).out, "A1,A2\n1,2\n");
}

TEST_F(TableCommands, MaterializeWritesTablesThatSqliteReadsAndMarksThemStale) {
  dir.write("g.writ", "edge(1, 2). edge(2, 3).\npath(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n"
                      "n(\"a\").\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "g.writ"}).exit_code, 0);
  auto r = writ({"materialize", "--db", "case.db", "path", "n"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "writ: materialized path/2 as table path (3 rows)\nwrit: materialized n/1 as table n (1 row)\n");
  const auto db = dir.path() / "case.db";
  EXPECT_EQ(sqlite3(db, "select a1, a2, typeof(a1) from path order by 1, 2"), "1|2|integer\n1|3|integer\n2|3|integer\n");
  EXPECT_EQ(sqlite3(db, "select a1, typeof(a1) from n"), "a|text\n");
  EXPECT_EQ(sqlite3(db, "select predicate, arity, table_name, tx, rows, stale from materialized order by 1"),
            "n|1|n|1|1|0\npath|2|path|1|3|0\n");
  // A change makes them stale; materializing again refreshes them.
  dir.write("more.writ", "edge(3, 4).\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "more.writ"}).exit_code, 0);
  EXPECT_EQ(sqlite3(db, "select table_name, stale from materialized order by 1"), "n|1\npath|1\n");
  ASSERT_EQ(writ({"materialize", "--db", "case.db", "path"}).exit_code, 0);
  EXPECT_EQ(sqlite3(db, "select count(*) from path"), "6\n");
  EXPECT_EQ(sqlite3(db, "select table_name, tx, stale from materialized order by 1"), "n|1|1\npath|2|0\n");
  // The store is still a writ store that answers as before.
  r = writ({"run", "--db", "case.db", "-q", "path(1, X)", "--format", "csv"});
  EXPECT_EQ(r.out, "X\n2\n3\n4\n");
}

TEST_F(TableCommands, MaterializedNamesAvoidWritsTablesAndEachOther) {
  dir.write("g.writ", "sources(1). predicates(1). p(1). p(1, 2). facts_x(1).\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "g.writ"}).exit_code, 0);
  const auto r = writ({"materialize", "--db", "case.db", "sources", "predicates", "p", "facts_x"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "writ: materialized sources/1 as table sources_1 (1 row)\n"
            "writ: materialized predicates/1 as table predicates_1 (1 row)\n"
            "writ: materialized p/1 as table p (1 row)\n"
            "writ: materialized p/2 as table p_2 (1 row)\n"
            "writ: materialized facts_x/1 as table rel_facts_x (1 row)\n");
}

TEST_F(TableCommands, MaterializedArgumentsCarryTheirStatus) {
  dir.write("a.writ", "bird(tweety). bird(pingu). penguin(pingu).\n"
                      "r1: flies(X) :~ bird(X).\nr2: -flies(X) :~ penguin(X).\nr2 > r1.\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "a.writ"}).exit_code, 0);
  ASSERT_EQ(writ({"materialize", "--db", "case.db", "flies"}).exit_code, 0);
  EXPECT_EQ(sqlite3(dir.path() / "case.db", "select * from flies order by 1"), "pingu|rejected\ntweety|accepted\n");
}

TEST_F(TableCommands, MaterializeErrors) {
  dir.write("g.writ", "p(1).\n");
  auto r = writ({"materialize", "--db", "case.db", "p"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: cannot open store 'case.db': no such file\n");
  ASSERT_EQ(writ({"load", "--db", "case.db", "g.writ"}).exit_code, 0);
  r = writ({"materialize", "--db", "case.db", "q"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "writ: error: no predicate 'q' is defined\n");
  r = writ({"materialize", "--db", "case.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(sqlite3(dir.path() / "case.db", "select count(*) from sqlite_schema where name = 'p'"), "0\n");
}

}  // namespace
}  // namespace writ::cli::test
