// RAII handles for SQLite connections and prepared statements, with errors as values.
//
// Internal to kb/: sqlite3.h is included only by the .cpp files of kb/store/, so the two
// handle types are forward-declared here and nothing above kb/ sees SQLite at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace writ::kb::store {

// A failed SQLite call: the (extended) result code and SQLite's own message.
struct SqlError {
  int code = 0;
  std::string message;
  // The errno of the system call that failed, for an I/O error (sqlite3_system_errno);
  // 0 when there was none.
  int system_errno = 0;

  bool busy() const;       // SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock
  bool read_only() const;  // SQLITE_READONLY: the file or its directory cannot be written
  bool not_a_database() const;  // SQLITE_NOTADB
  bool corrupt() const;         // SQLITE_CORRUPT, SQLITE_FORMAT: a damaged file
  bool io_error() const;        // SQLITE_IOERR: a system call failed (system_errno says why)
  // SQLITE_FULL, or an I/O error of ENOSPC or EDQUOT (writing the -shm file of a new store
  // on a full disk is an SQLITE_IOERR, whose message says only "disk I/O error").
  bool disk_full() const;
};

// Empty when the call succeeded.
using SqlStatus = std::optional<SqlError>;

enum class Step { Row, Done, Error };

// A prepared statement; finalized on destruction. Movable, not copyable.
//
// Bind errors are remembered and reported by the next step(), so a sequence of binds
// needs one check.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  explicit operator bool() const { return stmt_ != nullptr; }

  // Parameters are 1-based, as in sqlite3_bind_*. Text and blobs are copied by SQLite.
  void bind_int(int index, std::int64_t value);
  void bind_text(int index, std::string_view text);
  void bind_blob(int index, std::string_view bytes);
  void bind_null(int index);

  // Runs one step. On Error, error() says why; the statement must then be reset().
  Step step();
  // A step that must not return a row (INSERT, UPDATE, DDL).
  SqlStatus run();
  // Makes the statement ready to run again and clears its bindings.
  void reset();
  const SqlError& error() const { return error_; }

  // Columns are 0-based, as in sqlite3_column_*; valid after step() returned Row.
  enum class Type { Integer, Float, Text, Blob, Null };
  Type column_type(int index) const;
  std::int64_t column_int(int index) const;
  std::string_view column_text(int index) const;  // valid until the next step or reset
  std::string_view column_blob(int index) const;  // valid until the next step or reset
  int column_count() const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void note_bind(int rc);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  SqlError error_;
  bool bind_failed_ = false;
};

enum class OpenMode { ReadOnly, ReadWrite, ReadWriteCreate };

// A connection; closed on destruction. Movable, not copyable.
class Database {
 public:
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Opens `path`. On failure `out` is left closed and the error is returned.
  static SqlStatus open(const std::string& path, OpenMode mode, Database& out);

  explicit operator bool() const { return db_ != nullptr; }

  // Runs one or more statements that return no rows of interest.
  SqlStatus exec(std::string_view sql);
  SqlStatus prepare(std::string_view sql, Statement& out);
  // The first column of the first row of `sql`, which must be an integer (e.g. a PRAGMA).
  SqlStatus query_int(std::string_view sql, std::int64_t& out);

  void set_busy_timeout(int milliseconds);
  bool read_only() const;  // opened read-only, or the file could only be opened so
  std::int64_t last_insert_rowid() const;
  std::int64_t changes() const;  // rows changed by the last INSERT, UPDATE or DELETE

  // The error of the last failed call on this connection, with SQLite's message.
  SqlError last_error() const;

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN ... COMMIT, rolled back on destruction unless commit() succeeded.
class Transaction {
 public:
  enum class Kind { Deferred, Immediate };
  Transaction() = default;
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  SqlStatus begin(Database& db, Kind kind);
  SqlStatus commit();
  void rollback();

 private:
  Database* db_ = nullptr;
};

// An identifier quoted for SQL: "name", with embedded quotes doubled.
std::string quote_identifier(std::string_view identifier);

}  // namespace writ::kb::store
