// Safety: every variable must be bound by a positive body literal (or by an assignment
// `X = expr` whose right side is bound, or `X = #agg{...}`), so that each rule has
// finitely many ground instances. The same condition as clingo's and Soufflé's.
#include <set>
#include <string>

#include "checks.hpp"
#include "predicate.hpp"
#include "variables.hpp"

namespace writ::query {

namespace {

using Names = std::set<std::string>;

bool all_bound(const Term& t, const Names& bound) {
  bool ok = true;
  for_each_variable(t, [&](const Term& v) { ok = ok && bound.count(v.name) > 0; });
  return ok;
}

// Variables bound by a conjunction: positive atoms' plain variable arguments, then
// assignments (and aggregates, when `aggregates` is set) until nothing changes.
void bind_variables(const std::vector<Literal>& body, Names& bound, const Names* outside) {
  for (const auto& l : body) {
    if (l.kind != Literal::Kind::Atom || l.negated) continue;
    for (const auto& a : l.atom.args)
      if (a.kind == Term::Kind::Variable) bound.insert(a.name);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& l : body) {
      if (l.op != CompareOp::Eq) continue;
      if (l.kind == Literal::Kind::Comparison) {
        if (l.lhs.kind == Term::Kind::Variable && !bound.count(l.lhs.name) && all_bound(l.rhs, bound)) {
          bound.insert(l.lhs.name);
          changed = true;
        } else if (l.rhs.kind == Term::Kind::Variable && !bound.count(l.rhs.name) && all_bound(l.lhs, bound)) {
          bound.insert(l.rhs.name);
          changed = true;
        }
      } else if (l.kind == Literal::Kind::Aggregate && outside != nullptr) {
        if (l.lhs.kind != Term::Kind::Variable || bound.count(l.lhs.name)) continue;
        // The aggregate's global variables (those also used outside it) must be bound.
        bool globals_bound = true;
        for (const auto& e : l.elements) {
          auto check = [&](const Term& v) {
            if (outside->count(v.name) && !bound.count(v.name)) globals_bound = false;
          };
          for (const auto& t : e.terms) for_each_variable(t, check);
          for (const auto& c : e.condition) for_each_variable(c, check);
        }
        if (globals_bound) {
          bound.insert(l.lhs.name);
          changed = true;
        }
      }
    }
  }
}

class SafetyCheck {
 public:
  explicit SafetyCheck(std::vector<Diagnostic>& out) : out_(out) {}

  void rule(const Rule& r) {
    reported_.clear();
    const Names outside_all = occurrences(r.body, &r.head);
    Names bound;
    bind_variables(r.body, bound, &outside_all);
    for (const auto& t : r.head.args) require(t, bound, "the head");
    body(r.body, bound, &r.head);
  }

  void query(const Query& q) {
    reported_.clear();
    const Names outside_all = occurrences(q.body, nullptr);
    Names bound;
    bind_variables(q.body, bound, &outside_all);
    body(q.body, bound, nullptr);
  }

 private:
  // Names occurring in the head and in each body literal, counted per literal, so that
  // an aggregate's global variables are those also occurring in another literal.
  static Names occurrences(const std::vector<Literal>& body, const Atom* head) {
    Names names;
    if (head) for_each_variable(*head, [&](const Term& v) { names.insert(v.name); });
    for (const auto& l : body) {
      if (l.kind == Literal::Kind::Aggregate) {
        for_each_variable(l.lhs, [&](const Term& v) { names.insert(v.name); });
        continue;
      }
      for_each_variable(l, [&](const Term& v) { names.insert(v.name); });
    }
    return names;
  }

  void body(const std::vector<Literal>& b, const Names& bound, const Atom* head) {
    for (std::size_t i = 0; i < b.size(); ++i) {
      const auto& l = b[i];
      switch (l.kind) {
        case Literal::Kind::Atom:
          if (l.negated) {
            // Anonymous variables in a negated literal are projected away:
            // `not p(X, _)` means "no p(X, Y) for any Y", as in clingo.
            // Only a plain `_` argument can be projected; inside arithmetic it is unsafe.
            for (const auto& a : l.atom.args) {
              if (a.kind == Term::Kind::Variable && is_anonymous_name(a.name)) continue;
              require(a, bound, "a negated literal");
            }
          } else {
            for (const auto& a : l.atom.args)
              if (a.kind == Term::Kind::Arith) require(a, bound, "an arithmetic argument");
          }
          break;
        case Literal::Kind::Comparison:
          require(l.lhs, bound, "a comparison");
          require(l.rhs, bound, "a comparison");
          break;
        case Literal::Kind::Aggregate: aggregate(b, i, bound, head); break;
      }
    }
  }

  void aggregate(const std::vector<Literal>& b, std::size_t at, const Names& bound, const Atom* head) {
    const auto& l = b[at];
    require(l.lhs, bound, "the bound of an aggregate");
    // Variables used outside this aggregate are global: they must be bound outside.
    Names outside;
    if (head) for_each_variable(*head, [&](const Term& v) { outside.insert(v.name); });
    for (std::size_t j = 0; j < b.size(); ++j)
      if (j != at) for_each_variable(b[j], [&](const Term& v) { outside.insert(v.name); });
    for (const auto& e : l.elements) {
      Names local = bound;
      bind_variables(e.condition, local, nullptr);
      auto check_global_or_local = [&](const Term& v) {
        if (outside.count(v.name) && !bound.count(v.name)) {
          report(v, "an aggregate");
        } else if (!local.count(v.name)) {
          report(v, "an aggregate element");
        }
      };
      for (const auto& t : e.terms) for_each_variable(t, check_global_or_local);
      for (const auto& c : e.condition) {
        if (c.kind == Literal::Kind::Atom && !c.negated) {
          for_each_variable(c.atom, [&](const Term& v) {
            if (outside.count(v.name) && !bound.count(v.name)) report(v, "an aggregate");
          });
          for (const auto& a : c.atom.args)
            if (a.kind == Term::Kind::Arith) for_each_variable(a, check_global_or_local);
        } else if (c.kind == Literal::Kind::Atom) {
          for_each_variable(c.atom, [&](const Term& v) {
            if (!is_anonymous_name(v.name)) check_global_or_local(v);
          });
        } else {
          for_each_variable(c, check_global_or_local);
        }
      }
    }
  }

  void require(const Term& t, const Names& bound, const char* where) {
    for_each_variable(t, [&](const Term& v) {
      if (!bound.count(v.name)) report(v, where);
    });
  }

  void report(const Term& v, const char* where) {
    if (!reported_.insert(v.name).second) return;  // once per variable per statement
    out_.push_back(make_error(v.location, "unsafe variable '" + display_name(v.name) + "' in " + where +
                                              ": no positive body literal binds it"));
  }

  std::vector<Diagnostic>& out_;
  Names reported_;
};

}  // namespace

void check_safety(const Program& program, std::vector<Diagnostic>& out) {
  check_safety(program.rules, program.queries, out);
}

void check_safety(std::span<const Rule> rules, std::span<const Query> queries, std::vector<Diagnostic>& out) {
  SafetyCheck check(out);
  for (const auto& r : rules) check.rule(r);
  for (const auto& q : queries) check.query(q);
}

void check_safety(const Query& query, std::vector<Diagnostic>& out) { SafetyCheck(out).query(query); }

}  // namespace writ::query
