#include "pg_client.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>

namespace writ::test {

std::vector<std::vector<std::string>> sql(const std::string& conninfo, const std::string& statement,
                                          std::string* error) {
  std::vector<std::vector<std::string>> rows;
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    if (error) *error = message;
    else ADD_FAILURE() << "cannot connect: " << message;
    return rows;
  }
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  PGresult* r = PQexec(conn, statement.c_str());
  const auto status = PQresultStatus(r);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const std::string message = PQresultErrorMessage(r);
    if (error) *error = message;
    else ADD_FAILURE() << statement << "\n" << message;
  } else {
    for (int i = 0; i < PQntuples(r); ++i) {
      rows.emplace_back();
      for (int c = 0; c < PQnfields(r); ++c) rows.back().emplace_back(PQgetvalue(r, i, c));
    }
  }
  PQclear(r);
  PQfinish(conn);
  return rows;
}

std::string sql_value(const std::string& conninfo, const std::string& statement) {
  const auto rows = sql(conninfo, statement);
  if (rows.size() != 1 || rows[0].size() != 1) {
    ADD_FAILURE() << statement << ": expected one value";
    return {};
  }
  return rows[0][0];
}

}  // namespace writ::test
