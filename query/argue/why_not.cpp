// Why-not explanations (`.whynot GOAL`): which premise is missing, or which argument
// defeats it.
//
// A goal without answers is read like a rule body. Its literals are taken in an order in
// which each can be evaluated (atoms in the order written, each comparison, negation and
// aggregate as soon as its variables are bound); the first prefix that no values satisfy
// ends at the failing literal, and the values of the first way the literals before it hold
// are the bindings shown. A failing atom whose contrary holds (an explicit negative,
// `-p(a)` for `p(a)`) says so first, with the contrary's explanation. A failing atom is
// followed into every rule whose head unifies with it, the same way, to a bounded depth. The grounder's model over-approximates the
// argued predicates (an argument's body may hold there and still be defeated), so a
// literal missing from it has no argument at all; `not` over an argued predicate never
// makes an instance missing (the labelling decides it) and is skipped.
#include <algorithm>
#include <map>
#include <set>

#include "argument_graph.hpp"
#include "explainer.hpp"
#include "query/analysis/variables.hpp"
#include "query/ast_text.hpp"
#include "query/builtins.hpp"

namespace writ::query::argue {

namespace {

// How deep missing premises are followed into their rules, and how many rules a why-not
// tree shows at most (a wide program must not print a book).
constexpr int max_why_not_depth = 4;
constexpr std::size_t max_why_not_rules = 100;

using Bindings = std::map<std::string, Value>;

Term substituted(const Term& t, const Bindings& b) {
  if (t.kind == Term::Kind::Variable) {
    const auto it = b.find(t.name);
    return it == b.end() ? t : Term::constant(it->second, t.location);
  }
  Term out = t;
  for (auto& o : out.operands) o = substituted(o, b);
  return out;
}

Atom substituted(const Atom& a, const Bindings& b) {
  Atom out = a;
  for (auto& t : out.args) t = substituted(t, b);
  return out;
}

Literal substituted(const Literal& l, const Bindings& b) {
  Literal out = l;
  out.atom = substituted(l.atom, b);
  out.lhs = substituted(l.lhs, b);
  out.rhs = substituted(l.rhs, b);
  for (auto& e : out.elements)
    for (auto& t : e.terms) t = substituted(t, b);  // local variables stay: they are not in b
  for (auto& e : out.elements)
    for (auto& c : e.condition) c = substituted(c, b);
  return out;
}

bool all_bound(const Term& t, const std::set<std::string>& bound) {
  bool ok = true;
  for_each_variable(t, [&](const Term& v) { ok = ok && bound.count(v.name); });
  return ok;
}

// The body in an order the grounder can evaluate prefix by prefix (see the file comment);
// `bound`: the variables bound before it.
std::vector<const Literal*> evaluation_order(const std::vector<Literal>& body, std::set<std::string> bound) {
  std::vector<const Literal*> pending, out;
  for (const auto& l : body) pending.push_back(&l);
  auto ready = [&](const Literal& l) {
    switch (l.kind) {
      case Literal::Kind::Atom:
        if (!l.negated) return true;
        for (const auto& t : l.atom.args) {
          bool ok = true;
          for_each_variable(t, [&](const Term& v) { ok = ok && (is_anonymous_name(v.name) || bound.count(v.name)); });
          if (!ok) return false;
        }
        return true;
      case Literal::Kind::Comparison:
        if (all_bound(l.lhs, bound) && all_bound(l.rhs, bound)) return true;
        return l.op == CompareOp::Eq && ((l.lhs.kind == Term::Kind::Variable && all_bound(l.rhs, bound)) ||
                                         (l.rhs.kind == Term::Kind::Variable && all_bound(l.lhs, bound)));
      case Literal::Kind::Aggregate: return false;  // last: its global variables are bound by then
    }
    return false;
  };
  auto bind = [&](const Literal& l) {
    if (l.kind == Literal::Kind::Aggregate) {
      for_each_variable(l.lhs, [&](const Term& v) { bound.insert(v.name); });
    } else if (l.kind == Literal::Kind::Comparison || !l.negated) {
      for_each_variable(l, [&](const Term& v) { bound.insert(v.name); });
    }
  };
  while (!pending.empty()) {
    auto it = std::find_if(pending.begin(), pending.end(), [&](const Literal* l) { return ready(*l); });
    if (it == pending.end()) it = pending.begin();  // aggregates, in the order written
    bind(**it);
    out.push_back(*it);
    pending.erase(it);
  }
  return out;
}

}  // namespace

class ArgumentGraph::WhyNot {
 public:
  WhyNot(ArgumentGraph& g, Explainer& explainer, const eval::Limits& limits)
      : g_(g), explainer_(explainer), limits_(limits) {}

  eval::Status status() const { return status_; }

