#include "magic_sets.hpp"

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "query/analysis/variables.hpp"

namespace writ::query::eval {

namespace {

bool is_quantity(const Value& v) {
  return v.kind == ValueKind::Date || v.kind == ValueKind::Duration || v.kind == ValueKind::Money;
}

bool has_arithmetic(const Term& t) { return t.kind == Term::Kind::Arith; }

bool has_arithmetic(const Atom& a) {
  for (const auto& t : a.args)
    if (has_arithmetic(t)) return true;
  return false;
}

// Whether evaluating `body` can warn or stop with an error (see magic_sets.hpp): such a
// rule is evaluated whole, so that its diagnostics are those of the whole fixpoint.
bool can_fail(const std::vector<Literal>& body, bool quantities) {
  for (const auto& l : body) {
    switch (l.kind) {
      case Literal::Kind::Atom:
        if (has_arithmetic(l.atom)) return true;
        break;
      case Literal::Kind::Comparison:
        if (has_arithmetic(l.lhs) || has_arithmetic(l.rhs)) return true;
        if (quantities && l.op != CompareOp::Eq && l.op != CompareOp::Ne) return true;
        break;
      case Literal::Kind::Aggregate:
        if (l.function != AggregateFunction::Count || has_arithmetic(l.lhs)) return true;
        if (quantities && l.op != CompareOp::Eq && l.op != CompareOp::Ne) return true;
        for (const auto& e : l.elements) {
          for (const auto& t : e.terms)
            if (has_arithmetic(t)) return true;
          if (can_fail(e.condition, quantities)) return true;
        }
        break;
    }
  }
  return false;
}

bool mentions_quantity(const Term& t) {
  if (t.kind == Term::Kind::Constant) return is_quantity(t.value);
  for (const auto& o : t.operands)
    if (mentions_quantity(o)) return true;
  return false;
}

bool mentions_quantity(const std::vector<Literal>& body) {
  for (const auto& l : body) {
    for (const auto& t : l.atom.args)
      if (mentions_quantity(t)) return true;
    if (mentions_quantity(l.lhs) || mentions_quantity(l.rhs)) return true;
    for (const auto& e : l.elements) {
      for (const auto& t : e.terms)
        if (mentions_quantity(t)) return true;
      if (mentions_quantity(e.condition)) return true;
    }
  }
  return false;
}

// Whether a value of the program (or of the built-in relations that describe it) is a
// date, a duration or money: only then can an ordering comparison fail.
bool has_quantities(const Program& program) {
  for (const auto& r : program.rules) {
    for (const auto& t : r.head.args)
      if (mentions_quantity(t)) return true;
    if (mentions_quantity(r.body)) return true;
  }
  for (const auto& f : program.facts)
    for (const auto& v : f.values)
      if (is_quantity(v)) return true;
  for (const auto& s : program.sources)
    for (const auto& [name, value] : s.attributes)
      if (is_quantity(value)) return true;
  return false;
}

class Rewriter {
 public:
  Rewriter(const Program& program) : program_(program) {}

  std::optional<GoalProgram> run(const Query& query) {
    if (!program_.preferences.empty()) return std::nullopt;
    const bool quantities = has_quantities(program_);
    for (const auto& r : program_.rules) {
      if (r.kind != RuleKind::Strict) return std::nullopt;
      auto& info = info_[predicate_of(r.head)];
      if (r.body.empty()) {
        info.facts = true;
        continue;
      }
      info.rules.push_back(&r);
      if (has_arithmetic(r.head) || can_fail(r.body, quantities)) info.can_fail = true;
    }
    for (const auto& f : program_.facts) info_[PredicateId{f.predicate, f.arity}].facts = true;
    for (const auto& e : program_.external) info_[PredicateId{e.name, e.arity}].facts = true;
    for (const auto& [p, info] : info_)
      if (info.can_fail) read_whole(p);

    out_.query = query;
    out_.query.body = adorn_body(query.body, {}, nullptr, query.text, query.location);
    if (adorned_.empty()) return std::nullopt;
    while (!work_.empty()) {
      const auto [p, adornment] = work_.front();
      work_.pop_front();
      for (const auto* r : info_.at(p).rules) adorn_rule(*r, adornment);
    }
    // The written predicates the new rules and the question read are evaluated as written.
    out_.whole = whole_;
    auto note = [&](const Atom& a) {
      const auto p = predicate_of(a);
      if (p.name.find('@') == std::string::npos) out_.whole.insert(p);
    };
    std::function<void(const std::vector<Literal>&)> note_body = [&](const std::vector<Literal>& body) {
      for (const auto& l : body) {
        if (l.kind == Literal::Kind::Atom) note(l.atom);
        for (const auto& e : l.elements) note_body(e.condition);
      }
    };
    for (const auto& r : out_.rules) note_body(r.body);
    note_body(out_.query.body);
    return std::move(out_);
  }

