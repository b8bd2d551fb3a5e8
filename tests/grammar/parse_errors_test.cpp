// Every syntax error: its exact message and position; recovery after errors; limits.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grammar/parse.hpp"

namespace writ::grammar {
namespace {

struct Expected {
  std::uint32_t line;
  std::uint32_t column;
  std::string message;
};

std::string show(const std::vector<query::Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds)
    s += std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " +
         d.message + "\n";
  return s;
}

std::string show(const std::vector<Expected>& es) {
  std::string s;
  for (const auto& e : es)
    s += std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
  return s;
}

void expect_errors(std::string_view text, const std::vector<Expected>& expected) {
  ParseResult r = parse_program(text, 1);
  EXPECT_EQ(show(r.diagnostics), show(expected)) << "in: " << text;
  for (const auto& d : r.diagnostics) {
    EXPECT_EQ(d.severity, query::Severity::Error);
    EXPECT_EQ(d.location.source, 1u);
  }
}

void expect_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                  const std::string& message) {
  expect_errors(text, {{line, column, message}});
}

// ---- the message for each place ----

TEST(ParseErrors, Heads) {
  expect_error("X :- p.", 1, 1, "expected an atom (a predicate name)");
  expect_error("123.", 1, 1, "expected an atom (a predicate name)");
  expect_error("\"p\".", 1, 1, "expected an atom (a predicate name)");
  expect_error("-X.", 1, 1, "expected an atom (a predicate name)");
  expect_error(".", 1, 1, "expected an atom (a predicate name)");
  expect_error("P(a).", 1, 1,
               "'P' starts with a capital letter, which makes it a variable: a predicate name starts with a "
               "lower-case letter (p)");
  expect_error("not p :- q.", 1, 1,
               "a head cannot be negated with 'not' (strong negation is written -p)");
  expect_error(":- p, q.", 1, 1,
               "a rule needs a head: constraints (':- body.') are not supported");
  expect_error("p(a) q(b).", 1, 6, "expected '.' or ':-' after the head");
  expect_error("p(a) :- q(b) r(c).", 1, 14, "expected ',' or '.'");
  expect_error("p :- q; r.", 1, 7, "expected ',' or '.'");
  expect_error("p :- .", 1, 6, "expected a literal (an atom, a comparison or an aggregate)");
  expect_error("p :- q, .", 1, 9, "expected a literal (an atom, a comparison or an aggregate)");
  expect_error("p :- q :- r.", 1, 8, "expected ',' or '.'");
}

TEST(ParseErrors, Arguments) {
  expect_error("p(a b).", 1, 5, "expected ')' or ','");
  expect_error("p(a,).", 1, 5, "expected a term");
  expect_error("p().", 1, 3, "expected a term");
  expect_error("p(a.", 1, 4, "expected ')' or ','");
  expect_error("p(a;b).", 1, 4, "expected ')' or ','");
  expect_error("p(12abc).", 1, 5, "expected ')' or ','");
  expect_error("p(f(a)).", 1, 4,
               "function terms are not supported: a constant cannot be followed by '('");
  expect_error("p(f (a)).", 1, 5,
               "function terms are not supported: a constant cannot be followed by '('");
  expect_error("p(X(a)).", 1, 4, "expected ')' or ','");
}

TEST(ParseErrors, Terms) {
  expect_error("p(1 +).", 1, 6, "expected a term");
  expect_error("p(*1).", 1, 3, "expected a term");
  expect_error("p(-).", 1, 4, "expected a term");
  expect_error("p((1).", 1, 6, "expected ')' or ','");
  expect_error("p((1.", 1, 5, "expected ')'");
  expect_error("p((1, 2)).", 1, 5, "expected ')'");
  expect_error("p(()).", 1, 4, "expected a term");
  expect_error("p(1_).", 1, 4, "'_' in an integer may only stand between digits");
  expect_error("p(1__000).", 1, 4, "'_' in an integer may only stand between digits");
  expect_error("p(#count).", 1, 3, "expected a term");
  expect_error("p(1 2).", 1, 5, "expected ')' or ','");
}

