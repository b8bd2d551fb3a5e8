// Stored facts are read when a question needs them, and a one-atom question on a stored
// predicate that no rule concludes is answered from its table (KnowledgeBase::open,
// docs/store.md "Opening a store"). Every answer here is also asked of the same statements
// loaded without a store: the two must agree exactly.
#include <gtest/gtest.h>

#include "kb/store/sqlite.hpp"
#include "store_fixture.hpp"

namespace writ::test {
namespace {

namespace store = kb::store;

// Integers, symbols and strings that print alike, duplicates, a strong negation, and a
// predicate with rules over stored facts.
const std::string facts = R"(
edge(1, 2). edge(1, 3). edge(2, 3). edge(3, 3). edge(3, 1). edge(1, 2).
edge(a, b). edge("a", "b"). edge(a, "a"). edge(-7, 1).
tag(1). tag(a). tag("1").
-tag(2).
wide(1, 2, 1, x). wide(1, 2, 2, x). wide(2, 2, 2, y).
reach(X, Y) :- edge(X, Y).
reach(X, Z) :- edge(X, Y), reach(Y, Z).
)";

class LazyFactsTest : public StoreTest {
 protected:
  // The answers of `goal` from a reopened store and from memory, which must be equal.
  void same_answers(const std::string& goal) {
    kb::KnowledgeBase memory;
    load_ok(memory, facts);
    const auto expected = memory.ask(goal);
    auto reopened = open("case.db");
    const auto got = reopened->ask(goal);
    EXPECT_EQ(got.outcome, expected.outcome) << goal;
    EXPECT_EQ(got.answers.columns, expected.answers.columns) << goal;
    EXPECT_EQ(got.answers.rows, expected.answers.rows) << goal;
    EXPECT_EQ(reopened->render(got.diagnostics).empty(), memory.render(expected.diagnostics).empty()) << goal;
  }

  void SetUp() override {
    StoreTest::SetUp();
    auto kb = open("case.db");
    load_ok(*kb, facts, "facts.writ");
  }
};

TEST_F(LazyFactsTest, LookupsGiveWhatTheEvaluatorGives) {
  for (const std::string goal :
       {"edge(1, X)", "edge(X, 3)", "edge(X, X)", "edge(X, Y)", "edge(_, Y)", "edge(_X, _X)", "edge(a, X)",
        "edge(\"a\", X)", "edge(X, \"a\")", "edge(-7, X)", "edge(1, 3)", "edge(1, 4)", "edge(9, X)", "tag(X)",
        "-tag(X)", "tag(\"1\")", "wide(1, 2, Z, W)", "wide(X, Y, Y, W)", "wide(X, 2, X, _)", "reach(3, X)",
        "reach(X, Y), not edge(X, Y)"})
    same_answers(goal);
}

TEST_F(LazyFactsTest, ExactAnswersFromTheTable) {
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "edge(1, X)"), (Rows{"2", "3"}));  // the copy of edge(1, 2) is one answer
  EXPECT_EQ(rows(*kb, "edge(X, X)"), (Rows{"3"}));
  EXPECT_EQ(rows(*kb, "edge(a, X)"), (Rows{"b", "\"a\""}));  // symbols before strings
  EXPECT_EQ(rows(*kb, "wide(X, Y, Y, W)"), (Rows{"1, 2, x", "2, 2, y"}));
  const auto r = kb->ask("edge(1, 3)");
  EXPECT_TRUE(r.answers.columns.empty());
  EXPECT_EQ(r.answers.rows.size(), 1u);
  EXPECT_TRUE(kb->ask("edge(1, 4)").answers.rows.empty());
  EXPECT_TRUE(kb->ask("edge(1, 4)").diagnostics.empty());  // a stored predicate is defined
  EXPECT_EQ(rows(*kb, "reach(3, X)"), (Rows{"1", "2", "3"}));
}

TEST_F(LazyFactsTest, ListingsCountStoredFacts) {
  auto kb = open("case.db");
  std::vector<std::string> listed;
  for (const auto& p : kb->predicates())
    listed.push_back(p.name + "/" + std::to_string(p.arity) + " " + std::to_string(p.facts) + " " +
                     std::to_string(p.rules));
  EXPECT_EQ(listed, (Rows{"-tag/1 1 0", "edge/2 10 0", "reach/2 0 2", "tag/1 3 0", "wide/4 3 0"}));
  EXPECT_EQ(kb->rule_texts("tag"), (Rows{"tag(1).", "tag(a).", "tag(\"1\")."}));
  EXPECT_EQ(kb->rule_texts().size(), 19u);
}

