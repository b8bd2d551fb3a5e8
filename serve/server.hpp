// The HTTP server of `writ serve`: the page's files at /, the API (api.hpp) under /api/.
// Binds to one address (localhost unless told otherwise), serves requests on a pool of
// threads, stops on stop(). cpp-httplib stays inside server.cpp.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "api.hpp"

namespace writ::serve {

class Server {
 public:
  // `api` must outlive the server. `threads`: requests served at once.
  explicit Server(Api& api, int threads = 8);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds to `host`:`port` (0: a free port). Returns the port bound, or nullopt with
  // `error` saying why (the system's reason).
  std::optional<int> bind(const std::string& host, int port, std::string& error);
  // Serves until stop(); returns once the requests in progress are answered.
  void run();
  // Stops run(), from any thread (not from a signal handler).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace writ::serve
