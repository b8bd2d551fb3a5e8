// Verified quotes: a `#source` names its document (`file: "..."`), every quote citing the
// source must be in it, and KnowledgeBase::sources() says where each quote is.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "writ/knowledge_base.hpp"

namespace writ::test {
namespace {

constexpr const char* article =
    "Breaking\n"
    "Microsoft Weighs a Suit\n"
    "Microsoft is considering a lawsuit against OpenAI. Executives say the deal violates \xE2\x80\x9C"
    "the spirit if not the letter\xE2\x80\x9D of the partnership agreement. OpenAI disagrees.\n"
    "The company has retained outside counsel. OpenAI disagrees.\n";

class SourceDocuments : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "writ-documents-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    std::filesystem::create_directory(dir_ / "case");
    write("case/article.txt", article);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
  }
  // The diagnostics as rendered, with the temporary directory written as DIR.
  std::string rendered(const kb::KnowledgeBase& kb, const std::vector<query::Diagnostic>& ds) const {
    auto text = kb.render(ds);
    const auto dir = dir_.string();
    for (auto at = text.find(dir); at != std::string::npos; at = text.find(dir, at)) text.replace(at, dir.size(), "DIR");
    return text;
  }
  kb::LoadResult load(kb::KnowledgeBase& kb, const std::string& name, const std::string& text) const {
    write(name, text);
    return kb.load_files({path(name)});
  }

  std::filesystem::path dir_;
};

constexpr const char* declared = "#source article { kind: news_report, file: \"article.txt\" }.\n";

