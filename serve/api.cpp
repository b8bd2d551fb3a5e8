#include "api.hpp"

#include <algorithm>
#include <optional>
#include <variant>

#include "json_writer.hpp"
#include "map_view.hpp"
#include "source_documents.hpp"
#include "view/svg.hpp"

namespace writ::serve {

namespace {

Reply json_reply(int status, std::string body) { return Reply{status, "application/json", std::move(body)}; }

// {"error": MESSAGE} for a request that never reached the knowledge base.
Reply request_error(int status, std::string_view message) {
  JsonWriter w;
  w.begin_object().key("error").value(message).key("diagnostics").begin_array().end_array().end_object();
  return json_reply(status, w.take());
}

// Each diagnostic as an object: where (file, line, column; null when unknown), what, and
// the whole of it rendered as the command line prints it (with the source line and caret).
void write_diagnostics(JsonWriter& w, const kb::KnowledgeBase& kb, const std::vector<kb::Diagnostic>& diagnostics) {
  w.begin_array();
  for (const auto& d : diagnostics) {
    const std::string rendered = kb.render({d});
    w.begin_object();
    w.key("severity").value(d.severity == query::Severity::Error     ? "error"
                            : d.severity == query::Severity::Warning ? "warning"
                                                                     : "note");
    // The file's name is what the rendering puts before ":LINE:COL: ".
    const std::string place = ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": ";
    const auto at = d.location.line ? rendered.find(place) : std::string::npos;
    if (at != std::string::npos) {
      w.key("file").value(std::string_view(rendered).substr(0, at));
      w.key("line").value(static_cast<std::int64_t>(d.location.line));
      w.key("column").value(static_cast<std::int64_t>(d.location.column));
    } else {
      w.key("file").null().key("line").null().key("column").null();
    }
    w.key("message").value(d.message);
    w.key("text").value(rendered);
    w.end_object();
  }
  w.end_array();
}

// A question the knowledge base did not answer: 400 for bad input (its diagnostics say
// where), 503 when a limit stopped it or it was cancelled (the server stays up).
Reply failure(const kb::KnowledgeBase& kb, kb::Outcome outcome, const std::vector<kb::Diagnostic>& diagnostics) {
  const bool limit = outcome == kb::Outcome::LimitHit || outcome == kb::Outcome::Cancelled;
  std::string message = kb.render(diagnostics);
  if (message.empty())
    message = outcome == kb::Outcome::Cancelled ? "cancelled" : limit ? "evaluation stopped: a limit was hit" : "error";
  JsonWriter w;
  w.begin_object().key("error").value(message).key("diagnostics");
  write_diagnostics(w, kb, diagnostics);
  w.end_object();
  return json_reply(limit ? 503 : 400, w.take());
}

std::optional<std::string> param(const Request& r, std::string_view name) {
  std::optional<std::string> found;
  for (const auto& [k, v] : r.params)
    if (k == name) found = v;
  return found;
}

std::vector<std::string> params(const Request& r, std::string_view name) {
  std::vector<std::string> found;
  for (const auto& [k, v] : r.params)
    if (k == name && !v.empty()) found.push_back(v);
  return found;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A party's name as the language writes one: a lowercase letter, then letters, digits, '_'.
bool is_party_name(std::string_view s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// What a question request asks: q, perspective, assume (repeatable).
struct Question {
  std::string q;            // as given
  std::string perspective;  // empty: neutral
  std::vector<std::string> assumptions;
  std::string goal;  // what the knowledge base is asked: q in the perspective
};

std::variant<Question, Reply> read_question(const Request& r) {
  Question question;
  const auto q = param(r, "q");
  if (!q || trim(*q).empty()) return request_error(400, "missing parameter 'q': the question, e.g. q=could_breach(frontier, A)");
  question.q = *q;
  question.perspective = std::string(trim(param(r, "perspective").value_or("")));
  question.assumptions = params(r, "assume");
  std::string_view goal = trim(question.q);
  if (goal.starts_with("?-")) goal = trim(goal.substr(2));
  if (!question.perspective.empty()) {
    if (!is_party_name(question.perspective))
      return request_error(400, "invalid perspective '" + question.perspective + "': expected a party's name, e.g. microsoft");
    if (goal.starts_with("["))
      return request_error(400, "the question names a perspective ('[...]') and so does perspective=: give one of them");
    question.goal = "[" + question.perspective + "] " + std::string(goal);
  } else {
    question.goal = std::string(goal);
  }
  return question;
}

void write_question(JsonWriter& w, const Question& q) {
  w.key("goal").value(q.q);
  w.key("perspective");
  if (q.perspective.empty()) w.null();
  else w.value(q.perspective);
  w.key("assumptions").begin_array();
  for (const auto& a : q.assumptions) w.value(a);
  w.end_array();
}

}  // namespace

Api::Api(Workspace& workspace) : workspace_(workspace) {}

Reply Api::handle(const Request& request) {
  if (request.method != "GET" && request.method != "HEAD")
    return request_error(405, "the API only reads: use GET");
  if (request.path == "/api/info") return info();
  if (request.path == "/api/ask") return ask(request);
  if (request.path == "/api/whynot") return why_not(request);
  if (request.path == "/api/sources") return sources();
  if (request.path == "/api/explain") return map(request, false);
  if (request.path == "/api/map.svg") return map(request, true);
  return request_error(404, "no such endpoint: " + request.path + " (see docs/serve.md)");
}

Reply Api::info() {
  const auto& options = workspace_.options();
  JsonWriter w;
  w.begin_object();
  w.key("files").begin_array();
  for (const auto& f : options.files) w.value(f);
  w.end_array();
  w.key("store");
  if (options.db) w.value(*options.db);
  else w.null();
  w.key("as_of");
  if (options.db && options.as_of) w.value(*options.as_of);
  else w.null();
  w.key("parties").begin_array();
  for (const auto& p : workspace_.parties()) w.value(p);
  w.end_array();
  // A display name for each party, when the knowledge base gives them as entity/2 facts.
  w.key("names").begin_object();
  const auto predicates = workspace_.base().predicates();
  const bool has_entities = std::any_of(predicates.begin(), predicates.end(), [](const kb::PredicateInfo& p) {
    return p.name == "entity" && p.arity == 2;
  });
  if (has_entities) {
    const auto names = workspace_.base().ask("entity(Party, Name)", "<names>");
    const auto& parties = workspace_.parties();
    for (const auto& row : names.answers.rows)
      if (row[0].kind == query::ValueKind::Symbol && row[1].kind == query::ValueKind::String &&
          std::find(parties.begin(), parties.end(), row[0].text) != parties.end())
        w.key(row[0].text).value(row[1].text);
  }
  w.end_object();
  w.key("questions").begin_array();
  for (const auto& q : workspace_.questions()) w.value(q);
  w.end_array();
  // Each predicate as a question to start from: p(A, B).
  w.key("predicates").begin_array();
  for (const auto& p : predicates) {
    if (p.name.starts_with("-")) continue;
    std::string pattern = p.name;
    if (p.arity) {
      pattern += '(';
      for (std::size_t i = 0; i < p.arity; ++i) {
        if (i) pattern += ", ";
        pattern += i < 26 ? std::string(1, static_cast<char>('A' + i)) : "X" + std::to_string(i);
      }
      pattern += ')';
    }
    w.value(pattern);
  }
  w.end_array();
  w.key("timeout_ms");
  if (options.limits.timeout) w.value(static_cast<std::int64_t>(options.limits.timeout->count()));
  else w.null();
  // The statuses' palette, the one the map and the terminal use (kb::status_colour).
  w.key("legend").begin_object();
  for (const auto status : {kb::Status::Established, kb::Status::Accepted, kb::Status::Contested, kb::Status::Rejected})
    w.key(kb::status_name(status)).value(kb::status_colour(status));
  w.end_object();
  w.end_object();
  return json_reply(200, w.take());
}

Reply Api::ask(const Request& request) {
  auto read = read_question(request);
  if (auto* error = std::get_if<Reply>(&read)) return std::move(*error);
  const auto& question = std::get<Question>(read);
  Reply reply;
  workspace_.with_assumptions(
      question.assumptions,
      [&](kb::KnowledgeBase& kb) {
        const auto result = kb.ask(question.goal, "q");
        if (result.outcome != kb::Outcome::Ok) {
          reply = failure(kb, result.outcome, result.diagnostics);
          return;
        }
        JsonWriter w;
        w.begin_object();
        write_question(w, question);
        w.key("columns").begin_array();
        for (const auto& c : result.answers.columns) w.value(c);
        w.end_array();
        w.key("has_status").value(result.answers.has_status);
        w.key("rows").begin_array();
        for (std::size_t i = 0; i < result.answers.rows.size(); ++i) {
          w.begin_object().key("values").begin_array();
          for (const auto& v : result.answers.rows[i]) w.value(query::to_source(v));
          w.end_array().key("status");
          if (i < result.answers.statuses.size()) w.value(kb::status_name(result.answers.statuses[i]));
          else w.null();
          w.end_object();
        }
        w.end_array();
        w.key("warnings");
        write_diagnostics(w, kb, result.diagnostics);
        w.end_object();
        reply = json_reply(200, w.take());
      },
      [&](kb::KnowledgeBase& kb, const kb::LoadResult& refused) {
        reply = failure(kb, refused.outcome, refused.diagnostics);
      });
  return reply;
}

Reply Api::why_not(const Request& request) {
  auto read = read_question(request);
  if (auto* error = std::get_if<Reply>(&read)) return std::move(*error);
  const auto& question = std::get<Question>(read);
  Reply reply;
  workspace_.with_assumptions(
      question.assumptions,
      [&](kb::KnowledgeBase& kb) {
        const auto result = kb.why_not(question.goal, "q");
        if (result.outcome != kb::Outcome::Ok) {
          reply = failure(kb, result.outcome, result.diagnostics);
          return;
        }
        std::string text;
        for (const auto& e : result.explanations) text += kb::render_text(e);
        JsonWriter w;
        w.begin_object();
        write_question(w, question);
        w.key("text").value(text);
        w.key("warnings");
        write_diagnostics(w, kb, result.diagnostics);
        w.end_object();
        reply = json_reply(200, w.take());
      },
      [&](kb::KnowledgeBase& kb, const kb::LoadResult& refused) {
        reply = failure(kb, refused.outcome, refused.diagnostics);
      });
  return reply;
}

Reply Api::sources() {
  // The base never changes: its sources are read once (unless that fails).
  const std::lock_guard lock(sources_mutex_);
  if (!sources_) {
    auto reply = sources_json(workspace_.base(), workspace_.options().files);
    if (reply.outcome != kb::Outcome::Ok) return failure(workspace_.base(), reply.outcome, reply.diagnostics);
    sources_ = std::move(reply.json);
  }
  return json_reply(200, *sources_);
}

namespace {

// Maps larger than this are not laid out: Graphviz would take minutes (and cannot be
// stopped); the page asks for a smaller depth instead.
constexpr std::size_t max_drawn_nodes = 600;
constexpr std::size_t cached_maps = 16;

}  // namespace

std::shared_ptr<const kb::ArgumentMap> Api::whole_map(kb::KnowledgeBase& kb, const std::string& goal,
                                                      const std::vector<std::string>& assumptions,
                                                      kb::MapResult& failed) {
  std::string key = goal;
  for (const auto& a : assumptions) key += '\n' + a;
  {
    const std::lock_guard lock(maps_mutex_);
    for (auto it = maps_.begin(); it != maps_.end(); ++it)
      if (it->first == key) {
        maps_.splice(maps_.begin(), maps_, it);
        return it->second;
      }
  }
  auto result = kb.argument_map(goal, "q");
  if (result.outcome != kb::Outcome::Ok) {
    failed = std::move(result);
    return nullptr;
  }
  auto map = std::make_shared<const kb::ArgumentMap>(std::move(result.map));
  const std::lock_guard lock(maps_mutex_);
  maps_.emplace_front(std::move(key), map);
  if (maps_.size() > cached_maps) maps_.pop_back();
  return map;
}

Reply Api::map(const Request& request, bool svg) {
  auto read = read_question(request);
  if (auto* error = std::get_if<Reply>(&read)) return std::move(*error);
  const auto& question = std::get<Question>(read);
  auto view = read_map_view(request);
  if (auto* error = std::get_if<std::string>(&view)) return request_error(400, *error);
  const auto& map_view = std::get<MapView>(view);

  std::optional<Reply> reply;
  std::shared_ptr<const kb::ArgumentMap> whole;
  workspace_.with_assumptions(
      question.assumptions,
      [&](kb::KnowledgeBase& kb) {
        kb::MapResult failed;
        whole = whole_map(kb, question.goal, question.assumptions, failed);
        if (!whole) reply = failure(kb, failed.outcome, failed.diagnostics);
      },
      [&](kb::KnowledgeBase& kb, const kb::LoadResult& refused) {
        reply = failure(kb, refused.outcome, refused.diagnostics);
      });
  if (reply) return std::move(*reply);
  if (map_view.answer && *map_view.answer >= whole->answers.size())
    return request_error(400, "no answer " + std::to_string(*map_view.answer) + ": the question has " +
                                  std::to_string(whole->answers.size()) + " (answer counts from 0)");
  // Pruning and drawing need no knowledge base: outside its turn.
  const auto drawn = apply(*whole, map_view);
  if (!svg) return json_reply(200, kb::render_map_json(drawn));
  if (drawn.nodes.size() > max_drawn_nodes)
    return request_error(413, "the map has " + std::to_string(drawn.nodes.size()) + " nodes, too many to draw (at most " +
                                  std::to_string(max_drawn_nodes) + "): choose a smaller depth or one answer");
  auto picture = view::map_svg(drawn);
  if (!picture.ok) return request_error(500, "the map could not be drawn: " + picture.error);
  return Reply{200, "image/svg+xml", std::move(picture.svg)};
}

}  // namespace writ::serve
