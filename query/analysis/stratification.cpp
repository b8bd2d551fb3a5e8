// Negation and aggregation must not go through recursion: a predicate may depend
// negatively only on predicates of strictly earlier components, or there is no unique
// model to compute (the program is not stratified).
#include <algorithm>
#include <deque>
#include <map>

#include "checks.hpp"
#include "dependency_graph.hpp"

namespace writ::query {

namespace {

// The shortest path from `from` to `to` inside one component, as edges taken.
std::vector<const Dependency*> path_within(const DependencyGraph& g, std::uint32_t from, std::uint32_t to) {
  const auto component = g.component_of[from];
  std::map<std::uint32_t, const Dependency*> via;
  std::map<std::uint32_t, std::uint32_t> parent;
  std::deque<std::uint32_t> queue{from};
  parent[from] = from;
  while (!queue.empty()) {
    const auto node = queue.front();
    queue.pop_front();
    if (node == to) break;
    for (const auto& d : g.edges[node]) {
      if (g.component_of[d.to] != component || parent.count(d.to)) continue;
      parent[d.to] = node;
      via[d.to] = &d;
      queue.push_back(d.to);
    }
  }
  std::vector<const Dependency*> path;
  for (auto node = to; node != from; node = parent.at(node)) path.push_back(via.at(node));
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

void check_stratification(const Program& program, std::vector<Diagnostic>& out) {
  const auto g = build_dependency_graph(program, true);
  std::vector<bool> reported(g.components.size(), false);
  for (std::uint32_t head = 0; head < g.predicates.size(); ++head) {
    for (const auto& d : g.edges[head]) {
      const auto component = g.component_of[head];
      if (!d.negative || g.component_of[d.to] != component || reported[component]) continue;
      reported[component] = true;
      // The cycle: head -> not body -> ... -> head.
      std::string cycle = g.predicates[head].name + " -> " +
                          (d.literal->kind == Literal::Kind::Aggregate ? "#aggregate " : "not ") +
                          g.predicates[d.to].name;
      for (const auto* step : path_within(g, d.to, head))
        cycle += std::string(" -> ") + (step->negative ? "not " : "") + g.predicates[step->to].name;
      const char* what = d.literal->kind == Literal::Kind::Aggregate ? "aggregation" : "negation";
      out.push_back(make_error(d.literal->location, std::string(what) + " through recursion: " + cycle +
                                                        " (the program is not stratified)"));
    }
  }
}

}  // namespace writ::query
