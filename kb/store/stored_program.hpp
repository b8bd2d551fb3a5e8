// Between a Store and the in-memory program: rebuilding the program a store holds, and
// writing newly loaded statements to it.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "kb/store/store.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::kb::store {

// Appends to `program` the statements the store held after transaction `as_of` (now,
// when empty), and to `sources` the texts they came from, so diagnostics point into the
// original files. Facts come back from their typed columns without the parser; only the
// statements kept as text are parsed again. On failure `program` may hold a part.
StoreStatus read_program(Store& store, std::optional<std::int64_t> as_of, query::SourceSet& sources,
                         query::Program& program);

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
};

// `description` names the transaction in the log; empty: "load FILE, FILE...".
WriteOutcome write_load(Store& store, const query::SourceSet& sources, query::SourceId first_source,
                        const query::Program& program, const FirstNew& first, const std::atomic<bool>& cancel,
                        StoreError& error, std::string_view description = {});

}  // namespace writ::kb::store
