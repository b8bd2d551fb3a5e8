// writ explain and the REPL's .why, .whynot, .assume and .forget: exact outputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

constexpr std::string_view penguins = R"(#source zoo { kind: register }.
bird(tweety). bird(opus). penguin(opus) @ zoo "Opus is a penguin.".
r1: flies(X) :~ bird(X).
r2: -flies(X) :~ penguin(X).
r2 > r1.
flies(X) means "X flies".
)";

// A claim and its denial under an exception with priority: the brief's summary says what
// the conflict comes down to and quotes it; the detail prints each quote once.
constexpr std::string_view claims = R"(#source memo { kind: memo }.
entity(acme, "Acme Corp").
grant(deal, acme, 5_000_000) @ memo "Acme grants rights worth $5M.".
product(gizmo, acme) @ memo "Gizmo is an Acme product.".
r_covers: covered(P, D) :~ grant(D, O, V), product(P, O).
r_separate: -covered(P, D) :~ separate(P), grant(D, _, _).
r_separate > r_covers.
acme claims separate(gizmo) @ memo "Acme says Gizmo is separate.".
bob denies separate(gizmo) @ memo "Bob is not persuaded.".
excused(other_deal).
breach(D, P) :- covered(P, D), not excused(D).
grant(D, O, V) means "by D, O grants rights worth V dollars".
covered(P, D) means "P is covered by D".
-covered(P, D) means "P is not covered by D".
separate(P) means "P is a separate product".
breach(D, P) means "D is breached over P".
)";

TEST(Explain, TextReadsLikeABriefSummaryFirstEachQuoteOnce) {
  TempDir dir;
  dir.write("c.writ", claims);
  const auto r = run_writ({"explain", "c.writ", "-q", "breach(D, P)"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "breach(deal, gizmo): contested — deal is breached over gizmo\n"
            "  For it: gizmo is covered by deal. Contested because: Gizmo is covered by deal (r_covers) unless\n"
            "  r_separate applies, which has priority, and Acme Corp's claim that gizmo is a separate product\n"
            "  (“Acme says Gizmo is separate.”, memo) is not defeated: bob only denies it (“Bob is not\n"
            "  persuaded.”, memo).\n"
            "  for: a strict rule at c.writ:11 (undecided)\n"
            "    covered(gizmo, deal): contested — gizmo is covered by deal\n"
            "      for: r_covers, defeasible rule at c.writ:5 (undecided)\n"
            "        grant(deal, acme, 5000000): established: “Acme grants rights worth $5M.” (memo)\n"
            "        product(gizmo, acme): established: “Gizmo is an Acme product.” (memo)\n"
            "      against: r_separate, defeasible rule at c.writ:6 (has priority, undecided)\n"
            "        separate(gizmo): contested — gizmo is a separate product\n"
            "          for: Acme Corp claims that gizmo is a separate product (c.writ:8, undecided) (quoted\n"
            "              above)\n"
            "          against: bob denies that gizmo is a separate product (c.writ:9, neither has priority,\n"
            "              undecided) (quoted above)\n"
            "        and grant(deal, acme, 5000000) (above)\n"
            "    not excused(deal): established\n");
}

TEST(Explain, RejectedAnswerSaysWhatDefeatsIt) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"explain", "p.writ", "-q", "flies(opus)", "-q", "flies(tweety)"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "flies(opus): rejected — opus flies\n"
            "  For it (r1, defeasible): bird(opus). The argument r1 is defeated by r2: -flies(opus) (r2 has\n"
            "  priority).\n"
            "  for: r1, defeasible rule at p.writ:3 (defeated)\n"
            "    bird(opus): established\n"
            "  against: r2, defeasible rule at p.writ:4 (has priority)\n"
            "    penguin(opus): established: “Opus is a penguin.” (zoo)\n"
            "flies(tweety): accepted — tweety flies\n"
            "  For it (r1, defeasible): bird(tweety). Nothing stands against it.\n"
            "  for: r1, defeasible rule at p.writ:3\n"
            "    bird(tweety): established\n");
}

