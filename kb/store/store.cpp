#include "kb/store/store.hpp"

#include "query/literals.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

namespace writ::kb::store {

namespace {

// The schema of a new store (version 1). docs/store.md explains each table.
constexpr std::string_view create_tables = R"sql(
CREATE TABLE transactions (
  id          INTEGER PRIMARY KEY,
  time        TEXT NOT NULL,
  description TEXT NOT NULL,
  added       INTEGER NOT NULL DEFAULT 0,
  removed     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sources (
  id   INTEGER PRIMARY KEY,
  tx   INTEGER NOT NULL REFERENCES transactions (id),
  name TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE TABLE statements (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  text         TEXT NOT NULL,
  source       INTEGER NOT NULL REFERENCES sources (id),
  line         INTEGER NOT NULL,
  col          INTEGER NOT NULL,
  pos          INTEGER NOT NULL,
  tx_added     INTEGER NOT NULL REFERENCES transactions (id),
  tx_retracted INTEGER REFERENCES transactions (id)
);
CREATE TABLE predicates (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  arity      INTEGER NOT NULL,
  table_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  UNIQUE (name, arity)
);
)sql";

constexpr std::int64_t now_and_always = std::numeric_limits<std::int64_t>::max();

const char* kind_name(const query::Rule& r) {
  switch (r.kind) {
    case query::RuleKind::Strict: return r.is_fact() ? "fact" : "rule";
    case query::RuleKind::Defeasible: return "defeasible";
    case query::RuleKind::Defeater: return "defeater";
    case query::RuleKind::Claim: return "claim";
  }
  return "rule";
}

// A date, duration or amount of money: a BLOB of a NUL byte and the value's source text
// (`2026-03-01`, `1y6mo`, `$12.50`). Strings never hold NUL, so the first byte tells them
// apart; the text is canonical, so equal values are equal BLOBs (lookups by value work).
constexpr char quantity_tag = '\0';

void bind_value(Statement& s, int index, const query::Value& v) {
  switch (v.kind) {
    case query::ValueKind::Integer: s.bind_int(index, v.integer); break;
    case query::ValueKind::Symbol: s.bind_text(index, v.text); break;
    case query::ValueKind::String: s.bind_blob(index, v.text); break;
    case query::ValueKind::Date:
    case query::ValueKind::Duration:
    case query::ValueKind::Money: s.bind_blob(index, std::string(1, quantity_tag) + query::to_source(v)); break;
  }
}

// Integers are INTEGER, symbols TEXT and strings BLOB (UTF-8): the storage class alone
// tells the three kinds apart, with no extra column; the other kinds are tagged BLOBs.
bool read_value(const Statement& s, int index, query::Value& v) {
  switch (s.column_type(index)) {
    case Statement::Type::Integer:
      v.kind = query::ValueKind::Integer;
      v.integer = s.column_int(index);
      v.text.clear();
      return true;
    case Statement::Type::Text:
      v.kind = query::ValueKind::Symbol;
      v.integer = 0;
      v.text.assign(s.column_text(index));
      return true;
    case Statement::Type::Blob: {
      const std::string_view blob = s.column_blob(index);
      if (!blob.empty() && blob[0] == quantity_tag) {
        auto parsed = query::parse_quantity_literal(blob.substr(1));
        if (!parsed) return false;
        v = std::move(*parsed);
        return true;
      }
      v.kind = query::ValueKind::String;
      v.integer = 0;
      v.text.assign(blob);
      return true;
    }
    case Statement::Type::Float:
    case Statement::Type::Null: break;
  }
  return false;
}

std::uint32_t to_u32(std::int64_t v) {
  return v < 0 ? 0 : v > std::numeric_limits<std::uint32_t>::max() ? std::numeric_limits<std::uint32_t>::max()
                                                                    : static_cast<std::uint32_t>(v);
}

// What the first bytes of an existing file say about it.
enum class FileKind { Missing, Empty, Sqlite, Other, NotAFile };

FileKind file_kind(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return FileKind::Missing;
  // Only a regular file can hold a store: opening a FIFO would wait for a writer for ever,
  // and a directory or a device is no database.
  if (!std::filesystem::is_regular_file(status)) return FileKind::NotAFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileKind::Other;  // unreadable: let SQLite give its message
  char header[16] = {};
  in.read(header, sizeof header);
  const auto n = in.gcount();
  if (n == 0) return FileKind::Empty;
  static constexpr char magic[16] = "SQLite format 3";  // with its final NUL: 16 bytes
  if (n == sizeof header && std::memcmp(header, magic, sizeof header) == 0) return FileKind::Sqlite;
  return FileKind::Other;
}

// What a path that is not a regular file is, for a message.
std::string not_a_file(const std::string& path) {
  std::error_code ec;
  switch (std::filesystem::status(path, ec).type()) {
    case std::filesystem::file_type::directory: return "a directory";
    case std::filesystem::file_type::fifo: return "a FIFO";
    case std::filesystem::file_type::socket: return "a socket";
    case std::filesystem::file_type::character: return "a character device";
    case std::filesystem::file_type::block: return "a block device";
    default: return "a special file";
  }
}

}  // namespace

bool is_plain_fact(const query::Rule& rule) {
  if (!rule.is_fact() || rule.label || rule.citation) return false;
  for (const auto& t : rule.head.args)
    if (t.kind != query::Term::Kind::Constant) return false;
  return true;
}

bool same_statement_text(std::string_view a, std::string_view b) {
  // Walks both texts, skipping blanks outside string literals.
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::size_t i = 0, j = 0;
  bool in_string = false;
  while (true) {
    if (!in_string) {
      while (i < a.size() && blank(a[i])) ++i;
      while (j < b.size() && blank(b[j])) ++j;
    }
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i] != b[j]) return false;
    if (a[i] == '"') {
      in_string = !in_string;
    } else if (in_string && a[i] == '\\' && i + 1 < a.size() && j + 1 < b.size()) {
      if (a[i + 1] != b[j + 1]) return false;
      ++i;
      ++j;
    }
    ++i;
    ++j;
  }
}

