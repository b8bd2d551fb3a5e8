// KnowledgeBase with a store: round trips, all-or-nothing loads, retraction, time travel,
// files that are not writ stores, and a second writer.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include "kb/store/sqlite.hpp"
#include "kb/store/store.hpp"
#include "store_fixture.hpp"

namespace writ::test {
namespace {

namespace store = kb::store;

const std::string family = R"(% a family
parent(abe, homer). parent(homer, bart). parent(homer, lisa). parent(bart, kid).
ancestor(X, Y) :- parent(X, Y).
ancestor(X, Z) :- parent(X, Y), ancestor(Y, Z).
childless(X) :- person(X), not parent(X, _).
person(X) :- parent(X, _).
person(X) :- parent(_, X).
children(X, N) :- person(X), N = #count{ Y : parent(X, Y) }.
)";

TEST_F(StoreTest, NewStoreIsEmptyAndInWalMode) {
  {
    auto kb = open("case.db");
    EXPECT_TRUE(kb->has_store());
    EXPECT_TRUE(kb->predicates().empty());
    EXPECT_TRUE(kb->transactions().transactions.empty());
  }
  store::Database db;
  ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadOnly, db));
  std::int64_t v = 0;
  ASSERT_FALSE(db.query_int("PRAGMA user_version", v));
  EXPECT_EQ(v, store::schema_version);
  ASSERT_FALSE(db.query_int("PRAGMA application_id", v));
  EXPECT_EQ(v, store::application_id);
  store::Statement s;
  ASSERT_FALSE(db.prepare("PRAGMA journal_mode", s));
  ASSERT_EQ(s.step(), store::Step::Row);
  EXPECT_EQ(s.column_text(0), "wal");
}

TEST_F(StoreTest, RoundTripGivesTheSameAnswers) {
  const std::vector<std::string> goals = {"ancestor(abe, X)", "childless(X)", "children(X, N)", "person(X)"};
  std::vector<Rows> before;
  {
    auto kb = open("case.db");
    load_ok(*kb, family, "family.writ");
    for (const auto& g : goals) before.push_back(rows(*kb, g));
  }
  auto kb = open("case.db");
  for (std::size_t i = 0; i < goals.size(); ++i) EXPECT_EQ(rows(*kb, goals[i]), before[i]) << goals[i];
  EXPECT_EQ(rows(*kb, "ancestor(abe, X)"), (Rows{"bart", "homer", "kid", "lisa"}));
  EXPECT_EQ(kb->rule_texts("ancestor"),
            (Rows{"ancestor(X, Y) :- parent(X, Y).", "ancestor(X, Z) :- parent(X, Y), ancestor(Y, Z)."}));
  const auto preds = kb->predicates();
  ASSERT_FALSE(preds.empty());
  EXPECT_EQ(preds.front().name, "ancestor");
}

TEST_F(StoreTest, ArgumentsSurviveAReopen) {
  // Priorities, sources, templates, claims and citations are kept: the statuses and the
  // explanation after a reopen are the ones before.
  const std::string text =
      "#source zoo { kind: register }.\n"
      "bird(tweety). bird(opus). penguin(opus) @ zoo \"Opus is a penguin.\".\n"
      "r1: flies(X) :~ bird(X).\n"
      "r2: -flies(X) :~ penguin(X).\n"
      "r2 > r1.\n"
      "flies(X) means \"X flies\".\n"
      "keeper claims tame(opus) @ zoo.\n";
  auto statuses = [](kb::KnowledgeBase& kb, const std::string& goal) {
    Rows out;
    const auto r = kb.ask(goal);
    for (std::size_t i = 0; i < r.answers.rows.size(); ++i)
      out.push_back(query::to_source(r.answers.rows[i][0]) + ": " + kb::status_name(r.answers.statuses.at(i)));
    return out;
  };
  std::string explained;
  {
    auto kb = open("args.db");
    load_ok(*kb, text, "zoo.writ");
    EXPECT_EQ(statuses(*kb, "flies(X)"), (Rows{"opus: rejected", "tweety: accepted"}));
    explained = kb::render_text(kb->explain("flies(opus)").explanations.at(0));
  }
  auto kb = open("args.db");
  EXPECT_EQ(statuses(*kb, "flies(X)"), (Rows{"opus: rejected", "tweety: accepted"}));
  EXPECT_EQ(statuses(*kb, "tame(X)"), (Rows{"opus: accepted"}));
  EXPECT_EQ(kb::render_text(kb->explain("flies(opus)").explanations.at(0)), explained);
  EXPECT_NE(explained.find("source: zoo (register): \"Opus is a penguin.\""), std::string::npos) << explained;
}

