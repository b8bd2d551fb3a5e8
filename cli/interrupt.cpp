#include "interrupt.hpp"

#include <sys/time.h>

#include <atomic>
#include <csignal>

namespace writ::cli {

namespace {

// Shared with the signal handlers: lock-free atomics only.
std::atomic<kb::KnowledgeBase*> g_kb{nullptr};
std::atomic<bool> g_busy{false};
std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_interactive{true};
static_assert(std::atomic<bool>::is_always_lock_free);
static_assert(std::atomic<kb::KnowledgeBase*>::is_always_lock_free);

struct sigaction g_old_int {};
struct sigaction g_old_alrm {};

constexpr long retry_microseconds = 100'000;

void set_retry_timer(bool on) noexcept {
  itimerval t{};
  if (on) {
    t.it_value.tv_usec = retry_microseconds;
    t.it_interval.tv_usec = retry_microseconds;
  }
  setitimer(ITIMER_REAL, &t, nullptr);  // async-signal-safe
}

void cancel_running() noexcept {
  if (auto* kb = g_kb.load()) kb->cancel();
}

extern "C" void on_sigint(int /*signal*/) {
  if (g_busy.load()) {
    g_interrupted.store(true);
    cancel_running();
    set_retry_timer(true);
    return;
  }
  if (!g_interactive.load()) {
    // Reading a script: Ctrl-C ends writ, with the status of a death by SIGINT.
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
    return;
  }
  g_interrupted.store(true);
}

extern "C" void on_sigalrm(int /*signal*/) {
  if (g_busy.load() && g_interrupted.load()) cancel_running();
}

void install(int signal, void (*handler)(int), struct sigaction* old) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // reads from a pipe resume; select() still returns EINTR
  sigaction(signal, &sa, old);
}

}  // namespace

InterruptHandler::InterruptHandler(kb::KnowledgeBase& kb, bool interactive) {
  g_kb.store(&kb);
  g_interactive.store(interactive);
  g_interrupted.store(false);
  install(SIGALRM, on_sigalrm, &g_old_alrm);
  install(SIGINT, on_sigint, &g_old_int);
}

InterruptHandler::~InterruptHandler() {
  sigaction(SIGINT, &g_old_int, nullptr);
  set_retry_timer(false);
  sigaction(SIGALRM, &g_old_alrm, nullptr);
  g_kb.store(nullptr);
}

BusyScope::BusyScope() {
  g_busy.store(true);
  // A Ctrl-C between reading the line and this call was meant for this call.
  if (g_interrupted.load()) set_retry_timer(true);
}

BusyScope::~BusyScope() {
  g_busy.store(false);
  set_retry_timer(false);
  g_interrupted.store(false);
}

CancelTarget::CancelTarget(kb::KnowledgeBase& kb) : previous_(g_kb.exchange(&kb)) {}

CancelTarget::~CancelTarget() { g_kb.store(previous_); }

bool take_interrupt() noexcept { return g_interrupted.exchange(false); }

}  // namespace writ::cli
