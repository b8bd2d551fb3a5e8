// Loads one statement at a time cost what they add (query/analysis/incremental_checks.hpp);
// these tests pin that they say and answer exactly what checking the whole program says.
// Nothing here is timed: the figures are in docs/performance.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "grammar/parse.hpp"
#include "kb_helpers.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/incremental_checks.hpp"
#include "query/analysis/variables.hpp"

namespace writ::test {
namespace {

using query::Diagnostic;

// Statements as a piped REPL reads them: lines gathered until they make a complete one.
std::vector<std::string> statements_of(const std::string& text) {
  std::vector<std::string> out;
  std::string pending;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    pending += line + '\n';
    if (grammar::is_complete(pending)) {
      if (pending.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(pending);
      pending.clear();
    }
  }
  if (pending.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(pending);
  return out;
}

// What load() keeps of a check: every error, and the warnings about the new source.
std::vector<Diagnostic> shown(std::vector<Diagnostic> checked, query::SourceId first_new) {
  std::erase_if(checked, [&](const Diagnostic& d) {
    return d.severity != query::Severity::Error && d.location.source < first_new;
  });
  return checked;
}

// Loads `statements` one by one as load() does, and compares at each step what the
// incremental checker says with what check_program() over the whole program says. With
// `retract_every`, drops an earlier rule now and then, as a retraction does (the index is
// then out of date and must notice). Returns how many steps had diagnostics.
int compare_step_by_step(const std::vector<std::string>& statements, std::size_t retract_every = 0, unsigned seed = 1) {
  query::SourceSet sources;
  query::Program whole;
  query::IncrementalChecker checker;
  std::mt19937 random(seed);
  int with_diagnostics = 0;
  for (std::size_t step = 0; step < statements.size(); ++step) {
    if (retract_every > 0 && step % retract_every == retract_every - 1 && !whole.rules.empty())
      whole.rules.erase(whole.rules.begin() + static_cast<std::ptrdiff_t>(random() % whole.rules.size()));
    const auto id = sources.add("s" + std::to_string(step) + ".writ", statements[step]);
    auto parsed = grammar::parse_program(sources.text(id), id);
    const auto before = query::extent_of(whole);
    for (auto& r : parsed.program.rules) whole.rules.push_back(std::move(r));
    for (auto& p : parsed.program.preferences) whole.preferences.push_back(std::move(p));
    for (auto& s : parsed.program.sources) whole.sources.push_back(std::move(s));
    for (auto& t : parsed.program.templates) whole.templates.push_back(std::move(t));
    whole.queries = std::move(parsed.program.queries);
    for (auto i = before.rules; i < whole.rules.size(); ++i) query::name_anonymous_variables(whole.rules[i]);
    for (auto& q : whole.queries) query::name_anonymous_variables(q);

    const auto expected = shown(query::check_program(whole), id);
    const auto got = shown(checker.check(whole, before), id);
    EXPECT_EQ(query::render(got, sources), query::render(expected, sources))
        << "after statement " << step << ": " << statements[step];
    if (!expected.empty()) ++with_diagnostics;

    whole.queries.clear();
    if (query::has_errors(expected) || query::has_errors(parsed.diagnostics)) {
      whole.rules.resize(before.rules);  // all or nothing, as load() does
      whole.preferences.resize(before.preferences);
      whole.sources.resize(before.sources);
      whole.templates.resize(before.templates);
    } else {
      checker.accept(whole);
    }
  }
  return with_diagnostics;
}

// Statements that make every kind of diagnostic the checks give, some only in company of
// earlier statements: a cycle through `not` or an aggregate closed by the last rule, a
// priority cycle, labels and sources used twice, templates, citations, arities.
const std::vector<std::string> tricky = {
    "q(1). q(2).\n",
    "p(X) :- q(X), not r(X).\n",
    "r(X) :- q(X), not p(X).\n",         // negation through recursion, through an old rule
    "r(X) :- q(X), s(X).\n",
    "s(X) :- r(X).\n",                   // a positive cycle: fine
    "t(X) :- s(X), not u(X).\n",
    "u(X) :- t(X).\n",                   // closes t -> not u -> t
    "u(X) :- v(X), w(X, 1).\n",          // v/1 and w/2 undefined
    "v(X) :- w(X).\n",                   // w/1: did you mean w/2?
    "w(1, 2).\n",
    "n(N) :- q(_), N = #count{ X : n(X) }.\n",
    "m(N) :- q(_), N = #count{ X : k(X) }.\n",
    "k(X) :- m(X).\n",                   // aggregation through recursion, closed later
    "p(X, Y) :- q(X).\n",                // unsafe, and p/2 besides p/1
    "?- p(X), qq(X).\n",                 // a query: did you mean q?
    "?- zz(1).\n",
    "zz(1, 2).\n",
    "a1: d(X) :~ q(X).\n",
    "a2: -d(X) :~ q(X), X > 1.\n",
    "a1: e(X) :- q(X).\n",               // label already used
    "a1 > a2.\n",
    "a2 > a3.\n",                        // no rule a3
    "a3: d(X) :~ q(X), X > 5.\n",
    "a2 > a3.\n",
    "a3 > a1.\n",                        // a priority cycle through two old priorities
    "a3 > a3.\n",
    "#source art { kind: news_report }.\n",
    "#source art { kind: other }.\n",    // declared twice
    "f(1) @ art \"one\".\n",
    "f(2) @ nowhere \"two\".\n",         // undeclared source
    "#source nowhere { kind: blog }.\n",
    "f(3) @ nowhere \"three\".\n",
    "f(X) means \"X is f\".\n",
    "g(X) means \"X is g\".\n",          // no rule defines g/1
    "f(X) means \"again\".\n",           // already has a template
    "g(1).\n",
    "cites(a, b, c).\n",                 // a built-in concluded
    "h(X) :- cites(X, _, _), source_attribute(X, _).\n",
    "-q(3).\n",
    "x(X) :- -q(X), not -q(X).\n",
    [] {  // more arguments than an atom may have
      std::string atom = "big(1";
      for (int i = 1; i < 65; ++i) atom += ", 1";
      return atom + ").\n";
    }(),
    "y(X) :- q(X), not -y(X).\n",
    "-y(X) :- y(X).\n",
    "p(X) :- q(X), not p(X).\n",         // negation on itself
    "l(X) :- q(X), l(X).\n",             // positive recursion on itself
    "q(",                                // a syntax error
};

TEST(IncrementalLoad, TrickyStatementsSayWhatTheWholeProgramSays) {
  EXPECT_GT(compare_step_by_step(tricky), 20);
  // In every order: uses before definitions, cycles closed from either end.
  for (unsigned seed = 1; seed <= 20; ++seed) {
    auto shuffled = tricky;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    compare_step_by_step(shuffled);
    compare_step_by_step(shuffled, 5, seed);
  }
}

TEST(IncrementalLoad, EveryWritFileOfTheRepositoryStatementByStatement) {
  std::vector<std::string> all;
  int files = 0;
  for (const char* dir : {"facts", "tests"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(WRIT_SOURCE_DIR) / dir)) {
      if (entry.path().extension() != ".writ") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      const auto statements = statements_of(text.str());
      compare_step_by_step(statements);
      all.insert(all.end(), statements.begin(), statements.end());
      ++files;
    }
  }
  EXPECT_GT(files, 10);
  // All of them in one program, in several orders. Each step checks the whole program again
  // (quadratic in the statements), so under a sanitizer one shuffled order stands for all.
#ifdef WRIT_SANITIZED
  constexpr unsigned orders = 1;
#else
  constexpr unsigned orders = 3;
  compare_step_by_step(all);
#endif
  for (unsigned seed = 1; seed <= orders; ++seed) {
    std::shuffle(all.begin(), all.end(), std::mt19937(seed));
    compare_step_by_step(all, 50, seed);
  }
}

// A REPL script of n statements, one per line, as `writ repl < script` loads it.
std::string script(int n) {
  std::string s = "#source log { kind: record }.\n";
  for (int i = 0; i < n; ++i) {
    switch (i % 10) {
      case 0: s += "node(" + std::to_string(i) + ").\n"; break;
      case 1: s += "edge(" + std::to_string(i - 1) + ", " + std::to_string(i) + ").\n"; break;
      case 2: s += "kind(" + std::to_string(i) + ", k" + std::to_string(i % 7) + ") @ log \"line\".\n"; break;
      case 3: s += "rule" + std::to_string(i) + ": linked" + std::to_string(i) + "(X) :- edge(X, _).\n"; break;
      case 4: s += "used" + std::to_string(i) + "(X) :- node(X), not missing" + std::to_string(i % 100) + "(X).\n"; break;
      case 5: s += "edge(" + std::to_string(i) + ").\n"; break;  // edge/1 besides edge/2: a warning
      case 6: s += "reach(X, Y) :- edge(X, Y).\n"; break;
      case 7: s += "reach(X, Z) :- reach(X, Y), edge(Y, Z).\n"; break;
      case 8: s += "count_kinds(K, N) :- kind(_, K), N = #count{ X : kind(X, K) }.\n"; break;
      case 9: s += "f" + std::to_string(i) + "(X) :- node(X) @ undeclared.\n"; break;
    }
  }
  return s;
}

// 20,000 statements; 2,000 under a sanitizer, where each load costs 20x more (the whole
// program is checked again per statement) and the behaviour checked is the same.
#ifdef WRIT_SANITIZED
constexpr int script_statements = 2000;
#else
constexpr int script_statements = 20000;
#endif

TEST(IncrementalLoad, ManyStatementsOneAtATimeAsOneBigLoad) {
  const std::string text = script(script_statements);
  kb::KnowledgeBase whole;
  const auto big = whole.load({{"script.writ", text}});
  ASSERT_EQ(big.outcome, kb::Outcome::Ok) << whole.render(big.diagnostics);

  // One statement per line, each loaded alone with its line number, as the REPL does.
  kb::KnowledgeBase piecewise;
  std::string said;
  std::istringstream in(text);
  std::uint32_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    const auto r = piecewise.load({{"script.writ", line, line_number}});
    ASSERT_EQ(r.outcome, kb::Outcome::Ok) << piecewise.render(r.diagnostics);
    said += piecewise.render(r.diagnostics);
  }
  // Every predicate is defined before it is used, except those never defined: so the
  // warnings are the same, in the same order.
  EXPECT_EQ(said, whole.render(big.diagnostics));
  EXPECT_GE(big.diagnostics.size(), static_cast<std::size_t>(script_statements / 10));

