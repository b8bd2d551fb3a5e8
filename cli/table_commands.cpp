// writ import, export and materialize: relations in and out of a store as tables.
#include <iostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "interrupt.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

const char* kind_name(query::ValueKind k) {
  switch (k) {
    case query::ValueKind::Integer: return "integer";
    case query::ValueKind::Symbol: return "symbol";
    case query::ValueKind::String: return "string";
    case query::ValueKind::Date: return "date";
    case query::ValueKind::Duration: return "duration";
    case query::ValueKind::Money: return "money";
  }
  return "?";
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// "name" or "name/N"; nullopt when the text is neither.
struct PredicateSpec {
  std::string name;
  std::optional<std::size_t> arity;
};
std::optional<PredicateSpec> parse_spec(std::string_view text) {
  PredicateSpec spec{std::string(text), std::nullopt};
  if (const auto slash = text.rfind('/'); slash != std::string_view::npos) {
    spec.name = std::string(text.substr(0, slash));
    const auto digits = text.substr(slash + 1);
    std::size_t n = 0;
    if (digits.empty() || digits.size() > 2) return std::nullopt;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    spec.arity = n;
  }
  if (spec.name.empty()) return std::nullopt;
  return spec;
}

}  // namespace

ExitStatus import_command(const Options& options) {
  const std::string& file = options.files[0];
  const std::string& predicate = options.files[1];
  // The file first: a mistyped name must not leave a new, empty store behind.
  if (auto message = unreadable_file({file})) {
    print_error("writ: error", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Write)) return ExitStatus::InputError;
  kb::ImportResult imported;
  {
    InterruptHandler interrupts(kb, /*interactive=*/false);
    BusyScope busy;
    imported = kb.import_csv_file(file, predicate, kb::ImportOptions{options.delimiter, options.header});
  }
  print_diagnostics(kb, imported.diagnostics);
  if (imported.outcome != kb::Outcome::Ok) return status_of(imported.outcome);
  if (imported.rows == 0) return ExitStatus::Ok;

  std::vector<std::string> kinds;
  for (auto k : imported.column_kinds) kinds.emplace_back(kind_name(k));
  const kb::LogResult log = kb.transactions();
  const std::string number = log.transactions.empty() ? "?" : std::to_string(log.transactions.back().number);
  std::string summary = "transaction " + number + ": imported " + count_of(imported.rows, "row") + " of '" + file +
                        "' as " + predicate + "/" + std::to_string(kinds.size()) + " (" + joined(kinds) + ")";
  summary += imported.header.empty() ? "; no header row" : "; header: " + joined(imported.header);
  print_error("writ", summary);
  return ExitStatus::Ok;
}

ExitStatus export_command(const Options& options) {
  const auto spec = parse_spec(options.files[0]);
  if (!spec) {
    print_error("writ", "'" + options.files[0] + "' is not a predicate: write NAME or NAME/ARITY");
    return ExitStatus::Usage;
  }
  const std::vector<std::string> files(options.files.begin() + 1, options.files.end());
  if (auto message = unreadable_file(files)) {
    print_error("writ: error", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  if (!files.empty()) {
    const kb::LoadResult loaded = kb.load_files(files);
    print_diagnostics(kb, loaded.diagnostics);
    if (loaded.outcome != kb::Outcome::Ok) return status_of(loaded.outcome);
  }
  std::vector<kb::AskResult> relations;
  {
    InterruptHandler interrupts(kb, /*interactive=*/false);
    BusyScope busy;
    relations = kb.relation(spec->name, spec->arity);
  }
  if (relations.empty()) {
    print_error("writ: error", "no predicate '" + options.files[0] + "' is defined");
    return ExitStatus::InputError;
  }
  if (relations.size() > 1) {
    std::vector<std::string> names;
    for (const auto& r : relations) names.push_back(r.answers.query);
    print_error("writ: error", "'" + spec->name + "' has several arities (" + joined(names) + "): export one of them");
    return ExitStatus::InputError;
  }
  const kb::AskResult& r = relations.front();
  print_diagnostics(kb, r.diagnostics);
  if (r.outcome != kb::Outcome::Ok) return status_of(r.outcome);
  std::cout << formatted(r.answers, options.format_given ? options.format : Format::Csv);
  return ExitStatus::Ok;
}

ExitStatus materialize_command(const Options& options) {
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::WriteExisting)) return ExitStatus::InputError;
  kb::MaterializeResult result;
  {
    InterruptHandler interrupts(kb, /*interactive=*/false);
    BusyScope busy;
    result = kb.materialize(options.files);
  }
  print_diagnostics(kb, result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) return status_of(result.outcome);
  for (const auto& t : result.tables)
    print_error("writ", "materialized " + t.name + "/" + std::to_string(t.arity) + " as table " + t.table + " (" +
                            count_of(t.rows, "row") + ")");
  return ExitStatus::Ok;
}

}  // namespace writ::cli