 private:
  struct Info {
    std::vector<const Rule*> rules;  // with a body
    bool facts = false;
    bool can_fail = false;
  };

  bool derived(const PredicateId& p) const {
    const auto it = info_.find(p);
    return it != info_.end() && !it->second.rules.empty();
  }

  // `p` and everything it depends on are evaluated with their own rules. Iterative: a
  // long chain of predicates must not exhaust the stack.
  void read_whole(const PredicateId& first) {
    std::vector<PredicateId> todo{first};
    std::function<void(const std::vector<Literal>&)> body = [&](const std::vector<Literal>& literals) {
      for (const auto& l : literals) {
        if (l.kind == Literal::Kind::Atom) todo.push_back(predicate_of(l.atom));
        for (const auto& e : l.elements) body(e.condition);
      }
    };
    while (!todo.empty()) {
      const auto p = std::move(todo.back());
      todo.pop_back();
      if (!whole_.insert(p).second) continue;
      const auto it = info_.find(p);
      if (it == info_.end()) continue;
      for (const auto* r : it->second.rules) body(r->body);
    }
  }

  static bool bound_term(const Term& t, const std::set<std::string>& bound) {
    return t.kind == Term::Kind::Constant || (t.kind == Term::Kind::Variable && bound.count(t.name));
  }

  static bool all_bound(const Literal& l, const std::set<std::string>& bound) {
    bool ok = true;
    for_each_variable(l, [&](const Term& v) { ok = ok && bound.count(v.name); });
    return ok;
  }

  static Atom renamed(const Atom& a, const std::string& name) {
    Atom r = a;
    r.predicate = name;
    r.strong_negation = false;
    return r;
  }

  static std::string adorned_name(const PredicateId& p, const std::string& adornment) {
    return p.name + "@" + adornment;
  }

  // The atom as the rewritten program reads it with the variables in `bound` known: the
  // adorned copy when a derived predicate has a bound argument, else as written (read
  // whole). Sets `adornment` when it is adorned.
  Atom adorn_atom(const Atom& a, const std::set<std::string>& bound, std::string& adornment) {
    adornment.clear();
    const auto p = predicate_of(a);
    if (!derived(p) || whole_.count(p)) return a;
    if (info_.at(p).facts) {
      read_whole(p);
      return a;
    }
    bool any = false;
    for (const auto& t : a.args) {
      const bool b = bound_term(t, bound);
      adornment += b ? 'b' : 'f';
      any = any || b;
    }
    if (!any) {
      adornment.clear();
      read_whole(p);
      return a;
    }
    if (adorned_.insert({p, adornment}).second) work_.push_back({p, adornment});
    return renamed(a, adorned_name(p, adornment));
  }

  static Atom magic_atom(const Atom& adorned, const std::string& adornment) {
    Atom m;
    m.predicate = "@magic@" + adorned.predicate;
    m.location = adorned.location;
    for (std::size_t i = 0; i < adornment.size(); ++i)
      if (adornment[i] == 'b') m.args.push_back(adorned.args[i]);
    return m;
  }

  void add_rule(Atom head, std::vector<Literal> body, const std::string& text, const Location& at) {
    Rule r;
    r.head = std::move(head);
    r.body = std::move(body);
    r.text = text;
    r.location = at;
    out_.rules.push_back(std::move(r));
  }

  static Literal atom_literal(Atom a) {
    Literal l;
    l.kind = Literal::Kind::Atom;
    l.location = a.location;
    l.atom = std::move(a);
    return l;
  }

