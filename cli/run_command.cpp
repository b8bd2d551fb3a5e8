// writ run: one load of all files, then every query in order.
#include <iostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "reporting.hpp"

namespace writ::cli {

namespace {

// Prints one query's answers or diagnostics; returns false when writ must stop (a limit).
bool report(const kb::KnowledgeBase& kb, const kb::AskResult& result, AnswerPrinter& printer,
            ExitStatus& status) {
  print_diagnostics(kb, result.diagnostics);
  switch (result.outcome) {
    case kb::Outcome::Ok: printer.print(result.answers); return true;
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

ExitStatus run_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    if (loaded.outcome == kb::Outcome::LimitHit && loaded.diagnostics.empty()) {
      print_error("writ", "evaluation stopped: a limit was hit");
    }
    return status_of(loaded.outcome);
  }

  AnswerPrinter printer(std::cout, options.format, /*echo_query=*/true);
  ExitStatus status = ExitStatus::Ok;
  for (const auto& q : loaded.queries) {
    if (!report(kb, kb.ask(q), printer, status)) return status;
  }
  for (const auto& goal : options.queries) {
    if (!report(kb, kb.ask(goal, "-q"), printer, status)) return status;
  }
  return status;
}

}  // namespace writ::cli
