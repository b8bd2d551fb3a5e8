#include "writ_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <stdexcept>

namespace writ::cli::test {

namespace {

// The child's side after fork(): environment, directory, then exec writ.
[[noreturn]] void exec_writ(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                            const std::vector<std::pair<std::string, std::string>>& env) {
  for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
  if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
  std::vector<char*> argv;
  std::string program = "writ";
  argv.push_back(program.data());
  std::vector<std::string> copies = args;
  for (auto& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(WRIT_BINARY, argv.data());
  ::_exit(127);
}

int decode_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "writ-cli-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, std::string_view text) const {
  const auto file = path_ / name;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + file.string());
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return file.string();
}

ProcessResult run_writ(const std::vector<std::string>& args, std::string_view input,
                       const std::filesystem::path& cwd,
                       const std::vector<std::pair<std::string, std::string>>& env) {
  std::array<int, 2> in{};
  std::array<int, 2> out{};
  std::array<int, 2> err{};
  if (::pipe2(in.data(), O_CLOEXEC) != 0 || ::pipe2(out.data(), O_CLOEXEC) != 0 ||
      ::pipe2(err.data(), O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    exec_writ(args, cwd, env);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);

  // Feed stdin and drain both outputs together, so that no pipe fills up and blocks.
  ProcessResult result;
  std::size_t written = 0;
  int to_child = in[1];
  if (input.empty()) {
    ::close(to_child);
    to_child = -1;
  }
  bool out_open = true;
  bool err_open = true;
  std::array<char, 65536> buffer{};
  ::signal(SIGPIPE, SIG_IGN);  // writ may exit before reading all of its input
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out[0], POLLIN, 0});
    if (err_open) fds.push_back({err[0], POLLIN, 0});
    if (to_child >= 0) fds.push_back({to_child, POLLOUT, 0});
    if (::poll(fds.data(), fds.size(), 120'000) <= 0) break;  // a hung writ: give up
    for (const auto& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == to_child) {
        const ssize_t n = ::write(to_child, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == input.size()) {
          ::close(to_child);
          to_child = -1;
        }
        continue;
      }
      const ssize_t n = ::read(p.fd, buffer.data(), buffer.size());
      if (n <= 0) {
        (p.fd == out[0] ? out_open : err_open) = false;
        continue;
      }
      (p.fd == out[0] ? result.out : result.err).append(buffer.data(), static_cast<std::size_t>(n));
    }
  }
  if (to_child >= 0) ::close(to_child);
  ::close(out[0]);
  ::close(err[0]);
  if (out_open || err_open) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = decode_status(status);
  return result;
}

PtySession::PtySession(const std::vector<std::string>& args,
                       const std::vector<std::pair<std::string, std::string>>& env, const std::filesystem::path& cwd) {
  winsize size{};
  size.ws_row = 24;
  size.ws_col = 80;
  pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
  if (pid_ < 0) throw std::runtime_error("forkpty failed");
  if (pid_ == 0) {
    // A plain terminal without a pager, unless the test says otherwise.
    std::vector<std::pair<std::string, std::string>> all = {{"TERM", "dumb"}, {"PAGER", ""}};
    all.insert(all.end(), env.begin(), env.end());
    all.emplace_back("INPUTRC", "/dev/null");  // no user key bindings
    exec_writ(args, cwd, all);
  }
}

PtySession::~PtySession() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (master_ >= 0) ::close(master_);
}

void PtySession::send(std::string_view keys) {
  while (!keys.empty()) {
    const ssize_t n = ::write(master_, keys.data(), keys.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    keys.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool PtySession::read_some(std::chrono::milliseconds timeout) {
  pollfd p{master_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
  std::array<char, 4096> buffer{};
  const ssize_t n = ::read(master_, buffer.data(), buffer.size());
  if (n <= 0) return false;  // EIO: the child closed the terminal
  output_.append(buffer.data(), static_cast<std::size_t>(n));
  return true;
}

bool PtySession::expect(std::string_view needle, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (const auto at = output_.find(needle, consumed_); at != std::string::npos) {
      consumed_ = at + needle.size();
      return true;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    if (!read_some(left)) {
      if (std::chrono::steady_clock::now() >= deadline) return false;
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, 0) < 0 || (p.revents & (POLLHUP | POLLERR)) != 0) {
        // The child is gone; nothing more will come.
        return output_.find(needle, consumed_) != std::string::npos;
      }
    }
  }
}

bool PtySession::expect_prompt(std::string& said, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const std::string_view rest = std::string_view(output_).substr(consumed_);
    if (rest.ends_with("writ> ") || rest.ends_with("  ...> ")) {
      said = rest;
      consumed_ = output_.size();
      return true;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    if (!read_some(left)) {
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, 0) < 0 || (p.revents & (POLLHUP | POLLERR)) != 0) return false;  // the child is gone
    }
  }
}

int PtySession::wait(std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    read_some(std::chrono::milliseconds(50));  // keep the terminal drained
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return decode_status(status);
    }
  }
  return -1;
}

}  // namespace writ::cli::test
