// Warnings about predicates: used but never defined (with the closest defined name), and
// one name used with several arities (p/1 and p/2 are different predicates).
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "checks.hpp"
#include "predicate.hpp"

namespace writ::query {

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

void for_each_body_atom(const std::vector<Literal>& body, const std::function<void(const Atom&)>& f) {
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Atom) f(l.atom);
    for (const auto& e : l.elements) for_each_body_atom(e.condition, f);
  }
}

}  // namespace

void check_definitions(const Program& program, const std::vector<const Query*>& queries,
                       std::vector<Diagnostic>& out) {
  std::set<PredicateId> defined;
  for (const auto& r : program.rules) defined.insert(predicate_of(r.head));
  std::set<PredicateId> warned;
  auto check = [&](const Atom& a) {
    const auto p = predicate_of(a);
    if (defined.count(p) || !warned.insert(p).second) return;
    std::string message = "predicate '" + p.to_string() + "' is not defined by any fact or rule";
    std::vector<std::string> other_arities;
    for (const auto& d : defined)
      if (d.name == p.name) other_arities.push_back(d.to_string());
    if (!other_arities.empty()) {
      message += "; did you mean '" + other_arities.front() + "'?";
    } else {
      // Suggest a name only when it is a plausible typo: a few edits, and not all of it.
      // The closest wins; among equally close names, one with the same arity.
      const std::size_t limit = std::max<std::size_t>(1, p.name.size() / 3);
      const PredicateId* best = nullptr;
      std::size_t best_distance = 0;
      for (const auto& d : defined) {
        const auto dist = edit_distance(p.name, d.name);
        if (dist > limit || dist >= p.name.size()) continue;
        if (!best || dist < best_distance ||
            (dist == best_distance && d.arity == p.arity && best->arity != p.arity)) {
          best_distance = dist;
          best = &d;
        }
      }
      if (best) message += "; did you mean '" + (best->arity == p.arity ? best->name : best->to_string()) + "'?";
    }
    out.push_back(make_warning(a.location, message));
  };
  for (const auto& r : program.rules) for_each_body_atom(r.body, check);
  for (const auto* q : queries) for_each_body_atom(q->body, check);
}

void check_arity_consistency(const Program& program, std::vector<Diagnostic>& out) {
  std::map<std::string, std::uint32_t> first_arity;
  std::set<std::pair<std::string, std::uint32_t>> warned;
  auto check = [&](const Atom& a) {
    const auto p = predicate_of(a);
    auto [it, inserted] = first_arity.try_emplace(p.name, p.arity);
    if (inserted || it->second == p.arity || !warned.insert({p.name, p.arity}).second) return;
    out.push_back(make_warning(a.location, "'" + p.name + "' is used with " + std::to_string(it->second) + " and " +
                                               std::to_string(p.arity) + " arguments; " + p.name + "/" +
                                               std::to_string(it->second) + " and " + p.to_string() +
                                               " are different predicates"));
  };
  for (const auto& r : program.rules) {
    check(r.head);
    for_each_body_atom(r.body, check);
  }
  for (const auto& q : program.queries) for_each_body_atom(q.body, check);
}

void check_arity_limit(const Program& program, std::vector<Diagnostic>& out) {
  auto check = [&](const Atom& a) {
    if (a.args.size() > max_arity)
      out.push_back(make_error(a.location, "predicate '" + a.predicate + "' has " + std::to_string(a.args.size()) +
                                               " arguments; at most " + std::to_string(max_arity) +
                                               " are supported"));
  };
  for (const auto& r : program.rules) {
    check(r.head);
    for_each_body_atom(r.body, check);
  }
  for (const auto& q : program.queries) for_each_body_atom(q.body, check);
}

std::vector<Diagnostic> check_program(const Program& program) {
  std::vector<Diagnostic> out;
  check_arity_limit(program, out);
  check_safety(program, out);
  check_stratification(program, out);
  std::vector<const Query*> queries;
  for (const auto& q : program.queries) queries.push_back(&q);
  check_definitions(program, queries, out);
  check_arity_consistency(program, out);
  check_arguments(program, out);
  sort_by_location(out);
  return out;
}

std::vector<Diagnostic> check_query(const Program& program, const Query& query) {
  std::vector<Diagnostic> out;
  Program only_query;
  only_query.queries.push_back(query);
  check_arity_limit(only_query, out);
  check_safety(query, out);
  check_definitions(program, {&query}, out);
  sort_by_location(out);
  return out;
}

}  // namespace writ::query
