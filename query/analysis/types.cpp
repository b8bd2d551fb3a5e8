// Types and overflow: arithmetic and ordering comparisons whose operands are known before
// evaluation (constants, arithmetic over them, and variables a body assigns from them:
// `D = 2026-03-01, E = D + $5`) are checked here, so that a type error or an overflow
// (query/arithmetic.hpp) is an error of the program at its place rather than of every
// question that evaluates it: what check and load accept, questions can evaluate.
// Operands known only from the facts are checked when evaluated.
//
// Arithmetic on symbols and division by zero are undefined, not errors (the instance is
// dropped, as in clingo), so they are not reported.
#include <map>
#include <optional>
#include <string>

#include "checks.hpp"
#include "query/arithmetic.hpp"

namespace writ::query {

namespace {

using Known = std::map<std::string, Value>;

class TypeCheck {
 public:
  explicit TypeCheck(std::vector<Diagnostic>& out) : out_(out) {}

  // Checks a conjunction; returns what it assigns (for the head).
  Known body(const std::vector<Literal>& literals, Known known) {
    // Assignments from known terms, to a fixpoint (a body is short).
    for (bool changed = true; changed;) {
      changed = false;
      for (const auto& l : literals) {
        if (l.kind != Literal::Kind::Comparison || l.op != CompareOp::Eq) continue;
        changed = assign(l.lhs, l.rhs, known) || assign(l.rhs, l.lhs, known) || changed;
      }
    }
    for (const auto& l : literals) literal(l, known);
    return known;
  }

  void atom(const Atom& a, const Known& known) {
    for (const auto& t : a.args) value_of(t, known, true);
  }

 private:
  bool assign(const Term& variable, const Term& term, Known& known) {
    if (variable.kind != Term::Kind::Variable || known.count(variable.name)) return false;
    const auto v = value_of(term, known, false);
    if (!v) return false;
    known.emplace(variable.name, *v);
    return true;
  }

  void literal(const Literal& l, const Known& known) {
    switch (l.kind) {
      case Literal::Kind::Atom: atom(l.atom, known); return;
      case Literal::Kind::Comparison: {
        const auto a = value_of(l.lhs, known, true);
        const auto b = value_of(l.rhs, known, true);
        if (a && b && l.op != CompareOp::Eq && l.op != CompareOp::Ne)
          if (auto e = order_error(*a, l.op, *b)) report(l.location, std::move(*e));
        return;
      }
      case Literal::Kind::Aggregate:
        value_of(l.lhs, known, true);
        for (const auto& e : l.elements) {
          // An element's variables are its own; the known ones outside stay known.
          for (const auto& t : e.terms) value_of(t, known, true);
          body(e.condition, known);
        }
        return;
    }
  }

  // The term's value when it is known; reports a type error of its arithmetic when asked
  // to (each term is reported once: assignments are looked at without reporting).
  std::optional<Value> value_of(const Term& t, const Known& known, bool report_errors) {
    switch (t.kind) {
      case Term::Kind::Constant: return t.value;
      case Term::Kind::Variable: {
        const auto it = known.find(t.name);
        if (it == known.end()) return std::nullopt;
        return it->second;
      }
      case Term::Kind::Arith: break;
    }
    std::optional<Value> v[2];
    bool all = true;
    for (std::size_t i = 0; i < t.operands.size() && i < 2; ++i) {
      v[i] = value_of(t.operands[i], known, report_errors);
      all = all && v[i].has_value();
    }
    if (!all) return std::nullopt;
    auto r = apply(t.op, *v[0], v[1].value_or(Value{}));
    if (r.outcome == ArithmeticResult::Outcome::Value) return std::move(r.value);
    if (r.outcome == ArithmeticResult::Outcome::Error && report_errors) report(t.location, std::move(r.message));
    return std::nullopt;
  }

  void report(const Location& at, std::string message) { out_.push_back(make_error(at, std::move(message))); }

  std::vector<Diagnostic>& out_;
};

}  // namespace

void check_types(std::span<const Rule> rules, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out) {
  TypeCheck check(out);
  for (const auto& r : rules) check.atom(r.head, check.body(r.body, {}));  // the head sees the body's assignments
  for (const auto* q : queries) check.body(q->body, {});
}

void check_types(const Program& program, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out) {
  check_types(std::span<const Rule>(program.rules), queries, out);
}

}  // namespace writ::query
