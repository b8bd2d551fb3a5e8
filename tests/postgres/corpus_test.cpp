// The differential corpus inside PostgreSQL: every program of tests/differential's
// generator (recursion, negation, aggregates, arithmetic; the seeds of its GeneratedPrograms
// shards) evaluated natively and inside PostgreSQL (KnowledgeBase::open_postgres), with the
// same answers required: every relation's rows, in the same order, and the same errors.
//
// One program in five is loaded into a schema of its own (the load writes its statements
// and facts there, and evaluation reads the stored facts); the others are answered over a
// schema that holds nothing of theirs (their facts go to the server with each evaluation).
// One in ten is also compiled to a script (`writ compile --sql`), which the server runs
// whole: its tables must then hold the same relations.
//
// Environment: WRIT_DIFF_SEED as in tests/differential; WRIT_PG_CORPUS_COUNT programs per
// shard (default 60, as there); WRIT_TEST_PG_DIR (set by ctest) names the server's directory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pg_client.hpp"
#include "postgres_fixture.hpp"
#include "program_generator.hpp"
#include "sql/names.hpp"
#include "sql/values.hpp"
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

// The relations of `signatures` as a script compiled by `kb` left them in `schema`, as
// model_of() writes them; a relation the program does not hold reads as empty.
std::string script_model(kb::KnowledgeBase& kb, const Signatures& signatures, const std::string& schema,
                         bool& failed) {
  const auto compiled = kb.compile_sql({}, kb::SqlOptions{schema, {}});
  EXPECT_EQ(compiled.outcome, kb::Outcome::Ok) << kb.render(compiled.diagnostics);
  std::string error;
  sql(test_conninfo(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");  // a server used before
  sql(test_conninfo(), compiled.script, &error);
  failed = !error.empty();
  if (failed) return error;
  std::set<std::pair<std::string, std::size_t>> known;  // what relation() answers for
  for (const auto& p : kb.predicates()) known.emplace(p.name, p.arity);
  std::string out;
  for (const auto& [name, arity] : signatures) {
    if (!known.count({name, arity})) continue;
    const query::PredicateId p{name, static_cast<std::uint32_t>(arity)};
    out += p.to_string() + ":\n";
    const std::string table = sql::identifier(schema) + "." + sql::identifier(sql::relation_table(p));
    if (sql_value(test_conninfo(), "SELECT to_regclass('" + table + "') IS NOT NULL") != "t") continue;
    std::string columns;
    for (const auto& c : sql::relation_columns(static_cast<std::uint32_t>(arity))) columns += (columns.empty() ? "" : ", ") + c;
    for (const auto& row : sql(test_conninfo(), "SELECT " + columns + " FROM " + table + " ORDER BY " + columns)) {
      out += " ";
      for (std::size_t k = 0; arity > 0 && k < row.size(); ++k) {
        const auto v = sql::decode(row[k]);
        out += " " + (v ? query::to_source(*v) : "?" + row[k]);
      }
      out += "\n";
    }
  }
  return out;
}

class Corpus : public ::testing::TestWithParam<int> {};

TEST_P(Corpus, NativeAndPostgresAgree) {
  WRIT_NEEDS_POSTGRES();
  const auto count = static_cast<int>(env_number("WRIT_PG_CORPUS_COUNT", kProgramsPerShard));
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
    if (stored) sql(test_conninfo(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    const auto opened = in_postgres.open_postgres(test_conninfo(), {schema, !stored});
    ASSERT_EQ(opened.outcome, kb::Outcome::Ok) << in_postgres.render(opened.diagnostics);
    const auto loaded_there = in_postgres.load({{"program.lp", program.text()}});
    ASSERT_EQ(loaded_there.outcome, kb::Outcome::Ok) << in_postgres.render(loaded_there.diagnostics);

    const auto expected = model_of(native, signatures);
    const auto actual = model_of(in_postgres, signatures);
    EXPECT_EQ(expected, actual) << (stored ? "(loaded into schema " + schema + ")" : "(facts sent with the evaluation)");
    if (expected != actual) ++failures;

    if (seed % 10 != 1) continue;
    bool failed = false;
    const auto scripted = script_model(native, signatures, "script_" + std::to_string(seed), failed);
    if (expected.find(" failed\n") != std::string::npos) {
      EXPECT_TRUE(failed) << "the script ran where writ failed:\n" << expected;
      continue;
    }
    EXPECT_FALSE(failed) << scripted;
    if (!failed) {
      EXPECT_EQ(expected, scripted) << "(the script of writ compile --sql)";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Programs, Corpus, ::testing::Range(0, kShards));

}  // namespace
}  // namespace writ::test
