// Store::materialize: derived relations written as plain tables that any SQLite client
// reads (`sqlite3 case.db 'select * from could_breach'`). docs/store.md, "Materialized
// relations", is the user's description of what is written here.
#include <algorithm>
#include <cctype>

#include "kb/store/store.hpp"

namespace writ::kb::store {

namespace {

// Created by the first materialize of a store (older stores have neither): additive, so
// the schema version stays 1, and an older writ that writes the store keeps `stale` right
// because it is computed, not stored.
constexpr std::string_view create_materialized = R"sql(
CREATE TABLE IF NOT EXISTS materializations (
  table_name TEXT PRIMARY KEY COLLATE NOCASE,
  predicate  TEXT NOT NULL,
  arity      INTEGER NOT NULL,
  tx         INTEGER NOT NULL,
  time       TEXT NOT NULL,
  rows       INTEGER NOT NULL,
  UNIQUE (predicate, arity)
);
CREATE VIEW IF NOT EXISTS materialized AS
  SELECT predicate, arity, table_name, tx, time, rows,
         tx < (SELECT coalesce(max(id), 0) FROM transactions) AS stale
  FROM materializations;
)sql";

std::string lowercase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Names a materialized table must not take: writ's own tables.
bool reserved(std::string_view name) {
  const std::string n = lowercase(name);
  for (std::string_view own : {"transactions", "sources", "statements", "predicates", "materializations",
                               "materialized", "documents"})
    if (n == own) return true;
  return false;
}

// The prefixes of fact tables and of SQLite's own: a predicate named so gets `rel_` first.
bool reserved_prefix(std::string_view name) {
  const std::string n = lowercase(name);
  return n.starts_with("facts_") || n.starts_with("sqlite_");
}

}  // namespace

// The table of a predicate: the one it was given before, else its name (`-p` gives `_p`),
// else `<name>_<arity>` when the name is writ's or taken (by another arity, by a table
// of another tool), else that with a number. `rel_` goes before a name that starts as
// fact tables (`facts_`) or SQLite's tables (`sqlite_`) do.
StoreStatus Store::materialized_table(const query::PredicateId& p, std::string& table) {
  if (auto e = catalogued_table("SELECT table_name FROM materializations WHERE predicate = ?1 AND arity = ?2", p,
                                table))
    return e;
  if (!table.empty()) return std::nullopt;
  std::string name = p.name.starts_with("-") ? "_" + p.name.substr(1) : p.name;
  if (reserved_prefix(name)) name = "rel_" + name;
  const std::string with_arity = name + "_" + std::to_string(p.arity);
  return free_table_name(
      [&](int n) {
        const std::string candidate = n == 0 ? name : n == 1 ? with_arity : with_arity + "_" + std::to_string(n);
        return reserved(candidate) ? std::string() : candidate;
      },
      table);
}

StoreStatus Store::materialize(const std::vector<MaterializedRelation>& relations,
                               std::vector<MaterializedTable>& out) {
  if (read_only_) return StoreError{"cannot write to store '" + path_ + "': it was opened read-only"};
  if (db_.read_only()) return StoreError{"cannot write to store '" + path_ + "': the file is read-only"};
  Transaction t;
  if (auto e = t.begin(db_, Transaction::Kind::Immediate)) return fail("write to", *e);
  if (auto e = db_.exec(create_materialized)) return fail("write to", *e);

  for (const auto& r : relations) {
    std::string table;
    if (auto e = materialized_table(r.predicate, table)) return e;
    // A column is declared INTEGER when every value in it is an integer, else TEXT:
    // what another tool's schema reader expects. Symbols and strings are both TEXT here;
    // the fact tables keep them apart (docs/store.md). Dates, durations and money are
    // their source text (`2026-03-01` sorts as dates do; `$12.50`).
    std::vector<bool> integer(r.predicate.arity, true);
    for (const auto& row : *r.rows)
      for (std::size_t i = 0; i < row.size(); ++i)
        if (row[i].kind != query::ValueKind::Integer) integer[i] = false;
    std::string ddl = "CREATE TABLE " + quote_identifier(table) + " (";
    std::string insert = "INSERT INTO " + quote_identifier(table) + " VALUES (";
    for (std::uint32_t i = 0; i < r.predicate.arity; ++i) {
      ddl += (i ? ", a" : "a") + std::to_string(i + 1) + (integer[i] ? " INTEGER" : " TEXT");
      insert += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    if (r.statuses) {
      ddl += std::string(r.predicate.arity ? ", " : "") + "status TEXT NOT NULL";
      insert += std::string(r.predicate.arity ? ", " : "") + "?" + std::to_string(r.predicate.arity + 1);
    }
    if (r.predicate.arity == 0 && !r.statuses) ddl += "holds INTEGER NOT NULL DEFAULT 1";
    if (r.predicate.arity == 0 && !r.statuses) insert += "1";
    ddl += ")";
    insert += ")";
    if (auto e = db_.exec("DROP TABLE IF EXISTS " + quote_identifier(table))) return fail("write to", *e);
    if (auto e = db_.exec(ddl)) return fail("write to", *e);
    Statement s;
    if (auto e = db_.prepare(insert, s)) return fail("write to", *e);
    for (std::size_t row = 0; row < r.rows->size(); ++row) {
      const auto& values = (*r.rows)[row];
      for (std::size_t i = 0; i < values.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (values[i].kind == query::ValueKind::Integer) s.bind_int(index, values[i].integer);
        else if (values[i].is_quantity_kind()) s.bind_text(index, query::to_source(values[i]));
        else s.bind_text(index, values[i].text);
      }
      if (r.statuses) s.bind_text(static_cast<int>(values.size()) + 1, (*r.statuses)[row]);
      if (auto e = s.run()) return fail("write to", *e);
      s.reset();
    }
    if (auto e = db_.prepare("INSERT OR REPLACE INTO materializations (table_name, predicate, arity, tx, time, rows) "
                             "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?5)",
                             s))
      return fail("write to", *e);
    s.bind_text(1, table);
    s.bind_text(2, r.predicate.name);
    s.bind_int(3, r.predicate.arity);
    s.bind_int(4, seen_);
    s.bind_int(5, static_cast<std::int64_t>(r.rows->size()));
    if (auto e = s.run()) return fail("write to", *e);
    out.push_back(MaterializedTable{table, static_cast<std::int64_t>(r.rows->size())});
  }
  if (auto e = t.commit()) return fail("write to", *e);
  return std::nullopt;
}

}  // namespace writ::kb::store
