// The argument map (query/argue/argument_map.hpp): one node per literal and per argument,
// supports, attacks and priorities, pruning; and, on the Frontier case, the properties
// issue 12 names: no two dot nodes with the same label for any question of the case, a
// brief of could_breach that fits 40 lines, prints each quote once and reaches the quotes
// of both OpenAI defences and of Microsoft's position; and (issue 13) Microsoft's good-faith
// route, the sole cloud provider it rests on, and the attack on the infrastructure defence.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "kb_helpers.hpp"
#include "view/svg.hpp"

namespace writ::test {
namespace {

using kb::ArgumentMap;
using Kind = query::argue::MapEdge::Kind;

ArgumentMap map_of(kb::KnowledgeBase& kb, const std::string& goal) {
  auto r = kb.argument_map(goal);
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  return r.map;
}

// "from kind to" for every edge, in order.
std::vector<std::string> edges(const ArgumentMap& m) {
  std::vector<std::string> out;
  for (const auto& e : m.edges) out.push_back(e.from + " " + query::argue::edge_kind_name(e.kind) + " " + e.to);
  return out;
}

std::vector<std::string> nodes(const ArgumentMap& m) {
  std::vector<std::string> out;
  for (const auto& n : m.nodes) out.push_back(n.id + " " + n.label + " " + kb::status_name(n.status));
  return out;
}

// One palette: the terminal's colour of a status is the xterm-256 colour nearest to the
// map's (#1f5fa8 -> 25, #2e8b3e -> 29, #c77c00 -> 172, #c62828 -> 160).
TEST(StatusPalette, TheTerminalColoursComeFromTheMapColours) {
  using query::argue::Status;
  EXPECT_STREQ(kb::status_colour(Status::Established), "#1f5fa8");
  EXPECT_STREQ(kb::status_fill(Status::Established), "#dce8f7");
  EXPECT_STREQ(kb::status_sgr(Status::Established), "\x1b[38;5;25m");
  EXPECT_STREQ(kb::status_sgr(Status::Accepted), "\x1b[38;5;29m");
  EXPECT_STREQ(kb::status_sgr(Status::Contested), "\x1b[38;5;172m");
  EXPECT_STREQ(kb::status_sgr(Status::Rejected), "\x1b[38;5;160m");
}

TEST(ArgumentMap, SharedPremiseIsOneNodeAndClaimsRebutEachOther) {
  auto kb = load_ok(
      "base(x).\n"
      "r_a: a(X) :~ base(X).\n"
      "r_b: b(X) :~ base(X).\n"
      "top(X) :- a(X), b(X).\n"
      "p1 claims c(x).\n"
      "p2 denies c(x).\n"
      "r_c: d(X) :~ c(X).\n");
  const auto top = map_of(*kb, "top(x)");
  EXPECT_EQ(nodes(top), (Rows{"n1 top(x) accepted", "a1 strict rule accepted", "n2 a(x) accepted", "n3 b(x) accepted",
                              "a2 r_a accepted", "a3 r_b accepted", "n4 base(x) established", "a4 fact established"}));
  EXPECT_EQ(edges(top), (Rows{"a1 concludes n1", "n2 premise a1", "n3 premise a1", "a2 concludes n2", "a3 concludes n3",
                              "n4 premise a2", "n4 premise a3", "a4 concludes n4"}));
  EXPECT_EQ(top.nodes[3].depth, 1);  // b(x): a premise of the argument for the answer
  EXPECT_EQ(top.nodes[4].depth, 2);  // r_a: an argument for that premise

  const auto d = map_of(*kb, "d(X)");
  EXPECT_EQ(d.columns, (Rows{"X"}));
  ASSERT_EQ(d.answers.size(), 1u);
  EXPECT_EQ(d.answers[0].values, (Rows{"x"}));
  EXPECT_EQ(d.answers[0].node, "n1");
  EXPECT_EQ(nodes(d), (Rows{"n1 d(x) contested", "a1 r_c contested", "n2 c(x) contested", "a2 claim by p1 contested",
                            "a3 claim by p2 contested", "n3 -c(x) contested"}));
  EXPECT_EQ(edges(d), (Rows{"a1 concludes n1", "n2 premise a1", "a2 concludes n2", "a3 rebuts a2", "a3 concludes n3",
                            "a2 rebuts a3"}));
  EXPECT_EQ(d.nodes[3].rule_kind, "claim");
  EXPECT_EQ(d.nodes[3].claimant, "p1");
  EXPECT_TRUE(d.nodes[4].denial);
  EXPECT_EQ(d.nodes[4].text, "p2 denies that c(x)");
}

TEST(ArgumentMap, PriorityIsABeatsEdgeAndADefeaterUndercuts) {
  auto kb = load_ok(
      "bird(opus). penguin(opus). injured(opus).\n"
      "r1: flies(X) :~ bird(X).\n"
      "r2: -flies(X) :~ penguin(X).\n"
      "r2 > r1.\n"
      "d1: blocks flies(X) :~ injured(X).\n");
  const auto m = map_of(*kb, "flies(opus)");
  // Level by level: the attacks on the argument for the answer, then each argument's
  // premises and conclusion (the rebuttal of r2 by r1 fails on priority, but it is drawn).
  EXPECT_EQ(edges(m), (Rows{"a1 concludes n1", "a2 rebuts a1", "a2 beats a1", "a3 undercuts a1", "n2 premise a1",
                            "a2 concludes n3", "n4 premise a2", "n5 premise a3", "a4 concludes n2", "a1 rebuts a2",
                            "a5 concludes n4", "a6 concludes n5"}));
  EXPECT_EQ(m.find("a3")->rule_kind, "defeater");
  EXPECT_EQ(m.find("a3")->text, "not necessarily: flies(opus), because injured(opus)");
}

TEST(ArgumentMap, StrictContraryRebutsAndBeats) {
  auto kb = load_ok(
      "member(ann). signed(bob).\n"
      "r_breach: breach(X) :~ member(X).\n"
      "-breach(X) :- member(X), not signed(X).\n");
  const auto m = map_of(*kb, "breach(ann)");
  EXPECT_EQ(nodes(m), (Rows{"n1 breach(ann) rejected", "a1 r_breach rejected", "a2 strict rule established",
                            "n2 member(ann) established", "n3 -breach(ann) established", "n4 not signed(ann) established",
                            "a3 fact established"}));
  EXPECT_EQ(edges(m), (Rows{"a1 concludes n1", "a2 rebuts a1", "a2 beats a1", "n2 premise a1", "a2 concludes n3",
                            "n2 premise a2", "n4 premise a2", "a3 concludes n2"}));
}

TEST(ArgumentMap, AssumptionsAndPerspective) {
  auto kb = load_ok("p1 claims c(x).\np2 denies c(x).\nr: d(X) :~ c(X), e(X).\ne(y).\n");
  ASSERT_EQ(kb->assume("e(x).").outcome, kb::Outcome::Ok);
  const auto m = map_of(*kb, "[p1] d(X)");
  EXPECT_EQ(m.perspective, "p1");
  EXPECT_EQ(m.assumptions, (Rows{"e(x)."}));
  EXPECT_EQ(nodes(m), (Rows{"n1 d(x) accepted", "a1 r accepted", "n2 c(x) accepted", "n3 e(x) established",
                            "a2 claim by p1 accepted", "a3 assumption established"}));
}

TEST(ArgumentMap, PruneKeepsIdsAndCountsWhatItHides) {
  auto kb = load_ok(
      "base(x).\n"
      "r_a: a(X) :~ base(X).\n"
      "r_b: b(X) :~ base(X).\n"
      "top(X) :- a(X), b(X).\n");
  const auto whole = map_of(*kb, "top(x)");
  const auto one = kb::prune(whole, {.depth = 1, .collapsed = {}, .expanded = {}});
  EXPECT_EQ(nodes(one), (Rows{"n1 top(x) accepted", "a1 strict rule accepted", "n2 a(x) accepted", "n3 b(x) accepted"}));
  EXPECT_EQ(edges(one), (Rows{"a1 concludes n1", "n2 premise a1", "n3 premise a1"}));
  EXPECT_EQ(one.nodes[2].hidden, 1u);  // r_a
  EXPECT_EQ(one.nodes[0].hidden, 0u);
  const auto collapsed = kb::prune(whole, {.depth = std::nullopt, .collapsed = {"n2"}, .expanded = {}});
  EXPECT_EQ(nodes(collapsed), (Rows{"n1 top(x) accepted", "a1 strict rule accepted", "n2 a(x) accepted", "n3 b(x) accepted",
                                    "a3 r_b accepted", "n4 base(x) established", "a4 fact established"}));
  EXPECT_EQ(collapsed.nodes[2].hidden, 1u);
  // Expanded past the depth: n2's argument, with its premise, not the premise's own fact.
  const auto opened = kb::prune(whole, {.depth = 1, .collapsed = {}, .expanded = {"n2"}});
  EXPECT_EQ(nodes(opened), (Rows{"n1 top(x) accepted", "a1 strict rule accepted", "n2 a(x) accepted", "n3 b(x) accepted",
                                 "a2 r_a accepted", "n4 base(x) established"}));
  EXPECT_EQ(opened.nodes[2].hidden, 0u);
  EXPECT_EQ(opened.nodes[5].hidden, 1u);  // base(x)'s fact
  const auto none = kb::prune(whole, {.depth = 0, .collapsed = {}, .expanded = {}});
  EXPECT_EQ(nodes(none), (Rows{"n1 top(x) accepted"}));
  EXPECT_EQ(none.nodes[0].hidden, 1u);
}

TEST(ArgumentMap, TemplatesUseDisplayNamesAndGroupIntegers) {
  auto kb = load_ok(
      "entity(acme, \"Acme Corp\").\n"
      "worth(acme, big_deal, 50_000_000_000).\n"
      "worth(C, D, V) means \"C's D is worth V dollars\".\n");
  const auto m = map_of(*kb, "worth(C, D, V)");
  EXPECT_EQ(m.nodes[0].text, "Acme Corp's big deal is worth 50,000,000,000 dollars");
  EXPECT_EQ(m.answers[0].values, (Rows{"acme", "big_deal", "50000000000"}));
}

// ---- The Frontier case ----------------------------------------------------------------

// facts/law/*.writ then facts/cases/frontier/*.writ, named as the README's commands name
// them (places in the text are as long as a user sees them). The names are relative to the
// source tree, where the README's commands run: the documents that the sources name
// (`file: "article.txt"`) are found relative to them.
std::unique_ptr<kb::KnowledgeBase> frontier() {
  std::filesystem::current_path(WRIT_SOURCE_DIR);
  std::vector<kb::Input> inputs;
  for (const auto* dir : {"facts/law", "facts/cases/frontier"}) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(WRIT_SOURCE_DIR) / dir))
      if (e.path().extension() == ".writ") names.push_back(std::string(dir) + "/" + e.path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
      std::ifstream in(std::filesystem::path(WRIT_SOURCE_DIR) / name, std::ios::binary);
      inputs.push_back({name, std::string(std::istreambuf_iterator<char>(in), {})});
    }
  }
  auto kb = std::make_unique<kb::KnowledgeBase>();
  const auto r = kb->load(std::move(inputs));
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
  return kb;
}

