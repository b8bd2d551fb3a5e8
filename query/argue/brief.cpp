// The argument map as text that reads like a brief: for each answer, one paragraph that
// says its status and why (the arguments for it, what attacks it and why that does or does
// not prevail, down to the claims a conflict rests on, quoted), then the detail as an
// indented tree down to a depth, each literal and each quote printed once.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "argument_map.hpp"

namespace writ::query::argue {

namespace {

std::size_t utf8_length(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Wraps `text` at `width` columns; the first line starts with `first`, the others with
// `rest` (both counted in the width).
std::string wrapped(const std::string& text, const std::string& first, const std::string& rest, std::size_t width) {
  std::string out, line = first;
  bool line_empty = true;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const auto word = text.substr(at, end - at);
    if (!line_empty && utf8_length(line) + 1 + utf8_length(word) > width) {
      out += line + "\n";
      line = rest;
      line_empty = true;
    }
    line += (line_empty ? "" : " ") + word;
    line_empty = false;
    at = end + 1;
  }
  return out + line + "\n";
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

class Brief {
 public:
  Brief(const ArgumentMap& map, std::optional<int> depth, std::size_t width) : map_(map), depth_(depth), width_(width) {
    for (std::size_t i = 0; i < map.nodes.size(); ++i) at_.emplace(map.nodes[i].id, i);
    for (const auto& e : map.edges) {
      const auto from = at_.at(e.from), to = at_.at(e.to);
      switch (e.kind) {
        case MapEdge::Kind::Concludes: arguments_for_[to].push_back(from); conclusion_[from] = to; break;
        case MapEdge::Kind::Premise: premises_[to].push_back(from); break;
        case MapEdge::Kind::Rebuts:
        case MapEdge::Kind::Undercuts: attackers_[to].push_back(from); break;
        case MapEdge::Kind::Beats: beats_.insert({from, to}); break;
        case MapEdge::Kind::Negates: break;
      }
    }
  }

  std::string answer(const MapAnswer& a) {
    const auto it = at_.find(a.node);
    if (it == at_.end()) return {};
    const auto root = it->second;
    const auto& n = map_.nodes[root];
    std::string head = n.label + ": " + status_name(a.status);
    if (!n.text.empty() && n.text != n.label) head += " — " + n.text;
    std::string out = wrapped(head, "", "    ", width_);
    out += wrapped(summary(root), "  ", "  ", width_);
    out += detail(root);
    return out;
  }

 private:
  const MapNode& node(std::size_t i) const { return map_.nodes[i]; }
  const std::vector<std::size_t>& list(const std::map<std::size_t, std::vector<std::size_t>>& m, std::size_t i) const {
    static const std::vector<std::size_t> none;
    const auto it = m.find(i);
    return it == m.end() ? none : it->second;
  }
  bool beats(std::size_t a, std::size_t b) const { return beats_.count({a, b}) > 0; }

  // A quote the first time it is printed, and a reference to it after.
  std::string quote(const MapNode& a) {
    if (a.citations.empty()) return {};
    const auto& c = a.citations.front();
    if (!quoted_.insert(c.quote).second) return " (quoted above)";
    return " (“" + c.quote + "”, " + c.source + ")";
  }

  // The detail's form: `: “quote” (source)`, or that it was quoted above.
  std::string cited(const MapNode& a) {
    if (a.citations.empty()) return {};
    const auto& c = a.citations.front();
    if (!quoted_.insert(c.quote).second) return " (quoted above)";
    return ": “" + c.quote + "” (" + c.source + ")";
  }

  std::string who(const MapNode& a) const {
    std::string name = a.claimant;
    // The claimant's display name is the start of the argument's English ("OpenAI claims ...").
    const auto verb = a.text.find(a.denial ? " denies that " : " claims that ");
    if (verb != std::string::npos) name = a.text.substr(0, verb);
    return name;
  }

  std::string claim_content(const MapNode& a) const {
    const auto verb = a.text.find(a.denial ? " denies that " : " claims that ");
    return verb == std::string::npos ? a.text : a.text.substr(verb + (a.denial ? 13 : 13));
  }

  std::string name(const MapNode& a) const {
    if (!a.rule.empty()) return a.rule;
    if (a.rule_kind == "claim") return who(a) + "'s " + (a.denial ? "denial" : "claim");
    if (a.rule_kind == "strict") return "a strict rule at " + a.place;
    return a.rule_kind + (a.place.empty() ? "" : " at " + a.place);
  }

  std::string conclusion_text(std::size_t a) const {
    const auto it = conclusion_.find(a);
    return it == conclusion_.end() ? node(a).text : node(it->second).text;
  }

  // The attackers of an argument that still count (not rejected), those that beat it first.
  std::vector<std::size_t> live_attackers(std::size_t a) const {
    std::vector<std::size_t> out;
    for (const auto x : list(attackers_, a))
      if (node(x).status != Status::Rejected && !beats(a, x)) out.push_back(x);
    return out;
  }

  // Why a contested literal is contested: the conflicts it comes down to.
  void contested(std::size_t l, std::vector<std::string>& out, std::set<std::size_t>& seen) {
    if (!seen.insert(l).second) return;
    for (const auto a : list(arguments_for_, l)) {
      if (node(a).status == Status::Rejected) continue;
      const auto attackers = live_attackers(a);
      if (attackers.empty()) {
        for (const auto p : list(premises_, a))
          if (node(p).status == Status::Contested) contested(p, out, seen);
        continue;
      }
      for (const auto x : attackers) {
        if (beats(x, a)) {
          // An exception that has priority, whose own premises are contested.
          std::string sentence = upper_first(node(l).text) + " (" + name(node(a)) + ") unless " + name(node(x)) +
                                 " applies, which has priority";
          std::vector<std::string> inner;
          for (const auto p : list(premises_, x))
            if (node(p).status == Status::Contested) contested(p, inner, seen);
          for (std::size_t k = 0; k < inner.size(); ++k) sentence += (k == 0 ? ", and " : " ") + inner[k];
          if (inner.empty()) sentence += ".";
          out.push_back(std::move(sentence));
        } else if (node(a).rule_kind == "claim" && node(x).rule_kind == "claim") {
          out.push_back(who(node(a)) + "'s claim that " + claim_content(node(a)) + quote(node(a)) +
                        " is not defeated: " + who(node(x)) + " only " + (node(x).denial ? "denies" : "contradicts") +
                        " it" + quote(node(x)) + ".");
        } else {
          out.push_back(upper_first(node(l).text) + " (" + name(node(a)) + ") meets " + conclusion_text(x) + " (" +
                        name(node(x)) + "), and neither has priority" + quote(node(x)) + ".");
        }
      }
    }
  }

  // Why a rejected literal is rejected: what defeats each argument for it.
  void rejected(std::size_t l, std::vector<std::string>& out, std::set<std::size_t>& seen) {
    if (!seen.insert(l).second) return;
    for (const auto a : list(arguments_for_, l)) {
      bool said = false;
      for (const auto x : list(attackers_, a)) {
        if (node(x).status < Status::Accepted || beats(a, x)) continue;
        out.push_back("The argument " + name(node(a)) + " is defeated by " + name(node(x)) + ": " + conclusion_text(x) + quote(node(x)) +
                      (node(x).rule_kind == "strict" || node(x).rule_kind == "fact" ? " (a strict rule prevails)."
                       : beats(x, a) ? " (" + name(node(x)) + " has priority)." : "."));
        said = true;
      }
      if (said) continue;
      for (const auto p : list(premises_, a)) {
        if (node(p).status != Status::Rejected) continue;
        out.push_back("The argument " + name(node(a)) + " rests on " + node(p).text + ", which is rejected.");
        rejected(p, out, seen);
      }
    }
  }

  std::string summary(std::size_t root) {
    const auto& n = node(root);
    std::string s;
    std::vector<std::size_t> for_it;
    if (n.kind == MapNode::Kind::Goal) {
      for (const auto p : list(premises_, root)) for_it.push_back(p);
      s += " Each part:";
      for (const auto p : for_it) s += " " + node(p).text + " (" + status_name(node(p).status) + ");";
      s.back() = '.';
    }
    const auto args = list(arguments_for_, root);
    for (const auto a : args) {
      const auto& arg = node(a);
      if (arg.rule_kind == "fact") {
        s += " Stated" + (arg.place.empty() ? std::string() : " at " + arg.place) + quote(arg) + ".";
        continue;
      }
      const auto because = arg.text.find(", because ");
      s += std::string(" For it") + (arg.rule.empty() && arg.rule_kind != "claim" ? "" : " (" + name(arg) + (arg.rule_kind == "claim" ? "" : ", " + arg.rule_kind) + ")") + ": " +
           (because == std::string::npos ? arg.text : arg.text.substr(because + 10)) + quote(arg) + ".";
    }
    std::vector<std::string> why;
    std::set<std::size_t> seen;
    switch (n.status) {
      case Status::Established:
        if (std::any_of(args.begin(), args.end(), [&](std::size_t a) { return node(a).rule_kind != "fact"; }))
          s += " It follows from the facts by strict rules.";
        break;
      case Status::Accepted: {
        for (const auto a : args)
          for (const auto x : list(attackers_, a))
            why.push_back("Against it, " + name(node(x)) + ": " + conclusion_text(x) + quote(node(x)) + "; it fails" +
                          (beats(a, x) ? ": " + name(node(a)) + " has priority." : node(x).status == Status::Rejected ? ": it is itself defeated or rests on something rejected." : "."));
        if (why.empty()) why.push_back("Nothing stands against it.");
        break;
      }
      case Status::Contested:
        if (n.kind == MapNode::Kind::Goal) for (const auto p : for_it) contested(p, why, seen);
        contested(root, why, seen);
        if (!why.empty()) why.insert(why.begin(), "Contested because:");
        break;
      case Status::Rejected:
        if (n.kind == MapNode::Kind::Goal) for (const auto p : for_it) rejected(p, why, seen);
        rejected(root, why, seen);
        break;
    }
    for (const auto& w : why) s += " " + w;
    return s.empty() ? s : s.substr(1);
  }

  // How an argument stands, and against the argument it attacks, how the attack fares.
  std::string outcome(std::size_t a, std::optional<std::size_t> attacked) const {
    const auto& arg = node(a);
    std::string out;
    if (attacked) {
      if (beats(a, *attacked)) out = "has priority";
      else if (beats(*attacked, a)) out = "fails: " + name(node(*attacked)) + " has priority";
      else out = "neither has priority";
    }
    const std::string standing = arg.status == Status::Rejected ? "defeated" : arg.status == Status::Contested ? "undecided" : "";
    if (!standing.empty()) out += (out.empty() ? "" : ", ") + standing;
    return out;
  }

  // A literal and, below it, the arguments about it. An established literal is one line:
  // the facts that state it, with their quotes, or the rule that derives it (its derivation
  // only with no depth limit).
  void literal_lines(std::size_t l, int indent, std::string& out) {
    const auto& n = node(l);
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    std::string head = n.label + ": " + status_name(n.status);
    const auto& args = list(arguments_for_, l);
    printed_.insert(l);
    const bool established = n.status == Status::Established;
    if (!established && !n.text.empty() && n.text != n.label) head += " — " + n.text;
    const bool deeper = !depth_ || n.depth < *depth_;
    if (established && depth_) {
      for (const auto a : args) {
        const auto& arg = node(a);
        if (arg.rule_kind == "fact" && !arg.citations.empty()) head += cited(arg);
        else if (arg.rule_kind != "fact") head += " (" + (arg.rule.empty() ? arg.place : arg.rule + ", " + arg.place) + ")";
      }
      out += wrapped(head, pad, pad + "    ", width_);
      return;
    }
    if (!deeper && !args.empty()) head += " …";
    out += wrapped(head, pad, pad + "    ", width_);
    if (!deeper) return;
    for (const auto a : args) {
      argument_lines(a, std::nullopt, indent + 1, out);
      for (const auto x : list(attackers_, a)) argument_lines(x, a, indent + 1, out);
    }
    premise_lines(l, indent + 1, out);  // a goal's parts, a negation's literals
  }

  // The premises of an argument: those already printed on one line.
  void premise_lines(std::size_t a, int indent, std::string& out) {
    std::string above;
    for (const auto p : list(premises_, a)) {
      if (!printed_.count(p)) continue;
      above += (above.empty() ? "" : ", ") + node(p).label;
    }
    for (const auto p : list(premises_, a))
      if (!printed_.count(p)) literal_lines(p, indent, out);
    if (!above.empty()) {
      const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
      out += wrapped("and " + above + " (above)", pad, pad + "    ", width_);
    }
  }

  void argument_lines(std::size_t a, std::optional<std::size_t> attacked, int indent, std::string& out) {
    const auto& arg = node(a);
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    std::string head = std::string(attacked ? "against: " : "for: ");
    if (arg.rule_kind == "claim") {
      head += arg.text + " (" + arg.place;
    } else {
      head += name(arg);
      if (!arg.rule.empty()) head += ", " + arg.rule_kind + (arg.rule_kind == "fact" ? "" : " rule");
      if (!arg.place.empty() && head.find(arg.place) == std::string::npos) head += " at " + arg.place;
      head += " (";
    }
    const auto result = outcome(a, attacked);
    head += result.empty() ? "" : (arg.rule_kind == "claim" ? ", " : "") + result;
    if (head.ends_with(" (")) head.resize(head.size() - 2);
    else head += ")";
    if (printed_.count(a)) {
      out += wrapped(head + " (above)", pad, pad + "    ", width_);
      return;
    }
    printed_.insert(a);
    head += cited(arg);
    out += wrapped(head, pad, pad + "    ", width_);
    premise_lines(a, indent + 1, out);
  }

  std::string detail(std::size_t root) {
    std::string out;
    printed_.insert(root);
    const auto& n = node(root);
    if (depth_ && *depth_ <= 0) return out;
    for (const auto a : list(arguments_for_, root)) {
      argument_lines(a, std::nullopt, 1, out);
      for (const auto x : list(attackers_, a)) argument_lines(x, a, 1, out);
    }
    if (n.kind == MapNode::Kind::Goal) premise_lines(root, 1, out);
    return out;
  }

  const ArgumentMap& map_;
  std::optional<int> depth_;
  std::size_t width_;
  std::map<std::string, std::size_t> at_;
  std::map<std::size_t, std::vector<std::size_t>> arguments_for_, premises_, attackers_;
  std::map<std::size_t, std::size_t> conclusion_;
  std::set<std::pair<std::size_t, std::size_t>> beats_;
  std::set<std::string> quoted_;
  std::set<std::size_t> printed_;
};

}  // namespace

std::string render_brief(const ArgumentMap& map, std::optional<int> depth, std::size_t width) {
  Brief brief(map, depth, width);
  std::string out;
  for (const auto& a : map.answers) out += brief.answer(a);
  if (map.truncated) out += "(the map stops at " + std::to_string(max_map_nodes) + " nodes)\n";
  return out;
}

}  // namespace writ::query::argue
