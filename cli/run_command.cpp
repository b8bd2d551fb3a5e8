// writ run: one load of all files (over the store, when --db names one, which it leaves
// unchanged), then every query in order.
#include <iostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

// Answers one query, streaming its rows to the printer; returns false when writ must
// stop (a limit, Ctrl-C).
template <class Ask>
bool answer(const kb::KnowledgeBase& kb, const std::string& goal, const Ask& ask, AnswerPrinter& printer,
            ExitStatus& status, const std::vector<kb::Diagnostic>& said = {}) {
  bool begun = false;
  const kb::AskResult result = ask(
      [&](const std::vector<std::string>& columns, bool with_status) {
        begun = true;
        printer.begin(goal, columns, with_status);
      },
      [&](const std::vector<query::Value>& row, std::optional<kb::Status> s) { printer.row(row, s); });
  if (begun) printer.end();
  std::vector<kb::Diagnostic> diagnostics = result.diagnostics;
  drop_repeated(diagnostics, said);
  print_diagnostics(kb, diagnostics);
  switch (result.outcome) {
    case kb::Outcome::Ok: return true;
    case kb::Outcome::InputError: status = worst(status, ExitStatus::InputError); return true;
    case kb::Outcome::LimitHit:
      if (result.diagnostics.empty()) print_error("writ", "evaluation stopped: a limit was hit");
      status = worst(status, ExitStatus::LimitHit);
      return false;
    case kb::Outcome::Cancelled:
      print_error("writ", "cancelled");
      status = worst(status, ExitStatus::InputError);
      return false;
  }
  return true;
}

}  // namespace

ExitStatus answer_queries(kb::KnowledgeBase& kb, const std::vector<query::Query>& queries,
                          const std::vector<std::string>& goals, Format format,
                          const std::vector<kb::Diagnostic>& said) {
  AnswerPrinter printer(std::cout, format, /*echo_query=*/true);
  ExitStatus status = ExitStatus::Ok;
  for (const auto& q : queries) {
    if (!answer(kb, q.text, [&](const auto& on_columns, const auto& on_row) { return kb.ask_each(q, on_columns, on_row); },
                printer, status, said))
      return status;
  }
  for (const auto& goal : goals) {
    if (!answer(kb, goal, [&](const auto& on_columns, const auto& on_row) { return kb.ask_each(goal, on_columns, on_row, "-q"); },
                printer, status))
      return status;
  }
  return status;
}

ExitStatus run_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ: error", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  // Read-only: the files are added in memory for this run, never to the store.
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    if (loaded.outcome == kb::Outcome::LimitHit && loaded.diagnostics.empty()) {
      print_error("writ", "evaluation stopped: a limit was hit");
    }
    return status_of(loaded.outcome);
  }
  if (!apply_assumptions(kb, options.assumptions)) return ExitStatus::InputError;
  return answer_queries(kb, loaded.queries, options.queries, options.format, loaded.diagnostics);
}

}  // namespace writ::cli
