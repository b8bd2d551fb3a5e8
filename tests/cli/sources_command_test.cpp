// writ sources: each source document sentence by sentence with what quotes it, or, with
// --coverage, how much of each sentence is quoted; from files and from a store alone.
#include <gtest/gtest.h>

#include <filesystem>

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

}  // namespace
}  // namespace writ::cli::test
