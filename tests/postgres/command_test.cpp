// `writ` with --postgres end to end: the same output as without it, the PG* environment
// variables, limits, and each way the server can refuse or fail (no server, no schema,
// not writ's schema, a privilege refused, the connection lost mid-run): `error:` on
// standard error, exit status 1, and the schema as it was.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "pg_client.hpp"
#include "postgres_fixture.hpp"
#include "writ_process.hpp"

namespace writ::test {
namespace {

using cli::test::ProcessResult;
using cli::test::run_writ;
using cli::test::TempDir;

const char* const graph = R"(edge(1, 2). edge(2, 3). edge(3, 1). edge(3, 4). edge(a, "b c").
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
node(X) :- edge(X, _).
node(Y) :- edge(_, Y).
degree(X, N) :- node(X), N = #count{ Y : edge(X, Y) }.
sink(X) :- node(X), not edge(X, _).
next(X, Y) :- node(X), X < a, Y = X + 1.
?- path(1, X).
?- degree(X, N).
?- sink(X).
?- next(X, Y).
)";

// A long evaluation: one new fact a round, 100000 rounds.
const char* const long_count = "n(0).\nn(X) :- n(Y), X = Y + 1, X < 100000.\n?- n(99999).\n";

std::vector<std::string> postgres(const std::string& schema) {
  return {"--postgres", test_conninfo(), "--schema", schema};
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Loads `text` into `schema` with writ load (which must succeed).
void load(const std::string& schema, const std::string& text, const TempDir& dir) {
  const auto r = run_writ(std::vector<std::string>{"load"} + postgres(schema) + std::vector<std::string>{dir.write(schema + ".writ", text)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST(PostgresCommands, RunPrintsWhatItPrintsWithoutPostgres) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("run_same", "marker.", dir);
  const std::string file = dir.write("graph.writ", graph);
  for (const char* format : {"table", "csv", "json"}) {
    const auto native = run_writ({"run", file, "-q", "path(X, 4)", "--format", format});
    const auto inside = run_writ(std::vector<std::string>{"run", file, "-q", "path(X, 4)", "--format", format} + postgres("run_same"));
    EXPECT_EQ(native.exit_code, 0) << native.err;
    EXPECT_EQ(inside.exit_code, 0) << inside.err;
    EXPECT_EQ(native.out, inside.out) << format;
    EXPECT_EQ(native.err, inside.err) << format;
  }
}

TEST(PostgresCommands, LoadThenRunAndExportFromTheSchema) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  const std::string file = dir.write("graph.writ", graph);
  const auto loaded = run_writ(std::vector<std::string>{"load", file} + postgres("loaded"));
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  EXPECT_EQ(loaded.err, "writ: loaded into schema 'loaded'\n");
  // The rules and facts come from the schema now.
  const auto inside = run_writ(std::vector<std::string>{"run", "-q", "path(X, Y)", "--format", "csv"} + postgres("loaded"));
  ASSERT_EQ(inside.exit_code, 0) << inside.err;
  EXPECT_EQ(inside.out, "X,Y\n1,1\n1,2\n1,3\n1,4\n2,1\n2,2\n2,3\n2,4\n3,1\n3,2\n3,3\n3,4\na,\"b c\"\n");
  const auto exported = run_writ(std::vector<std::string>{"export", "degree"} + postgres("loaded"));
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out, "A1,A2\n1,1\n2,1\n3,2\n4,0\na,1\n\"b c\",0\n");
  // Plain facts are rows of their table; rules are text.
  EXPECT_EQ(sql_value(test_conninfo(), "SELECT count(*) FROM loaded.edge_2"), "5");
  EXPECT_EQ(sql_value(test_conninfo(), "SELECT count(*) FROM loaded.writ_statement"), "7");
  EXPECT_EQ(sql_value(test_conninfo(), "SELECT string_agg(loaded.show(a1) || '->' || loaded.show(a2), ' ' ORDER BY a1, a2) "
                                       "FROM loaded.edge_2"),
            "1->2 2->3 3->1 3->4 a->\"b c\"");
  // A second load of the same facts adds no copies.
  ASSERT_EQ(run_writ(std::vector<std::string>{"load", dir.write("more.writ", "edge(1, 2). edge(4, 5).")} + postgres("loaded")).exit_code, 0);
  EXPECT_EQ(sql_value(test_conninfo(), "SELECT count(*) FROM loaded.edge_2"), "6");
}

TEST(PostgresCommands, HonoursThePgEnvironment) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("from_env", "edge(1, 2).", dir);
  const auto r = run_writ({"run", "--postgres", "", "--schema", "from_env", "-q", "edge(X, Y)", "--format", "csv"}, {}, {},
                          {{"PGHOST", test_pghost()}, {"PGUSER", "writ"}, {"PGDATABASE", "postgres"}});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "X,Y\n1,2\n");
}

