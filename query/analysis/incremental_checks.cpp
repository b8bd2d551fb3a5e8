// The index and the incremental passes. Each step below mirrors one pass of check_program()
// (definitions.cpp, arguments.cpp, stratification.cpp) and says why looking at the new
// statements alone gives the same diagnostics as the pass over the whole program.
#include "incremental_checks.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <string>
#include <tuple>

#include "checks.hpp"
#include "predicate.hpp"
#include "query/builtins.hpp"

namespace writ::query {

namespace {

// Body atoms in the order check_definitions() visits them, aggregate conditions included.
template <class F>
void for_each_body_atom(const std::vector<Literal>& body, const F& f) {
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Atom) f(l.atom);
    for (const auto& e : l.elements) for_each_body_atom(e.condition, f);
  }
}

}  // namespace

ProgramExtent extent_of(const Program& program) {
  return ProgramExtent{program.rules.size(), program.preferences.size(), program.sources.size(),
                       program.templates.size(), program.issues.size()};
}

struct IncrementalChecker::Index {
  ProgramExtent extent;              // the statements indexed
  std::set<PredicateId> defined;     // rule heads, and the built-ins
  std::set<PredicateId> used;        // predicates of body atoms: a later use is not a first use
  std::map<std::string, std::uint32_t> first_arity;           // name -> arity of its first use
  std::set<std::pair<std::string, std::uint32_t>> arities;    // every (name, arity) used
  std::map<std::string, Location> labels;                     // label -> the rule that has it first
  std::map<std::string, std::vector<std::string>> beats;      // priorities: stronger -> weaker
  std::set<std::string> sources;                              // declared sources
  std::map<std::string, Document> documents;                  // source -> its document
  QuoteChecker quotes;                                        // with the documents' normalised texts
  std::set<PredicateId> templated;
  // The dependency graph of the strict rules, edges deduplicated (head -> body predicate).
  std::map<PredicateId, std::uint32_t> node;
  std::vector<std::vector<std::pair<std::uint32_t, bool>>> out, in;  // (other end, negative)
  std::set<std::tuple<std::uint32_t, std::uint32_t, bool>> edges;

  Index() {
    for (const auto& b : builtins) defined.insert(PredicateId{std::string(b.name), b.arity});
  }
};

IncrementalChecker::IncrementalChecker() : index_(std::make_unique<Index>()) {}
IncrementalChecker::~IncrementalChecker() = default;

void IncrementalChecker::undo() {
  for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) (*it)();
  undo_.clear();
  pending_ = Pending::None;
}

void IncrementalChecker::rebuild(const Program& program) {
  broken_ = true;  // until the index is whole again
  undo_.clear();
  index_ = std::make_unique<Index>();
  // Facts kept outside the rules were loaded before the rules that are here now (they
  // left the rules when a load that had them was accepted): their arities come first.
  auto outside = [&](const std::string& name, std::uint32_t arity) {
    index_->defined.insert(PredicateId{name, arity});
    if (find_builtin(name)) return;
    index_->first_arity.try_emplace(name, arity);
    index_->arities.insert({name, arity});
  };
  for (const auto& e : program.external) outside(e.name, e.arity);
  for (const auto& f : program.facts) outside(f.predicate, f.arity);
  add(program, ProgramExtent{}, nullptr);
  undo_.clear();
  index_->extent = extent_of(program);
  broken_ = false;
}

std::vector<Diagnostic> IncrementalChecker::check(const Program& program, const ProgramExtent& first_new) {
  undo();  // a check that was not accepted: its load failed
  const auto whole = [&] {
    pending_ = Pending::Rebuild;
    pending_extent_ = extent_of(program);
    return check_program(program);
  };
  // The program changed behind the index (a retraction), or the load at least doubles it
  // (the first one): checking everything costs no more than what is added.
  if (broken_ || first_new != index_->extent || program.rules.size() - first_new.rules >= first_new.rules)
    return whole();

  std::vector<Diagnostic> out;
  pending_ = Pending::Tentative;
  pending_extent_ = extent_of(program);
  bool incremental = false;
  try {
    incremental = add(program, first_new, &out);
  } catch (...) {
    // Memory ran out half-way: an addition may have missed its undo. Start afresh.
    broken_ = true;
    undo_.clear();
    pending_ = Pending::None;
    throw;
  }
  if (!incremental) {
    undo();
    return whole();
  }
  sort_by_location(out);
  return out;
}

