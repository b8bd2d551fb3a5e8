// A relation: a flat array of fixed-width tuples, a set for deduplication, and hash
// indexes on the column sets that joins look up.
//
// Rows are only ever appended, so "the rows added since round k" is a contiguous range:
// semi-naive evaluation reads its delta as [begin, end) with no copies (see evaluator.cpp).
//
// Rows live in fixed-size blocks rather than one growing array, so the relation never
// copies itself while it grows (a doubling array briefly needs three times its size).
//
// Indexes are open-addressing tables from a key (the values of some columns) to the
// newest row with that key; rows with equal keys are chained through `next_`. Each slot
// keeps 32 bits of the key's hash beside the row id, so a probe reads a row only when the
// hashes agree, and growing the table never reads rows at all. Each index costs 4 bytes
// per row plus its slot table, and is maintained on every insert, so a lookup never
// rebuilds anything. Hashing beat sorted arrays here: inserts interleave with lookups
// during a fixpoint, and a sorted index would need merging each round.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "datum.hpp"

namespace writ::query::eval {

using RowId = std::uint32_t;
inline constexpr RowId no_row = ~RowId{0};

// A set of columns, as a bit mask (arity is at most 64; checks reject larger).
using ColumnMask = std::uint64_t;

class Relation;

// Open-addressing table of row ids keyed by the values of `columns`.
class KeyTable {
 public:
  explicit KeyTable(std::vector<std::uint32_t> columns) : columns_(std::move(columns)) {}

  // The row stored under the key of `probe`: a full tuple when `probe_is_tuple`, else
  // the key's values in column order. no_row when there is none.
  RowId find(const Relation& rel, const Datum* probe, bool probe_is_tuple) const;
  // Stores `row` (already in `rel`) under its key, returning the row previously stored
  // there (or no_row).
  RowId put(const Relation& rel, RowId row);
  // Stores `row` under the key of `tuple` unless that key is present: one probe for
  // "insert if absent". `row` need not be in `rel` yet. True when it was stored.
  bool put_unique(const Relation& rel, const Datum* tuple, RowId row);
  // The same in three parts, for a batch of tuples (Relation::insert_batch): make room for
  // `more` keys, then hint the memory a probe will read, then probe with the tuple's hash.
  void reserve(std::size_t more);
  // Empties the table, keeping its slots.
  void clear();
  std::uint32_t tuple_hash(const Datum* tuple) const { return hash(tuple, true); }
  void prefetch_slot(std::uint32_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
  void prefetch_row(const Relation& rel, std::uint32_t h) const;
  bool put_unique_hashed(const Relation& rel, const Datum* tuple, std::uint32_t h, RowId row);
  const std::vector<std::uint32_t>& columns() const { return columns_; }
  std::size_t memory() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    RowId row = no_row;
    std::uint32_t hash = 0;  // the key's hash, which also places the slot
  };
  std::uint32_t hash(const Datum* values, bool values_are_tuple) const;
  bool equal(const Relation& rel, RowId row, const Datum* probe, bool probe_is_tuple) const;
  void grow_if_full(std::size_t more = 1);  // makes room for `more` keys

  std::vector<std::uint32_t> columns_;
  std::vector<Slot> slots_;  // power-of-two size; row == no_row marks an empty slot
  std::size_t used_ = 0;
};

// Here, not in relation.cpp, so that both of its callers (put_unique and
// Relation::insert_batch) inline it: as a call, it made insert_batch, the evaluator's
// insert, about 10% slower.
inline bool KeyTable::put_unique_hashed(const Relation& rel, const Datum* tuple, std::uint32_t h, RowId row) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.row == no_row) {
      s = Slot{row, h};
      ++used_;
      return true;
    }
    if (s.hash == h && equal(rel, s.row, tuple, true)) return false;
  }
}

// All rows whose `columns` equal a key: chains of rows through `next`.
//
// A distinct index (distinct mask D, a superset of the key's mask) chains only one row
// per distinct value of the columns D: a join that reads no column outside D (the others
// bind variables used nowhere else, like `W` in `v(Y, Z, W)`) then sees each combination
// once instead of once per row. Its own set on D decides which rows are chained.
class HashIndex {
 public:
  HashIndex(const Relation& rel, ColumnMask mask, ColumnMask distinct = 0);
  // First row with this key (key values in increasing column order), or no_row.
  RowId first(const Relation& rel, const Datum* key) const { return table_.find(rel, key, false); }
  RowId next(RowId row) const { return next_[row]; }
  void add(const Relation& rel, RowId row);
  ColumnMask mask() const { return mask_; }
  ColumnMask distinct() const { return distinct_mask_; }
  std::size_t memory() const {
    return table_.memory() + next_.capacity() * sizeof(RowId) + (distinct_ ? distinct_->memory() : 0);
  }

 private:
  ColumnMask mask_;
  ColumnMask distinct_mask_;  // 0: every row is chained
  KeyTable table_;
  std::unique_ptr<KeyTable> distinct_;
  std::vector<RowId> next_;
};

class Relation {
 public:
  explicit Relation(std::uint32_t arity);

  std::uint32_t arity() const { return arity_; }
  std::size_t size() const { return size_; }
  const Datum* row(RowId r) const { return blocks_[r >> block_shift].get() + (r & block_mask) * arity_; }

  // Adds the tuple (arity() words) unless present; true when it was new.
  bool insert(const Datum* tuple);
  // Adds `n` tuples (n * arity() words, in order) unless present; returns how many were
  // new. Faster than n calls of insert() on a large relation: the set's slots (and the
  // rows they point to) for the whole batch are fetched from memory at once, not one
  // cache miss after another.
  std::size_t insert_batch(const Datum* tuples, std::size_t n);
  // Appends `n` tuples that are distinct and none of them in the relation (the caller
  // knows: see RulePlan::head_distinct), without probing the set: the set is rebuilt, in
  // one pass sized once, only when something looks a tuple up or inserts again. A large
  // relation derived last (`unreached` in docs/performance.md) never needs it.
  void append_batch(const Datum* tuples, std::size_t n);
  bool contains(const Datum* tuple) const { return find(tuple) != no_row; }
  // The row holding the tuple, or no_row. Rebuilds the set after append_batch: like every
  // call here, not for two threads at once unless ensure_set() ran since the last append.
  RowId find(const Datum* tuple) const;
  void ensure_set() const {
    if (set_stale_) rebuild_set();
  }
  // Removes every row and index (a scratch relation used again).
  void clear();

  // The index on `mask` (distinct on the columns `distinct` when not 0; see HashIndex),
  // built on first use and kept up to date by insert().
  const HashIndex& index(ColumnMask mask, ColumnMask distinct = 0);

  std::size_t memory() const;

 private:
  void make_room(RowId row);
  void append_row(const Datum* tuple);
  void rebuild_set() const;
  static constexpr std::uint32_t block_shift = 12;  // 4096 rows a block
  static constexpr std::uint32_t block_mask = (1u << block_shift) - 1;

  std::uint32_t arity_;
  std::size_t size_ = 0;
  std::vector<std::unique_ptr<Datum[]>> blocks_;
  std::uint32_t first_block_rows_ = 0;  // capacity of blocks_[0], in rows
  // Every row once, unless set_stale_ (append_batch): then it is rebuilt before its next
  // use, which is why both are mutable (a const lookup may rebuild it).
  mutable KeyTable set_;
  mutable bool set_stale_ = false;
  std::vector<std::unique_ptr<HashIndex>> indexes_;
};

}  // namespace writ::query::eval
