// Retraction on a store: a fact by its values whatever its citations, what the transaction
// actually removed, and the session's view after a write that raced another process.
#include <gtest/gtest.h>

#include "store_fixture.hpp"

namespace writ::test {
namespace {

using RetractTest = StoreTest;

constexpr const char* cited = R"(#source article { kind: news_report }.
#source insiders { kind: anonymous }.
signatory(aws, deal) @ article "signs a deal".
signatory(aws, deal) @ insiders "after it signed".
signatory(ms, deal).
signatory(ms, deal) @ article "Microsoft too".
signatory(aws, other) @ article "another deal".
r1: signatory(ibm, deal).
)";

// Issue 11, item 4: every fact of the Frontier case is cited; `p(1).` retracts it by its
// values, with its citations, as `retract`'s help says.
TEST_F(RetractTest, AFactByItsValuesWhateverItsCitations) {
  {
    auto kb = open("case.db");
    load_ok(*kb, cited);
    const auto r = kb->retract("signatory(aws, deal).");
    ASSERT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
    EXPECT_EQ(r.removed, 2u);
    EXPECT_EQ(r.statements, (Rows{"signatory(aws, deal) @ article \"signs a deal\".",
                                  "signatory(aws, deal) @ insiders \"after it signed\"."}));
    EXPECT_EQ(r.transaction, 2u);
    EXPECT_EQ(rows(*kb, "signatory(X, deal)"), (Rows{"ibm", "ms"}));
    // A plain row and a cited copy go together; so does a labelled fact.
    const auto ms = kb->retract("signatory(ms, deal). signatory(ibm, deal).");
    ASSERT_EQ(ms.outcome, kb::Outcome::Ok) << kb->render(ms.diagnostics);
    EXPECT_EQ(ms.removed, 3u);
    EXPECT_EQ(ms.statements, (Rows{"signatory(ms, deal).", "signatory(ms, deal) @ article \"Microsoft too\".",
                                   "r1: signatory(ibm, deal)."}));
    EXPECT_EQ(rows(*kb, "signatory(X, Y)"), (Rows{"aws, other"}));
  }
  // The store says the same, citations included.
  auto kb = open("case.db");
  EXPECT_EQ(rows(*kb, "signatory(X, Y)"), (Rows{"aws, other"}));
  EXPECT_EQ(rows(*kb, "cites(S, Source, Q)"), (Rows{"\"signatory(aws, other)\", article, \"another deal\""}));
  const auto log = kb->transactions().transactions;
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].removed, 2u);
  EXPECT_EQ(log[2].removed, 3u);
  // A cited fact written whole still removes just that copy.
  load_ok(*kb, "signatory(aws, deal) @ article \"again\".\nsignatory(aws, deal).\n", "again.writ");
  const auto one = kb->retract("signatory(aws, deal) @ article \"again\".");
  ASSERT_EQ(one.outcome, kb::Outcome::Ok) << kb->render(one.diagnostics);
  EXPECT_EQ(one.statements, (Rows{"signatory(aws, deal) @ article \"again\"."}));
  EXPECT_EQ(rows(*kb, "signatory(aws, X)"), (Rows{"deal", "other"}));
}

TEST_F(RetractTest, AFactByItsValuesWithoutAStore) {
  kb::KnowledgeBase kb;
  load_ok(kb, cited);
  const auto r = kb.retract("signatory(aws, deal).");
  ASSERT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  EXPECT_EQ(r.removed, 2u);
  EXPECT_EQ(r.transaction, 0u);
  EXPECT_EQ(rows(kb, "signatory(aws, X)"), (Rows{"other"}));
  EXPECT_EQ(kb.retract("signatory(aws, deal).").diagnostics.at(0).message,
            "no such fact is loaded: signatory(aws, deal).");
}

// Issue 11, item 5: another process retracted the fact after this session read the store.
// The retraction removes nothing, so it is the error of a fact that is not there: nothing
// is written (no transaction claims a removal), and the session then sees the store as it
// stands, so it stops answering the fact.
TEST_F(RetractTest, ARetractionRacingAnotherRemovesNothingAndSaysSo) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "p(1). p(2).\nq(X) :- p(X).\nr(1) @ art \"one\".\n#source art { kind: news_report }.\n");
  }
  auto a = open("case.db");
  EXPECT_EQ(rows(*a, "q(X)"), (Rows{"1", "2"}));
  {
    auto b = open("case.db");
    ASSERT_EQ(b->retract("p(1). r(1).").outcome, kb::Outcome::Ok);  // transaction 2
  }
  const auto r = a->retract("p(1).", "<cmd>");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(r.removed, 0u);
  EXPECT_TRUE(r.statements.empty());
  EXPECT_EQ(a->render(r.diagnostics), "<cmd>:1:1: error: no such fact is loaded: p(1).\n"
                                      " 1 | p(1).\n"
                                      "   | ^~~~~\n"
                                      "writ: note: another process retracted it from store '" +
                                          path("case.db") + "'; nothing was retracted\n");
  EXPECT_EQ(rows(*a, "q(X)"), (Rows{"2"}));
  EXPECT_EQ(rows(*a, "p(X)"), (Rows{"2"}));
  // A cited fact kept as text, the same.
  const auto cited_gone = a->retract("r(1).");
  EXPECT_EQ(cited_gone.outcome, kb::Outcome::InputError);
  EXPECT_EQ(cited_gone.diagnostics.at(0).message, "no such fact is loaded: r(1).");
  const auto log = a->transactions().transactions;
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].description, "retract p(1). r(1).");
}

// What a retraction reports is what its transaction removed: here a copy of the fact that
// another process added after this session read the store goes too, and is counted.
TEST_F(RetractTest, TheCountIsWhatTheTransactionRemoved) {
  {
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2). edge(2, 3).\n");
  }
  auto a = open("case.db");
  {
    auto b = open("case.db");
    load_ok(*b, "edge(1, 2). edge(1, 8).\n", "b.writ");  // transaction 2
  }
  const auto r = a->retract("edge(1, 2).");
  ASSERT_EQ(r.outcome, kb::Outcome::Ok) << a->render(r.diagnostics);
  EXPECT_EQ(r.removed, 2u);
  EXPECT_EQ(r.statements, (Rows{"edge(1, 2)."}));
  EXPECT_EQ(r.transaction, 3u);
  EXPECT_EQ(a->transactions().transactions.at(2).removed, 2u);
  // After its write the session sees the store as it stands: b's edge(1, 8) too.
  EXPECT_EQ(rows(*a, "edge(X, Y)"), (Rows{"1, 8", "2, 3"}));
  // The same statement twice is no race: the second finds what the first removed.
  load_ok(*a, "edge(5, 5).\n", "c.writ");
  const auto twice = a->retract("edge(5, 5). edge(5, 5).");
  ASSERT_EQ(twice.outcome, kb::Outcome::Ok) << a->render(twice.diagnostics);
  EXPECT_EQ(twice.removed, 1u);
}

}  // namespace
}  // namespace writ::test
