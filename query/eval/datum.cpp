#include "datum.hpp"

namespace writ::query::eval {

namespace {
Datum tagged(DatumKind kind, std::uint64_t index) {
  return (static_cast<std::uint64_t>(kind) << kind_shift) | index;
}
}  // namespace

Datum Interner::integer(std::int64_t v) {
  if (v >= small_min && v <= small_max) return make_small_int(v);
  auto [it, inserted] = big_ids_.try_emplace(v, static_cast<std::uint32_t>(bigs_.size()));
  if (inserted) bigs_.push_back(v);
  return tagged(DatumKind::BigInt, it->second);
}

Datum Interner::intern_text(std::unordered_map<std::string, std::uint32_t>& map,
                            std::vector<const std::string*>& list, std::string_view s, DatumKind kind) {
  auto [it, inserted] = map.try_emplace(std::string(s), static_cast<std::uint32_t>(list.size()));
  if (inserted) list.push_back(&it->first);
  return tagged(kind, it->second);
}

Datum Interner::symbol(std::string_view name) { return intern_text(symbol_ids_, symbols_, name, DatumKind::Symbol); }
Datum Interner::string(std::string_view text) { return intern_text(string_ids_, strings_, text, DatumKind::String); }

Datum Interner::intern(const Value& v) {
  switch (v.kind) {
    case ValueKind::Integer: return integer(v.integer);
    case ValueKind::Symbol: return symbol(v.text);
    case ValueKind::String: return string(v.text);
  }
  return 0;
}

std::optional<Datum> Interner::find(const Value& v) const {
  switch (v.kind) {
    case ValueKind::Integer: {
      if (v.integer >= small_min && v.integer <= small_max) return make_small_int(v.integer);
      const auto it = big_ids_.find(v.integer);
      if (it == big_ids_.end()) return std::nullopt;
      return tagged(DatumKind::BigInt, it->second);
    }
    case ValueKind::Symbol:
    case ValueKind::String: {
      const auto& ids = v.kind == ValueKind::Symbol ? symbol_ids_ : string_ids_;
      const auto it = ids.find(v.text);
      if (it == ids.end()) return std::nullopt;
      return tagged(v.kind == ValueKind::Symbol ? DatumKind::Symbol : DatumKind::String, it->second);
    }
  }
  return std::nullopt;
}

std::int64_t Interner::integer_value(Datum d) const {
  return is_small_int(d) ? small_int_value(d) : bigs_[d & payload_mask];
}

const std::string& Interner::text(Datum d) const {
  return kind_of(d) == DatumKind::Symbol ? *symbols_[d & payload_mask] : *strings_[d & payload_mask];
}

Value Interner::value(Datum d) const {
  switch (kind_of(d)) {
    case DatumKind::SmallInt:
    case DatumKind::BigInt: return Value::make_integer(integer_value(d));
    case DatumKind::Symbol: return Value::make_symbol(text(d));
    case DatumKind::String: return Value::make_string(text(d));
  }
  return {};
}

std::strong_ordering Interner::compare_slow(Datum a, Datum b) const {
  if (a == b) return std::strong_ordering::equal;
  const bool ai = is_integer(a);
  const bool bi = is_integer(b);
  if (ai && bi) return integer_value(a) <=> integer_value(b);
  if (ai != bi) return ai ? std::strong_ordering::less : std::strong_ordering::greater;
  if (kind_of(a) != kind_of(b)) return kind_of(a) <=> kind_of(b);
  return compare_bytes(text(a), text(b));
}

}  // namespace writ::query::eval
