#include "argument_graph.hpp"

#include <algorithm>
#include <functional>

#include "query/analysis/checks.hpp"
#include "query/analysis/status_tests.hpp"
#include "query/analysis/variables.hpp"
#include "query/arithmetic.hpp"

namespace writ::query::argue {

namespace {

// Variables of a rule or query body in order of first occurrence, anonymous ones in
// positive atoms included (different values make different instances), those local to
// an aggregate left out.
std::vector<std::string> instance_variables(const std::vector<Literal>& body, const Atom* head) {
  std::vector<std::string> names;
  auto add = [&](const Term& v) {
    if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
  };
  if (head) for_each_variable(*head, add);
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Aggregate) {
      for_each_variable(l.lhs, add);
    } else if (l.kind == Literal::Kind::Atom && l.negated) {
      for_each_variable(l.atom, [&](const Term& v) {
        if (!is_anonymous_name(v.name)) add(v);
      });
    } else {
      for_each_variable(l, add);
    }
  }
  return names;
}

std::optional<Value> evaluate(const Term& t, const std::map<std::string, Value>& bindings) {
  switch (t.kind) {
    case Term::Kind::Constant: return t.value;
    case Term::Kind::Variable: {
      const auto it = bindings.find(t.name);
      if (it == bindings.end()) return std::nullopt;
      return it->second;
    }
    case Term::Kind::Arith: break;
  }
  Value v[2];
  for (std::size_t i = 0; i < t.operands.size() && i < 2; ++i) {
    const auto x = evaluate(t.operands[i], bindings);
    if (!x) return std::nullopt;
    v[i] = *x;
  }
  // The grounder has evaluated the same terms, and stopped at any error they have.
  auto r = apply(t.op, v[0], v[1]);
  if (r.outcome != ArithmeticResult::Outcome::Value) return std::nullopt;
  return std::move(r.value);
}

Term variable_term(const std::string& name) { return Term::variable(name); }

// Anonymous variables of positive atoms become ordinary ones ("#a1"): an instance records
// every value of its body literals, so the grounding rule must bind them. (In a negated
// literal `_` stays anonymous: it is projected away.)
Rule with_named_anonymous(const Rule& r) {
  Rule out = r;
  for (auto& l : out.body) {
    if (l.kind != Literal::Kind::Atom || l.negated) continue;
    for (auto& t : l.atom.args)
      if (t.kind == Term::Kind::Variable && is_anonymous_name(t.name)) t.name = "#a" + t.name.substr(2);
  }
  return out;
}

Status weaker(Status a, Status b) { return a < b ? a : b; }

}  // namespace

PredicateId contrary_of(const PredicateId& p) {
  return PredicateId{p.name.rfind('-', 0) == 0 ? p.name.substr(1) : "-" + p.name, p.arity};
}

LiteralId ArgumentGraph::intern(const PredicateId& predicate, std::vector<Value> args) {
  auto key = std::make_pair(predicate, args);
  const auto [it, inserted] = literal_ids_.try_emplace(std::move(key), static_cast<LiteralId>(literals_.size()));
  if (inserted) {
    literals_.push_back(GroundLiteral{predicate, std::move(args), strict_part_.count(predicate) > 0});
    supporters_.emplace_back();
    blockers_.emplace_back();
  }
  return it->second;
}

std::optional<LiteralId> ArgumentGraph::find(const PredicateId& predicate, const std::vector<Value>& args) const {
  const auto it = literal_ids_.find(std::make_pair(predicate, args));
  if (it == literal_ids_.end()) return std::nullopt;
  return it->second;
}

std::optional<LiteralId> ArgumentGraph::contrary(LiteralId l) const {
  return find(contrary_of(literals_[l].predicate), literals_[l].args);
}

std::string ArgumentGraph::to_string(LiteralId l) const {
  const auto& g = literals_[l];
  std::string out = g.predicate.name;
  if (g.args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < g.args.size(); ++i) out += (i ? ", " : "") + to_source(g.args[i]);
  return out + ')';
}

eval::Status ArgumentGraph::build(const Program& program, const std::string& perspective,
                                  const eval::Limits& limits) {
  status_predicates_.clear();
  layered_.reset();
  if (has_status_test(program)) return build_layers(program, perspective, limits);
  return build_layer(program, perspective, limits);
}