// The questions of tests/lang/frontier_questions.writ.
std::vector<std::string> frontier_questions() {
  std::ifstream in(std::filesystem::path(WRIT_SOURCE_DIR) / "tests/lang/frontier_questions.writ");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("?- ")) out.push_back(line.substr(3, line.rfind('.') - 3));
  return out;
}

// Each node's label in a dot text (what is drawn inside the node).
std::vector<std::string> dot_labels(const std::string& dot) {
  std::vector<std::string> labels;
  std::istringstream in(dot);
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find(", label=\"");
    if (at != std::string::npos && line.starts_with("  ") && !line.starts_with("  legend_") && line.find(" -> ") == std::string::npos)
      labels.push_back(line.substr(at));
  }
  return labels;
}

TEST(FrontierMap, NoQuestionDrawsTwoNodesWithTheSameLabel) {
  auto kb = frontier();
  const auto questions = frontier_questions();
  ASSERT_GE(questions.size(), 40u);
  for (const auto& q : questions) {
    const auto m = map_of(*kb, q);
    const auto labels = dot_labels(kb::render_map_dot(m));
    // Every node but the facts drawn inside their literal's node, and the legend's.
    const auto facts = std::count_if(m.nodes.begin(), m.nodes.end(), [](const auto& n) { return n.rule_kind == "fact"; });
    EXPECT_EQ(labels.size(), m.nodes.size() - static_cast<std::size_t>(facts)) << q;
    std::set<std::string> seen;
    for (const auto& l : labels) EXPECT_TRUE(seen.insert(l).second) << q << ": drawn twice: " << l;
    // And no literal is a node twice.
    std::set<std::string> literals;
    for (const auto& n : m.nodes)
      if (n.kind == query::argue::MapNode::Kind::Literal) {
        EXPECT_TRUE(literals.insert(n.label).second) << q << ": " << n.label;
      }
  }
}

