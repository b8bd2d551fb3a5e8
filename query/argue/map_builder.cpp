// Building a question's argument map from the argument graph (argument_map.hpp).
//
// A breadth-first walk from the answers, in argument steps: from a literal to the arguments
// for it and to the arguments attacking those (one step further), from an argument to its
// premises and its conclusion (the same step). A 0-1 breadth-first search gives every node
// its least depth. Literals of the strict part (facts and strict rules over them) are not
// instances of the graph: their arguments are every fact that states them, else the first
// strict rule instance that derives them, found by grounding the rule's body.
#include <algorithm>
#include <deque>
#include <map>
#include <tuple>

#include "argument_graph.hpp"
#include "query/analysis/variables.hpp"
#include "query/builtins.hpp"
#include "wording.hpp"

namespace writ::query::argue {

namespace {

std::string kind_word(const std::string& rule_kind, const std::string& claimant) {
  if (rule_kind == "strict") return "strict rule";
  if (rule_kind == "defeasible") return "defeasible rule";
  if (rule_kind == "claim") return "claim by " + claimant;
  return rule_kind;
}

}  // namespace

class ArgumentGraph::MapBuilder {
 public:
  MapBuilder(ArgumentGraph& g, const eval::Limits& limits, const MapContext& context)
      : g_(g), limits_(limits), context_(context), wording_(*g.program_, display_names(g)) {
    for (const auto& r : g_.program_->rules)
      if (r.kind == RuleKind::Strict) strict_rules_[predicate_of(r.head)].push_back(&r);
  }

  eval::Status build(const Query& query, ArgumentMap& out) {
    out_ = &out;
    out = ArgumentMap{};
    out.goal = query.text;
    out.perspective = g_.perspective_;
    std::vector<AnswerRow> rows;
    const auto status = g_.answer(query, limits_, out.columns, rows);
    if (status != eval::Status::Ok) return status;
    for (const auto& row : rows) {
      MapAnswer a;
      for (const auto& v : row.values) a.values.push_back(to_source(v));
      a.status = row.status;
      if (row.atoms.size() == 1) {
        if (const auto n = literal(row.atoms[0].first, row.atoms[0].second, 0)) a.node = out.nodes[*n].id;
      } else {
        std::string label, text;
        for (std::size_t i = 0; i < row.atoms.size(); ++i) {
          label += (i ? ", " : "") + literal_source(row.atoms[i].first, row.atoms[i].second);
          text += (i ? " and " : "") + wording_.sentence(row.atoms[i].first, row.atoms[i].second);
        }
        if (const auto goal = node("G:" + label, 0, [&](MapNode& n, Item&) {
              n.kind = MapNode::Kind::Goal;
              n.label = label;
              n.text = text;
              n.status = row.status;
            })) {
          a.node = out.nodes[*goal].id;
          for (const auto& [p, args] : row.atoms)
            if (const auto l = literal(p, args, 0)) edge(*l, *goal, MapEdge::Kind::Premise);
        }
      }
      out.answers.push_back(std::move(a));
    }
    for (;;) {
      if (this_level_.empty()) {
        if (next_level_.empty()) break;
        std::swap(this_level_, next_level_);
        ++level_;
      }
      const auto [n, depth] = this_level_.front();
      this_level_.pop_front();
      if (expanded_[n] || depth != out.nodes[n].depth) continue;
      expanded_[n] = true;
      expand(n);
    }
    return status_;
  }

 private:
  // What a node stands for, to expand it.
  struct Item {
    enum class Type { Literal, Negation, Instance, Derivation, Goal } type = Type::Literal;
    PredicateId predicate;
    std::vector<Value> args;
    InstanceId instance = 0;
    const GroundNegation* negation = nullptr;
    // Derivation: its premises (positive) and `not` premises (their texts).
    std::vector<std::pair<PredicateId, std::vector<Value>>> premises;
    std::vector<std::pair<PredicateId, std::vector<Value>>> absent;
  };

  static std::map<std::string, std::string> display_names(const ArgumentGraph& g) {
    std::map<std::string, std::string> names;
    const PredicateId entity{"entity", 2};
    if (!g.strict_part_.count(entity)) return names;
    g.grounder_.each_row(entity, [&](const std::vector<Value>& row) {
      if (row[0].kind == ValueKind::Symbol && row[1].kind == ValueKind::String) names.emplace(row[0].text, row[1].text);
    });
    return names;
  }