eval::Status ArgumentGraph::build_layer(const Program& program, const std::string& perspective,
                                        const eval::Limits& limits) {
  program_ = &program;
  perspective_ = perspective;
  diagnostics_.clear();
  literals_.clear();
  literal_ids_.clear();
  instances_.clear();
  supporters_.clear();
  blockers_.clear();
  strict_part_.clear();
  stronger_than_.clear();
  grounding_ = Program{};
  grounding_rule_of_.clear();
  issue_sides_.clear();
  for (const auto& issue : program.issues) {
    const auto p = predicate_of(issue.pattern);
    issue_sides_.try_emplace(p, IssueSide{&issue, true});
    issue_sides_.try_emplace(contrary_of(p), IssueSide{&issue, false});
  }

  // Superiority, closed transitively.
  for (const auto& p : program.preferences) stronger_than_[p.stronger].insert(p.weaker);
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& [label, weaker_ones] : stronger_than_) {
      for (const auto& w : std::vector<std::string>(weaker_ones.begin(), weaker_ones.end())) {
        const auto it = stronger_than_.find(w);
        if (it == stronger_than_.end()) continue;
        for (const auto& x : it->second) changed = weaker_ones.insert(x).second || changed;
      }
    }
  }

  // The rules as they count from this perspective.
  struct Effective {
    const Rule* rule;
    RuleKind kind;
  };
  std::vector<Effective> rules;
  for (const auto& r : program.rules) {
    if (r.kind == RuleKind::Claim && !perspective.empty()) {
      if (r.claimant != perspective) continue;
      rules.push_back({&r, RuleKind::Strict});
      continue;
    }
    rules.push_back({&r, r.kind});
  }

  // The strict part: predicates defined by strict rules over the strict part only.
  std::set<PredicateId> argued;
  // A claim stays argued even where it counts as a fact (its claimant's perspective):
  // what rests on it is accepted there, never established.
  for (const auto& e : rules)
    if (e.kind != RuleKind::Strict || e.rule->kind == RuleKind::Claim) argued.insert(predicate_of(e.rule->head));
  // So does a status test's: it reads a labelling, which facts alone do not give.
  for (const auto& [p, _] : status_predicates_) argued.insert(p);
  // Aggregates are sound over what is decided: the strict part, and status tests.
  const auto undecided = undecided_predicates(program);
  std::function<void(const std::vector<Literal>&, const std::function<void(const Atom&)>&)> each_atom =
      [&](const std::vector<Literal>& body, const std::function<void(const Atom&)>& f) {
        for (const auto& l : body) {
          if (l.kind == Literal::Kind::Atom) f(l.atom);
          for (const auto& el : l.elements) each_atom(el.condition, f);
        }
      };
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& e : rules) {
      const auto head = predicate_of(e.rule->head);
      if (argued.count(head)) continue;
      each_atom(e.rule->body, [&](const Atom& a) {
        if (argued.count(predicate_of(a)) && argued.insert(head).second) changed = true;
      });
    }
  }
  for (const auto& e : rules) {
    each_atom(e.rule->body, [&](const Atom& a) {
      if (!argued.count(predicate_of(a))) strict_part_.insert(predicate_of(a));
    });
    if (!argued.count(predicate_of(e.rule->head))) strict_part_.insert(predicate_of(e.rule->head));
  }

  // The grounding program: the strict part as it is; every other rule as a rule that
  // derives its instances, with the values of its head and body literals as columns.
  struct Layout {
    std::size_t rule;  // index into `rules`
    std::vector<std::string> variables;
    std::size_t width = 0;
  };
  std::vector<Layout> layouts;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& e = rules[i];
    const auto head = predicate_of(e.rule->head);
    if (!argued.count(head)) {
      grounding_.rules.push_back(*e.rule);
      grounding_.rules.back().kind = RuleKind::Strict;
      continue;
    }
    const Rule r = with_named_anonymous(*e.rule);
    for (const auto& l : r.body) {
      if (l.kind != Literal::Kind::Aggregate) continue;
      bool over_argued = false;
      for (const auto& el : l.elements) each_atom(el.condition, [&](const Atom& a) { over_argued = over_argued || undecided.count(predicate_of(a)); });
      // check_argued_aggregates() says so, with the predicate, before anything is built.
      if (over_argued)
        diagnostics_.push_back(make_error(l.location, "an aggregate over conclusions of defeasible rules or claims needs a status test"));
    }
    Layout layout{i, instance_variables(r.body, &r.head), 0};
    Rule inst;
    inst.location = r.location;
    inst.head.predicate = "#inst" + std::to_string(layouts.size());
    for (const auto& v : layout.variables) inst.head.args.push_back(variable_term(v));
    for (const auto& t : r.head.args) inst.head.args.push_back(t);
    for (const auto& l : r.body) {
      if (l.kind != Literal::Kind::Atom) {
        inst.body.push_back(l);
        continue;
      }
      if (l.negated && argued.count(predicate_of(l.atom))) {
        for (const auto& t : l.atom.args)
          if (!(t.kind == Term::Kind::Variable && is_anonymous_name(t.name))) inst.head.args.push_back(t);
        continue;  // decided by the labelling
      }
      inst.body.push_back(l);
      if (!l.negated)
        for (const auto& t : l.atom.args) inst.head.args.push_back(t);
    }
    if (inst.head.args.size() > max_arity) {
      diagnostics_.push_back(make_error(r.location, "this rule has too many variables and literals for the argumentation layer (at most " +
                                                        std::to_string(max_arity) + " values)"));
      continue;
    }
    layout.width = inst.head.args.size();
    if (e.kind != RuleKind::Defeater) {
      Rule derive;
      derive.location = r.location;
      derive.head = r.head;
      Literal from;
      from.atom.predicate = inst.head.predicate;
      for (const auto& v : layout.variables) from.atom.args.push_back(variable_term(v));
      for (std::size_t k = layout.variables.size(); k < layout.width; ++k) from.atom.args.push_back(variable_term("_#x" + std::to_string(k)));
      derive.body.push_back(std::move(from));
      grounding_.rules.push_back(std::move(derive));
    }
    grounding_.rules.push_back(std::move(inst));
    layouts.push_back(std::move(layout));
  }
  if (has_errors(diagnostics_)) return eval::Status::Error;

  const auto status = grounder_.evaluate(grounding_, limits, &program);
  if (status != eval::Status::Ok) {
    diagnostics_ = grounder_.diagnostics();
    return status;
  }
  for (const auto& d : grounder_.diagnostics()) diagnostics_.push_back(d);

  // Instances from the grounder's rows.
  for (std::size_t k = 0; k < layouts.size(); ++k) {
    const auto& layout = layouts[k];
    const auto& e = rules[layout.rule];
    const Rule& r = *e.rule;
    grounder_.each_row(PredicateId{"#inst" + std::to_string(k), static_cast<std::uint32_t>(layout.width)},
                       [&](const std::vector<Value>& row) {
                         Instance in;
                         in.rule = &r;
                         in.kind = e.kind;
                         std::size_t c = 0;
                         for (const auto& v : layout.variables) {
                           if (!is_anonymous_name(v)) in.bindings.emplace_back(v, row[c]);
                           ++c;
                         }
                         auto take = [&](std::size_t n) {
                           std::vector<Value> values(row.begin() + static_cast<std::ptrdiff_t>(c),
                                                     row.begin() + static_cast<std::ptrdiff_t>(c + n));
                           c += n;
                           return values;
                         };
                         in.head = intern(predicate_of(r.head), take(r.head.args.size()));
                         for (const auto& l : r.body) {
                           if (l.kind != Literal::Kind::Atom) continue;
                           const auto p = predicate_of(l.atom);
                           if (l.negated && argued.count(p)) {
                             GroundNegation n{p, {}, {}};
                             for (const auto& t : l.atom.args) {
                               if (t.kind == Term::Kind::Variable && is_anonymous_name(t.name)) {
                                 n.pattern.emplace_back(std::nullopt);
                               } else {
                                 n.pattern.emplace_back(row[c++]);
                               }
                             }
                             in.negations.push_back(std::move(n));
                           } else if (!l.negated) {
                             in.body.push_back(intern(p, take(l.atom.args.size())));
                           }
                         }
                         instances_.push_back(std::move(in));
                       });
  }
  // A contrary that strict rules derive from facts: it defeats every defeasible argument
  // for its complement, so it must be a literal of the graph too.
  const auto argued_literals = literals_.size();
  for (LiteralId l = 0; l < argued_literals; ++l) {
    const auto c = contrary_of(literals_[l].predicate);
    if (strict_part_.count(c) && grounder_.contains(c, literals_[l].args)) intern(c, literals_[l].args);
  }
  for (InstanceId i = 0; i < instances_.size(); ++i) {
    auto& in = instances_[i];
    (in.kind == RuleKind::Defeater ? blockers_ : supporters_)[in.head].push_back(i);
  }
  // Each negation's matches among the known literals.
  for (auto& in : instances_) {
    for (auto& n : in.negations) {
      for (const auto& [key, id] : literal_ids_) {
        if (key.first != n.predicate) continue;
        bool match = true;
        for (std::size_t a = 0; a < n.pattern.size() && match; ++a) match = !n.pattern[a] || *n.pattern[a] == key.second[a];
        if (match) n.matches.push_back(id);
      }
    }
  }
  label_all();
  mark_established();
  return eval::Status::Ok;
}

