// The legal-argument layer's syntax parses to the exact query AST expected: labels,
// defeasible rules, defeaters, citations, claims, preferences, sources, templates, and
// queries with a modality and a perspective.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grammar/parse.hpp"
#include "tests/grammar/ast_text.hpp"

namespace writ::grammar {
namespace {

using query::RuleKind;
using query::Value;
using test::full_text_of;
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
  EXPECT_TRUE(r.diagnostics.empty()) << text << "\n" << messages(r.diagnostics);
  return r.program;
}

// The rules of `text`, each as full_text_of renders it, one per line; nothing else may
// be in the text.
std::string rules(std::string_view text) {
  query::Program p = parse_ok(text);
  EXPECT_TRUE(p.queries.empty() && p.preferences.empty() && p.sources.empty() &&
              p.templates.empty())
      << text;
  std::string s;
  for (const auto& r : p.rules) s += full_text_of(r) + "\n";
  return s;
}

query::Rule only_rule(std::string_view text) {
  query::Program p = parse_ok(text);
  EXPECT_EQ(p.rules.size(), 1u) << text;
  return p.rules.empty() ? query::Rule{} : p.rules[0];
}

// The one query of `text`, as text_of renders it.
std::string query_text(std::string_view text) {
  query::Program p = parse_ok(text);
  if (p.queries.size() != 1 || !p.rules.empty()) return "<not one query>";
  return text_of(p.queries[0]);
}

// ---- labels ----

TEST(ParseLabels, BeforeEveryKindOfRuleAndClaim) {
  EXPECT_EQ(rules("r_covered: covered(X, C) :~ product_of(X, O).\n"
                  "r1: p(X) :- q(X).\n"
                  "f1: q(a).\n"
                  "d1: blocks covered(X, C) :~ exclusive(X).\n"
                  "c1: microsoft claims violates(aws_deal, partnership_agreement).\n"
                  "n1: -q(b).\n"),
            "r_covered: Defeasible covered(X, C) :~ product_of(X, O)\n"
            "r1: Strict p(X) :- q(X)\n"
            "f1: Strict q(a)\n"
            "d1: Defeater covered(X, C) :~ exclusive(X)\n"
            "c1: Claim[microsoft] violates(aws_deal, partnership_agreement)\n"
            "n1: Strict -q(b)\n");
}

TEST(ParseLabels, AColonBeforeMinusOrTildeIsAnArrow) {
  // `r:-p.` is a rule for r; with a blank after the colon, `-p` is a strongly negated fact.
  EXPECT_EQ(rules("r:-p. s:~p. t: -p. u :p. v:w:-x."),
            "Strict r :- p\n"
            "Defeasible s :~ p\n"
            "t: Strict -p\n"
            "u: Strict p\n"
            "v: Strict w :- x\n");
  // Keywords are plain names as labels.
  EXPECT_EQ(rules("not: p. blocks: q. means: r."),
            "not: Strict p\nblocks: Strict q\nmeans: Strict r\n");
}

TEST(ParseLabels, TextAndLocationIncludeTheLabel) {
  query::Program p = parse_ok("p.\n  r_covered :  covered(X, C) :~ product_of(X, O).\n");
  ASSERT_EQ(p.rules.size(), 2u);
  const query::Rule& r = p.rules[1];
  EXPECT_EQ(r.text, "r_covered :  covered(X, C) :~ product_of(X, O).");
  EXPECT_EQ(r.location.line, 2u);
  EXPECT_EQ(r.location.column, 3u);
  EXPECT_EQ(r.location.length, r.text.size());
  EXPECT_EQ(r.head.location.column, 16u);
}

// ---- defeasible rules and defeaters ----

TEST(ParseDefeasible, RulesWithStrongNegation) {
  EXPECT_EQ(rules("covered(X, C) :~ product_of(X, O), not exempt(X).\n"
                  "-covered(X, C) :~ separate(X), -bundled(X), X != a.\n"),
            "Defeasible covered(X, C) :~ product_of(X, O), not exempt(X)\n"
            "Defeasible -covered(X, C) :~ separate(X), -bundled(X), X != a\n");
  query::Rule r = only_rule("p(X) :~ q(X).");
  EXPECT_EQ(r.kind, RuleKind::Defeasible);
  EXPECT_FALSE(r.is_fact());
  EXPECT_FALSE(r.label.has_value());
  EXPECT_TRUE(r.claimant.empty());
  EXPECT_FALSE(r.citation.has_value());
}

TEST(ParseDefeasible, Defeaters) {
  EXPECT_EQ(rules("blocks covered(X, C) :~ exclusive(X).\n"
                  "blocks -covered(X, C) :~ bundled(X, C), #count{ Y : q(Y) } > 1.\n"
                  "blocks\n  p :~ q.\n"),
            "Defeater covered(X, C) :~ exclusive(X)\n"
            "Defeater -covered(X, C) :~ bundled(X, C), 1 < #count{Y : q(Y)}\n"
            "Defeater p :~ q\n");
  query::Rule r = only_rule("blocks p(X) :~ q(X).");
  EXPECT_EQ(r.head.location.column, 8u);
  EXPECT_EQ(r.text, "blocks p(X) :~ q(X).");
}

TEST(ParseDefeasible, BlocksIsAKeywordOnlyBeforeAnAtom) {
  EXPECT_EQ(rules("blocks. blocks :- q. blocks(X) :- q(X). blocks :~ q. p :- blocks, blocks(a).\n"
                  "blocksx :- q. blocks_p."),
            "Strict blocks\n"
            "Strict blocks :- q\n"
            "Strict blocks(X) :- q(X)\n"
            "Defeasible blocks :~ q\n"
            "Strict p :- blocks, blocks(a)\n"
            "Strict blocksx :- q\n"
            "Strict blocks_p\n");
}

// ---- citations ----

TEST(ParseCitations, OnEveryKindOfStatement) {
  EXPECT_EQ(rules("invested(microsoft, openai, 13_000_000_000) @ article \"Microsoft, which has "
                  "invested more than $13 billion in OpenAI\".\n"
                  "p(X) :- q(X) @ contract.\n"
                  "p(X) :~ q(X) @contract \"s. 2\".\n"
                  "blocks p(X) :~ r(X) @ memo \"an exception\".\n"
                  "openai denies p(a) @ insiders.\n"
                  "r1: q(b)@x\"\".\n"),
            "Strict invested(microsoft, openai, 13000000000) @article \"Microsoft, which has "
            "invested more than $13 billion in OpenAI\"\n"
            "Strict p(X) :- q(X) @contract\n"
            "Defeasible p(X) :~ q(X) @contract \"s. 2\"\n"
            "Defeater p(X) :~ r(X) @memo \"an exception\"\n"
            "Claim[openai denial] -p(a) @insiders\n"
            "r1: Strict q(b) @x\n");
}

TEST(ParseCitations, FieldsLocationAndText) {
  query::Program p = parse_ok("f(a).\nr1: p(X) :- q(X)  @  article \"it said \\\"so\\\"\\n\" .\n");
  ASSERT_EQ(p.rules.size(), 2u);
  EXPECT_FALSE(p.rules[0].citation.has_value());
  const query::Rule& r = p.rules[1];
  ASSERT_TRUE(r.citation.has_value());
  EXPECT_EQ(r.citation->source, "article");
  EXPECT_EQ(r.citation->quote, "it said \"so\"\n");
  // From the '@' to the end of the quote.
  EXPECT_EQ(r.citation->location.source, 7u);
  EXPECT_EQ(r.citation->location.line, 2u);
  EXPECT_EQ(r.citation->location.column, 19u);
  EXPECT_EQ(r.citation->location.length, 29u);
  EXPECT_EQ(r.text, "r1: p(X) :- q(X)  @  article \"it said \\\"so\\\"\\n\" .");
  query::Rule no_quote = only_rule("p @ article.");
  ASSERT_TRUE(no_quote.citation.has_value());
  EXPECT_EQ(no_quote.citation->quote, "");
  EXPECT_EQ(no_quote.citation->location.column, 3u);
  EXPECT_EQ(no_quote.citation->location.length, 9u);
  EXPECT_TRUE(no_quote.is_fact());
}

TEST(ParseCitations, TextReparsesToTheSameRule) {
  // The store saves a statement by its text and parses it again.
  const char* text =
      "r2: blocks covered(X, C) :~ exclusive(X) @ memo \"only if. exclusive\".";
  query::Rule first = only_rule(text);
  query::Rule again = only_rule(first.text);
  EXPECT_EQ(first.text, text);
  EXPECT_EQ(full_text_of(again), full_text_of(first));
  EXPECT_EQ(full_text_of(again),
            "r2: Defeater covered(X, C) :~ exclusive(X) @memo \"only if. exclusive\"");
}

// ---- claims ----

TEST(ParseClaims, ClaimsAndDenials) {
  EXPECT_EQ(rules("microsoft claims violates(aws_deal, partnership_agreement) @ article \"x\".\n"
                  "openai denies covered(frontier, partnership_agreement).\n"
                  "openai denies -covered(stargate, X).\n"
                  "m claims -p.\n"),
            "Claim[microsoft] violates(aws_deal, partnership_agreement) @article \"x\"\n"
            "Claim[openai denial] -covered(frontier, partnership_agreement)\n"
            "Claim[openai denial] covered(stargate, X)\n"
            "Claim[m] -p\n");
  query::Rule r = only_rule("  openai denies covered(frontier, partnership_agreement).");
  EXPECT_EQ(r.kind, RuleKind::Claim);
  EXPECT_EQ(r.claimant, "openai");
  EXPECT_TRUE(r.denial);
  EXPECT_TRUE(r.head.strong_negation);
  EXPECT_TRUE(r.body.empty());
  EXPECT_FALSE(r.is_fact());
  EXPECT_EQ(r.text, "openai denies covered(frontier, partnership_agreement).");
  EXPECT_EQ(r.location.column, 3u);
  EXPECT_EQ(r.head.location.column, 17u);
}

TEST(ParseClaims, ClaimsAndDeniesAreKeywordsOnlyAfterAClaimant) {
  EXPECT_EQ(rules("claims(X) :- p(X). p :- claims, denies(a). claims. denies :- claims.\n"
                  "claims claims denies. denies denies claims(a)."),
            "Strict claims(X) :- p(X)\n"
            "Strict p :- claims, denies(a)\n"
            "Strict claims\n"
            "Strict denies :- claims\n"
            "Claim[claims] denies\n"
            "Claim[denies denial] -claims(a)\n");
}

// ---- preferences ----

TEST(ParsePreferences, Fields) {
  query::Program p = parse_ok("r_separate > r_covered.\n  a>b .");
  ASSERT_EQ(p.preferences.size(), 2u);
  EXPECT_TRUE(p.rules.empty());
  EXPECT_EQ(p.preferences[0].stronger, "r_separate");
  EXPECT_EQ(p.preferences[0].weaker, "r_covered");
  EXPECT_EQ(p.preferences[0].text, "r_separate > r_covered.");
  EXPECT_EQ(p.preferences[0].location.line, 1u);
  EXPECT_EQ(p.preferences[0].location.column, 1u);
  EXPECT_EQ(p.preferences[0].location.length, 23u);
  EXPECT_EQ(p.preferences[1].stronger, "a");
  EXPECT_EQ(p.preferences[1].weaker, "b");
  EXPECT_EQ(p.preferences[1].text, "a>b .");
  EXPECT_EQ(p.preferences[1].location.line, 2u);
  EXPECT_EQ(p.preferences[1].location.column, 3u);
}

// ---- sources ----

TEST(ParseSources, Attributes) {
  query::Program p = parse_ok(
      "#source article { kind: news_report, title: \"Microsoft Threatens Legal Action\", "
      "published: 2026 }.\n"
      "#source insiders { kind: anonymous }.\n"
      "#source none {}.\n"
      "#source twice{a:1,a:-2_000,b:\"x\\ty. z\"}.");
  ASSERT_EQ(p.sources.size(), 4u);
  EXPECT_TRUE(p.rules.empty());
  const query::SourceDeclaration& article = p.sources[0];
  EXPECT_EQ(article.name, "article");
  ASSERT_EQ(article.attributes.size(), 3u);
  EXPECT_EQ(article.attributes[0].first, "kind");
  EXPECT_EQ(article.attributes[0].second, Value::make_symbol("news_report"));
  EXPECT_EQ(article.attributes[1].first, "title");
  EXPECT_EQ(article.attributes[1].second, Value::make_string("Microsoft Threatens Legal Action"));
  EXPECT_EQ(article.attributes[2].first, "published");
  EXPECT_EQ(article.attributes[2].second, Value::make_integer(2026));
  EXPECT_EQ(article.text,
            "#source article { kind: news_report, title: \"Microsoft Threatens Legal Action\", "
            "published: 2026 }.");
  EXPECT_EQ(article.location.line, 1u);
  EXPECT_EQ(article.location.column, 1u);
  EXPECT_EQ(article.location.length, article.text.size());
  EXPECT_EQ(p.sources[1].name, "insiders");
  ASSERT_EQ(p.sources[1].attributes.size(), 1u);
  EXPECT_EQ(p.sources[1].attributes[0].second, Value::make_symbol("anonymous"));
  EXPECT_EQ(p.sources[2].name, "none");
  EXPECT_TRUE(p.sources[2].attributes.empty());
  EXPECT_EQ(p.sources[2].location.line, 3u);
  const query::SourceDeclaration& twice = p.sources[3];
  ASSERT_EQ(twice.attributes.size(), 3u);
  EXPECT_EQ(twice.attributes[0], (std::pair<std::string, Value>("a", Value::make_integer(1))));
  EXPECT_EQ(twice.attributes[1], (std::pair<std::string, Value>("a", Value::make_integer(-2000))));
  EXPECT_EQ(twice.attributes[2],
            (std::pair<std::string, Value>("b", Value::make_string("x\ty. z"))));
}

// ---- templates ----

TEST(ParseTemplates, Fields) {
  query::Program p = parse_ok(
      "could_breach(P, A) means \"P could breach A\".\n"
      "raining means \"it rains\".\n"
      "-p(X, _, _) means \"not \\\"X\\\"\".\n");
  ASSERT_EQ(p.templates.size(), 3u);
  EXPECT_TRUE(p.rules.empty());
  const query::Template& t = p.templates[0];
  EXPECT_EQ(text_of(t.atom), "could_breach(P, A)");
  EXPECT_EQ(t.wording, "P could breach A");
  EXPECT_EQ(t.text, "could_breach(P, A) means \"P could breach A\".");
  EXPECT_EQ(t.location.line, 1u);
  EXPECT_EQ(t.location.column, 1u);
  EXPECT_EQ(t.location.length, t.text.size());
  EXPECT_EQ(t.atom.args.at(1).location.column, 17u);
  EXPECT_EQ(text_of(p.templates[1].atom), "raining");
  EXPECT_EQ(p.templates[1].wording, "it rains");
  EXPECT_EQ(text_of(p.templates[2].atom), "-p(X, _, _)");
  EXPECT_EQ(p.templates[2].wording, "not \"X\"");
}

TEST(ParseTemplates, MeansIsAKeywordOnlyAfterTheAtom) {
  EXPECT_EQ(rules("means. means(X) :- p(X). p :- means, means(a)."),
            "Strict means\nStrict means(X) :- p(X)\nStrict p :- means, means(a)\n");
}

// ---- queries ----

TEST(ParseQueries, Modalities) {
  EXPECT_EQ(query_text("?- could q(X)."), "?- could q(X)");
  EXPECT_EQ(query_text("?- does q(X), not r(X)."), "?- does q(X), not r(X)");
  EXPECT_EQ(query_text("?- could -q(X)."), "?- could -q(X)");
  EXPECT_EQ(query_text("?- does not q."), "?- does not q");
  EXPECT_EQ(query_text("?- could X = 1."), "?- could X = 1");
  EXPECT_EQ(query_text("?- does could."), "?- does could");
  EXPECT_EQ(query_text("?- could does."), "?- could does");
  EXPECT_EQ(query_text("could q(X)?"), "?- could q(X)");
  EXPECT_EQ(query_text("does  q?"), "?- does q");
  query::Program p = parse_ok("?- could q(X).");
  ASSERT_EQ(p.queries.size(), 1u);
  EXPECT_EQ(p.queries[0].modality, query::Modality::Could);
  EXPECT_EQ(p.queries[0].text, "q(X)");
  EXPECT_EQ(p.queries[0].location.column, 1u);
  EXPECT_EQ(p.queries[0].body.at(0).location.column, 10u);
  EXPECT_EQ(parse_ok("?- q.").queries.at(0).modality, query::Modality::Any);
}

TEST(ParseQueries, CouldAndDoesAloneAreAtoms) {
  EXPECT_EQ(query_text("?- could."), "?- could");
  EXPECT_EQ(query_text("?- could, p."), "?- could, p");
  EXPECT_EQ(query_text("?- does."), "?- does");
  EXPECT_EQ(query_text("?- could(X)."), "?- could(X)");
  EXPECT_EQ(query_text("?- could (X)."), "?- could(X)");
  EXPECT_EQ(query_text("?- could_breach(a, B)."), "?- could_breach(a, B)");
  EXPECT_EQ(query_text("?- doesnt."), "?- doesnt");
  EXPECT_EQ(query_text("could?"), "?- could");
  EXPECT_EQ(query_text("could, does?"), "?- could, does");
  EXPECT_EQ(query_text("?- could = X."), "?- could = X");
  EXPECT_EQ(parse_ok("?- could.").queries.at(0).modality, query::Modality::Any);
}

TEST(ParseQueries, Perspectives) {
  EXPECT_EQ(query_text("?- [microsoft] could_breach(frontier, A)."),
            "?- [microsoft] could_breach(frontier, A)");
  EXPECT_EQ(query_text("?- [openai] does covered(frontier, C)."),
            "?- [openai] does covered(frontier, C)");
  EXPECT_EQ(query_text("[microsoft] q(X)?"), "?- [microsoft] q(X)");
  EXPECT_EQ(query_text("[ m ]could q?"), "?- [m] could q");
  EXPECT_EQ(query_text("?-[m]could."), "?- [m] could");
  query::Program p = parse_ok("x.\n?- [openai]  does covered(frontier, C) .");
  ASSERT_EQ(p.queries.size(), 1u);
  const query::Query& q = p.queries[0];
  EXPECT_EQ(q.perspective, "openai");
  EXPECT_EQ(q.modality, query::Modality::Does);
  EXPECT_EQ(q.text, "covered(frontier, C)");
  EXPECT_EQ(q.location.line, 2u);
  EXPECT_EQ(q.location.column, 1u);
  EXPECT_EQ(q.body.at(0).location.column, 19u);
  EXPECT_EQ(parse_ok("?- q.").queries.at(0).perspective, "");
}

TEST(ParseGoal, PerspectiveAndModality) {
  for (const char* text : {"[microsoft] could p(X)", "?- [microsoft] could p(X).",
                           "[microsoft] could p(X)?", "  ?-[microsoft]could p(X)"}) {
    GoalResult g = parse_goal(text, 3);
    EXPECT_TRUE(g.diagnostics.empty()) << text << "\n" << messages(g.diagnostics);
    ASSERT_TRUE(g.query.has_value()) << text;
    EXPECT_EQ(text_of(*g.query), "?- [microsoft] could p(X)") << text;
    EXPECT_EQ(g.query->text, "p(X)") << text;
  }
  GoalResult does = parse_goal("does q", 0);
  ASSERT_TRUE(does.query.has_value());
  EXPECT_EQ(does.query->modality, query::Modality::Does);
  EXPECT_EQ(does.query->perspective, "");
  GoalResult could = parse_goal("could", 0);
  ASSERT_TRUE(could.query.has_value());
  EXPECT_EQ(text_of(*could.query), "?- could");
  EXPECT_EQ(could.query->modality, query::Modality::Any);
}

// ---- a whole argument ----

TEST(ParseArguments, AProgramOfEveryKind) {
  query::Program p = parse_ok(
      "#source article { kind: news_report, published: 2026 }.\n"
      "product_of(frontier, openai) @ article \"OpenAI's Frontier\".\n"
      "r_covered: covered(X, C) :~ product_of(X, O), party(O, C).\n"
      "r_separate: -covered(X, C) :~ separate_product(X).\n"
      "r_separate > r_covered.\n"
      "blocks covered(X, C) :~ carve_out(X, C).\n"
      "microsoft claims covered(frontier, partnership_agreement).\n"
      "openai denies covered(frontier, partnership_agreement).\n"
      "covered(X, C) means \"X is covered by C\".\n"
      "?- [openai] does covered(frontier, C).\n"
      "could covered(X, C)?\n");
  EXPECT_EQ(p.sources.size(), 1u);
  EXPECT_EQ(p.rules.size(), 6u);
  EXPECT_EQ(p.preferences.size(), 1u);
  EXPECT_EQ(p.templates.size(), 1u);
  ASSERT_EQ(p.queries.size(), 2u);
  EXPECT_EQ(text_of(p.queries[0]), "?- [openai] does covered(frontier, C)");
  EXPECT_EQ(text_of(p.queries[1]), "?- could covered(X, C)");
}

}  // namespace
}  // namespace writ::grammar