TEST_F(StoreTest, ValuesKeepTheirKinds) {
  const std::string text =
      "v(abc). v(\"abc\"). v(42). v(-9223372036854775807 - 1). v(9223372036854775807).\n"
      "v(\"\"). v(\"a \\\"quoted\\\"\\nline\"). v(\"caf\xc3\xa9\"). v(x_Y1).\n"
      "-v(1). w. pair(a, \"a\").\n";
  Rows expected;
  {
    auto kb = open("case.db");
    load_ok(*kb, text);
    expected = rows(*kb, "v(X)");
    EXPECT_EQ(expected.size(), 9u);
  }
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "v(X)"), expected);
  EXPECT_EQ(rows(*kb, "-v(X)"), (Rows{"1"}));
  EXPECT_EQ(rows(*kb, "w"), (Rows{""}));
  EXPECT_EQ(rows(*kb, "pair(X, Y)"), (Rows{"a, \"a\""}));
  EXPECT_EQ(rows(*kb, "v(abc)").size(), 1u);
  EXPECT_EQ(rows(*kb, "v(\"abc\")").size(), 1u);
}

TEST_F(StoreTest, DiagnosticsAfterReopenPointIntoTheOriginalFile) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "q(1).\n\n  p(X) :- q(X).\n", "rules.writ");
  }
  auto kb = open("case.db");
  // A new rule that makes the stored one recursive through negation.
  const auto r = kb->load({{"more.writ", "q(X) :- r(X), not p(X).\nr(1).\n"}});
  ASSERT_EQ(r.outcome, kb::Outcome::InputError);
  const auto rendered = kb->render(r.diagnostics);
  EXPECT_NE(rendered.find("more.writ:1:"), std::string::npos) << rendered;
  // The stored statements still stand, the new ones do not.
  EXPECT_EQ(rows(*kb, "p(X)"), (Rows{"1"}));
  EXPECT_TRUE(kb->rule_texts("r").empty());
  EXPECT_EQ(kb->transactions().transactions.size(), 1u);
}

TEST_F(StoreTest, StoredRuleKeepsItsPlace) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "q(1).\n\n  p(X) :- q(X), X > 0.\n", "rules.writ");
  }
  auto kb = open("case.db");
  // A query with an error that names p's arity: the stored rule is not involved, so check
  // instead a warning-free re-evaluation and the statement's text.
  EXPECT_EQ(kb->rule_texts("p"), (Rows{"p(X) :- q(X), X > 0."}));
  const auto r = kb->load({{"bad.writ", "p(X, Y) :- q(X), q(Y).\n"}});
  (void)r;  // p/1 and p/2 are different predicates: a warning at most, never a crash
  EXPECT_EQ(rows(*kb, "p(X)"), (Rows{"1"}));
}

TEST_F(StoreTest, LoadIsAllOrNothing) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2).\n", "one.writ");
    const auto r = kb->load({{"two.writ", "edge(2, 3).\nedge(3, 4).\n"}, {"bad.writ", "edge(4, 5).\nedge(5 6).\n"}});
    EXPECT_EQ(r.outcome, kb::Outcome::InputError);
    EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2"}));
  }
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2"}));
  const auto log = kb->transactions();
  ASSERT_EQ(log.transactions.size(), 1u);
  EXPECT_EQ(log.transactions[0].number, 1u);
  EXPECT_EQ(log.transactions[0].description, "load one.writ");
  EXPECT_EQ(log.transactions[0].added, 1u);
  EXPECT_EQ(log.transactions[0].removed, 0u);
  EXPECT_EQ(log.transactions[0].time.size(), std::string("2024-05-01T09:30:00.123Z").size());
}

TEST_F(StoreTest, QueriesInALoadedFileAreReturnedNotStored) {
  {
    auto kb = open("case.db");
    const auto r = kb->load({{"q.writ", "edge(1, 2).\n?- edge(X, Y).\n"}});
    ASSERT_EQ(r.outcome, kb::Outcome::Ok);
    EXPECT_EQ(r.queries.size(), 1u);
    EXPECT_EQ(kb->load({{"only-query.writ", "edge(X, 2)?\n"}}).outcome, kb::Outcome::Ok);
  }
  auto kb = open("case.db");
  EXPECT_EQ(kb->rule_texts(), (Rows{"edge(1, 2)."}));
  EXPECT_EQ(kb->transactions().transactions.size(), 1u);  // a load that adds nothing is not a transaction
}

