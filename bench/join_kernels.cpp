// A two-way join as one semi-naive round of transitive closure runs it:
//   path(X, Z) :- path(X, Y), edge(Y, Z).
// for each row (X, Y) of a path delta, look up edge by Y through a HashIndex and insert
// (X, Z) into path. Written directly against Relation and HashIndex, so it measures the
// index and dedup machinery without the evaluator's interpretation overhead; compare
// with BM_EvaluateTransitiveClosure to see what the interpreter adds.
#include <benchmark/benchmark.h>

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

Relation edge_relation(const std::vector<writ::bench::Edge>& edges) {
  Relation rel(2);
  for (const auto& [a, b] : edges) {
    const Datum t[2] = {make_small_int(a), make_small_int(b)};
    rel.insert(t);
  }
  return rel;
}

// Only the probe side: enumerate path x edge through the index, counting results.
void BM_JoinProbe(benchmark::State& state) {
  const auto nodes = state.range(0);
  Relation edge = edge_relation(writ::bench::random_graph(nodes, nodes * 5));
  // The left side: every 2-step path, as a delta would hold.
  Relation path = edge_relation(writ::bench::random_graph(nodes, nodes * 5, 99));
  const auto& by_source = edge.index(1);
  std::int64_t produced = 0;
  for (auto _ : state) {
    std::int64_t count = 0;
    for (RowId p = 0; p < path.size(); ++p) {
      const Datum y = path.row(p)[1];
      for (RowId e = by_source.first(edge, &y); e != no_row; e = by_source.next(e)) {
        count += static_cast<std::int64_t>(edge.row(e)[1] & 1);
        ++produced;
      }
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetItemsProcessed(produced);
}
BENCHMARK(BM_JoinProbe)->RangeMultiplier(8)->Range(1 << 10, 1 << 16)->Unit(benchmark::kMicrosecond);

// The whole round: probe and insert the results into a fresh output relation (dedup
// included). Items are join results produced, before deduplication.
void BM_JoinInsert(benchmark::State& state) {
  const auto nodes = state.range(0);
  Relation edge = edge_relation(writ::bench::random_graph(nodes, nodes * 5));
  Relation path = edge_relation(writ::bench::random_graph(nodes, nodes * 5, 99));
  const auto& by_source = edge.index(1);
  std::int64_t produced = 0;
  for (auto _ : state) {
    Relation out(2);
    for (RowId p = 0; p < path.size(); ++p) {
      Datum t[2] = {path.row(p)[0], path.row(p)[1]};
      for (RowId e = by_source.first(edge, &t[1]); e != no_row; e = by_source.next(e)) {
        const Datum z[2] = {t[0], edge.row(e)[1]};
        out.insert(z);
        ++produced;
      }
    }
    benchmark::DoNotOptimize(out.size());
  }
  state.SetItemsProcessed(produced);
}
BENCHMARK(BM_JoinInsert)->RangeMultiplier(8)->Range(1 << 10, 1 << 16)->Unit(benchmark::kMicrosecond);

// The fixpoint of transitive closure hand-written over Relation and HashIndex: the floor
// the evaluator could reach with this data structure. Items are path tuples derived.
void BM_HandWrittenTransitiveClosure(benchmark::State& state) {
  const auto nodes = state.range(0);
  Relation edge = edge_relation(writ::bench::random_graph(nodes, nodes * 5));
  const auto& by_source = edge.index(1);
  std::int64_t derived = 0;
  for (auto _ : state) {
    Relation path(2);
    for (RowId e = 0; e < edge.size(); ++e) path.insert(edge.row(e));
    RowId begin = 0;
    for (RowId end = static_cast<RowId>(path.size()); begin < end; end = static_cast<RowId>(path.size())) {
      for (RowId p = begin; p < end; ++p) {
        const Datum x = path.row(p)[0], y = path.row(p)[1];
        for (RowId e = by_source.first(edge, &y); e != no_row; e = by_source.next(e)) {
          const Datum t[2] = {x, edge.row(e)[1]};
          path.insert(t);
        }
      }
      begin = end;
    }
    derived += static_cast<std::int64_t>(path.size());
  }
  state.SetItemsProcessed(derived);
}
BENCHMARK(BM_HandWrittenTransitiveClosure)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
