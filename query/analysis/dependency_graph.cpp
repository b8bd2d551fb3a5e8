#include "dependency_graph.hpp"

#include <algorithm>
#include <functional>

namespace writ::query {

namespace {

std::uint32_t intern(DependencyGraph& g, const PredicateId& p) {
  auto [it, inserted] = g.index.try_emplace(p, static_cast<std::uint32_t>(g.predicates.size()));
  if (inserted) {
    g.predicates.push_back(p);
    g.edges.emplace_back();
  }
  return it->second;
}

void add_edges(DependencyGraph& g, std::uint32_t head, const Rule& rule, const std::vector<Literal>& body,
               bool under_aggregate) {
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Atom) {
      const auto to = intern(g, predicate_of(l.atom));
      g.edges[head].push_back(Dependency{to, l.negated || under_aggregate, &rule, &l});
    } else if (l.kind == Literal::Kind::Aggregate) {
      for (const auto& e : l.elements) {
        for (const auto& c : e.condition) {
          if (c.kind != Literal::Kind::Atom) continue;
          const auto to = intern(g, predicate_of(c.atom));
          g.edges[head].push_back(Dependency{to, true, &rule, &l});
        }
      }
    }
  }
}

// Tarjan's algorithm, iterative so that a long chain of predicates cannot exhaust the
// stack. Components come out dependencies-first because edges point from a head to the
// predicates its body uses.
void strongly_connected_components(DependencyGraph& g) {
  const auto n = static_cast<std::uint32_t>(g.predicates.size());
  constexpr std::uint32_t unvisited = ~0u;
  std::vector<std::uint32_t> order(n, unvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  g.component_of.assign(n, 0);
  std::uint32_t counter = 0;
  struct Frame {
    std::uint32_t node;
    std::size_t edge;
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (order[root] != unvisited) continue;
    std::vector<Frame> frames{{root, 0}};
    order[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& f = frames.back();
      if (f.edge < g.edges[f.node].size()) {
        const auto to = g.edges[f.node][f.edge++].to;
        if (order[to] == unvisited) {
          order[to] = low[to] = counter++;
          stack.push_back(to);
          on_stack[to] = true;
          frames.push_back({to, 0});
        } else if (on_stack[to]) {
          low[f.node] = std::min(low[f.node], order[to]);
        }
        continue;
      }
      const auto node = f.node;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[node]);
      if (low[node] != order[node]) continue;
      std::vector<std::uint32_t> component;
      std::uint32_t member;
      do {
        member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        g.component_of[member] = static_cast<std::uint32_t>(g.components.size());
        component.push_back(member);
      } while (member != node);
      std::sort(component.begin(), component.end());
      g.components.push_back(std::move(component));
    }
  }
}

}  // namespace

bool DependencyGraph::recursive(std::uint32_t component) const {
  const auto& members = components[component];
  if (members.size() > 1) return true;
  for (const auto& d : edges[members[0]])
    if (d.to == members[0]) return true;
  return false;
}

namespace {

template <class Rules, class Deref>
DependencyGraph build(const Rules& rules, bool strict_only, Deref deref) {
  DependencyGraph g;
  for (const auto& r : rules) intern(g, predicate_of(deref(r).head));
  for (const auto& r : rules)
    if (!strict_only || deref(r).kind == RuleKind::Strict)
      add_edges(g, intern(g, predicate_of(deref(r).head)), deref(r), deref(r).body, false);
  strongly_connected_components(g);
  return g;
}

}  // namespace

DependencyGraph build_dependency_graph(const Program& program, bool strict_only) {
  return build(program.rules, strict_only, [](const Rule& r) -> const Rule& { return r; });
}

DependencyGraph build_dependency_graph(const std::vector<const Rule*>& rules, bool strict_only) {
  return build(rules, strict_only, [](const Rule* r) -> const Rule& { return *r; });
}

std::set<PredicateId> reached_predicates(const Program& program, const std::vector<Literal>& body) {
  std::map<PredicateId, std::vector<const Rule*>> by_head;
  for (const auto& r : program.rules) by_head[predicate_of(r.head)].push_back(&r);
  std::set<PredicateId> reached;
  std::vector<PredicateId> todo;
  const auto reach = [&](const PredicateId& p) {
    auto complement = p;
    complement.name = p.name.starts_with('-') ? p.name.substr(1) : "-" + p.name;
    for (auto& each : {p, complement})
      if (reached.insert(each).second) todo.push_back(each);
  };
  std::function<void(const std::vector<Literal>&)> atoms = [&](const std::vector<Literal>& literals) {
    for (const auto& l : literals) {
      if (l.kind == Literal::Kind::Atom) reach(predicate_of(l.atom));
      for (const auto& e : l.elements) atoms(e.condition);
    }
  };
  atoms(body);
  while (!todo.empty()) {
    const auto p = todo.back();
    todo.pop_back();
    if (const auto rules = by_head.find(p); rules != by_head.end())
      for (const auto* r : rules->second) atoms(r->body);
  }
  return reached;
}

}  // namespace writ::query
