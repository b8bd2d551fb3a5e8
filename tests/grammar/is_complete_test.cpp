// is_complete: does the text end a statement, or does the REPL need another line?
#include <gtest/gtest.h>

#include "grammar/parse.hpp"

namespace writ::grammar {
namespace {

TEST(IsComplete, NothingToWaitFor) {
  EXPECT_TRUE(is_complete(""));
  EXPECT_TRUE(is_complete("   \n\t"));
  EXPECT_TRUE(is_complete("% just a comment"));
  EXPECT_TRUE(is_complete("/* a closed comment */"));
}

TEST(IsComplete, EndsAStatement) {
  EXPECT_TRUE(is_complete("p(a)."));
  EXPECT_TRUE(is_complete("p(a).\n"));
  EXPECT_TRUE(is_complete("p(a). % comment"));
  EXPECT_TRUE(is_complete("p(a). /* comment */  "));
  EXPECT_TRUE(is_complete("?- p(X)."));
  EXPECT_TRUE(is_complete("p(X)?"));
  EXPECT_TRUE(is_complete("p(X) :-\n  q(X),\n  r(X)."));
  EXPECT_TRUE(is_complete("p(\"a\\\"b\")."));
  EXPECT_TRUE(is_complete("p :- 1 < #count{ X : q(X) }."));
  // A period after an unclosed bracket still ends that statement once a later one ends.
  EXPECT_TRUE(is_complete("p(a.\nq."));
  // Syntax errors are for the parser to report: the statement has ended.
  EXPECT_TRUE(is_complete("p q r."));
  EXPECT_TRUE(is_complete("."));
}

TEST(IsComplete, NeedsMore) {
  EXPECT_FALSE(is_complete("p(a)"));
  EXPECT_FALSE(is_complete("p(a) :- q(a),"));
  EXPECT_FALSE(is_complete("p(a). q(b)"));
  EXPECT_FALSE(is_complete("?- p(X)"));
  EXPECT_FALSE(is_complete("?-"));
  EXPECT_FALSE(is_complete("p(a) % the period is in a comment ."));
  EXPECT_FALSE(is_complete("p(a) /* . */"));
  EXPECT_FALSE(is_complete("p(\"a."));          // open string
  EXPECT_FALSE(is_complete("p(\"a\\\". ?"));    // still open: the quote is escaped
  EXPECT_FALSE(is_complete("p(a). /* open"));  // open comment
  EXPECT_FALSE(is_complete("p(a /* . */"));
  EXPECT_TRUE(is_complete("p(a."));             // an open bracket cannot be closed after the '.'
  EXPECT_FALSE(is_complete("p(a"));             // but without a '.', more input may close it
  EXPECT_TRUE(is_complete("p :- N = #count{ X : q(X)."));
  EXPECT_TRUE(is_complete("p :- X = (1 + 2."));
}

TEST(IsComplete, AStringBrokenByANewlineIsReportedNow) {
  // Strings cannot span lines, so waiting for more input would not help.
  EXPECT_TRUE(is_complete("p(\"abc\n"));
  EXPECT_FALSE(is_complete("p(\"abc\nq(a)"));
  EXPECT_TRUE(is_complete("p(\"abc\nq(a)."));
}

TEST(IsComplete, ArgumentStatements) {
  EXPECT_TRUE(is_complete("p @ article \"It said so. Then more.\"."));
  EXPECT_FALSE(is_complete("p @ article \"It said so. Then more.\""));
  EXPECT_FALSE(is_complete("p @ article \"It said so."));
  EXPECT_TRUE(is_complete("#source a { title: \"A. B? C\" }."));
  EXPECT_FALSE(is_complete("#source a { title: \"A. B? C\" }"));
  EXPECT_TRUE(is_complete("p(X) means \"X. Y\"."));
  EXPECT_TRUE(is_complete("r1: p :~ q."));
  EXPECT_TRUE(is_complete("r1 > r2."));
  EXPECT_TRUE(is_complete("[m] could p?"));
  EXPECT_FALSE(is_complete("?- [m] could p"));
}

TEST(IsComplete, QueryPrefixIsNotATerminator) {
  EXPECT_FALSE(is_complete("?-"));
  EXPECT_FALSE(is_complete("  ?- p"));
  EXPECT_TRUE(is_complete("p?"));
  EXPECT_TRUE(is_complete("p ?-q."));  // `p?` then the fact `-q.`
}

}  // namespace
}  // namespace writ::grammar
