// Store::verify: `writ check --db`. SQLite's quick_check finds damaged pages; this finds
// rows that SQLite holds well but writ would read wrong (a store edited by hand or by
// another tool): values of a storage class or syntax no writ value has, a catalogue whose
// arity disagrees with its table, transaction numbers that no transaction has.
#include <algorithm>
#include <set>

#include "grammar/csv.hpp"
#include "grammar/utf8.hpp"
#include "kb/store/store.hpp"
#include "query/literals.hpp"

namespace writ::kb::store {

namespace {

// More rejected rows than this are counted, not listed.
constexpr std::size_t max_listed = 20;

// Why a fact's value, as SQLite holds it, is no writ value; empty when it is one. `shown`
// is SQLite's quote() of it.
std::string bad_value(const Statement& s, int index, std::string_view shown) {
  const std::string as_written(shown);
  switch (s.column_type(index)) {
    case Statement::Type::Integer: return {};
    case Statement::Type::Text: {
      // Symbols are TEXT; integers INTEGER and strings BLOB, so TEXT must read as a symbol.
      const auto text = s.column_text(index);
      if (grammar::is_symbol_text(text)) return {};
      const auto digits = text.substr(text.starts_with('-') ? 1 : 0);
      const bool integer = !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                                           [](char c) { return c >= '0' && c <= '9'; });
      return "TEXT " + as_written + " is not a symbol" +
             (integer ? " (an integer is stored as INTEGER)" : " (a string is stored as a BLOB)");
    }
    case Statement::Type::Blob: {
      const auto blob = s.column_blob(index);
      if (!blob.empty() && blob.front() == '\0') {
        if (query::parse_quantity_literal(blob.substr(1))) return {};
        return "BLOB " + as_written + " is no date, duration or money";
      }
      for (std::size_t i = 0; i < blob.size();) {
        if (blob[i] == '\0') return "BLOB " + as_written + " holds a NUL byte, which no string holds";
        const auto n = grammar::utf8_sequence(blob, i);
        if (n == 0) return "BLOB " + as_written + " is not UTF-8 text";
        i += n;
      }
      return {};
    }
    case Statement::Type::Float: return "REAL " + as_written + " is no writ value";
    case Statement::Type::Null: return "NULL is no writ value";
  }
  return "an unknown storage class";
}

// Why a row's transaction numbers are wrong (columns `added` and `added + 1`, the latter
// only when `retracted`); empty when they are right.
std::string bad_transactions(const Statement& s, int added, bool retracted, std::int64_t last) {
  if (s.column_type(added) != Statement::Type::Integer) return "tx_added: not a transaction number";
  const auto tx = s.column_int(added);
  if (tx < 1 || tx > last)
    return "tx_added: " + std::to_string(tx) + " is no transaction (the log has 1 to " + std::to_string(last) + ")";
  if (!retracted) return {};
  switch (s.column_type(added + 1)) {
    case Statement::Type::Null: return {};
    case Statement::Type::Integer: break;
    default: return "tx_retracted: not a transaction number";
  }
  const auto gone = s.column_int(added + 1);
  if (gone < 1 || gone > last)
    return "tx_retracted: " + std::to_string(gone) + " is no transaction (the log has 1 to " + std::to_string(last) +
           ")";
  if (gone <= tx)
    return "tx_retracted: " + std::to_string(gone) + " is not after tx_added " + std::to_string(tx);
  return {};
}

}  // namespace

