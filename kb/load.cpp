// Reading inputs: files, texts and CSV tables become checked statements, added to the
// session's program all or nothing (and written to the store when one is open).
#include <algorithm>
#include <exception>
#include <functional>
#include <iterator>
#include <map>
#include <new>
#include <set>
#include <span>

#include "grammar/csv.hpp"
#include "grammar/parse.hpp"
#include "kb/postgres/stored_program.hpp"
#include "kb/session.hpp"
#include "kb/source_documents.hpp"
#include "query/analysis/predicate.hpp"
#include "query/analysis/variables.hpp"
#include "writ/input_file.hpp"

namespace writ::kb {

LoadResult KnowledgeBase::load(std::vector<Input> inputs) {
  return guarded<LoadResult>([&] { return impl_->load(std::move(inputs), Impl::writ_parser()); });
}

KnowledgeBase::Impl::Parser KnowledgeBase::Impl::writ_parser() {
  return [](std::string_view text, query::SourceId id, std::uint32_t first_line, bool compact) {
    auto parsed = grammar::parse_program(text, id, grammar::ParseOptions{first_line, compact});
    // As anywhere else in a load: "out of memory", limit hit, nothing added (guarded()).
    if (parsed.out_of_memory) throw std::bad_alloc();
    return Parsed{std::move(parsed.program), std::move(parsed.facts), std::move(parsed.diagnostics)};
  };
}

LoadResult KnowledgeBase::Impl::load(std::vector<Input> inputs, const Parser& parse, std::string_view description) {
  auto& m = *this;
  const Writing writing(m);
  m.cancelled.store(false, std::memory_order_relaxed);
  // Into a store, plain facts go to its fact tables without a Rule each, and stay there
  // until a question reads them (see Impl::unread): the checks count their predicates as
  // defined, and see the first fact of each predicate as a Rule, where it was written.
  const bool into_postgres = m.postgres && m.postgres->writable();
  const bool into_store = (m.store && !m.store->read_only()) || into_postgres;
  const auto rules_before = m.program.rules.size();
  const auto preferences_before = m.program.preferences.size();
  const auto sources_before = m.program.sources.size();
  const auto templates_before = m.program.templates.size();
  const auto issues_before = m.program.issues.size();
  // All or nothing: a failed load leaves the program as it was.
  auto roll_back = [&] {
    m.program.rules.resize(rules_before);
    m.program.preferences.resize(preferences_before);
    m.program.sources.resize(sources_before);
    m.program.templates.resize(templates_before);
    m.program.issues.resize(issues_before);
  };
  // Memory may run out half-way (guarded() makes that a diagnostic): then too the program
  // and the store's transaction are left as they were, until the store has committed.
  struct OnException {
    std::function<void()> undo;
    int exceptions = std::uncaught_exceptions();
    ~OnException() {
      if (undo && std::uncaught_exceptions() > exceptions) undo();
    }
  } on_exception{[&] {
    roll_back();
    if (m.store) m.store->rollback();
  }};
  const auto first_new_source = static_cast<query::SourceId>(m.sources.size());
  std::vector<std::uint32_t> first_lines;
  for (auto& input : inputs) {
    m.sources.add(std::move(input.name), std::move(input.text));
    first_lines.push_back(input.first_line);
  }

  // Parses every text, then checks the new statements together with everything loaded
  // before: stratification and definitions are properties of the whole program. The
  // checker costs what the load adds, not what the program holds
  // (query/analysis/incremental_checks.hpp).
  LoadResult result;
  std::vector<query::FactRows> rows;
  // The documents that new sources name join the load's texts after the inputs.
  const auto inputs_end = static_cast<query::SourceId>(m.sources.size());
  DocumentCache documents;
  auto parse_and_check = [&](bool compact) {
    result = LoadResult{};
    rows.clear();
    for (auto id = first_new_source; id < inputs_end; ++id) {
      auto parsed = parse(m.sources.text(id), id, first_lines[id - first_new_source], compact);
      for (auto& d : parsed.diagnostics) result.diagnostics.push_back(std::move(d));
      for (auto& f : parsed.facts) {
        f.representative += m.program.rules.size();
        rows.push_back(std::move(f));
      }
      // A first load takes the parser's vector whole; a later one appends in one range
      // (geometric growth). Pushing Rule after Rule kept the parser's 368-byte Rules and
      // a growing copy alive together: 1M facts peaked at twice their Rules.
      if (m.program.rules.empty()) {
        m.program.rules = std::move(parsed.program.rules);
      } else {
        m.program.rules.insert(m.program.rules.end(), std::make_move_iterator(parsed.program.rules.begin()),
                               std::make_move_iterator(parsed.program.rules.end()));
      }
      parsed.program.rules = {};
      for (auto& q : parsed.program.queries) result.queries.push_back(std::move(q));
      for (auto& p : parsed.program.preferences) m.program.preferences.push_back(std::move(p));
      for (auto& src : parsed.program.sources) m.program.sources.push_back(std::move(src));
      for (auto& t : parsed.program.templates) m.program.templates.push_back(std::move(t));
      for (auto& i : parsed.program.issues) m.program.issues.push_back(std::move(i));
    }
    read_documents(std::span(m.program.sources).subspan(sources_before), m.sources, documents, result.diagnostics);
    m.program.queries = result.queries;
    for (auto i = rules_before; i < m.program.rules.size(); ++i) query::name_anonymous_variables(m.program.rules[i]);
    for (auto& q : m.program.queries) query::name_anonymous_variables(q);
    auto checked =
        m.checker.check(m.program, {rules_before, preferences_before, sources_before, templates_before, issues_before});
    result.queries = std::move(m.program.queries);
    m.program.queries.clear();
    for (auto& d : checked) {
      // Warnings about statements loaded earlier were shown then.
      if (d.severity == query::Severity::Error || d.location.source >= first_new_source)
        result.diagnostics.push_back(std::move(d));
    }
    query::sort_by_location(result.diagnostics);
  };
  parse_and_check(into_store);
  // An error in a fact the checks saw only as its predicate's first (say, a predicate with
  // too many arguments) is in every fact of it: read the texts again, a Rule per fact, so
  // that each is reported, as without a store.
  if (query::has_errors(result.diagnostics) &&
      std::any_of(rows.begin(), rows.end(), [](const query::FactRows& f) { return f.rows() > 1; })) {
    roll_back();
    parse_and_check(false);
  }
  if (query::has_errors(result.diagnostics)) {
    roll_back();
    result.queries.clear();
    result.outcome = Outcome::InputError;
    return result;
  }
  // Every plain fact of the load joins its predicate's rows: the first of each is there
  // already; those the fast path left to the full grammar (a string with an escape) are
  // added now. They leave `program` once written.
  std::vector<bool> is_row;
  if (into_store) {
    std::map<query::PredicateId, std::size_t> rows_of;
    std::set<std::size_t> representatives;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows_of.try_emplace(query::PredicateId{rows[i].predicate, rows[i].arity}, i);
      representatives.insert(rows[i].representative);
    }
    is_row.assign(m.program.rules.size() - rules_before, false);
    for (auto i = rules_before; i < m.program.rules.size(); ++i) {
      const auto& r = m.program.rules[i];
      if (!store::is_plain_fact(r)) continue;
      is_row[i - rules_before] = true;
      if (representatives.count(i)) continue;
      const auto p = query::predicate_of(r.head);
      auto [it, added] = rows_of.try_emplace(p, rows.size());
      if (added) {
        rows.push_back(query::FactRows{p.name, p.arity, {}, {}, i});
      }
      auto& f = rows[it->second];
      for (const auto& t : r.head.args) f.values.push_back(t.value);
      f.locations.push_back(r.location);
    }
  }
  // What the load adds, counted as statements: a fact kept as a row counts as one.
  std::size_t added_count = (m.program.preferences.size() - preferences_before) +
                            (m.program.sources.size() - sources_before) +
                            (m.program.templates.size() - templates_before);
  if (into_store) {
    added_count += static_cast<std::size_t>(std::count(is_row.begin(), is_row.end(), false));
    for (const auto& f : rows) added_count += f.rows();
  } else {
    added_count += m.program.rules.size() - rules_before;
  }
  const bool added = m.program.rules.size() != rules_before || m.program.preferences.size() != preferences_before ||
                     m.program.sources.size() != sources_before || m.program.templates.size() != templates_before ||
                     m.program.issues.size() != issues_before;
  if (m.store && !m.store->read_only() && added) {
    store::StoreError error;
    const auto written = store::write_load(
        *m.store, m.sources, first_new_source, m.program,
        store::FirstNew{rules_before, preferences_before, sources_before, templates_before, issues_before},
        into_store ? &rows : nullptr, m.cancelled, error, description);
    if (written != store::WriteOutcome::Written) {
      roll_back();  // the store has nothing of it: neither has memory
      result.queries.clear();
      result.diagnostics.clear();
      if (written == store::WriteOutcome::Cancelled) {
        result.outcome = Outcome::Cancelled;
        result.diagnostics.push_back(query::make_error({}, "load cancelled: nothing was added"));
      } else {
        result.outcome = Outcome::InputError;
        result.diagnostics.push_back(query::make_error({}, error.message + "; nothing was added"));
      }
      return result;
    }
    m.saw_own_write();
  }
  if (into_postgres && added) {
    std::string error;
    const auto written = m.postgres->write(
        postgres::statements_of_load(m.sources, m.program,
                                     {rules_before, preferences_before, sources_before, templates_before, issues_before}, is_row),
        rows, m.cancelled, error);
    if (written != postgres::WriteOutcome::Written) {
      roll_back();
      result.queries.clear();
      result.diagnostics.clear();
      if (written == postgres::WriteOutcome::Cancelled) {
        result.outcome = Outcome::Cancelled;
        result.diagnostics.push_back(query::make_error({}, "load cancelled: nothing was added"));
      } else {
        result.outcome = Outcome::InputError;
        result.diagnostics.push_back(query::make_error({}, error + "; nothing was added"));
      }
      return result;
    }
  }
  on_exception.undo = nullptr;
  if (into_store && added) {
    // The facts written are read from the store when a question needs them.
    std::size_t i = 0;
    auto first = m.program.rules.begin() + static_cast<std::ptrdiff_t>(rules_before);
    m.program.rules.erase(std::remove_if(first, m.program.rules.end(), [&](const query::Rule&) { return is_row[i++]; }),
                          m.program.rules.end());
    for (const auto& f : rows) {
      const query::PredicateId p{f.predicate, f.arity};
      if (into_postgres) {  // read in the server, never into this process
        if (std::none_of(m.program.external.begin(), m.program.external.end(),
                         [&](const query::ExternalRelation& e) { return e.name == p.name && e.arity == p.arity; }))
          m.program.external.push_back(query::ExternalRelation{p.name, p.arity});
        continue;
      }
      if (m.unread_index(p) >= 0) continue;
      std::string table;
      if (auto e = m.store->fact_table_of(p, table); e || table.empty()) continue;  // cannot be: it was written
      m.unread.push_back(store::FactTable{p, table});
      m.program.external.push_back(query::ExternalRelation{p.name, p.arity});
    }
  }
  if (into_store && added)
    m.checker.accept_moved_facts(m.program);
  else
    m.checker.accept(m.program);
  if (added) m.invalidate();
  // After a write that found others had written, the session sees the store as it stands.
  if (m.store && added) m.catch_up(result.diagnostics);
  result.added = added_count;
  return result;
}

