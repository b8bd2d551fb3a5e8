// Small helpers for tests that drive a KnowledgeBase with program text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "writ/knowledge_base.hpp"

namespace writ::test {

// Loads `program` (which must load without errors) and returns the knowledge base.
inline std::unique_ptr<kb::KnowledgeBase> load_ok(const std::string& program, kb::Limits limits = {}) {
  auto kb = std::make_unique<kb::KnowledgeBase>(limits);
  const auto r = kb->load({{"test.writ", program}});
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
  return kb;
}

// The answers to `goal`, one string per row with values in source syntax joined by
// ", ", in the order the knowledge base returns them (sorted).
inline std::vector<std::string> rows(kb::KnowledgeBase& kb, const std::string& goal) {
  const auto r = kb.ask(goal);
  EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  std::vector<std::string> out;
  for (const auto& row : r.answers.rows) {
    std::string line;
    for (const auto& v : row) line += (line.empty() ? "" : ", ") + query::to_source(v);
    out.push_back(line);
  }
  return out;
}

using Rows = std::vector<std::string>;

}  // namespace writ::test