TEST(PostgresCommands, NoServerIsAnError) {
  WRIT_NEEDS_POSTGRES();
  const auto r = run_writ({"run", "--postgres", "host=/nonexistent/writ-test", "-q", "p(X)"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "writ: error: cannot connect to PostgreSQL: connection to server on socket "
            "\"/nonexistent/writ-test/.s.PGSQL.5432\" failed: No such file or directory (Is the server running locally "
            "and accepting connections on that socket?)\n");
}

TEST(PostgresCommands, AMissingSchemaIsAnError) {
  WRIT_NEEDS_POSTGRES();
  for (const char* command : {"run", "export"}) {
    const auto r = run_writ((std::string(command) == "run" ? std::vector<std::string>{"run", "-q", "p(X)"}
                                                           : std::vector<std::string>{"export", "p"}) +
                            postgres("no_such_schema"));
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.err,
              "writ: error: schema \"no_such_schema\" in database \"postgres\" does not exist (writ load --postgres "
              "creates it)\n")
        << command;
  }
}

TEST(PostgresCommands, ASchemaThatIsNotWritsIsLeftAlone) {
  WRIT_NEEDS_POSTGRES();
  sql(test_conninfo(), "CREATE SCHEMA theirs; CREATE TABLE theirs.accounts (id integer)");
  TempDir dir;
  const auto r = run_writ(std::vector<std::string>{"load", dir.write("f.writ", "p(1).")} + postgres("theirs"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "writ: error: schema \"theirs\" in database \"postgres\" is not writ's: it holds other objects and no table "
            "writ_meta (name another with --schema)\n");
  EXPECT_EQ(sql_value(test_conninfo(), "SELECT count(*) FROM pg_class WHERE relnamespace = 'theirs'::regnamespace"), "1");
}

TEST(PostgresCommands, APrivilegeRefusedIsAnErrorAndChangesNothing) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("guarded", "edge(1, 2).\npath(X, Y) :- edge(X, Y).\n", dir);
  sql(test_conninfo(), "DROP ROLE IF EXISTS reader; CREATE ROLE reader LOGIN");
  const std::string as_reader = "host=" + test_pghost() + " user=reader dbname=postgres";
  const auto before = sql(test_conninfo(), "SELECT (SELECT count(*) FROM guarded.edge_2), (SELECT count(*) FROM guarded.writ_statement)");

  // Without USAGE on the schema, it cannot even be read.
  const auto run = run_writ({"run", "--postgres", as_reader, "--schema", "guarded", "-q", "path(X, Y)"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "writ: error: PostgreSQL: permission denied for schema guarded (while reading schema \"guarded\" in "
                     "database \"postgres\")\n");
  // With USAGE and SELECT it answers (evaluation writes only temporary tables)...
  sql(test_conninfo(), "GRANT USAGE ON SCHEMA guarded TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA guarded TO reader");
  const auto read = run_writ({"run", "--postgres", as_reader, "--schema", "guarded", "-q", "path(X, Y)", "--format", "csv"});
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, "X,Y\n1,2\n");
  // ... but cannot load: the whole load is refused and the schema is as it was.
  const auto wrote = run_writ({"load", "--postgres", as_reader, "--schema", "guarded", dir.write("more.writ", "edge(2, 3).\nq(X) :- edge(X, _).\n")});
  EXPECT_EQ(wrote.exit_code, 1);
  EXPECT_EQ(wrote.err, "writ: error: PostgreSQL: permission denied for sequence writ_load (while loading into schema "
                       "\"guarded\"); nothing was added\n");
  EXPECT_EQ(sql(test_conninfo(), "SELECT (SELECT count(*) FROM guarded.edge_2), (SELECT count(*) FROM guarded.writ_statement)"),
            before);
  // Allowed the sequence and the statements but not the fact table: refused half-way, and
  // still nothing is added.
  sql(test_conninfo(), "GRANT USAGE ON SEQUENCE guarded.writ_load TO reader; GRANT INSERT ON guarded.writ_statement TO reader;"
                       "GRANT USAGE ON SEQUENCE guarded.writ_statement_id_seq TO reader");
  const auto halfway = run_writ({"load", "--postgres", as_reader, "--schema", "guarded", dir.write("more.writ", "edge(2, 3).\nq(X) :- edge(X, _).\n")});
  EXPECT_EQ(halfway.exit_code, 1);
  EXPECT_EQ(halfway.err, "writ: error: PostgreSQL: permission denied for table edge_2 (while loading into schema "
                         "\"guarded\"); nothing was added\n");
  EXPECT_EQ(sql(test_conninfo(), "SELECT (SELECT count(*) FROM guarded.edge_2), (SELECT count(*) FROM guarded.writ_statement)"),
            before);
}