TEST_F(StoreTest, RetractThenReevaluate) {
  const std::string paths = "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
  {
    auto kb = open("case.db");
    load_ok(*kb, paths + "edge(1, 2). edge(2, 3). edge(3, 4).\n");
    EXPECT_EQ(rows(*kb, "path(1, X)"), (Rows{"2", "3", "4"}));
    const auto r = kb->retract("edge(2, 3).");
    EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
    EXPECT_EQ(r.removed, 1u);
    EXPECT_EQ(rows(*kb, "path(1, X)"), (Rows{"2"}));
  }
  {
    auto kb = open("case.db");
    EXPECT_EQ(rows(*kb, "path(1, X)"), (Rows{"2"}));
    EXPECT_EQ(rows(*kb, "path(3, X)"), (Rows{"4"}));
    // A rule, written with other spacing.
    const auto r = kb->retract("path(X,Z):-path(X,Y),  edge(Y,Z).");
    EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
    EXPECT_EQ(r.removed, 1u);
  }
  auto kb = open("case.db");
  EXPECT_EQ(kb->rule_texts("path"), (Rows{"path(X, Y) :- edge(X, Y)."}));
  EXPECT_EQ(rows(*kb, "path(X, Y)"), (Rows{"1, 2", "3, 4"}));
  const auto log = kb->transactions().transactions;
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].description, "retract edge(2, 3).");
  EXPECT_EQ(log[1].removed, 1u);
  EXPECT_EQ(log[2].removed, 1u);
  EXPECT_EQ(log[2].added, 0u);
}

TEST_F(StoreTest, RetractIsAllOrNothing) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2). edge(2, 3).\n");
    const auto r = kb->retract("edge(1, 2). edge(7, 8).", "<cmd>");
    EXPECT_EQ(r.outcome, kb::Outcome::InputError);
    EXPECT_EQ(r.removed, 0u);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].message, "no such fact is loaded: edge(7, 8).");
    EXPECT_EQ(kb->render(r.diagnostics).substr(0, 13), "<cmd>:1:13: e");
    EXPECT_EQ(kb->retract("edge(X, 2)?").diagnostics.at(0).message, "a query cannot be retracted");
    EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2", "2, 3"}));
  }
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2", "2, 3"}));
  EXPECT_EQ(kb->transactions().transactions.size(), 1u);
}

TEST_F(StoreTest, RetractRemovesEveryCopyOfAFact) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "p(1). p(\"1\").\n", "a.writ");
    load_ok(*kb, "p(1).\n", "b.writ");
    const auto r = kb->retract("p(1).");
    EXPECT_EQ(r.removed, 2u);
  }
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "p(X)"), (Rows{"\"1\""}));  // a string is not the integer
}

TEST_F(StoreTest, RetractWithoutAStoreChangesMemoryOnly) {
  kb::KnowledgeBase kb;
  load_ok(kb, "p(1). p(2). q(X) :- p(X).\n");
  EXPECT_EQ(kb.retract("p(1).").removed, 1u);
  EXPECT_EQ(rows(kb, "q(X)"), (Rows{"2"}));
  EXPECT_TRUE(kb.transactions().transactions.empty());
}

TEST_F(StoreTest, AsOfAnswersAsTheStoreStood) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2).\npath(X, Y) :- edge(X, Y).\n", "one.writ");  // 1
    load_ok(*kb, "edge(2, 3).\n", "two.writ");                              // 2
    ASSERT_EQ(kb->retract("edge(1, 2).").outcome, kb::Outcome::Ok);        // 3
    load_ok(*kb, "edge(1, 2).\n", "three.writ");                            // 4
  }
  const std::vector<Rows> expected = {{}, {"1, 2"}, {"1, 2", "2, 3"}, {"2, 3"}, {"1, 2", "2, 3"}};
  for (std::uint64_t n = 0; n < expected.size(); ++n) {
    kb::StoreOptions o;
    o.as_of = n;
    auto kb = open("case.db", o);
    if (n == 0) {
      EXPECT_TRUE(kb->predicates().empty());
    } else {
      EXPECT_EQ(rows(*kb, "path(X, Y)"), expected[n]) << "as of " << n;
    }
  }
  kb::StoreOptions o;
  o.as_of = 5;
  EXPECT_EQ(open_error("case.db", o), "store '" + path("case.db") + "' has no transaction 5 (the last is 4)");
}

