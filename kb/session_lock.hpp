// Readers and writers of one knowledge base (the contract is in writ/knowledge_base.hpp).
//
// `state` guards what was loaded, assumed and set: readers hold it shared, writers
// exclusive (Reading, Writing). Readers also build things on demand (the fixpoint,
// argument graphs), and the evaluator and the graphs write into themselves while they
// answer (interned values, a scratch relation, indexes, diagnostics); so a reader touches
// those only while it holds `derive` too. Readers add their goals to the session's
// sources under `sources_mutex`, and use the store under `store_mutex`. Lock order:
// state, derive, sources_mutex (store_mutex is taken alone or last). `derive` is not
// recursive: while a reader holds it (evaluating, answering, visiting rows) it calls no
// other reader.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <stdexcept>
#include <utility>
#include <vector>

namespace writ::kb {

struct SessionLocks {
  std::shared_mutex state;
  std::mutex turnstile;  // writers first (Reading, Writing)
  std::mutex derive;
  std::mutex sources_mutex;
  std::mutex store_mutex;
  std::atomic<int> running{0};  // calls in progress, each counted while it holds `state`
  std::atomic<bool> cancelled{false};
};

// Counts a call in progress. The cancel flag is cleared when a call starts while no other
// runs, so that cancel() ends every call in progress, however many there are.
class Running {
 public:
  explicit Running(SessionLocks& m) : m_(m) {
    if (m_.running.fetch_add(1, std::memory_order_acq_rel) == 0) m_.cancelled.store(false, std::memory_order_relaxed);
  }
  ~Running() { m_.running.fetch_sub(1, std::memory_order_acq_rel); }
  Running(const Running&) = delete;
  Running& operator=(const Running&) = delete;

 private:
  SessionLocks& m_;
};

// A call's hold on `state`: shared (Reading) or exclusive (Writing).
//
// Writers must not starve: std::shared_mutex (glibc's rwlock) lets new readers in while a
// writer waits, so a steady stream of readers could keep a writer out for ever. A writer
// therefore holds `turnstile` while it waits and writes, and a reader passes through
// `turnstile` before taking `state`.
//
// A call made by a thread that already holds `state` (materialize() reads relations under
// its write) takes nothing again: shared_mutex is not recursive. A writer inside a reader
// would wait for itself; that is a logic_error instead.
class Access {
 public:
  Access(SessionLocks& m, bool exclusive) {
    for (const auto& [locks, held_exclusive] : held_) {
      if (locks != &m) continue;
      if (exclusive && !held_exclusive)
        throw std::logic_error("a knowledge base was changed from inside one of its own readers");
      return;
    }
    if (exclusive) {
      turn_ = std::unique_lock(m.turnstile);
      exclusive_ = std::unique_lock(m.state);
    } else {
      const std::lock_guard turn(m.turnstile);
      shared_ = std::shared_lock(m.state);
    }
    held_.emplace_back(&m, exclusive);
    running_.emplace(m);
    owner_ = &m;
  }
  ~Access() {
    if (owner_ != nullptr) std::erase_if(held_, [&](const auto& h) { return h.first == owner_; });
  }
  Access(const Access&) = delete;
  Access& operator=(const Access&) = delete;

 private:
  static inline thread_local std::vector<std::pair<const SessionLocks*, bool>> held_;  // by this thread
  std::unique_lock<std::mutex> turn_;
  std::unique_lock<std::shared_mutex> exclusive_;
  std::shared_lock<std::shared_mutex> shared_;
  std::optional<Running> running_;
  const SessionLocks* owner_ = nullptr;
};

struct Reading : Access {
  explicit Reading(SessionLocks& m) : Access(m, false) {}
};
struct Writing : Access {
  explicit Writing(SessionLocks& m) : Access(m, true) {}
};

}  // namespace writ::kb