TEST(PostgresCommands, ALimitStopsTheEvaluationInTheServer) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("limits", "marker.", dir);
  const std::string file = dir.write("long.writ", long_count);
  const auto timed = run_writ(std::vector<std::string>{"run", file, "--timeout", "0.5"} + postgres("limits"));
  EXPECT_EQ(timed.exit_code, 3);
  EXPECT_EQ(timed.err, "writ: error: evaluation stopped: the time limit was reached (--timeout)\n");
  const auto counted = run_writ(std::vector<std::string>{"run", file, "--max-facts", "100"} + postgres("limits"));
  EXPECT_EQ(counted.exit_code, 3);
  EXPECT_EQ(counted.err, "writ: error: evaluation stopped: more than 100 facts (raise the limit with --max-facts)\n");
}

TEST(PostgresCommands, AnOverflowIsReportedWhereWritReportsIt) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("overflow", "marker.", dir);
  const std::string file = dir.write(
      "o.writ", "n(9223372036854775807). w(1, 9223372036854775807). w(2, 1).\nbig(X) :- n(Y), X = Y * 2.\n"
                "total(S) :- S = #sum{ V, K : w(K, V) }.\n?- big(X).\n?- total(S).\n");
  const auto native = run_writ({"run", file});
  const auto inside = run_writ(std::vector<std::string>{"run", file} + postgres("overflow"));
  EXPECT_EQ(native.exit_code, 1);
  EXPECT_EQ(inside.exit_code, 1);
  EXPECT_EQ(native.out, inside.out);
  EXPECT_EQ(native.err, inside.err);
}

TEST(PostgresCommands, AnOverflowFailsOnlyTheQuestionsThatReachIt) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  // The overflowing rule is stored in the schema; questions that do not reach it answer,
  // before and after one that does, as natively.
  const auto loaded = run_writ(std::vector<std::string>{"load"} + postgres("overflow_part") +
                               std::vector<std::string>{dir.write("data.writ",
                                                                  "edge(1, 2). edge(2, 3).\nn(9223372036854775807).\n"
                                                                  "big(X) :- n(Y), X = Y * 2.\n"
                                                                  "path(X, Y) :- edge(X, Y).\n"
                                                                  "path(X, Z) :- path(X, Y), edge(Y, Z).\n")});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const std::vector<std::string> questions = {"-q", "path(X, Y), X > 0", "-q", "big(X)", "-q", "path(1, Y)",
                                              "--format", "csv"};
  const auto native = run_writ(std::vector<std::string>{"run", (dir.path() / "data.writ").string()} + questions);
  const auto inside = run_writ(std::vector<std::string>{"run"} + postgres("overflow_part") + questions);
  EXPECT_EQ(native.exit_code, 1);
  EXPECT_EQ(inside.exit_code, 1);
  EXPECT_EQ(native.out, "\"?- path(X, Y), X > 0.\"\nX,Y\n1,2\n1,3\n2,3\n\n\"?- path(1, Y).\"\nY\n2\n3\n");
  EXPECT_EQ(inside.out, native.out);
  EXPECT_EQ(inside.err, (dir.path() / "data.writ").string() +
                            ":3:21: error: integer overflow: the result does not fit in 64 bits (signed)\n"
                        " 3 | big(X) :- n(Y), X = Y * 2.\n"
                        "   |                     ^~~~~\n");
  EXPECT_EQ(inside.err, native.err);
}

