// The session behind a KnowledgeBase (its Impl): what was loaded and assumed, what is
// derived from it on demand, the store it keeps in step with, and the locks that let
// readers share it. A question flows down once: answer.cpp checks it, asks the session for
// the program it needs (session.cpp: with the stored facts it depends on read in, then
// evaluated or argued) or for a table's rows (store_sync.cpp), and hands the rows out.
//
//   knowledge_base.cpp  the object itself: construction, limits, cancel, render
//   session.cpp         the program and its caches: assumptions, invalidation, stored facts
//                       read on demand, the fixpoint, the argument graphs
//   load.cpp            reading inputs: files, texts and CSV tables into checked statements
//   store_sync.cpp      the store: open, writing loads and retractions, the log, verify,
//                       lookups in a fact table, materialize
//   answer.cpp          questions: ask, explain, why-not, relations, listings
//   on_postgres.cpp     a PostgreSQL schema instead of the store: open, and questions
//                       evaluated inside the server; the program as a SQL script
//   session_lock.hpp    readers and writers
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kb/postgres/session.hpp"
#include "kb/session_lock.hpp"
#include "kb/store/stored_program.hpp"
#include "query/analysis/incremental_checks.hpp"
#include "query/argue/argument_graph.hpp"
#include "query/eval/evaluator.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::kb {

Outcome outcome_of(query::eval::Status s);

// Exceptions stay inside: a bug or an exhausted resource in the engine becomes an error
// diagnostic at the boundary, never an abort of the embedding program.
template <class Result, class F>
Result guarded(const F& f) noexcept {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    Result r;
    r.outcome = Outcome::LimitHit;
    r.diagnostics.push_back(query::make_error({}, "out of memory"));
    return r;
  } catch (const std::exception& e) {
    Result r;
    r.outcome = Outcome::InputError;
    r.diagnostics.push_back(query::make_error({}, std::string("internal error: ") + e.what()));
    return r;
  }
}

struct KnowledgeBase::Impl : SessionLocks {
  using ColumnsVisitor = KnowledgeBase::ColumnsVisitor;
  using RowVisitor = KnowledgeBase::RowVisitor;

  // ---- The session's program (session.cpp). Writers change it; readers read it under
  // `state`, and build the caches below under `derive`.
  Limits limits;
  query::SourceSet sources;
  query::Program program;             // every accepted statement, anonymous variables named apart
  query::IncrementalChecker checker;  // checks what a load adds against `program`
  query::eval::Evaluator evaluator;
  bool evaluated = false;
  // The whole program's evaluation (or argument graph) failed with an error of evaluation
  // that depends on the data: questions are answered from the part they depend on
  // (fixpoint_for(), graph()) until the program or the facts read change.
  bool whole_fails = false;
  bool whole_graph_fails = false;
  // The argument graphs by perspective ("" is the neutral one), built on demand.
  std::map<std::string, std::unique_ptr<query::argue::ArgumentGraph>> graphs;

  // What-if (assume): statements assumed on top of the program and rules switched off by
  // label; never stored. `merged` is the program they make, while there are any.
  query::Program assumed;
  std::set<std::string> switched_off;
  std::optional<query::Program> merged;

  bool has_assumptions() const {
    return !assumed.rules.empty() || !assumed.preferences.empty() || !switched_off.empty();
  }
  // The program every answer comes from: the loaded one, or the hypothetical one.
  const query::Program& effective() const { return merged ? *merged : program; }
  // The program or the assumptions changed: every derived thing must be computed again.
  // Writers only.
  void invalidate();
  // Whether the program uses the argumentation layer (then answers carry a status).
  bool argued() const;
  query::eval::Limits eval_limits() const;

  // A reader's goal, kept for its diagnostics (render() reads it later).
  query::SourceId add_source(std::string name, std::string_view text);
  // Drops a reader's goal again when no diagnostic points into it.
  void release_source(query::SourceId id, const std::vector<Diagnostic>& diagnostics);
  std::string source_name(query::SourceId id);

  // ---- Stored facts, read on demand (session.cpp). They are read when a question needs
  // them, not when the store opens: a store of a million facts opens in milliseconds, and
  // `edge(5, X)?` reads one row (lookup()). `unread` are the fact tables whose facts are not
  // in `program` (their predicates are in program.external), as `visible` sees them: the
  // state open() read, and this knowledge base's own loads since. A reader reads the ones
  // its question depends on into `with_rows` or `with_facts` (a copy of effective() plus
  // those facts), under `derive`. Writers never read them: a load adds rows to the tables,
  // a retraction marks rows retracted there.
  std::unique_ptr<store::Store> store;  // when open() succeeded
  // When open_postgres() succeeded: the schema whose facts and statements are loaded, where
  // every question is evaluated (on_postgres.cpp). `postgres_cancel` is the same session
  // for cancel(), which may run in a signal handler.
  std::unique_ptr<postgres::Session> postgres;
  std::atomic<postgres::Session*> postgres_cancel{nullptr};
  std::optional<std::int64_t> as_of;     // the store opened as of this transaction
  std::vector<store::FactTable> unread;
  store::Visible visible;
  store::SourceMap store_sources;  // the store's sources read so far (writers, or under derive)
  // effective() with the facts of some unread tables read in, and which tables those are.
  struct WithStoredFacts {
    std::optional<query::Program> program;
    std::vector<bool> read;
  };
  WithStoredFacts with_facts;  // as rules (argument graphs)
  WithStoredFacts with_rows;   // as rows (the evaluator)

