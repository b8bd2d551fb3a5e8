// The walk from a literal of the argument graph to its explanation tree, shared by
// explanations (explanation.cpp) and why-not explanations (why_not.cpp). Internal to
// query/argue.
#pragma once

#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "argument_graph.hpp"
#include "explanation.hpp"
#include "query/analysis/variables.hpp"
#include "query/ast_text.hpp"
#include "query/builtins.hpp"

namespace writ::query::argue {

inline constexpr int max_explanation_depth = 12;

inline std::string literal_text(const PredicateId& p, const std::vector<Value>& args) {
  std::string out = p.name;
  if (args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + to_source(args[i]);
  return out + ')';
}

inline std::string kind_text(const Rule& r, RuleKind effective) {
  switch (r.kind) {
    case RuleKind::Strict: return r.is_fact() ? "fact" : "rule";
    case RuleKind::Defeasible: return "defeasible rule";
    case RuleKind::Defeater: return "defeater";
    case RuleKind::Claim:
      return std::string(effective == RuleKind::Strict ? "claim (taken as fact here) by " : "claim by ") + r.claimant;
  }
  return "rule";
}

// Walks the graph from a literal; one Explainer per call, so that each step is
// explained once (later occurrences are marked truncated) and cycles end.
class ArgumentGraph::Explainer {
 public:
  using Role = ExplanationNode::Role;
  Explainer(ArgumentGraph& g, const eval::Limits& limits, const std::function<std::string(const Location&)>& place_of)
      : g_(g), limits_(limits), place_of_(place_of) {}

  ExplanationNode conclusion(const PredicateId& p, const std::vector<Value>& args, int depth) {
    ExplanationNode node;
    node.kind = ExplanationNode::Kind::Conclusion;
    node.literal = literal_text(p, args);
    if (const auto* test = g_.status_predicate(p)) {
      // `accepted deduction(t, x, $180)`: a fact about the labelling, explained by the
      // literal it is about.
      const auto id = g_.find(p, args);
      if (!id) return node;
      node.status = g_.status(*id);
      if (depth >= max_explanation_depth || !seen_.insert(node.literal).second) {
        node.truncated = true;
        return node;
      }
      node.children.push_back(conclusion(test->tested, args, depth + 1));
      return node;
    }
    node.sentence = sentence(p, args);
    const auto id = g_.find(p, args);
    const bool strict = g_.strict_part_.count(p) > 0 || find_builtin(p.name) != nullptr;
    if (strict) {
      if (!(id || g_.grounder_.contains(p, args))) return node;  // not derivable
      node.status = Status::Established;
    } else if (id && g_.argued(*id)) {
      node.status = g_.status(*id);
      if (const auto* side = g_.issue_side(*id)) node.standard = standard_text(*id, *side);
    } else {
      return node;
    }
    if (depth >= max_explanation_depth || !seen_.insert(node.literal).second) {
      node.truncated = true;
      return node;
    }
    if (strict) {
      if (auto a = strict_argument(p, args, depth)) node.children.push_back(std::move(*a));
      else if (auto b = builtin_argument(p, args)) node.children.push_back(std::move(*b));
      return node;
    }
    std::set<InstanceId> against;
    for (const auto i : g_.supporters(*id)) {
      node.children.push_back(argument(i, depth, ExplanationNode::Role::For));
      for (const auto& [s, defeats] : g_.attackers(i)) {
        if (!against.insert(s).second) continue;
        auto counter = argument(s, depth, ExplanationNode::Role::Against);
        counter.outcome = outcome(s, i, defeats);
        node.children.push_back(std::move(counter));
      }
    }
    // A strict conclusion for the contrary (not an instance of the graph) defeats them all.
    if (const auto c = g_.contrary(*id); c && g_.literals_[*c].strict_part) {
      const bool was_shallow = shallow_;
      shallow_ = shallow_ || why_not_;
      auto counter = conclusion(g_.literals_[*c].predicate, g_.literals_[*c].args, depth + 1);
      shallow_ = was_shallow;
      counter.role = ExplanationNode::Role::Against;
      node.children.push_back(std::move(counter));
    }
    return node;
  }

  // A literal's status as conclusion() gives it, without explaining it: none when it is
  // not derivable (no argument at all).
  std::optional<Status> status_of(const PredicateId& p, const std::vector<Value>& args) const {
    const auto id = g_.find(p, args);
    if (g_.status_predicate(p)) return id ? std::optional<Status>(g_.status(*id)) : std::nullopt;
    if (g_.strict_part_.count(p) > 0 || find_builtin(p.name) != nullptr)
      return id || g_.grounder_.contains(p, args) ? std::optional<Status>(Status::Established) : std::nullopt;
    if (id && g_.argued(*id)) return g_.status(*id);
    return std::nullopt;
  }

  std::string sentence(const PredicateId& p, const std::vector<Value>& args) const {
    for (const auto& t : g_.program_->templates) {
      if (predicate_of(t.atom) != p) continue;
      std::string out = t.wording;
      // Replace each variable's name where it stands as a whole word.
      for (std::size_t i = 0; i < t.atom.args.size() && i < args.size(); ++i) {
        const auto& name = t.atom.args[i].name;
        if (name.empty() || is_anonymous_name(name)) continue;
        const auto value = args[i].kind == ValueKind::Symbol || args[i].kind == ValueKind::String ? args[i].text : to_source(args[i]);
        for (std::size_t at = out.find(name); at != std::string::npos; at = out.find(name, at)) {
          const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(out[at - 1]));
          const bool ends = at + name.size() >= out.size() || !std::isalnum(static_cast<unsigned char>(out[at + name.size()]));
          if (starts && ends) {
            out.replace(at, name.size(), value);
            at += value.size();
          } else {
            at += name.size();
          }
        }
      }
      return out;
    }
    return {};
  }

  void describe(ExplanationNode& node, const Rule& r, RuleKind effective) const {
    node.kind = ExplanationNode::Kind::Argument;
    node.label = r.label.value_or("");
    node.what = kind_text(r, effective);
    node.text = r.text;
    node.place = place_of_(r.location);
    if (r.citation) {
      node.source = r.citation->source;
      for (const auto& s : g_.program_->sources) {
        if (s.name != r.citation->source) continue;
        for (const auto& [key, value] : s.attributes)
          if (key == "kind") node.source += " (" + (value.kind == ValueKind::Symbol || value.kind == ValueKind::String ? value.text : to_source(value)) + ")";
      }
      node.quote = r.citation->quote;
    }
  }

  ExplanationNode argument(InstanceId i, int depth, ExplanationNode::Role role) {
    const auto& in = g_.instances_[i];
    ExplanationNode node;
    node.role = role;
    describe(node, *in.rule, in.kind);
    if (in.kind != RuleKind::Strict && g_.issue_side(in.head)) node.weight = weight_text(g_.weight(i));
    node.holds = in.label == Label::In;
    node.undecided = in.label == Label::Undecided;
    // Why-not mode keeps to what fails: an argument that does not stand shows only its
    // premises that do not hold, and a counter-argument its premises that hold without
    // their own explanation.
    const bool focus = why_not_ && role == Role::For && !node.holds;
    if (focus) node.outcome = why_down(i);
    const bool was_shallow = shallow_;
    shallow_ = shallow_ || (why_not_ && role == Role::Against);
    for (const auto l : in.body) {
      if (focus && g_.labels_[l] == Label::In) continue;
      if (shallow_ && g_.labels_[l] == Label::In) {
        ExplanationNode brief;
        brief.literal = g_.to_string(l);
        brief.sentence = sentence(g_.literals_[l].predicate, g_.literals_[l].args);
        brief.status = g_.status(l);
        node.children.push_back(std::move(brief));
        continue;
      }
      node.children.push_back(conclusion(g_.literals_[l].predicate, g_.literals_[l].args, depth + 1));
    }
    shallow_ = was_shallow;
    if (g_.reads_status(in)) aggregated_members(in, depth, node);
    for (const auto& n : in.negations) {
      if (focus && g_.negation_label(n) == Label::In) continue;
      ExplanationNode a;
      a.kind = ExplanationNode::Kind::Assumption;
      std::vector<Value> shown;
      std::string text = "not " + n.predicate.name + "(";
      for (std::size_t k = 0; k < n.pattern.size(); ++k) text += (k ? ", " : "") + (n.pattern[k] ? to_source(*n.pattern[k]) : "_");
      a.literal = n.pattern.empty() ? "not " + n.predicate.name : text + ")";
      a.status = g_.negation_label(n) == Label::In ? Status::Accepted
                 : g_.negation_label(n) == Label::Out ? Status::Rejected : Status::Contested;
      node.children.push_back(std::move(a));
    }
    return node;
  }

  // What an aggregate over status tests counted (`#sum{ A, W : accepted deduction(F, W, A) }`):
  // a condition node with each member's conclusion below it.
  void aggregated_members(const Instance& in, int depth, ExplanationNode& node) {
    std::map<std::string, Value> bound(in.bindings.begin(), in.bindings.end());
    std::function<Term(const Term&)> with_values = [&](const Term& t) {
      if (t.kind == Term::Kind::Variable) {
        const auto it = bound.find(t.name);
        return it == bound.end() ? t : Term::constant(it->second, t.location);
      }
      Term out = t;
      for (auto& o : out.operands) o = with_values(o);
      return out;
    };
    for (const auto& l : in.rule->body) {
      if (l.kind != Literal::Kind::Aggregate) continue;
      ExplanationNode members;
      members.kind = ExplanationNode::Kind::Condition;
      members.literal = to_source(l);
      std::set<std::string> listed;
      for (const auto& e : l.elements) {
        Query q;
        for (const auto& c : e.condition) {
          Literal ground = c;
          for (auto& t : ground.atom.args) t = with_values(t);
          ground.lhs = with_values(ground.lhs);
          ground.rhs = with_values(ground.rhs);
          q.body.push_back(std::move(ground));
        }
        g_.ground(q, limits_, [&](const std::map<std::string, Value>& b) {
          for (const auto& c : q.body) {
            if (c.kind != Literal::Kind::Atom || c.negated || !g_.status_predicate(predicate_of(c.atom))) continue;
            std::vector<Value> args;
            for (const auto& t : c.atom.args) {
              if (t.kind == Term::Kind::Constant) args.push_back(t.value);
              else if (const auto it = b.find(t.name); it != b.end()) args.push_back(it->second);
            }
            if (args.size() != c.atom.args.size() || !listed.insert(literal_text(predicate_of(c.atom), args)).second) continue;
            members.children.push_back(conclusion(predicate_of(c.atom), args, depth + 1));
          }
        });
      }
      const auto result = l.lhs.kind == Term::Kind::Variable ? bound.find(l.lhs.name) : bound.end();
      members.outcome = (result != bound.end() ? to_source(l.lhs) + " = " + to_source(result->second) + ", " : std::string()) +
                        "over " + std::to_string(members.children.size()) +
                        (members.children.size() == 1 ? " member" : " members");
      node.children.push_back(std::move(members));
    }
  }

  // An issue's standard and how the arguments for and against the literal fare.
  std::string standard_text(LiteralId l, const IssueSide& side) const {
    const Issue& issue = *side.issue;
    std::string out = standard_name(issue.standard);
    if (!issue.burden.empty()) out += ", burden on " + issue.burden;
    if (!side.burdened) {
      const auto c = g_.contrary(l);
      const Label other = c ? g_.label(*c) : Label::Out;
      return out + "; its contrary " + (c ? g_.to_string(*c) : std::string("(unargued)")) +
             (other == Label::In ? " meets it" : other == Label::Out ? " does not meet it" : " is undecided");
    }
    if (g_.label(l) == Label::Undecided) return out + "; undecided: arguments on which it turns are contested";
    return out + "; " + reason(issue.standard, g_.weighing(l).sure);
  }

  // Why counter-argument `s` does or does not defeat argument `r`.
  std::string outcome(InstanceId s, InstanceId r, bool defeats) const {
    const auto& x = g_.instances_[s];
    const auto& y = g_.instances_[r];
    if (x.kind != RuleKind::Strict && g_.issue_side(y.head)) {
      // Under an issue the arguments are weighed, not defeated one by one.
      return x.label == Label::In    ? "applies: weighed against it"
             : x.label == Label::Out ? "does not apply: not weighed"
                                     : "may apply: its premises are contested";
    }
    auto name = [](const Instance& in) { return in.rule->label ? "'" + *in.rule->label + "'" : std::string("it"); };
    std::string out;
    if (!defeats) {
      out = y.kind == RuleKind::Strict ? "fails: the argument it attacks is strict"
                                       : "fails: " + name(y) + " has priority over " + name(x);
    } else if (g_.superior(s, r)) {
      out = x.kind == RuleKind::Strict ? "defeats it: a strict rule" : "defeats it: " + name(x) + " has priority over " + name(y);
    } else if (x.kind == RuleKind::Defeater) {
      out = "blocks it: neither has priority over the other";
    } else {
      out = "defeats it, and is defeated by it: neither has priority over the other";
    }
    if (x.label == Label::Out) out += " (but it is itself defeated or rests on something rejected)";
    return out;
  }

  // A row of a built-in relation: the statement or #source declaration it comes from.
  std::optional<ExplanationNode> builtin_argument(const PredicateId& p, const std::vector<Value>& args) const {
    const auto* b = find_builtin(p.name);
    if (!b || args.size() != b->arity) return std::nullopt;
    ExplanationNode node;
    if (p.name == "cites") {
      for (const auto& r : g_.program_->rules) {
        if (!r.citation || !(statement_name(r) == args[0]) || r.citation->source != args[1].text ||
            r.citation->quote != args[2].text)
          continue;
        describe(node, r, r.kind);
        node.what = "citation of a " + node.what;
        return node;
      }
    } else {
      for (const auto& s : g_.program_->sources) {
        if (s.name != args[0].text) continue;
        node.kind = ExplanationNode::Kind::Argument;
        node.what = "source declaration";
        node.text = s.text;
        node.place = place_of_(s.location);
        return node;
      }
    }
    return std::nullopt;
  }

  // Why-not mode (why_not.cpp): every argument for a conclusion that does not stand says
  // why in its outcome.
  void set_why_not(bool on) { why_not_ = on; }
  std::string why_down(InstanceId i) const;
  // How a counter-argument is named in a why-not outcome: 'label', or what it is and
  // what it concludes.
  std::string name_of(InstanceId i) const;

  // A strict conclusion from facts: the first rule instance that derives it.
  std::optional<ExplanationNode> strict_argument(const PredicateId& p, const std::vector<Value>& args, int depth) {
    for (const auto& r : g_.program_->rules) {
      if (predicate_of(r.head) != p || r.kind != RuleKind::Strict) continue;
      Query q;
      bool possible = true;
      for (std::size_t i = 0; i < r.head.args.size() && possible; ++i) {
        const auto& t = r.head.args[i];
        if (t.kind == Term::Kind::Constant) {
          possible = t.value == args[i];
        } else if (t.kind == Term::Kind::Variable) {
          Literal eq;
          eq.kind = Literal::Kind::Comparison;
          eq.op = CompareOp::Eq;
          eq.lhs = t;
          eq.rhs = Term::constant(args[i]);
          q.body.push_back(std::move(eq));
        } else {
          possible = false;
        }
      }
      if (!possible) continue;
      if (r.body.empty()) {
        ExplanationNode node;
        describe(node, r, RuleKind::Strict);
        return node;
      }
      for (const auto& l : r.body) q.body.push_back(l);
      std::optional<std::map<std::string, Value>> found;
      g_.ground(q, limits_, [&](const std::map<std::string, Value>& b) {
        if (!found) found = b;
      });
      if (!found) continue;
      ExplanationNode node;
      describe(node, r, RuleKind::Strict);
      for (const auto& l : r.body) {
        if (l.kind != Literal::Kind::Atom) continue;
        std::vector<Value> values;
        bool ground = true;
        for (const auto& t : l.atom.args) {
          if (t.kind == Term::Kind::Variable && found->count(t.name)) values.push_back(found->at(t.name));
          else if (t.kind == Term::Kind::Constant) values.push_back(t.value);
          else ground = false;
        }
        if (!l.negated && ground && why_not_ && shallow_) {
          ExplanationNode brief;  // why-not: a premise of a counter-argument, which holds
          brief.literal = literal_text(predicate_of(l.atom), values);
          brief.sentence = sentence(predicate_of(l.atom), values);
          brief.status = Status::Established;
          node.children.push_back(std::move(brief));
        } else if (!l.negated && ground) {
          node.children.push_back(conclusion(predicate_of(l.atom), values, depth + 1));
        } else if (l.negated) {
          ExplanationNode a;
          a.kind = ExplanationNode::Kind::Assumption;
          a.literal = "not " + l.atom.predicate + (ground ? literal_text(predicate_of(l.atom), values).substr(l.atom.predicate.size() + (l.atom.strong_negation ? 1 : 0)) : "(...)");
          a.status = Status::Established;
          node.children.push_back(std::move(a));
        }
      }
      return node;
    }
    return std::nullopt;
  }

 private:
  ArgumentGraph& g_;
  const eval::Limits& limits_;
  const std::function<std::string(const Location&)>& place_of_;
  std::set<std::string> seen_;
  bool why_not_ = false;
  bool shallow_ = false;  // why-not: inside a counter-argument
};

}  // namespace writ::query::argue