Store::~Store() = default;

StoreStatus Store::fail(std::string_view doing, const SqlError& e) {
  if (e.busy())
    return StoreError{"store '" + path_ + "' is busy: another process is writing to it (gave up after " +
                      std::to_string(busy_timeout_ms_) + " ms)"};
  if (e.read_only())
    return StoreError{"cannot " + std::string(doing) + " store '" + path_ + "': the file is read-only (" +
                      e.message + ")"};
  if (e.not_a_database()) return StoreError{"'" + path_ + "' is not a writ store: " + e.message};
  // SQLite finds damage when it reads the damaged page (writ reads every table on open).
  if (e.corrupt()) return StoreError{"store '" + path_ + "' is damaged: " + e.message};
  const std::string cannot = "cannot " + std::string(doing) + " store '" + path_ + "': ";
  if (e.disk_full())
    return StoreError{cannot + "the disk is full (" + std::strerror(e.system_errno ? e.system_errno : ENOSPC) + ")"};
  // "disk I/O error" alone does not say which: the system's reason does.
  if (e.io_error() && e.system_errno != 0) return StoreError{cannot + e.message + " (" + std::strerror(e.system_errno) + ")"};
  return StoreError{cannot + e.message};
}

StoreStatus Store::open(const std::string& path, const OpenOptions& options, std::unique_ptr<Store>& out) {
  const bool missing = file_kind(path) == FileKind::Missing;
  auto opened = open_file(path, options, out);
  // A store this call set out to create and could not (a full disk, an interrupted
  // create) is removed again, with the files SQLite made beside it: no empty, half-made
  // store is left behind. A file that another process created meanwhile holds a schema.
  if (opened && missing && !options.read_only) {
    std::error_code ec;
    bool empty = true;
    {
      Database db;
      std::int64_t objects = 0;
      if (!Database::open(path, OpenMode::ReadOnly, db) && !db.query_int("SELECT count(*) FROM sqlite_schema", objects))
        empty = objects == 0;
    }
    if (empty)
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix, ec);
  }
  return opened;
}