// Graphviz lays out every question's map, whole and pruned, in this process (under the
// sanitizers in CI): the layout library's own memory errors would show here. Each SVG
// carries its nodes' ids.
TEST(FrontierMap, EveryQuestionDrawsAsSvg) {
  auto kb = frontier();
  for (const auto& q : frontier_questions()) {
    const auto m = map_of(*kb, q);
    for (const std::optional<int> depth : {std::optional<int>{}, std::optional<int>{1}, std::optional<int>{3}}) {
      const auto svg = view::map_svg(m, {.depth = depth, .collapsed = {}, .expanded = {}});
      ASSERT_TRUE(svg.ok) << q << ": " << svg.error;
      if (!m.answers.empty()) {
        EXPECT_NE(svg.svg.find("<g id=\"" + m.answers[0].node + "\" class=\"node\">"), std::string::npos) << q;
      }
    }
  }
}

TEST(FrontierMap, ClaimSucceedsSharesItsPremises) {
  auto kb = frontier();
  const auto m = map_of(*kb, "claim_succeeds(D, R, A, T)");
  // Against OpenAI (breach of contract) and Amazon (breach of contract, defeated by privity);
  // interference against Amazon has no argument: the record shows none of its elements.
  ASSERT_EQ(m.answers.size(), 2u);
  std::size_t grants = 0;
  for (const auto& n : m.nodes) grants += n.label.starts_with("grants_exclusive(partnership_agreement");
  EXPECT_EQ(grants, 1u);  // the proof tree drew it 9 times
  // The privity rule defeats the breach-of-contract argument against Amazon: rebuts and beats.
  const auto privity = std::find_if(m.nodes.begin(), m.nodes.end(), [](const auto& n) { return n.rule == "privity"; });
  ASSERT_NE(privity, m.nodes.end());
  bool beats = false;
  for (const auto& e : m.edges) beats = beats || (e.from == privity->id && e.kind == Kind::Beats);
  EXPECT_TRUE(beats);
}