TEST_F(StoreTest, ReadOnlyStoreAddsToMemoryOnly) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2).\n");
  }
  const auto bytes = read_bytes(path("case.db"));
  {
    kb::StoreOptions o;
    o.as_of = 1;
    auto kb = open("case.db", o);
    load_ok(*kb, "edge(5, 6).\n");
    EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2", "5, 6"}));
    const auto r = kb->retract("edge(1, 2).");
    EXPECT_EQ(r.outcome, kb::Outcome::InputError);
    EXPECT_EQ(r.diagnostics.at(0).message, "cannot retract: store '" + path("case.db") + "' was opened read-only");
  }
  EXPECT_EQ(read_bytes(path("case.db")), bytes);
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2"}));
}

TEST_F(StoreTest, OpenMustComeFirst) {
  kb::KnowledgeBase kb;
  load_ok(kb, "p(1).\n");
  const auto r = kb.open(path("case.db"));
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(r.diagnostics.at(0).message, "cannot open store '" + path("case.db") + "' after statements were loaded");
  EXPECT_FALSE(std::filesystem::exists(path("case.db")));
}

// Wrong files: a clear error, and the file is left exactly as it was.

TEST_F(StoreTest, NotSqlite) {
  write_bytes(path("notes.txt"), "edge(1, 2).\nThis is not a database, just some text that is long enough.\n");
  const auto bytes = read_bytes(path("notes.txt"));
  EXPECT_EQ(open_error("notes.txt"), "'" + path("notes.txt") + "' is not a writ store: it is not a SQLite database");
  EXPECT_EQ(read_bytes(path("notes.txt")), bytes);
  write_bytes(path("short"), "SQLite");
  EXPECT_EQ(open_error("short"), "'" + path("short") + "' is not a writ store: it is not a SQLite database");
}

TEST_F(StoreTest, SqliteButNotAWritStore) {
  {
    store::Database db;
    ASSERT_FALSE(store::Database::open(path("other.db"), store::OpenMode::ReadWriteCreate, db));
    ASSERT_FALSE(db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);"));
  }
  const auto bytes = read_bytes(path("other.db"));
  EXPECT_EQ(open_error("other.db"),
            "'" + path("other.db") + "' is not a writ store: it is a SQLite database of another application");
  EXPECT_EQ(read_bytes(path("other.db")), bytes);
  EXPECT_FALSE(std::filesystem::exists(path("other.db-wal")));
}

TEST_F(StoreTest, DatesDurationsAndMoneyRoundTrip) {
  // Every kind, signs and units, as plain facts (fact tables) and as derived values; a
  // string that looks like a date stays a string.
  const std::string text =
      "due(2026-03-01, $1_200). due(0001-01-01, -$0.01). due(9999-11-30, CHF 1_000.25). due(1969-12-31, JPY 5).\n"
      "term(lease, 1y6mo). term(notice, -30d). term(grace, 2w). label(\"2026-03-01\").\n"
      "later(D, E) :- due(D, _), E = D + 1mo.\n";
  const std::vector<std::string> goals = {"due(D, A)", "term(T, L)", "later(D, E)", "label(X)"};
  std::vector<Rows> before;
  {
    auto kb = open("case.db");
    load_ok(*kb, text);
    for (const auto& g : goals) before.push_back(rows(*kb, g));
  }
  EXPECT_EQ(before[0], (Rows{"0001-01-01, -$0.01", "1969-12-31, JPY 5", "2026-03-01, $1_200", "9999-11-30, CHF 1_000.25"}));
  EXPECT_EQ(before[1], (Rows{"grace, 14d", "lease, 1y6mo", "notice, -30d"}));
  auto kb = open("case.db");
  for (std::size_t i = 0; i < goals.size(); ++i) EXPECT_EQ(rows(*kb, goals[i]), before[i]) << goals[i];
  // A lookup by value (the index on a1) finds the fact; the string does not match the date.
  EXPECT_EQ(rows(*kb, "due(2026-03-01, A)"), (Rows{"$1_200"}));
  EXPECT_EQ(rows(*kb, "due(\"2026-03-01\", A)"), (Rows{}));
  EXPECT_EQ(rows(*kb, "label(2026-03-01)"), (Rows{}));
  EXPECT_EQ(rows(*kb, "term(T, 14d)"), (Rows{"grace"}));
  // How they are kept: a BLOB of a NUL byte and the source text.
  store::Database db;
  ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadOnly, db));
  store::Statement s;
  ASSERT_FALSE(db.prepare("SELECT typeof(a1), hex(a1), typeof(a2), hex(a2) FROM facts_term_2 WHERE a1 = 'lease'", s));
  ASSERT_EQ(s.step(), store::Step::Row);
  EXPECT_EQ(s.column_text(0), "text");
  EXPECT_EQ(s.column_text(2), "blob");
  EXPECT_EQ(s.column_text(3), "00317936" "6D6F");  // "\0" "1y6mo"
  const auto verified = kb->verify_store();
  EXPECT_EQ(verified.outcome, kb::Outcome::Ok);
}

