// The argument map as a Graphviz digraph: conclusions at the top, premises below
// (rankdir=BT), every node filled with its status's colour, a shape per kind, attacks in
// red, and a legend. Node labels are unique: a literal shows itself (and the quotes of the
// facts that state it, which are not drawn apart), an argument its rule, its quote and
// where it is written, and, where one rule gives several arguments here, the values that
// tell them apart. Each node's `id` is the map's, so an SVG keeps it. Labels are plain
// text, never HTML: Graphviz 2.42 (Debian 12's) loses some 30 KB per drawing in its
// HTML-label code (make_html_label -> pango_parse_markup), which a long-running `writ
// serve` cannot afford.
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

// Greedy word wrap at `width` characters (UTF-8 aware); a word longer than the width stays whole.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const auto word = text.substr(at, end - at);
    if (!line.empty() && utf8_length(line) + 1 + utf8_length(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    at = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";  // a line break in Graphviz's escString
    else out += c;
  }
  return out + "\"";
}

// Lines of a plain label, joined by '\n' (which `quoted` makes Graphviz's centred break).
std::string lines(const std::string& text, std::size_t width) {
  std::string out;
  for (const auto& l : wrap(text, width)) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::string title_of(const MapNode& n) {
  if (n.rule_kind == "strict") return n.rule.empty() ? "strict rule" : n.rule + " · strict";
  if (n.rule_kind == "defeasible") return n.rule + " · defeasible";
  if (n.rule_kind == "defeater") return n.rule.empty() ? "defeater" : n.rule + " · defeater";
  if (n.rule_kind == "claim") return (n.denial ? "denial by " : "claim by ") + n.claimant + (n.rule.empty() ? "" : " · " + n.rule);
  if (n.rule_kind == "assumption") return "assumption" + (n.rule.empty() ? "" : " · " + n.rule);
  return n.label;
}

constexpr std::size_t quote_limit = 160;

std::string shortened(const std::string& quote) {
  if (utf8_length(quote) <= quote_limit) return quote;
  std::size_t chars = 0, at = 0;
  while (at < quote.size() && chars < quote_limit) {
    ++at;
    while (at < quote.size() && (static_cast<unsigned char>(quote[at]) & 0xC0) == 0x80) ++at;
    ++chars;
  }
  return quote.substr(0, at) + "…";
}

// A fact that only states a literal (no premise, never attacked) is drawn inside the
// literal's node, its quote under the sentence: half the nodes of a case are facts, and
// a node of their own would add nothing but an arrow. Returns each folded fact's literal.
std::map<std::string, std::string> folded_facts(const ArgumentMap& map) {
  std::map<std::string, const MapNode*> by_id;
  for (const auto& n : map.nodes) by_id[n.id] = &n;
  std::set<std::string> touched;  // arguments with an edge other than their conclusion
  std::map<std::string, std::vector<std::string>> concluding;  // literal -> arguments
  for (const auto& e : map.edges) {
    if (e.kind == MapEdge::Kind::Concludes) concluding[e.to].push_back(e.from);
    else touched.insert(e.to), touched.insert(e.from);
  }
  std::map<std::string, std::string> out;
  for (const auto& [literal, arguments] : concluding) {
    bool all_facts = true;
    for (const auto& a : arguments) all_facts = all_facts && by_id[a]->rule_kind == "fact" && !touched.count(a);
    if (!all_facts) continue;
    for (const auto& a : arguments) out[a] = literal;
  }
  return out;
}

// The label of each node, made unique (see the file comment).
std::map<std::string, std::string> labels(const ArgumentMap& map, const std::map<std::string, std::string>& folded) {
  std::map<std::string, std::string> out;
  std::map<std::string, std::vector<const MapNode*>> by_base;
  std::map<std::string, std::vector<const MapNode*>> facts_of;  // literal -> its folded facts
  for (const auto& n : map.nodes)
    if (const auto it = folded.find(n.id); it != folded.end()) facts_of[it->second].push_back(&n);
  for (const auto& n : map.nodes) {
    if (folded.count(n.id)) continue;
    if (n.kind != MapNode::Kind::Argument) {
      std::string label = lines(n.text.empty() ? n.label : n.text, 36);
      if (!n.text.empty() && n.text != n.label) label += "\n" + lines(n.label, 48);
      for (const auto* f : facts_of[n.id]) {
        if (f->citations.empty()) label += "\n" + lines("stated at " + (f->place.empty() ? std::string("a stored fact") : f->place), 48);
        for (const auto& c : f->citations) label += "\n" + lines("“" + shortened(c.quote) + "” (" + c.source + ")", 40);
      }
      label += "\n" + std::string(status_name(n.status)) + (n.hidden ? " · " + std::to_string(n.hidden) + " more" : "");
      out[n.id] = label;
      continue;
    }
    std::string base = title_of(n);
    for (const auto& c : n.citations)
      base += "\n" + lines("“" + shortened(c.quote) + "” (" + c.source + ")", 40);
    if (!n.place.empty()) base += "\n" + n.place;
    by_base[base].push_back(&n);
  }
  for (const auto& [base, group] : by_base) {
    for (const auto* n : group) {
      std::string label = base;
      if (group.size() > 1) {
        // The bindings whose values differ within the group; else the statement itself.
        std::string differing;
        for (const auto& [name, value] : n->bindings) {
          bool differs = false;
          for (const auto* m : group)
            for (const auto& [other_name, other_value] : m->bindings)
              differs = differs || (other_name == name && other_value != value);
          if (differs) differing += (differing.empty() ? "" : ", ") + name + " = " + value;
        }
        label += "\n" + lines(differing.empty() ? n->statement : differing, 48);
      }
      label += "\n" + std::string(status_name(n->status)) + (n->hidden ? " · " + std::to_string(n->hidden) + " more" : "");
      out[n->id] = label;
    }
  }
  // Whatever still collides (two facts written alike on one line) gets its id.
  std::map<std::string, int> seen;
  for (const auto& [id, label] : out) ++seen[label];
  for (auto& [id, label] : out)
    if (seen[label] > 1) label += "\n" + id;
  return out;
}

std::string attributes(const MapNode& n) {
  std::string shape = "box", style = "filled";
  if (n.kind == MapNode::Kind::Literal) style = n.negation ? "rounded,filled,dashed" : "rounded,filled";
  if (n.kind == MapNode::Kind::Goal) style = "rounded,filled,bold";
  if (n.kind == MapNode::Kind::Argument) {
    if (n.rule_kind == "fact") shape = "note";
    else if (n.rule_kind == "defeasible") style = "filled,dashed";
    else if (n.rule_kind == "defeater") shape = "octagon";
    else if (n.rule_kind == "claim") style = "filled,diagonals";
    else if (n.rule_kind == "assumption") style = "filled,dotted";
  }
  std::string tooltip = n.text;
  if (!n.statement.empty()) tooltip += "\n" + n.statement;
  return "shape=" + shape + ", style=\"" + style + "\", fillcolor=\"" + status_fill(n.status) + "\", color=\"" +
         status_colour(n.status) + "\", penwidth=" + (n.kind == MapNode::Kind::Argument ? "1.2" : "2") +
         (n.kind == MapNode::Kind::Goal ? ", peripheries=2" : "") + ", tooltip=" + quoted(tooltip);
}

// The legend as plain nodes, each status in its own colours, stacked under a title by
// invisible edges, with the key to shapes and edges below them. Not HTML (Graphviz 2.42
// loses memory on every HTML label it lays out: make_html_label -> pango_parse_markup) and
// not a cluster (its dot layout loses the virtual edges it makes for one: new_virtual_edge).
std::string legend() {
  std::string out = "  legend_title [id=\"legend_title\", shape=plaintext, fontsize=10, label=\"status\"];\n";
  const Status order[] = {Status::Established, Status::Accepted, Status::Contested, Status::Rejected};
  std::string previous = "legend_title";
  for (const auto s : order) {
    const std::string id = std::string("legend_") + status_name(s);
    out += "  " + id + " [id=\"" + id + "\", shape=box, style=\"rounded,filled\", fontsize=10, width=1.3, label=\"" +
           status_name(s) + "\", fillcolor=\"" + status_fill(s) + "\", color=\"" + status_colour(s) + "\", fontcolor=\"" +
           status_colour(s) + "\"];\n";
    out += "  " + id + " -> " + previous + " [style=invis];\n";
    previous = id;
  }
  std::string key;
  for (const auto& l : wrap("rounded: a conclusion (with the quotes of the facts that state it); note: a fact; box: a strict rule; "
                            "dashed: defeasible; cut corners: a claim; octagon: a defeater; dotted: an assumption. "
                            "Black: concludes; grey: premise; red: attack.", 34))
    key += l + "\\l";  // a left-justified line break
  out += "  legend_key [id=\"legend_key\", shape=plaintext, fontsize=9, fontcolor=\"#555555\", label=\"" + key + "\"];\n";
  return out + "  legend_key -> " + previous + " [style=invis];\n";
}

}  // namespace