TEST(FrontierBrief, CouldBreachFitsAScreenQuotesOnceAndReachesBothSides) {
  auto kb = frontier();
  const auto m = map_of(*kb, "could_breach(frontier, A)");
  const auto text = kb::render_brief(m, query::argue::default_brief_depth);
  const auto lines = std::count(text.begin(), text.end(), '\n');
  EXPECT_LE(lines, 40) << text;
  // The summary comes first: the answer's line, then the paragraph saying why.
  EXPECT_TRUE(text.starts_with("could_breach(frontier, partnership_agreement): contested")) << text;
  EXPECT_NE(text.find("\n  For it"), std::string::npos) << text;
  EXPECT_LT(text.find("Contested"), text.find("\n  for: ")) << text;
  // Each quote once.
  std::map<std::string, int> count;
  for (auto at = text.find("“"); at != std::string::npos; at = text.find("“", at + 1)) {
    const auto end = text.find("”", at);
    ASSERT_NE(end, std::string::npos);
    auto quote = text.substr(at + 3, end - at - 3);
    std::erase(quote, '\n');  // a quote wrapped over lines
    ++count[std::regex_replace(quote, std::regex(" {2,}"), " ")];
  }
  for (const auto& [q, n] : count) EXPECT_EQ(n, 1) << q;
  // Both OpenAI defences and Microsoft's answer to them, quoted.
  for (const auto* q : {"that Frontier is a separate product, not a repackaging of the models covered by the Microsoft agreement",
                        "that AWS is providing infrastructure rather than distributing OpenAI’s core API",
                        "Microsoft’s lawyers are not persuaded."})
    EXPECT_EQ(count[q], 1) << q << "\n" << text;
  // Microsoft's own routes to breach: the good-faith one (the spirit if not the letter, the
  // quote nested in the sentence's) and the sole cloud provider it rests on.
  for (const auto* q : {"the spirit if not the letter",
                        "The agreement, announced earlier this month, makes AWS the sole cloud provider for Frontier"})
    EXPECT_EQ(count[q], 1) << q << "\n" << text;
  // Both routes are arguments for the breach, and the article's description attacks the
  // infrastructure defence.
  EXPECT_NE(text.find("for: r_exclusive_grant"), std::string::npos) << text;
  EXPECT_NE(text.find("for: r_implied_covenant"), std::string::npos) << text;
  const auto flat = std::regex_replace(text, std::regex("\n +"), " ");
  EXPECT_NE(flat.find("AWS distributes frontier (r_sole_provider_of_rival) meets AWS does not distribute frontier "
                      "(r_infrastructure_only), and neither has priority"),
            std::string::npos) << text;
  // Display names and readable integers in the templates.
  EXPECT_NE(text.find("OpenAI's claim that"), std::string::npos);
  const auto deal = map_of(*kb, "deal_value(aws_frontier_deal, V)");
  EXPECT_EQ(deal.nodes[0].text, "aws frontier deal is worth 50,000,000,000 dollars");
}

}  // namespace
}  // namespace writ::test
