// What check and load accept, every question can evaluate (issue 11, item 2): an error
// that needs no data (arithmetic on constants that overflows, an aggregate over argued
// conclusions) is refused when the program is checked; an error that depends on the data
// (an overflow only some bindings reach) fails only the questions that reach its rule.
#include <gtest/gtest.h>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

class EvaluableLoads : public ::testing::Test {
 protected:
  TempDir dir;
  ProcessResult writ(const std::vector<std::string>& args) { return run_writ(args, {}, dir.path()); }
};

constexpr std::string_view constant_overflow_error =
    "overflow.writ:2:3: error: integer overflow: the result does not fit in 64 bits (signed)\n"
    " 2 | p(1 + 9223372036854775807).\n"
    "   |   ^~~~~~~~~~~~~~~~~~~~~~~\n";

TEST_F(EvaluableLoads, ArithmeticOnConstantsThatOverflowsIsRefusedByCheckAndLoad) {
  dir.write("overflow.writ", "edge(1, 2).\np(1 + 9223372036854775807).\n");
  const auto check = writ({"check", "overflow.writ"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(check.err, constant_overflow_error);
  const auto load = writ({"load", "--db", "case.db", "overflow.writ"});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_EQ(load.err, constant_overflow_error);
  // Nothing was added: the store (if the load made one) answers nothing about edge.
  const auto run = writ({"run", "overflow.writ", "-q", "edge(X, Y), X > 0"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, constant_overflow_error);
}

TEST_F(EvaluableLoads, ConstantOverflowInAQuestionIsAnErrorAtItsPlace) {
  dir.write("edges.writ", "edge(1, 2).\n");
  const auto r = writ({"run", "edges.writ", "-q", "edge(X, Y), Z = 9223372036854775807 * 2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "-q:1:17: error: integer overflow: the result does not fit in 64 bits (signed)\n"
            " 1 | edge(X, Y), Z = 9223372036854775807 * 2\n"
            "   |                 ^~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_F(EvaluableLoads, AnAggregateOverDefeasibleConclusionsIsRefusedByCheckAndLoad) {
  dir.write("argued.writ", "a(1).\nr1: b(X) :~ a(X).\nc(N) :- N = #count{ X : b(X) }.\n");
  const std::string error =
      "argued.writ:3:25: error: an aggregate over 'b/1', which defeasible rules or claims conclude, needs a status "
      "test: `does b(...)` counts what holds (a contested conclusion is neither in nor out of the set)\n"
      " 3 | c(N) :- N = #count{ X : b(X) }.\n"
      "   |                         ^~~~\n";
  const auto check = writ({"check", "argued.writ"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(check.err, error);
  const auto load = writ({"load", "--db", "case.db", "argued.writ"});
  EXPECT_EQ(load.exit_code, 1);
  EXPECT_EQ(load.err, error);
  // With the status test it asks for, check, load and questions agree.
  dir.write("tested.writ", "a(1).\nr1: b(X) :~ a(X).\nc(N) :- N = #count{ X : does b(X) }.\n");
  EXPECT_EQ(writ({"check", "tested.writ"}).exit_code, 0);
  ASSERT_EQ(writ({"load", "--db", "case.db", "tested.writ"}).exit_code, 0);
  const auto run = writ({"run", "--db", "case.db", "-q", "c(N)", "-q", "a(X)", "--format", "csv"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "\"?- c(N).\"\nN,status\n1,accepted\n\n\"?- a(X).\"\nX,status\n1,established\n");
}

constexpr std::string_view data_overflow = R"(edge(1, 2). edge(2, 3).
n(9223372036854775807).
big(X) :- n(Y), X = Y * 2.
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
)";

constexpr std::string_view big_error =
    "data.writ:3:21: error: integer overflow: the result does not fit in 64 bits (signed)\n"
    " 3 | big(X) :- n(Y), X = Y * 2.\n"
    "   |                     ^~~~~\n";

TEST_F(EvaluableLoads, AnOverflowThatDependsOnTheDataFailsOnlyTheQuestionsThatReachIt) {
  dir.write("data.writ", data_overflow);
  ASSERT_EQ(writ({"check", "data.writ"}).exit_code, 0);
  ASSERT_EQ(writ({"load", "--db", "case.db", "data.writ"}).exit_code, 0);
  // The whole fixpoint fails; a question without constants is answered from its part,
  // one with constants goal-directed, and the failing rule's question fails at its place.
  const auto r = writ({"run", "--db", "case.db", "-q", "edge(X, Y), X > 0", "-q", "big(X)", "-q", "path(1, Y)",
                       "-q", "path(X, Y)", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "\"?- edge(X, Y), X > 0.\"\nX,Y\n1,2\n2,3\n\n\"?- path(1, Y).\"\nY\n2\n3\n\n\"?- path(X, Y).\"\nX,Y\n1,2\n1,3\n2,3\n");
  EXPECT_EQ(r.err, big_error);
  // The same without a store.
  const auto in_memory = writ({"run", "data.writ", "-q", "edge(X, Y), X > 0", "-q", "big(X)", "--format", "csv"});
  EXPECT_EQ(in_memory.exit_code, 1);
  EXPECT_EQ(in_memory.out, "\"?- edge(X, Y), X > 0.\"\nX,Y\n1,2\n2,3\n");
  EXPECT_EQ(in_memory.err, big_error);
}

TEST_F(EvaluableLoads, AnOverflowThatDependsOnTheDataSparesArguedQuestionsToo) {
  dir.write("data.writ", std::string(data_overflow) + "r1: fine(X) :~ edge(X, _).\nr2: -fine(X) :~ edge(_, X).\n");
  const auto r = writ({"run", "data.writ", "-q", "fine(X)", "-q", "big(X)", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "\"?- fine(X).\"\nX,status\n1,accepted\n2,contested\n");
  EXPECT_EQ(r.err, big_error);
  const auto explained = writ({"explain", "data.writ", "-q", "fine(1)"});
  EXPECT_EQ(explained.exit_code, 0) << explained.err;
  EXPECT_EQ(explained.err, "");
}

}  // namespace
}  // namespace writ::cli::test
