// A connection to PostgreSQL through libpq, with errors as values.
//
// Internal to kb/: libpq-fe.h is included only by connection.cpp, so nothing outside
// kb/postgres sees libpq at all.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_cancel;

namespace writ::kb::postgres {

// A failed call: the server's SQLSTATE (empty when the failure is the client's, e.g. no
// connection), its primary message and detail, and whether the connection is gone.
struct PgError {
  std::string sqlstate;
  std::string message;
  std::string detail;
  std::string hint;
  bool connection_lost = false;

  bool permission_denied() const { return sqlstate == "42501"; }
  bool cancelled() const { return sqlstate == "57014"; }  // statement_timeout or a cancel request
};
using PgStatus = std::optional<PgError>;

// A row of text values (nullopt: SQL NULL), valid during the visitor's call.
using RowVisitor = std::function<void(const std::vector<std::optional<std::string_view>>& row)>;

class Connection {
 public:
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Connects with `conninfo` (a libpq connection string or URI; what it leaves out comes
  // from the PG* environment variables and libpq's defaults).
  static PgStatus open(const std::string& conninfo, std::unique_ptr<Connection>& out);

  // Runs one statement, or several separated by ';' (without parameters, in one round
  // trip); `counts` gets, for each statement in order, the number of rows it affected or
  // returned (up to the one that failed); `visit` the rows any of them returns.
  PgStatus execute(const std::string& sql, std::vector<std::uint64_t>* counts = nullptr,
                   const RowVisitor* visit = nullptr);
  // Runs a statement with text parameters ($1, $2, ...), visiting the rows it returns.
  PgStatus query(const std::string& sql, const std::vector<std::string>& parameters, const RowVisitor& visit);
  // COPY table (columns) FROM STDIN, in text format, each row `columns.size()` values.
  PgStatus copy_rows(const std::string& table, const std::vector<std::string>& columns,
                     const std::function<bool(std::vector<std::string>& row)>& next_row);

  // The database and user of the connection, for messages.
  std::string database() const;
  std::string user() const;
  int server_version() const;  // e.g. 150018

  // Asks the server to cancel the statement in progress, from any thread or a signal
  // handler (PQcancel is async-signal-safe); it then fails with SQLSTATE 57014.
  void cancel() noexcept;

 private:
  Connection() = default;
  PgError error_of(const char* fallback) const;

  pg_conn* conn_ = nullptr;
  pg_cancel* cancel_ = nullptr;
};

// The text of an SQL value in COPY's text format (backslash, tab, newline, CR escaped).
std::string copy_escaped(std::string_view text);

}  // namespace writ::kb::postgres
