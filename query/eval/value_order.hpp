// Visiting a relation's rows in value order (how answers are printed), without calling
// a comparator per pair of rows.
//
// Each column's values are given order-preserving codes: a small integer's code is its
// distance from the column's smallest one; every other value (boxed values, symbols,
// strings: those whose order needs the interner) is ranked among that column's distinct
// such values, placed before or after the small integers as the value order says. The
// codes of a row, concatenated most significant column first, form one unsigned key
// whose order is the rows' value order. Because the caller's rows are distinct on the
// visited columns, the key is the row: it is decoded back into datums, so no row id is
// kept beside it.
//
// The keys are then put in order by the cheaper of two means:
//  - a bitmap over the key space, when that space is at most 32 bits a row (a closure
//    over N nodes has at most N^2 keys, and usually a good fraction of them): set a bit
//    per row, then read the bits in order;
//  - otherwise an LSD radix sort of the 32- or 64-bit keys (8-bit digits, passes over a
//    constant digit skipped).
// Keys wider than 64 bits fall back to sorting row ids with the comparator. Comparator
// calls through Interner::compare were 60% of printing a 500,500-answer closure; the
// bitmap makes that sort linear (docs/performance.md).
//
// Header-only so that the visitor is inlined into the loop that decodes keys.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "datum.hpp"
#include "relation.hpp"

namespace writ::query::eval {

namespace value_order_detail {

// One column's codes: [0, below) the ranked values that sort before every small integer
// (negative large integers), then the small integers [min, min + small_span), then the
// other ranked values.
class ColumnCode {
 public:
  // Called with every value of the column, then finish().
  void see(Datum d) {
    if (is_small_int(d)) {
      const auto v = small_int_value(d);
      if (!has_small_) {
        min_ = max_ = v;
        has_small_ = true;
      } else {
        min_ = std::min(min_, v);
        max_ = std::max(max_, v);
      }
      return;
    }
    // Other values are indexes into the interner's tables, which are dense: a table per
    // kind, by index, says whether (then which rank) the column holds the value, so each
    // value costs O(1) here and in encode(), whatever the column's size.
    auto& seen = rank_of_[static_cast<std::size_t>(kind_of(d)) - 1];
    const auto at = static_cast<std::size_t>(d & payload_mask);
    if (at >= seen.size()) seen.resize(std::max(at + 1, 2 * seen.size()), 0);
    if (seen[at] == 0) {
      seen[at] = 1;
      ranked_.push_back(d);
    }
  }

  void finish(const Interner& interner) {
    std::sort(ranked_.begin(), ranked_.end(), [&](Datum a, Datum b) { return interner.compare(a, b) < 0; });
    for (std::uint32_t r = 0; r < ranked_.size(); ++r) slot(ranked_[r]) = r;
    below_ = 0;
    while (below_ < ranked_.size() && interner.is_integer(ranked_[below_]) && interner.integer_value(ranked_[below_]) < 0)
      ++below_;
    // Small integers span at most 2^62 values, so this cannot overflow.
    small_span_ = has_small_ ? static_cast<std::uint64_t>(max_ - min_) + 1 : 0;
    const std::uint64_t span = small_span_ + ranked_.size();
    bits_ = span <= 1 ? 0u : static_cast<unsigned>(std::bit_width(span - 1));
  }

  unsigned bits() const { return bits_; }

  std::uint64_t encode(Datum d) const {
    if (is_small_int(d)) return below_ + static_cast<std::uint64_t>(small_int_value(d) - min_);
    const std::uint64_t r = rank_of_[static_cast<std::size_t>(kind_of(d)) - 1][d & payload_mask];
    return r < below_ ? r : r + small_span_;
  }

  Datum decode(std::uint64_t code) const {
    if (code < below_) return ranked_[code];
    if (code - below_ < small_span_) return make_small_int(min_ + static_cast<std::int64_t>(code - below_));
    return ranked_[code - small_span_];
  }

 private:
  std::uint32_t& slot(Datum d) { return rank_of_[static_cast<std::size_t>(kind_of(d)) - 1][d & payload_mask]; }