TEST(ParseErrors, BodyLiterals) {
  expect_error("p :- X.", 1, 7, "expected a comparison operator (=, !=, <, <=, >, >=)");
  expect_error("p :- 3.", 1, 7, "expected a comparison operator (=, !=, <, <=, >, >=)");
  expect_error("p :- a + 1.", 1, 11, "expected a comparison operator (=, !=, <, <=, >, >=)");
  expect_error("p :- X == 1.", 1, 9, "expected a term or an aggregate");
  expect_error("p :- X =< 1.", 1, 9, "expected a term or an aggregate");
  expect_error("p :- X = .", 1, 10, "expected a term or an aggregate");
  expect_error("p :- not X = 1.", 1, 10, "expected an atom after 'not'");
  expect_error("p :- not .", 1, 10, "expected an atom after 'not'");
  expect_error("p :- not not q.", 1, 10, "expected an atom after 'not'");
  expect_error("not.", 1, 1, "a head cannot be negated with 'not' (strong negation is written -p)");
  expect_error("p :- q(X) = 1.", 1, 7,
               "function terms are not supported: a constant cannot be followed by '('");
  expect_error("p :- 1 < X < 3.", 1, 12, "expected ',' or '.'");
}

TEST(ParseErrors, Aggregates) {
  expect_error("p :- #count{ X : q(X) }.", 1, 24,
               "expected a comparison operator and a bound after the aggregate");
  expect_error("p :- N = #cnt{ X : q(X) }.", 1, 10, "expected a term or an aggregate");
  expect_error("p :- #cnt{ X : q(X) } > 1.", 1, 6,
               "expected an aggregate (#count, #sum, #min or #max)");
  expect_error("p :- #counts{ X } > 1.", 1, 6,
               "expected an aggregate (#count, #sum, #min or #max)");
  expect_error("p :- N = #count X.", 1, 17, "expected '{'");
  expect_error("p :- N = #count{ : q(X) }.", 1, 18, "expected a term or '}'");
  expect_error("p :- N = #count{ X q(X) }.", 1, 20, "expected ',', ':', ';' or '}'");
  expect_error("p :- N = #count{ X : }.", 1, 22, "expected a literal (an atom or a comparison)");
  expect_error("p :- N = #count{ X : q(X) r }.", 1, 27, "expected ',', ';' or '}'");
  expect_error("p :- N = #count{ X : q(X); }.", 1, 28, "expected a term");
  expect_error("p :- N = #count{ X : N = #sum{ Y : r(Y) } }.", 1, 26, "expected a term");
  expect_error("p :- 1 < #count{ X : q(X) } < 3.", 1, 29, "an aggregate takes only one bound");
  expect_error("p :- #count{ X : q(X) } > .", 1, 27, "expected a term");
  expect_error("p :- #count{ X : q(X) } > #sum{ X : q(X) }.", 1, 27, "expected a term");
  expect_error("p :- N = #count{ X : q(X).", 1, 26, "expected ',', ';' or '}'");
}

TEST(ParseErrors, Queries) {
  expect_error("?- .", 1, 4, "expected a literal (an atom, a comparison or an aggregate)");
  expect_error("?- p q.", 1, 6, "expected ',' or '.'");
  expect_error("?- p(X)?", 1, 8, "expected ',' or '.'");
  expect_error("?", 1, 1, "expected a literal (an atom, a comparison or an aggregate)");
  expect_error("p(X) q(X)?", 1, 6, "expected ',' or '?'");
  expect_error("p(X) :- q(X)?", 1, 6, "expected ',' or '?'");
}

TEST(ParseErrors, EndOfInput) {
  expect_error("p(a)", 1, 5, "expected '.' or ':-' after the head at the end of the input");
  expect_error("p(a) :- q(a)", 1, 13, "expected ',' or '.' at the end of the input");
  expect_error("p(a,\n  b", 2, 4, "expected ')' or ',' at the end of the input");
  expect_error("p(X) :-\n", 2, 1,
               "expected a literal (an atom, a comparison or an aggregate) at the end of the input");
  expect_error("p(a). q % no end\n", 2, 1,
               "expected '.' or ':-' after the head at the end of the input");
}

