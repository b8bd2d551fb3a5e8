// Every construct of the language parses to the exact query AST expected: kinds, names,
// values, operators, normalised aggregates, locations and statement texts.
#include <gtest/gtest.h>

#include <string>

#include "grammar/parse.hpp"
#include "tests/grammar/ast_text.hpp"

namespace writ::grammar {
namespace {

using query::Term;
using test::text_of;

std::string messages(const std::vector<query::Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds)
    s += std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " +
         d.message + "\n";
  return s;
}

query::Program parse_ok(std::string_view text) {
  ParseResult r = parse_program(text, 7);
  EXPECT_TRUE(r.diagnostics.empty()) << messages(r.diagnostics);
  return r.program;
}

// The one rule (or fact) of `text`, as text_of renders it.
std::string rule_text(std::string_view text) {
  query::Program p = parse_ok(text);
  if (p.rules.size() != 1 || !p.queries.empty()) return "<not one rule>";
  return text_of(p.rules[0]);
}

query::Rule only_rule(std::string_view text) {
  query::Program p = parse_ok(text);
  EXPECT_EQ(p.rules.size(), 1u);
  return p.rules.empty() ? query::Rule{} : p.rules[0];
}

// ---- constants and terms ----

TEST(ParseConstants, SymbolsIntegersAndStrings) {
  query::Rule r = only_rule("owns(microsoft, 49, \"OpenAI LP\", ms_openai_partnership).");
  ASSERT_EQ(r.head.args.size(), 4u);
  EXPECT_TRUE(r.is_fact());
  EXPECT_EQ(r.head.predicate, "owns");
  EXPECT_FALSE(r.head.strong_negation);
  EXPECT_EQ(r.head.args[0].kind, Term::Kind::Constant);
  EXPECT_EQ(r.head.args[0].value, query::Value::make_symbol("microsoft"));
  EXPECT_EQ(r.head.args[1].value, query::Value::make_integer(49));
  EXPECT_EQ(r.head.args[2].value, query::Value::make_string("OpenAI LP"));
  EXPECT_EQ(r.head.args[3].value, query::Value::make_symbol("ms_openai_partnership"));
}

TEST(ParseConstants, SymbolsMayContainUpperCaseDigitsAndUnderscores) {
  EXPECT_EQ(rule_text("p(aB_9, x1)."), "p(aB_9, x1)");
}

TEST(ParseConstants, DigitSeparators) {
  query::Rule r = only_rule("amount(50_000_000_000, 1_2_3, 007).");
  EXPECT_EQ(r.head.args[0].value, query::Value::make_integer(50'000'000'000));
  EXPECT_EQ(r.head.args[1].value, query::Value::make_integer(123));
  EXPECT_EQ(r.head.args[2].value, query::Value::make_integer(7));
}

TEST(ParseConstants, IntegerLimits) {
  query::Rule r = only_rule("p(9223372036854775807, -9223372036854775808, -0).");
  EXPECT_EQ(r.head.args[0].value, query::Value::make_integer(INT64_MAX));
  EXPECT_EQ(r.head.args[1].value, query::Value::make_integer(INT64_MIN));
  EXPECT_EQ(r.head.args[1].kind, Term::Kind::Constant);
  EXPECT_EQ(r.head.args[2].value, query::Value::make_integer(0));
}

TEST(ParseConstants, MinusOnALiteralFoldsIntoTheConstant) {
  EXPECT_EQ(rule_text("p(-5, - 5, -(5), - -5, -(-(7)))."), "p(-5, -5, -5, 5, 7)");
  // Once folded to the minimum, another minus cannot fold: it stays arithmetic.
  EXPECT_EQ(rule_text("p(- -9223372036854775808)."), "p(-(-9223372036854775808))");
}

TEST(ParseConstants, StringEscapes) {
  query::Rule r = only_rule(R"(p("a\"b\\c\nd\te\rf").)");
  EXPECT_EQ(r.head.args[0].value, query::Value::make_string("a\"b\\c\nd\te\rf"));
}

TEST(ParseConstants, UnicodeEscapesBecomeUtf8) {
  query::Rule r = only_rule(R"(p("\u00e9\u20AC\u0041\u007f\u0080\u07FF\u0800\uFFFF").)");
  EXPECT_EQ(r.head.args[0].value,
            query::Value::make_string("\xC3\xA9\xE2\x82\xAC" "A\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF"));
}

TEST(ParseConstants, Utf8IsKeptIntact) {
  const std::string s = "Soci\xC3\xA9t\xC3\xA9 g\xC3\xA9n\xC3\xA9rale \xE2\x82\xAC \xF0\x9F\x98\x80 \xE4\xB8\xAD";
  query::Rule r = only_rule("p(\"" + s + "\").");
  EXPECT_EQ(r.head.args[0].value, query::Value::make_string(s));
}

TEST(ParseConstants, EmptyStringAndStringWithPeriodAndQuestionMark) {
  query::Program p = parse_ok("p(\"\"). q(\"a. b? c :- d\").");
  ASSERT_EQ(p.rules.size(), 2u);
  EXPECT_EQ(p.rules[0].head.args[0].value, query::Value::make_string(""));
  EXPECT_EQ(p.rules[1].head.args[0].value, query::Value::make_string("a. b? c :- d"));
}

TEST(ParseConstants, DatesDurationsAndMoney) {
  EXPECT_EQ(rule_text("p(2026-03-01, 1970-01-01, 0001-01-01, 9999-12-31)."),
            "p(date 2026-03-01, date 1970-01-01, date 0001-01-01, date 9999-12-31)");
  EXPECT_EQ(only_rule("p(1970-01-02).").head.args[0].value, query::Value::make_date(1));
  EXPECT_EQ(only_rule("p(1969-12-31).").head.args[0].value, query::Value::make_date(-1));
  EXPECT_EQ(rule_text("p(30d, 2w, 1w3d, 6mo, 1y, 1y6mo, 1_000d, 0d)."),
            "p(duration 30 d, duration 14 d, duration 10 d, duration 6 mo, duration 12 mo, duration 18 mo, "
            "duration 1000 d, duration 0 d)");
  EXPECT_EQ(rule_text("p($50_000_000_000, $12.5, $0.05, \u20ac3, \u00a30.99, USD 7, CHF  1_000.25, JPY 5000, KWD 1.25)."),
            "p(money 5000000000000 USD, money 1250 USD, money 5 USD, money 300 EUR, money 99 GBP, money 700 USD, "
            "money 100025 CHF, money 5000 JPY, money 1250 KWD)");
}

TEST(ParseConstants, MinusOnADurationOrAmountFoldsIntoTheConstant) {
  EXPECT_EQ(rule_text("p(-30d, -$5, - CHF 2, -(-1y))."),
            "p(duration -30 d, money -500 USD, money -200 CHF, duration 12 mo)");
  // A date has no negation: left to the type check.
  EXPECT_EQ(rule_text("p(X) :- X = -2026-03-01."), "p(X) :- X = -(date 2026-03-01)");
}

TEST(ParseConstants, ADateIsExactlyFourTwoTwoDigits) {
  // Otherwise it is arithmetic, as it always was.
  EXPECT_EQ(rule_text("p(X) :- X = 2026-3-1."), "p(X) :- X = ((2026 - 3) - 1)");
  EXPECT_EQ(rule_text("p(X) :- X = 2026 - 03 - 01."), "p(X) :- X = ((2026 - 3) - 1)");
  EXPECT_EQ(rule_text("p(X) :- X = 2026-03-01-1."), "p(X) :- X = (date 2026-03-01 - 1)");
}

TEST(ParseConstants, DecimalPointsStayInsideTheStatement) {
  query::Program p = parse_ok("a($1.50). b(\u20ac0.5).c(1).");
  ASSERT_EQ(p.rules.size(), 3u);
  EXPECT_EQ(text_of(p.rules[0]), "a(money 150 USD)");
  EXPECT_EQ(text_of(p.rules[1]), "b(money 50 EUR)");
  EXPECT_EQ(p.rules[0].text, "a($1.50).");
}

TEST(ParseTerms, Variables) {
  query::Rule r = only_rule("p(X, _, _Y, Abc_1) :- q(X, _Y, Abc_1).");
  ASSERT_EQ(r.head.args.size(), 4u);
  EXPECT_EQ(r.head.args[0].kind, Term::Kind::Variable);
  EXPECT_EQ(r.head.args[0].name, "X");
  EXPECT_EQ(r.head.args[1].name, "_");
  EXPECT_TRUE(r.head.args[1].is_anonymous());
  EXPECT_EQ(r.head.args[2].name, "_Y");
  EXPECT_FALSE(r.head.args[2].is_anonymous());
  EXPECT_EQ(r.head.args[3].name, "Abc_1");
}

TEST(ParseTerms, Precedence) {
  EXPECT_EQ(rule_text("p(X + Y * Z)."), "p((X + (Y * Z)))");
  EXPECT_EQ(rule_text("p(X * Y + Z)."), "p(((X * Y) + Z))");
  EXPECT_EQ(rule_text("p(A + B * C - D / 2 \\ 3)."), "p(((A + (B * C)) - ((D / 2) \\ 3)))");
  EXPECT_EQ(rule_text("p((X + Y) * Z)."), "p(((X + Y) * Z))");
  EXPECT_EQ(rule_text("p(A * B * C + D * E)."), "p((((A * B) * C) + (D * E)))");
}

TEST(ParseTerms, LeftAssociative) {
  EXPECT_EQ(rule_text("p(A - B - C)."), "p(((A - B) - C))");
  EXPECT_EQ(rule_text("p(A / B / C)."), "p(((A / B) / C))");
  EXPECT_EQ(rule_text("p(A \\ B * C)."), "p(((A \\ B) * C))");
  EXPECT_EQ(rule_text("p(A - (B - C))."), "p((A - (B - C)))");
}

TEST(ParseTerms, UnaryMinusBindsTightest) {
  EXPECT_EQ(rule_text("p(-X * Y)."), "p((-(X) * Y))");
  EXPECT_EQ(rule_text("p(- X + 3)."), "p((-(X) + 3))");
  EXPECT_EQ(rule_text("p(-(X + 1))."), "p(-((X + 1)))");
  EXPECT_EQ(rule_text("p(X - -1)."), "p((X - -1))");
  EXPECT_EQ(rule_text("p(X--1)."), "p((X - -1))");
  EXPECT_EQ(rule_text("p(--X)."), "p(-(-(X)))");
  EXPECT_EQ(rule_text("p(-a)."), "p(-(a))");
  EXPECT_EQ(rule_text("p(2*-3)."), "p((2 * -3))");
}

TEST(ParseTerms, ArithmeticNodes) {
  query::Rule r = only_rule("p(X + 1 * Y).");
  const Term& t = r.head.args.at(0);
  EXPECT_EQ(t.kind, Term::Kind::Arith);
  EXPECT_EQ(t.op, query::ArithOp::Add);
  ASSERT_EQ(t.operands.size(), 2u);
  EXPECT_EQ(t.operands[1].op, query::ArithOp::Mul);
  query::Rule n = only_rule("p(-X).");
  EXPECT_EQ(n.head.args.at(0).kind, Term::Kind::Arith);
  EXPECT_EQ(n.head.args.at(0).op, query::ArithOp::Neg);
  EXPECT_EQ(n.head.args.at(0).operands.size(), 1u);
}

TEST(ParseTerms, ParenthesesAddNoNodes) {
  EXPECT_EQ(rule_text("p(((X)), ((1)))."), "p(X, 1)");
}

// ---- atoms, literals, rules ----

TEST(ParseAtoms, ZeroArityAndStrongNegation) {
  EXPECT_EQ(rule_text("raining."), "raining");
  EXPECT_EQ(rule_text("-raining."), "-raining");
  EXPECT_EQ(rule_text("-liable(X) :- - owes(X), not -paid(X), dry."),
            "-liable(X) :- -owes(X), not -paid(X), dry");
  query::Rule r = only_rule("-p(a) :- -q.");
  EXPECT_TRUE(r.head.strong_negation);
  EXPECT_EQ(r.head.predicate, "p");
  ASSERT_EQ(r.body.size(), 1u);
  EXPECT_TRUE(r.body[0].atom.strong_negation);
  EXPECT_FALSE(r.body[0].negated);
  EXPECT_EQ(r.body[0].kind, query::Literal::Kind::Atom);
}

TEST(ParseAtoms, NotIsAKeywordOnlyAsAWholeWord) {
  EXPECT_EQ(rule_text("p :- not q, nothing, notable(X), not_this."),
            "p :- not q, nothing, notable(X), not_this");
  query::Rule r = only_rule("p :- not q(X).");
  EXPECT_TRUE(r.body.at(0).negated);
}

TEST(ParseLiterals, Comparisons) {
  EXPECT_EQ(rule_text("p(X) :- q(X), X = 1, X != 2, X < 3, X <= 4, X > 5, X >= 6."),
            "p(X) :- q(X), X = 1, X != 2, X < 3, X <= 4, X > 5, X >= 6");
  EXPECT_EQ(rule_text("p :- a < b, a + 1 = X, -a < 3, \"s\" != t."),
            "p :- a < b, (a + 1) = X, -(a) < 3, \"s\" != t");
  query::Rule r = only_rule("p(X) :- q(X, Y), X + 1 >= Y * 2.");
  const query::Literal& c = r.body.at(1);
  EXPECT_EQ(c.kind, query::Literal::Kind::Comparison);
  EXPECT_EQ(c.op, query::CompareOp::Ge);
  EXPECT_EQ(text_of(c.lhs), "(X + 1)");
  EXPECT_EQ(text_of(c.rhs), "(Y * 2)");
}

TEST(ParseLiterals, AggregateBoundOnTheLeft) {
  query::Rule r = only_rule("n(N) :- N = #count{ X, Y : parent(X, Y), not q(X); Z : q(Z) }.");
  ASSERT_EQ(r.body.size(), 1u);
  const query::Literal& a = r.body[0];
  EXPECT_EQ(a.kind, query::Literal::Kind::Aggregate);
  EXPECT_EQ(a.function, query::AggregateFunction::Count);
  EXPECT_EQ(a.op, query::CompareOp::Eq);
  EXPECT_EQ(text_of(a.lhs), "N");
  ASSERT_EQ(a.elements.size(), 2u);
  EXPECT_EQ(a.elements[0].terms.size(), 2u);
  ASSERT_EQ(a.elements[0].condition.size(), 2u);
  EXPECT_TRUE(a.elements[0].condition[1].negated);
  EXPECT_EQ(text_of(a), "N = #count{X, Y : parent(X, Y), not q(X); Z : q(Z)}");
}

TEST(ParseLiterals, AggregateBoundOnTheRightIsMirrored) {
  EXPECT_EQ(rule_text("p :- #count{ X : q(X) } > 3."), "p :- 3 < #count{X : q(X)}");
  EXPECT_EQ(rule_text("p :- #sum{ X : q(X) } >= 3."), "p :- 3 <= #sum{X : q(X)}");
  EXPECT_EQ(rule_text("p :- #min{ X : q(X) } < 3."), "p :- 3 > #min{X : q(X)}");
  EXPECT_EQ(rule_text("p :- #max{ X : q(X) } <= 3."), "p :- 3 >= #max{X : q(X)}");
  EXPECT_EQ(rule_text("p :- #count{ X : q(X) } = 3."), "p :- 3 = #count{X : q(X)}");
  EXPECT_EQ(rule_text("p :- #count{ X : q(X) } != 3."), "p :- 3 != #count{X : q(X)}");
  query::Rule r = only_rule("p :- #count{ X : q(X) } > 3.");
  EXPECT_EQ(r.body.at(0).op, query::CompareOp::Lt);
  EXPECT_EQ(r.body.at(0).lhs.value, query::Value::make_integer(3));
}

TEST(ParseLiterals, AggregateForms) {
  EXPECT_EQ(rule_text("p(S) :- S = #sum{ A, C : amount(C, A), A > 0, C != x }."),
            "p(S) :- S = #sum{A, C : amount(C, A), A > 0, C != x}");
  EXPECT_EQ(rule_text("p :- 0 = #count{}."), "p :- 0 = #count{}");
  EXPECT_EQ(rule_text("p :- 1 < #count{ a; b; c }."), "p :- 1 < #count{a; b; c}");
  EXPECT_EQ(rule_text("p(M) :- M = #min{ X + 1, -X : q(X) }."),
            "p(M) :- M = #min{(X + 1), -(X) : q(X)}");
  EXPECT_EQ(rule_text("p :- N + 1 = #max{ X : q(X) }."), "p :- (N + 1) = #max{X : q(X)}");
  EXPECT_EQ(rule_text("p:-#count{X:q(X)}>3,r."), "p :- 3 < #count{X : q(X)}, r");
}

TEST(ParseRules, TextIsTheStatementAsWritten) {
  query::Program p = parse_ok(
      "% leading comment\n"
      "  owns(a, b).   % trailing\n"
      "controls(X, Y) :- /* why */ owns(X, Y),\n"
      "    not  exempt(X).\n");
  ASSERT_EQ(p.rules.size(), 2u);
  EXPECT_EQ(p.rules[0].text, "owns(a, b).");
  EXPECT_EQ(p.rules[1].text, "controls(X, Y) :- /* why */ owns(X, Y),\n    not  exempt(X).");
  EXPECT_EQ(p.rules[0].kind, query::RuleKind::Strict);
  EXPECT_FALSE(p.rules[0].label.has_value());
}

TEST(ParseRules, StatementsNeedNoSpaceOrNewlineBetweenThem) {
  query::Program p = parse_ok("a.b:-a.c(1).?-b.b?");
  ASSERT_EQ(p.rules.size(), 3u);
  ASSERT_EQ(p.queries.size(), 2u);
  EXPECT_EQ(p.rules[1].text, "b:-a.");
  EXPECT_EQ(p.queries[0].text, "b");
  EXPECT_EQ(p.queries[1].text, "b");
}

TEST(ParseRules, OrderIsKept) {
  query::Program p = parse_ok("b. ?- a. a :- b. c? d.");
  ASSERT_EQ(p.rules.size(), 3u);
  EXPECT_EQ(p.rules[0].head.predicate, "b");
  EXPECT_EQ(p.rules[1].head.predicate, "a");
  EXPECT_EQ(p.rules[2].head.predicate, "d");
  ASSERT_EQ(p.queries.size(), 2u);
  EXPECT_EQ(p.queries[0].text, "a");
  EXPECT_EQ(p.queries[1].text, "c");
}

TEST(ParseRules, EmptyTextAndCommentsOnly) {
  EXPECT_TRUE(parse_ok("").rules.empty());
  query::Program p = parse_ok("  % nothing\n/* at\n all */\n\t\n");
  EXPECT_TRUE(p.rules.empty());
  EXPECT_TRUE(p.queries.empty());
}

TEST(ParseRules, CommentsBetweenAnyTokens) {
  EXPECT_EQ(rule_text("p/*a*/(/*b*/X/*c*/,%d\n1/**/)/**/:-%e\nq(X)/*f*/,X/**/>/**/1%g\n."),
            "p(X, 1) :- q(X), X > 1");
  // `/` followed by `*` opens a comment even right after a term.
  EXPECT_EQ(rule_text("p(X/*c*/ / 2)."), "p((X / 2))");
}

// ---- queries ----

TEST(ParseQueries, BothForms) {
  query::Program p = parse_ok("?- path(1, X), not edge(X, 2).\npath(1, X), X > 3 ?");
  ASSERT_EQ(p.queries.size(), 2u);
  EXPECT_EQ(p.queries[0].text, "path(1, X), not edge(X, 2)");
  EXPECT_EQ(text_of(p.queries[0]), "?- path(1, X), not edge(X, 2)");
  EXPECT_EQ(p.queries[1].text, "path(1, X), X > 3");
  EXPECT_EQ(p.queries[0].location.line, 1u);
  EXPECT_EQ(p.queries[0].location.column, 1u);
  EXPECT_EQ(p.queries[1].location.line, 2u);
  EXPECT_EQ(p.queries[1].location.column, 1u);
}

TEST(ParseQueries, TextIsTrimmed) {
  query::Program p = parse_ok("?-   /* c */ p(X) ,\n q(X)   % c\n .");
  ASSERT_EQ(p.queries.size(), 1u);
  EXPECT_EQ(p.queries[0].text, "p(X) ,\n q(X)");
}

TEST(ParseQueries, AggregatesAndComparisonsInQueries) {
  query::Program p = parse_ok("?- N = #count{ X : p(X) }, N > 2.");
  ASSERT_EQ(p.queries.size(), 1u);
  EXPECT_EQ(text_of(p.queries[0]), "?- N = #count{X : p(X)}, N > 2");
}

TEST(ParseGoal, Forms) {
  for (const char* text : {"path(1, X), not edge(X, 2)", "?- path(1, X), not edge(X, 2).",
                           "path(1, X), not edge(X, 2)?", "  path(1,X),not edge(X,2) . % c",
                           "?-path(1, X), not edge(X, 2)"}) {
    GoalResult g = parse_goal(text, 3);
    EXPECT_TRUE(g.diagnostics.empty()) << text << "\n" << messages(g.diagnostics);
    ASSERT_TRUE(g.query.has_value()) << text;
    EXPECT_EQ(text_of(*g.query), "?- path(1, X), not edge(X, 2)") << text;
    EXPECT_EQ(g.query->body.at(0).location.source, 3u);
  }
  GoalResult g = parse_goal("  p(X), q(X) .", 0);
  ASSERT_TRUE(g.query.has_value());
  EXPECT_EQ(g.query->text, "p(X), q(X)");
  EXPECT_EQ(g.query->location.column, 3u);
}

// ---- locations ----

TEST(ParseLocations, NodesPointAtTheirFirstCharacter) {
  ParseResult r = parse_program(
      "p(a).\n"
      "  reach(X, Z) :- edge(X, Y),\n"
      "\tnot blocked(Y), Z = Y + -1.\n",
      42);
  ASSERT_TRUE(r.diagnostics.empty()) << messages(r.diagnostics);
  ASSERT_EQ(r.program.rules.size(), 2u);
  const query::Rule& fact = r.program.rules[0];
  EXPECT_EQ(fact.location.source, 42u);
  EXPECT_EQ(fact.location.line, 1u);
  EXPECT_EQ(fact.location.column, 1u);
  EXPECT_EQ(fact.location.offset, 0u);
  EXPECT_EQ(fact.location.length, 5u);
  const query::Rule& rule = r.program.rules[1];
  EXPECT_EQ(rule.location.line, 2u);
  EXPECT_EQ(rule.location.column, 3u);
  EXPECT_EQ(rule.location.offset, 8u);
  EXPECT_EQ(rule.location.length, rule.text.size());
  EXPECT_EQ(rule.head.location.column, 3u);
  EXPECT_EQ(rule.head.location.length, 11u);  // reach(X, Z)
  // Each variable occurrence has its own place.
  EXPECT_EQ(rule.head.args[0].location.line, 2u);
  EXPECT_EQ(rule.head.args[0].location.column, 9u);
  EXPECT_EQ(rule.head.args[0].location.length, 1u);
  EXPECT_EQ(rule.head.args[1].location.column, 12u);
  const query::Literal& edge = rule.body.at(0);
  EXPECT_EQ(edge.location.line, 2u);
  EXPECT_EQ(edge.location.column, 18u);
  EXPECT_EQ(edge.atom.location.column, 18u);
  EXPECT_EQ(edge.atom.args[1].location.column, 26u);
  const query::Literal& not_blocked = rule.body.at(1);
  EXPECT_EQ(not_blocked.location.line, 3u);
  EXPECT_EQ(not_blocked.location.column, 2u);  // at `not`, after a tab
  EXPECT_EQ(not_blocked.atom.location.column, 6u);
  EXPECT_EQ(not_blocked.atom.args[0].location.column, 14u);
  const query::Literal& cmp = rule.body.at(2);
  EXPECT_EQ(cmp.location.line, 3u);
  EXPECT_EQ(cmp.location.column, 18u);
  EXPECT_EQ(cmp.lhs.location.column, 18u);
  EXPECT_EQ(cmp.rhs.location.column, 22u);     // the sum starts at Y
  EXPECT_EQ(cmp.rhs.location.length, 6u);      // Y + -1
  EXPECT_EQ(cmp.rhs.operands[0].location.column, 22u);
  EXPECT_EQ(cmp.rhs.operands[1].location.column, 26u);  // -1 starts at its minus sign
  EXPECT_EQ(cmp.rhs.operands[1].location.length, 2u);
}

TEST(ParseLocations, StrongNegationAndAggregates) {
  query::Rule r = only_rule("-p(X) :- q(X), #count{ Y : r(X, Y) } > 2.");
  EXPECT_EQ(r.head.location.column, 1u);  // at the minus sign
  const query::Literal& agg = r.body.at(1);
  EXPECT_EQ(agg.location.column, 16u);  // at '#'
  EXPECT_EQ(agg.lhs.location.column, 40u);
  EXPECT_EQ(agg.elements.at(0).terms.at(0).location.column, 24u);
  EXPECT_EQ(agg.elements.at(0).condition.at(0).location.column, 28u);
  EXPECT_EQ(agg.elements.at(0).condition.at(0).atom.args.at(1).location.column, 33u);
}

// Columns count characters, as an editor does: each 'é' (two bytes) is one column.
TEST(ParseLocations, ColumnsCountCharacters) {
  query::Rule r = only_rule("p(\"\xC3\xA9\xC3\xA9\", X).");
  EXPECT_EQ(r.head.args.at(1).location.column, 9u);
  EXPECT_EQ(r.head.args.at(1).location.offset, 10u);  // offsets still count bytes
}

TEST(ParseLocations, ParenthesisedTermsStartAtTheParenthesis) {
  query::Rule r = only_rule("p((X + 1) * 2).");
  EXPECT_EQ(r.head.args.at(0).location.column, 3u);
  EXPECT_EQ(r.head.args.at(0).location.length, 11u);
  EXPECT_EQ(r.head.args.at(0).operands.at(0).location.column, 4u);  // X + 1
}

}  // namespace
}  // namespace writ::grammar