TEST(Explain, DepthLimitsTheDetail) {
  TempDir dir;
  dir.write("c.writ", claims);
  const auto r = run_writ({"explain", "c.writ", "-q", "[bob] breach(D, P)", "--depth", "1"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "breach(deal, gizmo): accepted — deal is breached over gizmo\n"
            "  For it: gizmo is covered by deal. Nothing stands against it.\n"
            "  for: a strict rule at c.writ:11\n"
            "    covered(gizmo, deal): accepted — gizmo is covered by deal …\n"
            "    not excused(deal): established\n");
  const auto all = run_writ({"explain", "c.writ", "-q", "breach(D, P)", "--depth", "all"}, {}, dir.path());
  EXPECT_NE(all.out.find("        grant(deal, acme, 5000000): established\n"
                         "          for: fact at c.writ:3: “Acme grants rights worth $5M.” (memo)\n"),
            std::string::npos)
      << all.out;
  const auto bad = run_writ({"explain", "c.writ", "-q", "breach(D, P)", "--depth", "deep"}, {}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "writ: invalid --depth 'deep': expected a number of steps or 'all'\n"
                     "Try 'writ explain --help' for more information.\n");
}

TEST(Explain, JsonIsTheArgumentMap) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto json = run_writ({"explain", "p.writ", "-q", "flies(opus)", "--format", "json"}, {}, dir.path());
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out,
            "{\"goal\": \"flies(opus)\", \"perspective\": null, \"assumptions\": [], \"columns\": [], \"answers\": [{\"valu"
            "es\": [], \"columns\": [], \"status\": \"rejected\", \"node\": \"n1\"}], \"nodes\": [{\"id\": \"n1\", \"kind\""
            ": \"literal\", \"label\": \"flies(opus)\", \"text\": \"opus flies\", \"status\": \"rejected\", \"depth\": 0}, "
            "{\"id\": \"a1\", \"kind\": \"argument\", \"label\": \"r1\", \"text\": \"opus flies, because bird(opus)\", \"st"
            "atus\": \"rejected\", \"rule\": \"r1\", \"rule_kind\": \"defeasible\", \"claimant\": null, \"statement\": \"r1"
            ": flies(X) :~ bird(X).\", \"place\": \"p.writ:3\", \"citations\": [], \"bindings\": {\"X\": \"opus\"}, \"depth"
            "\": 1}, {\"id\": \"a2\", \"kind\": \"argument\", \"label\": \"r2\", \"text\": \"-flies(opus), because penguin("
            "opus)\", \"status\": \"accepted\", \"rule\": \"r2\", \"rule_kind\": \"defeasible\", \"claimant\": null, \"stat"
            "ement\": \"r2: -flies(X) :~ penguin(X).\", \"place\": \"p.writ:4\", \"citations\": [], \"bindings\": {\"X\": "
            "\"opus\"}, \"depth\": 1}, {\"id\": \"n2\", \"kind\": \"literal\", \"label\": \"bird(opus)\", \"text\": \"bird("
            "opus)\", \"status\": \"established\", \"depth\": 1}, {\"id\": \"n3\", \"kind\": \"literal\", \"label\": \"-fli"
            "es(opus)\", \"text\": \"-flies(opus)\", \"status\": \"accepted\", \"depth\": 1}, {\"id\": \"n4\", \"kind\": \""
            "literal\", \"label\": \"penguin(opus)\", \"text\": \"penguin(opus)\", \"status\": \"established\", \"depth\": "
            "1}, {\"id\": \"a3\", \"kind\": \"argument\", \"label\": \"fact\", \"text\": \"bird(opus)\", \"status\": \"esta"
            "blished\", \"rule\": null, \"rule_kind\": \"fact\", \"claimant\": null, \"statement\": \"bird(opus).\", \"plac"
            "e\": \"p.writ:2\", \"citations\": [], \"depth\": 2}, {\"id\": \"a4\", \"kind\": \"argument\", \"label\": \"fac"
            "t\", \"text\": \"penguin(opus)\", \"status\": \"established\", \"rule\": null, \"rule_kind\": \"fact\", \"clai"
            "mant\": null, \"statement\": \"penguin(opus) @ zoo \\\"Opus is a penguin.\\\".\", \"place\": \"p.writ:2\", \"c"
            "itations\": [{\"source\": \"zoo\", \"source_kind\": \"register\", \"quote\": \"Opus is a penguin.\"}], \"depth"
            "\": 2}], \"edges\": [{\"from\": \"a1\", \"to\": \"n1\", \"kind\": \"concludes\"}, {\"from\": \"a2\", \"to\": "
            "\"a1\", \"kind\": \"rebuts\"}, {\"from\": \"a2\", \"to\": \"a1\", \"kind\": \"beats\"}, {\"from\": \"n2\", \"t"
            "o\": \"a1\", \"kind\": \"premise\"}, {\"from\": \"a2\", \"to\": \"n3\", \"kind\": \"concludes\"}, {\"from\": "
            "\"n4\", \"to\": \"a2\", \"kind\": \"premise\"}, {\"from\": \"a3\", \"to\": \"n2\", \"kind\": \"concludes\"}, {"
            "\"from\": \"a1\", \"to\": \"a2\", \"kind\": \"rebuts\"}, {\"from\": \"a4\", \"to\": \"n4\", \"kind\": \"conclu"
            "des\"}], \"legend\": {\"established\": \"#1f5fa8\", \"accepted\": \"#2e8b3e\", \"contested\": \"#c77c00\", \"r"
            "ejected\": \"#c62828\"}}\n");
  // --depth 0: the answer alone, which says what it leaves out.
  const auto pruned = run_writ({"explain", "p.writ", "-q", "flies(opus)", "--format", "json", "--depth", "0"}, {}, dir.path());
  EXPECT_NE(pruned.out.find("\"nodes\": [{\"id\": \"n1\", \"kind\": \"literal\", \"label\": \"flies(opus)\", \"text\": "
                            "\"opus flies\", \"status\": \"rejected\", \"depth\": 0, \"hidden\": 1}], \"edges\": []"),
            std::string::npos)
      << pruned.out;
}

