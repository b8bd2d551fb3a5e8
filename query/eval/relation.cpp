#include "relation.hpp"

#include <bit>
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

std::uint64_t KeyTable::hash(const Datum* values, const std::uint32_t* cols) const {
  std::uint64_t h = 0x243f6a8885a308d3ULL;
  for (std::size_t i = 0; i < columns_.size(); ++i) h = mix(h, values[cols ? cols[i] : i]);
  return h;
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
  for (std::size_t i = hash(probe, probe_is_tuple ? columns_.data() : nullptr) & mask;; i = (i + 1) & mask) {
    const RowId r = slots_[i];
    if (r == no_row) return no_row;
    if (equal(rel, r, probe, probe_is_tuple)) return r;
  }
}

RowId KeyTable::put(const Relation& rel, RowId row) {
  if ((used_ + 1) * 2 > slots_.size()) grow(rel);
  const std::size_t mask = slots_.size() - 1;
  const Datum* tuple = rel.row(row);
  for (std::size_t i = hash(tuple, columns_.data()) & mask;; i = (i + 1) & mask) {
    const RowId r = slots_[i];
    if (r == no_row) {
      slots_[i] = row;
      ++used_;
      return no_row;
    }
    if (equal(rel, r, tuple, true)) {
      slots_[i] = row;
      return r;
    }
  }
}

void KeyTable::grow(const Relation& rel) {
  std::vector<RowId> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, no_row);
  const std::size_t mask = slots_.size() - 1;
  for (const RowId r : old) {
    if (r == no_row) continue;
    std::size_t i = hash(rel.row(r), columns_.data()) & mask;
    while (slots_[i] != no_row) i = (i + 1) & mask;
    slots_[i] = r;
  }
}

HashIndex::HashIndex(const Relation& rel, ColumnMask mask) : mask_(mask), table_(columns_of(mask)) {
  next_.reserve(rel.size());
  for (RowId r = 0; r < rel.size(); ++r) add(rel, r);
}

void HashIndex::add(const Relation& rel, RowId row) {
  next_.resize(static_cast<std::size_t>(row) + 1, no_row);
  next_[row] = table_.put(rel, row);
}

Relation::Relation(std::uint32_t arity) : arity_(arity), set_(all_columns(arity)) {}

bool Relation::insert(const Datum* tuple) {
  if (arity_ == 0) {
    if (size_ > 0) return false;
    size_ = 1;
    return true;
  }
  if (set_.find(*this, tuple, true) != no_row) return false;
  data_.insert(data_.end(), tuple, tuple + arity_);
  const auto row = static_cast<RowId>(size_++);
  set_.put(*this, row);
  for (auto& index : indexes_) index->add(*this, row);
  return true;
}

bool Relation::contains(const Datum* tuple) const {
  if (arity_ == 0) return size_ > 0;
  return set_.find(*this, tuple, true) != no_row;
}

const HashIndex& Relation::index(ColumnMask mask) {
  for (const auto& index : indexes_)
    if (index->mask() == mask) return *index;
  indexes_.push_back(std::make_unique<HashIndex>(*this, mask));
  return *indexes_.back();
}

std::size_t Relation::memory() const {
  std::size_t bytes = data_.capacity() * sizeof(Datum) + set_.memory();
  for (const auto& index : indexes_) bytes += index->memory();
  return bytes;
}

}  // namespace writ::query::eval
