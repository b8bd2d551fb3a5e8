// Kernels for query/eval/relation.hpp: inserting with deduplication (the KeyTable set of
// a Relation), membership tests, and HashIndex lookups.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "graphs.hpp"
#include "query/eval/datum.hpp"
#include "query/eval/relation.hpp"

namespace {

using writ::query::eval::Datum;
using writ::query::eval::make_small_int;
using writ::query::eval::no_row;
using writ::query::eval::Relation;
using writ::query::eval::RowId;

// n distinct pairs of small integers, in a scattered order (as joins produce them).
std::vector<Datum> distinct_pairs(std::int64_t n) {
  std::vector<Datum> out;
  out.reserve(static_cast<std::size_t>(n) * 2);
  const std::int64_t side = 1 << 16;
  for (std::int64_t i = 0; i < n; ++i) {
    // A bijection of i onto (a, b): distinct, but hashed keys arrive in no useful order.
    const auto k = static_cast<std::int64_t>((static_cast<std::uint64_t>(i) * 0x9e3779b1u) % (side * side));
    out.push_back(make_small_int(k / side));
    out.push_back(make_small_int(k % side));
  }
  return out;
}

// Inserting n new tuples into an empty arity-2 relation: the dedup probe, the append and
// the KeyTable growth.
void BM_RelationInsertNew(benchmark::State& state) {
  const auto tuples = distinct_pairs(state.range(0));
  for (auto _ : state) {
    Relation rel(2);
    for (std::size_t i = 0; i < tuples.size(); i += 2) rel.insert(&tuples[i]);
    benchmark::DoNotOptimize(rel.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RelationInsertNew)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

// Re-inserting tuples that are all present: only the dedup probe (a fixpoint's common case
// late in transitive closure, where most derived tuples are already known).
void BM_RelationInsertDuplicate(benchmark::State& state) {
  const auto tuples = distinct_pairs(state.range(0));
  Relation rel(2);
  for (std::size_t i = 0; i < tuples.size(); i += 2) rel.insert(&tuples[i]);
  for (auto _ : state) {
    std::size_t added = 0;
    for (std::size_t i = 0; i < tuples.size(); i += 2) added += rel.insert(&tuples[i]);
    benchmark::DoNotOptimize(added);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RelationInsertDuplicate)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

// The same two through Relation::insert_batch, 64 tuples a call (as the evaluator inserts
// head tuples): the set's slots and rows are prefetched for the batch.
void BM_RelationInsertBatchNew(benchmark::State& state) {
  const auto tuples = distinct_pairs(state.range(0));
  const std::size_t n = tuples.size() / 2;
  for (auto _ : state) {
    Relation rel(2);
    for (std::size_t i = 0; i < n; i += 64) rel.insert_batch(&tuples[2 * i], std::min<std::size_t>(64, n - i));
    benchmark::DoNotOptimize(rel.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RelationInsertBatchNew)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

void BM_RelationInsertBatchDuplicate(benchmark::State& state) {
  const auto tuples = distinct_pairs(state.range(0));
  const std::size_t n = tuples.size() / 2;
  Relation rel(2);
  for (std::size_t i = 0; i < tuples.size(); i += 2) rel.insert(&tuples[i]);
  for (auto _ : state) {
    std::size_t added = 0;
    for (std::size_t i = 0; i < n; i += 64) added += rel.insert_batch(&tuples[2 * i], std::min<std::size_t>(64, n - i));
    benchmark::DoNotOptimize(added);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RelationInsertBatchDuplicate)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

// Inserting into a relation that also keeps an index on its first column (what path/2
// pays in transitive closure when a rule looks it up by X).
void BM_RelationInsertNewIndexed(benchmark::State& state) {
  const auto tuples = distinct_pairs(state.range(0));
  for (auto _ : state) {
    Relation rel(2);
    rel.index(1);
    for (std::size_t i = 0; i < tuples.size(); i += 2) rel.insert(&tuples[i]);
    benchmark::DoNotOptimize(rel.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_RelationInsertNewIndexed)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

// HashIndex on column 0 of a random graph with `nodes` nodes and 5 edges per node: look up
// every node and walk its chain. Items are rows visited.
void BM_HashIndexLookup(benchmark::State& state) {
  const auto nodes = state.range(0);
  const auto edges = writ::bench::random_graph(nodes, nodes * 5);
  Relation rel(2);
  for (const auto& [a, b] : edges) {
    const Datum t[2] = {make_small_int(a), make_small_int(b)};
    rel.insert(t);
  }
  const auto& index = rel.index(1);
  std::int64_t visited = 0;
  for (auto _ : state) {
    Datum sum = 0;
    for (std::int64_t n = 1; n <= nodes; ++n) {
      const Datum key = make_small_int(n);
      for (RowId r = index.first(rel, &key); r != no_row; r = index.next(r)) {
        sum += rel.row(r)[1];
        ++visited;
      }
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(visited);
  state.counters["lookups/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * nodes), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HashIndexLookup)->RangeMultiplier(8)->Range(1 << 10, 1 << 17)->Unit(benchmark::kMicrosecond);

// Lookups of keys that are absent: the cost of an empty probe.
void BM_HashIndexMiss(benchmark::State& state) {
  const auto nodes = state.range(0);
  const auto edges = writ::bench::random_graph(nodes, nodes * 5);
  Relation rel(2);
  for (const auto& [a, b] : edges) {
    const Datum t[2] = {make_small_int(a), make_small_int(b)};
    rel.insert(t);
  }
  const auto& index = rel.index(1);
  for (auto _ : state) {
    std::size_t found = 0;
    for (std::int64_t n = 1; n <= nodes; ++n) {
      const Datum key = make_small_int(nodes + n);
      found += index.first(rel, &key) != no_row;
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(state.iterations() * nodes);
}
BENCHMARK(BM_HashIndexMiss)->RangeMultiplier(8)->Range(1 << 10, 1 << 17)->Unit(benchmark::kMicrosecond);

}  // namespace
