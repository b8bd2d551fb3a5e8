// KnowledgeBase::verify_store (`writ check --db`) on stores edited by other means: rows
// that SQLite holds well but writ would read wrong are each rejected by name (issue 11,
// item 7). The damage is made with the SQLite C API, as a person with sqlite3 would make it.
#include <gtest/gtest.h>

#include "kb/store/sqlite.hpp"
#include "store_fixture.hpp"

namespace writ::test {
namespace {

namespace store = kb::store;

class VerifyTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto kb = open("case.db");
    load_ok(*kb, "edge(1, 2). edge(2, 3). edge(3, 4).\npath(X, Y) :- edge(X, Y).\n"
                 "path(X, Z) :- path(X, Y), edge(Y, Z).\nname(hello, \"Hello World\").\n");  // transaction 1
  }
  // Runs `sql` on the store, as another tool would.
  void edit(const std::string& sql) {
    store::Database db;
    ASSERT_FALSE(store::Database::open(path("case.db"), store::OpenMode::ReadWrite, db));
    ASSERT_FALSE(db.exec(sql));
  }
  // What verify_store says: each diagnostic's message, or "whole: N facts".
  Rows verify() {
    kb::StoreOptions read_only;
    read_only.read_only = true;
    auto kb = open("case.db", read_only);
    const auto r = kb->verify_store();
    if (r.outcome == kb::Outcome::Ok) return {"whole: " + std::to_string(r.facts) + " facts"};
    Rows out;
    for (const auto& d : r.diagnostics) out.push_back(d.message);
    return out;
  }
  std::string damaged() const { return "store '" + path("case.db") + "' is damaged: "; }
};

TEST_F(VerifyTest, AStoreAsWritIsWholeWithRetractedRowsToo) {
  auto kb = open("case.db");
  ASSERT_EQ(kb->retract("edge(2, 3).").outcome, kb::Outcome::Ok);
  EXPECT_EQ(verify(), (Rows{"whole: 3 facts"}));
}

// A TEXT '2' among integers: writ reads it as the symbol '2', which joins with nothing, so
// paths are silently lost; 'Hello World' comes back as a symbol no parser reads.
TEST_F(VerifyTest, ValuesOfAKindWritDoesNotHave) {
  edit("UPDATE facts_edge_2 SET a2 = '2' WHERE rowid = 1;"
       "UPDATE facts_name_2 SET a1 = 'Hello World' WHERE rowid = 1;"
       "UPDATE facts_edge_2 SET a1 = 2.5 WHERE rowid = 3;"
       "UPDATE facts_name_2 SET a2 = x'41ff' WHERE rowid = 1;");
  EXPECT_EQ(verify(), (Rows{damaged() + "table facts_edge_2, rowid 1: a2: TEXT '2' is not a symbol (an integer is "
                                        "stored as INTEGER)",
                            damaged() + "table facts_edge_2, rowid 3: a1: REAL 2.5 is no writ value",
                            damaged() + "table facts_name_2, rowid 1: a1: TEXT 'Hello World' is not a symbol (a string "
                                        "is stored as a BLOB)",
                            damaged() + "table facts_name_2, rowid 1: a2: BLOB X'41FF' is not UTF-8 text"}));
}

// The catalogue says edge/1: every edge would be read with its second value dropped.
TEST_F(VerifyTest, AnArityThatDisagreesWithItsTable) {
  edit("UPDATE predicates SET arity = 1 WHERE name = 'edge';");
  EXPECT_EQ(verify(),
            (Rows{damaged() + "table predicates, rowid 1: arity: edge/1, but its table facts_edge_2 has 2 value columns"}));
}

// A fact added "in transaction 7" of a log that has 1: it would appear only later.
TEST_F(VerifyTest, TransactionNumbersThatTheLogDoesNotHave) {
  edit("UPDATE facts_edge_2 SET tx_added = 7 WHERE rowid = 2;"
       "UPDATE facts_edge_2 SET tx_retracted = 1 WHERE rowid = 3;"
       "UPDATE statements SET tx_retracted = 9 WHERE rowid = 1;"
       "UPDATE sources SET tx = 0 WHERE rowid = 1;");
  EXPECT_EQ(verify(), (Rows{damaged() + "table statements, rowid 1: tx_retracted: 9 is no transaction (the log has 1 to 1)",
                            damaged() + "table sources, rowid 1: tx: 0 is no transaction (the log has 1 to 1)",
                            damaged() + "table facts_edge_2, rowid 2: tx_added: 7 is no transaction (the log has 1 to 1)",
                            damaged() + "table facts_edge_2, rowid 3: tx_retracted: 1 is not after tx_added 1"}));
}

TEST_F(VerifyTest, AtMostTwentyRowsAreNamedThenCounted) {
  std::string sql;
  for (int i = 0; i < 30; ++i) sql += "INSERT INTO facts_edge_2 VALUES (1, NULL, 1, 1, 1, 'X', 1);";
  edit(sql);
  const auto rejected = verify();
  ASSERT_EQ(rejected.size(), 21u);
  EXPECT_EQ(rejected[0], damaged() + "table facts_edge_2, rowid 4: a1: TEXT 'X' is not a symbol (a string is stored as "
                                     "a BLOB)");
  EXPECT_EQ(rejected[20], damaged() + "10 more rows rejected");
}

}  // namespace
}  // namespace writ::test
