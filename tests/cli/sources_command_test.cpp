// writ sources: each source document sentence by sentence with what quotes it, or, with
// --coverage, how much of each sentence is quoted; from files and from a store alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

constexpr const char* memo =
    "Memo\n"
    "The tenant paid a deposit of $1,200. The landlord kept all of it.\n"
    "The lease says nothing about cleaning fees.\n";

constexpr const char* facts =
    "#source memo { kind: memo, file: \"memo.txt\" }.\n"
    "#source notes { kind: notes }.\n"
    "paid(tenant, deposit) @ memo \"The tenant paid a deposit of $1,200.\".\n"
    "kept(landlord, deposit) @ memo \"The landlord kept all of it\".\n"
    "r_return: owes(landlord, deposit) :~ paid(tenant, deposit) @ memo \"The tenant paid a deposit\".\n"
    "heard(x) @ notes \"a rumour\".\n";

TEST(SourcesCommand, EachSentenceWithWhatQuotesIt) {
  TempDir dir;
  dir.write("memo.txt", memo);
  dir.write("case.writ", facts);
  const auto r = run_writ({"sources", "case.writ"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "memo.txt (source memo): 2 of 4 sentences cited\n"
            "1:1 Memo\n"
            "2:1 The tenant paid a deposit of $1,200.\n"
            "    paid(tenant, deposit) @ memo (case.writ:3)\n"
            "    r_return @ memo (case.writ:5): \"The tenant paid a deposit\"\n"
            "2:38 The landlord kept all of it.\n"
            "    kept(landlord, deposit) @ memo (case.writ:4): \"The landlord kept all of it\"\n"
            "3:1 The lease says nothing about cleaning fees.\n"
            "\n"
            "notes: no document (file: \"...\"): its 1 quote is not verified\n");
}

TEST(SourcesCommand, CoverageAndAStoreAlone) {
  TempDir dir;
  dir.write("memo.txt", memo);
  dir.write("case.writ", facts);
  ASSERT_EQ(run_writ({"load", "--db", "case.db", "case.writ"}, {}, dir.path()).exit_code, 0);
  // The store keeps the document: the file is not needed any more.
  std::filesystem::remove(dir.path() / "memo.txt");
  const auto r = run_writ({"sources", "--coverage", "--db", "case.db"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "memo.txt (source memo): 2 of 4 sentences cited\n"
            "   0%  1:1     Memo\n"
            " 100%  2:1     The tenant paid a deposit of $1,200.\n"
            "  95%  2:38    The landlord kept all of it.\n"
            "   0%  3:1     The lease says nothing about cleaning fees.\n"
            "\n"
            "notes: no document (file: \"...\"): its 1 quote is not verified\n");
  // As of before the load, nothing was declared.
  const auto before = run_writ({"sources", "--db", "case.db", "--as-of", "0"}, {}, dir.path());
  EXPECT_EQ(before.out, "no source is declared\n");
}

TEST(SourcesCommand, AMisquoteFailsWithTheClosestPassage) {
  TempDir dir;
  dir.write("memo.txt", memo);
  dir.write("case.writ", "#source memo { kind: memo, file: \"memo.txt\" }.\nkept(landlord) @ memo \"The landlord kept half of it\".\n");
  for (const char* command : {"sources", "check"}) {
    const auto r = run_writ({command, "case.writ"}, {}, dir.path());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "case.writ:2:23: error: the quote is not in the document of 'memo' (memo.txt), not even modulo blanks "
              "and typographic quotes\n"
              " 2 | kept(landlord) @ memo \"The landlord kept half of it\".\n"
              "   |                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
              "memo.txt:2:38: note: the closest passage: \"The landlord kept all of it.\"\n"
              " 2 | The tenant paid a deposit of $1,200. The landlord kept all of it.\n"
              "   |                                      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~\n");
  }
}

TEST(SourcesCommand, NeedsAFileOrAStore) {
  const auto r = run_writ({"sources"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: 'sources' needs at least one FILE, or --db STORE\nTry 'writ sources --help' for more information.\n");
}

// Issue 13, Done when: every sentence of both cases' documents is accounted for in `writ
// sources --coverage`: cited (any share of it quoted), or listed in facts/README.md as
// colour, with its reason, in a row "| `SENTENCE` (line N) | REASON |"; and every sentence
// listed as colour is one that nothing cites (the list stays true as the cases grow).
TEST(SourcesCommand, EverySentenceOfBothCasesIsCitedOrColourWithAReason) {
  std::ifstream readme(std::filesystem::path(WRIT_SOURCE_DIR) / "facts/README.md", std::ios::binary);
  const std::string notes(std::istreambuf_iterator<char>(readme), {});
  const std::regex colour_row(R"(\n\| `([^`\n]+)` \(line (\d+)\) \| ([^|\n]*[a-z][^|\n]*) \|)");
  std::set<std::pair<std::string, std::string>> colour;  // sentence, line
  for (auto m = std::sregex_iterator(notes.begin(), notes.end(), colour_row); m != std::sregex_iterator(); ++m)
    colour.insert({m->str(1), m->str(2)});
  std::set<std::pair<std::string, std::string>> uncited;
  for (const char* name : {"frontier", "northbridge"}) {
    std::vector<std::string> args = {"sources", "--coverage"};
    for (const auto& dir : {std::string("facts/law"), std::string("facts/cases/") + name}) {
      std::vector<std::string> files;
      for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(WRIT_SOURCE_DIR) / dir))
        if (e.path().extension() == ".writ") files.push_back(dir + "/" + e.path().filename().string());
      std::sort(files.begin(), files.end());
      args.insert(args.end(), files.begin(), files.end());
    }
    const auto r = run_writ(args, {}, WRIT_SOURCE_DIR);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::istringstream lines(r.out);
    std::size_t sentences = 0;
    const std::regex sentence(R"( *(\d+)%  (\d+):\d+ +(.*))");
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (!std::regex_match(line, m, sentence)) continue;
      ++sentences;
      if (m.str(1) != "0") continue;
      uncited.insert({m.str(3), m.str(2)});
      EXPECT_TRUE(colour.count({m.str(3), m.str(2)}))
          << name << ": line " << m.str(2) << " is neither cited nor colour in facts/README.md: " << m.str(3);
    }
    EXPECT_GE(sentences, 15u) << r.out;
  }
  for (const auto& [text, line] : colour)
    EXPECT_TRUE(uncited.count({text, line})) << "facts/README.md lists as colour a sentence that is cited or gone: " << text;
  EXPECT_EQ(colour.size(), 4u);  // Frontier's "Breaking", the memo's three heading lines
}

}  // namespace
}  // namespace writ::cli::test
