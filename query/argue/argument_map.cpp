// The argument map's own operations: lookup, names, the palette and pruning.
#include "argument_map.hpp"

#include <deque>
#include <map>

namespace writ::query::argue {

const char* edge_kind_name(MapEdge::Kind k) {
  switch (k) {
    case MapEdge::Kind::Premise: return "premise";
    case MapEdge::Kind::Concludes: return "concludes";
    case MapEdge::Kind::Rebuts: return "rebuts";
    case MapEdge::Kind::Undercuts: return "undercuts";
    case MapEdge::Kind::Beats: return "beats";
    case MapEdge::Kind::Negates: return "negates";
  }
  return "premise";
}

const char* node_kind_name(MapNode::Kind k) {
  switch (k) {
    case MapNode::Kind::Literal: return "literal";
    case MapNode::Kind::Argument: return "argument";
    case MapNode::Kind::Goal: return "goal";
  }
  return "literal";
}

const MapNode* ArgumentMap::find(const std::string& id) const {
  for (const auto& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

namespace {

// The walk down from the answers, as build made it: a literal's arguments (one step
// further), an argument's premises, attackers and conclusion (the same step); a negation's
// literals one step further.
struct Step {
  std::size_t to;
  int cost;
};

std::vector<std::vector<Step>> down_steps(const ArgumentMap& map, const std::map<std::string, std::size_t>& at) {
  std::vector<std::vector<Step>> down(map.nodes.size());
  for (const auto& e : map.edges) {
    const auto from = at.at(e.from);
    const auto to = at.at(e.to);
    switch (e.kind) {
      case MapEdge::Kind::Concludes:
        down[to].push_back({from, 1});  // from the literal to its argument
        down[from].push_back({to, 0});  // an attacker's own conclusion
        break;
      case MapEdge::Kind::Premise: down[to].push_back({from, 0}); break;
      case MapEdge::Kind::Rebuts:
      case MapEdge::Kind::Undercuts: down[to].push_back({from, 0}); break;
      case MapEdge::Kind::Negates: down[to].push_back({from, 1}); break;
      case MapEdge::Kind::Beats: break;
    }
  }
  return down;
}

}  // namespace

ArgumentMap prune(const ArgumentMap& map, const PruneOptions& options) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < map.nodes.size(); ++i) at.emplace(map.nodes[i].id, i);
  const auto down = down_steps(map, at);
  constexpr int unreached = 1 << 30;
  std::vector<int> depth(map.nodes.size(), unreached);
  std::deque<std::size_t> queue;
  for (const auto& a : map.answers) {
    const auto it = at.find(a.node);
    if (it == at.end() || depth[it->second] == 0) continue;
    depth[it->second] = 0;
    queue.push_back(it->second);
  }
  const int limit = options.depth.value_or(unreached - 1);
  std::vector<bool> done(map.nodes.size(), false);
  while (!queue.empty()) {
    const auto n = queue.front();
    queue.pop_front();
    if (done[n]) continue;
    done[n] = true;
    if (options.collapsed.count(map.nodes[n].id)) continue;
    const bool expanded = options.expanded.count(map.nodes[n].id) > 0;
    for (const auto& s : down[n]) {
      const int d = depth[n] + s.cost;
      // A step of no cost (an argument's premises, attackers, conclusion) is taken past the
      // depth too: what an expanded node brings in comes whole.
      if ((d > limit && !expanded && s.cost > 0) || d >= depth[s.to]) continue;
      depth[s.to] = d;
      if (s.cost == 0) queue.push_front(s.to);
      else queue.push_back(s.to);
    }
  }
  ArgumentMap out;
  out.goal = map.goal;
  out.perspective = map.perspective;
  out.assumptions = map.assumptions;
  out.columns = map.columns;
  out.answers = map.answers;
  out.truncated = map.truncated;
  for (std::size_t i = 0; i < map.nodes.size(); ++i) {
    if (depth[i] == unreached) continue;
    auto n = map.nodes[i];
    n.depth = depth[i];
    n.hidden = 0;
    for (const auto& s : down[i])
      if (depth[s.to] == unreached) ++n.hidden;
    out.nodes.push_back(std::move(n));
  }
  for (const auto& e : map.edges)
    if (depth[at.at(e.from)] != unreached && depth[at.at(e.to)] != unreached) out.edges.push_back(e);
  return out;
}

}  // namespace writ::query::argue
