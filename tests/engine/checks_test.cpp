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
