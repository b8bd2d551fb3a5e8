// Building explanations from the argument graph, and rendering them.
#include "explanation.hpp"

#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "argument_graph.hpp"
#include "query/analysis/variables.hpp"

namespace writ::query::argue {

namespace {

constexpr int max_depth = 12;

std::string literal_text(const PredicateId& p, const std::vector<Value>& args) {
  std::string out = p.name;
  if (args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + to_source(args[i]);
  return out + ')';
}

std::string kind_text(const Rule& r, RuleKind effective) {
  switch (r.kind) {
    case RuleKind::Strict: return r.is_fact() ? "fact" : "rule";
    case RuleKind::Defeasible: return "defeasible rule";
    case RuleKind::Defeater: return "defeater";
    case RuleKind::Claim:
      return std::string(effective == RuleKind::Strict ? "claim (taken as fact here) by " : "claim by ") + r.claimant;
  }
  return "rule";
}

}  // namespace

// Walks the graph from a literal; one Explainer per call, so that each step is
// explained once (later occurrences are marked truncated) and cycles end.
class ArgumentGraph::Explainer {
 public:
  Explainer(ArgumentGraph& g, const eval::Limits& limits, const std::function<std::string(const Location&)>& place_of)
      : g_(g), limits_(limits), place_of_(place_of) {}

  ExplanationNode conclusion(const PredicateId& p, const std::vector<Value>& args, int depth) {
    ExplanationNode node;
    node.kind = ExplanationNode::Kind::Conclusion;
    node.literal = literal_text(p, args);
    node.sentence = sentence(p, args);
    const auto id = g_.find(p, args);
    const bool strict = g_.strict_part_.count(p) > 0;
    if (strict) {
      if (!(id || g_.grounder_.contains(p, args))) return node;  // not derivable
      node.status = Status::Established;
    } else if (id && g_.argued(*id)) {
      node.status = g_.status(*id);
    } else {
      return node;
    }
    if (depth >= max_depth || !seen_.insert(node.literal).second) {
      node.truncated = true;
      return node;
    }
    if (strict) {
      if (auto a = strict_argument(p, args, depth)) node.children.push_back(std::move(*a));
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
      auto counter = conclusion(g_.literals_[*c].predicate, g_.literals_[*c].args, depth + 1);
      counter.role = ExplanationNode::Role::Against;
      node.children.push_back(std::move(counter));
    }
    return node;
  }

 private:
  std::string sentence(const PredicateId& p, const std::vector<Value>& args) const {
    for (const auto& t : g_.program_->templates) {
      if (predicate_of(t.atom) != p) continue;
      std::string out = t.wording;
      // Replace each variable's name where it stands as a whole word.
      for (std::size_t i = 0; i < t.atom.args.size() && i < args.size(); ++i) {
        const auto& name = t.atom.args[i].name;
        if (name.empty() || is_anonymous_name(name)) continue;
        const auto value = args[i].kind == ValueKind::Integer ? std::to_string(args[i].integer) : args[i].text;
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
          if (key == "kind") node.source += " (" + (value.kind == ValueKind::Integer ? std::to_string(value.integer) : value.text) + ")";
      }
      node.quote = r.citation->quote;
    }
  }

