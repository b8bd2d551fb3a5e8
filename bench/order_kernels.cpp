// Kernels for query/eval/value_order.hpp: visiting a relation's rows in value order (what
// printing answers costs before formatting), against the comparator sort of row ids it
// replaced. Items are rows visited.
//
// Cases (the first argument):
//   0  the closure of a 1,000-node chain (500,500 pairs), in derivation order (by path
//      length): the key space is about 2 bits a row, so the bitmap is used;
//   1  the same count of pairs of small integers scattered over 2^14 x 2^14 (28 bits, too
//      sparse for the bitmap): the 32-bit radix sort;
//   2  the same over 2^24 x 2^24 (48 bits): the 64-bit radix sort;
//   3  pairs (symbol, integer below 2^20), 1,000 symbol names: the symbols are ranked
//      first, then the 32-bit radix sort.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "graphs.hpp"
#include "query/eval/datum.hpp"
#include "query/eval/relation.hpp"
#include "query/eval/value_order.hpp"

namespace {

using writ::query::eval::Datum;
using writ::query::eval::Interner;
using writ::query::eval::Relation;
using writ::query::eval::RowId;

struct Input {
  Interner interner;
  Relation rel{2};
};

void fill(Input& in, std::int64_t which) {
  const std::int64_t rows = 500'500;
  auto& [interner, rel] = in;
  if (which == 0) {
    for (std::int64_t length = 1; length < 1001; ++length)
      for (std::int64_t from = 1; from + length <= 1001; ++from) {
        const Datum t[2] = {interner.integer(from), interner.integer(from + length)};
        rel.insert(t);
      }
    return;
  }
  writ::bench::Random rng(42);
  std::vector<Datum> symbols;
  for (int i = 0; i < 1000; ++i) symbols.push_back(interner.symbol("s" + std::to_string(rng.next() % 100000)));
  const std::int64_t side = which == 1 ? std::int64_t{1} << 14 : std::int64_t{1} << 24;
  while (static_cast<std::int64_t>(rel.size()) < rows) {
    const Datum t[2] = {which == 3 ? symbols[rng.next() % symbols.size()] : interner.integer(rng.below(side)),
                        interner.integer(rng.below(which == 3 ? 1 << 20 : side))};
    rel.insert(t);
  }
}

void BM_ValueOrderPacked(benchmark::State& state) {
  Input in;
  fill(in, state.range(0));
  const std::vector<std::uint32_t> columns = {0, 1};
  for (auto _ : state) {
    std::uint64_t sum = 0;
    writ::query::eval::for_each_in_value_order(in.rel, in.interner, columns,
                                               [&](const Datum* values) { sum += values[0] ^ values[1]; });
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.rel.size()));
}
BENCHMARK(BM_ValueOrderPacked)->ArgName("case")->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

// The previous method: std::sort of row ids, comparing through Interner::compare.
void BM_ValueOrderComparator(benchmark::State& state) {
  Input in;
  fill(in, state.range(0));
  const std::vector<std::uint32_t> columns = {0, 1};
  for (auto _ : state) {
    std::vector<RowId> order(in.rel.size());
    for (RowId r = 0; r < order.size(); ++r) order[r] = r;
    std::sort(order.begin(), order.end(), [&](RowId a, RowId b) {
      const Datum* x = in.rel.row(a);
      const Datum* y = in.rel.row(b);
      for (const auto c : columns) {
        const auto o = in.interner.compare(x[c], y[c]);
        if (o != 0) return o < 0;
      }
      return false;
    });
    std::uint64_t sum = 0;
    for (const auto r : order) sum += in.rel.row(r)[0] ^ in.rel.row(r)[1];
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.rel.size()));
}
BENCHMARK(BM_ValueOrderComparator)->ArgName("case")->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

}  // namespace
