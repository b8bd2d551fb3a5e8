// query/argue/proof_standard: each standard's definition at its thresholds, the three-valued
// judgement while arguments may or may not apply, and the texts explanations show.
#include <gtest/gtest.h>

#include "query/argue/proof_standard.hpp"

namespace writ::query::argue {
namespace {

Sides sides(std::optional<Weight> pro, std::optional<Weight> con) { return Sides{pro, con}; }

TEST(ProofStandard, DefinitionsAtTheThresholds) {
  using enum ProofStandard;
  EXPECT_TRUE(meets(Scintilla, sides(0, 1000)));
  EXPECT_FALSE(meets(Scintilla, sides(std::nullopt, std::nullopt)));
  EXPECT_TRUE(meets(Preponderance, sides(501, 500)));
  EXPECT_FALSE(meets(Preponderance, sides(500, 500)));  // a tie: the burdened side loses
  EXPECT_TRUE(meets(Preponderance, sides(1, std::nullopt)));
  EXPECT_FALSE(meets(Preponderance, sides(0, std::nullopt)));
  // Clear and convincing: above alpha (0.4) and above the other side by more than beta (0.3).
  EXPECT_FALSE(meets(ClearAndConvincing, sides(400, std::nullopt)));
  EXPECT_TRUE(meets(ClearAndConvincing, sides(401, std::nullopt)));
  EXPECT_FALSE(meets(ClearAndConvincing, sides(800, 500)));
  EXPECT_TRUE(meets(ClearAndConvincing, sides(801, 500)));
  // Beyond reasonable doubt: that, and the other side below gamma (0.2).
  EXPECT_TRUE(meets(BeyondReasonableDoubt, sides(900, 199)));
  EXPECT_FALSE(meets(BeyondReasonableDoubt, sides(900, 200)));
  EXPECT_FALSE(meets(BeyondReasonableDoubt, sides(400, std::nullopt)));
  EXPECT_TRUE(meets(DialecticalValidity, sides(1, std::nullopt)));
  EXPECT_FALSE(meets(DialecticalValidity, sides(1000, 0)));
}

TEST(ProofStandard, UndecidedArgumentsLeaveTheVerdictOpenOnlyWhenTheyMatter) {
  using enum ProofStandard;
  // For: 0.7 sure; against: 0.6 possible. Preponderance turns on the possible one.
  EXPECT_EQ(judge(Preponderance, Weighing{sides(700, std::nullopt), sides(700, 600)}), Verdict::Met);
  EXPECT_EQ(judge(Preponderance, Weighing{sides(700, std::nullopt), sides(700, 800)}), Verdict::Open);
  EXPECT_EQ(judge(Preponderance, Weighing{sides(std::nullopt, 800), sides(700, 800)}), Verdict::Failed);
  EXPECT_EQ(judge(Scintilla, Weighing{sides(std::nullopt, std::nullopt), sides(100, std::nullopt)}), Verdict::Open);
  EXPECT_EQ(judge(Scintilla, Weighing{sides(100, 900), sides(100, 900)}), Verdict::Met);
  EXPECT_EQ(judge(DialecticalValidity, Weighing{sides(900, std::nullopt), sides(900, 100)}), Verdict::Open);
}

TEST(ProofStandard, Texts) {
  EXPECT_EQ(weight_text(800), "0.8");
  EXPECT_EQ(weight_text(25), "0.025");
  EXPECT_EQ(weight_text(1000), "1");
  EXPECT_EQ(weight_text(0), "0");
  EXPECT_STREQ(standard_name(ProofStandard::ClearAndConvincing), "clear and convincing evidence");
  EXPECT_EQ(reason(ProofStandard::Preponderance, sides(800, 300)),
            "met: the strongest argument for it (0.8) outweighs the strongest against it (0.3)");
  EXPECT_EQ(reason(ProofStandard::BeyondReasonableDoubt, sides(300, std::nullopt)),
            "not met: the strongest argument for it (0.3) is not above 0.4");
  EXPECT_EQ(reason(ProofStandard::BeyondReasonableDoubt, sides(800, 100)),
            "met: the strongest argument for it (0.8) is above 0.4 and above the strongest against it (0.1) by more "
            "than 0.3, which is below 0.2");
  EXPECT_EQ(reason(ProofStandard::ClearAndConvincing, sides(800, 600)),
            "not met: the strongest argument for it (0.8) is not above the strongest against it (0.6) by more than 0.3");
  EXPECT_EQ(reason(ProofStandard::DialecticalValidity, sides(800, 100)), "not met: an argument against it applies");
  EXPECT_EQ(reason(ProofStandard::Scintilla, sides(std::nullopt, 100)), "not met: no argument for it applies");
}

}  // namespace
}  // namespace writ::query::argue
