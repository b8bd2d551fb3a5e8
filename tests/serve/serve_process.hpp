// `writ serve` as a test runs it: started on a free port (--port 0), its address read from
// the line it prints, stopped with SIGTERM by stop() or the destructor.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace writ::serve::test {

class ServeProcess {
 public:
  // Starts `writ serve --port 0 ARGS...` and waits (up to `timeout`) for its address.
  // started() is false when it did not print one (then output() says why).
  explicit ServeProcess(const std::vector<std::string>& args,
                        std::chrono::milliseconds timeout = std::chrono::seconds(20));
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT/"

  // Sends `signal` and waits for the exit; returns the exit code (-1: killed by a signal
  // or still running after `timeout`, then killed).
  int stop(int signal = 15, std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Everything it wrote to stdout and stderr so far (after stop(): all of it).
  std::string output();

 private:
  void drain(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int out_ = -1;  // the child's stdout and stderr, merged
  std::string output_;
  int port_ = 0;
  std::string url_;
};

}  // namespace writ::serve::test
