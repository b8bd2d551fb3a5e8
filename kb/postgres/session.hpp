// A knowledge base's link to a PostgreSQL schema: what `load --postgres` keeps there, and
// evaluation inside the server (docs/scale-out.md has the layout).
//
// The schema holds the value domain and functions (sql/runtime.hpp), the catalogue
// `writ_meta` (the layout's version), `writ_statement` (every statement that is not a plain
// fact, as text with its place: rules, claims, cited facts, declarations) and
// `writ_relation` (predicate, arity -> fact table), and one table per predicate with plain
// facts, a set of encoded values (sql/values.hpp). A load is one transaction.
//
// Evaluation never writes to the schema: it runs in a transaction of the session's own
// (REPEATABLE READ: one snapshot of the stored facts), in temporary tables for every
// relation that rules derive or that has facts in memory (a stored relation's facts are
// copied in first), reading the stored tables of the others in place; the answers come from
// that transaction, which ends (rolled back) when the program changes or the session ends.
// So answering needs only USAGE on the schema, SELECT on its tables and TEMPORARY on the
// database, and concurrent sessions do not wait for each other.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kb/postgres/connection.hpp"
#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"
#include "query/eval/evaluator.hpp"
#include "sql/program.hpp"

namespace writ::kb::postgres {

// The version of the layout a schema holds (writ_meta's `layout`); a schema of a newer
// version is refused.
inline constexpr int layout_version = 1;

// A statement kept as text: the load it came with, its source's name and its place there.
struct StoredStatement {
  std::int64_t load = 0;
  std::string source;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::string text;
};

enum class WriteOutcome { Written, Failed, Cancelled };

class Session {
 public:
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Connects and reads what `schema` is. Without `writable`, the schema must exist and be
  // writ's; with it, a missing or empty schema is created by the first load. The error is a
  // complete sentence.
  static std::optional<std::string> open(const std::string& conninfo, const std::string& schema, bool writable,
                                         std::unique_ptr<Session>& out);

  const std::string& schema() const { return schema_; }
  bool writable() const { return writable_; }

  // What the schema keeps: its statements in the order they were loaded, and the predicates
  // that have a fact table.
  std::optional<std::string> read(std::vector<StoredStatement>& statements, std::set<query::PredicateId>& relations);
  // The number of facts in the table of `p` (0 when it has none).
  std::optional<std::string> count_facts(const query::PredicateId& p, std::uint64_t& count);

  // Writes one load in one transaction: `statements` as text, and the plain facts of `rows`
  // into their tables (created when missing; a fact already there is not added again).
  // Polls `cancel`; on cancel or failure nothing is written (`error` says why).
  WriteOutcome write(const std::vector<StoredStatement>& statements, const std::vector<query::FactRows>& rows,
                     const std::atomic<bool>& cancel, std::string& error);
  // The predicates with a fact table, including those this session's loads created.
  const std::set<query::PredicateId>& stored() const { return stored_; }

  // Evaluates the strict part of a checked program (its facts in memory, the schema's
  // stored facts) in a transaction kept open for answer() until forget(). Errors and
  // limits: as the native evaluator reports them (an overflow at its place in the program).
  query::eval::Status evaluate(const query::Program& program, const sql::PlaceOf& place_of,
                               const query::eval::Limits& limits, std::vector<query::Diagnostic>& diagnostics);
  bool evaluated() const { return evaluated_.has_value(); }
  // The answers of a checked query after evaluate(): its columns, then each row in value
  // order.
  query::eval::Status answer(const query::Query& query, const query::eval::Limits& limits,
                             const std::function<void(const std::vector<std::string>&)>& on_columns,
                             const std::function<void(const std::vector<query::Value>&)>& on_row,
                             std::vector<query::Diagnostic>& diagnostics);
  // Ends the evaluation (its transaction is rolled back): the program changed.
  void forget();

  // Cancels the statement in progress, if any; async-signal-safe.
  void cancel() noexcept;

 private:
  Session() = default;
  struct Evaluation;
  // Runs evaluation statements in one round trip under `limits`; `counts` gets each one's
  // row count. On failure the evaluation ends and the diagnostics say why.
  query::eval::Status run(const std::vector<std::string>& statements, const query::eval::Limits& limits,
                          std::vector<std::uint64_t>* counts, std::vector<query::Diagnostic>& diagnostics);
  query::eval::Status failed(const PgError& e, const query::eval::Limits& limits, std::string_view doing,
                             std::vector<query::Diagnostic>& diagnostics);
  std::optional<std::string> create_layout();
  // Ends the evaluation's transaction, if any.
  void abandon();

  std::unique_ptr<Connection> connection_;
  std::string schema_;      // as given
  std::string identifier_;  // as an SQL identifier
  bool writable_ = false;
  bool exists_ = false;  // the schema exists
  bool ours_ = false;    // ... and holds writ's layout
  std::set<query::PredicateId> stored_;
  std::unique_ptr<Evaluation> evaluation_;
  std::optional<bool> evaluated_;
};

}  // namespace writ::kb::postgres