TEST(Explain, DotDrawsEachNodeOnceWithStatusColoursAndALegend) {
  TempDir dir;
  dir.write("c.writ", claims);
  const auto dot = run_writ({"explain", "c.writ", "-q", "breach(D, P)", "--format", "dot"}, {}, dir.path());
  EXPECT_EQ(dot.exit_code, 0);
  EXPECT_EQ(dot.out.substr(0, 28), "digraph writ {\n  rankdir=BT;");
  // The claim and the denial rebut each other: one two-headed edge.
  EXPECT_NE(dot.out.find("[color=\"#c62828\", dir=both, weight=0, label=\"rebut each other\"];"), std::string::npos)
      << dot.out;
  // The exception beats the rule it qualifies.
  EXPECT_NE(dot.out.find("[color=\"#c62828\", penwidth=2, weight=0, label=\"rebuts, beats\"];"), std::string::npos);
  // The English template with the display name and the integer grouped.
  EXPECT_NE(dot.out.find("label=\"by deal, Acme Corp grants rights\\nworth 5,000,000 dollars\\n"), std::string::npos) << dot.out;
  EXPECT_NE(dot.out.find("fillcolor=\"#fdeccc\", color=\"#c77c00\""), std::string::npos);  // contested
  // The legend: each status in its colours, as plain nodes.
  EXPECT_NE(dot.out.find("  legend_contested [id=\"legend_contested\", shape=box, style=\"rounded,filled\", fontsize=10, "
                         "width=1.3, label=\"contested\", fillcolor=\"#fdeccc\", color=\"#c77c00\", fontcolor=\"#c77c00\"];\n"),
            std::string::npos);
  // Neither HTML labels nor clusters: Graphviz 2.42 loses memory on each one it lays out.
  EXPECT_EQ(dot.out.find("subgraph"), std::string::npos);
  EXPECT_EQ(dot.out.find("=<"), std::string::npos) << dot.out;
}

TEST(Explain, SvgCarriesTheNodeIds) {
  TempDir dir;
  dir.write("c.writ", claims);
  const auto svg = run_writ({"explain", "c.writ", "-q", "breach(D, P)", "--format", "svg"}, {}, dir.path());
  EXPECT_EQ(svg.exit_code, 0);
  EXPECT_EQ(svg.err, "");
  EXPECT_TRUE(svg.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"")) << svg.out.substr(0, 100);
  EXPECT_NE(svg.out.find("<g id=\"n1\" class=\"node\">"), std::string::npos) << svg.out.substr(0, 2000);
  EXPECT_NE(svg.out.find("<g id=\"a1\" class=\"node\">"), std::string::npos);
  EXPECT_NE(svg.out.find("<g id=\"legend_rejected\" class=\"node\">"), std::string::npos);
  EXPECT_EQ(svg.out.substr(svg.out.size() - 7), "</svg>\n");
}

