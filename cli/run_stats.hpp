// --stats (as clingo's): what a run cost, said on standard error after the answers, so
// that the answers on standard output stay as they are.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "answer_format.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

struct RunStats {
  using Clock = std::chrono::steady_clock;
  // Loading: parsing and checking the files (and --assume); unset in a REPL question.
  std::optional<Clock::duration> parse_check;
  Clock::duration evaluate{};  // until a question's answers were ready (columns known)
  Clock::duration answer{};    // writing them out
  std::uint64_t questions = 0;
  std::uint64_t answers = 0;
};

// Writes `stats` with the program's size (rules, stated facts, predicates) and the
// process's peak memory to stderr: three `stats:` lines, or under json and json-doc one
// JSON object {"stats": {...}} on a line.
void print_stats(const RunStats& stats, const kb::KnowledgeBase& kb, Format format);

}  // namespace writ::cli
