// The evaluator's shortcuts give the same results as the plain methods:
//  - rows visited in value order through packed keys (value_order.hpp), on every path
//    (bitmap, 32- and 64-bit radix sort, comparator fallback) and every kind of value;
//  - batched inserts (Relation::insert_batch) and distinct indexes (HashIndex);
//  - scans that project away dead columns (Step::first_match, Step::distinct).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "kb_helpers.hpp"
#include "query/eval/relation.hpp"
#include "query/eval/value_order.hpp"

namespace writ::query::eval {
namespace {

// A small deterministic generator (xorshift64*).
struct Random {
  std::uint64_t state = 42;
  std::uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1dULL;
  }
};

// The rows of `rel` on `columns` in the order for_each_in_value_order gives, and sorted
// with the comparator; they must be equal.
void expect_value_order(const Relation& rel, const Interner& in, const std::vector<std::uint32_t>& columns) {
  std::vector<std::vector<Datum>> visited;
  for_each_in_value_order(rel, in, columns,
                          [&](const Datum* v) { visited.emplace_back(v, v + columns.size()); });
  std::vector<std::vector<Datum>> expected;
  for (RowId r = 0; r < rel.size(); ++r) {
    std::vector<Datum> t;
    for (const auto c : columns) t.push_back(rel.row(r)[c]);
    expected.push_back(t);
  }
  std::sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      const auto o = in.compare(a[i], b[i]);
      if (o != 0) return o < 0;
    }
    return false;
  });
  ASSERT_EQ(visited.size(), expected.size());
  EXPECT_TRUE(visited == expected);
}

// Random integer pairs over [0, side) x [0, side): the side decides the key width.
void integer_pairs(std::int64_t side, std::size_t rows, std::int64_t offset = 0) {
  Interner in;
  Relation rel(2);
  Random rng;
  while (rel.size() < rows) {
    const Datum t[2] = {in.integer(offset + static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(side))),
                        in.integer(offset - static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(side)))};
    rel.insert(t);
  }
  expect_value_order(rel, in, {0, 1});
  expect_value_order(rel, in, {1, 0});
}

TEST(ValueOrder, BitmapForDenseKeys) { integer_pairs(40, 1000, -20); }
TEST(ValueOrder, RadixSortOf32BitKeys) { integer_pairs(std::int64_t{1} << 13, 3000); }
TEST(ValueOrder, RadixSortOf64BitKeys) { integer_pairs(std::int64_t{1} << 24, 3000, -5); }

TEST(ValueOrder, ComparatorForKeysWiderThan64Bits) {
  Interner in;
  Relation rel(3);
  Random rng;
  while (rel.size() < 500) {
    Datum t[3];
    for (auto& d : t) d = in.integer(static_cast<std::int64_t>(rng.next() >> 20));  // 44 bits each
    rel.insert(t);
  }
  expect_value_order(rel, in, {0, 1, 2});
  expect_value_order(rel, in, {2, 0, 1});
}

TEST(ValueOrder, EveryKindOfValueInOneColumn) {
  Interner in;
  std::vector<Datum> pool = {in.integer(std::numeric_limits<std::int64_t>::min()),
                             in.integer(-(std::int64_t{1} << 62)),
                             in.integer(-3),
                             in.integer(0),
                             in.integer(7),
                             in.integer(std::int64_t{1} << 61),
                             in.integer(std::numeric_limits<std::int64_t>::max()),
                             in.symbol("b"),
                             in.symbol("a"),
                             in.symbol("ab"),
                             in.string(""),
                             in.string("a"),
                             in.string("\xc3\xa9")};
  Relation rel(2);
  for (const auto a : pool)
    for (const auto b : pool) {
      const Datum t[2] = {a, b};
      rel.insert(t);
    }
  expect_value_order(rel, in, {0, 1});
  expect_value_order(rel, in, {1, 0});
}

TEST(ValueOrder, OneColumnAndZeroColumns) {
  Interner in;
  Relation one(1);
  for (int i = 0; i < 100; ++i) {
    const Datum t[1] = {i % 2 ? in.integer(-i) : in.symbol("s" + std::to_string(i))};
    one.insert(t);
  }
  expect_value_order(one, in, {0});
  Relation none(0);
  none.insert(nullptr);
  int visits = 0;
  for_each_in_value_order(none, in, std::vector<std::uint32_t>{}, [&](const Datum*) { ++visits; });
  EXPECT_EQ(visits, 1);
  Relation empty(2);
  for_each_in_value_order(empty, in, std::vector<std::uint32_t>{0, 1}, [&](const Datum*) { ++visits; });
  EXPECT_EQ(visits, 1);
}

