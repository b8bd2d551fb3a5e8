// writ whynot: why a goal has no answer, or why an answer is rejected or contested, as the
// REPL's .whynot says it, for scripts.
#include <iostream>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

ExitStatus whynot_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ: error", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  const kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) return status_of(loaded.outcome);
  if (!apply_assumptions(kb, options.assumptions)) return ExitStatus::InputError;

  ExitStatus status = ExitStatus::Ok;
  for (const auto& goal : options.queries) {
    const kb::ExplainResult result = kb.why_not(goal, "-q");
    print_diagnostics(kb, result.diagnostics);
    if (result.outcome != kb::Outcome::Ok) {
      status = worst(status, status_of(result.outcome));
      if (result.outcome != kb::Outcome::InputError) break;  // a limit or Ctrl-C ends the run
      continue;
    }
    if (options.explain_format == ExplainFormat::Json) {
      // One line per GOAL, as `explain --format json`: an empty list when nothing is
      // missing or weak (every answer holds firmly).
      std::cout << "{\"goal\": " << json_string(goal) << ", \"explanations\": [";
      for (std::size_t i = 0; i < result.explanations.size(); ++i)
        std::cout << (i ? ", " : "") << kb::render_json(result.explanations[i]);
      std::cout << "]}\n";
      continue;
    }
    if (options.queries.size() > 1) std::cout << "?- " << goal << ".\n";
    if (result.explanations.empty()) std::cout << goal << ": every answer holds firmly (see writ explain)\n";
    for (const auto& e : result.explanations) std::cout << kb::render_text(e);
  }
  return status;
}

}  // namespace writ::cli
