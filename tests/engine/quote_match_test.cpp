// Finding quotes in documents (query/text/quote_match.hpp) and splitting documents into
// sentences (query/text/sentences.hpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query/text/quote_match.hpp"
#include "query/text/sentences.hpp"

namespace writ::test {
namespace {

using query::text::closest_passage;
using query::text::find_quote;
using query::text::NormalizedText;
using query::text::split_sentences;

std::vector<std::string> found(std::string_view document, std::string_view quote) {
  const NormalizedText text(document);
  std::vector<std::string> out;
  for (const auto& s : find_quote(text, quote)) out.emplace_back(document.substr(s.begin, s.end - s.begin));
  return out;
}

std::string closest(std::string_view document, std::string_view quote) {
  const NormalizedText text(document);
  const auto s = closest_passage(text, quote);
  return s ? std::string(document.substr(s->begin, s->end - s->begin)) : "<none>";
}

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(QuoteMatch, VerbatimModuloBlanksAndTypographicQuotes) {
  const std::string doc = "Executives said it violates \xE2\x80\x9Cthe spirit if not\n  the letter\xE2\x80\x9D of OpenAI\xE2\x80\x99s deal.";
  // Straight quotes match curly ones, and a line break with indentation is one blank.
  EXPECT_EQ(found(doc, "violates \"the spirit if not the letter\" of OpenAI's deal"),
            (std::vector<std::string>{"violates \xE2\x80\x9Cthe spirit if not\n  the letter\xE2\x80\x9D of OpenAI\xE2\x80\x99s deal"}));
  // Blanks at the quote's ends do not count; inside, a blank must be a blank.
  EXPECT_EQ(found(doc, "  the letter "), (std::vector<std::string>{"the letter"}));
  EXPECT_TRUE(found(doc, "thespirit").empty());
  // Case, dashes and words are not forgiven.
  EXPECT_TRUE(found(doc, "The spirit").empty());
  EXPECT_TRUE(found(doc, "violates the spirit").empty());  // the quote mark is missing
  // A no-break space is a blank.
  EXPECT_EQ(found("50\xC2\xA0" "billion dollars", "50 billion"), (std::vector<std::string>{"50\xC2\xA0" "billion"}));
  // An empty quote is nowhere.
  EXPECT_TRUE(found(doc, " ").empty());
}

TEST(QuoteMatch, EveryOccurrenceWithoutOverlap) {
  EXPECT_EQ(found("a deal, a deal, a deal", "a deal").size(), 3u);
  EXPECT_EQ(found("aaaa", "aa").size(), 2u);
}

TEST(QuoteMatch, ClosestPassageIsTheFewestWordEditsAway) {
  const std::string doc =
      "Senior executives have told colleagues that the arrangement violates the partnership agreement, "
      "which grants Microsoft exclusive commercial rights to OpenAI\xE2\x80\x99s technology through Azure. "
      "The company has retained outside counsel.";
  // A word changed, a word left out, a word added.
  EXPECT_EQ(closest(doc, "which grants Microsoft exclusive rights to OpenAI's technology"),
            "which grants Microsoft exclusive commercial rights to OpenAI\xE2\x80\x99s technology");
  EXPECT_EQ(closest(doc, "The company has hired outside counsel."), "The company has retained outside counsel.");
  EXPECT_EQ(closest(doc, "the company has retained counsel"), "The company has retained outside counsel.");
  // Nothing in common: no passage.
  EXPECT_EQ(closest(doc, "zebras graze"), "<none>");
}

TEST(Sentences, EndAtMarksAndLinesNotAtAbbreviations) {
  EXPECT_EQ(sentences("Breaking\nA Title Without a Full Stop\nFirst one. Second one? Third! \xE2\x80\x9CQuoted.\xE2\x80\x9D Next."),
            (std::vector<std::string>{"Breaking", "A Title Without a Full Stop", "First one.", "Second one?", "Third!",
                                      "\xE2\x80\x9CQuoted.\xE2\x80\x9D", "Next."}));
  // Abbreviations, initials and a lowercase word after the mark do not end a sentence.
  EXPECT_EQ(sentences("Acme Corp. v. Smith, 123 F.3d 456 (9th Cir. 1999), was cited by John G. Roberts. It held."),
            (std::vector<std::string>{"Acme Corp. v. Smith, 123 F.3d 456 (9th Cir. 1999), was cited by John G. Roberts.",
                                      "It held."}));
  EXPECT_EQ(sentences("It costs $13.5 billion. e.g. this goes on."), (std::vector<std::string>{"It costs $13.5 billion. e.g. this goes on."}));
  // A line that goes on in lowercase goes on with the sentence; blank lines separate.
  EXPECT_EQ(sentences("The tenant paid\nthe deposit.\n\n  Then left.  \n"),
            (std::vector<std::string>{"The tenant paid\nthe deposit.", "Then left."}));
  EXPECT_TRUE(sentences(" \n\n ").empty());
}

}  // namespace
}  // namespace writ::test
