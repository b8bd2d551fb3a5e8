#include "kb/store/sqlite.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <utility>

namespace writ::kb::store {

bool SqlError::busy() const {
  const int primary = code & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}
bool SqlError::read_only() const { return (code & 0xff) == SQLITE_READONLY; }
bool SqlError::not_a_database() const { return (code & 0xff) == SQLITE_NOTADB; }
bool SqlError::corrupt() const { return (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_FORMAT; }
bool SqlError::io_error() const { return (code & 0xff) == SQLITE_IOERR; }
bool SqlError::disk_full() const {
  return (code & 0xff) == SQLITE_FULL || (io_error() && (system_errno == ENOSPC || system_errno == EDQUOT));
}

namespace {

SqlError error_of(sqlite3* db, int rc) {
  // sqlite3_errmsg describes the last call on the connection; the code we got may be
  // more specific (e.g. from a bind), so fall back to sqlite3_errstr when they differ.
  if (db != nullptr && sqlite3_extended_errcode(db) == rc)
    return SqlError{rc, sqlite3_errmsg(db), sqlite3_system_errno(db)};
  return SqlError{rc, sqlite3_errstr(rc)};
}

}  // namespace

// Statement

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      error_(std::move(other.error_)),
      bind_failed_(std::exchange(other.bind_failed_, false)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    error_ = std::move(other.error_);
    bind_failed_ = std::exchange(other.bind_failed_, false);
  }
  return *this;
}

void Statement::note_bind(int rc) {
  if (rc != SQLITE_OK && !bind_failed_) {
    bind_failed_ = true;
    error_ = error_of(db_, rc);
  }
}

void Statement::bind_int(int index, std::int64_t value) { note_bind(sqlite3_bind_int64(stmt_, index, value)); }

void Statement::bind_text(int index, std::string_view text) {
  note_bind(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Statement::bind_blob(int index, std::string_view bytes) {
  // A null pointer would bind NULL rather than an empty blob.
  static const char empty = 0;
  note_bind(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? &empty : bytes.data(), bytes.size(),
                                SQLITE_TRANSIENT));
}

void Statement::bind_null(int index) { note_bind(sqlite3_bind_null(stmt_, index)); }

Step Statement::step() {
  if (bind_failed_) return Step::Error;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return Step::Row;
  if (rc == SQLITE_DONE) return Step::Done;
  error_ = error_of(db_, sqlite3_extended_errcode(db_));
  if ((error_.code & 0xff) == SQLITE_OK) error_ = error_of(db_, rc);
  return Step::Error;
}

SqlStatus Statement::run() {
  switch (step()) {
    case Step::Done: return std::nullopt;
    case Step::Row: return SqlError{SQLITE_MISUSE, "statement returned a row where none was expected"};
    case Step::Error: break;
  }
  return error_;
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_failed_ = false;
}

Statement::Type Statement::column_type(int index) const {
  switch (sqlite3_column_type(stmt_, index)) {
    case SQLITE_INTEGER: return Type::Integer;
    case SQLITE_FLOAT: return Type::Float;
    case SQLITE_TEXT: return Type::Text;
    case SQLITE_BLOB: return Type::Blob;
    default: return Type::Null;
  }
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string_view Statement::column_text(int index) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index));
  return p == nullptr ? std::string_view{} : std::string_view(p, n);
}

std::string_view Statement::column_blob(int index) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
  const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index));
  return p == nullptr ? std::string_view{} : std::string_view(p, n);
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

// Database

Database::~Database() { sqlite3_close_v2(db_); }

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

SqlStatus Database::open(const std::string& path, OpenMode mode, Database& out) {
  // NOMUTEX: a connection is used by one thread at a time (the knowledge base locks around
  // it), so SQLite's own per-call mutex is pure cost (5% of a bulk load).
  int flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case OpenMode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case OpenMode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case OpenMode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    // Even on failure SQLite usually returns a handle that carries the message.
    SqlError e = db != nullptr ? SqlError{rc, sqlite3_errmsg(db), sqlite3_system_errno(db)}
                               : SqlError{rc, sqlite3_errstr(rc)};
    sqlite3_close_v2(db);
    out = Database{};
    return e;
  }
  sqlite3_extended_result_codes(db, 1);
  out = Database{};
  out.db_ = db;
  return std::nullopt;
}

SqlStatus Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return std::nullopt;
  SqlError e{rc, message != nullptr ? message : sqlite3_errstr(rc)};
  sqlite3_free(message);
  return e;
}

SqlStatus Database::prepare(std::string_view sql, Statement& out) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return error_of(db_, rc);
  }
  out = Statement(db_, stmt);
  return std::nullopt;
}

SqlStatus Database::query_int(std::string_view sql, std::int64_t& out) {
  Statement s;
  if (auto e = prepare(sql, s)) return e;
  switch (s.step()) {
    case Step::Row: out = s.column_int(0); return std::nullopt;
    case Step::Done: return SqlError{SQLITE_MISUSE, "query returned no row: " + std::string(sql)};
    case Step::Error: break;
  }
  return s.error();
}

void Database::set_busy_timeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

bool Database::read_only() const { return sqlite3_db_readonly(db_, "main") == 1; }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

SqlError Database::last_error() const {
  return SqlError{sqlite3_extended_errcode(db_), sqlite3_errmsg(db_), sqlite3_system_errno(db_)};
}

// Transaction

Transaction::~Transaction() { rollback(); }

SqlStatus Transaction::begin(Database& db, Kind kind) {
  if (auto e = db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")) return e;
  db_ = &db;
  return std::nullopt;
}

SqlStatus Transaction::commit() {
  if (db_ == nullptr) return SqlError{SQLITE_MISUSE, "no transaction to commit"};
  if (auto e = db_->exec("COMMIT")) return e;  // still open: the destructor rolls it back
  db_ = nullptr;
  return std::nullopt;
}

void Transaction::rollback() {
  // After some errors (e.g. SQLITE_FULL) SQLite has already rolled back; a ROLLBACK then
  // fails harmlessly with "no transaction is active".
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
  db_ = nullptr;
}

std::string quote_identifier(std::string_view identifier) {
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace writ::kb::store
