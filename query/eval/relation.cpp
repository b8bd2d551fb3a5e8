#include "relation.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace writ::query::eval {

namespace {
std::vector<std::uint32_t> columns_of(ColumnMask mask) {
  std::vector<std::uint32_t> cols;
  for (std::uint32_t c = 0; c < 64; ++c)
    if (mask & (ColumnMask{1} << c)) cols.push_back(c);
  return cols;
}
std::vector<std::uint32_t> all_columns(std::uint32_t arity) {
  std::vector<std::uint32_t> cols(arity);
  std::iota(cols.begin(), cols.end(), 0u);
  return cols;
}
}  // namespace

std::uint32_t KeyTable::hash(const Datum* values, bool values_are_tuple) const {
  std::uint64_t h = 0x243f6a8885a308d3ULL;
  for (std::size_t i = 0; i < columns_.size(); ++i) h = mix(h, values[values_are_tuple ? columns_[i] : i]);
  return static_cast<std::uint32_t>(h >> 32);
}

bool KeyTable::equal(const Relation& rel, RowId row, const Datum* probe, bool probe_is_tuple) const {
  const Datum* stored = rel.row(row);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const auto c = columns_[i];
    if (stored[c] != probe[probe_is_tuple ? c : i]) return false;
  }
  return true;
}

RowId KeyTable::find(const Relation& rel, const Datum* probe, bool probe_is_tuple) const {
  if (slots_.empty()) return no_row;
  const std::size_t mask = slots_.size() - 1;
  const auto h = hash(probe, probe_is_tuple);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.row == no_row) return no_row;
    if (s.hash == h && equal(rel, s.row, probe, probe_is_tuple)) return s.row;
  }
}

RowId KeyTable::put(const Relation& rel, RowId row) {
  grow_if_full();
  const std::size_t mask = slots_.size() - 1;
  const Datum* tuple = rel.row(row);
  const auto h = hash(tuple, true);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.row == no_row) {
      s = Slot{row, h};
      ++used_;
      return no_row;
    }
    if (s.hash == h && equal(rel, s.row, tuple, true)) {
      const RowId previous = s.row;
      s.row = row;
      return previous;
    }
  }
}

bool KeyTable::put_unique(const Relation& rel, const Datum* tuple, RowId row) {
  grow_if_full();  // put_unique_hashed probes for a free slot and assumes there is one
  return put_unique_hashed(rel, tuple, hash(tuple, true), row);
}

void KeyTable::reserve(std::size_t more) { grow_if_full(more); }

void KeyTable::clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  used_ = 0;
}

void KeyTable::prefetch_row(const Relation& rel, std::uint32_t h) const {
  const Slot& s = slots_[h & (slots_.size() - 1)];
  if (s.row != no_row && s.hash == h) __builtin_prefetch(rel.row(s.row));
}

// At most three quarters full: with the hashes in the slots, probes stay short.
void KeyTable::grow_if_full(std::size_t more) {
  if ((used_ + more) * 4 <= slots_.size() * 3) return;
  std::vector<Slot> old = std::move(slots_);
  std::size_t size = old.empty() ? 16 : old.size() * 2;
  while ((used_ + more) * 4 > size * 3) size *= 2;
  slots_.assign(size, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.row == no_row) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].row != no_row) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

HashIndex::HashIndex(const Relation& rel, ColumnMask mask, ColumnMask distinct)
    : mask_(mask), distinct_mask_(distinct), table_(columns_of(mask)) {
  if (distinct != 0) distinct_ = std::make_unique<KeyTable>(columns_of(distinct));
  next_.reserve(rel.size());
  for (RowId r = 0; r < rel.size(); ++r) add(rel, r);
}

void HashIndex::add(const Relation& rel, RowId row) {
  next_.resize(static_cast<std::size_t>(row) + 1, no_row);
  // A row whose distinct columns repeat an earlier row's is left out of every chain.
  if (distinct_ && !distinct_->put_unique(rel, rel.row(row), row)) return;
  next_[row] = table_.put(rel, row);
}

Relation::Relation(std::uint32_t arity) : arity_(arity), set_(all_columns(arity)) {}

bool Relation::insert(const Datum* tuple) {
  ensure_set();
  if (arity_ == 0) {
    if (size_ > 0) return false;
    make_room(0);  // so that row(0) is a valid (empty) tuple
    size_ = 1;
    return true;
  }
  const auto row = static_cast<RowId>(size_);
  if (!set_.put_unique(*this, tuple, row)) return false;
  append_row(tuple);
  return true;
}

