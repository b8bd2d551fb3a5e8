// Checks of the argumentation layer's statements: labels are unique, priorities name
// rules that exist and do not go round in a circle, citations name declared sources,
// templates describe predicates that exist.
#include <map>
#include <set>

#include "checks.hpp"
#include "predicate.hpp"
#include "query/builtins.hpp"

namespace writ::query {

void check_arguments(const Program& program, std::vector<Diagnostic>& out) {
  std::map<std::string, const Rule*> labels;
  for (const auto& r : program.rules) {
    if (!r.label) continue;
    const auto [it, inserted] = labels.try_emplace(*r.label, &r);
    if (!inserted) {
      auto d = make_error(r.location, "the label '" + *r.label + "' is already used");
      d.notes.push_back(Diagnostic{Severity::Note, it->second->location, "first used here", {}});
      out.push_back(std::move(d));
    }
  }

  std::map<std::string, std::set<std::string>> beats;
  for (const auto& p : program.preferences) {
    for (const auto* name : {&p.stronger, &p.weaker})
      if (!labels.count(*name))
        out.push_back(make_error(p.location, "no rule is labelled '" + *name + "' (a priority names two rule labels)"));
    beats[p.stronger].insert(p.weaker);
  }
  // A priority cycle (r1 > r2, r2 > r1) would make each rule beat the other.
  for (const auto& p : program.preferences) {
    std::set<std::string> seen;
    std::vector<std::string> stack{p.weaker};
    bool cycle = false;
    while (!stack.empty() && !cycle) {
      const auto name = stack.back();
      stack.pop_back();
      if (name == p.stronger) cycle = true;
      if (!seen.insert(name).second) continue;
      for (const auto& w : beats[name]) stack.push_back(w);
    }
    if (cycle)
      out.push_back(make_error(p.location, "the priorities go round in a circle: '" + p.weaker +
                                               "' is also, directly or not, above '" + p.stronger + "'"));
  }

  std::set<std::string> sources;
  for (const auto& s : program.sources) {
    if (!sources.insert(s.name).second)
      out.push_back(make_error(s.location, "the source '" + s.name + "' is declared twice"));
  }
  for (const auto& r : program.rules) {
    if (r.citation && !sources.count(r.citation->source))
      out.push_back(make_warning(r.citation->location, "the source '" + r.citation->source +
                                                           "' is not declared (declare it with #source " +
                                                           r.citation->source + " { kind: ... }.)"));
  }

  std::set<PredicateId> defined;
  for (const auto& r : program.rules) defined.insert(predicate_of(r.head));
  // Facts kept as rows (in a store, or read from a file as rows) define their predicates too.
  for (const auto& e : program.external) defined.insert(PredicateId{e.name, e.arity});
  for (const auto& f : program.facts) defined.insert(PredicateId{f.predicate, f.arity});
  for (const auto& b : builtins) defined.insert(PredicateId{std::string(b.name), b.arity});
  std::set<PredicateId> templated;
  for (const auto& t : program.templates) {
    const auto p = predicate_of(t.atom);
    if (!templated.insert(p).second)
      out.push_back(make_error(t.location, "'" + p.to_string() + "' already has a template"));
    else if (!defined.count(p))
      out.push_back(make_warning(t.location, "a template for '" + p.to_string() + "', which no fact or rule defines"));
  }
}

}  // namespace writ::query
