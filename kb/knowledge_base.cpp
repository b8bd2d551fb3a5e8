// The knowledge base itself: its construction, limits, cancellation and the rendering of
// its diagnostics. What it does is in the files session.hpp lists.
#include "writ/knowledge_base.hpp"

#include <unistd.h>

#include "kb/session.hpp"

namespace writ::kb {

std::uint64_t default_max_memory() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return std::uint64_t{4} << 30;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size) / 2;
}

KnowledgeBase::KnowledgeBase(Limits limits) : impl_(std::make_unique<Impl>()) { impl_->limits = limits; }
KnowledgeBase::~KnowledgeBase() = default;

void KnowledgeBase::swap(KnowledgeBase& other) noexcept { impl_.swap(other.impl_); }

void KnowledgeBase::set_limits(Limits limits) {
  const Writing writing(*impl_);
  impl_->limits = limits;
}

void KnowledgeBase::cancel() noexcept {
  impl_->cancelled.store(true, std::memory_order_relaxed);
  if (auto* session = impl_->postgres_cancel.load(std::memory_order_acquire)) session->cancel();
}

std::string KnowledgeBase::render(const std::vector<Diagnostic>& diagnostics) const {
  const Reading reading(*impl_);
  const std::lock_guard lock(impl_->sources_mutex);
  return query::render(diagnostics, impl_->sources);
}

}  // namespace writ::kb
