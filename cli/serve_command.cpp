// writ serve: the knowledge base in the browser (serve/), until Ctrl-C or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "reporting.hpp"
#include "serve/server.hpp"
#include "serve/workspace.hpp"

namespace writ::cli {

namespace {

// A question that runs away must not hold a page (and the questions queued behind it) for
// ever: without --timeout, each question gets this long.
constexpr std::chrono::seconds default_timeout{10};

std::string url_of(const std::string& host, int port) {
  const bool ipv6 = host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/";
}

}  // namespace

ExitStatus serve_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ", *message);
    return ExitStatus::InputError;
  }
  serve::WorkspaceOptions served{options.db, options.as_of, options.files, options.limits};
  if (!served.limits.timeout) served.limits.timeout = default_timeout;
  serve::OpenFailure failure;
  std::string warnings;
  auto workspace = serve::Workspace::open(served, failure, warnings);
  if (!workspace) {
    std::cerr << failure.message;
    return status_of(failure.outcome);
  }
  std::cerr << warnings;

  // Ctrl-C and SIGTERM are taken here, by sigwait, in no other thread: block them before
  // the server starts its threads, which inherit the mask. A client that goes away must
  // not end the server: SIGPIPE is ignored (a write then fails with EPIPE).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  serve::Api api(*workspace);
  serve::Server server(api);
  std::string error;
  const std::string host = options.host.value_or("127.0.0.1");
  const auto port = server.bind(host, options.port, error);
  if (!port) {
    print_error("writ: error", error);
    return ExitStatus::InputError;
  }
  std::cout << "writ serve: " << url_of(host, *port) << " (Ctrl-C to stop)" << std::endl;

  // The server thread wakes this one when it ends on its own (it should not).
  const pthread_t main_thread = pthread_self();
  std::atomic<bool> stopping{false};
  std::thread serving([&] {
    server.run();
    if (!stopping.load()) pthread_kill(main_thread, SIGTERM);
  });
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  stopping.store(true);
  workspace->cancel();  // questions in progress end now, with 503
  server.stop();
  serving.join();
  std::cerr << "writ serve: stopped\n";
  return ExitStatus::Ok;
}

}  // namespace writ::cli
