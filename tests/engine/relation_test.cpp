// The relation's set and indexes: deduplication, chains of equal keys, growth.
#include <gtest/gtest.h>

#include <set>

#include "query/eval/relation.hpp"

namespace writ::query::eval {
namespace {

TEST(Relation, DeduplicatesAndIndexesEveryKey) {
  Relation rel(2);
  Interner in;
  const auto& by_first = rel.index(0b01);
  for (int i = 0; i < 1000; ++i) {
    const Datum t[2] = {in.integer(i % 10), in.integer(i)};
    EXPECT_TRUE(rel.insert(t));
    EXPECT_FALSE(rel.insert(t));
  }
  EXPECT_EQ(rel.size(), 1000u);
  for (int k = 0; k < 10; ++k) {
    const Datum key[1] = {in.integer(k)};
    std::set<std::int64_t> seconds;
    for (RowId r = by_first.first(rel, key); r != no_row; r = by_first.next(r)) seconds.insert(in.integer_value(rel.row(r)[1]));
    EXPECT_EQ(seconds.size(), 100u);
    EXPECT_EQ(*seconds.begin(), k);
  }
  const Datum missing[1] = {in.integer(11)};
  EXPECT_EQ(by_first.first(rel, missing), no_row);
}

TEST(Relation, IndexBuiltLateCoversExistingRows) {
  Relation rel(3);
  Interner in;
  for (int i = 0; i < 100; ++i) {
    const Datum t[3] = {in.symbol("a"), in.integer(i % 3), in.string(std::to_string(i))};
    rel.insert(t);
  }
  const auto& index = rel.index(0b011);
  const Datum key[2] = {in.symbol("a"), in.integer(1)};
  int n = 0;
  for (RowId r = index.first(rel, key); r != no_row; r = index.next(r)) ++n;
  EXPECT_EQ(n, 33);
}

TEST(Relation, ZeroArity) {
  Relation rel(0);
  EXPECT_FALSE(rel.contains(nullptr));
  EXPECT_TRUE(rel.insert(nullptr));
  EXPECT_FALSE(rel.insert(nullptr));
  EXPECT_EQ(rel.size(), 1u);
}

TEST(Interner, CanonicalIntegersAndOrder) {
  Interner in;
  EXPECT_EQ(in.integer(5), in.integer(5));
  const auto big = in.integer(std::int64_t{1} << 62);
  EXPECT_EQ(big, in.integer(std::int64_t{1} << 62));
  EXPECT_EQ(in.integer_value(big), std::int64_t{1} << 62);
  EXPECT_EQ(in.integer_value(in.integer(-5)), -5);
  EXPECT_TRUE(in.compare(in.integer(-(std::int64_t{1} << 62)), in.integer(-1)) < 0);
  EXPECT_TRUE(in.compare(big, in.symbol("a")) < 0);
  EXPECT_TRUE(in.compare(in.symbol("b"), in.string("a")) < 0);
  EXPECT_TRUE(in.compare(in.symbol("a"), in.symbol("ab")) < 0);
  EXPECT_NE(in.symbol("a"), in.string("a"));
}

}  // namespace
}  // namespace writ::query::eval
