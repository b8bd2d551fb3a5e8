// writ::kb::KnowledgeBase — the knowledge base: load statements, ask questions.
//
// This is the one object that the `writ` command and embedders use. It joins the grammar
// (text -> AST), the checks and the evaluator, and optionally a store: a SQLite file that
// keeps what is loaded across runs (see open() and docs/store.md). Without open() a
// knowledge base lives in memory only.
//
// Errors are values: every call that reads user input returns its diagnostics; nothing
// here throws on bad input.
//
// Threads. There is no global state: two KnowledgeBases are independent, whatever the
// threads. One KnowledgeBase may be used from many threads at once:
//   - readers: ask, ask_each, explain, why_not, relation, predicates, rule_texts, sources, claimants,
//     assumptions, transactions, verify_store, has_store, render. Any number run at the same time;
//     parsing and checking goals runs in parallel, while evaluating and answering (which
//     write into the shared fixpoint and argument graphs) are serialised among readers.
//     The fixpoint is computed once per state, by the first reader that needs it.
//   - writers: open, load, load_files, import_csv, retract, assume, assume_off, forget,
//     materialize, set_limits. Each runs alone: it waits for the readers in progress, and
//     readers that start later wait for it.
// So every reader sees the state before or after each write, never part of one, and a
// waiting writer is not starved by a stream of readers. A RowVisitor or ColumnsVisitor
// runs while the knowledge base is locked: it must not call the knowledge base (except
// cancel()). cancel() may be called at any time, from any thread or a signal handler: it
// ends every call in progress (see cancel()). Destroy the knowledge base only after every
// other call on it has returned.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/argue/argument_map.hpp"
#include "query/argue/explanation.hpp"
#include "query/argue/status.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"
#include "query/value.hpp"

