#include "workspace.hpp"

#include <algorithm>
#include <set>

namespace writ::serve {

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The parties that make claims: statements written `[label:] party claims|denies ...`.
std::vector<std::string> claimants_of(const kb::KnowledgeBase& kb) {
  std::set<std::string> parties;
  for (const auto& text : kb.rule_texts()) {
    std::string_view t = text;
    auto word = [&] {
      while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n')) t.remove_prefix(1);
      std::size_t n = 0;
      while (n < t.size() && ident_char(t[n])) ++n;
      auto w = t.substr(0, n);
      t.remove_prefix(n);
      return w;
    };
    auto first = word();
    if (t.starts_with(":") && !t.starts_with(":-") && !t.starts_with(":~")) {
      t.remove_prefix(1);
      first = word();
    }
    const auto verb = word();
    if (!first.empty() && (verb == "claims" || verb == "denies")) parties.insert(std::string(first));
  }
  return {parties.begin(), parties.end()};
}

}  // namespace

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
  w->parties_ = claimants_of(*w->base_);
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
