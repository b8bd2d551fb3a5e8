#include "serve_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <regex>
#include <stdexcept>
#include <thread>

namespace writ::serve::test {

ServeProcess::ServeProcess(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::dup2(pipe_fds[1], STDERR_FILENO);
    std::vector<std::string> copies{"writ", "serve", "--port", "0"};
    copies.insert(copies.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(WRIT_BINARY, argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  out_ = pipe_fds[0];
  static const std::regex address(R"(http://127\.0\.0\.1:([0-9]+)/)");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    if (std::regex_search(output_, m, address)) {
      port_ = std::stoi(m[1]);
      url_ = m[0];
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // it ended without serving
      drain(std::chrono::milliseconds(100));
      pid_ = -1;
      return;
    }
    drain(std::chrono::milliseconds(50));
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) stop(SIGKILL);
  if (out_ >= 0) ::close(out_);
}

void ServeProcess::drain(std::chrono::milliseconds timeout) {
  pollfd p{out_, POLLIN, 0};
  if (out_ < 0 || ::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return;
  char buffer[4096];
  const ssize_t n = ::read(out_, buffer, sizeof buffer);
  if (n > 0) output_.append(buffer, static_cast<std::size_t>(n));
}

int ServeProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  int code = -1;
  for (;;) {
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    drain(std::chrono::milliseconds(20));
  }
  pid_ = -1;
  for (int i = 0; i < 50; ++i) {  // what is left in the pipe
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) break;
    char buffer[4096];
    const ssize_t n = ::read(out_, buffer, sizeof buffer);
    if (n <= 0) break;
    output_.append(buffer, static_cast<std::size_t>(n));
  }
  return code;
}

std::string ServeProcess::output() {
  if (pid_ > 0) drain(std::chrono::milliseconds(0));
  return output_;
}

}  // namespace writ::serve::test