bool ArgumentGraph::superior(InstanceId a, InstanceId b) const {
  const auto& x = instances_[a];
  const auto& y = instances_[b];
  if (x.kind == RuleKind::Strict && y.kind != RuleKind::Strict) return true;
  if (x.kind == RuleKind::Strict || y.kind == RuleKind::Strict) return false;
  if (!x.rule->label || !y.rule->label) return false;
  const auto it = stronger_than_.find(*x.rule->label);
  return it != stronger_than_.end() && it->second.count(*y.rule->label) > 0;
}

std::vector<std::pair<InstanceId, bool>> ArgumentGraph::attackers(InstanceId i) const {
  std::vector<std::pair<InstanceId, bool>> out;
  const auto& in = instances_[i];
  if (in.kind == RuleKind::Defeater || in.kind == RuleKind::Strict) return out;
  if (const auto c = contrary(in.head))
    for (const auto s : supporters_[*c]) out.emplace_back(s, !superior(i, s));
  for (const auto s : blockers_[in.head]) out.emplace_back(s, !superior(i, s));
  return out;
}

Label ArgumentGraph::negation_label(const GroundNegation& n) const {
  bool all_out = true;
  for (const auto m : n.matches) {
    if (labels_[m] == Label::In) return Label::Out;
    if (labels_[m] != Label::Out) all_out = false;
  }
  return all_out ? Label::In : Label::Undecided;
}

