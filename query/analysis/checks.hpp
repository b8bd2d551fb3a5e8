// The checks that run before anything is evaluated, as named passes.
//
// check_program() is the pipeline: it runs every pass over a whole program and returns
// their diagnostics sorted by place. A program with no errors can be evaluated.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "predicate.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::query {

namespace text {
class NormalizedText;
}

// Limits the checks enforce (documented in docs/language.md).
inline constexpr std::size_t max_arity = 64;

// Runs all passes. `program` must have had name_anonymous_variables() applied.
// IncrementalChecker (incremental_checks.hpp) gives the same diagnostics load by load: a
// pass added here must be added there too (tests/engine/incremental_load_test.cpp compares).
std::vector<Diagnostic> check_program(const Program& program);
// Checks a query against a program that passed check_program().
std::vector<Diagnostic> check_query(const Program& program, const Query& query);

// The passes. Those about one statement at a time also take a slice of the statements
// (IncrementalChecker runs them on a load's new statements only, without copying them).
void check_arity_limit(const Program& program, std::vector<Diagnostic>& out);
void check_arity_limit(std::span<const Rule> rules, std::span<const Query> queries, std::vector<Diagnostic>& out);
void check_safety(const Program& program, std::vector<Diagnostic>& out);
void check_safety(std::span<const Rule> rules, std::span<const Query> queries, std::vector<Diagnostic>& out);
void check_safety(const Query& query, std::vector<Diagnostic>& out);
void check_stratification(const Program& program, std::vector<Diagnostic>& out);
void check_definitions(const Program& program, const std::vector<const Query*>& queries,
                       std::vector<Diagnostic>& out);
void check_arity_consistency(const Program& program, std::vector<Diagnostic>& out);
void check_arguments(const Program& program, std::vector<Diagnostic>& out);
void check_builtins(const Program& program, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out);
void check_builtins(std::span<const Rule> rules, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out);
void check_types(const Program& program, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out);
// Status tests through recursion, and aggregates over conclusions that may stay contested
// without a status test (status_tests.hpp). Both look at the whole program.
void check_status_tests(const Program& program, std::vector<Diagnostic>& out);
void check_argued_aggregates(const Program& program, std::vector<Diagnostic>& out);
// Issues from program.issues[from] on: a second issue over a predicate or its contrary, an
// issue over what nothing argues (issues.cpp).
void check_issues(const Program& program, std::size_t from, std::vector<Diagnostic>& out);
void check_types(std::span<const Rule> rules, const std::vector<const Query*>& queries, std::vector<Diagnostic>& out);
void check_quotes(const Program& program, std::vector<Diagnostic>& out);
// Perspectives (perspectives.cpp): a query's `[party]` must name a party that makes
// claims; a party that only bears a burden warns that the answer is the neutral one.
void check_perspectives(const Program& program, const std::vector<const Query*>& queries,
                        std::vector<Diagnostic>& out);
// The parties that make claims in `program`.
std::set<std::string> claimants(const Program& program);
// Whether `query` names a perspective in which no party claims anything (answered as the
// neutral one, after check_perspectives() warned).
bool answers_neutrally(const Program& program, const Query& query);
// The name of `names` closest to `name` when it is a plausible typo of it (a few edits,
// not all of it), for "did you mean".
std::optional<std::string> closest_name(const std::string& name, const std::set<std::string>& names);

// The quotes pass one citation at a time (analysis/quotes.cpp): `cited`'s quote must be in
// `document`, the document of the source named `source`. Keeps each document's normalised
// text for the next citation.
class QuoteChecker {
 public:
  QuoteChecker();
  ~QuoteChecker();
  QuoteChecker(const QuoteChecker&) = delete;
  QuoteChecker& operator=(const QuoteChecker&) = delete;
  void check(const Rule& cited, const Document& document, const std::string& source, std::vector<Diagnostic>& out);

 private:
  std::map<std::shared_ptr<const std::string>, std::unique_ptr<text::NormalizedText>> normalized_;
};

// The warning check_definitions() gives at the first use of `p`, which `defined` (every
// predicate some statement concludes, and the built-ins) lacks.
std::string undefined_predicate_message(const PredicateId& p, const std::set<PredicateId>& defined);

}  // namespace writ::query