namespace writ::kb {

using query::Diagnostic;
using query::Value;

struct Limits {
  std::optional<std::chrono::milliseconds> timeout;  // per evaluation
  std::optional<std::uint64_t> max_facts;            // derived + stored tuples, all relations
  // Bytes an evaluation may hold: its relations and their indexes, the sets its aggregates
  // gather and the values it interns (joins stream through indexes); unset:
  // default_max_memory(). Exceeding it ends the evaluation with Outcome::LimitHit and
  // "memory limit of N exceeded". Not applied to a PostgreSQL schema, whose server bounds
  // its own memory. (Initialised, so that `Limits{timeout, max_facts}` stays complete.)
  std::optional<std::uint64_t> max_memory = std::nullopt;
};

// The default of Limits::max_memory: half the machine's physical memory (4 GiB of 8, 12
// GiB of 24). An evaluation holds somewhat more than it counts (allocator slack, the
// program, the store's cache), and the system and other programs need the rest: the
// evaluation stops with an error before the kernel would kill the process. 4 GiB when the
// physical memory cannot be read.
std::uint64_t default_max_memory();

enum class Outcome {
  Ok,
  InputError,  // the input has errors (diagnostics say which); exit status 1
  LimitHit,    // --timeout, --max-facts or --max-memory ended the evaluation; exit status 3
  Cancelled,   // cancel() was called (Ctrl-C)
};

// One text to load: its name (a file path, "<stdin>", "<repl>") and contents.
struct Input {
  std::string name;
  std::string text;
  std::uint32_t first_line = 1;  // the line number of text's first line, in messages
};

struct LoadResult {
  Outcome outcome = Outcome::Ok;
  std::vector<Diagnostic> diagnostics;  // errors and warnings about the loaded texts
  std::vector<query::Query> queries;    // the texts' `?-` queries, not yet answered
  std::size_t added = 0;                // statements added (when Ok): facts, rules, claims,
                                        // priorities, source declarations, templates
};

// How sure an answer is: established, accepted, contested or rejected (docs/language.md).
using query::argue::Status;
using query::argue::status_name;
// Each status's colours, one palette for every rendering (query/argue/status.hpp).
using query::argue::status_colour;
using query::argue::status_fill;
using query::argue::status_sgr;

struct Answers {
  std::string query;                     // the goal as written
  std::vector<std::string> columns;      // named variables, in order of first appearance
  std::vector<std::vector<Value>> rows;  // distinct, sorted by value order
  // When the knowledge base has arguments (defeasible rules, defeaters, claims or
  // priorities): each row's status, in step with `rows`. Otherwise empty.
  std::vector<Status> statuses;
  bool has_status = false;
};

struct AskResult {
  Outcome outcome = Outcome::Ok;
  Answers answers;
  std::vector<Diagnostic> diagnostics;  // warnings (e.g. an undefined predicate) or errors
};

// Why each answer of a goal has its status: a tree of arguments for and against, down
// to the facts and claims with their sources (see query/argue/explanation.hpp).
using query::argue::ExplanationNode;
using query::argue::render_dot;
using query::argue::render_json;
using query::argue::render_text;

struct ExplainResult {
  Outcome outcome = Outcome::Ok;
  std::vector<ExplanationNode> explanations;  // one per answer (a goal without answers: none)
  std::vector<Diagnostic> diagnostics;
};

// The argument map of a goal: its answers, every literal and argument once, supports,
// attacks and priorities (see query/argue/argument_map.hpp), and its renderings.
using query::argue::ArgumentMap;
using query::argue::PruneOptions;
using query::argue::prune;
using query::argue::render_brief;
using query::argue::render_map_dot;
using query::argue::render_map_json;

struct MapResult {
  Outcome outcome = Outcome::Ok;
  ArgumentMap map;
  std::vector<Diagnostic> diagnostics;
};

struct PredicateInfo {
  std::string name;
  std::size_t arity = 0;
  std::size_t facts = 0;  // stated facts
  std::size_t rules = 0;  // rules with this head
};

// How import_csv() reads a table (docs/store.md, "Importing CSV").
struct ImportOptions {
  // The field separator; unset: a tab for a name ending in .tsv or .tab, else ','.
  std::optional<char> delimiter;
  // Whether the first row names the columns; unset: decided from the rows (a first row
  // whose value does not fit its column's type, as "src" over integers, is a header).
  std::optional<bool> header;
};

struct ImportResult {
  Outcome outcome = Outcome::Ok;
  std::vector<Diagnostic> diagnostics;
  std::size_t rows = 0;                        // facts added
  std::vector<std::string> header;             // the header row, when there was one
  std::vector<query::ValueKind> column_kinds;  // how each column was typed
};

// One relation written by materialize(): predicate `name/arity` into table `table`.
struct MaterializedInfo {
  std::string name;
  std::size_t arity = 0;
  std::string table;
  std::size_t rows = 0;
};

struct MaterializeResult {
  Outcome outcome = Outcome::Ok;
  std::vector<Diagnostic> diagnostics;
  std::vector<MaterializedInfo> tables;  // in the order asked
};

// How open() opens a store.
struct StoreOptions {
  // Answer from the store without changing it: load() then adds to memory only, retract()
  // is refused. A read-only file can be opened this way.
  bool read_only = false;
  // Open the store as it stood after transaction N (see transactions()); 0 is the empty
  // store. Implies read_only.
  std::optional<std::uint64_t> as_of;
  // How long a writer waits for another process's write to finish before failing with
  // "store ... is busy".
  std::chrono::milliseconds busy_timeout{5000};
};

// How open_postgres() opens a PostgreSQL schema.
struct PostgresOptions {
  std::string schema = "writ";
  // Answer from the schema without changing it: load() then adds to memory only. Without
  // it, each load() is written to the schema in one transaction (creating the schema and
  // writ's tables in it when it is missing or empty).
  bool read_only = false;
};

struct OpenResult {
  Outcome outcome = Outcome::Ok;        // InputError when the store cannot be opened
  std::vector<Diagnostic> diagnostics;  // why
};

// How compile_sql() writes its script.
struct SqlOptions {
  std::string schema = "writ";      // the schema the script creates and evaluates in
  std::vector<std::string> inputs;  // the files compiled, named in the script's heading
};

struct SqlResult {
  Outcome outcome = Outcome::Ok;
  std::vector<Diagnostic> diagnostics;
  std::string script;  // when Ok
};

struct RetractResult {
  Outcome outcome = Outcome::Ok;
  std::vector<Diagnostic> diagnostics;
  std::size_t removed = 0;  // statements removed (identical copies of a fact count each)
  // What was removed, each distinct statement once, as written (a fact kept as a row as
  // `p(1, a).`); with a store, what its transaction actually stamped retracted.
  std::vector<std::string> statements;
  std::uint64_t transaction = 0;  // the store's transaction that removed them; 0 without a store
};

// One numbered change to a store: a load or a retraction.
struct TransactionRecord {
  std::uint64_t number = 0;  // 1, 2, ...: what StoreOptions::as_of takes
  std::string time;          // UTC, ISO 8601 with milliseconds: 2024-05-01T09:30:00.123Z
  std::string description;   // "load a.writ, b.writ", "retract edge(1, 2)."
  std::uint64_t added = 0;   // statements added
  std::uint64_t removed = 0; // statements retracted
};

struct VerifyResult {
  Outcome outcome = Outcome::Ok;        // InputError when the store is damaged (or none is open)
  std::vector<Diagnostic> diagnostics;  // what is wrong
  std::size_t facts = 0;                // stored facts read, all of them
};

struct LogResult {
  Outcome outcome = Outcome::Ok;
  std::vector<TransactionRecord> transactions;  // oldest first
  std::vector<Diagnostic> diagnostics;
};

// Where a passage is in a source's document: [begin, end) byte offsets into its text, and
// the line and column (1-based; the column in bytes) of `begin`.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// A statement that cites a source: `... @ source "quote".`
struct SourceCitation {
  Value statement;    // its name, as cites/3 gives it: "p(a)" (a string), a rule's label (a symbol)
  std::string text;   // the statement as written
  std::string quote;  // as written in the citation; "" when none
  std::string place;  // where the statement is: FILE:LINE
  // Where the quote is in the source's document: one passage; none without a document or a
  // quote; several when the quote occurs more than once (its load warned about that).
  std::vector<TextSpan> passages;
};

// A declared source (docs/language.md, "Verified quotes").
struct SourceInfo {
  std::string name;                                       // `article`
  std::vector<std::pair<std::string, Value>> attributes;  // in the order written
  std::string declaration;                                // the `#source` statement as written
  std::string place;                                      // FILE:LINE of the declaration
  bool has_document = false;  // its `file: "..."` names a document, read when it was loaded
  std::string document;       // the document's path as read then ("" without one)
  std::string text;           // the document's text
  std::vector<TextSpan> sentences;        // the text's sentences, in order (query/text/sentences.hpp)
  std::vector<SourceCitation> citations;  // the statements citing the source, in the order loaded
};

class KnowledgeBase {
 public:
  explicit KnowledgeBase(Limits limits = {});
  ~KnowledgeBase();
  KnowledgeBase(const KnowledgeBase&) = delete;
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // Exchanges everything the two hold (what was loaded and assumed, the store, the
  // limits) in one step: a REPL's .reload builds a fresh knowledge base and puts it in
  // place only once it loaded without errors. No other call may be in progress on either.
  void swap(KnowledgeBase& other) noexcept;

