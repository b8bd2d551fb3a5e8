// The evaluator's value: one 64-bit word, with symbols, strings and boxed values (large integers,
// dates, durations, money) interned.
//
// Equal values have equal words (the encoding is canonical), so joins, hashing and
// deduplication compare words only. The top two bits are the kind:
//   00  small integer: a signed 62-bit value in the low bits
//   01  boxed:         an index into Interner's table of boxed values: integers outside
//                      that range, dates, durations and amounts of money, each interned
//   10  symbol:        an index into the symbol table
//   11  string:        an index into the string table
// Ordering across kinds follows query::compare (integers < symbols < strings < dates <
// durations < money); within symbols and strings it needs the text, and a boxed value's
// kind is in its table entry, so Interner::compare does it. One table for every boxed kind
// keeps the indexes of kind 01 dense (value_order.hpp ranks values by index).
#pragma once

#include <compare>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/value.hpp"

namespace writ::query::eval {

using Datum = std::uint64_t;

inline constexpr std::uint64_t kind_shift = 62;
inline constexpr std::uint64_t payload_mask = (std::uint64_t{1} << kind_shift) - 1;
inline constexpr std::int64_t small_min = -(std::int64_t{1} << 61);
inline constexpr std::int64_t small_max = (std::int64_t{1} << 61) - 1;

enum class DatumKind : std::uint8_t { SmallInt = 0, Boxed = 1, Symbol = 2, String = 3 };

inline DatumKind kind_of(Datum d) { return static_cast<DatumKind>(d >> kind_shift); }
inline bool is_small_int(Datum d) { return kind_of(d) == DatumKind::SmallInt; }
inline Datum make_small_int(std::int64_t v) { return static_cast<std::uint64_t>(v) & payload_mask; }
inline std::int64_t small_int_value(Datum d) {
  // Sign-extend the 62-bit payload.
  return static_cast<std::int64_t>(d << 2) >> 2;
}

// Mixes a word into a hash (a variant of the splitmix64 finaliser).
inline std::uint64_t mix(std::uint64_t h, std::uint64_t x) {
  h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return h;
}

class Interner {
 public:
  Datum integer(std::int64_t v);
  Datum symbol(std::string_view name);
  Datum string(std::string_view text);
  Datum intern(const Value& v);
  // The value's datum when it has been interned; small integers always have one.
  std::optional<Datum> find(const Value& v) const;

  bool is_integer(Datum d) const {
    return is_small_int(d) || (kind_of(d) == DatumKind::Boxed && boxed_[d & payload_mask].kind == ValueKind::Integer);
  }
  // A date, a duration or an amount of money (see query/arithmetic.hpp).
  bool is_quantity(Datum d) const {
    return kind_of(d) == DatumKind::Boxed && boxed_[d & payload_mask].kind != ValueKind::Integer;
  }
  ValueKind value_kind(Datum d) const;
  std::int64_t integer_value(Datum d) const;  // precondition: is_integer(d)
  const std::string& text(Datum d) const;     // symbol name or string contents

  Value value(Datum d) const;
  // Bytes held for the interned values (an estimate of the hash tables' nodes included),
  // counted against Limits::max_memory.
  std::size_t memory() const;
  // The value order; small integers are compared inline, the common case in sorting.
  std::strong_ordering compare(Datum a, Datum b) const {
    if (is_small_int(a) && is_small_int(b)) return small_int_value(a) <=> small_int_value(b);
    return compare_slow(a, b);
  }

 private:
  std::strong_ordering compare_slow(Datum a, Datum b) const;
  Datum intern_text(std::unordered_map<std::string, std::uint32_t>& map, std::vector<const std::string*>& list,
                    std::string_view s, DatumKind kind);

  std::unordered_map<std::string, std::uint32_t> symbol_ids_;
  std::vector<const std::string*> symbols_;  // points into symbol_ids_' keys (stable)
  std::unordered_map<std::string, std::uint32_t> string_ids_;
  std::vector<const std::string*> strings_;
  // Boxed values: large integers (unit empty), dates (unit empty), durations and money.
  struct Boxed {
    ValueKind kind = ValueKind::Integer;
    std::int64_t number = 0;
    std::string unit;
    bool operator==(const Boxed&) const = default;
  };
  struct BoxedHash {
    std::size_t operator()(const Boxed& b) const {
      return mix(mix(static_cast<std::uint64_t>(b.kind), static_cast<std::uint64_t>(b.number)),
                 std::hash<std::string>()(b.unit));
    }
  };
  Datum box(Boxed b);
  std::unordered_map<Boxed, std::uint32_t, BoxedHash> boxed_ids_;
  std::vector<Boxed> boxed_;
  std::size_t text_bytes_ = 0;  // the interned symbols' and strings' characters
};

}  // namespace writ::query::eval