TEST(Explain, NeedsAGoal) {
  const auto r = run_writ({"explain", "x.writ"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: 'explain' needs -q GOAL\nTry 'writ explain --help' for more information.\n");
}

TEST(ReplWhatIf, AssumeShowsWhatChangedAndForgetUndoesIt) {
  TempDir dir;
  dir.write("c.writ",
            "product(frontier).\n"
            "microsoft claims covered(frontier).\n"
            "openai denies covered(frontier).\n"
            "r_breach: breach(P) :~ covered(P), product(P).\n");
  const auto r = run_writ({"repl", "c.writ"},
                          "breach(P)?\n"
                          ".assume covered(frontier).\n"
                          ".assume\n"
                          ".forget\n"
                          ".assume off r_breach\n"
                          ".assume off r_nothing\n",
                          dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "?- breach(P).\n"
            "P         status\n"
            "--------  ---------\n"
            "frontier  contested\n"
            "(1 answer)\n"
            "assumed; what changed in the questions asked so far:\n"
            "?- breach(P).\n"
            "  ~ P = frontier: contested -> accepted\n"
            "covered(frontier).\n"
            "assumptions dropped; what changed back:\n"
            "?- breach(P).\n"
            "  ~ P = frontier: accepted -> contested\n"
            "assumed; what changed in the questions asked so far:\n"
            "?- breach(P).\n"
            "  - P = frontier (was contested)\n");
  EXPECT_EQ(r.err, "writ: error: no rule is labelled 'r_nothing'\n");
}

TEST(ReplWhy, WhyAndWhyNot) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"repl", "p.writ"}, ".why bird(tweety)\n.whynot flies(nobody)\n", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "bird(tweety): established\n"
            "  Stated at p.writ:2.\n"
            "  for: fact at p.writ:2\n"
            "flies(nobody): no argument\n"
            "  \"nobody flies\"\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r1, defeasible rule at p.writ:3 (does not apply)\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    premise bird(nobody) does not hold: no fact or rule concludes it\n");
}