  // Opens the store at `path` (creating it when the file does not exist) and loads the
  // statements it holds. Must come before anything is loaded. Errors (InputError, nothing
  // changed, the file untouched): a file that is not SQLite, a SQLite file that is not a
  // writ store, a store written by a newer writ, a damaged store, a busy or unreadable one.
  OpenResult open(const std::string& path, StoreOptions options = {});
  // True after a successful open().
  bool has_store() const;

  // Opens a schema of a PostgreSQL database instead of a store (docs/scale-out.md): the
  // statements it keeps are loaded, its fact tables are the facts of their predicates, and
  // every question is evaluated inside the server (statuses not yet: a program with
  // arguments is refused when asked). `conninfo` is a libpq connection string or URI; what
  // it leaves out comes from the PG* environment variables. Must come before anything is
  // loaded, and instead of open(). Errors (InputError, nothing changed): the server cannot
  // be reached, the schema is missing (read-only) or is not writ's, the user may not read
  // it. explain(), why_not(), retract(), import_csv() and materialize() are refused on a
  // PostgreSQL schema.
  OpenResult open_postgres(const std::string& conninfo, PostgresOptions options = {});

  // Parses and checks the texts together with what is already loaded. All or nothing: if
  // any text has an error, nothing is added and outcome is InputError. With a store open
  // for writing, the texts and their statements are written in one transaction before
  // load() returns; if that fails (disk full, read-only file, busy store) nothing is
  // added, in memory or in the store, and outcome is InputError with the store's reason.
  // If cancel() is called while writing, nothing is added and outcome is Cancelled.
  // Queries in the texts are returned, never stored.
  LoadResult load(std::vector<Input> inputs);
  // Reads the files whole, then load(). A file that cannot be opened or read to its end (a
  // read error, a directory, a device with no end: writ/input_file.hpp) is an error
  // "cannot read 'PATH': REASON", and nothing is added.
  LoadResult load_files(const std::vector<std::string>& paths);

