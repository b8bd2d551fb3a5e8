#include "workspace.hpp"

namespace writ::serve {

std::unique_ptr<kb::KnowledgeBase> Workspace::load(OpenFailure& failure, std::string* warnings) {
  auto kb = std::make_unique<kb::KnowledgeBase>(options_.limits);
  if (options_.db) {
    kb::StoreOptions store;
    store.read_only = true;
    store.as_of = options_.as_of;
    const auto opened = kb->open(*options_.db, store);
    if (opened.outcome != kb::Outcome::Ok) {
      failure = {opened.outcome, kb->render(opened.diagnostics)};
      return nullptr;
    }
  }
  const auto loaded = kb->load_files(options_.files);
  if (loaded.outcome != kb::Outcome::Ok) {
    failure = {loaded.outcome, kb->render(loaded.diagnostics)};
    return nullptr;
  }
  if (warnings) {
    *warnings = kb->render(loaded.diagnostics);
    for (const auto& q : loaded.queries) questions_.push_back(q.text);
  }
  return kb;
}

std::unique_ptr<Workspace> Workspace::open(const WorkspaceOptions& options, OpenFailure& failure,
                                           std::string& warnings) {
  std::unique_ptr<Workspace> w(new Workspace(options));
  w->base_ = w->load(failure, &warnings);
  if (!w->base_) return nullptr;
  w->parties_ = w->base_->claimants();
  if (options.db && !options.as_of) {
    // Pin the store where the base saw it: the twin, opened later, must not see more.
    const auto log = w->base_->transactions();
    w->options_.as_of = log.transactions.empty() ? 0 : log.transactions.back().number;
  }
  return w;
}

void Workspace::with_assumptions(const std::vector<std::string>& assumptions, const Use& use,
                                 const Refused& refused) {
  if (assumptions.empty()) {
    use(*base_);
    return;
  }
  const std::lock_guard lock(what_if_mutex_);
  if (!what_if_) {
    OpenFailure failure;
    what_if_ = load(failure, nullptr);
    if (!what_if_) {
      kb::LoadResult result;
      result.outcome = kb::Outcome::InputError;
      result.diagnostics.push_back(query::make_error(
          {}, "cannot load the knowledge base again for a what-if question (did a file change since the "
              "server started?): " + failure.message));
      refused(*base_, result);
      return;
    }
    what_if_created_.store(what_if_.get());
  }
  if (assumptions != what_if_assumptions_) {
    what_if_->forget();
    what_if_assumptions_.clear();
    for (const auto& a : assumptions) {
      const auto result = a.starts_with("off ") ? what_if_->assume_off(a.substr(4)) : what_if_->assume(a, "assume");
      if (result.outcome != kb::Outcome::Ok) {
        what_if_->forget();
        refused(*what_if_, result);
        return;
      }
    }
    what_if_assumptions_ = assumptions;
  }
  use(*what_if_);
}

void Workspace::cancel() noexcept {
  base_->cancel();
  if (auto* what_if = what_if_created_.load()) what_if->cancel();
}

}  // namespace writ::serve
