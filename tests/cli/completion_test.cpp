// Tab completion's choices (the readline side is exercised by hand).
#include "completion.hpp"

#include <gtest/gtest.h>

namespace writ::cli {
namespace {

const std::vector<kb::PredicateInfo> predicates = {
    {"parent", 2, 3, 0}, {"party", 0, 1, 0}, {"person", 1, 2, 0}, {"person", 2, 0, 1}};

using Words = std::vector<std::string>;

TEST(Completion, CommandsAtTheStartOfALine) {
  EXPECT_EQ(complete_word("", ".f", predicates).words, (Words{".facts", ".forget", ".format"}));
  EXPECT_EQ(complete_word("  ", ".q", predicates).words, (Words{".quit"}));
  EXPECT_EQ(complete_word("", ".l", predicates).words, (Words{".load", ".log"}));
  EXPECT_EQ(complete_word("", ".r", predicates).words, (Words{".read", ".reload", ".retract", ".rules"}));
}

TEST(Completion, PredicateNamesInStatements) {
  const auto c = complete_word("", "per", predicates);
  EXPECT_EQ(c.words, (Words{"person"}));
  EXPECT_EQ(c.append, '(');
  EXPECT_EQ(complete_word("x(Y) :- ", "par", predicates).words, (Words{"parent", "party"}));
  EXPECT_EQ(complete_word("", "party", predicates).append, '\0');  // no arguments
}

TEST(Completion, CommandArguments) {
  EXPECT_TRUE(complete_word(".load ", "fa", predicates).file_names);
  const auto facts = complete_word(".facts ", "pa", predicates);
  EXPECT_EQ(facts.words, (Words{"parent", "party"}));
  EXPECT_EQ(facts.append, ' ');
  EXPECT_EQ(complete_word(".format ", "", predicates).words, (Words{"csv", "json", "table"}));
  EXPECT_TRUE(complete_word(".help ", "", predicates).words.empty());
  const auto retract = complete_word(".retract ", "per", predicates);  // a statement follows
  EXPECT_EQ(retract.words, (Words{"person"}));
  EXPECT_EQ(retract.append, '(');
  EXPECT_TRUE(complete_word(".read ", "s", predicates).file_names);
  EXPECT_TRUE(complete_word(".output ", "", predicates).file_names);
  EXPECT_EQ(complete_word(".timer ", "o", predicates).words, (Words{"off", "on"}));
}

TEST(Completion, GoalsAfterWhyWhyNotAndAssume) {
  for (const char* command : {".why ", ".whynot ", ".assume ", "  .why [microsoft] "}) {
    const auto c = complete_word(command, "per", predicates);
    EXPECT_EQ(c.words, (Words{"person"})) << command;
    EXPECT_EQ(c.append, '(') << command;
  }
  EXPECT_EQ(complete_word(".why parent(X, Y), ", "pa", predicates).words, (Words{"parent", "party"}));
  const auto off = complete_word(".assume ", "o", predicates);
  EXPECT_EQ(off.words, (Words{"off"}));
  EXPECT_EQ(off.append, ' ');
  EXPECT_EQ(complete_word(".assume ", "", predicates).words, (Words{"off", "parent", "party", "person"}));
}

}  // namespace
}  // namespace writ::cli
