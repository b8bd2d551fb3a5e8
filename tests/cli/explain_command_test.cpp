// writ explain and the REPL's .why, .whynot, .assume and .forget: exact outputs.
#include <gtest/gtest.h>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

constexpr std::string_view penguins = R"(#source zoo { kind: register }.
bird(tweety). bird(opus). penguin(opus) @ zoo "Opus is a penguin.".
r1: flies(X) :~ bird(X).
r2: -flies(X) :~ penguin(X).
r2 > r1.
flies(X) means "X flies".
)";

TEST(Explain, TextShowsArgumentsForAndAgainstDownToTheSource) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"explain", "p.writ", "-q", "flies(opus)"}, {}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "flies(opus): rejected\n"
            "  \"opus flies\"\n"
            "  for: r1, defeasible rule at p.writ:3 (defeated)\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    bird(opus): established\n"
            "      for: fact at p.writ:2\n"
            "        bird(opus).\n"
            "  against: r2, defeasible rule at p.writ:4\n"
            "    r2: -flies(X) :~ penguin(X).\n"
            "    defeats it: 'r2' has priority over 'r1'\n"
            "    penguin(opus): established\n"
            "      for: fact at p.writ:2\n"
            "        penguin(opus) @ zoo \"Opus is a penguin.\".\n"
            "        source: zoo (register): \"Opus is a penguin.\"\n");
}

TEST(Explain, JsonAndDot) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto json = run_writ({"explain", "p.writ", "-q", "flies(tweety)", "--format", "json"}, {}, dir.path());
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out,
            "{\"kind\": \"conclusion\", \"role\": \"for\", \"literal\": \"flies(tweety)\", \"sentence\": \"tweety flies\", "
            "\"status\": \"accepted\", \"children\": [{\"kind\": \"argument\", \"role\": \"for\", \"label\": \"r1\", "
            "\"what\": \"defeasible rule\", \"text\": \"r1: flies(X) :~ bird(X).\", \"place\": \"p.writ:3\", "
            "\"stands\": \"yes\", \"children\": [{\"kind\": \"conclusion\", \"role\": \"for\", \"literal\": "
            "\"bird(tweety)\", \"status\": \"established\", \"children\": [{\"kind\": \"argument\", \"role\": \"for\", "
            "\"what\": \"fact\", \"text\": \"bird(tweety).\", \"place\": \"p.writ:2\", \"stands\": \"yes\", "
            "\"children\": []}]}]}]}\n");
  const auto dot = run_writ({"explain", "p.writ", "-q", "flies(opus)", "--format", "dot"}, {}, dir.path());
  EXPECT_EQ(dot.exit_code, 0);
  EXPECT_EQ(dot.out.substr(0, 16), "digraph writ {\n ");
  EXPECT_NE(dot.out.find("n4 -> n0 [color=red, label=\"attacks\"];\n"), std::string::npos) << dot.out;
}

TEST(Explain, NeedsAGoal) {
  const auto r = run_writ({"explain", "x.writ"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: 'explain' needs -q GOAL\nTry 'writ explain --help' for more information.\n");
}

TEST(ReplWhatIf, AssumeShowsWhatChangedAndForgetUndoesIt) {
  TempDir dir;
  dir.write("c.writ",
            "product(frontier).\n"
            "microsoft claims covered(frontier).\n"
            "openai denies covered(frontier).\n"
            "r_breach: breach(P) :~ covered(P), product(P).\n");
  const auto r = run_writ({"repl", "c.writ"},
                          "breach(P)?\n"
                          ".assume covered(frontier).\n"
                          ".assume\n"
                          ".forget\n"
                          ".assume off r_breach\n"
                          ".assume off r_nothing\n",
                          dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "?- breach(P).\n"
            "P         status\n"
            "--------  ---------\n"
            "frontier  contested\n"
            "(1 answer)\n"
            "assumed; what changed in the questions asked so far:\n"
            "?- breach(P).\n"
            "  ~ P = frontier: contested -> accepted\n"
            "covered(frontier).\n"
            "assumptions dropped; what changed back:\n"
            "?- breach(P).\n"
            "  ~ P = frontier: accepted -> contested\n"
            "assumed; what changed in the questions asked so far:\n"
            "?- breach(P).\n"
            "  - P = frontier (was contested)\n");
  EXPECT_EQ(r.err, "writ: error: no rule is labelled 'r_nothing'\n");
}

TEST(ReplWhy, WhyAndWhyNot) {
  TempDir dir;
  dir.write("p.writ", penguins);
  const auto r = run_writ({"repl", "p.writ"}, ".why bird(tweety)\n.whynot flies(nobody)\n", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "bird(tweety): established\n"
            "  for: fact at p.writ:2\n"
            "    bird(tweety).\n"
            "flies(nobody): no argument\n"
            "  \"nobody flies\"\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r1, defeasible rule at p.writ:3 (does not apply)\n"
            "    r1: flies(X) :~ bird(X).\n"
            "    premise bird(nobody) does not hold: no fact or rule concludes it\n");
}

TEST(ReplWhy, WhyNotFollowsAMissingPremiseAndNamesTheDefeater) {
  TempDir dir;
  dir.write("p.writ", std::string(penguins) +
                          "r3: travels(X) :~ flies(X), ticket(X).\n"
                          "ticket(X) :- booked(X, Y), Y > 0.\n"
                          "booked(tweety, 0).\n");
  const auto r = run_writ({"repl", "p.writ"}, ".whynot travels(tweety)\n.whynot travels(opus)\n", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "travels(tweety): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r3, defeasible rule at p.writ:7 (does not apply)\n"
            "    r3: travels(X) :~ flies(X), ticket(X).\n"
            "    premise ticket(tweety) does not hold: no fact states it, and no rule that could conclude it applies\n"
            "    ticket(tweety): no argument\n"
            "      no fact states it, and no rule that could conclude it applies\n"
            "      for: rule at p.writ:8 (does not apply)\n"
            "        ticket(X) :- booked(X, Y), Y > 0.\n"
            "        premise 0 > 0 does not hold\n"
            "travels(opus): no argument\n"
            "  no fact states it, and no rule that could conclude it applies\n"
            "  for: r3, defeasible rule at p.writ:7 (does not apply)\n"
            "    r3: travels(X) :~ flies(X), ticket(X).\n"
            "    premise ticket(opus) does not hold: no fact states it, and no rule that could conclude it applies\n"
            "    ticket(opus): no argument\n"
            "      no fact states it, and no rule that could conclude it applies\n"
            "      for: rule at p.writ:8 (does not apply)\n"
            "        ticket(X) :- booked(X, Y), Y > 0.\n"
            "        premise booked(opus, Y) does not hold: no fact or rule concludes it\n");
}

}  // namespace
}  // namespace writ::cli::test
