// Warnings about predicates: used but never defined (with the closest defined name), and
// one name used with several arities (p/1 and p/2 are different predicates).
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "checks.hpp"
#include "predicate.hpp"
#include "query/builtins.hpp"

namespace writ::query {

namespace {

// Levenshtein distance, or any number above `limit` once it must exceed it: a row's
// minimum never decreases, so a row all above the limit ends the search.
std::size_t edit_distance(const std::string& a, const std::string& b, std::size_t limit) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t smallest = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > limit) return limit + 1;
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

std::optional<std::string> closest_name(const std::string& name, const std::set<std::string>& names) {
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const auto& n : names) {
    const auto dist = edit_distance(name, n, limit);
    if (dist > limit || dist >= name.size()) continue;
    if (!best || dist < best_distance) {
      best_distance = dist;
      best = &n;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

std::string undefined_predicate_message(const PredicateId& p, const std::set<PredicateId>& defined) {
  std::string message = "predicate '" + p.to_string() + "' is not defined by any fact or rule";
  // The same name with another arity: `defined` is sorted by name, then arity.
  if (const auto same_name = defined.lower_bound(PredicateId{p.name, 0});
      same_name != defined.end() && same_name->name == p.name)
    return message + "; did you mean '" + same_name->to_string() + "'?";
  // Suggest a name only when it is a plausible typo: a few edits, and not all of it.
  // The closest wins; among equally close names, one with the same arity.
  const std::size_t limit = std::max<std::size_t>(1, p.name.size() / 3);
  const PredicateId* best = nullptr;
  std::size_t best_distance = 0;
  for (const auto& d : defined) {
    // The distance is at least the difference in length: most names need no more.
    const auto length_difference = d.name.size() > p.name.size() ? d.name.size() - p.name.size()
                                                                  : p.name.size() - d.name.size();
    if (length_difference > limit) continue;
    const auto dist = edit_distance(p.name, d.name, limit);
    if (dist > limit || dist >= p.name.size()) continue;
    if (!best || dist < best_distance || (dist == best_distance && d.arity == p.arity && best->arity != p.arity)) {
      best_distance = dist;
      best = &d;
    }
  }
  if (best) message += "; did you mean '" + (best->arity == p.arity ? best->name : best->to_string()) + "'?";
  return message;
}

void check_definitions(const Program& program, const std::vector<const Query*>& queries,
                       std::vector<Diagnostic>& out) {
  std::set<PredicateId> defined;
  for (const auto& r : program.rules) defined.insert(predicate_of(r.head));
  for (const auto& e : program.external) defined.insert(PredicateId{e.name, e.arity});
  for (const auto& f : program.facts) defined.insert(PredicateId{f.predicate, f.arity});
  for (const auto& b : builtins) defined.insert(PredicateId{std::string(b.name), b.arity});
  std::set<PredicateId> warned;
  auto check = [&](const Atom& a) {
    if (find_builtin(a.predicate)) return;  // check_builtins says what is wrong
    const auto p = predicate_of(a);
    if (defined.count(p) || !warned.insert(p).second) return;
    out.push_back(make_warning(a.location, undefined_predicate_message(p, defined)));
  };
  for (const auto& r : program.rules) for_each_body_atom(r.body, check);
  for (const auto* q : queries) for_each_body_atom(q->body, check);
}

void check_arity_consistency(const Program& program, std::vector<Diagnostic>& out) {
  std::map<std::string, std::uint32_t> first_arity;
  std::set<std::pair<std::string, std::uint32_t>> warned;
  auto check = [&](const Atom& a) {
    if (find_builtin(a.predicate)) return;  // a wrong arity is an error (check_builtins)
    const auto p = predicate_of(a);
    auto [it, inserted] = first_arity.try_emplace(p.name, p.arity);
    if (inserted || it->second == p.arity || !warned.insert({p.name, p.arity}).second) return;
    out.push_back(make_warning(a.location, "'" + p.name + "' is used with " + std::to_string(it->second) + " and " +
                                               std::to_string(p.arity) + " arguments; " + p.name + "/" +
                                               std::to_string(it->second) + " and " + p.to_string() +
                                               " are different predicates"));
  };
  // Facts kept outside the rules (a store's, rows) were loaded before the rules now here,
  // and any arity of theirs that differs was reported then.
  auto outside = [&](const std::string& name, std::uint32_t arity) {
    if (find_builtin(name)) return;
    first_arity.try_emplace(name, arity);
    warned.insert({name, arity});
  };
  for (const auto& e : program.external) outside(e.name, e.arity);
  for (const auto& f : program.facts) outside(f.predicate, f.arity);
  for (const auto& r : program.rules) {
    check(r.head);
    for_each_body_atom(r.body, check);
  }
  for (const auto& q : program.queries) for_each_body_atom(q.body, check);
}

void check_arity_limit(const Program& program, std::vector<Diagnostic>& out) {
  check_arity_limit(program.rules, program.queries, out);
}

void check_arity_limit(std::span<const Rule> rules, std::span<const Query> queries, std::vector<Diagnostic>& out) {
  auto check = [&](const Atom& a) {
    if (a.args.size() > max_arity)
      out.push_back(make_error(a.location, "predicate '" + a.predicate + "' has " + std::to_string(a.args.size()) +
                                               " arguments; at most " + std::to_string(max_arity) +
                                               " are supported"));
  };
  for (const auto& r : rules) {
    check(r.head);
    for_each_body_atom(r.body, check);
  }
  for (const auto& q : queries) for_each_body_atom(q.body, check);
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
  check_builtins(program, queries, out);
  check_types(program, queries, out);
  check_quotes(program, out);
  check_status_tests(program, out);
  check_argued_aggregates(program, out);
  check_issues(program, 0, out);
  check_perspectives(program, queries, out);
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
  check_builtins(Program{}, {&query}, out);
  check_types(Program{}, {&query}, out);
  check_perspectives(program, {&query}, out);
  sort_by_location(out);
  return out;
}

}  // namespace writ::query
