// KnowledgeBase::why_not (`.whynot`): which premise fails, or which argument defeats it,
// as exact text, and the same tree in JSON and dot.
#include <gtest/gtest.h>

#include "kb_helpers.hpp"

namespace writ::test {
namespace {

std::string why_not(kb::KnowledgeBase& kb, const std::string& goal) {
  const auto r = kb.why_not(goal);
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  std::string out;
  for (const auto& e : r.explanations) out += kb::render_text(e);
  return out;
}

constexpr const char* deals = R"(party(microsoft). party(openai).
deal(aws_deal, openai, aws).
value(aws_deal, 50).
product(frontier, openai).
separate_product(frontier).
exclusive(G, X) :- grant(G, X, Kind), Kind = exclusive.
r_breach: breach(D, X) :~ deal(D, G, P), exclusive(G, X), party(X).
r_big: big(D) :~ value(D, V), V > 100.
r_covered: covered(P) :~ product(P, G), not separate_product(P).
breach(D, X) means "D breaches the grant to X".
)";

TEST(WhyNot, MissingPremiseFollowedIntoItsRules) {
  auto kb = load_ok(deals);
  EXPECT_EQ(why_not(*kb, "breach(aws_deal, microsoft)"),
            "breach(aws_deal, microsoft): no argument\n"
            "  \"aws_deal breaches the grant to microsoft\"\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r_breach, defeasible rule at test.writ:7 (does not apply)\n"
            "    r_breach: breach(D, X) :~ deal(D, G, P), exclusive(G, X), party(X).\n"
            "    premise exclusive(openai, microsoft) does not hold: no fact states it, and no rule that could "
            "conclude it applies\n"
            "    exclusive(openai, microsoft): no argument\n"
            "      no fact states it, and no rule that could conclude it applies\n"
            "      for: rule at test.writ:6 (does not apply)\n"
            "        exclusive(G, X) :- grant(G, X, Kind), Kind = exclusive.\n"
            "        premise grant(openai, microsoft, Kind) does not hold: no fact or rule concludes it\n");
  // A goal whose values no rule head takes: nothing could conclude it.
  EXPECT_EQ(why_not(*kb, "breach(aws_deal, microsoft, extra)"),
            "breach(aws_deal, microsoft, extra): no argument\n"
            "  no fact or rule concludes it\n");
}

TEST(WhyNot, FailingComparisonAndNegation) {
  auto kb = load_ok(deals);
  EXPECT_EQ(why_not(*kb, "big(aws_deal)"),
            "big(aws_deal): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r_big, defeasible rule at test.writ:8 (does not apply)\n"
            "    r_big: big(D) :~ value(D, V), V > 100.\n"
            "    premise 50 > 100 does not hold\n");
  EXPECT_EQ(why_not(*kb, "covered(frontier)"),
            "covered(frontier): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r_covered, defeasible rule at test.writ:9 (does not apply)\n"
            "    r_covered: covered(P) :~ product(P, G), not separate_product(P).\n"
            "    premise not separate_product(frontier) fails: separate_product(frontier) holds (established)\n");
  // A conjunction: its first literal that no values satisfy, under the values before it.
  EXPECT_EQ(why_not(*kb, "deal(D, G, P), value(D, V), V >= 60"),
            "deal(D, G, P), value(D, V), V >= 60: no argument\n"
            "  no values satisfy all of it: premise 50 >= 60 does not hold\n"
            "  50 >= 60: does not hold\n");
}

constexpr const char* penguins = R"(bird(tweety). bird(opus). penguin(opus).
r1: flies(X) :~ bird(X).
r2: -flies(X) :~ penguin(X).
r2 > r1.
r3: travels(X) :~ flies(X).
)";

// An explicit negative that holds is why its positive does not (issue 13, item 2): the
// explanation says the contrary holds and shows it down to its quote, rather than "no fact
// or rule concludes it"; the rules that could have concluded the goal follow.
TEST(WhyNot, AContraryThatHoldsIsSaidWithItsSource) {
  auto kb = load_ok(R"(#source record { kind: news_report }.
dispute(d1).
-step(d1, filing) @ record "no suit has been filed".
filed(D) :- step(D, filing).
-filed(D) :- -step(D, filing).
filed(D) means "a suit has been filed in D".
-filed(D) means "no suit has been filed in D".
)");
  EXPECT_EQ(why_not(*kb, "step(d1, filing)"),
            "step(d1, filing): no argument\n"
            "  its contrary -step(d1, filing) holds (established)\n"
            "  against: -step(d1, filing): established\n"
            "    for: fact at test.writ:3\n"
            "      -step(d1, filing) @ record \"no suit has been filed\".\n"
            "      source: record (news_report): \"no suit has been filed\"\n");
  EXPECT_EQ(why_not(*kb, "filed(d1)"),
            "filed(d1): no argument\n"
            "  \"a suit has been filed in d1\"\n"
            "  its contrary -filed(d1) holds (established)\n"
            "  against: -filed(d1): established\n"
            "    \"no suit has been filed in d1\"\n"
            "    for: rule at test.writ:5\n"
            "      -filed(D) :- -step(D, filing).\n"
            "      -step(d1, filing): established\n"
            "        for: fact at test.writ:3\n"
            "          -step(d1, filing) @ record \"no suit has been filed\".\n"
            "          source: record (news_report): \"no suit has been filed\"\n"
            "  for: rule at test.writ:4 (does not apply)\n"
            "    filed(D) :- step(D, filing).\n"
            "    premise step(d1, filing) does not hold: its contrary -step(d1, filing) holds (established)\n"
            "    step(d1, filing): no argument\n"
            "      its contrary -step(d1, filing) holds (established)\n"
            "      against: -step(d1, filing): established (see above)\n");
  // Silence is not a negative: with no explicit negative the old reason stays.
  EXPECT_EQ(why_not(*kb, "step(d2, filing)"),
            "step(d2, filing): no argument\n"
            "  no fact or rule concludes it\n");
  // A contrary that is only argued says its status: contested is not "holds".
  auto argued = load_ok(R"(product(f).
r_separate: -covered(I) :~ separate(I), product(I).
a claims separate(f).
b denies separate(f).
)");
  EXPECT_EQ(why_not(*argued, "covered(f)"),
            "covered(f): no argument\n"
            "  its contrary -covered(f) is contested\n"
            "  against: -covered(f): contested\n"
            "    for: r_separate, defeasible rule at test.writ:2 (undecided)\n"
            "      r_separate: -covered(I) :~ separate(I), product(I).\n"
            "      separate(f): contested\n"
            "        for: claim by a at test.writ:3 (undecided)\n"
            "          a claims separate(f).\n"
            "        against: claim by b at test.writ:4 (undecided)\n"
            "          b denies separate(f).\n"
            "          defeats it, and is defeated by it: neither has priority over the other\n"
            "      product(f): established\n"
            "        for: fact at test.writ:1\n"
            "          product(f).\n");
}

