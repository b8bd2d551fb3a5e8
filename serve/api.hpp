// The HTTP API of `writ serve` as plain functions: a request (method, path, query
// parameters) in, a reply (status, content type, body) out. The server (server.hpp) only
// carries bytes to and from here, so tests and other front ends can call it directly.
// docs/serve.md documents every endpoint.
#pragma once

#include <list>
#include <memory>
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
  // /api/explain (JSON) and /api/map.svg: the argument map of a question, as asked.
  Reply map(const Request& request, bool svg);
  // The whole map of `goal` under `assumptions`, from a small cache (the knowledge bases
  // do not change, so a map stays right; the page asks for the same one in several views).
  std::shared_ptr<const kb::ArgumentMap> whole_map(kb::KnowledgeBase& kb, const std::string& goal,
                                                   const std::vector<std::string>& assumptions, kb::MapResult& failed);

  Workspace& workspace_;
  std::mutex sources_mutex_;
  std::optional<std::string> sources_;  // /api/sources, once read
  std::mutex maps_mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const kb::ArgumentMap>>> maps_;  // most recent first
};

}  // namespace writ::serve