  ExplanationNode argument(InstanceId i, int depth, ExplanationNode::Role role) {
    const auto& in = g_.instances_[i];
    ExplanationNode node;
    node.role = role;
    describe(node, *in.rule, in.kind);
    node.holds = in.label == Label::In;
    node.undecided = in.label == Label::Undecided;
    for (const auto l : in.body) node.children.push_back(conclusion(g_.literals_[l].predicate, g_.literals_[l].args, depth + 1));
    for (const auto& n : in.negations) {
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

  // Why counter-argument `s` does or does not defeat argument `r`.
  std::string outcome(InstanceId s, InstanceId r, bool defeats) const {
    const auto& x = g_.instances_[s];
    const auto& y = g_.instances_[r];
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
        if (!l.negated && ground) {
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

  ArgumentGraph& g_;
  const eval::Limits& limits_;
  const std::function<std::string(const Location&)>& place_of_;
  std::set<std::string> seen_;
};

eval::Status ArgumentGraph::explain(const Query& query, const eval::Limits& limits,
                                    const std::function<std::string(const Location&)>& place_of,
                                    std::vector<ExplanationNode>& out) {
  std::vector<std::string> columns;
  std::vector<AnswerRow> rows;
  const auto status = answer(query, limits, columns, rows);
  if (status != eval::Status::Ok) return status;
  for (const auto& row : rows) {
    Explainer explainer(*this, limits, place_of);
    if (row.atoms.size() == 1) {
      out.push_back(explainer.conclusion(row.atoms[0].first, row.atoms[0].second, 0));
      continue;
    }
    ExplanationNode root;
    root.status = row.status;
    for (std::size_t i = 0; i < row.atoms.size(); ++i) {
      root.literal += (i ? ", " : "") + literal_text(row.atoms[i].first, row.atoms[i].second);
      root.children.push_back(explainer.conclusion(row.atoms[i].first, row.atoms[i].second, 1));
    }
    out.push_back(std::move(root));
  }
  return eval::Status::Ok;
}

// ---- Rendering --------------------------------------------------------------------

namespace {

// A statement written over several lines, on one (the tree's indentation stays readable).
// Only line breaks and the indentation after them go: strings cannot hold a raw newline.
std::string one_line(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' || text[i + 1] == '\r')) ++i;
    if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

void text_of(const ExplanationNode& n, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  switch (n.kind) {
    case ExplanationNode::Kind::Conclusion:
      out += pad + (n.role == ExplanationNode::Role::Against ? "against: " : "") + n.literal + ": " +
             (n.status ? status_name(*n.status) : "no argument") + (n.truncated && !n.children.size() && n.status ? " (see above)" : "") + "\n";
      if (!n.sentence.empty()) out += pad + "  \"" + n.sentence + "\"\n";
      break;
    case ExplanationNode::Kind::Argument:
      out += pad + (n.role == ExplanationNode::Role::For ? "for: " : "against: ") + (n.label.empty() ? "" : n.label + ", ") + n.what +
             (n.place.empty() ? "" : " at " + n.place) + (n.holds ? "" : n.undecided ? " (undecided)" : " (defeated)") + "\n";
      out += pad + "  " + one_line(n.text) + "\n";
      if (!n.source.empty()) out += pad + "  source: " + n.source + (n.quote.empty() ? "" : ": \"" + n.quote + "\"") + "\n";
      if (!n.outcome.empty()) out += pad + "  " + n.outcome + "\n";
      break;
    case ExplanationNode::Kind::Assumption:
      out += pad + n.literal + ": " + (n.status ? status_name(*n.status) : "") + "\n";
      break;
  }
  for (const auto& c : n.children) text_of(c, indent + 1, out);
}

std::string json_escape(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

void json_of(const ExplanationNode& n, std::string& out) {
  const char* kind = n.kind == ExplanationNode::Kind::Conclusion ? "conclusion"
                     : n.kind == ExplanationNode::Kind::Argument ? "argument" : "assumption";
  out += "{\"kind\": \"" + std::string(kind) + "\", \"role\": \"" + (n.role == ExplanationNode::Role::For ? "for" : "against") + "\"";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += ", \"" + std::string(name) + "\": " + json_escape(value);
  };
  field("literal", n.literal);
  field("sentence", n.sentence);
  if (n.kind != ExplanationNode::Kind::Argument) out += ", \"status\": " + (n.status ? json_escape(status_name(*n.status)) : std::string("null"));
  field("label", n.label);
  field("what", n.what);
  field("text", n.text);
  field("place", n.place);
  field("source", n.source);
  field("quote", n.quote);
  field("outcome", n.outcome);
  if (n.kind == ExplanationNode::Kind::Argument)
    out += std::string(", \"stands\": ") + (n.holds ? "\"yes\"" : n.undecided ? "\"undecided\"" : "\"no\"");
  if (n.truncated) out += ", \"truncated\": true";
  out += ", \"children\": [";
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    if (i) out += ", ";
    json_of(n.children[i], out);
  }
  out += "]}";
}

void dot_of(const ExplanationNode& n, int& counter, std::string& out, int parent) {
  const int id = counter++;
  std::string label;
  std::string shape = "box";
  switch (n.kind) {
    case ExplanationNode::Kind::Conclusion:
    case ExplanationNode::Kind::Assumption:
      label = n.literal + "\\n" + (n.status ? status_name(*n.status) : "no argument");
      shape = "ellipse";
      break;
    case ExplanationNode::Kind::Argument:
      label = (n.label.empty() ? n.what : n.label + " (" + n.what + ")") + (n.quote.empty() ? "" : "\\n\\\"" + n.quote.substr(0, 60) + (n.quote.size() > 60 ? "..." : "") + "\\\"");
      break;
  }
  std::string escaped;
  for (const char c : label) {
    if (c == '"' && (escaped.empty() || escaped.back() != '\\')) escaped += "\\\"";
    else escaped += c;
  }
  out += "  n" + std::to_string(id) + " [shape=" + shape + ", label=\"" + escaped + "\"" +
         (n.role == ExplanationNode::Role::Against ? ", color=red" : "") + "];\n";
  if (parent >= 0) {
    out += "  n" + std::to_string(id) + " -> n" + std::to_string(parent) +
           (n.role == ExplanationNode::Role::Against ? " [color=red, label=\"attacks\"]" : "") + ";\n";
  }
  for (const auto& c : n.children) dot_of(c, counter, out, id);
}

}  // namespace

std::string render_text(const ExplanationNode& root) {
  std::string out;
  text_of(root, 0, out);
  return out;
}

std::string render_json(const ExplanationNode& root) {
  std::string out;
  json_of(root, out);
  return out;
}

std::string render_dot(const std::vector<ExplanationNode>& roots) {
  std::string out = "digraph writ {\n  rankdir=BT;\n  node [fontname=\"Helvetica\"];\n";
  int counter = 0;
  for (const auto& r : roots) dot_of(r, counter, out, -1);
  return out + "}\n";
}

}  // namespace writ::query::argue
