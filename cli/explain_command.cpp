// writ explain: why each answer of a goal has its status, as a brief (text), the argument
// map as JSON, a Graphviz digraph, or an SVG picture laid out by Graphviz.
#include <iostream>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"
#include "view/svg.hpp"

namespace writ::cli {

bool apply_assumptions(kb::KnowledgeBase& kb, const std::vector<std::string>& assumptions,
                       std::vector<kb::Diagnostic>* said) {
  for (const auto& a : assumptions) {
    const auto result = a.starts_with("off ") ? kb.assume_off(a.substr(4)) : kb.assume(a, "--assume");
    print_diagnostics(kb, result.diagnostics);
    if (said) said->insert(said->end(), result.diagnostics.begin(), result.diagnostics.end());
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

  // The text's detail stops at a default depth; the maps are whole unless asked.
  std::optional<int> depth = options.depth;
  if (options.depth_all) depth.reset();
  else if (!depth && options.explain_format == ExplainFormat::Text) depth = query::argue::default_brief_depth;
  kb::PruneOptions prune;
  prune.depth = depth;

  ExitStatus status = ExitStatus::Ok;
  // A warning about the program that each question meets again is shown once.
  std::vector<kb::Diagnostic> shown = loaded.diagnostics;
  for (const auto& goal : options.queries) {
    auto result = kb.argument_map(goal, "-q");
    std::vector<kb::Diagnostic> diagnostics = result.diagnostics;
    drop_repeated(diagnostics, shown);
    print_diagnostics(kb, diagnostics);
    shown.insert(shown.end(), diagnostics.begin(), diagnostics.end());
    if (result.outcome != kb::Outcome::Ok) {
      status = worst(status, status_of(result.outcome));
      if (result.outcome != kb::Outcome::InputError) break;
      continue;
    }
    const auto& map = result.map;
    switch (options.explain_format) {
      case ExplainFormat::Text:
        if (map.answers.empty()) std::cout << goal << ": no answer\n";
        std::cout << kb::render_brief(map, depth);
        break;
      case ExplainFormat::Json: std::cout << kb::render_map_json(kb::prune(map, prune)) << '\n'; break;
      case ExplainFormat::Dot: std::cout << kb::render_map_dot(kb::prune(map, prune)); break;
      case ExplainFormat::Svg: {
        const auto svg = view::map_svg(map, prune);
        if (!svg.ok) {
          print_error("writ", "cannot draw the map of '" + goal + "': " + svg.error);
          status = worst(status, ExitStatus::InputError);
          continue;
        }
        std::cout << svg.svg;
        break;
      }
    }
  }
  return status;
}

}  // namespace writ::cli