StoreStatus Store::open_file(const std::string& path, const OpenOptions& options, std::unique_ptr<Store>& out) {
  std::unique_ptr<Store> s(new Store());
  s->path_ = path;
  s->read_only_ = options.read_only;
  s->busy_timeout_ms_ = options.busy_timeout_ms;

  const auto kind = file_kind(path);
  if (kind == FileKind::NotAFile)
    return StoreError{"cannot open store '" + path + "': it is " + not_a_file(path) + ", not a regular file"};
  if (kind == FileKind::Other) return StoreError{"'" + path + "' is not a writ store: it is not a SQLite database"};
  if (kind == FileKind::Missing && options.read_only)
    return StoreError{"cannot open store '" + path + "': no such file"};

  // A reader of a WAL database needs the -wal and -shm files, and only a connection that
  // may write removes them when it closes (after a checkpoint): so a reader opens the file
  // for writing when it can, and `query_only` keeps it from changing anything. Otherwise
  // every `writ run --db` would leave case.db-wal and case.db-shm behind.
  const bool writable = kind != FileKind::Missing && ::access(path.c_str(), W_OK) == 0 &&
                        ::access(std::filesystem::path(path).parent_path().empty()
                                     ? "."
                                     : std::filesystem::path(path).parent_path().c_str(),
                                 W_OK) == 0;
  const auto mode = !options.read_only ? OpenMode::ReadWriteCreate : writable ? OpenMode::ReadWrite : OpenMode::ReadOnly;
  if (auto e = Database::open(path, mode, s->db_)) return s->fail("open", *e);
  s->db_.set_busy_timeout(options.busy_timeout_ms);
  if (options.read_only)
    if (auto e = s->db_.exec("PRAGMA query_only = ON")) return s->fail("open", *e);

  std::int64_t app = 0, version = 0, objects = 0;
  if (auto e = s->db_.query_int("PRAGMA application_id", app)) return s->fail("open", *e);
  if (auto e = s->db_.query_int("PRAGMA user_version", version)) return s->fail("open", *e);
  if (auto e = s->db_.query_int("SELECT count(*) FROM sqlite_schema", objects)) return s->fail("open", *e);
  if (app == 0 && version == 0 && objects == 0) {
    if (options.read_only) return StoreError{"'" + path + "' is not a writ store: it is an empty database"};
    if (auto e = s->create_schema()) return e;
  } else if (auto e = s->check_schema()) {
    return e;
  }
  if (!s->read_only_) {
    // FULL: a commit is on disk before load() returns, even across a power cut.
    if (auto e = s->db_.exec("PRAGMA synchronous = FULL")) return s->fail("open", *e);
  }
  out = std::move(s);
  return std::nullopt;
}

StoreStatus Store::check_schema() {
  std::int64_t app = 0, version = 0;
  if (auto e = db_.query_int("PRAGMA application_id", app)) return fail("open", *e);
  if (auto e = db_.query_int("PRAGMA user_version", version)) return fail("open", *e);
  if (app != application_id)
    return StoreError{"'" + path_ + "' is not a writ store: it is a SQLite database of another application"};
  if (version > schema_version)
    return StoreError{"store '" + path_ + "' was written by a newer writ (store schema version " +
                      std::to_string(version) + "; this writ reads version " + std::to_string(schema_version) +
                      "): it was not changed"};
  if (version < 1)
    return StoreError{"store '" + path_ + "' has an unknown schema version " + std::to_string(version)};
  version_ = version;
  return std::nullopt;
}

StoreStatus Store::create_schema() {
  // journal_mode cannot change inside a transaction; it is persistent, so set it first.
  if (auto e = db_.exec("PRAGMA journal_mode = WAL")) return fail("create", *e);
  Transaction t;
  if (auto e = t.begin(db_, Transaction::Kind::Immediate)) return fail("create", *e);
  // Another process may have created the store between our look and our lock.
  std::int64_t objects = 0;
  if (auto e = db_.query_int("SELECT count(*) FROM sqlite_schema", objects)) return fail("create", *e);
  if (objects != 0) {
    t.rollback();
    return check_schema();
  }
  if (auto e = db_.exec(create_tables)) return fail("create", *e);
  if (auto e = db_.exec("PRAGMA application_id = " + std::to_string(application_id))) return fail("create", *e);
  if (auto e = db_.exec("PRAGMA user_version = " + std::to_string(schema_version))) return fail("create", *e);
  if (auto e = t.commit()) return fail("create", *e);
  version_ = schema_version;
  return std::nullopt;
}

namespace {

// The rows of a store "as of transaction ?1": added by then, and not retracted by then.
constexpr std::string_view standing = "tx_added <= ?1 AND (tx_retracted IS NULL OR tx_retracted > ?1)";

// The rows that stand for `v` (?1 is bound to v.upto); own transactions are written into
// the text: they are integers, and few.
std::string standing_for(const Visible& v) {
  if (v.own.empty()) return std::string(standing);
  std::string own;
  for (std::size_t i = 0; i < v.own.size(); ++i) own += (i ? ", " : "") + std::to_string(v.own[i]);
  return "(tx_added <= ?1 OR tx_added IN (" + own + ")) AND (tx_retracted IS NULL OR (tx_retracted > ?1 AND " +
         "tx_retracted NOT IN (" + own + ")))";
}

}  // namespace