  EXPECT_EQ(piecewise.predicates().size(), whole.predicates().size());
  for (const char* goal : {"reach(0, X)", "count_kinds(K, N)", "used4(X)", "linked3(X)", "edge(X)"})
    EXPECT_EQ(rows(piecewise, goal), rows(whole, goal)) << goal;
  EXPECT_EQ(rows(whole, "reach(0, X)").size(), 1u);
  EXPECT_EQ(rows(whole, "count_kinds(K, N)").size(), 7u);

  // A statement that breaks the program is still refused, with the same message.
  const std::string bad = "used4(X) :- node(X), not bad(X).\nbad(X) :- used4(X).\n";
  const auto a = whole.load({{"bad.writ", bad}});
  const auto b = piecewise.load({{"bad.writ", bad}});
  EXPECT_EQ(a.outcome, kb::Outcome::InputError);
  EXPECT_EQ(piecewise.render(b.diagnostics), whole.render(a.diagnostics));
  EXPECT_NE(whole.render(a.diagnostics).find("negation through recursion"), std::string::npos);
}

TEST(IncrementalLoad, ARetractionIsNoticed) {
  auto kb = load_ok("q(1).\ns(1).\n");
  ASSERT_EQ(kb->retract("q(1).").outcome, kb::Outcome::Ok);
  // q/1 is no longer defined: the next use of it warns.
  const auto r = kb->load({{"next.writ", "s(X) :- q(X)."}});
  EXPECT_EQ(kb->render(r.diagnostics),
            "next.writ:1:9: warning: predicate 'q/1' is not defined by any fact or rule\n"
            " 1 | s(X) :- q(X).\n"
            "   |         ^~~~\n");
  const auto again = kb->load({{"again.writ", "q(2). t(X) :- q(X), not s(X)."}});
  EXPECT_EQ(again.outcome, kb::Outcome::Ok) << kb->render(again.diagnostics);
  EXPECT_EQ(rows(*kb, "t(X)"), Rows{});
  EXPECT_EQ(rows(*kb, "s(X)"), (Rows{"1", "2"}));
}

}  // namespace
}  // namespace writ::test