LoadResult KnowledgeBase::load_files(const std::vector<std::string>& paths) {
  return guarded<LoadResult>([&] {
    // Every file is read whole before anything is parsed: a read error fails the load
    // (never taken for the end of the file), and nothing is added.
    std::vector<Input> inputs;
    LoadResult failed;
    for (const auto& path : paths) {
      auto read = read_input_file(path);
      if (read.error) {
        failed.diagnostics.push_back(query::make_error({}, *read.error));
        continue;
      }
      inputs.push_back(Input{path, std::move(read.text)});
    }
    if (!failed.diagnostics.empty()) {
      failed.outcome = Outcome::InputError;
      return failed;
    }
    return load(std::move(inputs));
  });
}

ImportResult KnowledgeBase::import_csv(Input input, std::string_view predicate, ImportOptions options) {
  return guarded<ImportResult>([&] {
    ImportResult result;
    if (!grammar::is_symbol_text(predicate)) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error(
          {}, "'" + std::string(predicate) +
                  "' is not a predicate name: it must start with a lowercase letter, then letters, digits or '_'"));
      return result;
    }
    grammar::CsvOptions csv;
    const bool tabs = input.name.ends_with(".tsv") || input.name.ends_with(".tab");
    csv.delimiter = options.delimiter.value_or(tabs ? '\t' : ',');
    if (options.header) csv.header = *options.header ? grammar::CsvHeader::Yes : grammar::CsvHeader::No;
    // The table's shape is known once it is parsed; the parser hands it back here.
    auto parse = [&](std::string_view text, query::SourceId id, std::uint32_t, bool compact) {
      auto how = csv;
      how.compact = compact;
      auto table = grammar::parse_csv(text, id, predicate, how);
      result.rows = table.rows;
      result.header = std::move(table.header);
      result.column_kinds = std::move(table.column_kinds);
      return Impl::Parsed{std::move(table.program), std::move(table.facts), std::move(table.diagnostics)};
    };
    const std::string name = input.name;
    auto loaded = impl_->load({std::move(input)}, parse, "import " + name + " into " + std::string(predicate));
    result.outcome = loaded.outcome;
    result.diagnostics = std::move(loaded.diagnostics);
    if (result.outcome != Outcome::Ok) {
      result.rows = 0;
    } else if (result.rows == 0) {
      result.diagnostics.push_back(query::make_warning({}, "'" + name + "' has no rows: nothing was imported"));
    }
    return result;
  });
}

ImportResult KnowledgeBase::import_csv_file(const std::string& path, std::string_view predicate,
                                            ImportOptions options) {
  return guarded<ImportResult>([&] {
    auto read = read_input_file(path);
    if (read.error) {
      ImportResult failed;
      failed.outcome = Outcome::InputError;
      failed.diagnostics.push_back(query::make_error({}, *read.error));
      return failed;
    }
    return import_csv(Input{path, std::move(read.text)}, predicate, options);
  });
}

}  // namespace writ::kb