TEST_F(LazyFactsTest, FactsLoadedAfterOpeningAreNotCountedTwice) {
  auto kb = open("case.db");
  load_ok(*kb, "edge(1, 5). edge(1, 2).", "more.writ");
  EXPECT_EQ(rows(*kb, "edge(1, X)"), (Rows{"2", "3", "5"}));
  EXPECT_EQ(rows(*kb, "reach(1, X)"), (Rows{"1", "2", "3", "5"}));
  std::size_t edges = 0;
  for (const auto& p : kb->predicates())
    if (p.name == "edge") edges = p.facts;
  EXPECT_EQ(edges, 12u);
  EXPECT_EQ(kb->rule_texts("edge").size(), 12u);
  // The same after a reopen, and after a retraction, which marks the rows in the table.
  auto again = open("case.db");
  EXPECT_EQ(rows(*again, "edge(1, X)"), (Rows{"2", "3", "5"}));
  const auto gone = again->retract("edge(1, 2).");
  EXPECT_EQ(gone.outcome, kb::Outcome::Ok) << again->render(gone.diagnostics);
  EXPECT_EQ(gone.removed, 3u);
  EXPECT_EQ(rows(*again, "edge(1, X)"), (Rows{"3", "5"}));
  EXPECT_EQ(rows(*open("case.db"), "edge(1, X)"), (Rows{"3", "5"}));
}

TEST_F(LazyFactsTest, AWriteByAnotherConnectionAfterOpeningIsNotSeen) {
  // The statements were read at open; facts read later must be of that same state.
  auto reader = open("case.db");
  {
    auto writer = open("case.db");
    load_ok(*writer, "edge(1, 9). tag(9).", "later.writ");
    ASSERT_EQ(writer->retract("edge(1, 3).").outcome, kb::Outcome::Ok);
  }
  EXPECT_EQ(rows(*reader, "edge(1, X)"), (Rows{"2", "3"}));
  EXPECT_EQ(rows(*reader, "reach(1, X)"), (Rows{"1", "2", "3"}));
  EXPECT_EQ(rows(*reader, "tag(X)"), (Rows{"1", "a", "\"1\""}));
  EXPECT_EQ(rows(*open("case.db"), "edge(1, X)"), (Rows{"2", "9"}));
}

TEST_F(LazyFactsTest, AsOfAndRetractedTables) {
  {
    auto kb = open("case.db");
    ASSERT_EQ(kb->retract("-tag(2).").outcome, kb::Outcome::Ok);
  }
  auto now = open("case.db");
  // Every fact of -tag/1 is retracted: it is no longer defined.
  const auto r = now->ask("-tag(X)");
  EXPECT_TRUE(r.answers.rows.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.front().message, "predicate '-tag/1' is not defined by any fact or rule; did you mean 'tag'?");
  auto then = open("case.db", {.as_of = 1});
  EXPECT_EQ(rows(*then, "-tag(X)"), (Rows{"2"}));
  auto before = open("case.db", {.as_of = 0});
  EXPECT_TRUE(before->predicates().empty());
}

TEST_F(LazyFactsTest, WhatIfAndArgumentsReadTheFactsToo) {
  auto kb = open("case.db");
  ASSERT_EQ(kb->assume("edge(1, 7).").outcome, kb::Outcome::Ok);
  EXPECT_EQ(rows(*kb, "edge(1, X)"), (Rows{"2", "3", "7"}));
  kb->forget();
  EXPECT_EQ(rows(*kb, "edge(1, X)"), (Rows{"2", "3"}));
  // A defeasible rule makes answers carry a status: they come from the argument graph.
  ASSERT_EQ(kb->assume("hop(X) :~ edge(1, X).").outcome, kb::Outcome::Ok);
  const auto r = kb->ask("edge(1, X)");
  ASSERT_TRUE(r.answers.has_status);
  EXPECT_EQ(r.answers.rows.size(), 2u);
  const auto hops = kb->ask("hop(X)");
  EXPECT_EQ(hops.answers.rows.size(), 2u);
  const auto why = kb->explain("edge(1, 2)");
  ASSERT_EQ(why.outcome, kb::Outcome::Ok) << kb->render(why.diagnostics);
  ASSERT_EQ(why.explanations.size(), 1u);
}