  // The node with this key, made by `fill` when new; nullopt once the map is full.
  template <typename Fill>
  std::optional<std::size_t> node(const std::string& key, int depth, Fill fill) {
    auto& nodes = out_->nodes;
    if (const auto it = index_.find(key); it != index_.end()) {
      auto& n = nodes[it->second];
      if (depth < n.depth) {
        n.depth = depth;
        enqueue(it->second, depth);
      }
      return it->second;
    }
    if (nodes.size() >= max_map_nodes) {
      out_->truncated = true;
      return std::nullopt;
    }
    MapNode n;
    Item item;
    fill(n, item);
    n.depth = depth;
    n.id = (n.kind == MapNode::Kind::Argument ? "a" + std::to_string(++arguments_) : "n" + std::to_string(++literals_));
    const auto at = nodes.size();
    nodes.push_back(std::move(n));
    items_.push_back(std::move(item));
    expanded_.push_back(false);
    index_.emplace(key, at);
    enqueue(at, depth);
    return at;
  }

  // Two first-in first-out queues, this depth's and the next's: nodes are expanded in the
  // order they were met, level by level.
  void enqueue(std::size_t n, int depth) {
    (depth <= level_ ? this_level_ : next_level_).push_back({n, depth});
  }

  void edge(std::size_t from, std::size_t to, MapEdge::Kind kind) {
    if (!edges_.insert({from, to, kind}).second) return;
    out_->edges.push_back(MapEdge{out_->nodes[from].id, out_->nodes[to].id, kind});
  }

  std::optional<std::size_t> literal(const PredicateId& p, const std::vector<Value>& args, int depth) {
    const auto label = literal_source(p, args);
    return node("L:" + label, depth, [&](MapNode& n, Item& item) {
      n.kind = MapNode::Kind::Literal;
      n.label = label;
      n.text = wording_.sentence(p, args);
      const auto id = g_.find(p, args);
      n.status = id && !g_.literals_[*id].strict_part ? g_.status(*id) : Status::Established;
      item.predicate = p;
      item.args = args;
    });
  }

  std::optional<std::size_t> negation(const std::string& text, const std::string& sentence, Status status,
                                      const GroundNegation* n, int depth) {
    return node("N:" + text, depth, [&](MapNode& m, Item& item) {
      m.kind = MapNode::Kind::Literal;
      m.negation = true;
      m.label = text;
      m.text = "it is not the case that " + sentence;
      m.status = status;
      item.type = Item::Type::Negation;
      item.negation = n;
    });
  }

  void describe(MapNode& n, const Rule& r) const {
    n.kind = MapNode::Kind::Argument;
    n.rule = r.label.value_or("");
    if (context_.assumed && context_.assumed(r.location)) n.rule_kind = "assumption";
    else if (r.kind == RuleKind::Strict) n.rule_kind = r.body.empty() ? "fact" : "strict";
    else if (r.kind == RuleKind::Defeasible) n.rule_kind = "defeasible";
    else if (r.kind == RuleKind::Defeater) n.rule_kind = "defeater";
    else n.rule_kind = "claim";
    n.claimant = r.claimant;
    n.denial = r.denial;
    n.label = r.label ? *r.label : kind_word(n.rule_kind, r.claimant);
    n.statement = r.text;
    n.place = context_.place_of ? context_.place_of(r.location) : std::string();
    if (r.citation) {
      MapCitation c{r.citation->source, {}, r.citation->quote};
      for (const auto& s : g_.program_->sources) {
        if (s.name != r.citation->source) continue;
        for (const auto& [key, value] : s.attributes)
          if (key == "kind") c.source_kind = to_display(value);
      }
      n.citations.push_back(std::move(c));
    }
  }

  // The English of an argument: a claim as its claimant says it, a rule as its conclusion
  // "because" its premises.
  std::string argument_text(const Rule& r, const PredicateId& head, const std::vector<Value>& head_args,
                            const std::vector<std::string>& premises) const {
    if (r.kind == RuleKind::Claim) {
      const bool denies = r.denial && head.name.starts_with("-");
      const PredicateId shown = denies ? PredicateId{head.name.substr(1), head.arity} : head;
      return wording_.value(Value::make_symbol(r.claimant)) + (denies ? " denies that " : " claims that ") +
             wording_.sentence(shown, head_args);
    }
    std::string out = wording_.sentence(head, head_args);
    if (r.kind == RuleKind::Defeater) out = "not necessarily: " + out;
    for (std::size_t i = 0; i < premises.size(); ++i)
      out += (i == 0 ? ", because " : i + 1 == premises.size() ? " and " : ", ") + premises[i];
    return out;
  }