  bool has_small_ = false;
  std::int64_t min_ = 0, max_ = 0;
  std::vector<Datum> ranked_;  // the other values, distinct, in value order after finish()
  // For boxed values, symbols and strings, by interner index: before finish(), whether
  // the column holds the value; after, its rank.
  std::array<std::vector<std::uint32_t>, 3> rank_of_;
  std::uint64_t below_ = 0;
  std::uint64_t small_span_ = 0;
  unsigned bits_ = 0;
};

// LSD radix sort on the low `bits` bits, one byte a pass.
template <class Key>
void radix_sort(std::vector<Key>& keys, unsigned bits) {
  std::vector<Key> other(keys.size());
  for (unsigned shift = 0; shift < bits; shift += 8) {
    std::array<std::size_t, 256> count{};
    for (const Key k : keys) ++count[(k >> shift) & 0xff];
    if (std::any_of(count.begin(), count.end(), [&](std::size_t c) { return c == keys.size(); })) continue;
    std::size_t sum = 0;
    for (auto& c : count) sum += std::exchange(c, sum);
    for (const Key k : keys) other[count[(k >> shift) & 0xff]++] = k;
    keys.swap(other);
  }
}

}  // namespace value_order_detail

// Calls visit(const Datum* values) once per row of `rel`, with the row's values in
// `columns` (positions in the tuple; none for a 0-ary relation), in value order by those columns,
// first column first. Precondition: the rows are distinct on `columns`, and `rel` is not
// changed during the call.
template <class Visit>
void for_each_in_value_order(const Relation& rel, const Interner& interner, std::span<const std::uint32_t> columns,
                             Visit&& visit) {
  using value_order_detail::ColumnCode;
  const std::size_t n = rel.size();
  const std::size_t width = columns.size();
  if (n == 0) return;
  std::vector<ColumnCode> codes(width);
  for (RowId r = 0; r < n; ++r) {
    const Datum* row = rel.row(r);
    for (std::size_t c = 0; c < width; ++c) codes[c].see(row[columns[c]]);
  }
  unsigned total = 0;
  for (auto& code : codes) {
    code.finish(interner);
    total += code.bits();
  }
  std::array<Datum, 64> values{};  // arity is at most 64

  if (total > 64 || width > values.size()) {
    // Too wide for one key: sort row ids with the comparator.
    std::vector<RowId> order(n);
    for (RowId r = 0; r < n; ++r) order[r] = r;
    std::sort(order.begin(), order.end(), [&](RowId a, RowId b) {
      const Datum* x = rel.row(a);
      const Datum* y = rel.row(b);
      for (const auto c : columns) {
        const auto o = interner.compare(x[c], y[c]);
        if (o != 0) return o < 0;
      }
      return false;
    });
    for (const auto r : order) {
      const Datum* row = rel.row(r);
      for (std::size_t c = 0; c < width; ++c) values[c] = row[columns[c]];
      visit(static_cast<const Datum*>(values.data()));
    }
    return;
  }

  const auto key_of = [&](const Datum* row) {
    std::uint64_t key = 0;
    for (std::size_t c = 0; c < width; ++c) {
      const unsigned b = codes[c].bits();
      if (b == 0) continue;
      key = (b == 64 ? 0 : key << b) | codes[c].encode(row[columns[c]]);
    }
    return key;
  };
  const auto visit_key = [&](std::uint64_t key) {
    for (std::size_t c = width; c-- > 0;) {
      const unsigned b = codes[c].bits();
      const std::uint64_t mask = b == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << b) - 1;
      values[c] = codes[c].decode(key & mask);
      key = b == 64 ? 0 : key >> b;
    }
    visit(static_cast<const Datum*>(values.data()));
  };

  // A bitmap of at most 32 bits a row (or 64 KiB) costs no more memory than the keys.
  constexpr unsigned small_bitmap_bits = 19;
  if (total <= small_bitmap_bits || (total < 64 && (std::uint64_t{1} << total) <= 32 * std::uint64_t{n})) {
    std::vector<std::uint64_t> bits((std::size_t{1} << total) / 64 + 1, 0);
    for (RowId r = 0; r < n; ++r) {
      const auto key = key_of(rel.row(r));
      bits[key >> 6] |= std::uint64_t{1} << (key & 63);
    }
    for (std::size_t w = 0; w < bits.size(); ++w) {
      for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
        visit_key((std::uint64_t{w} << 6) | static_cast<unsigned>(std::countr_zero(word)));
    }
    return;
  }
  if (total <= 32) {
    std::vector<std::uint32_t> keys(n);
    for (RowId r = 0; r < n; ++r) keys[r] = static_cast<std::uint32_t>(key_of(rel.row(r)));
    value_order_detail::radix_sort(keys, total);
    for (const auto key : keys) visit_key(key);
    return;
  }
  std::vector<std::uint64_t> keys(n);
  for (RowId r = 0; r < n; ++r) keys[r] = key_of(rel.row(r));
  value_order_detail::radix_sort(keys, total);
  for (const auto key : keys) visit_key(key);
}

}  // namespace writ::query::eval
