#include "test_server.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

namespace writ::test {

namespace fs = std::filesystem;

namespace {

// The user to run PostgreSQL as when we are root (it refuses to run as root).
std::optional<std::pair<uid_t, gid_t>> unprivileged_user() {
  if (geteuid() != 0) return std::nullopt;
  for (const char* name : {"postgres", "nobody"}) {
    if (const passwd* pw = getpwnam(name)) return std::pair{pw->pw_uid, pw->pw_gid};
  }
  return std::nullopt;
}

// Runs a program and waits; output goes to `log`. Returns the exit status (-1: failed).
int run(const std::vector<std::string>& argv, const std::string& log) {
  const auto user = unprivileged_user();
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (user) {
      if (setgroups(0, nullptr) != 0 || setgid(user->second) != 0 || setuid(user->first) != 0) _exit(126);
    }
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string tail(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  if (text.size() > 2000) text = "..." + text.substr(text.size() - 2000);
  return text;
}

}  // namespace

std::string TestServer::bindir() {
  if (const char* dir = std::getenv("WRIT_PG_BINDIR"); dir && *dir) return dir;
  // Debian keeps each major version's programs apart; take the newest.
  std::string best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const auto bin = entry.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl") && bin.string() > best) best = bin.string();
  }
  if (!best.empty()) return best;
  for (const char* dir : {"/usr/bin", "/usr/local/bin", "/usr/local/pgsql/bin"})
    if (fs::exists(fs::path(dir) / "initdb") && fs::exists(fs::path(dir) / "pg_ctl")) return dir;
  return {};
}

std::string TestServer::conninfo_of(const std::string& directory) {
  return "host=" + directory + " user=writ dbname=postgres";
}

std::optional<std::string> TestServer::start(const std::string& requested, TestServer& out) {
  const std::string bin = bindir();
  if (bin.empty()) return "PostgreSQL is not installed (no initdb and pg_ctl; set WRIT_PG_BINDIR)";
  std::string directory = requested;
  if (directory.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/writ-pg-XXXXXX";
    if (!mkdtemp(pattern.data())) return "cannot make a temporary directory";
    directory = pattern;
  } else {
    stop(directory);  // a server left by an interrupted run
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec) return "cannot make " + directory + ": " + ec.message();
  }
  // PostgreSQL's user must be able to reach the directory and own the cluster.
  chmod(directory.c_str(), 0755);
  if (const auto user = unprivileged_user()) {
    if (chown(directory.c_str(), user->first, user->second) != 0) return "cannot give " + directory + " to PostgreSQL's user";
  }
  const std::string data = directory + "/data", log = directory + "/log";
  if (run({bin + "/initdb", "-D", data, "-U", "writ", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"}, log) != 0 &&
      run({bin + "/initdb", "-D", data, "-U", "writ", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"}, log) != 0)
    return "initdb failed:\n" + tail(log);
  const std::string options = "-c listen_addresses='' -k " + directory +
                              " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                              " -c max_connections=40 -c shared_buffers=32MB -c jit=off";
  if (run({bin + "/pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"}, log + ".ctl") != 0)
    return "pg_ctl start failed:\n" + tail(log) + tail(log + ".ctl");
  out.directory = directory;
  out.conninfo = conninfo_of(directory);
  return std::nullopt;
}

void TestServer::stop(const std::string& directory) {
  std::error_code ec;
  if (directory.empty() || !fs::exists(directory + "/data/PG_VERSION", ec)) {
    if (!directory.empty() && fs::exists(directory, ec)) fs::remove_all(directory, ec);
    return;
  }
  const std::string bin = bindir();
  if (!bin.empty() && fs::exists(directory + "/data/postmaster.pid", ec))
    run({bin + "/pg_ctl", "-D", directory + "/data", "-m", "immediate", "-w", "-t", "30", "stop"}, directory + "/log.ctl");
  fs::remove_all(directory, ec);
}

}  // namespace writ::test