  std::string negation_text(const GroundNegation& n) const {
    std::string text = "not " + n.predicate.name + "(";
    for (std::size_t k = 0; k < n.pattern.size(); ++k) text += (k ? ", " : "") + (n.pattern[k] ? to_source(*n.pattern[k]) : "_");
    return n.pattern.empty() ? "not " + n.predicate.name : text + ")";
  }

  std::string negation_sentence(const GroundNegation& n) const {
    std::vector<Value> shown;
    for (const auto& v : n.pattern) shown.push_back(v ? *v : Value::make_symbol("something"));
    return wording_.sentence(n.predicate, shown);
  }

  std::optional<std::size_t> instance(InstanceId i, int depth) {
    return node("I:" + std::to_string(i), depth, [&](MapNode& n, Item& item) {
      const auto& in = g_.instances_[i];
      describe(n, *in.rule);
      n.status = in.label == Label::In ? (in.established ? Status::Established : Status::Accepted)
                 : in.label == Label::Undecided ? Status::Contested : Status::Rejected;
      for (const auto& [name, value] : in.bindings) n.bindings.emplace_back(name, to_source(value));
      std::vector<std::string> premises;
      for (const auto l : in.body) premises.push_back(wording_.sentence(g_.literals_[l].predicate, g_.literals_[l].args));
      for (const auto& neg : in.negations) premises.push_back("it is not the case that " + negation_sentence(neg));
      const auto& head = g_.literals_[in.head];
      n.text = argument_text(*in.rule, head.predicate, head.args, premises);
      item.type = Item::Type::Instance;
      item.instance = i;
    });
  }

  // Arguments for a literal of the strict part: the facts that state it, else the first
  // strict rule instance that derives it; a row of a built-in relation, its statement.
  std::vector<std::size_t> strict_arguments(const PredicateId& p, const std::vector<Value>& args, int depth) {
    std::vector<std::size_t> out;
    const auto head_text = literal_source(p, args);
    if (find_builtin(p.name)) {
      if (const auto n = builtin(p, args, depth)) out.push_back(*n);
      return out;
    }
    const auto it = strict_rules_.find(p);
    if (it != strict_rules_.end()) {
      for (const auto* r : it->second) {
        if (!r->body.empty()) continue;
        bool same = r->head.args.size() == args.size();
        for (std::size_t i = 0; same && i < args.size(); ++i)
          same = r->head.args[i].kind == Term::Kind::Constant && r->head.args[i].value == args[i];
        if (!same) continue;
        if (const auto n = node("S:" + std::to_string(reinterpret_cast<std::uintptr_t>(r)), depth, [&](MapNode& m, Item& item) {
              describe(m, *r);
              m.status = Status::Established;
              m.text = wording_.sentence(p, args);
              item.type = Item::Type::Derivation;
              item.predicate = p;
              item.args = args;
            }))
          out.push_back(*n);
      }
      if (!out.empty()) return out;
      for (const auto* r : it->second) {
        if (r->body.empty()) continue;
        if (auto n = derivation(*r, p, args, depth)) {
          out.push_back(*n);
          return out;
        }
      }
    }
    // A fact kept as a row (a store's table): no statement to show but the literal.
    if (g_.grounder_.contains(p, args)) {
      if (const auto n = node("F:" + head_text, depth, [&](MapNode& m, Item& item) {
            m.kind = MapNode::Kind::Argument;
            m.rule_kind = "fact";
            m.label = "fact";
            m.statement = head_text + ".";
            m.text = wording_.sentence(p, args);
            m.status = Status::Established;
            item.type = Item::Type::Derivation;
            item.predicate = p;
            item.args = args;
          }))
        out.push_back(*n);
    }
    return out;
  }