TEST_F(LazyFactsTest, FactTablesHaveAnIndexOnTheFirstValue) {
  store::Database db;
  ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadOnly, db));
  store::Statement s;
  ASSERT_FALSE(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'facts%' ORDER BY name",
                          s));
  Rows indexes;
  while (s.step() == store::Step::Row) indexes.emplace_back(s.column_text(0));
  EXPECT_EQ(indexes, (Rows{"facts__tag_1_a1", "facts_edge_2_a1", "facts_tag_1_a1", "facts_wide_4_a1"}));
}

TEST_F(LazyFactsTest, LimitsHoldForLookups) {
  auto kb = open("case.db");
  kb->set_limits(kb::Limits{std::nullopt, 3});
  const auto r = kb->ask("edge(X, Y)");
  EXPECT_EQ(r.outcome, kb::Outcome::LimitHit);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.front().message, "evaluation stopped: more than 3 facts (raise the limit with --max-facts)");
}

// A write brings the session up to the store as it stands: another connection's facts
// too (not only its own writes on top of the state it opened).
TEST_F(LazyFactsTest, AfterAWriteTheSessionSeesWhatAnotherConnectionWrote) {
  auto a = open("case.db");
  {
    auto b = open("case.db");
    load_ok(*b, "edge(1, 8).", "b.writ");
  }
  EXPECT_EQ(rows(*a, "edge(1, X)"), (Rows{"2", "3"}));
  load_ok(*a, "edge(1, 7).", "a1.writ");
  EXPECT_EQ(rows(*a, "edge(1, X)"), (Rows{"2", "3", "7", "8"}));
  load_ok(*a, "edge(1, 6). tag(6).", "a2.writ");
  EXPECT_EQ(rows(*a, "edge(1, X)"), (Rows{"2", "3", "6", "7", "8"}));
  EXPECT_EQ(rows(*a, "tag(X)"), (Rows{"1", "6", "a", "\"1\""}));
  EXPECT_EQ(rows(*open("case.db"), "edge(1, X)"), (Rows{"2", "3", "6", "7", "8"}));
}

TEST_F(LazyFactsTest, RetractionsAfterAnotherConnectionWrote) {
  auto a = open("case.db");
  {
    auto b = open("case.db");
    load_ok(*b, "edge(1, 8). edge(1, 2).", "b.writ");
  }
  // The retraction takes every copy, b's too, and counts what it removed.
  const auto gone = a->retract("edge(1, 2). edge(3, 3).");
  ASSERT_EQ(gone.outcome, kb::Outcome::Ok) << a->render(gone.diagnostics);
  EXPECT_EQ(gone.removed, 4u);  // the two copies a saw, b's, and edge(3, 3)
  EXPECT_EQ(rows(*a, "edge(1, X)"), (Rows{"3", "8"}));
  EXPECT_EQ(rows(*a, "edge(X, X)"), (Rows{}));
  EXPECT_EQ(rows(*open("case.db"), "edge(1, X)"), (Rows{"3", "8"}));
  // Retracting every fact of a predicate leaves it undefined, as in memory.
  ASSERT_EQ(a->retract("tag(1). tag(a). tag(\"1\").").outcome, kb::Outcome::Ok);
  const auto r = a->ask("tag(X)");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics.front().message, "predicate 'tag/1' is not defined by any fact or rule; did you mean '-tag'?");
  const auto missing = a->retract("edge(1, 2).");
  EXPECT_EQ(missing.outcome, kb::Outcome::InputError);
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics.front().message, "no such fact is loaded: edge(1, 2).");
}

