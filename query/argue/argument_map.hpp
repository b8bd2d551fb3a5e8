// The argument map of a question: the arguments for and against its answers as one graph,
// each ground literal and each argument drawn once, what a person reads (docs/language.md,
// "Argument maps"). It is the one model behind `writ explain` (text, JSON, dot, SVG), the
// REPL's `.why` and the web view.
//
// Nodes are ground literals (one per literal, whatever number of arguments use it) and
// arguments (one per ground rule, fact or claim instance). Edges:
//   premise    literal -> argument   the argument rests on the literal
//   concludes  argument -> literal   the argument is for the literal
//   rebuts     argument -> argument  an argument for the contrary attacks it (a claim and
//                                    its denial rebut each other: two edges)
//   undercuts  argument -> argument  a defeater stops it without concluding anything
//   beats      argument -> argument  the first has priority over the second where they
//                                    conflict (a label's priority, or strict over defeasible)
//   negates    literal -> literal    `not L`, a premise, holds when L does not
// Ids are "n<k>" for literals and "a<k>" for arguments, numbered in the order a
// breadth-first walk from the answers meets them: the same question on the same knowledge
// gives the same ids, and a pruned map keeps the ids of the whole one.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "status.hpp"

namespace writ::query::argue {

struct MapCitation {
  std::string source;       // the #source name: "article"
  std::string source_kind;  // its `kind:` attribute, or empty: "news_report"
  std::string quote;
};

struct MapNode {
  enum class Kind { Literal, Argument, Goal };
  Kind kind = Kind::Literal;
  std::string id;
  // Literal: the ground literal as written in the language, `p(a, 1)` or `not p(a, 1)`.
  // Argument: the rule's label, else its kind ("fact", "claim by microsoft"). Goal (a
  // conjunction asked as one question): the conjunction.
  std::string label;
  // English: a literal's sentence from its template with display names; an argument's
  // conclusion and premises in one sentence; a claim as "Microsoft claims that ...".
  std::string text;
  Status status = Status::Rejected;

  // Literal
  bool negation = false;  // `not L`: holds when L is rejected or has no argument

  // Argument
  std::string rule;       // the rule's label, or empty
  std::string rule_kind;  // strict | defeasible | defeater | fact | claim | assumption
  std::string claimant;   // a claim's party, or empty
  bool denial = false;    // a claim written `P denies L`
  std::string statement;  // the statement as written
  std::string place;      // FILE:LINE, or empty
  std::vector<MapCitation> citations;
  std::vector<std::pair<std::string, std::string>> bindings;  // the rule's variables, as written

  // How far from the answers, in argument steps: an answer is 0, the arguments about it and
  // their premises 1, and so on. Set by build; prune keeps it.
  int depth = 0;
  // After prune: how many neighbours of this node the pruned map leaves out (0: none).
  std::size_t hidden = 0;
};

struct MapEdge {
  enum class Kind { Premise, Concludes, Rebuts, Undercuts, Beats, Negates };
  std::string from;
  std::string to;
  Kind kind = Kind::Premise;
};

const char* edge_kind_name(MapEdge::Kind k);
const char* node_kind_name(MapNode::Kind k);

struct MapAnswer {
  std::vector<std::string> values;  // as written in the language, in column order
  Status status = Status::Rejected;
  std::string node;  // the answer's literal (a Goal node for a conjunction)
};

struct ArgumentMap {
  std::string goal;         // the question as asked, without `?-` and the final `.`
  std::string perspective;  // empty: the neutral view
  std::vector<std::string> assumptions;  // what-if statements in force, as written
  std::vector<std::string> columns;
  std::vector<MapAnswer> answers;
  std::vector<MapNode> nodes;  // in id order: answers first, then breadth-first
  std::vector<MapEdge> edges;
  bool truncated = false;  // the walk stopped at max_map_nodes

  const MapNode* find(const std::string& id) const;
};

// A map stops growing at this many nodes (a knowledge base of millions of facts must not
// produce a graph nobody can draw); `truncated` says so.
inline constexpr std::size_t max_map_nodes = 5000;

// Which part of a map to draw: the nodes within `depth` argument steps of the answers
// (nullopt: all), not going past a collapsed node (it stays, its neighbours below it go),
// and past the depth below an expanded node (its neighbours below it stay, one step: so a
// reader opens a deep map a node at a time).
struct PruneOptions {
  std::optional<int> depth;
  std::set<std::string> collapsed;
  std::set<std::string> expanded;
};

// The part of `map` that `options` keeps; each kept node's `hidden` counts the neighbours
// it lost. Edges between kept nodes stay.
ArgumentMap prune(const ArgumentMap& map, const PruneOptions& options);

// Renderings: JSON (one object; docs/language.md, "Argument maps"), Graphviz dot (with a
// legend), and text that reads like a brief (a summary paragraph, then the detail down to
// `depth` argument steps, each quote once, lines wrapped at `width` columns).
std::string render_map_json(const ArgumentMap& map);
std::string render_map_dot(const ArgumentMap& map);
std::string render_brief(const ArgumentMap& map, std::optional<int> depth, std::size_t width = 100);

// The default depth of the brief's detail: the answer, the arguments about it and the conflicts below them (the summary quotes the claims they come down to).
inline constexpr int default_brief_depth = 3;

}  // namespace writ::query::argue
