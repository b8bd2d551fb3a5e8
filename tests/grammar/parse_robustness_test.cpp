// Hostile and broken input: no crash, no hang, no exception, no stack overflow, bounded
// output. (No timing here: the large cases just have to finish.)
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "grammar/parse.hpp"

namespace writ::grammar {
namespace {

bool has_message(const std::vector<query::Diagnostic>& ds, const std::string& message) {
  for (const auto& d : ds)
    if (d.message == message) return true;
  return false;
}

TEST(ParseRobustness, HundredThousandNestedParentheses) {
  const std::string text =
      "p(" + std::string(100'000, '(') + "1" + std::string(100'000, ')') + ").";
  ParseResult r = parse_program(text, 0);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "nesting deeper than 256 levels");
  EXPECT_EQ(r.diagnostics[0].location.column, 259u);
  EXPECT_TRUE(r.program.rules.empty());
  GoalResult g = parse_goal("X = " + std::string(100'000, '(') + "1", 0);
  EXPECT_TRUE(has_message(g.diagnostics, "nesting deeper than 256 levels"));
  EXPECT_FALSE(is_complete(text.substr(0, text.size() - 1)));
  EXPECT_TRUE(is_complete(text));
}

TEST(ParseRobustness, HundredThousandMinusSignsAndBraces) {
  ParseResult minus = parse_program("p(" + std::string(100'000, '-') + "1).", 0);
  EXPECT_TRUE(has_message(minus.diagnostics, "nesting deeper than 256 levels"));
  ParseResult spaced = parse_program("p(X) :- X = " + [] {
    std::string s;
    for (int i = 0; i < 100'000; ++i) s += "- ";
    return s;
  }() + "1.", 0);
  EXPECT_TRUE(has_message(spaced.diagnostics, "nesting deeper than 256 levels"));
  ParseResult braces = parse_program("p :- 1 < #count" + std::string(100'000, '{') + ".", 0);
  ASSERT_EQ(braces.diagnostics.size(), 1u);
  EXPECT_EQ(braces.diagnostics[0].message, "expected a term or '}'");
  ParseResult mixed = parse_program("p(" + [] {
    std::string s;
    for (int i = 0; i < 50'000; ++i) s += "-(";
    return s;
  }() + "1).", 0);
  EXPECT_TRUE(has_message(mixed.diagnostics, "nesting deeper than 256 levels"));
}

TEST(ParseRobustness, TenMegabyteLineOfArguments) {
  std::string args = "p(";
  while (args.size() < 10'000'000) args += "1,";
  ParseResult r = parse_program(args, 0);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "more than 10000 arguments");
  EXPECT_FALSE(is_complete(args));
}

TEST(ParseRobustness, TenMegabyteLineOfOperators) {
  std::string sum = "p(X) :- X = 1";
  while (sum.size() < 10'000'000) sum += " + 1";
  ParseResult s = parse_program(sum + ".", 0);
  ASSERT_EQ(s.diagnostics.size(), 1u);
  EXPECT_EQ(s.diagnostics[0].message, "nesting deeper than 256 levels");
}

TEST(ParseRobustness, LongValidLines) {
  // Valid long lines parse (1 MB here, to keep debug builds quick).
  const std::string big(1'000'000, 'x');
  ParseResult str = parse_program("p(\"" + big + "\").", 0);
  ASSERT_TRUE(str.diagnostics.empty());
  EXPECT_EQ(str.program.rules.at(0).head.args.at(0).value.text.size(), big.size());

  std::string facts;
  for (int i = 0; facts.size() < 300'000; ++i) facts += "f(" + std::to_string(i) + ").";
  ParseResult many = parse_program(facts, 0);
  EXPECT_TRUE(many.diagnostics.empty());
  EXPECT_GT(many.program.rules.size(), 25'000u);
}

TEST(ParseRobustness, TenMegabyteLineOfGarbage) {
  // A 10 MB line of garbage stops after 100 errors.
  std::string garbage;
  while (garbage.size() < 10'000'000) garbage += "@.";
  ParseResult g = parse_program(garbage, 0);
  EXPECT_EQ(g.diagnostics.size(), 101u);
}

TEST(ParseRobustness, NulBytesAndBinary) {
  const std::string nul("p(a).\0\0\0q(b).", 13);
  ParseResult r = parse_program(nul, 0);
  EXPECT_EQ(r.program.rules.size(), 1u);
  EXPECT_EQ(r.diagnostics.size(), 1u);
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
  EXPECT_NO_THROW(parse_program(all_bytes, 0));
  EXPECT_NO_THROW(parse_goal(all_bytes, 0));
  EXPECT_NO_THROW(is_complete(all_bytes));
}

// Random texts over a few alphabets, from plain bytes to the grammar's own tokens (which
// reach deeper into the grammar). Fixed seed: the same inputs on every run.
TEST(ParseRobustness, RandomInputsNeverThrow) {
  std::mt19937 rng(20240531);
  const std::vector<std::string> tokens = {
      "p",   "q(",  "X",    "_",   "1",    "-",   "+",      "*",  "/",   "\\",  "(",
      ")",   ",",   ".",    "?",   "?-",   ":-",  "not ",   "=",  "!=",  "<",   ">=",
      "#count{", "#sum{", "}",  ":",  ";",   "\"s\"", "\"",  "%",  "/*",  "*/",  "\n",
      " ",   "\\u", "9223372036854775808", "1_0", "\xC3", "\xFF", std::string(1, '\0')};
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const std::size_t length = rng() % 200;
    const int mode = i % 3;
    for (std::size_t k = 0; k < length; ++k) {
      if (mode == 0) {
        text += static_cast<char>(rng() % 256);
      } else if (mode == 1) {
        static const char printable[] = "pqX_1(),.?-:#{};=<>!\"\\% */\nabcnot";
        text += printable[rng() % (sizeof(printable) - 1)];
      } else {
        text += tokens[rng() % tokens.size()];
      }
    }
    ParseResult r;
    EXPECT_NO_THROW(r = parse_program(text, 0)) << i;
    EXPECT_LE(r.diagnostics.size(), 101u);
    for (const auto& d : r.diagnostics) {
      EXPECT_FALSE(d.message.empty());
      EXPECT_GE(d.location.line, 1u);
      EXPECT_GE(d.location.column, 1u);
      EXPECT_LE(d.location.offset, text.size());
    }
    EXPECT_NO_THROW(parse_goal(text, 0)) << i;
    EXPECT_NO_THROW(is_complete(text)) << i;
  }
}

// Every prefix of a valid program (a truncated file).
TEST(ParseRobustness, TruncatedPrograms) {
  const std::string program =
      "% sample\n"
      "owns(microsoft, openai, 49).\n"
      "name(microsoft, \"Microsoft \\\"Corp\\\" \\u00e9\").\n"
      "controls(X, Y) :- owns(X, Y, S), S > 50, not -exempt(X).\n"
      "big(X) :- N = #count{ Y : owns(X, Y, _) }, N >= 2 * (1 + 1).\n"
      "/* block */ ?- controls(X, Y).\n"
      "owns(X, Y, S)?\n";
  ASSERT_TRUE(parse_program(program, 0).diagnostics.empty());
  for (std::size_t n = 0; n <= program.size(); ++n) {
    const std::string prefix = program.substr(0, n);
    ParseResult r;
    EXPECT_NO_THROW(r = parse_program(prefix, 0)) << n;
    // The cut falls inside a statement, string or comment exactly when the text is not
    // complete, and only then is there an error; except a cut inside `?-`, which leaves a
    // complete but empty query `?`.
    const bool cut_query_prefix = !prefix.empty() && prefix.back() == '?' && program[n] == '-';
    EXPECT_EQ(is_complete(prefix), r.diagnostics.empty() || cut_query_prefix) << n << ": " << prefix;
  }
}

}  // namespace
}  // namespace writ::grammar