// The Frontier case's files, relative to the source tree (the explanations name them so).
std::vector<std::string> frontier_files() {
  std::vector<std::string> files;
  for (const char* dir : {"facts/law", "facts/cases/frontier"})
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(WRIT_SOURCE_DIR) / dir))
      if (e.path().extension() == ".writ") files.push_back(std::string(dir) + "/" + e.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Issue 13, item 2: "no suit has been filed" is cited as -dispute_step(microsoft_dispute,
// suit_filed); .whynot and writ whynot say that explicit negative holds, with its quote,
// rather than "no fact or rule concludes it".
TEST(ReplWhy, WhyNotSaysTheExplicitNegativeThatHoldsWithItsSource) {
  const std::string expected =
      "suit_filed(microsoft_dispute): no argument\n"
      "  \"a suit has been filed in microsoft_dispute\"\n"
      "  its contrary -suit_filed(microsoft_dispute) holds (established)\n"
      "  against: -suit_filed(microsoft_dispute): established\n"
      "    \"no suit has been filed in microsoft_dispute\"\n"
      "    for: rule at facts/law/disputes.writ:27\n"
      "      -suit_filed(D) :- -dispute_step(D, suit_filed).\n"
      "      -dispute_step(microsoft_dispute, suit_filed): established\n"
      "        \"microsoft_dispute has not reached the step suit_filed\"\n"
      "        for: fact at facts/cases/frontier/litigation.writ:19\n"
      "          -dispute_step(microsoft_dispute, suit_filed) @ article \"no suit has been filed\".\n"
      "          source: article (news_report): \"no suit has been filed\"\n"
      "  for: rule at facts/law/disputes.writ:24 (does not apply)\n"
      "    suit_filed(D) :- dispute_step(D, suit_filed).\n"
      "    premise dispute_step(microsoft_dispute, suit_filed) does not hold: its contrary "
      "-dispute_step(microsoft_dispute, suit_filed) holds (established)\n"
      "    dispute_step(microsoft_dispute, suit_filed): no argument\n"
      "      \"microsoft_dispute has reached the step suit_filed\"\n"
      "      its contrary -dispute_step(microsoft_dispute, suit_filed) holds (established)\n"
      "      against: -dispute_step(microsoft_dispute, suit_filed): established (see above)\n"
      "        \"microsoft_dispute has not reached the step suit_filed\"\n";
  auto args = frontier_files();
  args.insert(args.begin(), "whynot");
  args.insert(args.end(), {"-q", "suit_filed(microsoft_dispute)"});
  const auto batch = run_writ(args, {}, WRIT_SOURCE_DIR);
  EXPECT_EQ(batch.exit_code, 0);
  EXPECT_EQ(batch.err, "");
  EXPECT_EQ(batch.out, expected);
  args = frontier_files();
  args.insert(args.begin(), "repl");
  const auto repl = run_writ(args, ".whynot suit_filed(microsoft_dispute)\n", WRIT_SOURCE_DIR);
  EXPECT_EQ(repl.exit_code, 0);
  EXPECT_EQ(repl.out, expected);
}

TEST(ReplWhy, WhyNotFollowsAMissingPremiseAndNamesTheDefeater) {
  TempDir dir;
  dir.write("p.writ", std::string(penguins) +
                          "r3: travels(X) :~ flies(X), ticket(X).\n"
                          "ticket(X) :- booked(X, Y), Y > 0.\n"
                          "booked(tweety, 0).\n");
  const auto r = run_writ({"repl", "p.writ"}, ".whynot travels(tweety)\n.whynot travels(opus)\n", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "travels(tweety): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r3, defeasible rule at p.writ:7 (does not apply)\n"
            "    r3: travels(X) :~ flies(X), ticket(X).\n"
            "    premise ticket(tweety) does not hold: no fact states it, and no rule that could conclude it applies\n"
            "    ticket(tweety): no argument\n"
            "      no fact states it, and no rule that could conclude it applies\n"
            "      for: rule at p.writ:8 (does not apply)\n"
            "        ticket(X) :- booked(X, Y), Y > 0.\n"
            "        premise 0 > 0 does not hold\n"
            "travels(opus): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r3, defeasible rule at p.writ:7 (does not apply)\n"
            "    r3: travels(X) :~ flies(X), ticket(X).\n"
            "    premise ticket(opus) does not hold: no fact states it, and no rule that could conclude it applies\n"
            "    ticket(opus): no argument\n"
            "      no fact states it, and no rule that could conclude it applies\n"
            "      for: rule at p.writ:8 (does not apply)\n"
            "        ticket(X) :- booked(X, Y), Y > 0.\n"
            "        premise booked(opus, Y) does not hold: no fact or rule concludes it\n");
}

// writ whynot prints what the REPL's .whynot prints, goal after goal, for a rejected, an
// accepted and a missing answer.
TEST(WhyNotCommand, SaysWhatTheReplsWhyNotSays) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"whynot", "p.writ", "-q", "flies(X)", "-q", "flies(nobody)"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "flies(opus): rejected\n"
            "  \"opus flies\"\n"
            "  for: r1, defeasible rule at p.writ:3 (defeated)\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    does not stand: defeated by 'r2'\n"
            "  against: r2, defeasible rule at p.writ:4\n"
            "    r2: -flies(X) :~ penguin(X).\n"
            "    defeats it: 'r2' has priority over 'r1'\n"
            "    penguin(opus): established\n"
            "flies(tweety): accepted\n"
            "  \"tweety flies\"\n"
            "  for: r1, defeasible rule at p.writ:3\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    bird(tweety): established\n"
            "      for: fact at p.writ:2\n"
            "        bird(tweety).\n"
            "flies(nobody): no argument\n"
            "  \"nobody flies\"\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r1, defeasible rule at p.writ:3 (does not apply)\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    premise bird(nobody) does not hold: no fact or rule concludes it\n");
  const auto repl = run_writ({"repl", "p.writ"}, ".whynot flies(X)\n.whynot flies(nobody)\n", dir.path());
  EXPECT_EQ(repl.exit_code, 0);
  EXPECT_EQ(repl.out, r.out);
}

TEST(WhyNotCommand, WhatIfAndOverAStore) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto assumed = run_writ({"whynot", "p.writ", "--assume", "off r2", "-q", "flies(opus)"}, {}, dir.path());
  EXPECT_EQ(assumed.exit_code, 0);
  EXPECT_EQ(assumed.err, "");
  EXPECT_EQ(assumed.out,
            "flies(opus): accepted\n"
            "  \"opus flies\"\n"
            "  for: r1, defeasible rule at p.writ:3\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    bird(opus): established\n"
            "      for: fact at p.writ:2\n"
            "        bird(opus).\n");
  ASSERT_EQ(run_writ({"load", "--db", "s.db", "p.writ"}, {}, dir.path()).exit_code, 0);
  const auto stored = run_writ({"whynot", "--db", "s.db", "-q", "flies(opus)"}, {}, dir.path());
  EXPECT_EQ(stored.exit_code, 0);
  EXPECT_EQ(stored.err, "");
  EXPECT_EQ(stored.out,
            "flies(opus): rejected\n"
            "  \"opus flies\"\n"
            "  for: r1, defeasible rule at p.writ:3 (defeated)\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    does not stand: defeated by 'r2'\n"
            "  against: r2, defeasible rule at p.writ:4\n"
            "    r2: -flies(X) :~ penguin(X).\n"
            "    defeats it: 'r2' has priority over 'r1'\n"
            "    penguin(opus): established\n");
}

