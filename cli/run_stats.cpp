#include "run_stats.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace writ::cli {

namespace {

std::string seconds(RunStats::Clock::duration d) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", std::chrono::duration<double>(d).count());
  return text;
}

// The process's peak resident memory: what `--max-memory` users compare with.
std::uint64_t peak_bytes() {
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux: KiB
}

std::string mebibytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace

void print_stats(const RunStats& stats, const kb::KnowledgeBase& kb, Format format) {
  std::uint64_t rules = 0, facts = 0;
  const auto predicates = kb.predicates();
  for (const auto& p : predicates) {
    rules += p.rules;
    facts += p.facts;
  }
  const auto total = stats.parse_check.value_or(RunStats::Clock::duration{}) + stats.evaluate + stats.answer;
  const std::uint64_t peak = peak_bytes();
  std::cout.flush();  // after the answers, on a shared terminal too
  if (format == Format::Json || format == Format::JsonDoc) {
    std::cerr << R"({"stats": {"time": {"total": )" << seconds(total);
    if (stats.parse_check) std::cerr << R"(, "parse_check": )" << seconds(*stats.parse_check);
    std::cerr << R"(, "evaluate": )" << seconds(stats.evaluate) << R"(, "answer": )" << seconds(stats.answer)
              << R"(}, "rules": )" << rules << R"(, "facts": )" << facts << R"(, "predicates": )"
              << predicates.size() << R"(, "questions": )" << stats.questions << R"(, "answers": )" << stats.answers
              << R"(, "peak_memory_bytes": )" << peak << "}}\n";
  } else {
    std::cerr << "stats: time " << seconds(total) << " s (";
    if (stats.parse_check) std::cerr << "parse/check " << seconds(*stats.parse_check) << " s, ";
    std::cerr << "evaluate " << seconds(stats.evaluate) << " s, answer " << seconds(stats.answer) << " s)\n"
              << "stats: " << rules << (rules == 1 ? " rule, " : " rules, ") << facts
              << (facts == 1 ? " fact, " : " facts, ") << predicates.size()
              << (predicates.size() == 1 ? " predicate; " : " predicates; ") << stats.questions
              << (stats.questions == 1 ? " question, " : " questions, ") << stats.answers
              << (stats.answers == 1 ? " answer\n" : " answers\n")
              << "stats: peak memory " << mebibytes(peak) << " MiB\n";
  }
  std::cerr.flush();
}

}  // namespace writ::cli