std::string render_map_dot(const ArgumentMap& map) {
  std::string out = "digraph writ {\n  rankdir=BT;\n  newrank=true;\n  nodesep=0.25;\n  ranksep=0.35;\n"
                    "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.06\"];\n"
                    "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n"
                    "  label=" + quoted(map.goal + (map.perspective.empty() ? "" : " (as " + map.perspective + " sees it)")) +
                    ";\n  labelloc=t;\n  fontname=\"Helvetica\";\n";
  const auto folded = folded_facts(map);
  const auto label = labels(map, folded);
  for (const auto& n : map.nodes)
    if (!folded.count(n.id)) out += "  " + n.id + " [id=\"" + n.id + "\", " + attributes(n) + ", label=" + quoted(label.at(n.id)) + "];\n";
  // Attacks: a mutual rebuttal is one two-headed edge; an attack that prevails by priority
  // is drawn bold with "beats"; an attack that fails on priority is left out.
  std::set<std::pair<std::string, std::string>> rebuts, undercuts, beats;
  for (const auto& e : map.edges) {
    if (e.kind == MapEdge::Kind::Rebuts) rebuts.insert({e.from, e.to});
    if (e.kind == MapEdge::Kind::Undercuts) undercuts.insert({e.from, e.to});
    if (e.kind == MapEdge::Kind::Beats) beats.insert({e.from, e.to});
  }
  std::set<std::pair<std::string, std::string>> drawn;
  for (const auto& e : map.edges) {
    const std::pair<std::string, std::string> ends{e.from, e.to}, back{e.to, e.from};
    switch (e.kind) {
      case MapEdge::Kind::Premise:
        out += "  " + e.from + " -> " + e.to + " [color=\"#777777\"];\n";
        break;
      case MapEdge::Kind::Concludes:
        if (folded.count(e.from)) break;
        out += "  " + e.from + " -> " + e.to + " [color=\"#222222\", penwidth=1.4];\n";
        break;
      case MapEdge::Kind::Negates:
        out += "  " + e.from + " -> " + e.to + " [color=\"#777777\", style=dashed, arrowhead=tee, label=\"not\"];\n";
        break;
      case MapEdge::Kind::Rebuts:
      case MapEdge::Kind::Undercuts: {
        if (beats.count(back)) break;  // fails on priority
        if (drawn.count(back)) break;  // drawn as a mutual rebuttal
        const char* verb = e.kind == MapEdge::Kind::Rebuts ? "rebuts" : "undercuts";
        if (beats.count(ends)) {
          out += "  " + e.from + " -> " + e.to + " [color=\"#c62828\", penwidth=2, weight=0, label=\"" + verb + ", beats\"];\n";
        } else if ((e.kind == MapEdge::Kind::Rebuts ? rebuts : undercuts).count(back)) {
          out += "  " + e.from + " -> " + e.to + " [color=\"#c62828\", dir=both, weight=0, label=\"rebut each other\"];\n";
        } else {
          out += "  " + e.from + " -> " + e.to + " [color=\"#c62828\", weight=0, label=\"" + verb + "\"];\n";
        }
        drawn.insert(ends);
        break;
      }
      case MapEdge::Kind::Beats:
        if (rebuts.count(ends) || undercuts.count(ends) || rebuts.count(back) || undercuts.count(back)) break;
        out += "  " + e.from + " -> " + e.to + " [color=\"#c62828\", style=dotted, weight=0, label=\"beats\"];\n";
        break;
    }
  }
  out += legend();
  return out + "}\n";
}

}  // namespace writ::query::argue