TEST(PostgresCommands, DatesDurationsAndMoneyAsNatively) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("typed", "marker.", dir);
  // The language tests of the value kinds: their answers, and the errors of typed
  // arithmetic and comparisons that depend on the facts.
  for (const char* test : {"values.writ", "value_evaluation_errors.writ"}) {
    const std::string file = std::string(WRIT_SOURCE_DIR) + "/tests/lang/" + test;
    const auto native = run_writ({"run", file, "--format", "csv"});
    const auto inside = run_writ(std::vector<std::string>{"run", file, "--format", "csv"} + postgres("typed"));
    EXPECT_EQ(native.exit_code, inside.exit_code) << test;
    EXPECT_EQ(native.out, inside.out) << test;
    EXPECT_EQ(native.err, inside.err) << test;
  }
}

// The application name of the writ that lose_connection_while() watches (writ's own default
// is "writ", the name every other test's sessions have too).
const std::string kLostApp = "writ_lost_connection";

// The connection and schema options of a writ whose backend lose_connection_while() finds.
std::vector<std::string> postgres_watched(const std::string& schema) {
  return {"--postgres", test_conninfo() + " application_name=" + kLostApp, "--schema", schema};
}

// Runs writ in the background until `ready` says its backend is busy, then terminates
// that backend as a server shutdown would; returns what writ printed.
ProcessResult lose_connection_while(const std::vector<std::string>& args, const std::string& ready) {
  int out[2], err[2];
  EXPECT_EQ(pipe(out), 0);
  EXPECT_EQ(pipe(err), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]);
    close(err[0]);
    std::vector<char*> argv;
    std::string program = "writ";
    argv.push_back(program.data());
    std::vector<std::string> copies = args;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(WRIT_BINARY, argv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  std::string pid_text;
  for (int i = 0; i < 600 && pid_text.empty(); ++i) {
    // Only this writ's backend: other tests' writ sessions run on the same server at the same time.
    const auto rows = sql(test_conninfo(), "SELECT pid FROM pg_stat_activity WHERE application_name = '" + kLostApp +
                                               "' AND " + ready);
    if (!rows.empty()) pid_text = rows[0][0];
    else std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(pid_text.empty()) << "writ's backend never got busy";
  if (!pid_text.empty()) sql(test_conninfo(), "SELECT pg_terminate_backend(" + pid_text + ")");
  ProcessResult r;
  auto drain = [](int fd, std::string& into) {
    char buffer[4096];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) into.append(buffer, static_cast<std::size_t>(n));
    close(fd);
  };
  drain(out[0], r.out);
  drain(err[0], r.err);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(PostgresCommands, TheServerGoingAwayMidRunIsAnError) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("lost", "marker.", dir);
  const auto r = lose_connection_while(std::vector<std::string>{"run", dir.write("long.writ", long_count)} + postgres_watched("lost"),
                                       "xact_start < now() - interval '1 second'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "writ: error: the connection to PostgreSQL was lost while evaluating the program: terminating "
                   "connection due to administrator command\n");
}

TEST(PostgresCommands, TheServerGoingAwayMidLoadChangesNothing) {
  WRIT_NEEDS_POSTGRES();
  TempDir dir;
  load("lost_load", "edge(0, 0).", dir);
  std::string facts;
  for (int i = 0; i < 300000; ++i) facts += "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
  facts += "path(X, Y) :- edge(X, Y).\n";
  const auto r = lose_connection_while(std::vector<std::string>{"load", dir.write("big.writ", facts)} + postgres_watched("lost_load"),
                                       "query LIKE 'COPY%'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("writ: error: the connection to PostgreSQL was lost while loading into schema \"lost_load\": "),
            std::string::npos)
      << r.err;
  EXPECT_EQ(sql(test_conninfo(), "SELECT (SELECT count(*) FROM lost_load.edge_2), (SELECT count(*) FROM lost_load.writ_statement)"),
            (std::vector<std::vector<std::string>>{{"1", "0"}}));
}

}  // namespace
}  // namespace writ::test
