// writ::kb::store::Store — a writ knowledge base kept in one SQLite file.
//
// The layout is documented in docs/store.md. In short: every change is a numbered
// transaction; sources keep the texts that were loaded; rules (and facts that are not
// plain ground facts) are kept as text in `statements`; plain facts are kept as typed
// values in one table per predicate, so loading and reading them needs no parser.
// Nothing is deleted: a retraction stamps the row with the transaction that removed it,
// which is what lets a store answer "as of transaction N".
//
// Internal to kb/. Errors are values (StoreError), never exceptions.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/store/sqlite.hpp"
#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"
#include "query/value.hpp"

namespace writ::kb::store {

// Version 2 added dates, durations and money (tagged BLOBs, see store.cpp); a version 1
// store is read as it is and becomes version 2 with its first write.
inline constexpr std::int64_t schema_version = 2;
inline constexpr std::int32_t application_id = 0x57524954;  // "WRIT"

// A complete sentence for a diagnostic, naming the store file.
struct StoreError {
  std::string message;
};
using StoreStatus = std::optional<StoreError>;

struct OpenOptions {
  bool read_only = false;   // never write (for answering questions and --as-of)
  int busy_timeout_ms = 5000;  // how long a writer waits for another writer
};

struct StoredSource {
  std::int64_t id = 0;
  std::string name;
  std::string text;
};

// A statement kept as text: where it was written (so diagnostics point into the source).
struct StoredStatement {
  std::int64_t id = 0;
  std::int64_t source = 0;
  std::string text;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;
};

// What read_statements() hands back, in this order: the sources that standing statements
// come from, then the statements by id.
struct Sink {
  std::function<void(StoredSource&&)> source;
  std::function<void(StoredStatement&&)> statement;
  // Last: the document of each standing source declaration that has one (a statement id,
  // and the document kept as a source).
  std::function<void(std::int64_t declaration, StoredSource&&)> document;
};

// One stored fact: its values (the visitor may move them, not resize the vector) and
// where it was written (the store's source id, line, column).
using FactVisitor = std::function<void(std::int64_t source, std::uint32_t line, std::uint32_t column,
                                       std::vector<query::Value>& values)>;

// The transactions a knowledge base sees of the store it opened: those up to `upto` (the
// state it read), and its own later ones (`own`) when another connection wrote in between,
// whose changes it sees only on its next open. A row retracted after `upto` by another
// connection still stands for it; one retracted by its own transactions does not.
struct Visible {
  std::int64_t upto = 0;
  std::vector<std::int64_t> own;
};

// A predicate's fact table, as the catalogue `predicates` names it.
struct FactTable {
  query::PredicateId predicate;
  std::string table;
};

struct TransactionInfo {
  std::int64_t id = 0;
  std::string time;  // UTC, ISO 8601 with milliseconds: 2024-05-01T09:30:00.123Z
  std::string description;
  std::int64_t added = 0;
  std::int64_t removed = 0;
};

// A relation to write as a plain table for other tools (see Store::materialize).
struct MaterializedRelation {
  query::PredicateId predicate;
  const std::vector<std::vector<query::Value>>* rows = nullptr;  // sorted, distinct
  const std::vector<std::string>* statuses = nullptr;            // per row, or null: no status column
};

struct MaterializedTable {
  std::string table;
  std::int64_t rows = 0;
};

// A fact that can live in a fact table: strict, unlabelled, ground constant arguments.
bool is_plain_fact(const query::Rule& rule);

class Store {
 public:
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Opens the store at `path`, creating it when the file does not exist or is empty (and
  // not read_only). A file that is not SQLite, a SQLite file that is not a writ store, or
  // a store of a newer schema version is an error, and the file is left untouched. A store
  // it fails to create (a full disk) is removed again.
  static StoreStatus open(const std::string& path, const OpenOptions& options, std::unique_ptr<Store>& out);

  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }

  // Reads the statements kept as text as the store stood after transaction `as_of` (now,
  // when empty), with the sources they come from, and the catalogue of fact tables, in one
  // read transaction, so a concurrent writer's change is seen whole or not at all. Facts
  // are read later, only when a question needs them (read_facts): so that they too are
  // of that state, read them as of seen(), which this sets.
  StoreStatus read_statements(std::optional<std::int64_t> as_of, const Sink& sink, std::vector<FactTable>& tables);
  // One source by its id (the sources of facts are read when their facts are).
  StoreStatus read_source(std::int64_t id, StoredSource& out);
  // The facts of `table` that stand for `visible`, in the order they were added. With
  // `bound`, only those whose value i equals (*bound)[i] wherever that is set: a lookup by
  // the first value uses the table's index on a1.
  StoreStatus read_facts(const FactTable& table, const Visible& visible,
                         const std::vector<std::optional<query::Value>>* bound, const FactVisitor& visit);
  // Whether any fact of `table` stands for `visible`.
  StoreStatus has_facts(const FactTable& table, const Visible& visible, bool& any);
  // How many facts of `table` stand for `visible`.
  StoreStatus count_facts(const FactTable& table, const Visible& visible, std::int64_t& count);
  // Checks the whole file (kb/store/verify.cpp): SQLite's `PRAGMA quick_check` (every
  // page, index and record well formed; damage there is the error returned), then every row
  // of every table, retracted ones too: values of a kind writ has (INTEGER; TEXT that is a
  // symbol; a BLOB of UTF-8 text without NUL, or a date, duration or money), value columns
  // a1..aN as the catalogue's arity says, and transaction numbers of the log. Each row that
  // fails is a sentence in `rejected` (table, rowid, the value, why); `facts` counts the
  // facts standing for `visible`.
  StoreStatus verify(const Visible& visible, std::int64_t& facts, std::vector<std::string>& rejected);
  // The fact table of `p` (empty when it has none).
  StoreStatus fact_table_of(const query::PredicateId& p, std::string& table);
  StoreStatus transactions(std::vector<TransactionInfo>& out);
  StoreStatus last_transaction(std::int64_t& out);

