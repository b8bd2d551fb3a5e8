// Uses of the built-in predicates (query/builtins.hpp): only in bodies and queries, never
// as a conclusion (nor its contrary), and always with their arity.
#include <functional>

#include "checks.hpp"
#include "query/builtins.hpp"

namespace writ::query {

namespace {

void each_atom(const std::vector<Literal>& body, const std::function<void(const Atom&)>& f) {
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Atom) f(l.atom);
    for (const auto& e : l.elements) each_atom(e.condition, f);
  }
}

void check_use(const Atom& a, std::vector<Diagnostic>& out) {
  const auto* b = find_builtin(a.predicate);
  if (!b) return;
  if (a.strong_negation)
    out.push_back(make_error(a.location, "'" + a.predicate + "' is built in and has no contrary: write 'not " +
                                             a.predicate + "(...)'"));
  else if (a.args.size() != b->arity)
    out.push_back(make_error(a.location, "the built-in '" + a.predicate + "' takes " + std::to_string(b->arity) +
                                             " arguments (" + std::string(b->columns) + "), not " +
                                             std::to_string(a.args.size())));
}

}  // namespace

void check_builtins(const Program& program, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out) {
  check_builtins(std::span<const Rule>(program.rules), queries, out);
}

void check_builtins(std::span<const Rule> rules, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out) {
  for (const auto& r : rules) {
    if (const auto* b = find_builtin(r.head.predicate))
      out.push_back(make_error(r.head.location, "'" + r.head.predicate + "/" + std::to_string(b->arity) +
                                                    "' is built in (computed from the statements' citations and "
                                                    "sources): no statement may conclude it"));
    each_atom(r.body, [&](const Atom& a) { check_use(a, out); });
  }
  for (const auto* q : queries) each_atom(q->body, [&](const Atom& a) { check_use(a, out); });
}

}  // namespace writ::query