  // The body with its positive atoms adorned, bound variables flowing left to right in
  // the order that takes next the atom with a bound argument (a predicate defined by facts
  // or read whole first: it binds without recursion), then written order. For each adorned
  // atom, a magic rule: its bound arguments are asked for wherever `guard` (the magic atom
  // of the rule's head; null for the question) and the literals before it hold. Negated
  // atoms and aggregates read their predicates whole.
  std::vector<Literal> adorn_body(const std::vector<Literal>& body, std::set<std::string> bound, const Atom* guard,
                                  const std::string& text, const Location& at) {
    std::vector<Literal> out = body;
    std::vector<Literal> before;  // what holds before the next atom, for its magic rule
    if (guard) before.push_back(atom_literal(*guard));
    std::vector<bool> done(body.size(), false);
    for (std::size_t i = 0; i < body.size(); ++i) {
      const auto& l = body[i];
      if (l.kind == Literal::Kind::Atom && l.negated) read_whole(predicate_of(l.atom));
      for (const auto& e : l.elements) {
        std::function<void(const std::vector<Literal>&)> whole = [&](const std::vector<Literal>& c) {
          for (const auto& x : c) {
            if (x.kind == Literal::Kind::Atom) read_whole(predicate_of(x.atom));
            for (const auto& y : x.elements) whole(y.condition);
          }
        };
        whole(e.condition);
      }
      if (l.kind == Literal::Kind::Aggregate) done[i] = true;  // binds only computed values
    }
    for (;;) {
      // Tests and copies whose variables are known join what holds before the next atom.
      for (bool progress = true; progress;) {
        progress = false;
        for (std::size_t i = 0; i < body.size(); ++i) {
          const auto& l = body[i];
          if (done[i] || (l.kind == Literal::Kind::Atom && !l.negated)) continue;
          if (l.kind == Literal::Kind::Comparison && l.op == CompareOp::Eq) {
            const bool lb = bound_term(l.lhs, bound), rb = bound_term(l.rhs, bound);
            if (lb != rb) {
              const auto& free = lb ? l.rhs : l.lhs;
              if (free.kind != Term::Kind::Variable) continue;
              bound.insert(free.name);
            } else if (!lb) {
              continue;
            }
          } else if (!all_bound(l, bound)) {
            continue;
          }
          done[i] = true;
          before.push_back(l);
          progress = true;
        }
      }
      std::size_t next = body.size();
      int best = -1;
      for (std::size_t i = 0; i < body.size(); ++i) {
        const auto& l = body[i];
        if (done[i] || l.kind != Literal::Kind::Atom || l.negated) continue;
        bool any = false;
        for (const auto& t : l.atom.args) any = any || bound_term(t, bound);
        const auto p = predicate_of(l.atom);
        const int score = (any ? 2 : 0) + (!derived(p) || whole_.count(p) || info_.at(p).facts ? 1 : 0);
        if (score > best) {
          best = score;
          next = i;
        }
      }
      if (next == body.size()) break;
      done[next] = true;
      std::string adornment;
      Atom a = adorn_atom(body[next].atom, bound, adornment);
      if (!adornment.empty()) {
        const Atom magic = magic_atom(a, adornment);
        add_rule(magic, before, text, at);
        out[next].atom = a;
      }
      before.push_back(atom_literal(a));
      for_each_variable(a, [&](const Term& v) { bound.insert(v.name); });
    }
    return out;
  }

  void adorn_rule(const Rule& r, const std::string& adornment) {
    const auto p = predicate_of(r.head);
    const Atom head = renamed(r.head, adorned_name(p, adornment));
    const Atom guard = magic_atom(head, adornment);
    std::set<std::string> bound;
    for (std::size_t i = 0; i < adornment.size(); ++i)
      if (adornment[i] == 'b') for_each_variable(r.head.args[i], [&](const Term& v) { bound.insert(v.name); });
    auto body = adorn_body(r.body, bound, &guard, r.text, r.location);
    body.insert(body.begin(), atom_literal(guard));
    add_rule(head, std::move(body), r.text, r.location);
  }

  const Program& program_;
  std::map<PredicateId, Info> info_;
  std::set<PredicateId> whole_;
  std::set<std::pair<PredicateId, std::string>> adorned_;
  std::deque<std::pair<PredicateId, std::string>> work_;
  GoalProgram out_;
};

}  // namespace

std::optional<GoalProgram> magic_sets(const Program& program, const Query& query) {
  return Rewriter(program).run(query);
}

}  // namespace writ::query::eval
