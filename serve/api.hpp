// The HTTP API of `writ serve` as plain functions: a request (method, path, query
// parameters) in, a reply (status, content type, body) out. The server (server.hpp) only
// carries bytes to and from here, so tests and other front ends can call it directly.
// docs/serve.md documents every endpoint.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "workspace.hpp"

namespace writ::serve {

struct Request {
  std::string method = "GET";
  std::string path;                                         // "/api/ask"
  std::vector<std::pair<std::string, std::string>> params;  // decoded, in order (repeats kept)
};

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

class Api {
 public:
  // `workspace` must outlive the Api. handle() may be called from many threads at once.
  explicit Api(Workspace& workspace);

  Reply handle(const Request& request);

 private:
  Reply info();
  Reply ask(const Request& request);
  Reply why_not(const Request& request);
  Reply sources();

  Workspace& workspace_;
  std::mutex sources_mutex_;
  std::optional<std::string> sources_;  // /api/sources, once read
};

}  // namespace writ::serve