  // The tree for a goal without answers.
  ExplanationNode goal(const Query& query) {
    std::vector<Literal> body;
    for (const auto& l : query.body) body.push_back(l);
    const auto order = evaluation_order(body, {});
    const auto failure = first_failure({}, order);
    if (query.body.size() == 1 || !failure) {
      if (failure) return premise(*order[failure->index], failure->bindings, 0);
      ExplanationNode root;
      root.literal = query.text;
      root.outcome = "every literal holds together: the answers are filtered out by the question's modality";
      return root;
    }
    ExplanationNode root;
    root.literal = query.text;
    root.outcome = "no values satisfy all of it: " + summary(*order[failure->index], failure->bindings, failure->ways);
    root.children.push_back(premise(*order[failure->index], failure->bindings, 0));
    return root;
  }

 private:
  struct Failure {
    std::size_t index = 0;  // into the evaluation order
    Bindings bindings;      // the first way the literals before it hold
    std::size_t ways = 1;   // how many ways they hold
  };

  bool decided_by_labels(const Literal& l) const {
    return l.kind == Literal::Kind::Atom && l.negated && !g_.strict_part_.count(predicate_of(l.atom));
  }

  // The first literal of `order` that no values satisfy after `prelude` and the literals
  // before it; none when they all hold together (or the grounder stopped: see status_).
  std::optional<Failure> first_failure(const std::vector<Literal>& prelude, const std::vector<const Literal*>& order) {
    Query q;
    q.body = prelude;
    Failure previous;
    if (!ground_first(q, previous.bindings, previous.ways) || previous.ways == 0) return std::nullopt;
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (decided_by_labels(*order[k])) continue;
      q.body.push_back(*order[k]);
      Failure next;
      if (!ground_first(q, next.bindings, next.ways)) return std::nullopt;
      if (next.ways == 0) {
        previous.index = k;
        return previous;
      }
      previous = std::move(next);
    }
    return std::nullopt;
  }

  // Grounds `q` on the grounder's model: the first way it holds and how many there are.
  bool ground_first(const Query& q, Bindings& first, std::size_t& ways) {
    if (status_ != eval::Status::Ok) return false;
    ways = 0;
    if (q.body.empty()) {  // nothing to satisfy: one way, binding nothing
      first.clear();
      ways = 1;
      return true;
    }
    status_ = g_.ground(q, limits_, [&](const Bindings& b) {
      if (ways++ == 0) first = b;
    });
    return status_ == eval::Status::Ok;
  }

  // One line: the premise and why it fails.
  std::string summary(const Literal& l, const Bindings& b, std::size_t ways) {
    const auto shown = substituted(l, b);
    const std::string where = ways == 2   ? " (nor for the other way the premises before it hold)"
                              : ways > 2 ? " (nor for the other " + std::to_string(ways - 1) + " ways the premises before it hold)"
                                         : "";
    if (l.kind == Literal::Kind::Atom && l.negated) {
      Atom positive = shown.atom;
      return "premise " + to_source(shown) + " fails" + where + ": " + holding(positive) + " holds (established)";
    }
    if (l.kind != Literal::Kind::Atom) return "premise " + to_source(shown) + " does not hold" + where;
    return "premise " + to_source(shown.atom) + " does not hold" + where + ": " + missing_reason(shown.atom);
  }

  // The first instance of an atom of the strict part that holds (for a failing `not`).
  std::string holding(const Atom& a) {
    Query q;
    Literal l;
    l.atom = a;
    q.body.push_back(l);
    Bindings first;
    std::size_t ways = 0;
    if (!ground_first(q, first, ways) || ways == 0) return to_source(a);
    return to_source(substituted(a, first));
  }