  // Adds a text the knowledge base keeps (a stored source), for readers too.
  store::AddSource keep_source();
  store::SourceText source_text();
  // The index in `unread` of predicate `p`'s table, or -1.
  std::ptrdiff_t unread_index(const query::PredicateId& p) const;
  // Which unread tables a goal's answers depend on: those of the predicates its atoms reach
  // through the rules (a strong negation brings its complement along).
  std::vector<bool> tables_needed(const query::Query& q) const;
  // The program to evaluate or to argue about: effective(), with the facts of the unread
  // tables in `needed` (every one when null) read in. The evaluator takes them as rows
  // (Program::facts: no Rule, no text); the argument graphs as rules (`as_rules`), since an
  // explanation shows each fact with its text and place. A reader holds `derive`. Null when
  // the store failed (the diagnostics say why).
  const query::Program* program_with_facts(const std::vector<bool>* needed, bool as_rules,
                                           std::vector<Diagnostic>& diagnostics);

  // ---- What is derived (session.cpp); a reader holds `derive`.
  // Brings the fixpoint up to date, with the stored facts of the tables in `needed`; on
  // failure the diagnostics say why.
  Outcome evaluate(const query::eval::Limits& l, const std::vector<bool>& needed, std::vector<Diagnostic>& diagnostics);
  // The fixpoint to answer `q` from: the whole program's, or when that fails with an error
  // of evaluation, `part` holding only what `q` depends on; null when that fails too (the
  // diagnostics and outcome say why).
  query::eval::Evaluator* fixpoint_for(const query::Query& q, const query::eval::Limits& l,
                                       const std::vector<bool>& needed, query::eval::Evaluator& part,
                                       std::vector<Diagnostic>& diagnostics, Outcome& outcome);
  // Answers a question with constants by evaluating only what it needs (the magic-set
  // rewriting, query/eval/magic_sets.hpp) when no fixpoint is at hand to answer it from,
  // in an evaluator of its own, dropped afterwards. False when the rewriting does not
  // apply; then the whole fixpoint answers.
  bool goal_directed(const query::Query& q, const query::eval::Limits& l, const std::vector<bool>& needed,
                     const query::eval::Evaluator::ColumnsVisitor& on_columns,
                     const query::eval::Evaluator::RowVisitor& on_row, AskResult& result);
  // The argument graph of a perspective, built on first use; null when building failed
  // (the diagnostics and outcome say why). When the whole program's graph fails with an
  // error of evaluation and a question `q` is given, the graph of only what `q` depends on,
  // built into `part` for this question.
  struct PartGraph {
    std::optional<query::Program> program;  // the graph points into it
    std::unique_ptr<query::argue::ArgumentGraph> graph;
  };
  query::argue::ArgumentGraph* graph(const std::string& perspective, const query::eval::Limits& l,
                                     std::vector<Diagnostic>& diagnostics, Outcome& outcome,
                                     const query::Query* q = nullptr, PartGraph* part = nullptr);

  // ---- Reading inputs (load.cpp). Text -> statements and diagnostics; load() reads
  // writ, import_csv() a table. With `compact`, plain facts may come as rows
  // (query::FactRows) rather than a Rule each.
  struct Parsed {
    query::Program program;
    std::vector<query::FactRows> facts;
    std::vector<Diagnostic> diagnostics;
  };
  using Parser = std::function<Parsed(std::string_view text, query::SourceId source, std::uint32_t first_line,
                                      bool compact)>;
  static Parser writ_parser();
  // Parses, checks and adds the inputs, writing them to the store when one is open; the
  // caller holds nothing (this takes `state` for writing). `description` names the store
  // transaction (empty: "load FILE, ...").
  LoadResult load(std::vector<Input> inputs, const Parser& parse, std::string_view description = {});
  // The caller holds `state` for writing.
  LoadResult assume(std::string_view text, std::string name);

  // ---- The store (store_sync.cpp).
  // After this knowledge base wrote a transaction: it sees the store up to it, unless
  // another connection wrote since it last looked (then only its own writes on top).
  void saw_own_write();
  // Whether another connection wrote to the store since this session last read or wrote it.
  bool others_wrote() const;
  // After a write (or a write that failed because of what another connection did): when
  // others wrote, the session reads the store as it now stands, so that its answers reflect
  // the store and not only its own writes. A store that cannot be read then leaves the view
  // as it was, with a warning.
  void catch_up(std::vector<Diagnostic>& diagnostics);
  // Answers a goal that is one atom of a stored predicate no rule concludes (`edge(5, X)?`)
  // straight from its table; false when the goal is not of that shape.
  bool lookup(const query::Query& q, const query::eval::Limits& l, const ColumnsVisitor& on_columns,
              const RowVisitor& on_row, AskResult& result);

  // ---- Questions (answer.cpp). The caller holds `state` (shared or exclusive).
  // A goal's text (`name` names it in messages): parsed, then answer().
  AskResult ask(std::string_view goal, std::string name, const ColumnsVisitor& on_columns, const RowVisitor& on_row);
  // A query, from the top: checks it, then answers it row by row.
  AskResult answer(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row);
  ExplainResult explain(std::string_view goal, std::string name, bool why_not);
  // What predicates() lists, and relation() per predicate.
  std::vector<PredicateInfo> predicate_infos();
  std::vector<AskResult> relation(std::string_view predicate, std::optional<std::size_t> arity);

  // ---- PostgreSQL (on_postgres.cpp). Answers `q` inside the server, with the program
  // evaluated there first if it is not yet; the caller holds `derive`.
  AskResult answer_in_postgres(const query::Query& q, const query::eval::Limits& bounds,
                               const ColumnsVisitor& on_columns, const RowVisitor& on_row);
};

}  // namespace writ::kb