Label ArgumentGraph::body_label(const Instance& in) const {
  bool all_in = true;
  for (const auto l : in.body) {
    if (labels_[l] == Label::Out) return Label::Out;
    if (labels_[l] != Label::In) all_in = false;
  }
  for (const auto& n : in.negations) {
    const auto nl = negation_label(n);
    if (nl == Label::Out) return Label::Out;
    if (nl != Label::In) all_in = false;
  }
  return all_in ? Label::In : Label::Undecided;
}

// The grounded labelling, as a least fixpoint: labels only ever go from Undecided to In
// or Out, each step justified by labels already final, so the order of visits does not
// matter and the loop ends after at most (instances + literals) rounds.
void ArgumentGraph::label_all() {
  labels_.assign(literals_.size(), Label::Undecided);
  for (LiteralId l = 0; l < literals_.size(); ++l) {
    if (literals_[l].strict_part) labels_[l] = Label::In;  // it is in the exact model
    else if (supporters_[l].empty()) labels_[l] = Label::Out;
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (InstanceId i = 0; i < instances_.size(); ++i) {
      auto& in = instances_[i];
      if (in.label != Label::Undecided) continue;
      const auto body = body_label(in);
      Label next = Label::Undecided;
      if (body == Label::Out) {
        next = Label::Out;
      } else if (in.kind == RuleKind::Strict || in.kind == RuleKind::Defeater) {
        if (body == Label::In) next = Label::In;
      } else if (const auto c = contrary(in.head); c && literals_[*c].strict_part) {
        next = Label::Out;  // defeated by a strict conclusion from facts
      } else if (issue_side(in.head)) {
        // Under an issue an argument applies or not; its attackers are weighed at the
        // literal, by the issue's standard (judged()).
        if (body == Label::In) next = Label::In;
      } else {
        bool all_neutralized = true;
        bool beaten = false;
        for (const auto& [s, defeats] : attackers(i)) {
          if (!defeats) continue;
          bool team_beats = false, team_may_beat = false;
          for (const auto t : supporters_[in.head]) {
            if (!superior(t, s)) continue;
            const auto tb = body_label(instances_[t]);
            team_beats = team_beats || tb == Label::In;
            team_may_beat = team_may_beat || tb != Label::Out;
          }
          if (!(instances_[s].label == Label::Out || team_beats)) all_neutralized = false;
          if (instances_[s].label == Label::In && !team_may_beat) beaten = true;
        }
        if (body == Label::In && all_neutralized) next = Label::In;
        else if (beaten) next = Label::Out;
      }
      if (next != Label::Undecided) {
        in.label = next;
        changed = true;
      }
    }
    for (LiteralId l = 0; l < literals_.size(); ++l) {
      if (labels_[l] != Label::Undecided) continue;
      if (const auto* side = issue_side(l)) {
        const auto next = judged(l, *side);
        if (next != Label::Undecided) {
          labels_[l] = next;
          changed = true;
        }
        continue;
      }
      bool any_in = false, all_out = true;
      for (const auto s : supporters_[l]) {
        any_in = any_in || instances_[s].label == Label::In;
        all_out = all_out && instances_[s].label == Label::Out;
      }
      if (any_in || all_out) {
        labels_[l] = any_in ? Label::In : Label::Out;
        changed = true;
      }
    }
  }
}