void IncrementalChecker::accept(const Program& program) {
  const auto now = extent_of(program);
  if (pending_ == Pending::Tentative && pending_extent_ == now && !broken_) {
    undo_.clear();
    index_->extent = now;
  } else {
    rebuild(program);  // when memory runs out, broken_ stays set: the next check does it all
  }
  pending_ = Pending::None;
}

void IncrementalChecker::accept_moved_facts(const Program& program) {
  if (pending_ == Pending::Tentative && !broken_) {
    undo_.clear();
    index_->extent = extent_of(program);
    pending_ = Pending::None;
    return;
  }
  accept(program);
}

bool IncrementalChecker::add(const Program& program, const ProgramExtent& from, std::vector<Diagnostic>* out) {
  auto& x = *index_;
  const bool diagnose = out != nullptr;
  // Inserts into a set or map of the index, remembering how to take it out again.
  auto insert = [&](auto& container, auto&& value) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const auto result = container.insert(std::forward<decltype(value)>(value));
    const auto it = result.first;
    if (result.second) undo_.push_back([&container, it] { container.erase(it); });
    return result.second;
  };
  const auto rules = std::span(program.rules).subspan(from.rules);
  const auto preferences = std::span(program.preferences).subspan(from.preferences);
  const auto sources = std::span(program.sources).subspan(from.sources);
  const auto templates = std::span(program.templates).subspan(from.templates);

  // Passes about one statement at a time: run on the new ones.
  std::vector<Diagnostic> limit, safety, definitions, arity, arguments, builtin, types, quotes;
  std::vector<const Query*> queries;
  if (diagnose) {
    for (const auto& q : program.queries) queries.push_back(&q);
    check_arity_limit(rules, program.queries, limit);
    check_safety(rules, program.queries, safety);
    check_builtins(rules, queries, builtin);
    check_types(rules, queries, types);
  }

  // Stratification. The old program had no cycle through a negative edge, so a new one goes
  // through a new edge: only new edges that close a cycle need looking at.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> new_edges;
  auto node = [&](const PredicateId& p) {
    const auto result = x.node.try_emplace(p, static_cast<std::uint32_t>(x.out.size()));
    const auto it = result.first;
    if (result.second) {
      x.out.emplace_back();
      x.in.emplace_back();
      undo_.push_back([&x, it] {
        x.out.pop_back();
        x.in.pop_back();
        x.node.erase(it);
      });
    }
    return it->second;
  };
  auto edge = [&](std::uint32_t from_node, const Atom& to, bool negative) {
    const auto to_node = node(predicate_of(to));
    if (!insert(x.edges, std::tuple{from_node, to_node, negative})) return;
    x.out[from_node].emplace_back(to_node, negative);
    x.in[to_node].emplace_back(from_node, negative);
    undo_.push_back([&x, from_node, to_node] {
      x.out[from_node].pop_back();
      x.in[to_node].pop_back();
    });
    new_edges.emplace_back(from_node, to_node);
  };
  for (const auto& r : rules) {
    if (r.kind != RuleKind::Strict || r.body.empty()) continue;
    const auto head = node(predicate_of(r.head));
    for (const auto& l : r.body) {
      if (l.kind == Literal::Kind::Atom) edge(head, l.atom, l.negated);
      if (l.kind == Literal::Kind::Aggregate)
        for (const auto& e : l.elements)
          for (const auto& c : e.condition)
            if (c.kind == Literal::Kind::Atom) edge(head, c.atom, true);
    }
  }
  if (diagnose && closes_negative_cycle(new_edges)) return false;
  // Status tests and aggregates over argued conclusions are about the whole program; a new
  // fact cannot make either wrong, a new rule can (a defeasible rule under an old aggregate).
  // Their errors are rare and may point at old statements: the whole check says them.
  if (diagnose && std::any_of(rules.begin(), rules.end(), [](const Rule& r) { return !r.is_fact(); })) {
    std::vector<Diagnostic> global;
    check_status_tests(program, global);
    check_argued_aggregates(program, global);
    if (!global.empty()) return false;
  }
  if (diagnose) check_issues(program, from.issues, arguments);
  // A perspective is judged by the claims of the whole program, this load's included.
  if (diagnose) check_perspectives(program, queries, arguments);

  // Definitions: every head is known before any body is looked at, as in check_definitions.
  // A use warns when its predicate is undefined and it is the first use in the program; an
  // earlier statement's use of a predicate that is still undefined came first.
  for (const auto& r : rules) insert(x.defined, predicate_of(r.head));
  auto use = [&](const Atom& a) {
    if (find_builtin(a.predicate)) return;  // check_builtins says what is wrong
    const auto p = predicate_of(a);
    const bool first = insert(x.used, p);
    if (diagnose && first && !x.defined.count(p))
      definitions.push_back(make_warning(a.location, undefined_predicate_message(p, x.defined)));
  };
  // Queries are not kept: their uses are looked up, then taken out of the index again.
  auto transiently = [&](const auto& f) {
    const auto kept = undo_.size();
    for (const auto* q : queries) for_each_body_atom(q->body, f);
    for (; undo_.size() > kept; undo_.pop_back()) undo_.back()();
  };
  for (const auto& r : rules) for_each_body_atom(r.body, use);
  transiently(use);

  // Arity consistency: the first use of a name fixes its arity; each other arity warns once.
  auto arity_of = [&](const Atom& a) {
    const auto p = predicate_of(a);
    const auto emplaced = x.first_arity.try_emplace(p.name, p.arity);
    const auto it = emplaced.first;
    const bool inserted = emplaced.second;
    if (inserted) undo_.push_back([&x, it] { x.first_arity.erase(it); });
    if (!insert(x.arities, std::pair{p.name, p.arity}) || inserted || it->second == p.arity || !diagnose) return;
    arity.push_back(make_warning(a.location, "'" + p.name + "' is used with " + std::to_string(it->second) + " and " +
                                                 std::to_string(p.arity) + " arguments; " + p.name + "/" +
                                                 std::to_string(it->second) + " and " + p.to_string() +
                                                 " are different predicates"));
  };
  for (const auto& r : rules) {
    arity_of(r.head);
    for_each_body_atom(r.body, arity_of);
  }
  transiently(arity_of);

  // Arguments (check_arguments), in its order. Old statements had no errors and labels
  // are only ever added, so old priorities still name rules that exist.
  for (const auto& r : rules) {
    if (!r.label) continue;
    const auto emplaced = x.labels.try_emplace(*r.label, r.location);
    const auto it = emplaced.first;
    if (emplaced.second) {
      undo_.push_back([&x, it] { x.labels.erase(it); });
    } else if (diagnose) {
      auto d = make_error(r.location, "the label '" + *r.label + "' is already used");
      d.notes.push_back(Diagnostic{Severity::Note, it->second, "first used here", {}});
      arguments.push_back(std::move(d));
    }
  }
  for (const auto& p : preferences) {
    if (diagnose)
      for (const auto* name : {&p.stronger, &p.weaker})
        if (!x.labels.count(*name))
          arguments.push_back(
              make_error(p.location, "no rule is labelled '" + *name + "' (a priority names two rule labels)"));
    auto& weaker = x.beats[p.stronger];
    weaker.push_back(p.weaker);
    undo_.push_back([&weaker] { weaker.pop_back(); });
  }
  // A priority cycle goes through a new priority (the old ones had none); it is an error
  // at each priority on it, old ones too: check_arguments() over everything says so.
  if (diagnose) {
    for (const auto& p : preferences) {
      std::set<std::string> seen;
      std::vector<std::string> stack{p.weaker};
      while (!stack.empty()) {
        const auto name = stack.back();
        stack.pop_back();
        if (name == p.stronger) return false;
        if (!seen.insert(name).second) continue;
        if (const auto it = x.beats.find(name); it != x.beats.end())
          stack.insert(stack.end(), it->second.begin(), it->second.end());
      }
    }
  }
  for (const auto& s : sources)
    if (!insert(x.sources, s.name) && diagnose)
      arguments.push_back(make_error(s.location, "the source '" + s.name + "' is declared twice"));
  if (diagnose)
    for (const auto& r : rules)
      if (r.citation && !x.sources.count(r.citation->source))
        arguments.push_back(make_warning(r.citation->location, "the source '" + r.citation->source +
                                                                   "' is not declared (declare it with #source " +
                                                                   r.citation->source + " { kind: ... }.)"));
  for (const auto& t : templates) {
    const auto p = predicate_of(t.atom);
    if (!insert(x.templated, p)) {
      if (diagnose) arguments.push_back(make_error(t.location, "'" + p.to_string() + "' already has a template"));
    } else if (diagnose && !x.defined.count(p)) {
      arguments.push_back(make_warning(t.location, "a template for '" + p.to_string() + "', which no fact or rule defines"));
    }
  }

  // Quotes (check_quotes): the new citations of sources that have a document, and the old
  // citations of a source declared now (a source is declared once: only a new declaration
  // brings a document).
  std::set<std::string> documented_now;
  for (const auto& s : sources)
    if (s.document && insert(x.documents, std::pair<const std::string, Document>{s.name, *s.document}))
      documented_now.insert(s.name);
  if (diagnose) {
    auto quoted = [&](const Rule& r) {
      if (!r.citation) return;
      const auto it = x.documents.find(r.citation->source);
      if (it != x.documents.end()) x.quotes.check(r, it->second, it->first, quotes);
    };
    if (!documented_now.empty())
      for (std::size_t i = 0; i < from.rules; ++i)
        if (program.rules[i].citation && documented_now.count(program.rules[i].citation->source))
          quoted(program.rules[i]);
    for (const auto& r : rules) quoted(r);
  }

  if (diagnose) {
    // check_program()'s order of passes: sorting by place keeps it among equal places.
    for (auto* pass : {&limit, &safety, &definitions, &arity, &arguments, &builtin, &types, &quotes})
      for (auto& d : *pass) out->push_back(std::move(d));
  }
  return true;
}