TEST_F(StoreTest, SchemaVersion1IsReadAsItIsAndUpgradedByAWrite) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "p(1). p(a). p(\"s\").\n");
  }
  auto version = [&] {
    store::Database db;
    std::int64_t v = 0;
    EXPECT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadOnly, db));
    EXPECT_FALSE(db.query_int("PRAGMA user_version", v));
    return v;
  };
  {
    store::Database db;
    ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadWrite, db));
    ASSERT_FALSE(db.exec("PRAGMA user_version = 1"));
  }
  {
    // Version 1 holds integers, symbols and strings only, as version 2 does.
    auto kb = open("case.db");
    EXPECT_EQ(rows(*kb, "p(X)"), (Rows{"1", "a", "\"s\""}));
  }
  EXPECT_EQ(version(), 1);
  {
    auto kb = open("case.db");
    const auto failed = kb->load({{"bad.writ", "q(2026-02-30).\n"}});
    EXPECT_EQ(failed.outcome, kb::Outcome::InputError);
  }
  EXPECT_EQ(version(), 1);  // nothing was written
  {
    auto kb = open("case.db");
    load_ok(*kb, "q(2026-03-01).\n");
    EXPECT_EQ(rows(*kb, "q(X)"), (Rows{"2026-03-01"}));
  }
  EXPECT_EQ(version(), 2);
}

TEST_F(StoreTest, AValueThatReadsAsNoDateDurationOrMoneyIsDamage) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "q(2026-03-01).\n");
  }
  {
    store::Database db;
    ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadWrite, db));
    ASSERT_FALSE(db.exec("UPDATE facts_q_1 SET a1 = CAST(x'00' || '2026-02-30' AS BLOB)"));
  }
  auto kb = open("case.db");
  const auto r = kb->ask("q(X)");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.front().message, "store '" + path("case.db") +
                                                "' is damaged: table facts_q_1 holds a value that is not an integer, "
                                                "a symbol, a string, a date, a duration or money");
}

TEST_F(StoreTest, IssuesWeightsAndStatusTestsSurviveAReopen) {
  const std::string text =
      "#issue liable(D) { standard: preponderance, burden: claimant }.\n"
      "claimant claims liable(acme) weight 0.7.\n"
      "defendant denies liable(acme) weight 0.6.\n"
      "claimant claims liable(globex).\n"
      "defendant denies liable(globex) weight 0.9.\n"
      "owed(N) :- N = #count{ D : accepted liable(D) }.\n";
  auto statuses = [](kb::KnowledgeBase& kb, const std::string& goal) {
    const auto r = kb.ask(goal);
    EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
    Rows out;
    for (std::size_t i = 0; i < r.answers.rows.size(); ++i)
      out.push_back(query::to_source(r.answers.rows[i].at(0)) + " " + kb::status_name(r.answers.statuses.at(i)));
    return out;
  };
  {
    auto kb = open("case.db");
    load_ok(*kb, text);
    EXPECT_EQ(statuses(*kb, "liable(D)"), (Rows{"acme accepted", "globex rejected"}));
  }
  auto kb = open("case.db");
  EXPECT_EQ(statuses(*kb, "liable(D)"), (Rows{"acme accepted", "globex rejected"}));
  EXPECT_EQ(statuses(*kb, "-liable(D)"), (Rows{"acme rejected", "globex accepted"}));
  EXPECT_EQ(statuses(*kb, "owed(N)"), (Rows{"1 accepted"}));
  // An issue is a statement of the store; it is not retracted, as sources and templates are not.
  const auto retracted = kb->retract("#issue liable(D) { standard: scintilla }.");
  EXPECT_EQ(retracted.outcome, kb::Outcome::InputError);
}

