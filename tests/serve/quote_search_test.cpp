// Where a quote occurs in its document: exact, across line breaks and runs of blanks, with
// typographic quotes matching plain ones, every occurrence, never a partial word run.
#include "serve/quote_search.hpp"

#include <gtest/gtest.h>

namespace writ::serve {
namespace {

using Places = std::vector<std::pair<std::size_t, std::size_t>>;

TEST(QuoteSearch, FindsAnExactQuote) {
  EXPECT_EQ(find_quote("The deal was signed. It was big.", "It was big"), (Places{{21, 31}}));
}

TEST(QuoteSearch, BlanksAndLineBreaksCountAsOneSpace) {
  const std::string document = "Acme owes Bolt\n  a sum.";
  const auto places = find_quote(document, "Acme owes Bolt a   sum");
  ASSERT_EQ(places, (Places{{0, 22}}));
  EXPECT_EQ(document.substr(places[0].first, places[0].second - places[0].first), "Acme owes Bolt\n  a sum");
}

TEST(QuoteSearch, TypographicQuotesMatchPlainOnes) {
  const std::string document = "violates \xE2\x80\x9Cthe spirit\xE2\x80\x9D of the companies\xE2\x80\x99 agreement";
  const auto places = find_quote(document, "violates \"the spirit\" of the companies' agreement");
  ASSERT_EQ(places.size(), 1u);
  EXPECT_EQ(places[0], (std::pair<std::size_t, std::size_t>{0, document.size()}));
  // And the other way round: a typographic quote in the quote, a plain one in the text.
  EXPECT_EQ(find_quote("say \"no\"", "say \xE2\x80\x9Cno\xE2\x80\x9D"), (Places{{0, 8}}));
}

TEST(QuoteSearch, FindsEveryOccurrence) {
  EXPECT_EQ(find_quote("late; late; late", "late"), (Places{{0, 4}, {6, 10}, {12, 16}}));
}

TEST(QuoteSearch, AMissingOrEmptyQuoteIsNowhere) {
  EXPECT_TRUE(find_quote("The deal was signed.", "The deal was sealed").empty());
  EXPECT_TRUE(find_quote("The deal was signed.", "").empty());
  EXPECT_TRUE(find_quote("The deal was signed.", "  \n ").empty());
  EXPECT_TRUE(find_quote("", "deal").empty());
}

TEST(QuoteSearch, LeadingAndTrailingBlanksOfTheQuoteDoNotCount) {
  EXPECT_EQ(find_quote("a big deal", " big deal\n"), (Places{{2, 10}}));
}

}  // namespace
}  // namespace writ::serve