void Relation::append_row(const Datum* tuple) {
  const auto row = static_cast<RowId>(size_);
  make_room(row);
  std::copy(tuple, tuple + arity_, blocks_.back().get() + (row & block_mask) * arity_);
  ++size_;
  for (auto& index : indexes_) index->add(*this, row);
}

void Relation::append_batch(const Datum* tuples, std::size_t n) {
  if (arity_ == 0 || n == 0) {
    for (std::size_t i = 0; i < n; ++i) insert(tuples);
    return;
  }
  for (std::size_t i = 0; i < n; ++i) append_row(tuples + i * arity_);
  set_stale_ = true;
}

void Relation::rebuild_set() const {
  set_.clear();
  set_.reserve(size_);
  for (RowId r = 0; r < size_; ++r) set_.put_unique_hashed(*this, row(r), set_.tuple_hash(row(r)), r);
  set_stale_ = false;
}

void Relation::clear() {
  size_ = 0;
  if (blocks_.size() > 1) blocks_.resize(1);
  set_.clear();
  set_stale_ = false;
  indexes_.clear();
}

std::size_t Relation::insert_batch(const Datum* tuples, std::size_t n) {
  ensure_set();
  if (arity_ == 0 || n < 4) {
    std::size_t added = 0;
    for (std::size_t i = 0; i < n; ++i) added += insert(tuples + i * arity_) ? 1 : 0;
    return added;
  }
  constexpr std::size_t most = 64;
  std::size_t added = 0;
  for (std::size_t from = 0; from < n; from += most) {
    const std::size_t count = std::min(most, n - from);
    const Datum* batch = tuples + from * arity_;
    // Two rounds of prefetches: the first slot of each probe, then (once those have
    // arrived) the row in it when its hash matches, which is how a duplicate is found.
    set_.reserve(count);
    std::array<std::uint32_t, most> hashes;
    for (std::size_t i = 0; i < count; ++i) {
      hashes[i] = set_.tuple_hash(batch + i * arity_);
      set_.prefetch_slot(hashes[i]);
    }
    for (std::size_t i = 0; i < count; ++i) set_.prefetch_row(*this, hashes[i]);
    for (std::size_t i = 0; i < count; ++i) {
      const Datum* tuple = batch + i * arity_;
      if (!set_.put_unique_hashed(*this, tuple, hashes[i], static_cast<RowId>(size_))) continue;
      append_row(tuple);
      ++added;
    }
  }
  return added;
}

// The first block grows by doubling (most relations are small); the others are
// allocated whole and never move.
void Relation::make_room(RowId row) {
  const std::size_t block_rows = std::size_t{1} << block_shift;
  if (row < first_block_rows_) return;
  if (row < block_rows) {
    const std::size_t rows = first_block_rows_ == 0 ? 16 : std::min<std::size_t>(first_block_rows_ * 2, block_rows);
    auto block = std::make_unique_for_overwrite<Datum[]>(rows * arity_);
    if (!blocks_.empty()) std::copy(blocks_[0].get(), blocks_[0].get() + std::size_t{row} * arity_, block.get());
    if (blocks_.empty()) blocks_.emplace_back();
    blocks_[0] = std::move(block);
    first_block_rows_ = static_cast<std::uint32_t>(rows);
    return;
  }
  if ((row & block_mask) == 0) blocks_.push_back(std::make_unique_for_overwrite<Datum[]>(block_rows * arity_));
}

RowId Relation::find(const Datum* tuple) const {
  if (arity_ == 0) return size_ > 0 ? 0 : no_row;
  ensure_set();
  return set_.find(*this, tuple, true);
}

const HashIndex& Relation::index(ColumnMask mask, ColumnMask distinct) {
  for (const auto& index : indexes_)
    if (index->mask() == mask && index->distinct() == distinct) return *index;
  indexes_.push_back(std::make_unique<HashIndex>(*this, mask, distinct));
  return *indexes_.back();
}

std::size_t Relation::memory() const {
  const std::size_t rows = blocks_.empty() ? 0 : first_block_rows_ + ((blocks_.size() - 1) << block_shift);
  std::size_t bytes = rows * arity_ * sizeof(Datum) + set_.memory();
  for (const auto& index : indexes_) bytes += index->memory();
  return bytes;
}

}  // namespace writ::query::eval
