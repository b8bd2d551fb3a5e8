// writ::kb::KnowledgeBase — the knowledge base: load statements, ask questions.
//
// This is the one object that the `writ` command and embedders use. It joins the grammar
// (text -> AST), the checks and the evaluator.
//
// Errors are values: every call that reads user input returns its diagnostics; nothing
// here throws on bad input. Not thread-safe: use one KnowledgeBase from one thread at a
// time, except cancel(), which may be called from any thread or a signal handler.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.hpp"
#include "query/diagnostic.hpp"
#include "query/value.hpp"

namespace writ::kb {

using query::Diagnostic;
using query::Value;

struct Limits {
  std::optional<std::chrono::milliseconds> timeout;  // per evaluation
  std::optional<std::uint64_t> max_facts;            // derived + stored tuples, all relations
};

enum class Outcome {
  Ok,
  InputError,  // the input has errors (diagnostics say which); exit status 1
  LimitHit,    // --timeout or --max-facts ended the evaluation; exit status 3
  Cancelled,   // cancel() was called (Ctrl-C)
};

// One text to load: its name (a file path, "<stdin>", "<repl>") and contents.
struct Input {
  std::string name;
  std::string text;
};

struct LoadResult {
  Outcome outcome = Outcome::Ok;
  std::vector<Diagnostic> diagnostics;  // errors and warnings about the loaded texts
  std::vector<query::Query> queries;    // the texts' `?-` queries, not yet answered
};

struct Answers {
  std::string query;                     // the goal as written
  std::vector<std::string> columns;      // named variables, in order of first appearance
  std::vector<std::vector<Value>> rows;  // distinct, sorted by value order
};

struct AskResult {
  Outcome outcome = Outcome::Ok;
  Answers answers;
  std::vector<Diagnostic> diagnostics;  // warnings (e.g. an undefined predicate) or errors
};

struct PredicateInfo {
  std::string name;
  std::size_t arity = 0;
  std::size_t facts = 0;  // stated facts
  std::size_t rules = 0;  // rules with this head
};

class KnowledgeBase {
 public:
  explicit KnowledgeBase(Limits limits = {});
  ~KnowledgeBase();
  KnowledgeBase(const KnowledgeBase&) = delete;
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // Parses and checks the texts together with what is already loaded. All or nothing: if
  // any text has an error, nothing is added and outcome is InputError.
  LoadResult load(std::vector<Input> inputs);
  // Reads the files, then load(). A file that cannot be read is an error.
  LoadResult load_files(const std::vector<std::string>& paths);

  // Answers a goal written as after `?-` (final `.` optional). `name` names it in messages.
  AskResult ask(std::string_view goal, std::string name = "<query>");
  // Answers a query returned by load().
  AskResult ask(const query::Query& query);

  // The relation of `predicate` (all arities when arity is empty) after evaluation, one
  // Answers per arity, columns named A1..An.
  std::vector<AskResult> relation(std::string_view predicate,
                                  std::optional<std::size_t> arity = std::nullopt);

  std::vector<PredicateInfo> predicates() const;  // sorted by name, then arity
  // The text of each rule and fact whose head is `predicate` (every rule when empty).
  std::vector<std::string> rule_texts(std::string_view predicate = {}) const;

  // For a REPL's continuation lines (like sqlite3_complete): true when `text` ends a
  // statement, false when more input is needed (an open string, comment or bracket, or no
  // final `.` or `?`). Blank text is complete. Forwards to grammar::is_complete.
  static bool is_complete(std::string_view text);

  // Diagnostics rendered as `FILE:LINE:COL: error: ...` with the source line and a caret.
  std::string render(const std::vector<Diagnostic>& diagnostics) const;

  void set_limits(Limits limits);
  // Ends the running evaluation with Outcome::Cancelled. Async-signal-safe; the flag is
  // cleared when the next call starts.
  void cancel() noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace writ::kb
