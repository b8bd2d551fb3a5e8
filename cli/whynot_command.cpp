// writ whynot: why a goal has no answer, or why an answer is rejected or contested, as the
// REPL's .whynot says it, for scripts.
#include <iostream>

#include "answer_format.hpp"
#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

// One JSON line per goal, whatever became of it, so that the lines match the -q options
// one to one (as `writ run --format json`): the trees are explain's nodes.
void print_json_line(std::string_view goal, const std::vector<kb::ExplanationNode>& explanations,
                     kb::Outcome outcome, std::string_view diagnostics) {
  std::string line = "{\"goal\": " + json_string(goal) + ", \"explanations\": [";
  for (std::size_t i = 0; i < explanations.size(); ++i) line += (i ? ", " : "") + kb::render_json(explanations[i]);
  line += "], \"status\": \"";
  line += outcome_name(outcome);
  line += "\", \"diagnostics\": ";
  line += diagnostics;
  line += "}\n";
  std::cout << line;
}

}  // namespace

ExitStatus whynot_command(const Options& options) {
  const bool json = options.explain_format == ExplainFormat::Json;
  // Nothing could be asked: in json each goal still gets its line, saying why.
  const auto unasked = [&](kb::Outcome outcome, const std::string& diagnostics) {
    if (json)
      for (const auto& goal : options.queries) print_json_line(goal, {}, outcome, diagnostics);
    return status_of(outcome);
  };
  if (auto message = unreadable_file(options.files)) {
    print_error("writ: error", *message);
    return unasked(kb::Outcome::InputError, message_json("error", *message));
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read))
    return unasked(kb::Outcome::InputError, message_json("error", "cannot open the store"));
  const kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    if (loaded.outcome == kb::Outcome::LimitHit && loaded.diagnostics.empty())
      print_error("writ", "evaluation stopped: a limit was hit");
    return unasked(loaded.outcome, diagnostics_json(kb, loaded.diagnostics));
  }
  std::vector<kb::Diagnostic> assumed;
  if (!apply_assumptions(kb, options.assumptions, &assumed))
    return unasked(kb::Outcome::InputError, diagnostics_json(kb, assumed));

  ExitStatus status = ExitStatus::Ok;
  // A warning about the program that each question meets again is shown once.
  std::vector<kb::Diagnostic> shown = loaded.diagnostics;
  for (const auto& goal : options.queries) {
    const kb::ExplainResult result = kb.why_not(goal, "-q");
    // A JSON line stands alone: it keeps its question's diagnostics, less the load's.
    std::vector<kb::Diagnostic> own = result.diagnostics;
    drop_repeated(own, loaded.diagnostics);
    std::vector<kb::Diagnostic> diagnostics = own;
    drop_repeated(diagnostics, shown);
    print_diagnostics(kb, diagnostics);
    shown.insert(shown.end(), diagnostics.begin(), diagnostics.end());
    if (json) print_json_line(goal, result.explanations, result.outcome, diagnostics_json(kb, own));
    else
      for (const auto& e : result.explanations) std::cout << kb::render_text(e);
    switch (result.outcome) {
      case kb::Outcome::Ok: break;
      case kb::Outcome::InputError: status = worst(status, ExitStatus::InputError); break;
      case kb::Outcome::LimitHit:  // a limit or Ctrl-C ends the run: the next goal would fare no better
        if (result.diagnostics.empty()) print_error("writ", "evaluation stopped: a limit was hit");
        return worst(status, ExitStatus::LimitHit);
      case kb::Outcome::Cancelled: print_error("writ", "cancelled"); return worst(status, ExitStatus::InputError);
    }
  }
  return status;
}

}  // namespace writ::cli
