#include "datum.hpp"

namespace writ::query::eval {

namespace {
Datum tagged(DatumKind kind, std::uint64_t index) {
  return (static_cast<std::uint64_t>(kind) << kind_shift) | index;
}
}  // namespace

Datum Interner::box(Boxed b) {
  auto [it, inserted] = boxed_ids_.try_emplace(b, static_cast<std::uint32_t>(boxed_.size()));
  if (inserted) boxed_.push_back(std::move(b));
  return tagged(DatumKind::Boxed, it->second);
}

Datum Interner::integer(std::int64_t v) {
  if (v >= small_min && v <= small_max) return make_small_int(v);
  return box(Boxed{ValueKind::Integer, v, {}});
}

Datum Interner::intern_text(std::unordered_map<std::string, std::uint32_t>& map,
                            std::vector<const std::string*>& list, std::string_view s, DatumKind kind) {
  auto [it, inserted] = map.try_emplace(std::string(s), static_cast<std::uint32_t>(list.size()));
  if (inserted) {
    list.push_back(&it->first);
    text_bytes_ += it->first.capacity();
  }
  return tagged(kind, it->second);
}

std::size_t Interner::memory() const {
  // A hash table node: the key, the id, the next pointer and the bucket, about 64 bytes.
  constexpr std::size_t node = 64;
  return text_bytes_ + (symbol_ids_.size() + string_ids_.size() + boxed_ids_.size()) * node +
         (symbols_.capacity() + strings_.capacity()) * sizeof(const std::string*) + boxed_.capacity() * sizeof(Boxed);
}

Datum Interner::symbol(std::string_view name) { return intern_text(symbol_ids_, symbols_, name, DatumKind::Symbol); }
Datum Interner::string(std::string_view text) { return intern_text(string_ids_, strings_, text, DatumKind::String); }

Datum Interner::intern(const Value& v) {
  switch (v.kind) {
    case ValueKind::Integer: return integer(v.integer);
    case ValueKind::Symbol: return symbol(v.text);
    case ValueKind::String: return string(v.text);
    case ValueKind::Date:
    case ValueKind::Duration:
    case ValueKind::Money: return box(Boxed{v.kind, v.integer, v.text});
  }
  return 0;
}

std::optional<Datum> Interner::find(const Value& v) const {
  switch (v.kind) {
    case ValueKind::Integer:
    case ValueKind::Date:
    case ValueKind::Duration:
    case ValueKind::Money: {
      if (v.kind == ValueKind::Integer && v.integer >= small_min && v.integer <= small_max)
        return make_small_int(v.integer);
      const auto it = boxed_ids_.find(Boxed{v.kind, v.integer, v.text});
      if (it == boxed_ids_.end()) return std::nullopt;
      return tagged(DatumKind::Boxed, it->second);
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
  return is_small_int(d) ? small_int_value(d) : boxed_[d & payload_mask].number;
}

ValueKind Interner::value_kind(Datum d) const {
  switch (kind_of(d)) {
    case DatumKind::SmallInt: return ValueKind::Integer;
    case DatumKind::Boxed: return boxed_[d & payload_mask].kind;
    case DatumKind::Symbol: return ValueKind::Symbol;
    case DatumKind::String: return ValueKind::String;
  }
  return ValueKind::Integer;
}

const std::string& Interner::text(Datum d) const {
  return kind_of(d) == DatumKind::Symbol ? *symbols_[d & payload_mask] : *strings_[d & payload_mask];
}

Value Interner::value(Datum d) const {
  switch (kind_of(d)) {
    case DatumKind::SmallInt: return Value::make_integer(small_int_value(d));
    case DatumKind::Boxed: {
      const Boxed& b = boxed_[d & payload_mask];
      return Value{b.kind, b.number, b.unit};
    }
    case DatumKind::Symbol: return Value::make_symbol(text(d));
    case DatumKind::String: return Value::make_string(text(d));
  }
  return {};
}

std::strong_ordering Interner::compare_slow(Datum a, Datum b) const {
  if (a == b) return std::strong_ordering::equal;
  const ValueKind ak = value_kind(a);
  const ValueKind bk = value_kind(b);
  if (ak != bk) return ak <=> bk;
  switch (ak) {
    case ValueKind::Integer: return integer_value(a) <=> integer_value(b);
    case ValueKind::Symbol:
    case ValueKind::String: return compare_bytes(text(a), text(b));
    case ValueKind::Date:
    case ValueKind::Duration:
    case ValueKind::Money: {
      const Boxed& x = boxed_[a & payload_mask];
      const Boxed& y = boxed_[b & payload_mask];
      const auto unit = compare_bytes(x.unit, y.unit);
      return unit != 0 ? unit : x.number <=> y.number;
    }
  }
  return std::strong_ordering::equal;
}

}  // namespace writ::query::eval