StoreStatus Store::read_statements(std::optional<std::int64_t> as_of, const Sink& sink,
                                   std::vector<FactTable>& tables) {
  const std::int64_t at = as_of.value_or(now_and_always);
  Transaction t;  // one snapshot for all the tables
  if (auto e = t.begin(db_, Transaction::Kind::Deferred)) return fail("read", *e);

  // Only the sources of standing statements: a bulk load's text can be most of the file,
  // and its facts need it only for a diagnostic (read_source reads it then).
  Statement s;
  if (auto e = db_.prepare("SELECT id, name, text FROM sources WHERE tx <= ?1 AND id IN "
                           "(SELECT source FROM statements WHERE " + std::string(standing) + ") ORDER BY id",
                           s))
    return fail("read", *e);
  s.bind_int(1, at);
  Step step;
  while ((step = s.step()) == Step::Row)
    sink.source(StoredSource{s.column_int(0), std::string(s.column_text(1)), std::string(s.column_text(2))});
  if (step == Step::Error) return fail("read", s.error());

  if (auto e = db_.prepare("SELECT id, source, text, line, col, pos FROM statements WHERE " + std::string(standing) +
                               " ORDER BY id",
                           s))
    return fail("read", *e);
  s.bind_int(1, at);
  while ((step = s.step()) == Step::Row) {
    sink.statement(StoredStatement{s.column_int(0), s.column_int(1), std::string(s.column_text(2)),
                                   to_u32(s.column_int(3)), to_u32(s.column_int(4)), to_u32(s.column_int(5))});
  }
  if (step == Step::Error) return fail("read", s.error());

  // The documents of the standing source declarations, when any was ever kept.
  std::int64_t has_documents = 0;
  if (auto e = db_.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'documents'",
                             has_documents))
    return fail("read", *e);
  if (has_documents > 0) {
    if (auto e = db_.prepare("SELECT d.declaration, s.id, s.name, s.text FROM documents d JOIN sources s ON "
                             "s.id = d.source WHERE d.declaration IN (SELECT id FROM statements WHERE " +
                                 std::string(standing) + ") ORDER BY d.declaration",
                             s))
      return fail("read", *e);
    s.bind_int(1, at);
    while ((step = s.step()) == Step::Row)
      sink.document(s.column_int(0),
                    StoredSource{s.column_int(1), std::string(s.column_text(2)), std::string(s.column_text(3))});
    if (step == Step::Error) return fail("read", s.error());
  }

  if (auto e = db_.prepare("SELECT coalesce(max(id), 0) FROM transactions WHERE id <= ?1", s)) return fail("read", *e);
  s.bind_int(1, at);
  if (s.step() != Step::Row) return fail("read", s.error());
  seen_ = s.column_int(0);

  s = Statement{};
  if (auto e = fact_tables(tables)) return e;
  if (auto e = t.commit()) return fail("read", *e);
  return std::nullopt;
}

StoreStatus Store::fact_tables(std::vector<FactTable>& tables) {
  Statement s;
  if (auto e = db_.prepare("SELECT name, arity, table_name FROM predicates ORDER BY id", s)) return fail("read", *e);
  Step step;
  while ((step = s.step()) == Step::Row)
    tables.push_back(FactTable{query::PredicateId{std::string(s.column_text(0)), to_u32(s.column_int(1))},
                               std::string(s.column_text(2))});
  if (step == Step::Error) return fail("read", s.error());
  return std::nullopt;
}

StoreStatus Store::read_source(std::int64_t id, StoredSource& out) {
  Statement s;
  if (auto e = db_.prepare("SELECT id, name, text FROM sources WHERE id = ?1", s)) return fail("read", *e);
  s.bind_int(1, id);
  switch (s.step()) {
    case Step::Row:
      out = StoredSource{s.column_int(0), std::string(s.column_text(1)), std::string(s.column_text(2))};
      return std::nullopt;
    case Step::Error: return fail("read", s.error());
    case Step::Done: break;
  }
  return StoreError{"store '" + path_ + "' is damaged: source " + std::to_string(id) + " is missing"};
}