TEST(InsertBatch, SameRowsAsOneByOne) {
  Interner in;
  Relation batched(2), single(2);
  const auto& index = batched.index(0b01);
  Random rng;
  std::vector<Datum> tuples;
  for (int i = 0; i < 5000; ++i) {  // many duplicates, also inside one batch
    tuples.push_back(in.integer(static_cast<std::int64_t>(rng.next() % 50)));
    tuples.push_back(in.integer(static_cast<std::int64_t>(rng.next() % 50)));
  }
  std::size_t added = 0;
  for (std::size_t i = 0; i < 5000; i += 37) added += batched.insert_batch(&tuples[2 * i], std::min<std::size_t>(37, 5000 - i));
  for (std::size_t i = 0; i < 5000; ++i) single.insert(&tuples[2 * i]);
  EXPECT_EQ(added, batched.size());
  ASSERT_EQ(batched.size(), single.size());
  for (RowId r = 0; r < single.size(); ++r) {
    EXPECT_EQ(batched.row(r)[0], single.row(r)[0]);
    EXPECT_EQ(batched.row(r)[1], single.row(r)[1]);
  }
  std::size_t chained = 0;
  for (int k = 0; k < 50; ++k) {
    const Datum key[1] = {in.integer(k)};
    for (RowId r = index.first(batched, key); r != no_row; r = index.next(r)) ++chained;
  }
  EXPECT_EQ(chained, batched.size());
}

TEST(DistinctIndex, ChainsOneRowPerDistinctColumns) {
  Interner in;
  Relation rel(3);
  const auto& index = rel.index(0b001, 0b011);  // key column 0, distinct on columns 0 and 1
  for (int i = 0; i < 300; ++i) {
    const Datum t[3] = {in.integer(i % 3), in.integer(i % 10), in.integer(i)};
    rel.insert(t);
  }
  const auto& late = rel.index(0b001, 0b011);  // the same index, not a second one
  EXPECT_EQ(&index, &late);
  for (int k = 0; k < 3; ++k) {
    const Datum key[1] = {in.integer(k)};
    std::multiset<std::int64_t> seconds;
    for (RowId r = index.first(rel, key); r != no_row; r = index.next(r)) seconds.insert(in.integer_value(rel.row(r)[1]));
    EXPECT_EQ(seconds.size(), 10u);  // i % 3 == k meets every i % 10, each once
    EXPECT_EQ(std::set<std::int64_t>(seconds.begin(), seconds.end()).size(), 10u);
  }
}

}  // namespace
}  // namespace writ::query::eval

namespace writ::test {
namespace {

// Rules whose scans have dead columns (anonymous, or bound and never used again): the
// same answers as the written join, including when a dead column is also repeated or
// checked within its atom.
TEST(Projection, DeadColumnsDoNotChangeAnswers) {
  auto kb = load_ok(R"(
    p(1, 1, 1). p(1, 2, 3). p(1, 2, 4). p(2, 5, 5). p(3, 6, 7). p(3, 6, 8).
    s(2). s(6).
    first(X) :- p(X, _, _).
    dead(X) :- p(X, Y, Z), s(Y).
    repeated(X) :- p(X, Y, Y).
    checked(X) :- p(X, Y, Z), Z = Y + 1.
    semi(X) :- s(X), p(_, X, _).
    pairs(X, Y) :- p(X, Y, _), p(Y, _, W).
    chain(X, Z) :- p(X, Y, _), p(Y, Z, _).
    total(N) :- N = #count { X : p(X, Y, _), s(Y) }.
  )");
  EXPECT_EQ(rows(*kb, "first(X)"), (Rows{"1", "2", "3"}));
  EXPECT_EQ(rows(*kb, "dead(X)"), (Rows{"1", "3"}));
  EXPECT_EQ(rows(*kb, "repeated(X)"), (Rows{"1", "2"}));
  EXPECT_EQ(rows(*kb, "checked(X)"), (Rows{"1", "3"}));
  EXPECT_EQ(rows(*kb, "semi(X)"), (Rows{"2", "6"}));
  EXPECT_EQ(rows(*kb, "pairs(X, Y)"), (Rows{"1, 1", "1, 2"}));
  EXPECT_EQ(rows(*kb, "chain(X, Z)"), (Rows{"1, 1", "1, 2", "1, 5"}));
  EXPECT_EQ(rows(*kb, "total(N)"), (Rows{"2"}));
  EXPECT_EQ(rows(*kb, "p(X, Y, _)"), (Rows{"1, 1", "1, 2", "2, 5", "3, 6"}));
}

// A recursive rule with dead columns, checked against the same rule with them used.
TEST(Projection, RecursiveSelfJoin) {
  std::string program = R"(
    reach(X, Z, W) :- reach(X, Y, _), e(Y, Z, W).
    full(X, Z, W) :- full(X, Y, V), e(Y, Z, W), V = V.
    reach(X, Y, W) :- e(X, Y, W).
    full(X, Y, W) :- e(X, Y, W).
  )";
  for (int i = 0; i < 40; ++i)
    program += "e(" + std::to_string(i % 13) + ", " + std::to_string((i * 7) % 13) + ", " + std::to_string(i) + ").\n";
  auto kb = load_ok(program);
  EXPECT_EQ(rows(*kb, "reach(X, Y, Z)"), rows(*kb, "full(X, Y, Z)"));
}

}  // namespace
}  // namespace writ::test

