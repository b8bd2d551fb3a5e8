#include "status_tests.hpp"

#include <algorithm>
#include <functional>

#include "checks.hpp"

namespace writ::query {

namespace {

// Calls f(literal) on every atom literal of a body, aggregate conditions included.
void each_atom_literal(const std::vector<Literal>& body, const std::function<void(const Literal&)>& f) {
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Atom) f(l);
    for (const auto& e : l.elements) each_atom_literal(e.condition, f);
  }
}

const char* test_word(StatusTest t) {
  switch (t) {
    case StatusTest::None: return "";
    case StatusTest::Established: return "established ";
    case StatusTest::Accepted: return "accepted ";
    case StatusTest::Contested: return "contested ";
    case StatusTest::Rejected: return "rejected ";
    case StatusTest::Does: return "does ";
    case StatusTest::Could: return "could ";
  }
  return "";
}

// The dependency graph over positive predicates, each edge marked when it goes through a
// status test.
struct Edge {
  std::uint32_t to;
  bool status;
  const Literal* literal;
};
struct Graph {
  std::vector<PredicateId> nodes;
  std::map<PredicateId, std::uint32_t> index;
  std::vector<std::vector<Edge>> edges;
  std::vector<std::uint32_t> component;  // Tarjan's, in reverse topological order

  std::uint32_t node(const PredicateId& p) {
    const auto [it, inserted] = index.try_emplace(positive_of(p), static_cast<std::uint32_t>(nodes.size()));
    if (inserted) {
      nodes.push_back(it->first);
      edges.emplace_back();
    }
    return it->second;
  }
};

Graph graph_of(const Program& program) {
  Graph g;
  for (const auto& r : program.rules) {
    const auto head = g.node(predicate_of(r.head));
    each_atom_literal(r.body, [&](const Literal& l) {
      const auto to = g.node(predicate_of(l.atom));
      g.edges[head].push_back(Edge{to, l.status != StatusTest::None, &l});
    });
  }
  // Strongly connected components (Tarjan), iteratively: programs may be deep.
  const auto n = static_cast<std::uint32_t>(g.nodes.size());
  constexpr std::uint32_t unvisited = UINT32_MAX;
  std::vector<std::uint32_t> order(n, unvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  g.component.assign(n, 0);
  std::uint32_t counter = 0, components = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (order[root] != unvisited) continue;
    std::vector<std::pair<std::uint32_t, std::size_t>> calls{{root, 0}};
    order[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!calls.empty()) {
      auto& [v, next] = calls.back();
      if (next < g.edges[v].size()) {
        const auto w = g.edges[v][next++].to;
        if (order[w] == unvisited) {
          order[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.emplace_back(w, 0);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], order[w]);
        }
        continue;
      }
      if (low[v] == order[v]) {
        for (;;) {
          const auto w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          g.component[w] = components;
          if (w == v) break;
        }
        ++components;
      }
      const auto finished = v;
      calls.pop_back();
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[finished]);
    }
  }
  return g;
}

}  // namespace

PredicateId positive_of(const PredicateId& p) {
  if (p.name.rfind('-', 0) == 0) return PredicateId{p.name.substr(1), p.arity};
  return p;
}

void resolve_status_tests_without_arguments(std::vector<Literal>& body) {
  for (auto& l : body) {
    if (l.kind == Literal::Kind::Atom && l.status != StatusTest::None) {
      const bool holds = l.status == StatusTest::Established || l.status == StatusTest::Does || l.status == StatusTest::Could;
      if (!holds) {
        l.atom.predicate = std::string(test_word(l.status)) + (l.atom.strong_negation ? "-" : "") + l.atom.predicate;
        l.atom.strong_negation = false;
      }
      l.status = StatusTest::None;
    }
    for (auto& e : l.elements) resolve_status_tests_without_arguments(e.condition);
  }
}

bool has_status_test(const std::vector<Literal>& body) {
  bool found = false;
  each_atom_literal(body, [&](const Literal& l) { found = found || l.status != StatusTest::None; });
  return found;
}

bool has_status_test(const Program& program) {
  return std::any_of(program.rules.begin(), program.rules.end(), [](const Rule& r) { return has_status_test(r.body); });
}