  // Writing. begin() starts one write transaction (waiting up to the busy timeout for
  // another writer) and numbers it; commit() makes everything since durable at once. Any
  // failure, or destroying the Store, or rollback(), discards it all.
  StoreStatus begin(std::string_view description);
  StoreStatus add_source(std::string_view name, std::string_view text, std::int64_t& id);
  // `rule` must be checked; plain facts go to their predicate's table, the rest as text.
  StoreStatus add(const query::Rule& rule, std::int64_t source);
  // A plain fact of `p` with `values` (p.arity of them), written at (source, line, column).
  // The values are read when the batch it joins is written: they must stay valid until the
  // next call that is not add_fact, or commit().
  StoreStatus add_fact(const query::PredicateId& p, const query::Value* values, std::int64_t source,
                       std::uint32_t line, std::uint32_t column);
  // A statement kept as text: a rule that is not a plain fact, or a priority, a source
  // declaration or a template (`kind` says which). `id`, when given, gets its id.
  StoreStatus add_statement(std::string_view kind, const std::string& text, const query::Location& at,
                            std::int64_t source, std::int64_t* id = nullptr);
  // Records that the source declaration `declaration` (a statement) has the document kept
  // as source `document` (add_source). The table `documents` is made by the first such
  // write: stores without documents do not have it, and a writ that does not know it reads
  // the store as before.
  StoreStatus add_document(std::int64_t declaration, std::int64_t document);
  // Marks the live copies of a plain fact retracted; `count` says how many there were.
  StoreStatus retract_fact(const query::Rule& fact, std::int64_t& count);
  // Marks the live statements whose text matches retracted (see same_statement_text).
  StoreStatus retract_statement(std::string_view text, std::int64_t& count);
  StoreStatus commit();
  void rollback();

  // Writes each relation as a plain SQLite table (replacing the one written before), all in
  // one write transaction that is not a numbered change: the tables record conclusions, not
  // statements. The table of a relation is named after its predicate (docs/store.md says
  // how clashes are avoided); `materialized` lists them with the transaction they reflect
  // (`seen()`) and whether a later change made them stale.
  StoreStatus materialize(const std::vector<MaterializedRelation>& relations, std::vector<MaterializedTable>& out);
  // The last transaction the knowledge base has read or written: what its answers reflect.
  std::int64_t seen() const { return seen_; }
  // The last transaction before the one begin() started: whether another connection wrote
  // since this one last read or wrote.
  std::int64_t before_this() const { return before_this_; }
  bool writing() const { return tx_ != 0; }

 private:
  Store() = default;
  // open() but for removing a store it failed to create.
  static StoreStatus open_file(const std::string& path, const OpenOptions& options, std::unique_ptr<Store>& out);
  StoreStatus create_schema();
  StoreStatus check_schema();
  StoreStatus fail(std::string_view doing, const SqlError& e);
  // The fact table of a predicate; creates it (inside the write transaction) when asked.
  StoreStatus fact_table(const query::PredicateId& p, bool create, std::string& table);
  StoreStatus materialized_table(const query::PredicateId& p, std::string& table);
  // The catalogue `predicates`, in the order the tables were made.
  StoreStatus fact_tables(std::vector<FactTable>& tables);
  // One integer from `before` TABLE WHERE (the rows standing for `visible`) `after`.
  StoreStatus over_standing(std::string_view before, const FactTable& table, const Visible& visible,
                            std::string_view after, std::int64_t& out);
  // The table a catalog names for `p`: `select` takes the name as ?1 and the arity as ?2.
  // `table` is empty when the catalog has none.
  StoreStatus catalogued_table(std::string_view select, const query::PredicateId& p, std::string& table);
  // The first of candidate(0), candidate(1), ... that names no table or view yet (SQLite
  // compares names without case); candidate(n) returns "" to skip n.
  StoreStatus free_table_name(const std::function<std::string(int)>& candidate, std::string& table);

  std::string path_;
  bool read_only_ = false;
  int busy_timeout_ms_ = 0;
  Database db_;
  Transaction write_;
  std::int64_t tx_ = 0;  // the transaction being written, 0 when none
  std::int64_t version_ = schema_version;  // the file's schema version (1 or 2)
  bool upgraded_ = false;  // the transaction being written sets version 2
  std::int64_t seen_ = 0;
  std::int64_t before_this_ = 0;
  std::int64_t added_ = 0;
  std::int64_t removed_ = 0;
  // Facts are inserted `batch` rows per INSERT (one statement step for many rows is most of
  // what a bulk load can save in SQLite): per predicate of this transaction, the prepared
  // one-row and many-row INSERTs and the rows waiting for the next (their values are the
  // caller's; see add_fact).
  struct FactInserts {
    Statement one;
    Statement many;
    std::size_t batch = 1;
    struct Row {
      const query::Value* values;
      std::int64_t source;
      std::uint32_t line, column;
    };
    std::vector<Row> waiting;
  };
  StoreStatus flush_facts(const query::PredicateId& p, FactInserts& inserts);
  StoreStatus flush_all_facts();
  std::map<query::PredicateId, FactInserts> insert_fact_;
  std::vector<std::string> filled_;  // fact tables this transaction added to (for their indexes)
  Statement insert_statement_;
};

// True when two statement texts differ only in blanks outside string literals, so that
// `p(X) :- q(X).` retracts `p(X):-q(X).`.
bool same_statement_text(std::string_view a, std::string_view b);

}  // namespace writ::kb::store