TEST_F(StoreTest, NewerSchemaVersion) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "p(1).\n");
  }
  {
    store::Database db;
    ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadWrite, db));
    ASSERT_FALSE(db.exec("PRAGMA user_version = 3"));
  }
  const auto bytes = read_bytes(path("case.db"));
  EXPECT_EQ(open_error("case.db"), "store '" + path("case.db") +
                                       "' was written by a newer writ (store schema version 3; this writ reads "
                                       "version 2): it was not changed");
  EXPECT_EQ(read_bytes(path("case.db")), bytes);
}

TEST_F(StoreTest, TruncatedStore) {
  {
    auto kb = open("case.db");
    load_ok(*kb, edges(0, 20000));
  }
  auto bytes = read_bytes(path("case.db"));
  ASSERT_GT(bytes.size(), 100000u);
  for (const std::size_t keep : {bytes.size() / 2, std::size_t{4096}, std::size_t{50}}) {
    write_bytes(path("cut.db"), bytes.substr(0, keep));
    kb::KnowledgeBase kb;
    const auto r = kb.open(path("cut.db"));
    EXPECT_EQ(r.outcome, kb::Outcome::InputError) << keep;
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].message, "store '" + path("cut.db") + "' is damaged: database disk image is malformed");
    EXPECT_FALSE(kb.has_store());
  }
}

TEST_F(StoreTest, SecondWriterGetsStoreIsBusy) {
  auto kb = open("case.db");
  load_ok(*kb, "edge(1, 2).\n");
  store::Database other;
  ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadWrite, other));
  ASSERT_FALSE(other.exec("BEGIN IMMEDIATE; INSERT INTO transactions (time, description) VALUES ('t', 'half');"));

  // A reader during the other's write sees the store as it was before.
  kb::StoreOptions quick;
  quick.busy_timeout = std::chrono::milliseconds(50);
  auto reader = open("case.db", quick);
  EXPECT_EQ(rows(*reader, "edge(X, Y)"), (Rows{"1, 2"}));
  EXPECT_EQ(reader->transactions().transactions.size(), 1u);

  const auto r = reader->load({{"more.writ", "edge(2, 3).\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "store '" + path("case.db") +
                                          "' is busy: another process is writing to it (gave up after 50 ms); "
                                          "nothing was added");
  EXPECT_EQ(rows(*reader, "edge(X, Y)"), (Rows{"1, 2"}));

  ASSERT_FALSE(other.exec("ROLLBACK"));
  load_ok(*reader, "edge(2, 3).\n", "more.writ");
  EXPECT_EQ(rows(*open("case.db"), "edge(X, Y)"), (Rows{"1, 2", "2, 3"}));
}

TEST_F(StoreTest, ReadOnlyFile) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2).\n");
  }
  if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files";
  std::filesystem::permissions(path("case.db"), std::filesystem::perms::owner_read);
  const auto bytes = read_bytes(path("case.db"));
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2"}));
  const auto r = kb->load({{"more.writ", "edge(2, 3).\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(r.diagnostics.at(0).message,
            "cannot write to store '" + path("case.db") + "': the file is read-only; nothing was added");
  EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"1, 2"}));
  EXPECT_EQ(read_bytes(path("case.db")), bytes);
}

// A full disk, made with a file size limit in a child process: the load fails with the
// store's reason, memory and store are as before.
TEST_F(StoreTest, FullDiskLeavesEverythingAsItWas) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(0, 1).\n");
  }
  const auto size = std::filesystem::file_size(path("case.db"));
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::signal(SIGXFSZ, SIG_IGN);  // make the write fail (EFBIG) instead of killing us
    kb::KnowledgeBase kb;
    if (kb.open(path("case.db")).outcome != kb::Outcome::Ok) _exit(10);
    rlimit limit{static_cast<rlim_t>(size + 64 * 1024), static_cast<rlim_t>(size + 64 * 1024)};
    setrlimit(RLIMIT_FSIZE, &limit);
    const auto r = kb.load({{"big.writ", edges(1, 50000)}});
    if (r.outcome != kb::Outcome::InputError || r.diagnostics.size() != 1) _exit(11);
    const auto& m = r.diagnostics[0].message;
    // EFBIG: SQLite says "disk I/O error", and the OS's reason says which.
    if (m != "cannot write to store '" + path("case.db") + "': disk I/O error (File too large); nothing was added")
      _exit(12);
    if (kb.ask("edge(X, Y)").answers.rows.size() != 1) _exit(14);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "edge(X, Y)"), (Rows{"0, 1"}));
  EXPECT_EQ(kb->transactions().transactions.size(), 1u);
}

}  // namespace
}  // namespace writ::test
