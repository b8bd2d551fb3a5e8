#include "connection.hpp"

#include <libpq-fe.h>

#include <cstring>

namespace writ::kb::postgres {

namespace {

// libpq's message on one line: its first line, then any hint lines in parentheses
// ("connection to server ... failed: No such file or directory (Is the server running
// locally and accepting connections on that socket?)").
std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  std::string out, rest;
  std::size_t start = 0;
  for (bool first = true; start <= text.size(); first = false) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    const auto b = line.find_first_not_of(" \t");
    line = b == std::string::npos ? "" : line.substr(b);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    if (first || out.empty()) out += line;
    else rest += (rest.empty() ? "" : " ") + line;
  }
  return rest.empty() ? out : out + " (" + rest + ")";
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

PgError error_of_result(const PGresult* r, pg_conn* conn) {
  PgError e;
  if (const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE)) e.sqlstate = state;
  if (const char* primary = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)) e.message = primary;
  else e.message = trimmed(PQresultErrorMessage(r));
  if (e.message.empty()) e.message = trimmed(PQerrorMessage(conn));
  if (const char* detail = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL)) e.detail = detail;
  if (const char* hint = PQresultErrorField(r, PG_DIAG_MESSAGE_HINT)) e.hint = hint;
  e.connection_lost = PQstatus(conn) == CONNECTION_BAD || e.sqlstate.rfind("08", 0) == 0 || e.sqlstate == "57P01" ||
                      e.sqlstate == "57P02" || e.sqlstate == "57P03";
  return e;
}

// Waits for the results of the statements sent, keeping the first error; each successful
// result's row count goes to `counts`, its rows to `visit`.
PgStatus collect(pg_conn* conn, std::vector<std::uint64_t>* counts, const RowVisitor* visit) {
  PgStatus failure;
  std::vector<std::optional<std::string_view>> row;
  while (PGresult* raw = PQgetResult(conn)) {
    Result r(raw);
    const auto status = PQresultStatus(r.get());
    if (status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR) {
      if (!failure) failure = error_of_result(r.get(), conn);
      continue;
    }
    if (failure) continue;
    if (status == PGRES_TUPLES_OK) {
      const int n = PQntuples(r.get());
      const int width = PQnfields(r.get());
      if (visit) {
        row.assign(static_cast<std::size_t>(width), std::nullopt);
        for (int i = 0; i < n; ++i) {
          for (int c = 0; c < width; ++c) {
            if (PQgetisnull(r.get(), i, c)) {
              row[static_cast<std::size_t>(c)] = std::nullopt;
            } else {
              row[static_cast<std::size_t>(c)] =
                  std::string_view(PQgetvalue(r.get(), i, c), static_cast<std::size_t>(PQgetlength(r.get(), i, c)));
            }
          }
          (*visit)(row);
        }
      }
      if (counts) counts->push_back(static_cast<std::uint64_t>(n));
    } else if (status == PGRES_COMMAND_OK && counts) {
      const char* affected = PQcmdTuples(r.get());
      counts->push_back(affected && *affected ? std::strtoull(affected, nullptr, 10) : 0);
    }
  }
  if (!failure && PQstatus(conn) == CONNECTION_BAD) {
    PgError e;
    e.message = trimmed(PQerrorMessage(conn));
    e.connection_lost = true;
    failure = e;
  }
  return failure;
}

}  // namespace

Connection::~Connection() {
  if (cancel_) PQfreeCancel(cancel_);
  if (conn_) PQfinish(conn_);
}

PgError Connection::error_of(const char* fallback) const {
  PgError e;
  e.message = trimmed(PQerrorMessage(conn_));
  if (e.message.empty()) e.message = fallback;
  e.connection_lost = PQstatus(conn_) == CONNECTION_BAD;
  return e;
}

PgStatus Connection::open(const std::string& conninfo, std::unique_ptr<Connection>& out) {
  std::unique_ptr<Connection> c(new Connection());
  // The server sees `writ` as the application unless the connection string names another.
  const char* keys[] = {"dbname", "fallback_application_name", nullptr};
  const char* values[] = {conninfo.c_str(), "writ", nullptr};
  c->conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!c->conn_) return PgError{"", "out of memory", "", "", true};
  if (PQstatus(c->conn_) != CONNECTION_OK) {
    auto e = c->error_of("cannot connect");
    e.connection_lost = true;
    return e;
  }
  // Messages in English whatever the server's locale, so that writ can quote them; no
  // NOTICEs on stderr (writ reports what matters itself).
  PQsetNoticeProcessor(c->conn_, [](void*, const char*) {}, nullptr);
  if (auto e = c->execute("SET client_min_messages = warning; SET lc_messages = 'C'")) {
    // lc_messages needs superuser on some servers: the language of the messages is not
    // worth failing for.
    if (e->connection_lost) return e;
    if (auto e2 = c->execute("SET client_min_messages = warning")) return e2;
  }
  c->cancel_ = PQgetCancel(c->conn_);
  out = std::move(c);
  return std::nullopt;
}

PgStatus Connection::execute(const std::string& sql, std::vector<std::uint64_t>* counts, const RowVisitor* visit) {
  if (!PQsendQuery(conn_, sql.c_str())) return error_of("cannot send a statement");
  return collect(conn_, counts, visit);
}

PgStatus Connection::query(const std::string& sql, const std::vector<std::string>& parameters, const RowVisitor& visit) {
  std::vector<const char*> values;
  for (const auto& p : parameters) values.push_back(p.c_str());
  if (!PQsendQueryParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0))
    return error_of("cannot send a statement");
  return collect(conn_, nullptr, &visit);
}

PgStatus Connection::copy_rows(const std::string& table, const std::vector<std::string>& columns,
                               const std::function<bool(std::vector<std::string>& row)>& next_row) {
  std::string sql = "COPY " + table + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += ") FROM STDIN";
  if (!PQsendQuery(conn_, sql.c_str())) return error_of("cannot send COPY");
  {
    Result r(PQgetResult(conn_));
    if (!r || PQresultStatus(r.get()) != PGRES_COPY_IN) {
      PgStatus failure = r ? std::optional(error_of_result(r.get(), conn_)) : std::optional(error_of("COPY failed"));
      while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
      return failure;
    }
  }
  std::string buffer;
  std::vector<std::string> row;
  bool sent = true;
  auto flush = [&] {
    if (PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) != 1) sent = false;
    buffer.clear();
  };
  while (sent && next_row(row)) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) buffer += '\t';
      buffer += copy_escaped(row[i]);
    }
    buffer += '\n';
    if (buffer.size() >= (1 << 16)) flush();
  }
  if (sent && !buffer.empty()) flush();
  if (!sent) {
    PQputCopyEnd(conn_, "writ could not send the rows");
  } else if (PQputCopyEnd(conn_, nullptr) != 1) {
    return error_of("cannot end COPY");
  }
  return collect(conn_, nullptr, nullptr);
}

std::string Connection::database() const { return PQdb(conn_) ? PQdb(conn_) : ""; }
std::string Connection::user() const { return PQuser(conn_) ? PQuser(conn_) : ""; }
int Connection::server_version() const { return PQserverVersion(conn_); }

void Connection::cancel() noexcept {
  if (!cancel_) return;
  char buffer[256];
  PQcancel(cancel_, buffer, sizeof buffer);
}

std::string copy_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace writ::kb::postgres
