// writ_test_pg_server start|stop DIRECTORY: the ctest fixture that starts the tests' own
// PostgreSQL server before the tests labelled `postgres` and stops it after them, whatever
// they did (test_server.hpp).
#include <cstdio>
#include <string>

#include "test_server.hpp"

int main(int argc, char** argv) {
  if (argc != 3 || (std::string(argv[1]) != "start" && std::string(argv[1]) != "stop")) {
    std::fprintf(stderr, "usage: %s start|stop DIRECTORY\n", argv[0]);
    return 2;
  }
  const std::string directory = argv[2];
  if (std::string(argv[1]) == "stop") {
    writ::test::TestServer::stop(directory);
    return 0;
  }
  if (writ::test::TestServer::bindir().empty()) {
    std::printf("PostgreSQL is not installed: the postgres tests will skip\n");
    return 0;
  }
  writ::test::TestServer server;
  if (auto error = writ::test::TestServer::start(directory, server)) {
    std::fprintf(stderr, "%s\n", error->c_str());
    return 1;
  }
  std::printf("PostgreSQL started: %s\n", server.conninfo.c_str());
  return 0;
}
