#include "server.hpp"

#include <httplib.h>

#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "assets.hpp"

namespace writ::serve {

struct Server::Impl {
  Api& api;
  httplib::Server http;

  explicit Impl(Api& a) : api(a) {}
};

namespace {

// Every reply: never cached (the page asks again after each change), never sniffed.
void common_headers(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace

Server::Server(Api& api, int threads) : impl_(std::make_unique<Impl>(api)) {
  auto& http = impl_->http;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  // SO_REUSEADDR (a restarted server gets its port back at once) but not httplib's
  // default SO_REUSEPORT, with which a second server on a busy port would bind too and
  // share the requests with the first.
  http.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    common_headers(res);
    if (req.path.starts_with("/api/")) {
      Request request{req.method, req.path, {}};
      for (const auto& [k, v] : req.params) request.params.emplace_back(k, v);
      auto reply = impl_->api.handle(request);
      res.status = reply.status;
      res.set_content(std::move(reply.body), reply.content_type.c_str());
      return;
    }
    if (const Asset* asset = find_asset(req.path)) {
      res.set_content(std::string(asset->body), std::string(asset->content_type).c_str());
      return;
    }
    res.status = 404;
    res.set_content("not found: " + req.path + "\n", "text/plain; charset=utf-8");
  });
  // Nothing changes anything: every other method is refused.
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    common_headers(res);
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content(R"({"error":"writ serve only reads: use GET","diagnostics":[]})", "application/json");
  };
  http.Post(R"(/.*)", refuse);
  http.Put(R"(/.*)", refuse);
  http.Patch(R"(/.*)", refuse);
  http.Delete(R"(/.*)", refuse);
}

Server::~Server() = default;

std::optional<int> Server::bind(const std::string& host, int port, std::string& error) {
  errno = 0;
  const int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound > 0) return bound;
  const int saved = errno;
  error = "cannot listen on " + host + ":" + std::to_string(port) +
          (saved ? std::string(": ") + std::strerror(saved) : std::string(": the address cannot be used"));
  return std::nullopt;
}

void Server::run() { impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace writ::serve
