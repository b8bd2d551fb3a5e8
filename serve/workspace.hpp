// What `writ serve` serves: a knowledge base loaded once from a store and files, never
// changed afterwards, and a twin of it for what-if questions.
//
// Assumptions are state of a knowledge base (assume() is a writer), while the server
// answers many requests at once. So questions without assumptions go to the base, which
// only readers ever touch and which answers them in parallel; questions with assumptions
// go, one at a time, to a second knowledge base loaded the same way (on first use) that
// keeps the last set of assumptions, so a page that asks several questions under the same
// what-if pays for switching it once.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "writ/knowledge_base.hpp"

namespace writ::serve {

struct WorkspaceOptions {
  std::optional<std::string> db;        // a store, opened read-only
  std::optional<std::uint64_t> as_of;   // the store as of this transaction
  std::vector<std::string> files;       // loaded in memory over the store
  kb::Limits limits;
};

// A failure to open: the rendered diagnostics (FILE:LINE:COL: error: ..., line and caret).
struct OpenFailure {
  kb::Outcome outcome = kb::Outcome::InputError;
  std::string message;
};

class Workspace {
 public:
  // Opens the store read-only (pinned at its last transaction, so that the twin sees the
  // same one) and loads the files. `warnings` receives the rendered warnings of the load.
  static std::unique_ptr<Workspace> open(const WorkspaceOptions& options, OpenFailure& failure,
                                         std::string& warnings);

  // The base knowledge base: readers only.
  kb::KnowledgeBase& base() { return *base_; }
  const WorkspaceOptions& options() const { return options_; }
  // The `?-` queries written in the loaded files, as written (suggestions for the page).
  const std::vector<std::string>& questions() const { return questions_; }
  // The parties that make claims, sorted: the perspectives a question can take.
  const std::vector<std::string>& parties() const { return parties_; }

  // Runs `use` on a knowledge base in which exactly `assumptions` hold (each a statement to
  // assume, or "off LABEL"); on the base when there are none. With assumptions, calls are
  // serialised. When an assumption is refused, calls `refused` instead with the knowledge
  // base that refused it (to render the diagnostics) and why.
  using Use = std::function<void(kb::KnowledgeBase&)>;
  using Refused = std::function<void(kb::KnowledgeBase&, const kb::LoadResult&)>;
  void with_assumptions(const std::vector<std::string>& assumptions, const Use& use, const Refused& refused);

  // Ends every question in progress (kb::KnowledgeBase::cancel), when the server stops.
  void cancel() noexcept;

 private:
  explicit Workspace(WorkspaceOptions options) : options_(std::move(options)) {}
  // A knowledge base loaded as options_ say; null with `failure` set when that fails.
  std::unique_ptr<kb::KnowledgeBase> load(OpenFailure& failure, std::string* warnings);

  WorkspaceOptions options_;
  std::unique_ptr<kb::KnowledgeBase> base_;
  std::vector<std::string> questions_;
  std::vector<std::string> parties_;

  std::mutex what_if_mutex_;
  std::unique_ptr<kb::KnowledgeBase> what_if_;     // created on first use
  std::atomic<kb::KnowledgeBase*> what_if_created_{nullptr};  // what_if_, for cancel()
  std::vector<std::string> what_if_assumptions_;  // what holds in it now
};

}  // namespace writ::serve