  // The rules that could conclude an atom: statements with its predicate as they count in
  // the graph's perspective (defeaters conclude nothing), whose head unifies with it.
  struct Candidate {
    const Rule* rule;
    RuleKind kind;
    std::vector<Literal> prelude;  // Variable = constant, from the unification
    std::vector<Literal> extra;    // equalities to check once their variables are bound
  };
  std::vector<Candidate> candidates(const Atom& goal, bool& any_statement) const {
    std::vector<Candidate> out;
    any_statement = false;
    const auto p = predicate_of(goal);
    for (const auto& r : g_.program_->rules) {
      if (predicate_of(r.head) != p || r.kind == RuleKind::Defeater) continue;
      RuleKind kind = r.kind;
      if (r.kind == RuleKind::Claim && !g_.perspective_.empty()) {
        if (r.claimant != g_.perspective_) continue;
        kind = RuleKind::Strict;
      }
      any_statement = true;
      Candidate c{&r, kind, {}, {}};
      Bindings fixed;
      std::map<std::string, const Term*> shared;  // a variable of the goal -> the head term at its first place
      bool unifies = true;
      auto equal = [](const Term& a, const Term& b) {
        Literal eq;
        eq.kind = Literal::Kind::Comparison;
        eq.op = CompareOp::Eq;
        eq.lhs = a;
        eq.rhs = b;
        return eq;
      };
      for (std::size_t i = 0; i < goal.args.size() && unifies; ++i) {
        const auto& t = r.head.args[i];
        const auto& g = goal.args[i];
        if (g.kind == Term::Kind::Constant) {
          if (t.kind == Term::Kind::Constant) {
            unifies = t.value == g.value;
          } else if (t.kind == Term::Kind::Variable) {
            const auto [it, inserted] = fixed.try_emplace(t.name, g.value);
            if (inserted) c.prelude.push_back(equal(t, g));
            else unifies = it->second == g.value;
          } else {
            c.extra.push_back(equal(t, g));
          }
        } else if (g.kind == Term::Kind::Variable && !is_anonymous_name(g.name)) {
          const auto [it, inserted] = shared.try_emplace(g.name, &t);
          if (!inserted) c.extra.push_back(equal(*it->second, t));
        }
      }
      if (unifies) out.push_back(std::move(c));
    }
    return out;
  }

  // The contrary of a ground atom (`-p(a)` for `p(a)`, `p(a)` for `-p(a)`) when it is not
  // rejected: an explicit negative that holds is why the atom does not, which "no fact or
  // rule concludes it" would hide (`-dispute_step(d, suit_filed)` cited for "no suit has
  // been filed").
  struct Contrary {
    PredicateId predicate;
    std::vector<Value> args;
    Status status;
  };
  std::optional<Contrary> contrary_holding(const Atom& a) const {
    if (find_builtin(a.predicate)) return std::nullopt;
    std::vector<Value> values;
    for (const auto& t : a.args) {
      if (t.kind != Term::Kind::Constant) return std::nullopt;
      values.push_back(t.value);
    }
    const auto p = contrary_of(predicate_of(a));
    const auto status = explainer_.status_of(p, values);
    if (!status || *status == Status::Rejected) return std::nullopt;
    return Contrary{p, std::move(values), *status};
  }

  static std::string contrary_reason(const Contrary& c) {
    return "its contrary " + literal_text(c.predicate, c.args) +
           (c.status >= Status::Accepted ? std::string(" holds (") + status_name(c.status) + ")"
                                         : std::string(" is ") + status_name(c.status));
  }

  std::string missing_reason(const Atom& a) {
    if (find_builtin(a.predicate)) return "no statement's citation or source declaration matches it";
    if (const auto c = contrary_holding(a)) return contrary_reason(*c);
    bool any = false;
    const auto found = candidates(a, any);
    if (found.empty()) return "no fact or rule concludes it";
    return "no fact states it, and no rule that could conclude it applies";
  }

  // The node for a literal that fails under `b`, with, for an atom, the rules that could
  // have concluded it.
  ExplanationNode premise(const Literal& l, const Bindings& b, int depth) {
    const auto shown = substituted(l, b);
    ExplanationNode node;
    if (l.kind == Literal::Kind::Atom && l.negated) {
      node.kind = ExplanationNode::Kind::Assumption;
      node.literal = to_source(shown);
      node.status = Status::Rejected;
      node.outcome = holding(shown.atom) + " holds (established)";
      return node;
    }
    if (l.kind != Literal::Kind::Atom) {
      node.kind = ExplanationNode::Kind::Condition;
      node.literal = to_source(shown);
      node.outcome = "does not hold";
      return node;
    }
    node.kind = ExplanationNode::Kind::Conclusion;
    node.literal = to_source(shown.atom);
    std::vector<Value> values;
    for (const auto& t : shown.atom.args)
      if (t.kind == Term::Kind::Constant) values.push_back(t.value);
    if (values.size() == shown.atom.args.size()) node.sentence = explainer_.sentence(predicate_of(shown.atom), values);
    node.outcome = missing_reason(shown.atom);
    if (find_builtin(l.atom.predicate)) return node;
    // The contrary that holds, explained down to its statements and their quotes; then the
    // rules that could have concluded the atom, which do not apply.
    if (const auto c = contrary_holding(shown.atom)) {
      auto against = explainer_.conclusion(c->predicate, c->args, depth + 1);
      against.role = ExplanationNode::Role::Against;
      node.children.push_back(std::move(against));
    }
    bool any = false;
    auto found = candidates(shown.atom, any);
    if (found.empty()) return node;
    if (depth >= max_why_not_depth || rules_shown_ >= max_why_not_rules) {
      node.outcome += " (not followed further)";
      node.truncated = true;
      return node;
    }
    if (!followed_.insert(node.literal).second) {
      node.outcome += " (see above)";
      node.truncated = true;
      return node;
    }
    for (auto& c : found) {
      if (rules_shown_++ >= max_why_not_rules) break;
      node.children.push_back(rule(c, depth));
    }
    return node;
  }

