// writ run: one load of all files (over the store, when --db names one, which it leaves
// unchanged), then every query in order.
#include <iostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "reporting.hpp"
#include "run_stats.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

// Answers one query, streaming its rows to the printer; returns false when writ must
// stop (a limit, Ctrl-C). In json a query that got no answer set still has its line.
// `said`: what stderr has shown already (the load's messages, the earlier questions'):
// a warning about the program that each question meets again is shown once. `said_in_doc`:
// what the head of one JSON document says (the load's messages, for the files' queries).
template <class Ask>
bool answer(const kb::KnowledgeBase& kb, const std::string& goal, const Ask& ask, AnswerPrinter& printer,
            ExitStatus& status, std::vector<kb::Diagnostic>& said, const std::vector<kb::Diagnostic>& said_in_doc,
            RunStats* stats) {
  bool begun = false;
  // The answers are ready when their columns are: before, evaluation; after, output.
  const auto started = RunStats::Clock::now();
  auto ready = started;
  std::uint64_t rows = 0;
  const kb::AskResult result = ask(
      [&](const std::vector<std::string>& columns, bool with_status) {
        begun = true;
        ready = RunStats::Clock::now();
        printer.begin(goal, columns, with_status);
      },
      [&](const std::vector<query::Value>& row, std::optional<kb::Status> s) {
        ++rows;
        printer.row(row, s);
      });
  if (stats) {
    const auto ended = RunStats::Clock::now();
    if (!begun) ready = ended;
    stats->evaluate += ready - started;
    stats->answer += ended - ready;
    ++stats->questions;
    stats->answers += rows;
  }
  std::vector<kb::Diagnostic> diagnostics = result.diagnostics;
  drop_repeated(diagnostics, said);
  // One JSON document keeps with each question what its head does not say already.
  std::vector<kb::Diagnostic> in_doc = result.diagnostics;
  drop_repeated(in_doc, said_in_doc);
  const bool json = printer.format() == Format::Json || printer.format() == Format::JsonDoc;
  // A JSON line stands alone: it keeps what the load said about its question too (a
  // perspective answered as the neutral one); the terminal and one document say it once.
  const std::string diagnostics_text =
      json ? diagnostics_json(kb, printer.format() == Format::Json ? result.diagnostics : in_doc) : std::string("[]");
  if (begun) printer.end(result.outcome, diagnostics_text);
  else printer.unanswered(goal, result.outcome, diagnostics_text);
  print_diagnostics(kb, diagnostics);
  said.insert(said.end(), diagnostics.begin(), diagnostics.end());
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

kb::Outcome outcome_of(ExitStatus status) {
  switch (status) {
    case ExitStatus::Ok: return kb::Outcome::Ok;
    case ExitStatus::LimitHit: return kb::Outcome::LimitHit;
    default: return kb::Outcome::InputError;
  }
}

}  // namespace

ExitStatus answer_queries(kb::KnowledgeBase& kb, const std::vector<query::Query>& queries,
                          const std::vector<std::string>& goals, Format format,
                          const std::vector<kb::Diagnostic>& said, RunStats* stats) {
  // csv heads each block with its goal when there are several, so that each says what
  // it answers; a single one stays a plain table (for import elsewhere).
  const bool label = format != Format::Csv || queries.size() + goals.size() > 1;
  AnswerPrinter printer(std::cout, format, /*echo_query=*/label);
  printer.start_document(format == Format::JsonDoc ? diagnostics_json(kb, said) : std::string("[]"));
  ExitStatus status = ExitStatus::Ok;
  const auto finish = [&] {
    printer.finish_document(outcome_of(status));
    return status;
  };
  std::vector<kb::Diagnostic> shown = said;
  for (const auto& q : queries) {
    if (!answer(kb, q.text, [&](const auto& on_columns, const auto& on_row) { return kb.ask_each(q, on_columns, on_row); },
                printer, status, shown, said, stats))
      return finish();
  }
  for (const auto& goal : goals) {
    if (!answer(kb, goal, [&](const auto& on_columns, const auto& on_row) { return kb.ask_each(goal, on_columns, on_row, "-q"); },
                printer, status, shown, {}, stats))
      return finish();
  }
  return finish();
}

void report_unasked(const Options& options, kb::Outcome outcome, const std::string& diagnostics) {
  if (options.format != Format::Json && options.format != Format::JsonDoc) return;
  AnswerPrinter printer(std::cout, options.format, /*echo_query=*/false);
  printer.start_document(diagnostics);
  // In one document the diagnostics are said once, at its head.
  const std::string each = options.format == Format::Json ? diagnostics : std::string("[]");
  for (const auto& goal : options.queries) printer.unanswered(goal, outcome, each);
  printer.finish_document(outcome);
}

ExitStatus run_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ: error", *message);
    report_unasked(options, kb::Outcome::InputError, message_json("error", *message));
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  // Read-only: the files are added in memory for this run, never to the store.
  if (!open_store(kb, options, StoreAccess::Read)) {
    report_unasked(options, kb::Outcome::InputError, message_json("error", "cannot open the store"));
    return ExitStatus::InputError;
  }
  const auto load_started = RunStats::Clock::now();
  kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    if (loaded.outcome == kb::Outcome::LimitHit && loaded.diagnostics.empty()) {
      print_error("writ", "evaluation stopped: a limit was hit");
    }
    report_unasked(options, loaded.outcome, diagnostics_json(kb, loaded.diagnostics));
    return status_of(loaded.outcome);
  }
  std::vector<kb::Diagnostic> assumed;
  if (!apply_assumptions(kb, options.assumptions, &assumed)) {
    report_unasked(options, kb::Outcome::InputError, diagnostics_json(kb, assumed));
    return ExitStatus::InputError;
  }
  if (!options.stats) return answer_queries(kb, loaded.queries, options.queries, options.format, loaded.diagnostics);
  RunStats stats;
  stats.parse_check = RunStats::Clock::now() - load_started;
  const ExitStatus status =
      answer_queries(kb, loaded.queries, options.queries, options.format, loaded.diagnostics, &stats);
  print_stats(stats, kb, options.format);
  return status;
}

}  // namespace writ::cli
