// The checks before evaluation: exact messages and places.
#include <gtest/gtest.h>

#include "kb_helpers.hpp"

namespace writ::test {
namespace {

std::string load_errors(const std::string& program) {
  kb::KnowledgeBase kb;
  const auto r = kb.load({{"t.writ", program}});
  return kb.render(r.diagnostics);
}

TEST(Checks, UnsafeHeadVariable) {
  EXPECT_EQ(load_errors("p(X, Y) :- q(X)."),
            "t.writ:1:6: error: unsafe variable 'Y' in the head: no positive body literal binds it\n"
            " 1 | p(X, Y) :- q(X).\n"
            "   |      ^\n"
            "t.writ:1:12: warning: predicate 'q/1' is not defined by any fact or rule\n"
            " 1 | p(X, Y) :- q(X).\n"
            "   |            ^~~~\n");
}

TEST(Checks, UnsafeNegatedAndComparedVariables) {
  const auto out = load_errors("q(1).\np(X) :- q(X), not r(Y).\ns(X) :- q(X), Z > 2.\nr(1).");
  EXPECT_NE(out.find("t.writ:2:21: error: unsafe variable 'Y' in a negated literal: no positive body literal binds it"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("t.writ:3:15: error: unsafe variable 'Z' in a comparison: no positive body literal binds it"),
            std::string::npos)
      << out;
}

TEST(Checks, AssignmentsBindInAnyOrder) {
  EXPECT_EQ(load_errors("q(1).\np(Z) :- Z = Y + 1, Y = X * 2, q(X)."), "");
}

TEST(Checks, UnsafeAggregateVariables) {
  const auto out = load_errors("m(a, g).\nc(G, N) :- N = #count{ X : m(X, G) }.");
  EXPECT_NE(out.find("error: unsafe variable 'G'"), std::string::npos) << out;
  EXPECT_EQ(load_errors("m(a, g). g(g).\nc(G, N) :- g(G), N = #count{ X : m(X, G) }."), "");
}

TEST(Checks, AnonymousVariableInTheHeadIsUnsafe) {
  EXPECT_NE(load_errors("p(_) :- q(1). q(1).").find("error: unsafe variable '_' in the head"), std::string::npos);
}

TEST(Checks, NegationThroughRecursionNamesTheCycle) {
  EXPECT_EQ(load_errors("r(1).\np(X) :- r(X), not q(X).\nq(X) :- r(X), p(X)."),
            "t.writ:2:15: error: negation through recursion: p -> not q -> p (the program is not stratified)\n"
            " 2 | p(X) :- r(X), not q(X).\n"
            "   |               ^~~~~~~~\n");
}

TEST(Checks, AggregationThroughRecursionNamesTheCycle) {
  const auto out = load_errors("r(1).\np(N) :- r(X), N = #count{ Y : p(Y) }.");
  EXPECT_NE(out.find("error: aggregation through recursion: p -> #aggregate p"), std::string::npos) << out;
}

TEST(Checks, UndefinedPredicateSuggestsTheClosestName) {
  EXPECT_EQ(load_errors("edges(1, 2).\np(X) :- edge(X, _)."),
            "t.writ:2:9: warning: predicate 'edge/2' is not defined by any fact or rule; did you mean 'edges'?\n"
            " 2 | p(X) :- edge(X, _).\n"
            "   |         ^~~~~~~~~~\n");
}

TEST(Checks, UndefinedPredicateWithAnotherArity) {
  const auto out = load_errors("p(1).\nq(X) :- p(X, X).");
  EXPECT_NE(out.find("warning: predicate 'p/2' is not defined by any fact or rule; did you mean 'p/1'?"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("warning: 'p' is used with 1 and 2 arguments; p/1 and p/2 are different predicates"),
            std::string::npos)
      << out;
}

TEST(Checks, ErrorsOfAllStatementsInOnePass) {
  const auto out = load_errors("a(X) :- b(1).\nb(1).\nc(Y) :- b(1).");
  EXPECT_NE(out.find("t.writ:1:3: error: unsafe variable 'X'"), std::string::npos) << out;
  EXPECT_NE(out.find("t.writ:3:3: error: unsafe variable 'Y'"), std::string::npos) << out;
}

TEST(Checks, UnsafeQuery) {
  kb::KnowledgeBase kb;
  ASSERT_EQ(kb.load({{"t.writ", "p(1)."}}).outcome, kb::Outcome::Ok);
  const auto r = kb.ask("p(X), not q(Y)", "-q");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_NE(kb.render(r.diagnostics).find("-q:1:13: error: unsafe variable 'Y' in a negated literal"),
            std::string::npos)
      << kb.render(r.diagnostics);
}

TEST(Checks, TooManyArguments) {
  std::string atom = "p(";
  for (int i = 0; i < 65; ++i) atom += (i ? ",1" : "1");
  atom += ").";
  EXPECT_NE(load_errors(atom).find("error: predicate 'p' has 65 arguments; at most 64 are supported"),
            std::string::npos);
}

}  // namespace
}  // namespace writ::test

namespace writ::test {
namespace {

TEST(Sources, AReleasedSourceIsReusedAndKeptOnesStay) {
  query::SourceSet sources;
  const auto a = sources.add("a", "kept");
  const auto b = sources.add_transient("b", "question");
  sources.release(b);
  EXPECT_EQ(sources.text(b), "");
  const auto c = sources.add_transient("c", "next question");
  EXPECT_EQ(c, b);  // the slot is reused: a session of many questions does not grow
  EXPECT_EQ(sources.text(c), "next question");
  EXPECT_EQ(sources.text(a), "kept");
  EXPECT_EQ(sources.size(), 2u);
  sources.release(c);
  // A load's sources are numbered in a row after every other: never in a released slot.
  EXPECT_EQ(sources.add("d", "loaded"), 2u);
  EXPECT_EQ(sources.add_transient("e", "question"), c);
}

// A question whose diagnostics point into its text keeps the text for render(), however
// many questions come after it; questions without diagnostics are dropped.
TEST(Sources, DiagnosticsOfAQuestionRenderAfterManyMore) {
  kb::KnowledgeBase kb;
  ASSERT_EQ(kb.load({{"t.writ", "p(1)."}}).outcome, kb::Outcome::Ok);
  const auto warned = kb.ask("p(X), q(X)", "<first>");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(kb.ask("p(" + std::to_string(i) + ")").diagnostics.size(), 0u);
  EXPECT_EQ(kb.render(warned.diagnostics),
            "<first>:1:7: warning: predicate 'q/1' is not defined by any fact or rule\n"
            " 1 | p(X), q(X)\n"
            "   |       ^~~~\n");
  // A load after released questions still reports its own warnings, at its own lines.
  const auto loaded = kb.load({{"u.writ", "r(X) :- p(X), s(X)."}});
  EXPECT_EQ(kb.render(loaded.diagnostics),
            "u.writ:1:15: warning: predicate 's/1' is not defined by any fact or rule\n"
            " 1 | r(X) :- p(X), s(X).\n"
            "   |               ^~~~\n");
}

}  // namespace
}  // namespace writ::test

namespace writ::test {
namespace {

// A priority names rules; retracting one of them alone would leave a priority that every
// later load rejects. So it is refused, and the two go together.
TEST(Retract, ARuleThatAPriorityNamesGoesOnlyWithThePriority) {
  kb::KnowledgeBase kb;
  ASSERT_EQ(kb.load({{"t.writ", "bird(tweety). penguin(tweety).\n"
                                "r1: flies(X) :~ bird(X).\n"
                                "r2: -flies(X) :~ penguin(X).\n"
                                "r2 > r1.\n"}})
                .outcome,
            kb::Outcome::Ok);
  auto r = kb.retract("r1: flies(X) :~ bird(X).", "<retract>");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(kb.render(r.diagnostics),
            "t.writ:2:1: error: rule 'r1' is named by the priority 'r2 > r1.': retract the priority with it\n"
            " 2 | r1: flies(X) :~ bird(X).\n"
            "   | ^~~~~~~~~~~~~~~~~~~~~~~~\n"
            "t.writ:4:1: note: the priority is here\n"
            " 4 | r2 > r1.\n"
            "   | ^~~~~~~~\n");
  r = kb.retract("r2 >r1.  r1: flies(X) :~ bird(X).", "<retract>");
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  EXPECT_EQ(r.removed, 2u);
  // The knowledge base still loads and answers.
  EXPECT_EQ(kb.load({{"u.writ", "bird(opus)."}}).outcome, kb::Outcome::Ok);
  EXPECT_EQ(kb.ask("-flies(X)").answers.rows.size(), 1u);
  r = kb.retract("r2 > r1.", "<retract>");
  EXPECT_EQ(kb.render(r.diagnostics),
            "<retract>:1:1: error: no such priority is loaded: r2 > r1.\n"
            " 1 | r2 > r1.\n"
            "   | ^~~~~~~~\n");
}

}  // namespace
}  // namespace writ::test