TEST_F(SourceDocuments, QuotesInTheDocumentLoadAndArePlaced) {
  kb::KnowledgeBase kb;
  const auto r = load(kb, "case/facts.writ",
                      std::string(declared) +
                          "considering(microsoft, suit) @ article \"Microsoft is considering a lawsuit\".\n"
                          "microsoft claims violates(deal) @ article \"violates \\\"the spirit if not the letter\\\"\".\n"
                          "counsel(microsoft) @ article \"The company has retained outside counsel.\".\n"
                          "uncited(x).\n");
  ASSERT_EQ(r.outcome, kb::Outcome::Ok) << rendered(kb, r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << rendered(kb, r.diagnostics);
  const auto sources = kb.sources();
  ASSERT_EQ(sources.size(), 1u);
  const auto& s = sources[0];
  EXPECT_EQ(s.name, "article");
  EXPECT_TRUE(s.has_document);
  EXPECT_EQ(s.document, path("case/article.txt"));
  EXPECT_EQ(s.text, article);
  EXPECT_EQ(s.declaration, "#source article { kind: news_report, file: \"article.txt\" }.");
  EXPECT_EQ(s.place, path("case/facts.writ") + ":1");
  std::vector<std::string> sentences;
  for (const auto& t : s.sentences) sentences.push_back(s.text.substr(t.begin, t.end - t.begin));
  EXPECT_EQ(sentences, (std::vector<std::string>{
                           "Breaking", "Microsoft Weighs a Suit", "Microsoft is considering a lawsuit against OpenAI.",
                           "Executives say the deal violates \xE2\x80\x9Cthe spirit if not the letter\xE2\x80\x9D of the "
                           "partnership agreement.",
                           "OpenAI disagrees.", "The company has retained outside counsel.", "OpenAI disagrees."}));
  EXPECT_EQ(s.sentences[2].line, 3u);
  EXPECT_EQ(s.sentences[2].column, 1u);
  ASSERT_EQ(s.citations.size(), 3u);
  EXPECT_EQ(query::to_source(s.citations[0].statement), "\"considering(microsoft, suit)\"");
  EXPECT_EQ(s.citations[0].place, path("case/facts.writ") + ":2");
  ASSERT_EQ(s.citations[0].passages.size(), 1u);
  EXPECT_EQ(s.citations[0].passages[0].line, 3u);
  EXPECT_EQ(s.citations[0].passages[0].column, 1u);
  const auto& spirit = s.citations[1];
  EXPECT_EQ(query::to_source(spirit.statement), "\"microsoft claims violates(deal)\"");
  ASSERT_EQ(spirit.passages.size(), 1u);
  EXPECT_EQ(s.text.substr(spirit.passages[0].begin, spirit.passages[0].end - spirit.passages[0].begin),
            "violates \xE2\x80\x9Cthe spirit if not the letter\xE2\x80\x9D");
  EXPECT_EQ(s.citations[2].passages[0].line, 4u);
  // The document is a source attribute like any other.
  const auto attributes = kb.ask("source_attribute(article, file, F)");
  ASSERT_EQ(attributes.answers.rows.size(), 1u);
  EXPECT_EQ(query::to_source(attributes.answers.rows[0][0]), "\"article.txt\"");
}

TEST_F(SourceDocuments, AMisquoteIsAnErrorAtTheQuoteWithTheClosestPassage) {
  kb::KnowledgeBase kb;
  const auto r = load(kb, "case/facts.writ",
                      std::string(declared) + "counsel(microsoft) @ article \"The company has hired outside counsel.\".\n"
                                              "p(a).\n");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(rendered(kb, r.diagnostics),
            "DIR/case/facts.writ:2:30: error: the quote is not in the document of 'article' (DIR/case/article.txt), "
            "not even modulo blanks and typographic quotes\n"
            " 2 | counsel(microsoft) @ article \"The company has hired outside counsel.\".\n"
            "   |                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
            "DIR/case/article.txt:4:1: note: the closest passage: \"The company has retained outside counsel.\"\n"
            " 4 | The company has retained outside counsel. OpenAI disagrees.\n"
            "   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
  // Nothing was added.
  EXPECT_TRUE(kb.sources().empty());
  EXPECT_TRUE(kb.predicates().empty());
}

// A long line is cut to a window around the place at characters, never inside one (a
// curly apostrophe is three bytes), and the caret line counts characters, so that it stands
// under the passage in a terminal (found misquoting the Frontier article's long paragraphs).
TEST_F(SourceDocuments, ALongLineIsCutBetweenCharactersAndTheCaretCountsThem) {
  write("case/long.txt",
        "The company\xE2\x80\x99s counsel\xE2\x80\x99s view, as the company\xE2\x80\x99s executives\xE2\x80\x99 "
        "colleagues\xE2\x80\x99 notes record it, is that the partnership\xE2\x80\x99s terms don\xE2\x80\x99t bar "
        "Amazon\xE2\x80\x99s cloud from hosting OpenAI\xE2\x80\x99s platform for OpenAI\xE2\x80\x99s customers.\n");
  kb::KnowledgeBase kb;
  const auto r = load(kb, "case/long.writ",
                      "#source notes { kind: memo, file: \"long.txt\" }.\n"
                      "bar(amazon) @ notes \"the partnership\xE2\x80\x99s terms do bar Amazon\xE2\x80\x99s cloud\".\n");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(rendered(kb, r.diagnostics),
            "DIR/case/long.writ:2:21: error: the quote is not in the document of 'notes' (DIR/case/long.txt), not even modulo blanks and typographic quotes\n"
            " 2 | bar(amazon) @ notes \"the partnership\xE2\x80\x99s terms do bar Amazon\xE2\x80\x99s cloud\".\n"
            "   |                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
            "DIR/case/long.txt:1:97: note: the closest passage: \"the partnership\xE2\x80\x99s terms don\xE2\x80\x99t bar Amazon\xE2\x80\x99s cloud\"\n"
            " 1 | ...cutives\xE2\x80\x99 colleagues\xE2\x80\x99 notes record it, is that the partnership\xE2\x80\x99s terms don\xE2\x80\x99t bar Amazon\xE2\x80\x99s c...\n"
            "   |                                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_F(SourceDocuments, AQuoteThatOccursTwiceIsAWarning) {
  kb::KnowledgeBase kb;
  const auto r = load(kb, "case/facts.writ", std::string(declared) + "disagrees(openai) @ article \"OpenAI disagrees.\".\n");
  EXPECT_EQ(r.outcome, kb::Outcome::Ok);
  EXPECT_EQ(rendered(kb, r.diagnostics),
            "DIR/case/facts.writ:2:29: warning: the quote occurs 2 times in the document of 'article' (on lines 3 "
            "and 4): quote enough to say which passage it is\n"
            " 2 | disagrees(openai) @ article \"OpenAI disagrees.\".\n"
            "   |                             ^~~~~~~~~~~~~~~~~~~\n");
  EXPECT_EQ(kb.sources()[0].citations[0].passages.size(), 2u);
}

TEST_F(SourceDocuments, TheDocumentMustBeThereAndNamedByAString) {
  kb::KnowledgeBase kb;
  auto r = load(kb, "case/facts.writ", "#source a { kind: memo, file: \"missing.txt\" }.\n");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(rendered(kb, r.diagnostics),
            "DIR/case/facts.writ:1:31: error: cannot read the document of source 'a', 'DIR/case/missing.txt': No such "
            "file or directory\n"
            " 1 | #source a { kind: memo, file: \"missing.txt\" }.\n"
            "   |                               ^~~~~~~~~~~~~\n");
  r = load(kb, "case/facts.writ", "#source a { kind: memo, file: article }.\n#source b { file: \"..\" }.\n");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(rendered(kb, r.diagnostics),
            "DIR/case/facts.writ:1:31: error: the file of source 'a' must be a string naming its document (relative "
            "to this file)\n"
            " 1 | #source a { kind: memo, file: article }.\n"
            "   |                               ^~~~~~~\n"
            "DIR/case/facts.writ:2:19: error: cannot read the document of source 'b', 'DIR/': it is not a regular "
            "file\n"
            " 2 | #source b { file: \"..\" }.\n"
            "   |                   ^~~~\n");
  write("case/binary.txt", std::string("ok\xFF", 3));
  r = load(kb, "case/facts.writ", "#source a { file: \"binary.txt\" }.\n");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_NE(rendered(kb, r.diagnostics).find("error: the document of source 'a', 'DIR/case/binary.txt', is not UTF-8 "
                                             "text (byte 2)"),
            std::string::npos);
}

TEST_F(SourceDocuments, LaterLoadsAreCheckedAgainstTheDocument) {
  kb::KnowledgeBase kb;
  // A citation loaded before its source is declared is checked when the declaration comes.
  ASSERT_EQ(kb.load({{"<repl>", "early(x) @ article \"OpenAI sues\".\n"}}).outcome, kb::Outcome::Ok);
  auto r = load(kb, "case/decl.writ", declared);
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_EQ(rendered(kb, r.diagnostics),
            "<repl>:1:20: error: the quote is not in the document of 'article' (DIR/case/article.txt), not even "
            "modulo blanks and typographic quotes\n"
            " 1 | early(x) @ article \"OpenAI sues\".\n"
            "   |                    ^~~~~~~~~~~~~\n"
            "DIR/case/article.txt:3:146: note: the closest passage: \"OpenAI disagrees.\"\n"
            " 3 | ...f not the letter\xE2\x80\x9D of the partnership agreement. OpenAI disagrees.\n"
            "   |                                                    ^~~~~~~~~~~~~~~~~\n");
  kb::KnowledgeBase fresh;
  ASSERT_EQ(load(fresh, "case/decl.writ", declared).outcome, kb::Outcome::Ok);
  // A statement typed later, and an assumption, are checked too.
  r = fresh.load({{"<repl>", "late(x) @ article \"Microsoft Weighs a Lawsuit\".\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  r = fresh.assume("late(x) @ article \"Microsoft Weighs a Lawsuit\".");
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  r = fresh.load({{"<repl>", "late(x) @ article \"Microsoft   Weighs\\na Suit\".\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << rendered(fresh, r.diagnostics);
}

TEST_F(SourceDocuments, AStoreKeepsTheDocument) {
  const auto store = path("case.db");
  {
    kb::KnowledgeBase kb;
    ASSERT_EQ(kb.open(store).outcome, kb::Outcome::Ok);
    const auto r = load(kb, "case/facts.writ",
                        std::string(declared) + "counsel(microsoft) @ article \"retained outside counsel\".\n");
    ASSERT_EQ(r.outcome, kb::Outcome::Ok) << rendered(kb, r.diagnostics);
  }
  // The document is read from the store, not from the file.
  std::filesystem::remove(path("case/article.txt"));
  kb::KnowledgeBase kb;
  ASSERT_EQ(kb.open(store).outcome, kb::Outcome::Ok);
  auto sources = kb.sources();
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_TRUE(sources[0].has_document);
  EXPECT_EQ(sources[0].text, article);
  EXPECT_EQ(sources[0].document, path("case/article.txt"));
  ASSERT_EQ(sources[0].citations.size(), 1u);
  ASSERT_EQ(sources[0].citations[0].passages.size(), 1u);
  EXPECT_EQ(sources[0].citations[0].passages[0].line, 4u);
  // A later load is checked against the kept text, and the note points into it.
  const auto r = kb.load({{"<repl>", "late(x) @ article \"retained inside counsel\".\n"}});
  EXPECT_EQ(r.outcome, kb::Outcome::InputError);
  EXPECT_NE(rendered(kb, r.diagnostics).find("DIR/case/article.txt:4:17: note: the closest passage: \"retained outside counsel.\""),
            std::string::npos)
      << rendered(kb, r.diagnostics);
  // As of the transaction before the load, there was no source.
  kb::KnowledgeBase before;
  ASSERT_EQ(before.open(store, kb::StoreOptions{.as_of = 0}).outcome, kb::Outcome::Ok);
  EXPECT_TRUE(before.sources().empty());
}

}  // namespace
}  // namespace writ::test