// ---- the legal-argument layer ----

TEST(ParseErrors, Labels) {
  expect_error("r1: .", 1, 5, "expected an atom (a predicate name)");
  expect_error("r1: r2: p.", 1, 7, "expected '.' or ':-' after the head");
  expect_error("R1: p.", 1, 1, "expected an atom (a predicate name)");
  expect_error("r1: not p.", 1, 5,
               "a head cannot be negated with 'not' (strong negation is written -p)");
  expect_error("r1: r2 > r3.", 1, 8, "expected '.' or ':-' after the head");
}

TEST(ParseErrors, Defeaters) {
  expect_error("blocks p.", 1, 9, "expected ':~' (a defeater always has a body)");
  expect_error("blocks p(X) :- q(X).", 1, 13, "expected ':~' (a defeater always has a body)");
  expect_error("blocks p @ s.", 1, 10, "expected ':~' (a defeater always has a body)");
  expect_error("blocks p :~ .", 1, 13,
               "expected a literal (an atom, a comparison or an aggregate)");
  expect_error("blocks not p :~ q.", 1, 8, "expected an atom after 'blocks'");
  expect_error("blocks p q.", 1, 10, "expected ':~' (a defeater always has a body)");
  expect_error("blocks 3 :~ q.", 1, 8, "expected '.' or ':-' after the head");
  expect_error("p :~ q r.", 1, 8, "expected ',' or '.'");
  expect_error("p :~ .", 1, 6, "expected a literal (an atom, a comparison or an aggregate)");
}