TEST(WhyNot, RejectedPremiseSaysWhichArgumentDefeatsIt) {
  auto kb = load_ok(penguins);
  EXPECT_EQ(why_not(*kb, "travels(opus)"),
            "travels(opus): rejected\n"
            "  for: r3, defeasible rule at test.writ:5 (defeated)\n"
            "    r3: travels(X) :~ flies(X).\n"
            "    does not stand: premise flies(opus) is rejected\n"
            "    flies(opus): rejected\n"
            "      for: r1, defeasible rule at test.writ:2 (defeated)\n"
            "        r1: flies(X) :~ bird(X).\n"
            "        does not stand: defeated by 'r2'\n"
            "      against: r2, defeasible rule at test.writ:3\n"
            "        r2: -flies(X) :~ penguin(X).\n"
            "        defeats it: 'r2' has priority over 'r1'\n"
            "        penguin(opus): established\n");
  // An answer that holds is explained as .why would.
  EXPECT_EQ(why_not(*kb, "travels(tweety)"),
            "travels(tweety): accepted\n"
            "  for: r3, defeasible rule at test.writ:5\n"
            "    r3: travels(X) :~ flies(X).\n"
            "    flies(tweety): accepted\n"
            "      for: r1, defeasible rule at test.writ:2\n"
            "        r1: flies(X) :~ bird(X).\n"
            "        bird(tweety): established\n"
            "          for: fact at test.writ:1\n"
            "            bird(tweety).\n");
}

TEST(WhyNot, ContestedAnswerSaysWhatKeepsItUndecided) {
  auto kb = load_ok(R"(quaker(nixon). republican(nixon).
r_q: pacifist(X) :~ quaker(X).
r_r: -pacifist(X) :~ republican(X).
)");
  // Asked with `does`, the contested answer is still the one explained.
  EXPECT_EQ(why_not(*kb, "does pacifist(nixon)"),
            "pacifist(nixon): contested\n"
            "  for: r_q, defeasible rule at test.writ:2 (undecided)\n"
            "    r_q: pacifist(X) :~ quaker(X).\n"
            "    undecided: attacked by 'r_r', which is not defeated (neither has priority over the other)\n"
            "  against: r_r, defeasible rule at test.writ:3 (undecided)\n"
            "    r_r: -pacifist(X) :~ republican(X).\n"
            "    defeats it, and is defeated by it: neither has priority over the other\n"
            "    republican(nixon): established\n");
}

TEST(WhyNot, JsonAndDotCarryTheFailingPremise) {
  auto kb = load_ok(deals);
  const auto r = kb->why_not("big(aws_deal)");
  ASSERT_EQ(r.explanations.size(), 1u);
  EXPECT_EQ(kb::render_json(r.explanations[0]),
            "{\"kind\": \"conclusion\", \"role\": \"for\", \"literal\": \"big(aws_deal)\", \"status\": null, "
            "\"outcome\": \"no fact states it, and no rule that could conclude it applies\", \"children\": "
            "[{\"kind\": \"argument\", \"role\": \"for\", \"label\": \"r_big\", \"what\": \"defeasible rule\", "
            "\"text\": \"r_big: big(D) :~ value(D, V), V > 100.\", \"place\": \"test.writ:8\", \"outcome\": "
            "\"premise 50 > 100 does not hold\", \"stands\": \"no\", \"applies\": false, \"children\": []}]}");
  const auto dot = kb::render_dot(r.explanations);
  EXPECT_NE(dot.find("n1 [shape=box, label=\"r_big (defeasible rule)\\ndoes not apply\\npremise 50 > 100 does not hold\", "
                     "style=dashed];\n"),
            std::string::npos)
      << dot;
}

TEST(WhyNot, ClaimsOfOtherPartiesAreLeftOutOfAPerspective) {
  // OpenAI makes a claim of its own (a perspective names a party that claims something).
  auto kb = load_ok(R"(product(frontier).
microsoft claims covered(frontier).
r_breach: breach(P) :~ product(P), covered(P).
openai claims separate_product(frontier).
)");
  EXPECT_EQ(why_not(*kb, "[openai] breach(frontier)"),
            "breach(frontier): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r_breach, defeasible rule at test.writ:3 (does not apply)\n"
            "    r_breach: breach(P) :~ product(P), covered(P).\n"
            "    premise covered(frontier) does not hold: no fact or rule concludes it\n");
}

}  // namespace
}  // namespace writ::test