// Whether a new edge lies on a cycle that has a negative edge. The component of a new edge
// u -> v that closes a cycle is what u reaches and what reaches u; each is searched from u
// only as far as the graph goes.
bool IncrementalChecker::closes_negative_cycle(
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& new_edges) const {
  const auto& x = *index_;
  auto reach = [&](std::uint32_t from, const auto& adjacency) {
    std::set<std::uint32_t> seen{from};
    std::vector<std::uint32_t> stack{from};
    while (!stack.empty()) {
      const auto n = stack.back();
      stack.pop_back();
      for (const auto& [to, negative] : adjacency[n])
        if (seen.insert(to).second) stack.push_back(to);
    }
    return seen;
  };
  std::set<std::uint32_t> done;  // nodes of components already looked at
  for (const auto& [u, v] : new_edges) {
    // Nothing depends on u, or v depends on nothing: no cycle (the common case).
    if (u != v && (x.in[u].empty() || x.out[v].empty())) continue;
    if (done.count(u)) continue;
    const auto forward = reach(u, x.out);
    // u is on a cycle when an edge comes back into it from what it reaches.
    bool cycle = false;
    for (const auto& [w, negative] : x.in[u]) cycle = cycle || forward.count(w) > 0;
    if (!cycle) continue;
    const auto backward = reach(u, x.in);
    for (const auto n : forward) {
      if (!backward.count(n)) continue;
      done.insert(n);
      for (const auto& [to, negative] : x.out[n])
        if (negative && forward.count(to) && backward.count(to)) return true;
    }
  }
  return false;
}

}  // namespace writ::query