StoreStatus Store::verify(const Visible& visible, std::int64_t& facts, std::vector<std::string>& rejected) {
  facts = 0;
  rejected.clear();
  Statement s;
  if (auto e = db_.prepare("PRAGMA quick_check", s)) return fail("read", *e);
  std::string problems;
  Step step;
  int shown = 0;
  while ((step = s.step()) == Step::Row) {
    const std::string line(s.column_text(0));
    if (line == "ok") continue;
    if (shown++ < 3) problems += (problems.empty() ? "" : "; ") + line;
  }
  if (step == Step::Error) return fail("read", s.error());
  if (!problems.empty()) return StoreError{"store '" + path_ + "' is damaged: " + problems};

  // One snapshot: a writer committing meanwhile is seen whole or not at all.
  Transaction t;
  if (auto e = t.begin(db_, Transaction::Kind::Deferred)) return fail("read", *e);
  std::int64_t last = 0;
  if (auto e = db_.query_int("SELECT coalesce(max(id), 0) FROM transactions", last)) return fail("read", *e);
  std::size_t more = 0;
  auto reject = [&](std::string_view table, std::int64_t rowid, const std::string& why) {
    if (rejected.size() == max_listed) {
      ++more;
      return;
    }
    rejected.push_back("store '" + path_ + "' is damaged: table " + std::string(table) + ", rowid " +
                       std::to_string(rowid) + ": " + why);
  };
  // The statements, sources and facts each carry the transaction that added them.
  auto check_log = [&](std::string_view table, bool retracted) -> StoreStatus {
    const std::string columns = retracted ? "tx_added, tx_retracted" : "tx";
    if (auto e = db_.prepare("SELECT rowid, " + columns + " FROM " + std::string(table) + " ORDER BY rowid", s))
      return fail("read", *e);
    while ((step = s.step()) == Step::Row)
      if (auto why = bad_transactions(s, 1, retracted, last); !why.empty()) {
        if (!retracted) why.replace(0, 8, "tx");  // the column of sources is `tx`, not `tx_added`
        reject(table, s.column_int(0), why);
      }
    if (step == Step::Error) return fail("read", s.error());
    return std::nullopt;
  };
  if (auto e = check_log("statements", true)) return e;
  if (auto e = check_log("sources", false)) return e;

  // The catalogue, with its rowids (`fact_tables` drops them).
  struct Catalogued {
    std::int64_t rowid;
    FactTable table;
  };
  std::vector<Catalogued> catalogue;
  if (auto e = db_.prepare("SELECT id, name, arity, table_name FROM predicates ORDER BY id", s)) return fail("read", *e);
  while ((step = s.step()) == Step::Row) {
    if (s.column_type(2) != Statement::Type::Integer || s.column_int(2) < 0) {
      reject("predicates", s.column_int(0), "arity: not a number of arguments");
      continue;
    }
    catalogue.push_back(Catalogued{s.column_int(0), FactTable{query::PredicateId{std::string(s.column_text(1)),
                                                                                 static_cast<std::uint32_t>(s.column_int(2))},
                                                              std::string(s.column_text(3))}});
  }
  if (step == Step::Error) return fail("read", s.error());

  for (const auto& [catalogue_row, table] : catalogue) {
    // The table's value columns must be exactly a1..aN for the catalogue's arity N: with
    // fewer or more, every fact would be read with a column dropped or missing.
    if (auto e = db_.prepare("SELECT name FROM pragma_table_info(?1)", s)) return fail("read", *e);
    s.bind_text(1, table.table);
    std::set<std::string> columns;
    while ((step = s.step()) == Step::Row) columns.emplace(s.column_text(0));
    if (step == Step::Error) return fail("read", s.error());
    if (columns.empty()) {
      reject("predicates", catalogue_row, "table_name: " + table.table + " is missing");
      continue;
    }
    std::uint32_t values = 0;
    while (columns.count("a" + std::to_string(values + 1))) ++values;
    if (values != table.predicate.arity) {
      reject("predicates", catalogue_row,
             "arity: " + table.predicate.name + "/" + std::to_string(table.predicate.arity) + ", but its table " +
                 table.table + " has " + std::to_string(values) + (values == 1 ? " value column" : " value columns"));
      continue;
    }
    const auto arity = static_cast<int>(table.predicate.arity);
    std::string sql = "SELECT rowid, tx_added, tx_retracted";
    for (int i = 1; i <= arity; ++i) sql += ", a" + std::to_string(i);
    for (int i = 1; i <= arity; ++i) sql += ", quote(a" + std::to_string(i) + ")";
    sql += " FROM " + quote_identifier(table.table) + " ORDER BY rowid";
    if (auto e = db_.prepare(sql, s)) return fail("read", *e);
    while ((step = s.step()) == Step::Row) {
      const auto rowid = s.column_int(0);
      if (auto why = bad_transactions(s, 1, true, last); !why.empty()) reject(table.table, rowid, why);
      for (int i = 0; i < arity; ++i)
        if (auto why = bad_value(s, 3 + i, s.column_text(3 + arity + i)); !why.empty())
          reject(table.table, rowid, "a" + std::to_string(i + 1) + ": " + why);
    }
    if (step == Step::Error) return fail("read", s.error());
    // The facts that stand, counted as a question reads them.
    std::int64_t standing = 0;
    if (auto e = count_facts(table, visible, standing)) return e;
    facts += standing;
  }
  if (more > 0)
    rejected.push_back("store '" + path_ + "' is damaged: " + std::to_string(more) + " more rows rejected");
  s = Statement{};
  if (auto e = t.commit()) return fail("read", *e);
  return std::nullopt;
}

}  // namespace writ::kb::store
