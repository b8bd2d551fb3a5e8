#include "postgres_fixture.hpp"

#include <cstdlib>
#include <filesystem>

#include "test_server.hpp"

namespace writ::test {

namespace {

struct State {
  std::string conninfo;
  std::string pghost;
  std::string own;  // the directory of a server this process started
};

State& state() {
  static State s;
  return s;
}

class ServerEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    auto& s = state();
    if (const char* dir = std::getenv("WRIT_TEST_PG_DIR"); dir && *dir) {
      if (std::filesystem::exists(std::string(dir) + "/data/PG_VERSION")) {
        s.pghost = dir;
        s.conninfo = TestServer::conninfo_of(dir);
        return;
      }
      if (TestServer::bindir().empty()) return;  // not installed: skip
      FAIL() << "WRIT_TEST_PG_DIR=" << dir << " holds no server (the ctest fixture did not start one?)";
    }
    if (TestServer::bindir().empty()) return;
    TestServer server;
    if (auto error = TestServer::start("", server)) FAIL() << "cannot start PostgreSQL: " << *error;
    s.own = s.pghost = server.directory;
    s.conninfo = server.conninfo;
  }
  void TearDown() override {
    if (!state().own.empty()) TestServer::stop(state().own);
  }
};

const auto* const environment = ::testing::AddGlobalTestEnvironment(new ServerEnvironment);

}  // namespace

const std::string& test_conninfo() { return state().conninfo; }
const std::string& test_pghost() { return state().pghost; }

}  // namespace writ::test