  // A rule that could conclude the goal and does not apply: its first failing premise.
  ExplanationNode rule(const Candidate& c, int depth) {
    ExplanationNode node;
    explainer_.describe(node, *c.rule, c.kind);
    node.holds = false;
    node.applies = false;
    std::set<std::string> bound;
    for (const auto& l : c.prelude) bound.insert(l.lhs.name);
    std::vector<Literal> body = c.rule->body;
    for (const auto& e : c.extra) body.push_back(e);
    const auto order = evaluation_order(body, bound);
    const auto failure = first_failure(c.prelude, order);
    if (!failure) {
      node.outcome = status_ == eval::Status::Ok ? "its premises hold for other values only" : "";
      return node;
    }
    const Literal& l = *order[failure->index];
    node.outcome = summary(l, failure->bindings, failure->ways);
    if (l.kind == Literal::Kind::Atom && !l.negated) {
      auto p = premise(l, failure->bindings, depth + 1);
      if (!p.children.empty()) node.children.push_back(std::move(p));
    }
    return node;
  }

  ArgumentGraph& g_;
  Explainer& explainer_;
  const eval::Limits& limits_;
  eval::Status status_ = eval::Status::Ok;
  std::set<std::string> followed_;  // premises already followed into their rules
  std::size_t rules_shown_ = 0;
};

// ---- Arguments that do not stand -------------------------------------------------------

std::string ArgumentGraph::Explainer::name_of(InstanceId i) const {
  const auto& in = g_.instances_[i];
  if (in.rule->label) return "'" + *in.rule->label + "'";
  return "the " + kind_text(*in.rule, in.kind) + " for " + g_.to_string(in.head);
}

std::string ArgumentGraph::Explainer::why_down(InstanceId i) const {
  const auto& in = g_.instances_[i];
  const bool out = in.label == Label::Out;
  const std::string head = out ? "does not stand: " : "undecided: ";
  const auto wanted = out ? Label::Out : Label::Undecided;
  for (const auto l : in.body)
    if (g_.labels_[l] == wanted)
      return head + "premise " + g_.to_string(l) + (out ? " is rejected" : " is contested");
  for (const auto& n : in.negations) {
    if (g_.negation_label(n) != wanted) continue;
    std::string text = "not " + n.predicate.name + "(";
    for (std::size_t k = 0; k < n.pattern.size(); ++k) text += (k ? ", " : "") + (n.pattern[k] ? to_source(*n.pattern[k]) : "_");
    text = n.pattern.empty() ? "not " + n.predicate.name : text + ")";
    for (const auto m : n.matches)
      if (g_.labels_[m] == (out ? Label::In : Label::Undecided))
        return head + "premise " + text + (out ? " fails: " : " is contested: ") + g_.to_string(m) + " is " +
               status_name(g_.status(m));
    return head + "premise " + text + (out ? " fails" : " is contested");
  }
  if (const auto c = g_.contrary(in.head); c && g_.literals_[*c].strict_part)
    return head + "its contrary " + g_.to_string(*c) + " is established";
  for (const auto& [s, defeats] : g_.attackers(i)) {
    if (!defeats) continue;
    const auto& x = g_.instances_[s];
    if (out && x.label == Label::In) return head + "defeated by " + name_of(s);
    if (!out && x.label != Label::Out)
      return head + "attacked by " + name_of(s) + ", which is not defeated" +
             (g_.superior(s, i) ? "" : " (neither has priority over the other)");
  }
  return out ? "does not stand" : "undecided";
}

eval::Status ArgumentGraph::why_not(const Query& query, const eval::Limits& limits,
                                    const std::function<std::string(const Location&)>& place_of,
                                    std::vector<ExplanationNode>& out) {
  Query every = query;
  every.modality = Modality::Any;  // a contested or rejected answer is what is asked about
  std::vector<std::string> columns;
  std::vector<AnswerRow> rows;
  const auto status = answer(every, limits, columns, rows);
  if (status != eval::Status::Ok) return status;
  explain_rows(rows, true, limits, place_of, out);
  if (!rows.empty()) return eval::Status::Ok;
  Explainer explainer(*this, limits, place_of);
  WhyNot why(*this, explainer, limits);
  auto root = why.goal(query);
  if (why.status() != eval::Status::Ok) return why.status();
  out.push_back(std::move(root));
  return eval::Status::Ok;
}

}  // namespace writ::query::argue