  // Adds each row of a CSV or TSV table as a fact `predicate(v1, ..., vn)`, like load():
  // checked with everything loaded, all or nothing, one transaction in a store (which keeps
  // the table's text as the facts' source). Columns are typed as integer when every value
  // is an integer, else symbol when every value is written as a symbol, else string.
  ImportResult import_csv(Input input, std::string_view predicate, ImportOptions options = {});
  // Reads the file whole, then import_csv(); a read error imports nothing (as load_files()).
  ImportResult import_csv_file(const std::string& path, std::string_view predicate, ImportOptions options = {});

  // Removes the facts and rules written in `text` (e.g. "edge(1, 2). p(X) :- q(X).").
  // A fact matches loaded facts with the same values, whatever their citations or labels
  // (`p(1).` removes `p(1) @ art "...".`); a rule matches rules with the same text up to
  // blanks. All or nothing: a statement that matches nothing is an error and nothing is
  // removed. With a store open for writing, the removal is one transaction (earlier
  // transactions still see the statements; see StoreOptions::as_of), and what it reports
  // is what that transaction removed: a statement that another process retracted since
  // this one read the store removes nothing, which is the same error. After the write (or
  // that error) the knowledge base sees the store as it stands, other processes' changes
  // included.
  RetractResult retract(std::string_view text, std::string name = "<retract>");

  // Reads the whole store to find damage that questions have not met yet (they read only
  // the tables they need): SQLite's quick_check over every page, then every row of every
  // table, retracted ones too: values of a kind writ has (a TEXT '2' or 'Hello World' is no
  // symbol), value columns as the catalogue's arity says, transaction numbers in the log.
  // Each row rejected is a diagnostic naming table, rowid, value and why (at most 20, then
  // a count). A reader. Without a store: InputError.
  VerifyResult verify_store();

  // The store's transactions, oldest first; empty without a store. A store opened with
  // StoreOptions::as_of = N shows transactions 1..N only.
  LogResult transactions();

  // Answers a goal written as after `?-` (final `.` optional). `name` names it in messages.
  AskResult ask(std::string_view goal, std::string name = "<query>");
  // Answers a query returned by load().
  AskResult ask(const query::Query& query);

  // Answers row by row, for answers too many to hold as Values: `on_columns` is called
  // once with the column names, then `on_row` once per answer in sorted order (a row is
  // valid during its call only). Neither is called when the outcome is not Ok. The
  // result's answers carry the query and columns but no rows.
  // `with_status`: each row comes with its status (the knowledge base has arguments).
  using ColumnsVisitor = std::function<void(const std::vector<std::string>& columns, bool with_status)>;
  using RowVisitor = std::function<void(const std::vector<Value>& row, std::optional<Status> status)>;
  AskResult ask_each(std::string_view goal, const ColumnsVisitor& on_columns, const RowVisitor& on_row,
                     std::string name = "<query>");
  AskResult ask_each(const query::Query& query, const ColumnsVisitor& on_columns, const RowVisitor& on_row);

  // Explains every answer of a goal (written as after `?-`; modality and perspective
  // apply). `why_not` says why a goal does not hold firmly, whatever its modality: each
  // rejected or contested answer with every argument that does not stand saying why (a
  // premise rejected or contested, or the argument that defeats it); with no answer at
  // all, each rule that could conclude the goal with its first premise that fails (no
  // fact or rule concludes it, a `not` whose atom holds, a false comparison), followed to
  // a bounded depth (query/argue/argument_graph.hpp, ArgumentGraph::why_not).
  ExplainResult explain(std::string_view goal, std::string name = "<query>");
  ExplainResult why_not(std::string_view goal, std::string name = "<query>");
  // The argument map of a goal's answers (modality applies), with the assumptions in force.
  // A reader. Its renderings: render_brief (text), render_map_json, render_map_dot; prune
  // keeps a part of it.
  MapResult argument_map(std::string_view goal, std::string name = "<query>");

