#include "map_view.hpp"

#include <charconv>
#include <map>
#include <set>
#include <vector>

namespace writ::serve {

namespace {

std::optional<std::string> param(const Request& r, std::string_view name) {
  std::optional<std::string> found;
  for (const auto& [k, v] : r.params)
    if (k == name) found = v;
  return found;
}

std::optional<std::size_t> number(std::string_view text) {
  std::size_t n = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return n;
}

}  // namespace

std::variant<MapView, std::string> read_map_view(const Request& request) {
  MapView view;
  if (const auto answer = param(request, "answer"); answer && !answer->empty()) {
    view.answer = number(*answer);
    if (!view.answer) return "invalid answer '" + *answer + "': expected an answer's index, 0, 1, ...";
  }
  if (const auto depth = param(request, "depth"); depth && !depth->empty()) {
    const auto n = number(*depth);
    if (!n || *n > 1000) return "invalid depth '" + *depth + "': expected a number of argument steps, 0, 1, ...";
    view.prune.depth = static_cast<int>(*n);
  }
  for (const auto& [name, ids] : {std::pair{"collapsed", &view.prune.collapsed}, std::pair{"expanded", &view.prune.expanded}}) {
    const auto list = param(request, name);
    if (!list) continue;
    std::string_view rest = *list;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto id = rest.substr(0, comma);
      if (!id.empty()) ids->insert(std::string(id));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return view;
}

kb::ArgumentMap focus(const kb::ArgumentMap& map, std::size_t answer) {
  using Edge = query::argue::MapEdge;
  using Node = query::argue::MapNode;
  kb::ArgumentMap out;
  out.goal = map.goal;
  out.perspective = map.perspective;
  out.assumptions = map.assumptions;
  out.columns = map.columns;
  out.truncated = map.truncated;
  if (answer >= map.answers.size()) return out;
  out.answers.push_back(map.answers[answer]);

  std::map<std::string, const Node*> nodes;
  for (const auto& n : map.nodes) nodes[n.id] = &n;
  std::map<std::string, std::vector<const Edge*>> into, out_of;
  for (const auto& e : map.edges) {
    into[e.to].push_back(&e);
    out_of[e.from].push_back(&e);
  }
  // Walk against the edges (what supports, attacks or outranks a node, and what a premise
  // rests on), plus each argument's own conclusion and both sides of a `not`.
  std::set<std::string> kept;
  std::vector<std::string> work{map.answers[answer].node};
  while (!work.empty()) {
    const std::string id = std::move(work.back());
    work.pop_back();
    if (id.empty() || !kept.insert(id).second) continue;
    for (const auto* e : into[id]) work.push_back(e->from);
    const auto n = nodes.find(id);
    const bool argument = n != nodes.end() && n->second->kind == Node::Kind::Argument;
    for (const auto* e : out_of[id])
      if ((argument && e->kind == Edge::Kind::Concludes) || e->kind == Edge::Kind::Negates) work.push_back(e->to);
  }
  for (const auto& n : map.nodes)
    if (kept.count(n.id)) out.nodes.push_back(n);
  for (const auto& e : map.edges)
    if (kept.count(e.from) && kept.count(e.to)) out.edges.push_back(e);
  return out;
}

kb::ArgumentMap apply(const kb::ArgumentMap& map, const MapView& view) {
  if (!view.answer) return kb::prune(map, view.prune);
  return kb::prune(focus(map, *view.answer), view.prune);
}

}  // namespace writ::serve