  std::optional<std::size_t> derivation(const Rule& r, const PredicateId& p, const std::vector<Value>& args, int depth) {
    Query q;
    for (std::size_t i = 0; i < r.head.args.size(); ++i) {
      const auto& t = r.head.args[i];
      if (t.kind == Term::Kind::Constant) {
        if (!(t.value == args[i])) return std::nullopt;
      } else if (t.kind == Term::Kind::Variable) {
        Literal eq;
        eq.kind = Literal::Kind::Comparison;
        eq.op = CompareOp::Eq;
        eq.lhs = t;
        eq.rhs = Term::constant(args[i]);
        q.body.push_back(std::move(eq));
      } else {
        return std::nullopt;
      }
    }
    for (const auto& l : r.body) q.body.push_back(l);
    std::optional<std::map<std::string, Value>> found;
    const auto status = g_.ground(q, limits_, [&](const std::map<std::string, Value>& b) {
      if (!found) found = b;
    });
    if (status != eval::Status::Ok) status_ = status;
    if (!found) return std::nullopt;
    Item derived;
    derived.type = Item::Type::Derivation;
    derived.predicate = p;
    derived.args = args;
    std::vector<std::string> premises;
    for (const auto& l : r.body) {
      if (l.kind != Literal::Kind::Atom) continue;
      std::vector<Value> values;
      bool ground = true;
      for (const auto& t : l.atom.args) {
        if (t.kind == Term::Kind::Variable && found->count(t.name)) values.push_back(found->at(t.name));
        else if (t.kind == Term::Kind::Constant) values.push_back(t.value);
        else ground = false;
      }
      if (!ground && !l.negated) continue;
      if (!ground) {
        // `not p(X, _)` with X bound: the pattern, `_` where anonymous.
        values.clear();
        for (const auto& t : l.atom.args)
          values.push_back(t.kind == Term::Kind::Variable && found->count(t.name) ? found->at(t.name)
                           : t.kind == Term::Kind::Constant ? t.value : Value::make_symbol("_"));
      }
      const auto lp = predicate_of(l.atom);
      premises.push_back((l.negated ? "it is not the case that " : "") + wording_.sentence(lp, values));
      (l.negated ? derived.absent : derived.premises).emplace_back(lp, std::move(values));
    }
    return node("S:" + std::to_string(reinterpret_cast<std::uintptr_t>(&r)) + ":" + literal_source(p, args), depth,
                [&](MapNode& m, Item& item) {
                  describe(m, r);
                  m.status = Status::Established;
                  for (const auto& [name, value] : *found)
                    if (!is_anonymous_name(name) && !name.starts_with("#")) m.bindings.emplace_back(name, to_source(value));
                  m.text = argument_text(r, p, args, premises);
                  item = std::move(derived);
                });
  }

  std::optional<std::size_t> builtin(const PredicateId& p, const std::vector<Value>& args, int depth) {
    const auto* b = find_builtin(p.name);
    if (!b || args.size() != b->arity) return std::nullopt;
    const auto key = "B:" + literal_source(p, args);
    if (p.name == "cites") {
      for (const auto& r : g_.program_->rules) {
        if (!r.citation || !(statement_name(r) == args[0]) || r.citation->source != args[1].text || r.citation->quote != args[2].text)
          continue;
        return node(key, depth, [&](MapNode& m, Item& item) {
          describe(m, r);
          m.label = "citation";
          m.rule_kind = "fact";
          m.status = Status::Established;
          m.text = wording_.value(args[1]) + " says: " + args[2].text;
          item.type = Item::Type::Derivation;
          item.predicate = p;
          item.args = args;
        });
      }
      return std::nullopt;
    }
    for (const auto& s : g_.program_->sources) {
      if (s.name != args[0].text) continue;
      return node(key, depth, [&](MapNode& m, Item& item) {
        m.kind = MapNode::Kind::Argument;
        m.label = "source declaration";
        m.rule_kind = "fact";
        m.statement = s.text;
        m.place = context_.place_of ? context_.place_of(s.location) : std::string();
        m.status = Status::Established;
        m.text = "the source " + s.name + " is declared so";
        item.type = Item::Type::Derivation;
        item.predicate = p;
        item.args = args;
      });
    }
    return std::nullopt;
  }

  void expand(std::size_t n) {
    const Item item = items_[n];  // a copy: expanding grows items_
    const int depth = out_->nodes[n].depth;
    switch (item.type) {
      case Item::Type::Literal: expand_literal(n, item, depth); break;
      case Item::Type::Negation:
        if (item.negation)
          for (const auto m : item.negation->matches)
            if (const auto l = literal(g_.literals_[m].predicate, g_.literals_[m].args, depth + 1))
              edge(*l, n, MapEdge::Kind::Negates);
        break;
      case Item::Type::Instance: expand_instance(n, item.instance, depth); break;
      case Item::Type::Derivation:
        if (const auto c = literal(item.predicate, item.args, depth)) edge(n, *c, MapEdge::Kind::Concludes);
        for (const auto& [p, args] : item.premises)
          if (const auto l = literal(p, args, depth)) edge(*l, n, MapEdge::Kind::Premise);
        for (const auto& [p, args] : item.absent) {
          std::string text = "not " + literal_source(p, args);
          if (const auto l = negation(text, wording_.sentence(p, args), Status::Established, nullptr, depth))
            edge(*l, n, MapEdge::Kind::Premise);
        }
        break;
      case Item::Type::Goal: break;
    }
  }

