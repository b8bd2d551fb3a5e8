// writ explain: why each answer of a goal has its status.
#include <iostream>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

bool apply_assumptions(kb::KnowledgeBase& kb, const std::vector<std::string>& assumptions) {
  for (const auto& a : assumptions) {
    const auto result = a.starts_with("off ") ? kb.assume_off(a.substr(4)) : kb.assume(a, "--assume");
    print_diagnostics(kb, result.diagnostics);
    if (result.outcome != kb::Outcome::Ok) return false;
  }
  return true;
}

ExitStatus explain_command(const Options& options) {
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
  std::vector<kb::ExplanationNode> graph;  // dot: one digraph of everything
  for (const auto& goal : options.queries) {
    auto result = kb.explain(goal, "-q");
    print_diagnostics(kb, result.diagnostics);
    if (result.outcome != kb::Outcome::Ok) {
      status = worst(status, status_of(result.outcome));
      if (result.outcome != kb::Outcome::InputError) break;
      continue;
    }
    for (auto& e : result.explanations) {
      switch (options.explain_format) {
        case ExplainFormat::Text: std::cout << kb::render_text(e); break;
        case ExplainFormat::Json: std::cout << kb::render_json(e) << '\n'; break;
        case ExplainFormat::Dot: graph.push_back(std::move(e)); break;
      }
    }
    if (result.explanations.empty() && options.explain_format == ExplainFormat::Text)
      std::cout << goal << ": no answer\n";
  }
  if (options.explain_format == ExplainFormat::Dot) std::cout << kb::render_dot(graph);
  return status;
}

}  // namespace writ::cli
