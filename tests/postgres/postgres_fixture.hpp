// The server every postgres test talks to: the one the ctest fixture started (its
// directory in $WRIT_TEST_PG_DIR), or, when the tests run by hand, one of their own, started
// before the first test and stopped after the last.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace writ::test {

// The connection string of the tests' server; empty when PostgreSQL is not installed (the
// tests then skip).
const std::string& test_conninfo();
// The directory of its socket (PGHOST).
const std::string& test_pghost();

#define WRIT_NEEDS_POSTGRES()                                                              \
  do {                                                                                     \
    if (::writ::test::test_conninfo().empty()) GTEST_SKIP() << "PostgreSQL is not installed"; \
  } while (0)

}  // namespace writ::test
