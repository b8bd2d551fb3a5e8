// Issue 13, Done when: misquoting any citation of either case (Frontier, Northbridge) makes
// the load, and so `writ check`, fail with one error at that quote and, as its note, the
// document's closest passage, which holds the quote as the case writes it. Every citation
// of both cases is misquoted in turn (about 110 loads of the law and a case, a few seconds).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "kb_helpers.hpp"

namespace writ::test {
namespace {

// facts/law/*.writ then facts/cases/CASE/*.writ, named relative to the source tree (the
// documents the sources name are found relative to the file that declares them).
std::vector<kb::Input> case_inputs(const std::string& name) {
  std::filesystem::current_path(WRIT_SOURCE_DIR);  // where the relative names lead
  std::vector<kb::Input> inputs;
  for (const auto& dir : {std::string("facts/law"), "facts/cases/" + name}) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(WRIT_SOURCE_DIR) / dir))
      if (e.path().extension() == ".writ") names.push_back(dir + "/" + e.path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      std::ifstream in(std::filesystem::path(WRIT_SOURCE_DIR) / n, std::ios::binary);
      inputs.push_back({n, std::string(std::istreambuf_iterator<char>(in), {})});
    }
  }
  return inputs;
}

// A citation as written: the input it is in, the byte offset and length of its quote's
// text (between the straight quotes), its source, and its line and column (of the opening quote).
struct Citation {
  std::size_t input;
  std::size_t at, length;
  std::string source, quote;
  std::size_t line, column;
};

std::vector<Citation> citations(const std::vector<kb::Input>& inputs) {
  // No quote of the cases holds an escaped straight quote (checked: the count of citations
  // below is the count of statements that cite).
  static const std::regex cited(R"re(@ ([a-z_][A-Za-z0-9_]*) "([^"\\]*)")re");
  std::vector<Citation> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto& text = inputs[i].text;
    for (auto m = std::sregex_iterator(text.begin(), text.end(), cited); m != std::sregex_iterator(); ++m) {
      const auto at = static_cast<std::size_t>(m->position(0));
      const auto line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
      const auto before = text.substr(line_start, at - line_start);
      if (before.find('%') != std::string::npos) continue;  // in a comment
      const auto quote_at = static_cast<std::size_t>(m->position(2));
      out.push_back({i, quote_at, static_cast<std::size_t>(m->length(2)), m->str(1), m->str(2),
                     static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1,
                     quote_at - line_start});  // 1-based column of the opening quote
    }
  }
  return out;
}

// The quote with a word inserted in its middle ("never"): a misquote a reader could miss,
// which still shares every word of the passage it garbles.
std::string misquoted(const std::string& quote) {
  std::vector<std::size_t> spaces;
  for (std::size_t k = 0; k < quote.size(); ++k)
    if (quote[k] == ' ') spaces.push_back(k);
  if (spaces.empty()) return quote + " never";
  const auto at = spaces[spaces.size() / 2];
  return quote.substr(0, at) + " never" + quote.substr(at);
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 4;
    if (n == 4 || i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

void every_misquote_fails_with_the_closest_passage(const std::string& name, std::size_t at_least) {
  const auto inputs = case_inputs(name);
  {
    kb::KnowledgeBase kb;
    const auto r = kb.load(inputs);
    ASSERT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
    // The regex finds every citation: as many as the statements that cite (cites/3 has one
    // row per statement, source and quote; a case states no statement twice with one quote).
    const auto all = citations(inputs);
    EXPECT_EQ(rows(kb, "cites(S, Source, Quote)").size(), all.size());
  }
  const auto all = citations(inputs);
  ASSERT_GE(all.size(), at_least);
  for (const auto& c : all) {
    auto changed = inputs;
    changed[c.input].text.replace(c.at, c.length, misquoted(c.quote));
    kb::KnowledgeBase kb;
    const auto r = kb.load(changed);
    const auto text = kb.render(r.diagnostics);
    const auto where = inputs[c.input].name + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ";
    SCOPED_TRACE(where + c.quote);
    EXPECT_EQ(r.outcome, kb::Outcome::InputError);
    ASSERT_EQ(r.diagnostics.size(), 1u) << text;
    const auto document = "facts/cases/" + name + "/" + (name == "frontier" ? "article.txt" : "memo.txt");
    EXPECT_TRUE(text.starts_with(where + "error: the quote is not in the document of '" + c.source + "' (" + document +
                                 "), not even modulo blanks and typographic quotes\n"))
        << text;
    const std::regex note("\n" + document + R"re(:\d+:\d+: note: the closest passage: "([^\n]*)"\n)re");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, note)) << text;
    // The passage is the quote as written, at most with the punctuation that ends its words.
    EXPECT_NE(m.str(1).find(c.quote), std::string::npos) << text;
    EXPECT_LE(m.str(1).size(), c.quote.size() + 1) << text;
    // Excerpts of long lines are cut at characters, not inside one.
    EXPECT_TRUE(valid_utf8(text)) << text;
  }
}

TEST(CaseQuotes, EveryMisquoteOfTheFrontierCaseFailsWithTheClosestPassage) {
  every_misquote_fails_with_the_closest_passage("frontier", 60);
}

TEST(CaseQuotes, EveryMisquoteOfTheNorthbridgeCaseFailsWithTheClosestPassage) {
  every_misquote_fails_with_the_closest_passage("northbridge", 40);
}

}  // namespace
}  // namespace writ::test
