// The argumentation layer on the textbook cases, with the answers the literature gives
// (Nute; Antoniou et al. 2001 for team defeat; Prakken & Sartor for chains of exceptions),
// and claims seen from each perspective.
#include <gtest/gtest.h>

#include "kb_helpers.hpp"

namespace writ::test {
namespace {

// "values: status" per answer row, in order.
Rows judged(kb::KnowledgeBase& kb, const std::string& goal) {
  const auto r = kb.ask(goal);
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  EXPECT_TRUE(r.answers.has_status);
  Rows out;
  for (std::size_t i = 0; i < r.answers.rows.size(); ++i) {
    std::string line;
    for (const auto& v : r.answers.rows[i]) line += (line.empty() ? "" : ", ") + query::to_source(v);
    out.push_back((line.empty() ? "true" : line) + ": " + kb::status_name(r.answers.statuses.at(i)));
  }
  return out;
}

TEST(Arguments, TweetyAndThePenguin) {
  auto kb = load_ok(R"(
    bird(tweety). bird(opus). penguin(opus).
    r1: flies(X) :~ bird(X).
    r2: -flies(X) :~ penguin(X).
    r2 > r1.
  )");
  EXPECT_EQ(judged(*kb, "flies(X)"), (Rows{"opus: rejected", "tweety: accepted"}));
  EXPECT_EQ(judged(*kb, "-flies(X)"), (Rows{"opus: accepted"}));
  EXPECT_EQ(judged(*kb, "does flies(X)"), (Rows{"tweety: accepted"}));
  EXPECT_EQ(judged(*kb, "could flies(X)"), (Rows{"tweety: accepted"}));
  EXPECT_EQ(judged(*kb, "bird(X)"), (Rows{"opus: established", "tweety: established"}));
}

TEST(Arguments, NixonDiamondIsContested) {
  auto kb = load_ok(R"(
    quaker(nixon). republican(nixon).
    r1: pacifist(X) :~ quaker(X).
    r2: -pacifist(X) :~ republican(X).
  )");
  EXPECT_EQ(judged(*kb, "pacifist(X)"), (Rows{"nixon: contested"}));
  EXPECT_EQ(judged(*kb, "-pacifist(X)"), (Rows{"nixon: contested"}));
  EXPECT_EQ(judged(*kb, "does pacifist(X)"), (Rows{}));
  EXPECT_EQ(judged(*kb, "could pacifist(X)"), (Rows{"nixon: contested"}));
}

TEST(Arguments, TeamDefeat) {
  const std::string theory = R"(
    monotreme(platypus). has_fur(platypus). lays_eggs(platypus). has_bill(platypus).
    r1: mammal(X) :~ monotreme(X).
    r2: mammal(X) :~ has_fur(X).
    r3: -mammal(X) :~ lays_eggs(X).
    r4: -mammal(X) :~ has_bill(X).
    r1 > r3.
  )";
  // Each argument against is beaten by some argument for: the team wins.
  auto team = load_ok(theory + "r2 > r4.");
  EXPECT_EQ(judged(*team, "mammal(X)"), (Rows{"platypus: accepted"}));
  EXPECT_EQ(judged(*team, "-mammal(X)"), (Rows{"platypus: rejected"}));
  // r4 is beaten by no one: neither side wins.
  auto alone = load_ok(theory);
  EXPECT_EQ(judged(*alone, "mammal(X)"), (Rows{"platypus: contested"}));
  EXPECT_EQ(judged(*alone, "-mammal(X)"), (Rows{"platypus: contested"}));
}

TEST(Arguments, ChainOfExceptions) {
  auto kb = load_ok(R"(
    p(a). r(a). s(a).
    p(b). r(b).
    r1: q(X) :~ p(X).
    r2: -q(X) :~ r(X).
    r3: q(X) :~ s(X).
    r2 > r1. r3 > r2.
  )");
  EXPECT_EQ(judged(*kb, "q(X)"), (Rows{"a: accepted", "b: rejected"}));
  EXPECT_EQ(judged(*kb, "-q(X)"), (Rows{"a: rejected", "b: accepted"}));
}

TEST(Arguments, CyclesOfAttackAreContested) {
  auto odd = load_ok("r1: a :~ not b.\nr2: b :~ not c.\nr3: c :~ not a.");
  EXPECT_EQ(judged(*odd, "a"), (Rows{"true: contested"}));
  EXPECT_EQ(judged(*odd, "c"), (Rows{"true: contested"}));
  auto even = load_ok("r1: a :~ not b.\nr2: b :~ not a.");
  EXPECT_EQ(judged(*even, "a"), (Rows{"true: contested"}));
  // Grounded semantics is sceptical: a priority inside the cycle does not break it, since
  // every argument in it is still attacked by one that is not yet defeated.
  auto inside = load_ok("r1: a :~ not b.\nr2: b :~ not a.\nr3: -b :~ a.\nr3 > r2.");
  EXPECT_EQ(judged(*inside, "b"), (Rows{"true: contested"}));
  // An argument from outside the cycle does break it.
  auto outside = load_ok("r1: a :~ not b.\nr2: b :~ not a.\nr3: -b :~ c.\nc.\nr3 > r2.");
  EXPECT_EQ(judged(*outside, "b"), (Rows{"true: rejected"}));
  EXPECT_EQ(judged(*outside, "a"), (Rows{"true: accepted"}));
}

TEST(Arguments, DefeatersBlockWithoutProvingTheContrary) {
  auto kb = load_ok(R"(
    bird(tweety). injured(tweety). bird(polly).
    r1: flies(X) :~ bird(X).
    d1: blocks flies(X) :~ injured(X).
  )");
  EXPECT_EQ(judged(*kb, "flies(X)"), (Rows{"polly: accepted", "tweety: rejected"}));
  EXPECT_EQ(judged(*kb, "-flies(X)"), (Rows{}));
  auto stronger = load_ok("bird(tweety). injured(tweety).\nr1: flies(X) :~ bird(X).\nd1: blocks flies(X) :~ injured(X).\nr1 > d1.");
  EXPECT_EQ(judged(*stronger, "flies(X)"), (Rows{"tweety: accepted"}));
}

TEST(Arguments, StrictRulesBeatDefeasibleOnes) {
  auto kb = load_ok(R"(
    bird(tweety). penguin(tweety).
    r1: flies(X) :~ bird(X).
    -flies(X) :- penguin(X).
  )");
  EXPECT_EQ(judged(*kb, "flies(X)"), (Rows{"tweety: rejected"}));
  EXPECT_EQ(judged(*kb, "-flies(X)"), (Rows{"tweety: established"}));
}

TEST(Arguments, NegationOverArguedConclusions) {
  auto kb = load_ok(R"(
    bird(tweety). bird(opus). penguin(opus).
    r1: flies(X) :~ bird(X), not abnormal(X).
    r2: abnormal(X) :~ penguin(X).
  )");
  EXPECT_EQ(judged(*kb, "flies(X)"), (Rows{"opus: rejected", "tweety: accepted"}));
  EXPECT_EQ(judged(*kb, "bird(X), not abnormal(X)"), (Rows{"opus: rejected", "tweety: established"}));
}

TEST(Arguments, StrictConsequencesInheritTheWeakestPremise) {
  auto kb = load_ok(R"(
    quaker(nixon). republican(nixon). president(nixon).
    r1: pacifist(X) :~ quaker(X).
    r2: -pacifist(X) :~ republican(X).
    dove_president(X) :- pacifist(X), president(X).
    known(X) :- president(X).
  )");
  EXPECT_EQ(judged(*kb, "dove_president(X)"), (Rows{"nixon: contested"}));
  EXPECT_EQ(judged(*kb, "known(X)"), (Rows{"nixon: established"}));
  EXPECT_EQ(judged(*kb, "known(X), pacifist(X)"), (Rows{"nixon: contested"}));
}

TEST(Arguments, ClaimsHoldInTheClaimantsPerspective) {
  auto kb = load_ok(R"(
    product(frontier).
    microsoft claims covered(frontier).
    openai denies covered(frontier).
    at_stake(P) :- covered(P), product(P).
  )");
  EXPECT_EQ(judged(*kb, "covered(P)"), (Rows{"frontier: contested"}));
  EXPECT_EQ(judged(*kb, "[microsoft] covered(P)"), (Rows{"frontier: accepted"}));
  EXPECT_EQ(judged(*kb, "[microsoft] at_stake(P)"), (Rows{"frontier: accepted"}));
  EXPECT_EQ(judged(*kb, "[openai] covered(P)"), (Rows{}));
  EXPECT_EQ(judged(*kb, "[openai] -covered(P)"), (Rows{"frontier: accepted"}));
}

// The perspectives a question can take: each party that claims or denies something, once,
// sorted; assumed claims count until forgotten.
TEST(Arguments, ClaimantsAreThePartiesThatClaimOrDeny) {
  auto kb = load_ok(R"(
    product(frontier).
    r_claims: microsoft claims covered(frontier).
    openai denies covered(frontier).
    microsoft claims product(frontier).
  )");
  EXPECT_EQ(kb->claimants(), (std::vector<std::string>{"microsoft", "openai"}));
  ASSERT_EQ(kb->assume("amazon denies product(frontier).").outcome, kb::Outcome::Ok);
  EXPECT_EQ(kb->claimants(), (std::vector<std::string>{"amazon", "microsoft", "openai"}));
  kb->forget();
  EXPECT_EQ(kb->claimants(), (std::vector<std::string>{"microsoft", "openai"}));
  EXPECT_EQ(load_ok("p(a).")->claimants(), std::vector<std::string>{});
}

TEST(Arguments, AnonymousVariablesInArguedRules) {
  auto kb = load_ok(R"(
    a(x, y). a(x, z). c(x).
    r1: b(X) :~ a(X, _).
    microsoft claims d(x).
    e(X) :- d(X), a(X, _), not f(X, _).
    f(z, 1).
  )");
  EXPECT_EQ(judged(*kb, "b(X)"), (Rows{"x: accepted"}));
  EXPECT_EQ(judged(*kb, "e(X)"), (Rows{"x: accepted"}));
}

TEST(Arguments, PrioritiesMustNameLabelledRulesAndNotCircle) {
  kb::KnowledgeBase kb;
  const auto r = kb.load({{"t.writ", "p(a).\nr1: q(X) :~ p(X).\nr2: -q(X) :~ p(X).\nr1 > r2.\nr2 > r1.\nr1 > r9."}});
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  const auto text = kb.render(r.diagnostics);
  EXPECT_NE(text.find("t.writ:4:1: error: the priorities go round in a circle: 'r2' is also, directly or not, above 'r1'"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("t.writ:6:1: error: no rule is labelled 'r9' (a priority names two rule labels)"), std::string::npos)
      << text;
}

TEST(Arguments, LabelsAreUnique) {
  kb::KnowledgeBase kb;
  const auto r = kb.load({{"t.writ", "p(a).\nr1: q(X) :~ p(X).\nr1: s(X) :~ p(X)."}});
  EXPECT_EQ(kb.render(r.diagnostics),
            "t.writ:3:1: error: the label 'r1' is already used\n"
            " 3 | r1: s(X) :~ p(X).\n"
            "   | ^~~~~~~~~~~~~~~~~\n"
            "t.writ:2:1: note: first used here\n"
            " 2 | r1: q(X) :~ p(X).\n"
            "   | ^~~~~~~~~~~~~~~~~\n");
}

}  // namespace
}  // namespace writ::test
