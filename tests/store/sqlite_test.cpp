// The RAII wrappers of kb/store/sqlite.hpp: errors carry SQLite's message, handles close.
#include <gtest/gtest.h>

#include "kb/store/sqlite.hpp"

namespace writ::kb::store {
namespace {

TEST(Sqlite, ErrorsCarrySqlitesMessage) {
  Database db;
  ASSERT_FALSE(Database::open(":memory:", OpenMode::ReadWriteCreate, db));
  Statement s;
  const auto e = db.prepare("SELEC 1", s);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "near \"SELEC\": syntax error");
  EXPECT_FALSE(s);
  const auto missing = db.exec("INSERT INTO nowhere VALUES (1)");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->message, "no such table: nowhere");
}

TEST(Sqlite, OpenFailureIsAValue) {
  Database db;
  const auto e = Database::open("/nonexistent-dir/x.db", OpenMode::ReadWriteCreate, db);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "unable to open database file");
  EXPECT_FALSE(db);
}

TEST(Sqlite, BindStepAndColumnsKeepStorageClasses) {
  Database db;
  ASSERT_FALSE(Database::open(":memory:", OpenMode::ReadWriteCreate, db));
  ASSERT_FALSE(db.exec("CREATE TABLE t (a, b, c)"));
  Statement ins;
  ASSERT_FALSE(db.prepare("INSERT INTO t VALUES (?1, ?2, ?3)", ins));
  ins.bind_int(1, -7);
  ins.bind_text(2, "sym");
  ins.bind_blob(3, "");
  EXPECT_FALSE(ins.run());
  ins.reset();
  ins.bind_int(1, 1);
  ins.bind_int(4, 1);  // no such parameter: reported by the step
  const auto e = ins.run();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message, "column index out of range");

  Statement sel;
  ASSERT_FALSE(db.prepare("SELECT a, b, c FROM t", sel));
  ASSERT_EQ(sel.step(), Step::Row);
  EXPECT_EQ(sel.column_type(0), Statement::Type::Integer);
  EXPECT_EQ(sel.column_int(0), -7);
  EXPECT_EQ(sel.column_type(1), Statement::Type::Text);
  EXPECT_EQ(sel.column_text(1), "sym");
  EXPECT_EQ(sel.column_type(2), Statement::Type::Blob);  // an empty blob, not NULL
  EXPECT_EQ(sel.column_blob(2), "");
  EXPECT_EQ(sel.step(), Step::Done);
  std::int64_t n = 0;
  ASSERT_FALSE(db.query_int("SELECT count(*) FROM t WHERE a = '-7'", n));
  EXPECT_EQ(n, 0);  // no affinity: the integer is not the text
}

TEST(Sqlite, TransactionRollsBackUnlessCommitted) {
  Database db;
  ASSERT_FALSE(Database::open(":memory:", OpenMode::ReadWriteCreate, db));
  ASSERT_FALSE(db.exec("CREATE TABLE t (a)"));
  {
    Transaction t;
    ASSERT_FALSE(t.begin(db, Transaction::Kind::Immediate));
    ASSERT_FALSE(db.exec("INSERT INTO t VALUES (1)"));
  }
  std::int64_t n = -1;
  ASSERT_FALSE(db.query_int("SELECT count(*) FROM t", n));
  EXPECT_EQ(n, 0);
  {
    Transaction t;
    ASSERT_FALSE(t.begin(db, Transaction::Kind::Deferred));
    ASSERT_FALSE(db.exec("INSERT INTO t VALUES (1)"));
    EXPECT_FALSE(t.commit());
  }
  ASSERT_FALSE(db.query_int("SELECT count(*) FROM t", n));
  EXPECT_EQ(n, 1);
}

TEST(Sqlite, HandlesMove) {
  Database a;
  ASSERT_FALSE(Database::open(":memory:", OpenMode::ReadWriteCreate, a));
  Database b = std::move(a);
  EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): moved-from is closed
  ASSERT_TRUE(b);
  Statement s;
  ASSERT_FALSE(b.prepare("SELECT 1", s));
  Statement t = std::move(s);
  EXPECT_FALSE(s);  // NOLINT(bugprone-use-after-move)
  ASSERT_EQ(t.step(), Step::Row);
  EXPECT_EQ(t.column_int(0), 1);
}

}  // namespace
}  // namespace writ::kb::store