TEST_F(LazyFactsTest, LoadByLoadTheWarningsAreThoseOfMemory) {
  // Facts leave the program for the store after each load; what the checks learnt from
  // them (defined predicates, first arities) must stay.
  // A template after its predicate's facts went to the store defines nothing new; one for a
  // predicate nothing defines still warns (the fuzzer found the first warned).
  const std::vector<std::string> loads = {"worth(acme, deal, 50).", "worth(C, D, V) means \"C's D is worth V\".",
                                          "nothing(X) means \"X is nothing\".", "p(1).", "q(X) :- p(X, Y).", "p(2). r(a).", "s(X) :- r(X), t(X).",
                                          "t(b). p(3, 4).", "u(X) :- r(X, X).", "r(a, a).", "v(X) :- w(X).",
                                          "a(1). a(1, 2).", "a(3, 4). a(5, 6, 7).", "a(8, 9). a(1, 2, 3, 4)."};
  kb::KnowledgeBase memory;
  auto kb = open("fresh.db");
  for (const auto& text : loads) {
    const auto expected = memory.load({{"l.writ", text}});
    const auto got = kb->load({{"l.writ", text}});
    EXPECT_EQ(got.outcome, expected.outcome) << text;
    EXPECT_EQ(kb->render(got.diagnostics), memory.render(expected.diagnostics)) << text;
  }
  EXPECT_EQ(rows(*kb, "u(X)"), rows(memory, "u(X)"));
  EXPECT_EQ(rows(*kb, "q(X)"), rows(memory, "q(X)"));
}

TEST_F(LazyFactsTest, ManySmallLoadsIntoAStore) {
  auto kb = open("case.db");
  for (int i = 10; i < 60; ++i) load_ok(*kb, "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").");
  EXPECT_EQ(rows(*kb, "reach(55, X)"), (Rows{"56", "57", "58", "59", "60"}));
  EXPECT_EQ(rows(*kb, "edge(59, X)"), (Rows{"60"}));
  EXPECT_EQ(kb->transactions().transactions.size(), 51u);
}

TEST_F(LazyFactsTest, ErrorsInFactsAreReportedAsWithoutAStore) {
  // Each fact of a predicate is wrong the same way: every one is reported, not the first.
  const std::string bad = "cites(1, 2, 3).\ncites(4, 5, 6).\nok(1).\n" + std::string("w(") +
                          [] {
                            std::string args;
                            for (int i = 0; i < 65; ++i) args += (i ? ", " : "") + std::to_string(i);
                            return args;
                          }() +
                          ").\n";
  kb::KnowledgeBase memory;
  const auto expected = memory.load({{"bad.writ", bad}});
  auto kb = open("case.db");
  const auto got = kb->load({{"bad.writ", bad}});
  EXPECT_EQ(got.outcome, kb::Outcome::InputError);
  EXPECT_EQ(kb->render(got.diagnostics), memory.render(expected.diagnostics));
  EXPECT_EQ(got.diagnostics.size(), 3u);
  EXPECT_EQ(rows(*kb, "edge(1, X)"), (Rows{"2", "3"}));
  EXPECT_EQ(kb->transactions().transactions.size(), 1u);
}

TEST_F(LazyFactsTest, FactsTheFastPathLeavesToTheGrammarAreStoredToo) {
  auto kb = open("case.db");
  load_ok(*kb, "say(\"a\\\"b\"). say(\"caf\\u00e9\"). say(plain). say(\"x\").", "say.writ");
  const Rows expected{"plain", "\"a\\\"b\"", "\"caf\u00e9\"", "\"x\""};
  EXPECT_EQ(rows(*kb, "say(X)"), expected);
  EXPECT_EQ(rows(*open("case.db"), "say(X)"), expected);
  EXPECT_EQ(kb->rule_texts("say").size(), 4u);
}

// Stored rows read after the built-in facts of a cited statement are deduplicated like any
// insert: the plan of the last built-in fact left "append without a probe" on, so the copy
// of e(1, 2) was kept and a #count over the whole relation (its size) said 3.
TEST_F(LazyFactsTest, RowsReadAfterBuiltInFactsAreDeduplicated) {
  const std::string text = "#source art { title: \"A\" }.\np(a) @ art \"x\".\ne(1, 2). e(1, 2). e(3, 4).\n";
  load_ok(*open("cited.db"), text, "cited.writ");
  auto reopened = open("cited.db");
  EXPECT_EQ(rows(*reopened, "N = #count { X, Y : e(X, Y) }"), (Rows{"2"}));
  EXPECT_EQ(rows(*reopened, "e(X, Y)"), (Rows{"1, 2", "3, 4"}));
  kb::KnowledgeBase memory;
  load_ok(memory, text, "cited.writ");
  EXPECT_EQ(rows(memory, "N = #count { X, Y : e(X, Y) }"), (Rows{"2"}));
}

}  // namespace
}  // namespace writ::test