TEST(ParseErrors, Citations) {
  expect_error("p @ .", 1, 5, "expected a source name after '@'");
  expect_error("p(a) @ \"quote\".", 1, 8, "expected a source name after '@'");
  expect_error("p @ Article.", 1, 5, "expected a source name after '@'");
  expect_error("p :- q @.", 1, 9, "expected a source name after '@'");
  expect_error("p @ s \"q\" extra.", 1, 11, "expected '.' after the citation");
  expect_error("p @ s q.", 1, 7, "expected '.' after the citation");
  expect_error("p :- q @ s, r.", 1, 11, "expected '.' after the citation");
  expect_error("p @ s \"a\" \"b\".", 1, 11, "expected '.' after the citation");
  expect_error("p @ s @ t.", 1, 7, "expected '.' after the citation");
  expect_error("p @ s", 1, 6, "expected '.' after the citation at the end of the input");
  expect_error("p @ s \"bad \\q\".", 1, 12,
               "unknown escape sequence '\\q' in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
  expect_error("p(X) :- q(X) @ s \"x\" :- r.", 1, 22, "expected '.' after the citation");
}

TEST(ParseErrors, Claims) {
  expect_error("microsoft claims .", 1, 18, "expected an atom after 'claims'");
  expect_error("microsoft claims X.", 1, 18, "expected an atom after 'claims'");
  expect_error("openai denies \"p\".", 1, 15, "expected an atom after 'denies'");
  expect_error("openai denies not p.", 1, 15, "expected an atom after 'denies'");
  expect_error("microsoft claims p(X) :- q(X).", 1, 23,
               "a claim has no body: write the reasons as rules");
  expect_error("openai denies p :~ q.", 1, 17, "a claim has no body: write the reasons as rules");
  expect_error("microsoft claims p q.", 1, 20, "expected '@' or '.' after the claim");
  expect_error("microsoft claims p", 1, 19,
               "expected '@' or '.' after the claim at the end of the input");
  expect_error("microsoft claims p @ .", 1, 22, "expected a source name after '@'");
  expect_error("Microsoft claims p.", 1, 1, "expected an atom (a predicate name)");
  expect_error("microsoft(x) claims p.", 1, 14, "expected '.' or ':-' after the head");
}

// Mistakes people bring from elsewhere: the message says what to write instead.
TEST(ParseErrors, HintsForCommonMistakes) {
  const std::string ascii =
      "cannot be part of a name: names are ASCII letters, digits and '_'; write other text as a string: ";
  expect_error("caf\xc3\xa9(1).", 1, 4, "'\xc3\xa9' " + ascii + "\"caf\xc3\xa9\"");
  // Columns count characters: the 'q' after "café" is the 11th (the 12th byte).
  expect_error("p(\"caf\xc3\xa9\") q.", 1, 11, "expected '.' or ':-' after the head");
  expect_error("p(na\xc3\xafve, 2).", 1, 5, "'\xc3\xaf' " + ascii + "\"na\xc3\xafve\"");
  expect_error("\xe6\x97\xa5(1).", 1, 1, "'\xe6\x97\xa5' " + ascii + "\"\xe6\x97\xa5\"");
  expect_error("Likes(a, b).", 1, 1,
               "'Likes' starts with a capital letter, which makes it a variable: a predicate name starts with a "
               "lower-case letter (likes)");
  expect_error("p(X) :- Edge(X, Y).", 1, 9,
               "'Edge' starts with a capital letter, which makes it a variable: a predicate name starts with a "
               "lower-case letter (edge)");
  expect_error("p(X) :- Edge (X, Y).", 1, 9,
               "'Edge' starts with a capital letter, which makes it a variable: a predicate name starts with a "
               "lower-case letter (edge)");
  expect_error("p(X) :- q(X), tina claims s(X).", 1, 20,
               "'claims' makes a statement of its own (tina claims ATOM.), not a condition: in a rule body or a "
               "question write the atom itself, and ask '?- [tina] GOAL.' for tina's perspective");
  expect_error("ok(X) :~ q(X), openai denies s(X).", 1, 23,
               "'denies' makes a statement of its own (openai denies ATOM.), not a condition: in a rule body or a "
               "question write the atom itself, and ask '?- [openai] GOAL.' for openai's perspective");
  expect_error("X(a) :- p.", 1, 1,
               "'X' starts with a capital letter, which makes it a variable: a predicate name starts with a "
               "lower-case letter (x)");
  // A variable alone, not called: what the grammar says is left as it is.
  expect_error("X :- p.", 1, 1, "expected an atom (a predicate name)");
}

TEST(ParseErrors, Preferences) {
  expect_error("r1 > R2.", 1, 6, "expected a rule's label after '>'");
  expect_error("r1 > 3.", 1, 6, "expected a rule's label after '>'");
  expect_error("r1 > .", 1, 6, "expected a rule's label after '>'");
  expect_error("r1 > \"r2\".", 1, 6, "expected a rule's label after '>'");
  expect_error("r1 > r2 > r3.", 1, 9, "expected '.' after the preference");
  expect_error("r1 > r2(a).", 1, 8, "expected '.' after the preference");
  expect_error("r1 > r2 @ s.", 1, 9, "expected '.' after the preference");
  expect_error("r1 >= r2.", 1, 4, "expected '.' or ':-' after the head");
  expect_error("R1 > r2.", 1, 1, "expected an atom (a predicate name)");
  expect_error("r1(a) > r2.", 1, 7, "expected '.' or ':-' after the head");
}

TEST(ParseErrors, Sources) {
  expect_error("#source article.", 1, 16, "expected '{' after the source's name");
  expect_error("#source article kind: x }.", 1, 17, "expected '{' after the source's name");
  expect_error("#source { kind: x }.", 1, 9, "expected a source name after '#source'");
  expect_error("#source Article {}.", 1, 9, "expected a source name after '#source'");
  expect_error("#source a { kind news }.", 1, 18, "expected ':' after the attribute's name");
  const std::string constant = "expected a constant (a symbol, a string, an integer, a date, a duration or money)";
  expect_error("#source a { kind: X }.", 1, 19, constant);
  expect_error("#source a { kind: }.", 1, 19, constant);
  expect_error("#source a { kind: -x }.", 1, 19, constant);
  expect_error("#source a { kind: 1 + 2 }.", 1, 21, "expected ',' or '}'");
  expect_error("#source a { kind: f(x) }.", 1, 20,
               "function terms are not supported: a constant cannot be followed by '('");
  expect_error("#source a { kind: a b }.", 1, 21, "expected ',' or '}'");
  expect_error("#source a { kind: a; b: c }.", 1, 20, "expected ',' or '}'");
  expect_error("#source a { , }.", 1, 13, "expected an attribute (name: value) or '}'");
  expect_error("#source a { k: 1, }.", 1, 19, "expected an attribute (name: value)");
  expect_error("#source a { \"k\": 1 }.", 1, 13, "expected an attribute (name: value) or '}'");
  expect_error("#source a {}", 1, 13, "expected '.' after the source at the end of the input");
  expect_error("#source a {} @ s.", 1, 14, "expected '.' after the source");
  expect_error("#source a { k: 99999999999999999999 }.", 1, 16,
               "integer literal out of range (64-bit signed)");
  expect_error("#source a { k: \"\\q\" }.", 1, 17,
               "unknown escape sequence '\\q' in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
  expect_error("#sources a {}.", 1, 1, "expected an atom (a predicate name)");
  expect_error("r1: #source a {}.", 1, 5, "expected an atom (a predicate name)");
}

TEST(ParseErrors, Templates) {
  const std::string distinct = "a template's arguments must be distinct variables";
  expect_error("p(X, a) means \"X and a\".", 1, 6, distinct);
  expect_errors("p(X, \"a\", 3) means \"X\".", {{1, 6, distinct}, {1, 11, distinct}});
  expect_error("p(X, Y, X) means \"X\".", 1, 9, distinct);
  expect_error("p(X + 1) means \"X\".", 1, 3, distinct);
  expect_error("p(X) means x.", 1, 12, "expected a string after 'means'");
  expect_error("p(X) means.", 1, 11, "expected a string after 'means'");
  expect_error("p(X) means \"X\" @ s.", 1, 16, "expected '.' after the template");
  expect_error("p(X) means \"X\" \"Y\".", 1, 16, "expected '.' after the template");
  expect_error("p(X) means \"\\q\".", 1, 13,
               "unknown escape sequence '\\q' in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
  expect_error("t1: p(X) means \"X\".", 1, 1, "a template cannot have a label");
  expect_error("p(X) :- q(X) means \"X\".", 1, 14, "expected ',' or '.'");
}

TEST(ParseErrors, QueryPrefixes) {
  expect_error("?- [X] p.", 1, 5, "expected a party's name");
  expect_error("?- [] p.", 1, 5, "expected a party's name");
  expect_error("?- [a p.", 1, 7, "expected ']'");
  expect_error("?- [a, b] p.", 1, 6, "expected ']'");
  expect_error("?- [a].", 1, 7, "expected a literal (an atom, a comparison or an aggregate)");
  expect_error("?- could [a] p.", 1, 10, "expected ',' or '.'");
  expect_error("[a] p.", 1, 1,
               "a perspective ('[party]') belongs to a query: write '?- [party] goal.'");
  expect_error("[a p?", 1, 4, "expected ']'");
  expect_error("could p.", 1, 7, "expected '.' or ':-' after the head");
}

// ---- lexical errors ----

TEST(ParseErrors, UnterminatedStringsAndComments) {
  expect_error("p(\"abc).\nq(a).", 1, 3, "unterminated string");
  expect_error("p(\"abc", 1, 3, "unterminated string");
  // A backslash does not continue a string on the next line; that line's quote then
  // opens another string.
  expect_errors("p(\"ab\\\nc\").", {{1, 3, "unterminated string"}, {2, 2, "unterminated string"}});
  expect_error("p(a). /* never closed\nq(b).", 1, 7, "unterminated comment");
  expect_error("p(a /* never closed", 1, 5, "unterminated comment");
  // The next line is read again after an unterminated string.
  expect_errors("p(\"abc).\nq(a b).\nr(\"x\n", {{1, 3, "unterminated string"},
                                                   {2, 5, "expected ')' or ','"},
                                                   {3, 3, "unterminated string"}});
  EXPECT_EQ(parse_program("p(\"abc).\nq(a).", 0).program.rules.size(), 1u);
}

TEST(ParseErrors, StringContents) {
  expect_error("p(\"a\\qb\").", 1, 5,
               "unknown escape sequence '\\q' in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
  expect_error("p(\"a\\\x01\").", 1, 5,
               "unknown escape sequence in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
  expect_error("p(\"\\u12\").", 1, 4, "'\\u' needs 4 hexadecimal digits");
  expect_error("p(\"\\u12G4\").", 1, 4, "'\\u' needs 4 hexadecimal digits");
  expect_error("p(\"\\uD800\").", 1, 4, "'\\uD800' is a UTF-16 surrogate, not a character");
  expect_error("p(\"\\udfff\").", 1, 4, "'\\udfff' is a UTF-16 surrogate, not a character");
  expect_error("p(\"\\u0000\").", 1, 4, "NUL character in string");
  expect_error(std::string_view("p(\"a\0b\").", 9), 1, 5, "NUL character in string");
  expect_error("p(\"ab\xFF\").", 1, 6, "invalid UTF-8 in string");
  expect_error("p(\"\xC3\").", 1, 4, "invalid UTF-8 in string");            // truncated
  expect_error("p(\"\xC0\xAF\").", 1, 4, "invalid UTF-8 in string");        // overlong
  expect_error("p(\"\xED\xA0\x80\").", 1, 4, "invalid UTF-8 in string");    // surrogate
  expect_error("p(\"\xF4\x90\x80\x80\").", 1, 4, "invalid UTF-8 in string"); // > U+10FFFF
  expect_error("p(\"\x80\").", 1, 4, "invalid UTF-8 in string");            // lone continuation
  // Raw bytes that are not UTF-8 outside strings are just unexpected characters.
  expect_error("p(\xFF).", 1, 3, "expected a term");
}

TEST(ParseErrors, IntegerOutOfRange) {
  const std::string message = "integer literal out of range (64-bit signed)";
  expect_error("p(9223372036854775808).", 1, 3, message);
  expect_error("p(-9223372036854775809).", 1, 4, message);
  expect_error("p(- 99999999999999999999999).", 1, 5, message);
  expect_error("p(X) :- X = 1 + 18_446_744_073_709_551_616.", 1, 17, message);
  // Only a minus sign written on the literal itself allows 2^63.
  expect_error("p(-(9223372036854775808)).", 1, 5, message);
  // Every bad literal of a statement is reported.
  expect_errors("p(99999999999999999999, 88888888888888888888).",
                {{1, 3, message}, {1, 25, message}});
}

TEST(ParseErrors, DatesDurationsAndMoney) {
  expect_error("p(2026-02-29).", 1, 11, "invalid date: February 2026 has 28 days");
  expect_error("p(2100-02-29).", 1, 11, "invalid date: February 2100 has 28 days");
  expect_error("p(2026-04-31).", 1, 11, "invalid date: April 2026 has 30 days");
  expect_error("p(2026-01-00).", 1, 11, "invalid date: January 2026 has 31 days");
  expect_error("p(2026-00-10).", 1, 8, "invalid date: there is no month 00 (months go from 01 to 12)");
  expect_error("p(0000-01-01).", 1, 3, "invalid date: there is no year 0 (years go from 0001 to 9999)");
  expect_error("p(3d2w).", 1, 5,
               "a duration's units go from the largest to the smallest (y, mo, w, d), each once");
  expect_error("p(1d1d).", 1, 5,
               "a duration's units go from the largest to the smallest (y, mo, w, d), each once");
  expect_error("p(1y3d).", 1, 3,
               "a duration is in years and months or in weeks and days, not both: a month has no fixed number "
               "of days");
  expect_error("p(99999999999999999999d).", 1, 3, "duration out of range (64-bit signed)");
  expect_error("p(1537228672809129302w).", 1, 3, "duration out of range (64-bit signed)");
  expect_error("p(XYZ 5).", 1, 3, "unknown currency 'XYZ' (not an ISO 4217 code in use, such as USD, EUR or CHF)");
  expect_error("p($1.234).", 1, 5, "USD amounts have at most 2 decimals");
  expect_error("p(JPY 5.5).", 1, 8, "JPY amounts have no decimals");
  expect_error("p(KWD 1.2345).", 1, 8, "KWD amounts have at most 3 decimals");
  expect_error("p($92233720368547758.08).", 1, 4, "amount out of range (at most 64 bits in USD's minor unit)");
  expect_error("p(3.5).", 1, 4, "numbers with decimals are not supported (amounts of money have them: $12.50)");
  expect_error("p(30 d).", 1, 6, "expected ')' or ','");
  expect_error("p($ 5).", 1, 3, "expected a term");
  expect_error("p(30days).", 1, 5, "expected ')' or ','");
}

TEST(ParseErrors, Nesting) {
  const std::string too_deep = "p(" + std::string(300, '(') + "1" + std::string(300, ')') + ").";
  expect_error(too_deep, 1, 2 + 257, "nesting deeper than 256 levels");
  const std::string just_fits = "p(" + std::string(256, '(') + "1" + std::string(256, ')') + ").";
  EXPECT_TRUE(parse_program(just_fits, 0).diagnostics.empty());
  std::string minuses = "p(" + std::string(300, '-') + "X).";
  expect_error(minuses, 1, 2 + 257, "nesting deeper than 256 levels");
  // A chain of operators is a deep tree too: 255 operators fit, the 256th does not.
  std::string chain = "p(1";
  for (int i = 0; i < 255; ++i) chain += "+1";
  EXPECT_TRUE(parse_program(chain + ").", 0).diagnostics.empty());
  expect_error(chain + "+1).", 1, 4 + 2 * 255, "nesting deeper than 256 levels");
  // Unary minus on a variable adds a node per sign: 200 of them over a chain of 60
  // operators is 261 levels; the error is at the sign that makes it 257.
  std::string mixed = "p(" + std::string(200, '-') + "(X";
  for (int i = 0; i < 60; ++i) mixed += "*X";
  mixed += ")).";
  expect_error(mixed, 1, 7, "nesting deeper than 256 levels");
}

std::string repeated(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// 10000 items fit in a list; the comma before item 10001 is an error.
TEST(ParseErrors, ListLengthLimits) {
  const std::string args = "p(0" + repeated(",0", 9999);
  EXPECT_TRUE(parse_program(args + ").", 0).diagnostics.empty());
  expect_error(args + ",0).", 1, 20002, "more than 10000 arguments");
  const std::string body = "p :- q" + repeated(",q", 9999);
  EXPECT_TRUE(parse_program(body + ".", 0).diagnostics.empty());
  expect_error(body + ",q.", 1, 20005, "more than 10000 literals in a body");
  const std::string elements = "p :- 0 < #count{0" + repeated(";0", 9999);
  EXPECT_TRUE(parse_program(elements + "}.", 0).diagnostics.empty());
  expect_error(elements + ";0}.", 1, 20016, "more than 10000 aggregate elements");
  const std::string terms = "p :- 0 < #count{0" + repeated(",0", 9999);
  EXPECT_TRUE(parse_program(terms + "}.", 0).diagnostics.empty());
  expect_error(terms + ",0}.", 1, 20016, "more than 10000 terms in an aggregate element");
  const std::string condition = "p :- 0 < #count{0:q" + repeated(",q", 9999);
  EXPECT_TRUE(parse_program(condition + "}.", 0).diagnostics.empty());
  expect_error(condition + ",q}.", 1, 20018, "more than 10000 literals in a condition");
}

// ---- recovery ----

TEST(ParseRecovery, EveryBadStatementIsReportedAndGoodOnesKept) {
  ParseResult r = parse_program(
      "ok(1).\n"
      "bad(1 2).\n"
      "ok(2).\n"
      "also bad.\n"
      "?- fine(X).\n"
      "?- not.\n"
      "ok(3) :- ok(2).\n"
      "p(\"unterminated).\n"
      "last(1) :- ok(1), X.\n"
      "ok(4).\n",
      0);
  EXPECT_EQ(show(r.diagnostics),
            "2:7: expected ')' or ','\n"
            "4:6: expected '.' or ':-' after the head\n"
            "6:7: expected an atom after 'not'\n"
            "8:3: unterminated string\n"
            "9:20: expected a comparison operator (=, !=, <, <=, >, >=)\n");
  ASSERT_EQ(r.program.rules.size(), 4u);
  EXPECT_EQ(r.program.rules[0].text, "ok(1).");
  EXPECT_EQ(r.program.rules[1].text, "ok(2).");
  EXPECT_EQ(r.program.rules[2].text, "ok(3) :- ok(2).");
  EXPECT_EQ(r.program.rules[3].text, "ok(4).");
  ASSERT_EQ(r.program.queries.size(), 1u);
  EXPECT_EQ(r.program.queries[0].text, "fine(X)");
}

TEST(ParseRecovery, ErrorInsideBracketsSkipsToTheNextPeriod) {
  ParseResult r = parse_program("p(a, (b. q(1). r(#).", 0);
  EXPECT_EQ(show(r.diagnostics),
            "1:8: expected ')'\n"
            "1:18: expected a term\n");
  ASSERT_EQ(r.program.rules.size(), 1u);
  EXPECT_EQ(r.program.rules[0].text, "q(1).");
}

TEST(ParseRecovery, TooManyErrorsStopsWithANote) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "bad bad.\n";
  ParseResult r = parse_program(text, 0);
  ASSERT_EQ(r.diagnostics.size(), 101u);
  for (std::size_t i = 0; i < 100; ++i) {
    EXPECT_EQ(r.diagnostics[i].severity, query::Severity::Error);
    EXPECT_EQ(r.diagnostics[i].location.line, i + 1);
  }
  EXPECT_EQ(r.diagnostics[100].severity, query::Severity::Note);
  EXPECT_EQ(r.diagnostics[100].message, "too many errors (100); the rest of the text was not read");
  EXPECT_EQ(r.diagnostics[100].location.line, 101u);
}

// ---- goals ----

void expect_goal_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                       const std::string& message) {
  GoalResult g = parse_goal(text, 2);
  EXPECT_FALSE(g.query.has_value()) << text;
  EXPECT_EQ(show(g.diagnostics), show(std::vector<Expected>{{line, column, message}}))
      << "in: " << text;
}

TEST(ParseGoalErrors, Messages) {
  expect_goal_error("", 1, 1,
                    "expected a literal (an atom, a comparison or an aggregate) at the end of the "
                    "input");
  expect_goal_error("p(X) q(X)", 1, 6, "expected ',' or the end of the goal");
  expect_goal_error("p(X). q(X)", 1, 7, "expected the end of the goal");
  expect_goal_error("p(X),", 1, 6,
                    "expected a literal (an atom, a comparison or an aggregate) at the end of the "
                    "input");
  expect_goal_error("p(\"x)", 1, 3, "unterminated string");
  expect_goal_error("p(X) /* c", 1, 6, "unterminated comment");
  expect_goal_error("p(99999999999999999999)", 1, 3,
                    "integer literal out of range (64-bit signed)");
  expect_goal_error("?- ?- p", 1, 4,
                    "expected a literal (an atom, a comparison or an aggregate)");
  expect_goal_error("[X] p", 1, 2, "expected a party's name");
  expect_goal_error("[a]", 1, 4,
                    "expected a literal (an atom, a comparison or an aggregate) at the end of the "
                    "input");
  expect_goal_error("could [a] p", 1, 7, "expected ',' or the end of the goal");
  expect_goal_error("does p q", 1, 8, "expected ',' or the end of the goal");
}

}  // namespace
}  // namespace writ::grammar