// Established: derived by strict rules (not claims, whatever the perspective) from facts
// and established literals, least fixpoint.
void ArgumentGraph::mark_established() {
  established_.assign(literals_.size(), false);
  for (LiteralId l = 0; l < literals_.size(); ++l) established_[l] = literals_[l].strict_part;
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& in : instances_) {
      if (in.established || in.label != Label::In || in.rule->kind != RuleKind::Strict) continue;
      // A status test's facts, and what aggregates them, rest on a labelling: accepted at best.
      if (status_predicates_.count(literals_[in.head].predicate) || reads_status(in)) continue;
      bool ok = std::all_of(in.body.begin(), in.body.end(), [&](LiteralId l) { return established_[l]; });
      for (const auto& n : in.negations)
        for (const auto m : n.matches) ok = ok && labels_[m] == Label::Out && !argued(m);
      if (!ok) continue;
      in.established = true;
      if (!established_[in.head]) {
        established_[in.head] = true;
        changed = true;
      }
    }
  }
}

const IssueSide* ArgumentGraph::issue_side(LiteralId l) const {
  if (issue_sides_.empty()) return nullptr;
  const auto it = issue_sides_.find(literals_[l].predicate);
  return it == issue_sides_.end() ? nullptr : &it->second;
}

const StatusPredicate* ArgumentGraph::status_predicate(const PredicateId& p) const {
  const auto it = status_predicates_.find(p);
  return it == status_predicates_.end() ? nullptr : &it->second;
}

Weight ArgumentGraph::weight(InstanceId i) const { return instances_[i].rule->weight.value_or(default_weight); }

Weighing ArgumentGraph::weighing(LiteralId l) const {
  Weighing w;
  auto add = [&](InstanceId i, std::optional<Weight>& sure, std::optional<Weight>& possible) {
    const auto& in = instances_[i];
    if (in.kind == RuleKind::Strict || in.label == Label::Out) return;  // strict ones are not weighed
    const Weight x = weight(i);
    possible = std::max(possible.value_or(0), x);
    if (in.label == Label::In) sure = std::max(sure.value_or(0), x);
  };
  for (const auto s : supporters_[l]) add(s, w.sure.pro, w.possible.pro);
  if (const auto c = contrary(l))
    for (const auto s : supporters_[*c]) add(s, w.sure.con, w.possible.con);
  for (const auto s : blockers_[l]) add(s, w.sure.con, w.possible.con);
  return w;
}