  // What-if. assume() adds facts, rules, claims or priorities as a hypothesis: answers
  // and explanations then hold under it, and nothing is stored. assume_off() switches a
  // labelled rule off. forget() drops every assumption. Checked like a load (all or
  // nothing); queries in the text are an error.
  LoadResult assume(std::string_view text, std::string name = "<assume>");
  LoadResult assume_off(std::string_view label);
  void forget();
  // The assumptions in force, as written ("off LABEL" for a rule switched off).
  std::vector<std::string> assumptions() const;

  // The relation of `predicate` (all arities when arity is empty) after evaluation, one
  // Answers per arity, columns named A1..An.
  std::vector<AskResult> relation(std::string_view predicate,
                                  std::optional<std::size_t> arity = std::nullopt);

  // Writes the relations of `predicates` ("name" for every arity of a name, or
  // "name/N") into plain tables of the store, for other SQLite tools: named after the
  // predicate, columns a1..an plus `status` when answers carry one, replaced whole on
  // each call, listed with their freshness in the view `materialized` (docs/store.md).
  // Needs a store open for writing. All or nothing: one transaction for all of them.
  MaterializeResult materialize(const std::vector<std::string>& predicates);

  // The declared sources, in the order declared, each with its document (the text a store
  // keeps too), the document's sentences, and every statement citing the source with the
  // places its quote occupies in the document: what `writ sources` lists and a viewer
  // highlights. Assumed statements count. A reader; the result is the caller's.
  std::vector<SourceInfo> sources() const;
  // The parties that make claims (`party claims h.`, `party denies h.`), sorted, each once:
  // the perspectives a question can take (`?- [party] goal.`). Assumed claims count. A reader.
  std::vector<std::string> claimants() const;

  // Everything loaded, then `queries` (a load's queries), as one self-contained PostgreSQL
  // script (sql/script.hpp, docs/scale-out.md): in one transaction it creates the schema,
  // a table per relation and the facts, evaluates the program in semi-naive rounds of
  // INSERT ... SELECT, and answers each query with a SELECT. A reader.
  SqlResult compile_sql(const std::vector<query::Query>& queries, const SqlOptions& options = {});

  std::vector<PredicateInfo> predicates() const;  // sorted by name, then arity
  // The text of each rule and fact whose head is `predicate` (every rule when empty).
  std::vector<std::string> rule_texts(std::string_view predicate = {}) const;
  // The statements that are neither facts nor rules, as written: source declarations,
  // templates, then priorities (what a REPL's .rules lists after the rules).
  std::vector<std::string> declaration_texts() const;
  // Everything loaded, as one program that load() accepts again (what a REPL's .save and
  // .dump write): source declarations, templates, facts, rules and claims, then priorities,
  // each as written (stored facts not read yet are written from their values), a statement
  // a line. Neither queries nor assumptions are part of it. A `file:` attribute's path is
  // as written: relative to the file that declared the source.
  std::string program_text() const;
  // The statements of program_text() that were written in a source `keep` accepts, by the
  // name its load gave it (a file's path, "<repl>"): what a REPL's .save writes of what its
  // session typed. A store's facts not read into memory yet are not part of it.
  std::string program_text(const std::function<bool(std::string_view source)>& keep) const;

  // For a REPL's continuation lines (like sqlite3_complete): true when `text` ends a
  // statement, false when more input is needed (an open string, comment or bracket, or no
  // final `.` or `?`). Blank text is complete. Forwards to grammar::is_complete.
  static bool is_complete(std::string_view text);

  // Diagnostics rendered as `FILE:LINE:COL: error: ...` with the source line and a caret.
  std::string render(const std::vector<Diagnostic>& diagnostics) const;

  void set_limits(Limits limits);
  // Ends every call in progress with Outcome::Cancelled (a call past its last check, e.g.
  // one already handing out rows, ends normally). Async-signal-safe. The request is
  // forgotten when a call starts while no other call is in progress; while one is, calls
  // that start are cancelled too.
  void cancel() noexcept;

 private:
  struct Impl;  // kb/session.hpp
  std::unique_ptr<Impl> impl_;
};

}  // namespace writ::kb
