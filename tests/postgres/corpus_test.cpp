// The differential corpus inside PostgreSQL: every program of tests/differential's
// generator (recursion, negation, aggregates, arithmetic; the seeds of its GeneratedPrograms
// shards) evaluated natively and inside PostgreSQL (KnowledgeBase::open_postgres), with the
// same answers required: every relation's rows, in the same order, and the same errors.
//
// One program in five is loaded into a schema of its own (the load writes its statements
// and facts there, and evaluation reads the stored facts); the others are answered over a
// schema that holds nothing of theirs (their facts go to the server with each evaluation).
//
// Environment: WRIT_DIFF_SEED and WRIT_DIFF_COUNT as in tests/differential; WRIT_TEST_PG_DIR
// (set by ctest) names the server's directory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "postgres_fixture.hpp"
#include "program_generator.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::test {
namespace {

constexpr std::uint64_t kDefaultSeed = 0x5eed2024;  // tests/differential's
constexpr int kShards = 6;
constexpr int kProgramsPerShard = 60;

std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  return std::strtoull(text, nullptr, 0);
}

using Signatures = std::set<std::pair<std::string, std::size_t>>;

// Every relation of `signatures`, as text: each row's values, and the errors if any.
std::string model_of(kb::KnowledgeBase& kb, const Signatures& signatures) {
  std::string out;
  for (const auto& [name, arity] : signatures) {
    for (const auto& r : kb.relation(name, arity)) {
      out += r.answers.query + ":";
      if (r.outcome != kb::Outcome::Ok) {
        std::vector<kb::Diagnostic> errors;
        for (const auto& d : r.diagnostics)
          if (d.severity == query::Severity::Error) errors.push_back(d);
        out += " failed\n" + kb.render(errors);
        continue;
      }
      out += "\n";
      for (const auto& row : r.answers.rows) {
        out += " ";
        for (const auto& v : row) out += " " + query::to_source(v);
        out += "\n";
      }
    }
  }
  return out;
}

// A writ schema that holds nothing the programs use, made once per test process.
const std::string& empty_schema() {
  static const std::string name = [] {
    const std::string schema = "empty_" + std::to_string(::getpid());
    kb::KnowledgeBase kb;
    const auto opened = kb.open_postgres(test_conninfo(), {schema, false});
    EXPECT_EQ(opened.outcome, kb::Outcome::Ok) << kb.render(opened.diagnostics);
    const auto loaded = kb.load({{"marker.writ", "writ_test_marker."}});
    EXPECT_EQ(loaded.outcome, kb::Outcome::Ok) << kb.render(loaded.diagnostics);
    return schema;
  }();
  return name;
}

class Corpus : public ::testing::TestWithParam<int> {};

TEST_P(Corpus, NativeAndPostgresAgree) {
  WRIT_NEEDS_POSTGRES();
  const auto count = static_cast<int>(env_number("WRIT_DIFF_COUNT", kProgramsPerShard));
  const std::uint64_t first =
      env_number("WRIT_DIFF_SEED", kDefaultSeed) + static_cast<std::uint64_t>(GetParam()) * static_cast<std::uint64_t>(count);
  int failures = 0;
  for (int k = 0; k < count && failures < 3; ++k) {
    const std::uint64_t seed = first + static_cast<std::uint64_t>(k);
    const auto program = differential::generate_program(seed);
    SCOPED_TRACE("seed " + std::to_string(seed) + ":\n" + program.text());
    Signatures signatures;
    for (const auto& p : program.predicates) signatures.emplace(p.name, p.arity);

    kb::KnowledgeBase native;
    const auto loaded = native.load({{"program.lp", program.text()}});
    ASSERT_EQ(loaded.outcome, kb::Outcome::Ok) << native.render(loaded.diagnostics);
    for (const auto& p : native.predicates()) signatures.emplace(p.name, p.arity);

    kb::KnowledgeBase in_postgres;
    const bool stored = seed % 5 == 0;
    const std::string schema = stored ? "corpus_" + std::to_string(seed) : empty_schema();
    const auto opened = in_postgres.open_postgres(test_conninfo(), {schema, !stored});
    ASSERT_EQ(opened.outcome, kb::Outcome::Ok) << in_postgres.render(opened.diagnostics);
    const auto loaded_there = in_postgres.load({{"program.lp", program.text()}});
    ASSERT_EQ(loaded_there.outcome, kb::Outcome::Ok) << in_postgres.render(loaded_there.diagnostics);

    const auto expected = model_of(native, signatures);
    const auto actual = model_of(in_postgres, signatures);
    EXPECT_EQ(expected, actual) << (stored ? "(loaded into schema " + schema + ")" : "(facts sent with the evaluation)");
    if (expected != actual) ++failures;
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, Corpus, ::testing::Range(0, kShards));

}  // namespace
}  // namespace writ::test