// A goal in error does not stop the others; the exit status says there was one.
TEST(WhyNotCommand, AGoalInErrorIsSaidAndTheNextIsExplained) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"whynot", "p.writ", "-q", "flies(", "-q", "swims(X)"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "swims(X): no argument\n"
            "  no fact or rule concludes it\n");
  EXPECT_EQ(r.err,
            "-q:1:7: error: expected a term at the end of the input\n"
            " 1 | flies(\n"
            "   |       ^\n"
            "-q:1:1: warning: predicate 'swims/1' is not defined by any fact or rule\n"
            " 1 | swims(X)\n"
            "   | ^~~~~~~~\n");
}

// One JSON line per -q, whatever became of it, so that lines and goals match.
TEST(WhyNotCommand, JsonHasALinePerGoalWithStatusAndDiagnostics) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"whynot", "p.writ", "--format", "json", "-q", "flies(", "-q", "flies(nobody)"}, {},
                          dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            R"j({"goal": "flies(", "explanations": [], "status": "error", "diagnostics": [{"severity": "error", )j"
            R"j("file": "-q", "line": 1, "column": 7, "message": "expected a term at the end of the input"}]})j"
            "\n"
            R"j({"goal": "flies(nobody)", "explanations": [{"kind": "conclusion", "role": "for", "literal": )j"
            R"j("flies(nobody)", "sentence": "nobody flies", "status": null, "outcome": "no fact states it, and no )j"
            R"j(rule that could conclude it applies", "children": [{"kind": "argument", "role": "for", "label": "r1", )j"
            R"j("what": "defeasible rule", "text": "r1: flies(X) :~ bird(X).", "place": "p.writ:3", "outcome": )j"
            R"j("premise bird(nobody) does not hold: no fact or rule concludes it", "stands": "no", "applies": false, )j"
            R"j("children": []}]}], "status": "ok", "diagnostics": []})j"
            "\n");
  EXPECT_EQ(r.err,
            "-q:1:7: error: expected a term at the end of the input\n"
            " 1 | flies(\n"
            "   |       ^\n");

  // Nothing loaded: each goal still has its line, with the reason.
  const auto missing = run_writ({"whynot", "nope.writ", "--format", "json", "-q", "a", "-q", "b"}, {}, dir.path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.out,
            R"j({"goal": "a", "explanations": [], "status": "error", "diagnostics": [{"severity": "error", )j"
            R"j("file": null, "line": null, "column": null, "message": "cannot open 'nope.writ': No such file or )j"
            R"j(directory"}]})j"
            "\n"
            R"j({"goal": "b", "explanations": [], "status": "error", "diagnostics": [{"severity": "error", )j"
            R"j("file": null, "line": null, "column": null, "message": "cannot open 'nope.writ': No such file or )j"
            R"j(directory"}]})j"
            "\n");
  EXPECT_EQ(missing.err, "writ: error: cannot open 'nope.writ': No such file or directory\n");
}

TEST(WhyNotCommand, UsageErrorsAndALimit) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto no_goal = run_writ({"whynot", "p.writ"}, {}, dir.path());
  EXPECT_EQ(no_goal.exit_code, 2);
  EXPECT_EQ(no_goal.out, "");
  EXPECT_EQ(no_goal.err, "writ: 'whynot' needs -q GOAL\nTry 'writ whynot --help' for more information.\n");
  const auto csv = run_writ({"whynot", "p.writ", "-q", "flies(X)", "--format", "csv"}, {}, dir.path());
  EXPECT_EQ(csv.exit_code, 2);
  EXPECT_EQ(csv.err, "writ: invalid --format 'csv': expected text or json\nTry 'writ whynot --help' for more information.\n");
  const auto depth = run_writ({"whynot", "p.writ", "-q", "flies(X)", "--depth", "2"}, {}, dir.path());
  EXPECT_EQ(depth.exit_code, 2);
  EXPECT_EQ(depth.err, "writ: unknown option '--depth' for 'whynot'\nTry 'writ whynot --help' for more information.\n");
  const auto limited = run_writ({"whynot", "p.writ", "--max-facts", "1", "-q", "flies(X)"}, {}, dir.path());
  EXPECT_EQ(limited.exit_code, 3);
  EXPECT_EQ(limited.out, "");
}

}  // namespace
}  // namespace writ::cli::test