namespace writ::test {
namespace {

// Aggregates over rows that are distinct already (Step::elements_distinct: counted or
// folded as the scan visits them) and over tuples gathered into a flat set (the general
// case): the same values as clingo's set semantics give.
TEST(Aggregates, DistinctRowsAndGatheredSets) {
  auto kb = load_ok(R"(
    e(1, 2). e(1, 3). e(2, 3). e(3, 1). e(3, 3).
    w(a, 5). w(b, 5). w(c, -2). w(d, x).
    all(N) :- N = #count { X, Y : e(X, Y) }.
    out(X, N) :- e(X, _), N = #count { Y : e(X, Y) }.
    sources(N) :- N = #count { X : e(X, _) }.
    loops(N) :- N = #count { X : e(X, X) }.
    any(N) :- N = #count { 1 : e(_, _) }.
    weights(S) :- S = #sum { W, K : w(K, W) }.
    distinct_weights(S) :- S = #sum { W : w(_, W) }.
    low(M) :- M = #min { W : w(_, W) }.
    high(M) :- M = #max { W, K : w(K, W) }.
    sums(S) :- S = #sum { Y - X : e(X, Y) }.
    parts(N) :- N = #count { X : e(X, _) ; Y : e(_, Y) ; X, Y : e(X, Y) }.
    none(N) :- N = #max { X : e(X, 9) }.
    empty :- 0 = #count { X : e(X, 9) }.
  )");
  EXPECT_EQ(rows(*kb, "all(N)"), (Rows{"5"}));
  EXPECT_EQ(rows(*kb, "out(X, N)"), (Rows{"1, 2", "2, 1", "3, 2"}));
  EXPECT_EQ(rows(*kb, "sources(N)"), (Rows{"3"}));
  EXPECT_EQ(rows(*kb, "loops(N)"), (Rows{"1"}));
  EXPECT_EQ(rows(*kb, "any(N)"), (Rows{"1"}));
  EXPECT_EQ(rows(*kb, "weights(S)"), (Rows{"8"}));           // 5 + 5 - 2; x is not an integer
  EXPECT_EQ(rows(*kb, "distinct_weights(S)"), (Rows{"3"}));  // {5, -2, x}: 5 once
  EXPECT_EQ(rows(*kb, "low(M)"), (Rows{"-2"}));
  EXPECT_EQ(rows(*kb, "high(M)"), (Rows{"x"}));              // symbols order after integers
  EXPECT_EQ(rows(*kb, "sums(S)"), (Rows{"1"}));              // {1, 2, 1, -2, 0}: 1 once
  EXPECT_EQ(rows(*kb, "parts(N)"), (Rows{"8"}));             // {1, 2, 3} from both, 5 pairs
  EXPECT_EQ(rows(*kb, "none(N)"), (Rows{}));                 // #inf is no value
  EXPECT_EQ(rows(*kb, "empty"), (Rows{""}));
  EXPECT_EQ(rows(*kb, "N = #count { X, Y : e(X, Y) }"), (Rows{"5"}));
  EXPECT_EQ(rows(*kb, "N = #count { X : e(X, Y), Y > 2 }"), (Rows{"3"}));
}

// A #sum gathered through the flat set adds its elements in the order it always has
// (the tuples' order as words: 1, then -5, then the large integer), so it fits here; a
// total that does not fit is an error with its place.
TEST(Aggregates, SumOverflowIsAnErrorWithItsPlace) {
  auto kb = load_ok(R"(
    v(1, 9223372036854775807). v(2, 1). v(3, -5).
    total(S) :- S = #sum { W, K : v(K, W) }.
  )");
  EXPECT_EQ(rows(*kb, "total(S)"), (Rows{"9223372036854775803"}));
  auto over = load_ok("v(1, 9223372036854775807). v(2, 1).\nt(S) :- S = #sum { W, K : v(K, W) }.\n");
  const auto r = over->ask("t(S)");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(over->render(r.diagnostics),
            "test.writ:2:9: error: integer overflow in #sum: the total does not fit in 64 bits\n"
            " 2 | t(S) :- S = #sum { W, K : v(K, W) }.\n"
            "   |         ^~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
}

// Negation as an anti-join (Step::outer_mask) gives what probing the whole relation gives:
// `unreached` gathers path(X, _) once per X; `plain` probes with both columns from one
// scan. Also when the outer value changes at every probe (the memo turns itself off).
TEST(AntiJoin, SameAnswersAsProbingTheRelation) {
  std::string program = R"(
    path(X, Y) :- edge(X, Y).
    path(X, Z) :- path(X, Y), edge(Y, Z).
    unreached(X, Y) :- node(X), node(Y), not path(X, Y).
    pair(X, Y) :- node(X), node(Y).
    plain(X, Y) :- pair(X, Y), not path(X, Y).
    shifted(X, Y) :- node(Y), node(X), not path(X, Y + 1).
    shifted_plain(X, Y) :- pair(X, Y), not path(X, Y + 1).
    jumpy(X, Y) :- pair(X, Y), node(Z), Z = X, not path(Z, Y).
  )";
  for (int i = 1; i <= 60; ++i) program += "node(" + std::to_string(i) + ").\n";
  for (int i = 1; i <= 60; ++i)
    program += "edge(" + std::to_string(i) + ", " + std::to_string((i * 7) % 60 + 1) + ").\n";
  auto kb = load_ok(program);
  const auto unreached = rows(*kb, "unreached(X, Y)");
  EXPECT_GT(unreached.size(), 100u);
  EXPECT_EQ(unreached, rows(*kb, "plain(X, Y)"));
  EXPECT_EQ(rows(*kb, "shifted(X, Y)"), rows(*kb, "shifted_plain(X, Y)"));
  EXPECT_EQ(rows(*kb, "jumpy(X, Y)"), unreached);
  EXPECT_EQ(rows(*kb, "node(X), node(Y), not path(X, Y)"), unreached);
}

// Head tuples appended without a duplicate check (RulePlan::head_distinct), then the same
// relation inserted into by another rule, probed by a negation and counted.
TEST(DistinctHeads, AppendedRowsAreDeduplicatedLater) {
  auto kb = load_ok(R"(
    a(1). a(2). a(3). b(x). b(y).
    c(1, x). c(4, z). c(1, x).
    both(X, Y) :- a(X), b(Y).
    both(X, Y) :- c(X, Y).
    missing(X, Y) :- c(X, Y), not both(X, Y).
    other(X, Y) :- a(X), c(X, Y), not both(X, y).
    n(N) :- N = #count { X, Y : both(X, Y) }.
  )");
  EXPECT_EQ(rows(*kb, "both(X, Y)"), (Rows{"1, x", "1, y", "2, x", "2, y", "3, x", "3, y", "4, z"}));
  EXPECT_EQ(rows(*kb, "missing(X, Y)"), (Rows{}));
  EXPECT_EQ(rows(*kb, "other(X, Y)"), (Rows{}));
  EXPECT_EQ(rows(*kb, "n(N)"), (Rows{"7"}));
  EXPECT_EQ(rows(*kb, "a(X), b(Y)"), (Rows{"1, x", "1, y", "2, x", "2, y", "3, x", "3, y"}));
}

// Body parts that share no variable with the rest (Step::Kind::Exists): decided once per
// run, true or false, recursive or not, and with arithmetic (run last, where reached).
TEST(IndependentParts, DecidedOncePerRun) {
  auto kb = load_ok(R"(
    b(1, 2). b(2, 3). b(3, 4). c(7). d(7). e(8).
    a(1).
    a(X) :- a(Y), b(X, Y), c(Z), d(Z).
    a(X) :- a(Y), b(Y, X), c(Z), d(Z).
    f(X) :- b(X, _), c(Z), e(Z).
    g(X) :- b(X, _), c(Z), W = Z * 2, W > 10.
    h(X) :- b(X, _), not e(7).
    k(X) :- a(X), a(Y), Y > 3.
    loop(X) :- b(X, _), loop(_).
    loop(9) :- c(7).
  )");
  EXPECT_EQ(rows(*kb, "a(X)"), (Rows{"1", "2", "3", "4"}));
  EXPECT_EQ(rows(*kb, "f(X)"), (Rows{}));
  EXPECT_EQ(rows(*kb, "g(X)"), (Rows{"1", "2", "3"}));
  EXPECT_EQ(rows(*kb, "h(X)"), (Rows{"1", "2", "3"}));
  EXPECT_EQ(rows(*kb, "k(X)"), (Rows{"1", "2", "3", "4"}));
  EXPECT_EQ(rows(*kb, "loop(X)"), (Rows{"1", "2", "3", "9"}));
  EXPECT_EQ(rows(*kb, "b(X, _Y), c(Z), d(Z)"), (Rows{"1, 7", "2, 7", "3, 7"}));
  // A part over a relation of the same component is decided again each round.
  // Here t(_) is false when r first grows (through p) and true only rounds later.
  auto grows = load_ok(R"(
    r(1). q(1). p(1, 5). n(1, 2). n(2, 3). n(3, 4). m(1, 2). m(2, 3). m(3, 4).
    r(Y) :- r(X), p(X, Y).
    q(Y) :- q(X), m(X, Y), r(_).
    t(0) :- q(4).
    r(Y) :- r(X), n(X, Y), t(_).
  )");
  EXPECT_EQ(rows(*grows, "r(X)"), (Rows{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(rows(*kb, "b(X, _), c(_Z), e(_Z)"), (Rows{}));
}

// Facts written as statements go into their relations in batches, without a plan each
// (Run::add_fact): interleaved predicates, a strong negation and a second arity of the same
// name, copies, facts with arithmetic (still a plan each) between them, and facts after rules.
TEST(PlainFacts, BatchedByRelationInTheOrderWritten) {
  auto kb = load_ok(R"(
    p(1). -p(2). p(3). p(1, 2). p(4). q(a). p(1). -p(2). p(5, 6).
    s(2 + 3). p(7). s(1). s(-1 * 4).
    r(X) :- p(X), not -p(X).
    q(b). q("b"). q(a).
    n(X, N) :- q(X), N = #count { Y : p(Y) }.
    z.
  )");
  EXPECT_EQ(rows(*kb, "p(X)"), (Rows{"1", "3", "4", "7"}));
  EXPECT_EQ(rows(*kb, "-p(X)"), (Rows{"2"}));
  EXPECT_EQ(rows(*kb, "p(X, Y)"), (Rows{"1, 2", "5, 6"}));
  EXPECT_EQ(rows(*kb, "s(X)"), (Rows{"-4", "1", "5"}));
  EXPECT_EQ(rows(*kb, "r(X)"), (Rows{"1", "3", "4", "7"}));
  EXPECT_EQ(rows(*kb, "n(X, N)"), (Rows{"a, 4", "b, 4", "\"b\", 4"}));
  EXPECT_EQ(rows(*kb, "N = #count { X : q(X) }"), (Rows{"3"}));
  EXPECT_EQ(kb->ask("z").answers.rows.size(), 1u);
}

// --max-facts counts the distinct facts a batch adds, as a plan per fact did: 3 facts and
// a copy fit a limit of 3; a fourth distinct one does not.
TEST(PlainFacts, TheFactLimitCountsDistinctFacts) {
  kb::Limits three;
  three.max_facts = 3;
  auto fits = load_ok("e(1). e(2). e(1). e(3).\n", three);
  EXPECT_EQ(rows(*fits, "e(X)"), (Rows{"1", "2", "3"}));
  auto over = load_ok("e(1). e(2). e(1). e(3). e(4).\n", three);
  const auto r = over->ask("e(X)");
  EXPECT_EQ(r.outcome, kb::Outcome::LimitHit);
  EXPECT_EQ(over->render(r.diagnostics),
            "writ: error: evaluation stopped: more than 3 facts (raise the limit with --max-facts)\n");
}

}  // namespace
}  // namespace writ::test
