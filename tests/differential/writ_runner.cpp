#include "writ_runner.hpp"

#include <chrono>
#include <set>
#include <utility>

#include "writ/knowledge_base.hpp"

namespace writ::differential {

namespace {

const char* outcome_name(kb::Outcome o) {
  switch (o) {
    case kb::Outcome::Ok:
      return "Ok";
    case kb::Outcome::InputError:
      return "InputError";
    case kb::Outcome::LimitHit:
      return "LimitHit";
    case kb::Outcome::Cancelled:
      break;
  }
  return "Cancelled";
}

}  // namespace

WritResult run_writ(std::string_view program, const std::vector<PredicateSignature>& predicates) {
  WritResult result;
  // A generous limit: a hang is a bug to report, not a reason to stall the suite.
  kb::KnowledgeBase kb(kb::Limits{std::chrono::milliseconds(20000), std::nullopt});
  const kb::LoadResult loaded = kb.load({kb::Input{"program.lp", std::string(program)}});
  if (loaded.outcome != kb::Outcome::Ok) {
    result.error = std::string("load: ") + outcome_name(loaded.outcome) + "\n" + kb.render(loaded.diagnostics);
    return result;
  }
  std::set<std::pair<std::string, std::size_t>> signatures;
  for (const PredicateSignature& p : predicates) signatures.emplace(p.name, p.arity);
  for (const kb::PredicateInfo& p : kb.predicates()) signatures.emplace(p.name, p.arity);
  for (const auto& [name, arity] : signatures) {
    for (const kb::AskResult& answer : kb.relation(name, arity)) {
      if (answer.outcome != kb::Outcome::Ok) {
        result.error = "relation(" + name + ", " + std::to_string(arity) + "): " + outcome_name(answer.outcome) +
                       "\n" + kb.render(answer.diagnostics);
        return result;
      }
      for (const std::vector<query::Value>& row : answer.answers.rows) {
        if (row.size() != arity) {
          result.error = "relation(" + name + ", " + std::to_string(arity) + ") gave a row of " +
                         std::to_string(row.size()) + " values";
          return result;
        }
        result.model.insert(GroundAtom{name, row});
      }
    }
  }
  result.ok = true;
  return result;
}

WritResult ask_writ(std::string_view program, std::vector<Goal>& goals) {
  WritResult result;
  for (Goal& goal : goals) {
    // A knowledge base per goal: one that fell back to the whole fixpoint for a goal would
    // answer the next ones from it.
    kb::KnowledgeBase kb(kb::Limits{std::chrono::milliseconds(20000), std::nullopt});
    const kb::LoadResult loaded = kb.load({kb::Input{"program.lp", std::string(program)}});
    if (loaded.outcome != kb::Outcome::Ok) {
      result.error = std::string("load: ") + outcome_name(loaded.outcome) + "\n" + kb.render(loaded.diagnostics);
      return result;
    }
    const kb::AskResult answer = kb.ask(goal.text);
    if (answer.outcome != kb::Outcome::Ok) {
      result.error = goal.text + ": " + outcome_name(answer.outcome) + "\n" + kb.render(answer.diagnostics);
      return result;
    }
    for (const std::vector<query::Value>& row : answer.answers.rows) goal.answers.push_back(GroundAtom{"", row});
  }
  result.ok = true;
  return result;
}

}  // namespace writ::differential