// Strict arguments are not weighed: one that applies decides, for or against. Otherwise
// the burdened side must meet the standard, and its contrary stands when it did not and
// an argument for the contrary applies (and nothing blocks it).
Label ArgumentGraph::judged(LiteralId l, const IssueSide& side) const {
  const auto c = contrary(l);
  bool strict_pro_open = false, strict_con_open = false;
  for (const auto s : supporters_[l]) {
    if (instances_[s].kind != RuleKind::Strict) continue;
    if (instances_[s].label == Label::In) return Label::In;
    if (instances_[s].label == Label::Undecided) strict_pro_open = true;
  }
  if (c) {
    if (literals_[*c].strict_part) return Label::Out;
    for (const auto s : supporters_[*c]) {
      if (instances_[s].kind != RuleKind::Strict) continue;
      if (instances_[s].label == Label::In) return Label::Out;
      if (instances_[s].label == Label::Undecided) strict_con_open = true;
    }
  }
  if (side.burdened) {
    switch (judge(side.issue->standard, weighing(l))) {
      case Verdict::Met: return strict_con_open ? Label::Undecided : Label::In;
      case Verdict::Failed: return strict_pro_open ? Label::Undecided : Label::Out;
      case Verdict::Open: return Label::Undecided;
    }
  }
  const Label burdened = c ? labels_[*c] : Label::Out;
  if (burdened == Label::In) return Label::Out;
  bool any_in = false, all_out = true;
  for (const auto s : supporters_[l]) {
    any_in = any_in || instances_[s].label == Label::In;
    all_out = all_out && instances_[s].label == Label::Out;
  }
  bool blocked = false, may_be_blocked = false;
  for (const auto s : blockers_[l]) {
    blocked = blocked || instances_[s].label == Label::In;
    may_be_blocked = may_be_blocked || instances_[s].label != Label::Out;
  }
  if (all_out || blocked) return Label::Out;
  if (burdened == Label::Out && any_in && !may_be_blocked) return Label::In;
  return Label::Undecided;
}

bool ArgumentGraph::reads_status(const Instance& in) const {
  if (status_predicates_.empty()) return false;
  for (const auto& l : in.rule->body)
    for (const auto& e : l.elements)
      for (const auto& c : e.condition)
        if (c.kind == Literal::Kind::Atom && status_predicates_.count(predicate_of(c.atom))) return true;
  return false;
}

Status ArgumentGraph::status(LiteralId l) const {
  switch (labels_[l]) {
    case Label::In: return established_[l] ? Status::Established : Status::Accepted;
    case Label::Undecided: return Status::Contested;
    case Label::Out: return Status::Rejected;
  }
  return Status::Rejected;
}

eval::Status ArgumentGraph::ground(const Query& query, const eval::Limits& limits,
                                   const std::function<void(const std::map<std::string, Value>&)>& each) {
  // Every variable becomes an answer column of the grounding query (none starts with `_`).
  const auto variables = instance_variables(query.body, nullptr);
  std::map<std::string, std::string> renamed;
  for (std::size_t i = 0; i < variables.size(); ++i) renamed[variables[i]] = "V#" + std::to_string(i);
  std::function<void(Term&)> rename_term = [&](Term& t) {
    if (t.kind == Term::Kind::Variable) {
      const auto it = renamed.find(t.name);
      if (it != renamed.end()) t.name = it->second;
    }
    for (auto& o : t.operands) rename_term(o);
  };
  std::function<void(Literal&)> rename = [&](Literal& l) {
    for (auto& t : l.atom.args) rename_term(t);
    rename_term(l.lhs);
    rename_term(l.rhs);
    for (auto& e : l.elements) {
      for (auto& t : e.terms) rename_term(t);
      for (auto& c : e.condition) rename(c);
    }
  };
  Query renamed_query = query;
  for (auto& l : renamed_query.body) rename(l);
  std::vector<std::string> columns;
  const auto outcome = grounder_.answer_each(
      renamed_query, limits, [&](const std::vector<std::string>& c) { columns = c; },
      [&](const std::vector<Value>& row) {
        std::map<std::string, Value> bindings;
        for (std::size_t i = 0; i < columns.size(); ++i) bindings[variables[std::stoul(columns[i].substr(2))]] = row[i];
        each(bindings);
      });
  for (const auto& d : grounder_.diagnostics()) diagnostics_.push_back(d);
  return outcome;
}