StoreStatus Store::read_facts(const FactTable& table, const Visible& visible,
                              const std::vector<std::optional<query::Value>>* bound, const FactVisitor& visit) {
  const auto arity = table.predicate.arity;
  std::string sql = "SELECT source, line, col";
  for (std::uint32_t i = 1; i <= arity; ++i) sql += ", a" + std::to_string(i);
  sql += " FROM " + quote_identifier(table.table) + " WHERE " + standing_for(visible);
  int parameter = 1;
  if (bound)
    for (std::uint32_t i = 0; i < arity && i < bound->size(); ++i)
      if ((*bound)[i]) sql += " AND a" + std::to_string(i + 1) + " = ?" + std::to_string(++parameter);
  Statement s;
  if (auto e = db_.prepare(sql, s)) return fail("read", *e);
  s.bind_int(1, visible.upto);
  parameter = 1;
  if (bound)
    for (std::uint32_t i = 0; i < arity && i < bound->size(); ++i)
      if ((*bound)[i]) bind_value(s, ++parameter, *(*bound)[i]);
  std::vector<query::Value> values(arity);
  Step step;
  while ((step = s.step()) == Step::Row) {
    for (std::uint32_t i = 0; i < arity; ++i) {
      if (!read_value(s, static_cast<int>(i) + 3, values[i]))
        return StoreError{"store '" + path_ + "' is damaged: table " + table.table + " holds a value that is not " +
                          "an integer, a symbol, a string, a date, a duration or money"};
    }
    visit(s.column_int(0), to_u32(s.column_int(1)), to_u32(s.column_int(2)), values);
  }
  if (step == Step::Error) return fail("read", s.error());
  return std::nullopt;
}

StoreStatus Store::has_facts(const FactTable& table, const Visible& visible, bool& any) {
  std::int64_t found = 0;
  if (auto e = over_standing("SELECT EXISTS (SELECT 1 FROM ", table, visible, ")", found)) return e;
  any = found != 0;
  return std::nullopt;
}

StoreStatus Store::count_facts(const FactTable& table, const Visible& visible, std::int64_t& count) {
  return over_standing("SELECT count(*) FROM ", table, visible, "", count);
}

StoreStatus Store::over_standing(std::string_view before, const FactTable& table, const Visible& visible,
                                 std::string_view after, std::int64_t& out) {
  Statement s;
  const std::string sql = std::string(before) + quote_identifier(table.table) + " WHERE " + standing_for(visible) +
                          std::string(after);
  if (auto e = db_.prepare(sql, s)) return fail("read", *e);
  s.bind_int(1, visible.upto);
  if (s.step() != Step::Row) return fail("read", s.error());
  out = s.column_int(0);
  return std::nullopt;
}

StoreStatus Store::transactions(std::vector<TransactionInfo>& out) {
  Statement s;
  if (auto e = db_.prepare("SELECT id, time, description, added, removed FROM transactions ORDER BY id", s))
    return fail("read", *e);
  Step step;
  while ((step = s.step()) == Step::Row)
    out.push_back(TransactionInfo{s.column_int(0), std::string(s.column_text(1)), std::string(s.column_text(2)),
                                  s.column_int(3), s.column_int(4)});
  if (step == Step::Error) return fail("read", s.error());
  return std::nullopt;
}

StoreStatus Store::last_transaction(std::int64_t& out) {
  if (auto e = db_.query_int("SELECT coalesce(max(id), 0) FROM transactions", out)) return fail("read", *e);
  return std::nullopt;
}

StoreStatus Store::begin(std::string_view description) {
  if (read_only_) return StoreError{"cannot write to store '" + path_ + "': it was opened read-only"};
  if (db_.read_only()) return StoreError{"cannot write to store '" + path_ + "': the file is read-only"};
  // IMMEDIATE takes the write lock now, so a second writer waits here (busy timeout)
  // rather than failing half-way through its load.
  if (auto e = write_.begin(db_, Transaction::Kind::Immediate)) return fail("write to", *e);
  if (auto e = db_.query_int("SELECT coalesce(max(id), 0) FROM transactions", before_this_))
    return rollback(), fail("write to", *e);
  Statement s;
  if (auto e = db_.prepare("INSERT INTO transactions (time, description) "
                           "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?1)",
                           s))
    return rollback(), fail("write to", *e);
  s.bind_text(1, description);
  if (auto e = s.run()) return rollback(), fail("write to", *e);
  tx_ = db_.last_insert_rowid();
  added_ = removed_ = 0;
  // A version 1 store becomes version 2 with its first write, which may add a date, a
  // duration or money (tagged BLOBs that a version 1 writ would take for strings); version
  // 1's rows are version 2's unchanged. In this transaction, so a failed write keeps 1.
  if (version_ < schema_version) {
    if (auto e = db_.exec("PRAGMA user_version = " + std::to_string(schema_version))) return rollback(), fail("write to", *e);
    upgraded_ = true;
  }
  return std::nullopt;
}

