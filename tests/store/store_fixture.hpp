// A temporary directory per test, and helpers to drive a KnowledgeBase backed by a store.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "writ/knowledge_base.hpp"

namespace writ::test {

using Rows = std::vector<std::string>;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "writ-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // A knowledge base on the store `name`, which must open.
  std::unique_ptr<kb::KnowledgeBase> open(const std::string& name, kb::StoreOptions options = {}) {
    auto kb = std::make_unique<kb::KnowledgeBase>();
    const auto r = kb->open(path(name), options);
    EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb->render(r.diagnostics);
    return kb;
  }

  // The message of the single error that opening `name` gives.
  std::string open_error(const std::string& name, kb::StoreOptions options = {}) {
    kb::KnowledgeBase kb;
    const auto r = kb.open(path(name), options);
    EXPECT_EQ(r.outcome, kb::Outcome::InputError);
    EXPECT_FALSE(kb.has_store());
    return r.diagnostics.empty() ? std::string() : r.diagnostics.front().message;
  }

  static void load_ok(kb::KnowledgeBase& kb, const std::string& text, const std::string& name = "test.writ") {
    const auto r = kb.load({{name, text}});
    EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
  }

  static Rows rows(kb::KnowledgeBase& kb, const std::string& goal) {
    const auto r = kb.ask(goal);
    EXPECT_EQ(r.outcome, kb::Outcome::Ok) << kb.render(r.diagnostics);
    Rows out;
    for (const auto& row : r.answers.rows) {
      std::string line;
      for (const auto& v : row) line += (line.empty() ? "" : ", ") + query::to_source(v);
      out.push_back(line);
    }
    return out;
  }

  static std::string read_bytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void write_bytes(const std::string& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
  }

  std::filesystem::path dir_;
};

// `count` facts edge(I, I + 1), one per line.
inline std::string edges(int first, int count) {
  std::string text;
  for (int i = first; i < first + count; ++i)
    text += "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
  return text;
}

}  // namespace writ::test