int StatusLevels::of(const PredicateId& p) const {
  const auto it = level.find(positive_of(p));
  return it == level.end() ? 0 : it->second;
}

StatusLevels status_levels(const Program& program) {
  const Graph g = graph_of(program);
  // Tarjan numbers components dependencies first: a component's edges lead to components
  // numbered no higher, so one pass in that order computes the longest paths.
  std::uint32_t count = 0;
  for (const auto c : g.component) count = std::max(count, c + 1);
  std::vector<std::vector<std::uint32_t>> members(count);
  for (std::uint32_t v = 0; v < g.nodes.size(); ++v) members[g.component[v]].push_back(v);
  std::vector<int> level(g.nodes.size(), 0);
  StatusLevels out;
  for (std::uint32_t c = 0; c < count; ++c) {
    int l = 0;
    for (const auto v : members[c])
      for (const auto& e : g.edges[v])
        if (g.component[e.to] != c) l = std::max(l, level[e.to] + (e.status ? 1 : 0));
    for (const auto v : members[c]) {
      level[v] = l;
      out.level[g.nodes[v]] = l;
    }
    out.highest = std::max(out.highest, l);
  }
  return out;
}

std::set<PredicateId> undecided_predicates(const Program& program) {
  std::set<PredicateId> undecided;
  for (const auto& r : program.rules) {
    if (r.kind == RuleKind::Strict) continue;
    const auto p = predicate_of(r.head);
    undecided.insert(positive_of(p));
  }
  // Both polarities: a conclusion is attacked by its contrary's arguments.
  auto is_undecided = [&](const PredicateId& p) { return undecided.count(positive_of(p)) > 0; };
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& r : program.rules) {
      if (is_undecided(predicate_of(r.head))) continue;
      bool depends = false;
      each_atom_literal(r.body, [&](const Literal& l) {
        depends = depends || (l.status == StatusTest::None && is_undecided(predicate_of(l.atom)));
      });
      if (depends) changed = undecided.insert(positive_of(predicate_of(r.head))).second || changed;
    }
  }
  std::set<PredicateId> out;
  for (const auto& p : undecided) {
    out.insert(p);
    out.insert(PredicateId{"-" + p.name, p.arity});
  }
  return out;
}

void check_status_tests(const Program& program, std::vector<Diagnostic>& out) {
  if (!has_status_test(program)) return;
  const Graph g = graph_of(program);
  std::set<std::uint32_t> reported;
  for (std::uint32_t v = 0; v < g.nodes.size(); ++v) {
    for (const auto& e : g.edges[v]) {
      if (!e.status || g.component[e.to] != g.component[v] || !reported.insert(g.component[v]).second) continue;
      out.push_back(make_error(e.literal->location,
                               std::string("a status test through recursion: ") + g.nodes[v].name + " -> " +
                                   test_word(e.literal->status) + g.nodes[e.to].name +
                                   (e.to == v ? "" : " -> ... -> " + g.nodes[v].name) +
                                   " (a status is known once what it depends on is labelled)"));
    }
  }
}

void check_argued_aggregates(const Program& program, std::vector<Diagnostic>& out) {
  const bool any_aggregate = std::any_of(program.rules.begin(), program.rules.end(), [](const Rule& r) {
    return std::any_of(r.body.begin(), r.body.end(), [](const Literal& l) { return l.kind == Literal::Kind::Aggregate; });
  });
  if (!any_aggregate) return;
  const auto undecided = undecided_predicates(program);
  if (undecided.empty()) return;
  for (const auto& r : program.rules) {
    for (const auto& l : r.body) {
      if (l.kind != Literal::Kind::Aggregate) continue;
      const Literal* found = nullptr;
      for (const auto& e : l.elements)
        each_atom_literal(e.condition, [&](const Literal& c) {
          if (!found && c.status == StatusTest::None && undecided.count(predicate_of(c.atom))) found = &c;
        });
      if (!found) continue;
      const auto p = predicate_of(found->atom);
      out.push_back(make_error(found->location,
                               "an aggregate over '" + p.to_string() +
                                   "', which defeasible rules or claims conclude, needs a status test: `does " +
                                   (found->atom.strong_negation ? "-" : "") + found->atom.predicate +
                                   "(...)` counts what holds (a contested conclusion is neither in nor out of the set)"));
    }
  }
}

}  // namespace writ::query