StoreStatus Store::add_source(std::string_view name, std::string_view text, std::int64_t& id) {
  if (auto e = flush_all_facts()) return e;  // the facts added before, first
  Statement s;
  if (auto e = db_.prepare("INSERT INTO sources (tx, name, text) VALUES (?1, ?2, ?3)", s)) return fail("write to", *e);
  s.bind_int(1, tx_);
  s.bind_text(2, name);
  s.bind_text(3, text);
  if (auto e = s.run()) return fail("write to", *e);
  id = db_.last_insert_rowid();
  return std::nullopt;
}

StoreStatus Store::catalogued_table(std::string_view select, const query::PredicateId& p, std::string& table) {
  table.clear();
  Statement s;
  if (auto e = db_.prepare(select, s)) return fail("write to", *e);
  s.bind_text(1, p.name);
  s.bind_int(2, p.arity);
  switch (s.step()) {
    case Step::Row: table = s.column_text(0); return std::nullopt;
    case Step::Error: return fail("write to", s.error());
    case Step::Done: break;
  }
  return std::nullopt;
}

StoreStatus Store::free_table_name(const std::function<std::string(int)>& candidate, std::string& table) {
  Statement taken;
  if (auto e = db_.prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE", taken))
    return fail("write to", *e);
  for (int n = 0;; ++n) {
    const std::string name = candidate(n);
    if (name.empty()) continue;
    taken.reset();
    taken.bind_text(1, name);
    if (taken.step() != Step::Row) return fail("write to", taken.error());
    if (taken.column_int(0) == 0) {
      table = name;
      return std::nullopt;
    }
  }
}

StoreStatus Store::fact_table_of(const query::PredicateId& p, std::string& table) {
  return fact_table(p, false, table);
}

StoreStatus Store::fact_table(const query::PredicateId& p, bool create, std::string& table) {
  if (auto e = catalogued_table("SELECT table_name FROM predicates WHERE name = ?1 AND arity = ?2", p, table))
    return e;
  if (!table.empty() || !create) return std::nullopt;

  // facts_<name>_<arity>; strong negation -p gives facts__p_<arity> (a predicate name
  // cannot start with `_`). SQLite names ignore case while predicate names do not, so a
  // clash gets a numbered suffix.
  const bool negated = !p.name.empty() && p.name[0] == '-';
  const std::string base =
      "facts_" + (negated ? "_" + p.name.substr(1) : p.name) + "_" + std::to_string(p.arity);
  if (auto e = free_table_name([&](int n) { return n == 0 ? base : base + "_" + std::to_string(n + 1); }, table))
    return e;
  Statement s;
  std::string ddl = "CREATE TABLE " + quote_identifier(table) +
                    " (tx_added INTEGER NOT NULL, tx_retracted INTEGER, source INTEGER NOT NULL,"
                    " line INTEGER NOT NULL, col INTEGER NOT NULL";
  for (std::uint32_t i = 1; i <= p.arity; ++i) ddl += ", a" + std::to_string(i);
  ddl += ")";
  if (auto e = db_.exec(ddl)) return fail("write to", *e);
  if (auto e = db_.prepare("INSERT INTO predicates (name, arity, table_name) VALUES (?1, ?2, ?3)", s))
    return fail("write to", *e);
  s.bind_text(1, p.name);
  s.bind_int(2, p.arity);
  s.bind_text(3, table);
  if (auto e = s.run()) return fail("write to", *e);
  return std::nullopt;
}

StoreStatus Store::add_statement(std::string_view kind, const std::string& text, const query::Location& at,
                                 std::int64_t source, std::int64_t* id) {
  if (auto e = flush_all_facts()) return e;  // the facts added before, first
  if (!insert_statement_) {
    if (auto e = db_.prepare("INSERT INTO statements (kind, text, source, line, col, pos, tx_added) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             insert_statement_))
      return fail("write to", *e);
  }
  auto& s = insert_statement_;
  s.reset();
  s.bind_text(1, kind);
  s.bind_text(2, text);
  s.bind_int(3, source);
  s.bind_int(4, at.line);
  s.bind_int(5, at.column);
  s.bind_int(6, at.offset);
  s.bind_int(7, tx_);
  if (auto e = s.run()) return fail("write to", *e);
  if (id) *id = db_.last_insert_rowid();
  ++added_;
  return std::nullopt;
}

namespace {

// Made by the first load of a source with a document (docs/store.md, "Documents").
constexpr std::string_view create_documents = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  declaration INTEGER PRIMARY KEY REFERENCES statements (id),
  source      INTEGER NOT NULL REFERENCES sources (id)
);
)sql";

}  // namespace

StoreStatus Store::add_document(std::int64_t declaration, std::int64_t document) {
  if (auto e = db_.exec(create_documents)) return fail("write to", *e);
  Statement s;
  if (auto e = db_.prepare("INSERT INTO documents (declaration, source) VALUES (?1, ?2)", s)) return fail("write to", *e);
  s.bind_int(1, declaration);
  s.bind_int(2, document);
  if (auto e = s.run()) return fail("write to", *e);
  return std::nullopt;
}

StoreStatus Store::add(const query::Rule& rule, std::int64_t source) {
  if (!is_plain_fact(rule)) return add_statement(kind_name(rule), rule.text, rule.location, source);
  std::vector<query::Value> values;
  values.reserve(rule.head.args.size());
  for (const auto& t : rule.head.args) values.push_back(t.value);
  const auto p = query::predicate_of(rule.head);
  if (auto e = add_fact(p, values.data(), source, rule.location.line, rule.location.column)) return e;
  return flush_facts(p, insert_fact_.at(p));  // `values` ends here
}

StoreStatus Store::add_fact(const query::PredicateId& p, const query::Value* values, std::int64_t source,
                            std::uint32_t line, std::uint32_t column) {
  auto it = insert_fact_.find(p);
  if (it == insert_fact_.end()) {
    std::string table;
    if (auto e = fact_table(p, true, table)) return e;
    // SQLite allows 32,766 parameters per statement; each row takes 4 + arity.
    const std::size_t per_row = 4 + p.arity;
    FactInserts inserts;
    inserts.batch = std::max<std::size_t>(1, std::min<std::size_t>(64, 32'000 / per_row));
    auto insert_sql = [&](std::size_t rows) {
      std::string sql = "INSERT INTO " + quote_identifier(table) + " VALUES ";
      for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (std::size_t k = 0; k < per_row; ++k) {
          if (k == 1) sql += ", NULL";
          sql += (k ? ", ?" : "?") + std::to_string(r * per_row + k + 1);
        }
        sql += ")";
      }
      return sql;
    };
    if (auto e = db_.prepare(insert_sql(1), inserts.one)) return fail("write to", *e);
    if (inserts.batch > 1)
      if (auto e = db_.prepare(insert_sql(inserts.batch), inserts.many)) return fail("write to", *e);
    inserts.waiting.reserve(inserts.batch);
    it = insert_fact_.emplace(p, std::move(inserts)).first;
    if (p.arity > 0) filled_.push_back(table);
  }
  auto& inserts = it->second;
  inserts.waiting.push_back(FactInserts::Row{values, source, line, column});
  ++added_;
  if (inserts.waiting.size() == inserts.batch) return flush_facts(p, inserts);
  return std::nullopt;
}

StoreStatus Store::flush_facts(const query::PredicateId& p, FactInserts& inserts) {
  const std::size_t per_row = 4 + p.arity;
  auto bind_rows = [&](Statement& s, std::size_t first, std::size_t count) {
    s.reset();
    for (std::size_t r = 0; r < count; ++r) {
      const auto& row = inserts.waiting[first + r];
      const int base = static_cast<int>(r * per_row);
      s.bind_int(base + 1, tx_);
      s.bind_int(base + 2, row.source);
      s.bind_int(base + 3, row.line);
      s.bind_int(base + 4, row.column);
      for (std::uint32_t i = 0; i < p.arity; ++i) bind_value(s, base + 5 + static_cast<int>(i), row.values[i]);
    }
    return s.run();
  };
  std::size_t done = 0;
  if (inserts.batch > 1 && inserts.waiting.size() == inserts.batch) {
    if (auto e = bind_rows(inserts.many, 0, inserts.batch)) return fail("write to", *e);
    done = inserts.batch;
  }
  for (; done < inserts.waiting.size(); ++done)
    if (auto e = bind_rows(inserts.one, done, 1)) return fail("write to", *e);
  inserts.waiting.clear();
  return std::nullopt;
}

StoreStatus Store::flush_all_facts() {
  for (auto& [p, inserts] : insert_fact_)
    if (auto e = flush_facts(p, inserts)) return e;
  return std::nullopt;
}

StoreStatus Store::retract_fact(const query::Rule& fact, std::int64_t& count) {
  if (auto e = flush_all_facts()) return e;  // the facts added before, first
  count = 0;
  const auto p = query::predicate_of(fact.head);
  std::string table;
  if (auto e = fact_table(p, false, table)) return e;
  if (table.empty()) return std::nullopt;
  std::string sql = "UPDATE " + quote_identifier(table) + " SET tx_retracted = ?1 WHERE tx_retracted IS NULL";
  for (std::uint32_t i = 1; i <= p.arity; ++i) sql += " AND a" + std::to_string(i) + " = ?" + std::to_string(i + 1);
  Statement s;
  if (auto e = db_.prepare(sql, s)) return fail("write to", *e);
  s.bind_int(1, tx_);
  for (std::size_t i = 0; i < fact.head.args.size(); ++i)
    bind_value(s, static_cast<int>(i) + 2, fact.head.args[i].value);
  if (auto e = s.run()) return fail("write to", *e);
  count = db_.changes();
  removed_ += count;
  return std::nullopt;
}

StoreStatus Store::retract_statement(std::string_view text, std::int64_t& count) {
  if (auto e = flush_all_facts()) return e;  // the facts added before, first
  count = 0;
  Statement s;
  if (auto e = db_.prepare("SELECT id, text FROM statements WHERE tx_retracted IS NULL", s))
    return fail("write to", *e);
  std::vector<std::int64_t> ids;
  Step step;
  while ((step = s.step()) == Step::Row)
    if (same_statement_text(s.column_text(1), text)) ids.push_back(s.column_int(0));
  if (step == Step::Error) return fail("write to", s.error());
  if (auto e = db_.prepare("UPDATE statements SET tx_retracted = ?1 WHERE id = ?2", s)) return fail("write to", *e);
  for (const auto id : ids) {
    s.reset();
    s.bind_int(1, tx_);
    s.bind_int(2, id);
    if (auto e = s.run()) return fail("write to", *e);
  }
  count = static_cast<std::int64_t>(ids.size());
  removed_ += count;
  return std::nullopt;
}

StoreStatus Store::commit() {
  if (auto e = flush_all_facts()) return rollback(), e;
  // A question that names a fact's first value (`edge(5, X)?`) reads the rows with that
  // value through this index instead of the whole table. Built once the rows are in: one
  // sort, cheaper than keeping it in order row by row during a bulk load.
  for (const auto& table : filled_)
    if (auto e = db_.exec("CREATE INDEX IF NOT EXISTS " + quote_identifier(table + "_a1") + " ON " +
                          quote_identifier(table) + " (a1)"))
      return rollback(), fail("write to", *e);
  Statement s;
  if (auto e = db_.prepare("UPDATE transactions SET added = ?1, removed = ?2 WHERE id = ?3", s))
    return rollback(), fail("write to", *e);
  s.bind_int(1, added_);
  s.bind_int(2, removed_);
  s.bind_int(3, tx_);
  if (auto e = s.run()) return rollback(), fail("write to", *e);
  s = Statement{};
  if (auto e = write_.commit()) return rollback(), fail("write to", *e);
  insert_fact_.clear();
  filled_.clear();
  insert_statement_ = Statement{};
  seen_ = tx_;
  tx_ = 0;
  if (upgraded_) version_ = schema_version;
  upgraded_ = false;
  return std::nullopt;
}

void Store::rollback() {
  // Statements prepared in this transaction may name tables it created: drop them first.
  insert_fact_.clear();
  filled_.clear();
  insert_statement_ = Statement{};
  write_.rollback();
  tx_ = 0;
  upgraded_ = false;
}

}  // namespace writ::kb::store
