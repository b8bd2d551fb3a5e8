// A few lines of libpq for the tests' own SQL: setting up roles and schemas, reading what
// a load left, stopping a backend.
#pragma once

#include <string>
#include <vector>

namespace writ::test {

// Runs `sql` (one statement or several) on a new connection and returns the rows of the
// last result, each value as text ("" for NULL). Fails the test with the server's message
// on an error, unless `error` is given: then the message goes there.
std::vector<std::vector<std::string>> sql(const std::string& conninfo, const std::string& statement,
                                          std::string* error = nullptr);

// The single value of a query that returns one.
std::string sql_value(const std::string& conninfo, const std::string& statement);

}  // namespace writ::test
