// Goal-directed evaluation (query/eval/magic_sets.hpp): a question with constants is
// answered by evaluating what it needs, with the answers, columns and diagnostics of the
// whole fixpoint. The differential tests compare the answers with clingo's model on
// generated programs (PlainGeneratedPrograms, and the bound goals of every program).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grammar/parse.hpp"
#include "kb_helpers.hpp"
#include "query/analysis/variables.hpp"
#include "query/ast_text.hpp"
#include "query/eval/magic_sets.hpp"

namespace writ::query::eval {
namespace {

using test::Rows;

struct Rewritten {
  std::vector<std::string> rules;  // heads and bodies as source text
  std::vector<std::string> whole;  // name/arity
  std::string query;
};

// The rewriting of `program` for `goal`, as text; `applies` false when there is none.
Rewritten rewrite(const std::string& program, const std::string& goal, bool* applies = nullptr) {
  auto parsed = grammar::parse_program(program, 0);
  EXPECT_TRUE(parsed.diagnostics.empty());
  name_anonymous_variables(parsed.program);
  auto q = grammar::parse_goal(goal, 1);
  EXPECT_TRUE(q.query.has_value());
  name_anonymous_variables(*q.query);
  const auto out = magic_sets(parsed.program, *q.query);
  if (applies) *applies = out.has_value();
  Rewritten r;
  if (!out) return r;
  for (const auto& rule : out->rules) {
    std::string text = to_source(rule.head);
    for (std::size_t i = 0; i < rule.body.size(); ++i) text += (i ? ", " : " :- ") + to_source(rule.body[i]);
    r.rules.push_back(text + ".");
  }
  for (const auto& p : out->whole) r.whole.push_back(p.to_string());
  for (const auto& l : out->query.body) r.query += (r.query.empty() ? "" : ", ") + to_source(l);
  return r;
}

const char* const same_generation =
    "edge(1, 2). edge(1, 3). edge(2, 4). edge(2, 5). edge(3, 6). edge(3, 7).\n"
    "sg(X, Y) :- edge(P, X), edge(P, Y), X != Y.\n"
    "sg(X, Y) :- sg(A, B), edge(A, X), edge(B, Y).\n";

TEST(MagicSets, SameGenerationBoundFirst) {
  const auto r = rewrite(same_generation, "sg(5, Y)");
  // The bound X goes to the edge atom first (a predicate of facts, with a bound argument),
  // which binds A for sg: the magic set is the ancestors of 5.
  EXPECT_EQ(r.rules, (std::vector<std::string>{
                         "@magic@sg@bf(5).",
                         "sg@bf(X, Y) :- @magic@sg@bf(X), edge(P, X), edge(P, Y), X != Y.",
                         "@magic@sg@bf(A) :- @magic@sg@bf(X), edge(A, X).",
                         "sg@bf(X, Y) :- @magic@sg@bf(X), sg@bf(A, B), edge(A, X), edge(B, Y).",
                     }));
  EXPECT_EQ(r.whole, (std::vector<std::string>{"edge/2"}));
  EXPECT_EQ(r.query, "sg@bf(5, Y)");
}

TEST(MagicSets, TheQuestionSeedsTheMagicSet) {
  const auto r = rewrite(same_generation, "sg(X, 6)");
  ASSERT_FALSE(r.rules.empty());
  EXPECT_EQ(r.rules.front(), "@magic@sg@fb(6).");
  EXPECT_EQ(r.query, "sg@fb(X, 6)");
}

TEST(MagicSets, NothingToDoWithoutAConstantOnADerivedPredicate) {
  bool applies = true;
  rewrite(same_generation, "sg(X, Y)", &applies);
  EXPECT_FALSE(applies);
  rewrite(same_generation, "edge(1, Y)", &applies);  // facts only
  EXPECT_FALSE(applies);
  rewrite(std::string(same_generation) + "r1: t(X) :~ edge(X, _).\n", "sg(5, Y)", &applies);  // argued
  EXPECT_FALSE(applies);
}

TEST(MagicSets, NegationAggregatesArithmeticAndFactsReadWhole) {
  const auto r = rewrite(
      "e(1, 2). e(2, 3). n(1). n(2). n(3). b(1, 9).\n"
      "r(X, Y) :- e(X, Y).\n"
      "r(X, Z) :- r(X, Y), e(Y, Z).\n"
      "u(X, Y) :- n(X), n(Y), not r(X, Y).\n"           // negation: r whole
      "c(X, N) :- n(X), N = #count{ Y : b(X, Y) }.\n"  // #count: fine, b read whole
      "s(X, Y) :- n(X), Y = X + 1.\n"                  // arithmetic: s whole
      "b(X, Y) :- e(X, Y).\n"                          // facts and rules: b whole
      "q(X, Y) :- u(X, Y), c(X, _), s(X, _), b(X, Y).\n",
      "q(1, Y)");
  EXPECT_EQ(r.query, "q@bf(1, Y)");
  EXPECT_EQ(r.whole, (std::vector<std::string>{"b/2", "e/2", "n/1", "r/2", "s/2"}));
  // s and b, read whole, go first and bind Y for u.
  EXPECT_EQ(r.rules, (std::vector<std::string>{
                         "@magic@q@bf(1).",
                         "@magic@u@bb(X, Y) :- @magic@q@bf(X), s(X, _), b(X, Y).",
                         "@magic@c@bf(X) :- @magic@q@bf(X), s(X, _), b(X, Y), u@bb(X, Y).",
                         "q@bf(X, Y) :- @magic@q@bf(X), u@bb(X, Y), c@bf(X, _), s(X, _), b(X, Y).",
                         "u@bb(X, Y) :- @magic@u@bb(X, Y), n(X), n(Y), not r(X, Y).",
                         "c@bf(X, N) :- @magic@c@bf(X), n(X), N = #count{ Y : b(X, Y) }.",
                     }));
}

TEST(MagicSets, BindingsPassThroughCopiesNotArithmetic) {
  const char* const program = "d(1). d(2).\nq(X) :- d(X).\n";
  // X + 1 is computed: q is asked for with its argument free, read whole, so that magic
  // sets hold only values of the program and the question (and stay finite).
  bool applies = true;
  rewrite(program, "d(X), q(X + 1)", &applies);
  EXPECT_FALSE(applies);
  // Y = 2 copies a constant: q is asked for with Y bound.
  const auto r = rewrite(program, "Y = 2, q(Y)");
  EXPECT_EQ(r.query, "Y = 2, q@b(Y)");
  EXPECT_EQ(r.rules, (std::vector<std::string>{"@magic@q@b(Y) :- Y = 2.", "q@b(X) :- @magic@q@b(X), d(X)."}));
}

// --- through a knowledge base -------------------------------------------------------------

// The answers to each goal on a knowledge base that has answered nothing (goal-directed),
// and after a question without constants computed the whole fixpoint, are the same.
void expect_same_answers(const std::string& program, const std::vector<std::string>& goals) {
  auto whole = test::load_ok(program);
  test::rows(*whole, "zzz_nothing");  // an undefined predicate: a question with no constant
  for (const auto& goal : goals) {
    auto fresh = test::load_ok(program);
    EXPECT_EQ(test::rows(*fresh, goal), test::rows(*whole, goal)) << goal;
  }
}

TEST(GoalDirected, AnswersAreThoseOfTheWholeFixpoint) {
  expect_same_answers(same_generation, {"sg(5, Y)", "sg(X, 6)", "sg(4, 5)", "sg(4, 6)", "sg(1, Y)"});
  expect_same_answers(
      "e(a, b). e(b, c). e(c, a). e(c, d). e(x, y). n(a). n(b). n(c). n(d). n(x). n(y).\n"
      "-ok(d).\n"
      "r(X, Y) :- e(X, Y).\n"
      "r(X, Z) :- r(X, Y), r(Y, Z).\n"
      "even(X, X) :- n(X).\n"
      "even(X, Z) :- odd(X, Y), e(Y, Z).\n"
      "odd(X, Z) :- even(X, Y), e(Y, Z).\n"
      "u(X, Y) :- n(X), n(Y), not r(X, Y).\n"
      "deg(X, N) :- n(X), N = #count{ Y : r(X, Y) }.\n"
      "-ok(X) :- u(X, X), deg(X, 0).\n"
      "pair(X, Y) :- r(X, Y), X < Y, not -ok(Y).\n"
      "k(a, X) :- r(b, X).\n",
      {"r(a, Y)", "r(X, d)", "r(a, d)", "r(d, a)", "even(a, Y)", "odd(X, c)", "u(x, Y)", "deg(c, N)",
       "-ok(X), n(X)", "-ok(d)", "pair(a, Y)", "pair(X, c)", "k(a, X)", "k(b, X)", "r(a, Y), u(Y, Z)",
       "n(X), r(X, c)", "r(a, Y), not r(Y, a)"});
}

TEST(GoalDirected, SameGenerationOver32767NodesAnswersABoundQuestion) {
  // The whole fixpoint is about 358M tuples: the limit of a million facts stops it, while
  // the question needs the ancestors of its node and their generations only.
  std::string program;
  for (int i = 2; i < 32768; ++i) program += "edge(" + std::to_string(i / 2) + ", " + std::to_string(i) + ").\n";
  program += "sg(X, Y) :- edge(P, X), edge(P, Y), X != Y.\n";
  program += "sg(X, Y) :- sg(A, B), edge(A, X), edge(B, Y).\n";
  auto kb = test::load_ok(program, kb::Limits{std::nullopt, 1000000});
  EXPECT_EQ(test::rows(*kb, "sg(5, Y)"), (Rows{"4", "6", "7"}));
  const auto deep = kb->ask("sg(X, 20000)");
  ASSERT_EQ(deep.outcome, kb::Outcome::Ok) << kb->render(deep.diagnostics);
  EXPECT_EQ(deep.answers.rows.size(), 16383u);  // every other node of the last generation
  const auto whole = kb->ask("sg(X, Y)");
  EXPECT_EQ(whole.outcome, kb::Outcome::LimitHit);
}

TEST(GoalDirected, WarningsOfRulesTheQuestionDoesNotReachAreStillGiven) {
  // q can warn (division by zero): it is evaluated whole, as for any question, so the
  // warning is the same whether or not the question needs q.
  auto kb = test::load_ok("p(1). p(0). q(X, Y) :- p(X), Y = 10 / X.\nr(X) :- p(X).\n");
  const auto r = kb->ask("r(1)");
  ASSERT_EQ(r.outcome, kb::Outcome::Ok);
  EXPECT_EQ(r.answers.rows.size(), 1u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "division by zero: the rule instance is dropped (as in clingo)");
}

}  // namespace
}  // namespace writ::query::eval