  void expand_literal(std::size_t n, const Item& item, int depth) {
    const auto& p = item.predicate;
    const auto id = g_.find(p, item.args);
    if (!id || g_.literals_[*id].strict_part || find_builtin(p.name)) {
      for (const auto a : strict_arguments(p, item.args, depth + 1)) edge(a, n, MapEdge::Kind::Concludes);
      return;
    }
    // The arguments for it first (their ids come first), then what attacks them. A strict
    // conclusion for the contrary defeats every one of them.
    for (const auto i : g_.supporters(*id))
      if (const auto a = instance(i, depth + 1)) edge(*a, n, MapEdge::Kind::Concludes);
    std::vector<std::size_t> strict_contrary;
    if (const auto c = g_.contrary(*id); c && g_.literals_[*c].strict_part)
      strict_contrary = strict_arguments(g_.literals_[*c].predicate, g_.literals_[*c].args, depth + 1);
    for (const auto i : g_.supporters(*id)) {
      const auto a = instance(i, depth + 1);
      if (!a) continue;
      for (const auto& [s, defeats] : g_.attackers(i)) {
        const auto x = instance(s, depth + 1);
        if (!x) continue;
        edge(*x, *a, g_.instances_[s].kind == RuleKind::Defeater ? MapEdge::Kind::Undercuts : MapEdge::Kind::Rebuts);
        if (g_.superior(s, i)) edge(*x, *a, MapEdge::Kind::Beats);
        if (g_.superior(i, s)) edge(*a, *x, MapEdge::Kind::Beats);
      }
      if (g_.instances_[i].kind == RuleKind::Strict) continue;
      for (const auto x : strict_contrary) {
        edge(x, *a, MapEdge::Kind::Rebuts);
        edge(x, *a, MapEdge::Kind::Beats);
      }
    }
  }

  void expand_instance(std::size_t n, InstanceId i, int depth) {
    const auto& in = g_.instances_[i];
    if (in.kind != RuleKind::Defeater) {
      const auto& head = g_.literals_[in.head];
      if (const auto c = literal(head.predicate, head.args, depth)) edge(n, *c, MapEdge::Kind::Concludes);
    }
    for (const auto l : in.body)
      if (const auto m = literal(g_.literals_[l].predicate, g_.literals_[l].args, depth)) edge(*m, n, MapEdge::Kind::Premise);
    // `not p(...)` over the strict part: the grounder decided it, so it holds.
    for (const auto& l : in.rule->body) {
      if (l.kind != Literal::Kind::Atom || !l.negated) continue;
      const auto p = predicate_of(l.atom);
      if (!g_.strict_part_.count(p) && !find_builtin(p.name)) continue;
      std::vector<Value> values;
      for (const auto& t : l.atom.args) {
        std::optional<Value> v;
        if (t.kind == Term::Kind::Constant) v = t.value;
        for (const auto& [name, value] : in.bindings)
          if (t.kind == Term::Kind::Variable && name == t.name) v = value;
        values.push_back(v ? *v : Value::make_symbol("_"));
      }
      if (const auto m = negation("not " + literal_source(p, values), wording_.sentence(p, values), Status::Established, nullptr, depth))
        edge(*m, n, MapEdge::Kind::Premise);
    }
    for (const auto& neg : in.negations) {
      const auto label = g_.negation_label(neg);
      bool argued_match = false;
      for (const auto m : neg.matches) argued_match = argued_match || g_.argued(m);
      const Status s = label == Label::In ? (argued_match ? Status::Accepted : Status::Established)
                       : label == Label::Out ? Status::Rejected : Status::Contested;
      if (const auto m = negation(negation_text(neg), negation_sentence(neg), s, &neg, depth)) edge(*m, n, MapEdge::Kind::Premise);
    }
  }

  ArgumentGraph& g_;
  const eval::Limits& limits_;
  const MapContext& context_;
  Wording wording_;
  std::map<PredicateId, std::vector<const Rule*>> strict_rules_;  // strict rules and facts by head
  ArgumentMap* out_ = nullptr;
  std::map<std::string, std::size_t> index_;
  std::vector<Item> items_;
  std::vector<bool> expanded_;
  std::deque<std::pair<std::size_t, int>> this_level_, next_level_;
  int level_ = 0;
  std::set<std::tuple<std::size_t, std::size_t, MapEdge::Kind>> edges_;
  std::size_t literals_ = 0;
  std::size_t arguments_ = 0;
  eval::Status status_ = eval::Status::Ok;
};

eval::Status ArgumentGraph::map(const Query& query, const eval::Limits& limits, const MapContext& context, ArgumentMap& out) {
  diagnostics_.clear();
  MapBuilder builder(*this, limits, context);
  return builder.build(query, out);
}

}  // namespace writ::query::argue
