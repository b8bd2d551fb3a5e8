// Perspectives are checked (issue 11, item 3): a party that makes no claims and bears no
// burden is an error naming the parties that make claims; a party the program knows that
// makes no claims is answered as the neutral perspective, and every format says so.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

constexpr std::string_view liability = R"(accused(acme).
r_liable: liable(X) :~ accused(X).
#issue liable(X) { standard: preponderance, burden: plaintiff }.
defendant claims -liable(acme).
)";

class PerspectiveChecks : public ::testing::Test {
 protected:
  TempDir dir;
  std::string file = dir.write("liability.writ", liability);
  ProcessResult writ(const std::vector<std::string>& args, std::string_view input = {}) {
    return run_writ(args, input, dir.path());
  }
};

TEST(PerspectiveCheck, AMisspeltPartyOfTheFrontierCaseIsAnError) {
  std::vector<std::string> args = {"run"};
  for (const char* dir : {"/facts/law", "/facts/cases/frontier"}) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(WRIT_SOURCE_DIR) + dir))
      if (e.path().extension() == ".writ") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    args.insert(args.end(), files.begin(), files.end());
  }
  args.insert(args.end(), {"-q", "[microsfot] could_breach(frontier, A)"});
  const auto r = run_writ(args);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "-q:1:2: error: unknown party 'microsfot' in the perspective: the parties that make claims are "
            "'microsoft' and 'openai'; did you mean 'microsoft'?\n"
            " 1 | [microsfot] could_breach(frontier, A)\n"
            "   |  ^~~~~~~~~\n");
}

TEST_F(PerspectiveChecks, AnUnknownPartyIsAnErrorInEveryCommand) {
  const std::string error =
      "-q:1:2: error: unknown party 'nobody' in the perspective: the party that makes claims is 'defendant'\n"
      " 1 | [nobody] liable(X)\n"
      "   |  ^~~~~~\n";
  const auto run = writ({"run", "liability.writ", "-q", "[nobody] liable(X)", "--format", "csv"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, error);
  const auto explain = writ({"explain", "liability.writ", "-q", "[nobody] liable(X)"});
  EXPECT_EQ(explain.exit_code, 1);
  EXPECT_EQ(explain.err, error);
  const auto close = writ({"run", "liability.writ", "-q", "[defendnt] liable(X)", "--format", "csv"});
  EXPECT_EQ(close.exit_code, 1);
  EXPECT_EQ(close.err,
            "-q:1:2: error: unknown party 'defendnt' in the perspective: the party that makes claims is "
            "'defendant'; did you mean 'defendant'?\n"
            " 1 | [defendnt] liable(X)\n"
            "   |  ^~~~~~~~\n");
}

TEST_F(PerspectiveChecks, AFileQueryIsJudgedByTheClaimsOfTheWholeLoad) {
  // The query comes before the file whose claim makes 'defendant' a party that claims.
  dir.write("asked.writ", "accused(acme).\nr_liable: liable(X) :~ accused(X).\n?- [defendant] liable(X).\n");
  dir.write("claims.writ", "defendant claims -liable(acme).\n");
  const auto both = writ({"run", "asked.writ", "claims.writ", "--format", "csv"});
  EXPECT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(both.err, "");
  EXPECT_EQ(both.out, "X,status\nacme,rejected\n");
  const auto alone = writ({"check", "asked.writ"});
  EXPECT_EQ(alone.exit_code, 1);
  EXPECT_EQ(alone.err,
            "asked.writ:3:5: error: unknown party 'defendant' in the perspective: no party makes claims here\n"
            " 3 | ?- [defendant] liable(X).\n"
            "   |     ^~~~~~~~~\n");
}

constexpr std::string_view neutral_warning =
    "-q:1:2: warning: 'plaintiff' makes no claims: answered from the neutral perspective\n"
    " 1 | [plaintiff] liable(X)\n"
    "   |  ^~~~~~~~~\n";

TEST_F(PerspectiveChecks, APartyThatOnlyBearsABurdenIsAnsweredNeutrallyAndEveryFormatSaysSo) {
  const auto table = writ({"run", "liability.writ", "-q", "[plaintiff] liable(X)"});
  EXPECT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out, "?- [plaintiff] liable(X).\nX     status\n----  --------\nacme  rejected\n(1 answer)\n");
  EXPECT_EQ(table.err, neutral_warning);
  const auto csv = writ({"run", "liability.writ", "-q", "[plaintiff] liable(X)", "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out, "X,status\nacme,rejected\n");
  EXPECT_EQ(csv.err, neutral_warning);
  const auto json = writ({"run", "liability.writ", "-q", "[plaintiff] liable(X)", "--format", "json"});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out,
            "{\"goal\": \"[plaintiff] liable(X)\", \"columns\": [\"X\", \"status\"], \"rows\": [[\"acme\", "
            "\"rejected\"]], \"status\": \"ok\", \"diagnostics\": [{\"severity\": \"warning\", \"file\": \"-q\", "
            "\"line\": 1, \"column\": 2, \"message\": \"'plaintiff' makes no claims: answered from the neutral "
            "perspective\"}]}\n");
  EXPECT_EQ(json.err, neutral_warning);
  const auto repl = writ({"repl", "liability.writ"}, "[plaintiff] liable(X)?\n");
  EXPECT_EQ(repl.exit_code, 0);
  EXPECT_EQ(repl.err,
            "<stdin>:1:2: warning: 'plaintiff' makes no claims: answered from the neutral perspective\n"
            " 1 | [plaintiff] liable(X)?\n"
            "   |  ^~~~~~~~~\n");
}

TEST_F(PerspectiveChecks, AFileQueryOfAPartyWithoutClaimsSaysSoInItsJsonLine) {
  dir.write("asked.writ", "?- [plaintiff] liable(X).\n");
  const auto json = writ({"run", "liability.writ", "asked.writ", "--format", "json"});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out,
            "{\"goal\": \"liable(X)\", \"columns\": [\"X\", \"status\"], \"rows\": [[\"acme\", \"rejected\"]], "
            "\"status\": \"ok\", \"diagnostics\": [{\"severity\": \"warning\", \"file\": \"asked.writ\", \"line\": 1, "
            "\"column\": 5, \"message\": \"'plaintiff' makes no claims: answered from the neutral perspective\"}]}\n");
}

}  // namespace
}  // namespace writ::cli::test
