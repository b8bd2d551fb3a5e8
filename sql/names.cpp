#include "names.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace writ::sql {

namespace {

// PostgreSQL's reserved key words, and those that may name a function or type but not a
// table or an alias (its documentation, appendix "SQL Key Words").
constexpr std::string_view reserved[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both",
    "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
    "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
    "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch",
    "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
    "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
    "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer",
    "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar",
    "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user",
    "using", "variadic", "verbose", "when", "where", "window", "with"};

bool plain(std::string_view name) {
  if (name.empty() || name.size() > max_identifier_bytes) return false;
  if (!((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return std::find(std::begin(reserved), std::end(reserved), name) == std::end(reserved);
}

// FNV-1a, 32 bits: a stable short fingerprint of a long name.
std::uint32_t fingerprint(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::string hex8(std::uint32_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 15];
  return out;
}

}  // namespace

std::string identifier(std::string_view name) {
  if (plain(name)) return std::string(name);
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string relation_table(const query::PredicateId& p, std::string_view suffix) {
  const std::string tail = "_" + std::to_string(p.arity) + std::string(suffix);
  std::string name = p.name + tail;
  if (name.size() <= max_identifier_bytes) return name;
  // Predicate names are ASCII (letters, digits, `_`), so a byte prefix is a prefix of
  // characters. The hash is of the whole name, so two long names that share the prefix
  // still differ; the work tables of one relation keep its prefix and hash.
  const std::string hash = "_" + hex8(fingerprint(p.name));
  const auto keep = max_identifier_bytes - hash.size() - tail.size();
  return p.name.substr(0, keep) + hash + tail;
}

std::vector<std::string> relation_columns(std::uint32_t arity) {
  if (arity == 0) return {"holds"};
  std::vector<std::string> columns;
  for (std::uint32_t i = 1; i <= arity; ++i) columns.push_back("a" + std::to_string(i));
  return columns;
}

std::string Aliases::take(std::string_view stem) {
  std::string base;
  for (const char c : stem.substr(0, 40)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') base += c;
    else if (c >= 'A' && c <= 'Z') base += static_cast<char>(c - 'A' + 'a');
    else if (c == '-') base += "neg_";
  }
  if (base.empty() || (base[0] >= '0' && base[0] <= '9')) base = "t" + base;
  if (!plain(base)) base += "_";
  std::string name = base;
  for (int n = 2; std::find(taken_.begin(), taken_.end(), name) != taken_.end(); ++n) name = base + "_" + std::to_string(n);
  taken_.push_back(name);
  return name;
}

}  // namespace writ::sql