eval::Status ArgumentGraph::answer(const Query& query, const eval::Limits& limits, std::vector<std::string>& columns,
                                   std::vector<AnswerRow>& rows) {
  diagnostics_.clear();
  columns = answer_columns(query);
  rows.clear();
  // Ground the query like a rule: negations over argued predicates are decided by labels.
  auto is_argued = [&](const Atom& a) {
    const auto p = predicate_of(a);
    return !strict_part_.count(p) && literal_ids_.end() != std::find_if(literal_ids_.begin(), literal_ids_.end(), [&](const auto& kv) { return kv.first.first == p; });
  };
  Query grounding;
  grounding.location = query.location;
  std::vector<const Literal*> deferred;
  // A status test in a question filters its answers by the literal's status (and a `not`
  // one by the status no matching literal has); the grounding asks the atom alone.
  for (const auto& l : query.body) {
    if (l.kind == Literal::Kind::Atom && l.negated && (is_argued(l.atom) || l.status != StatusTest::None)) {
      deferred.push_back(&l);
      continue;
    }
    grounding.body.push_back(l);
    grounding.body.back().status = StatusTest::None;
  }
  std::map<std::vector<Value>, AnswerRow> best;
  const auto outcome = ground(grounding, limits, [&](const std::map<std::string, Value>& bindings) {
        AnswerRow answer;
        answer.status = Status::Established;
        for (const auto& l : query.body) {
          if (l.kind != Literal::Kind::Atom) continue;
          std::vector<Value> args;
          std::vector<std::optional<Value>> pattern;
          for (const auto& t : l.atom.args) {
            auto v = evaluate(t, bindings);
            pattern.push_back(v);
            if (v) args.push_back(*v);
          }
          const auto p = predicate_of(l.atom);
          if (!l.negated) answer.atoms.emplace_back(p, args);
          if (!l.negated) {
            const auto id = find(p, args);
            // Not in the graph: in the strict part and true, so established.
            const Status s = id ? this->status(*id) : Status::Established;
            if (!status_passes(l.status, s)) return;
            answer.status = weaker(answer.status, s);
            continue;
          }
          if (std::find(deferred.begin(), deferred.end(), &l) == deferred.end()) continue;
          if (l.status != StatusTest::None && strict_part_.count(p)) {
            // Every literal of the strict part that holds is established.
            bool found = false;
            grounder_.each_row(p, [&](const std::vector<Value>& row) {
              bool match = true;
              for (std::size_t a = 0; a < pattern.size() && match; ++a) match = !pattern[a] || *pattern[a] == row[a];
              found = found || (match && status_passes(l.status, Status::Established));
            });
            if (found) return;
            continue;
          }
          Status s = Status::Established;
          for (const auto& [key, id] : literal_ids_) {
            if (key.first != p) continue;
            bool match = true;
            for (std::size_t a = 0; a < pattern.size() && match; ++a) match = !pattern[a] || *pattern[a] == key.second[a];
            if (!match) continue;
            if (l.status != StatusTest::None) {
              if (argued(id) && status_passes(l.status, this->status(id))) return;  // the test finds one
              continue;
            }
            const auto ls = labels_[id];
            s = weaker(s, ls == Label::In ? Status::Rejected : ls == Label::Undecided ? Status::Contested
                                                          : argued(id) ? Status::Accepted : Status::Established);
          }
          answer.status = weaker(answer.status, s);
        }
        std::vector<Value> key;
        for (const auto& c : columns) key.push_back(bindings.at(c));
        auto [it, inserted] = best.try_emplace(key, answer);
        if (!inserted && answer.status > it->second.status) it->second = answer;
  });
  if (outcome != eval::Status::Ok) return outcome;
  for (auto& [values, answer] : best) {
    const bool shown = query.modality == Modality::Any ||
                       (query.modality == Modality::Could && answer.status != Status::Rejected) ||
                       (query.modality == Modality::Does && answer.status >= Status::Accepted);
    if (!shown) continue;
    answer.values = values;
    rows.push_back(std::move(answer));
  }
  return eval::Status::Ok;
}

}  // namespace writ::query::argue
