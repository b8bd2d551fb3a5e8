// The built-in relations over citations and sources: cites/3 and source_attribute/3.
#include <gtest/gtest.h>

#include "kb_helpers.hpp"

namespace writ::test {
namespace {

constexpr const char* sourced = R"(#source article { kind: news_report, pages: 2 }.
#source insiders { kind: anonymous }.
respondent(d, openai) @ insiders "against both OpenAI and Amazon".
respondent(d, amazon) @ insiders "against both OpenAI and Amazon".
respondent(d, openai) @ article "OpenAI is named".
signed(openai).
microsoft denies covered(frontier) @ article "not persuaded".
r_cov: covered(X) :~ signed(X) @ article "a rule's source".
attributed(S) :- cites(S, Source, _), not source_attribute(Source, kind, anonymous).
anonymous_only(S) :- cites(S, Source, _), source_attribute(Source, kind, anonymous), not attributed(S).
)";

TEST(Citations, CitesAndSourceAttributesAreRelations) {
  auto kb = load_ok(sourced);
  EXPECT_EQ(rows(*kb, "cites(S, Source, Quote)"),
            (Rows{"r_cov, article, \"a rule's source\"",
                  "\"microsoft denies covered(frontier)\", article, \"not persuaded\"",
                  "\"respondent(d, amazon)\", insiders, \"against both OpenAI and Amazon\"",
                  "\"respondent(d, openai)\", article, \"OpenAI is named\"",
                  "\"respondent(d, openai)\", insiders, \"against both OpenAI and Amazon\""}));
  EXPECT_EQ(rows(*kb, "source_attribute(S, K, V)"),
            (Rows{"article, kind, news_report", "article, pages, 2", "insiders, kind, anonymous"}));
  // A fact stated by an attributable source too no longer rests only on anonymous ones;
  // the answers are established: they follow from the statements themselves.
  const auto r = kb->ask("anonymous_only(S)");
  ASSERT_EQ(r.outcome, kb::Outcome::Ok);
  ASSERT_EQ(r.answers.rows.size(), 1u);
  EXPECT_EQ(query::to_source(r.answers.rows[0][0]), "\"respondent(d, amazon)\"");
  ASSERT_EQ(r.answers.statuses.size(), 1u);
  EXPECT_EQ(r.answers.statuses[0], kb::Status::Established);
}

TEST(Citations, WhyShowsTheCitedStatement) {
  auto kb = load_ok(sourced);
  const auto r = kb->explain("cites(S, insiders, _), S = \"respondent(d, amazon)\"");
  ASSERT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
  ASSERT_EQ(r.explanations.size(), 1u);
  EXPECT_EQ(kb::render_text(r.explanations[0]),
            "cites(\"respondent(d, amazon)\", insiders, \"against both OpenAI and Amazon\"): established\n"
            "  for: citation of a fact at test.writ:4\n"
            "    respondent(d, amazon) @ insiders \"against both OpenAI and Amazon\".\n"
            "    source: insiders (anonymous): \"against both OpenAI and Amazon\"\n");
}

TEST(Citations, BuiltInsCannotBeDefinedAndHaveTheirArity) {
  kb::KnowledgeBase kb;
  const auto r = kb.load({{"t.writ",
                           "cites(a, b, c).\n"
                           "p(X) :- cites(X, Y).\n"
                           "q(X) :- source_attribute(X, kind, anonymous), -cites(X, _, _).\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(kb.render(r.diagnostics),
            "t.writ:1:1: error: 'cites/3' is built in (computed from the statements' citations and sources): no "
            "statement may conclude it\n"
            " 1 | cites(a, b, c).\n"
            "   | ^~~~~~~~~~~~~~\n"
            "t.writ:2:9: error: the built-in 'cites' takes 3 arguments (Statement, Source, Quote), not 2\n"
            " 2 | p(X) :- cites(X, Y).\n"
            "   |         ^~~~~~~~~~~\n"
            "t.writ:3:47: error: 'cites' is built in and has no contrary: write 'not cites(...)'\n"
            " 3 | q(X) :- source_attribute(X, kind, anonymous), -cites(X, _, _).\n"
            "   |                                               ^~~~~~~~~~~~~~~\n");
  const auto q = kb.ask("source_attribute(S, K)");
  EXPECT_EQ(q.outcome, kb::Outcome::InputError);
  EXPECT_EQ(kb.render(q.diagnostics),
            "<query>:1:1: error: the built-in 'source_attribute' takes 3 arguments (Source, Key, Value), not 2\n"
            " 1 | source_attribute(S, K)\n"
            "   | ^~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST(Citations, EmptyWithoutCitationsAndNoWarning) {
  kb::KnowledgeBase kb;
  const auto r = kb.load({{"t.writ", "p(a).\nq(S) :- cites(S, _, _).\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::Ok);
  EXPECT_EQ(kb.render(r.diagnostics), "");
  EXPECT_EQ(rows(kb, "q(S)"), (Rows{}));
}

}  // namespace
}  // namespace writ::test
