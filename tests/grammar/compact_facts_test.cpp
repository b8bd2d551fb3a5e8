// parse_program with compact facts (ParseOptions::compact_facts, the path of a bulk load
// into a store) must read exactly what the full grammar reads: the same plain facts with
// the same values and places, the same other statements, the same errors. Each text here
// is parsed both ways and the results compared.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "grammar/parse.hpp"
#include "query/ast_text.hpp"

namespace writ::test {
namespace {

// A plain fact as both paths give it: predicate, values, and line:column.
std::string fact_key(const std::string& predicate, const std::vector<query::Value>& values, const query::Location& at) {
  std::string key = predicate + "(";
  for (std::size_t i = 0; i < values.size(); ++i) key += (i ? ", " : "") + query::to_source(values[i]);
  return key + ") @" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

bool plain(const query::Rule& r) {
  if (!r.is_fact() || r.label || r.citation || r.kind != query::RuleKind::Strict) return false;
  for (const auto& t : r.head.args)
    if (t.kind != query::Term::Kind::Constant) return false;
  return true;
}

std::string name_of(const query::Rule& r) { return (r.head.strong_negation ? "-" : "") + r.head.predicate; }

// The facts and the other statements of a parse, and its diagnostics.
struct Reading {
  std::multiset<std::string> facts;
  std::vector<std::string> others;
  std::vector<std::string> diagnostics;
};

Reading read(const std::string& text, bool compact) {
  const auto parsed = grammar::parse_program(text, 0, grammar::ParseOptions{1, compact});
  Reading out;
  std::set<std::size_t> representatives;
  for (const auto& f : parsed.facts) {
    EXPECT_LT(f.representative, parsed.program.rules.size());
    representatives.insert(f.representative);
    const auto& first = parsed.program.rules[f.representative];
    EXPECT_EQ(name_of(first), f.predicate);
    EXPECT_EQ(first.head.args.size(), f.arity);
    EXPECT_EQ(f.values.size(), f.rows() * f.arity);
    for (std::size_t r = 0; r < f.rows(); ++r) {
      std::vector<query::Value> values(f.values.begin() + static_cast<std::ptrdiff_t>(r * f.arity),
                                       f.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * f.arity));
      out.facts.insert(fact_key(f.predicate, values, f.locations[r]));
    }
  }
  for (std::size_t i = 0; i < parsed.program.rules.size(); ++i) {
    const auto& r = parsed.program.rules[i];
    if (representatives.count(i)) continue;
    if (plain(r)) {
      std::vector<query::Value> values;
      for (const auto& t : r.head.args) values.push_back(t.value);
      out.facts.insert(fact_key(name_of(r), values, r.location));
    } else {
      out.others.push_back(r.text);
    }
  }
  for (const auto& q : parsed.program.queries) out.others.push_back("?- " + q.text);
  for (const auto& p : parsed.program.preferences) out.others.push_back(p.text);
  for (const auto& d : parsed.diagnostics)
    out.diagnostics.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
                              d.message);
  return out;
}

void same_reading(const std::string& text, const std::string& what) {
  const auto full = read(text, false);
  const auto compact = read(text, true);
  EXPECT_EQ(compact.facts, full.facts) << what;
  EXPECT_EQ(compact.others, full.others) << what;
  EXPECT_EQ(compact.diagnostics, full.diagnostics) << what;
}

TEST(CompactFacts, TrickyFactsReadAsTheFullGrammarReadsThem) {
  const std::vector<std::string> texts = {
      "edge(1, 2). edge(1, 2). edge(2,3).\nedge( 3 ,\n 4 ) .",
      "p(-5). p(- 5). p(-9223372036854775808). p(9223372036854775807). p(1_000_000).",
      "p(9223372036854775808). p(-9223372036854775809). p(1__0). p(1_).",
      "s(\"a\"). s(\"a\\\"b\"). s(\"\\u00e9t\\u00e9\"). s(\"caf\xc3\xa9\"). s(\"\\q\"). s(\"\xff\").",
      "p(a). p(a_B9). p(aB). -p(a). - p(b). not(1). p(not). blocks. blocks(x). p(means).",
      "p(1 + 2). p((1)). p(-(3)). p(X). p(_). p(f(1)). p(a, ). p(). p.",
      "l: p(1). p(1) @ src. p(1) @ src \"quote\". acme claims p(1). acme denies p(2).",
      "p(1) :- q(1). p(1) :~ q(1). blocks p(1) :~ q(1). p(X) means \"x\". a > b. #source s { k: 1 }.",
      "?- p(1). p(1)? p(1, % a comment\n 2). p(1 /* no such comment */).",
      "p(1). p(1, 2). p(a). -p(1). p(1,2,3).\np(\"x\")",
      "q(1)  .  q(2).q(3).",
      "d(2026-03-01). d(2026-02-30). d(-2026-03-01). d(2026-3-1). t(30d, 2w, 1y6mo, -1mo, - 3d, 1d2w).",
      "m($5, $12.50, -$0.05, - $1, \u20ac3, \u00a30.99, CHF 1_000, -CHF 2, USD 3, XYZ 1, $1.234, JPY 1.5).m($1.5).",
  };
  for (std::size_t i = 0; i < texts.size(); ++i) same_reading(texts[i], "text " + std::to_string(i));
}

TEST(CompactFacts, RepositoryFilesReadTheSame) {
  std::size_t files = 0;
  for (const auto& root : {"facts", "tests", "docs", "bench"}) {
    const auto dir = std::filesystem::path(WRIT_SOURCE_DIR) / root;
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".writ") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      same_reading(text.str(), entry.path().string());
      ++files;
    }
  }
  EXPECT_GT(files, 5u);
}

TEST(CompactFacts, OneRowsPerPredicateWithItsFirstFactAsARule) {
  const auto parsed = grammar::parse_program("e(1, 2). r(X) :- e(X, _). e(2, 3). -e(1, 2). e(4).", 0,
                                             grammar::ParseOptions{1, true});
  ASSERT_TRUE(parsed.diagnostics.empty());
  ASSERT_EQ(parsed.facts.size(), 3u);
  EXPECT_EQ(parsed.facts[0].predicate, "e");
  EXPECT_EQ(parsed.facts[0].arity, 2u);
  EXPECT_EQ(parsed.facts[0].rows(), 2u);
  EXPECT_EQ(parsed.facts[0].representative, 0u);
  EXPECT_EQ(parsed.facts[1].predicate, "-e");
  EXPECT_EQ(parsed.facts[1].representative, 2u);
  EXPECT_EQ(parsed.facts[2].predicate, "e");
  EXPECT_EQ(parsed.facts[2].arity, 1u);
  std::vector<std::string> rules;
  for (const auto& r : parsed.program.rules) rules.push_back(r.text);
  EXPECT_EQ(rules, (std::vector<std::string>{"e(1, 2).", "r(X) :- e(X, _).", "-e(1, 2).", "e(4)."}));
  EXPECT_EQ(parsed.facts[0].locations[1].column, 27u);
}

}  // namespace
}  // namespace writ::test
