// Ctrl-C in the REPL.
//
// While a kb call runs (inside a BusyScope), SIGINT cancels it with kb.cancel(), which is
// async-signal-safe. Because the kb clears its cancel flag when a call starts, a Ctrl-C
// that lands just before the call would be lost: so the handler also arms a short
// repeating timer whose SIGALRM cancels again until the call returns.
// While reading a line, SIGINT only raises a flag (take_interrupt()) that the line editor
// polls to clear the line. Reading from a pipe, Ctrl-C outside a kb call ends writ as usual.
#pragma once

#include "writ/knowledge_base.hpp"

namespace writ::cli {

class InterruptHandler {
 public:
  // Installs the handlers for SIGINT and SIGALRM; the destructor restores the previous ones.
  InterruptHandler(kb::KnowledgeBase& kb, bool interactive);
  ~InterruptHandler();
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;
};

// Marks kb work (a statement: its load and its queries) during which Ctrl-C cancels. On
// leaving, stops the retry timer and drops a Ctrl-C that arrived meanwhile (it has done
// its job).
class BusyScope {
 public:
  BusyScope();
  ~BusyScope();
  BusyScope(const BusyScope&) = delete;
  BusyScope& operator=(const BusyScope&) = delete;
};

// While it lives, Ctrl-C cancels `kb` rather than the session's knowledge base: one being
// built beside it (.reload replays the session into a fresh one).
class CancelTarget {
 public:
  explicit CancelTarget(kb::KnowledgeBase& kb);
  ~CancelTarget();
  CancelTarget(const CancelTarget&) = delete;
  CancelTarget& operator=(const CancelTarget&) = delete;

 private:
  kb::KnowledgeBase* previous_;
};

// True once for each Ctrl-C that arrived outside kb work.
bool take_interrupt() noexcept;

}  // namespace writ::cli
