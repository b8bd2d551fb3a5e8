// A PostgreSQL server of the tests' own: a cluster made by initdb in a directory, started
// with pg_ctl on a Unix socket in that directory (no TCP), stopped at the end. As root,
// initdb and the server run as an unprivileged user (`postgres`, else `nobody`), as
// PostgreSQL requires. Settings trade durability for speed (fsync off): the data is thrown
// away.
#pragma once

#include <optional>
#include <string>

namespace writ::test {

struct TestServer {
  std::string directory;  // the cluster (data/), the socket and the log
  std::string conninfo;   // host=DIRECTORY user=writ dbname=postgres

  // The directory of PostgreSQL's programs (initdb, pg_ctl, postgres), or empty when
  // PostgreSQL is not installed. $WRIT_PG_BINDIR overrides the search.
  static std::string bindir();

  // Makes a cluster in `directory` (a new one under $TMPDIR when empty) and starts it.
  // Stops a server left running there by an earlier run first. On failure, says why.
  static std::optional<std::string> start(const std::string& directory, TestServer& out);
  // Stops the server of `directory` (immediately: its data is of no further use) and
  // removes the directory.
  static void stop(const std::string& directory);

  // The connection string for a server started in `directory`.
  static std::string conninfo_of(const std::string& directory);
};

}  // namespace writ::test
