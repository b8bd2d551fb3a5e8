// Between a Store and the in-memory program: rebuilding the program a store holds, and
// writing newly loaded statements to it.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <cstdint>
#include <optional>
#include <vector>

#include "kb/store/store.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::kb::store {

// Where the store's sources went in a SourceSet: store id -> SourceId, with the byte
// offsets of its line starts (to turn a fact's line and column into an offset), computed
// when a fact first needs them.
struct LoadedSource {
  query::SourceId id = 0;
  std::optional<std::vector<std::uint32_t>> lines;
};
using SourceMap = std::map<std::int64_t, LoadedSource>;
// Adds a text to the knowledge base's sources (the caller locks what it must).
using AddSource = std::function<query::SourceId(std::string name, std::string text)>;
// The text of a source added before (a copy: the set may grow under other threads).
using SourceText = std::function<std::string(query::SourceId)>;

// Appends to `program` the statements kept as text that the store held after transaction
// `as_of` (now, when empty), and to `sources` the texts they came from, so diagnostics
// point into the original files; `tables` gets the catalogue of fact tables. Facts stay in
// the store until read_facts(). On failure `program` may hold a part.
StoreStatus read_statements(Store& store, std::optional<std::int64_t> as_of, const AddSource& add_source,
                            SourceMap& sources, query::Program& program, std::vector<FactTable>& tables);

// Appends to `rules` the facts of `table` that stand for `visible`, each a rule
// located where it was written (its source is read when first needed). Facts come back from
// their typed columns without the parser.
StoreStatus read_facts(Store& store, const FactTable& table, const Visible& visible, const AddSource& add_source,
                       const SourceText& text, SourceMap& sources, std::vector<query::Rule>& rules);

// The facts of `table` that stand for `visible`, as rows (for the evaluator: no Rule, no
// text, no source; each row's location holds only its line and column).
StoreStatus read_fact_rows(Store& store, const FactTable& table, const Visible& visible, query::FactRows& out);

// The canonical text of a fact: `p(1, a, "s").` (`-p(1).` for a strong negation).
std::string fact_text(const std::string& predicate, const std::vector<query::Value>& values);

enum class WriteOutcome { Written, Failed, Cancelled };

// Writes one load as one transaction: the sources [first_source, sources.size()) and the
// rules [first_rule, program.rules.size()), which must come from those sources. Polls
// `cancel`; when it is set, or on any error, nothing is written.
// Where a load's statements start in each of the program's lists.
struct FirstNew {
  std::size_t rules = 0;
  std::size_t preferences = 0;
  std::size_t sources = 0;
  std::size_t templates = 0;
  std::size_t issues = 0;
};

// `description` names the transaction in the log; empty: "load FILE, FILE...".
// With `rows`, the load's plain facts are those rows (the rules that are plain facts are
// among them, and are not written again).
WriteOutcome write_load(Store& store, const query::SourceSet& sources, query::SourceId first_source,
                        const query::Program& program, const FirstNew& first,
                        const std::vector<query::FactRows>* rows, const std::atomic<bool>& cancel,
                        StoreError& error, std::string_view description = {});

}  // namespace writ::kb::store
