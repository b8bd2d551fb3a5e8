// The REPL's terminal input through GNU readline's callback interface.
//
// The callback interface (rather than readline()) lets writ wait in pselect() itself, so
// a Ctrl-C at the prompt interrupts the wait and the line can be cleared, and so the
// terminal is back in normal mode while a query runs (Ctrl-C then reaches the handler
// that cancels the query; see interrupt.hpp).
#include <sys/select.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
// readline's headers need <cstdio> first.
#include <readline/history.h>
#include <readline/readline.h>

#include "interrupt.hpp"
#include "line_source.hpp"

namespace writ::cli {

std::optional<std::string> default_history_file() {
  if (const char* path = std::getenv("WRIT_HISTORY")) {
    if (*path == '\0') return std::nullopt;
    return std::string(path);
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.writ_history";
  }
  return std::nullopt;
}

namespace {

constexpr int history_size = 1000;

// Where words end for completion: predicate names stop at brackets, commas and operators;
// file names after `.load` only at blanks and quotes.
char word_breaks[] = " \t\n\"\\'`@$><=;|&{(,)}!?+-*/%#:";
char file_word_breaks[] = " \t\n\"'";

std::atomic<bool> g_resized{false};
extern "C" void on_sigwinch(int /*signal*/) { g_resized.store(true); }

class TerminalLineSource;
TerminalLineSource* g_active = nullptr;  // readline's callbacks are plain functions

class TerminalLineSource final : public LineSource {
 public:
  TerminalLineSource(Completer completer, std::optional<std::string> history_file)
      : completer_(std::move(completer)), history_file_(std::move(history_file)) {
    g_active = this;
    rl_readline_name = "writ";  // for `$if writ` in ~/.inputrc
    rl_catch_signals = 0;       // Ctrl-C is ours (see interrupt.hpp)
    rl_catch_sigwinch = 0;
    rl_attempted_completion_function = &attempt_completion;
    rl_completion_word_break_hook = &word_break_hook;
    rl_basic_word_break_characters = word_breaks;

    struct sigaction sa {};
    sa.sa_handler = on_sigwinch;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, &old_winch_);

    using_history();
    stifle_history(history_size);
    if (history_file_) read_history(history_file_->c_str());  // a missing file is no error
  }

  ~TerminalLineSource() override {
    if (history_file_) history_truncate_file(history_file_->c_str(), history_size);
    sigaction(SIGWINCH, &old_winch_, nullptr);
    g_active = nullptr;
  }

  TerminalLineSource(const TerminalLineSource&) = delete;
  TerminalLineSource& operator=(const TerminalLineSource&) = delete;

  InputLine read(const std::string& prompt) override {
    std::cout.flush();
    std::fflush(stdout);
    line_ready_ = false;
    line_ = {};
    rl_callback_handler_install(prompt.c_str(), &line_handler);

    // Signals are let in only inside pselect() and readline's own work, so one that
    // arrives between the flag checks and the wait is not missed.
    sigset_t watched;
    sigset_t original;
    sigemptyset(&watched);
    sigaddset(&watched, SIGINT);
    sigaddset(&watched, SIGWINCH);
    sigprocmask(SIG_BLOCK, &watched, &original);
    const int fd = fileno(rl_instream != nullptr ? rl_instream : stdin);

    while (!line_ready_) {
      if (take_interrupt()) {
        clear_interrupted_line();
        line_ = InputLine{InputLine::Kind::Interrupted, {}};
        break;
      }
      if (g_resized.exchange(false)) rl_resize_terminal();
      fd_set readable;
      FD_ZERO(&readable);
      FD_SET(fd, &readable);
      const int ready = pselect(fd + 1, &readable, nullptr, nullptr, nullptr, &original);
      if (ready < 0) {
        if (errno == EINTR) continue;
        rl_callback_handler_remove();
        line_ = InputLine{InputLine::Kind::End, {}};
        break;
      }
      sigprocmask(SIG_SETMASK, &original, nullptr);
      rl_callback_read_char();
      sigprocmask(SIG_BLOCK, &watched, nullptr);
    }
    sigprocmask(SIG_SETMASK, &original, nullptr);
    return std::move(line_);
  }

 private:
  static void line_handler(char* text) {
    TerminalLineSource& self = *g_active;
    rl_callback_handler_remove();  // no new prompt until the REPL asks for the next line
    if (text == nullptr) {
      self.line_ = InputLine{InputLine::Kind::End, {}};
    } else {
      self.line_ = InputLine{InputLine::Kind::Text, text};
      self.remember(self.line_.text);
      std::free(text);  // NOLINT(cppcoreguidelines-no-malloc): readline allocates with malloc
    }
    self.line_ready_ = true;
  }

  // Shows `^C` after the text, like a shell, and forgets the line.
  void clear_interrupted_line() {
    rl_point = rl_end;
    rl_redisplay();
    std::fputs("^C\n", rl_outstream != nullptr ? rl_outstream : stdout);
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_callback_handler_remove();
  }

  void remember(const std::string& line) {
    if (line.find_first_not_of(" \t\r\n") == std::string::npos) return;
    if (history_length > 0) {
      if (HIST_ENTRY* last = history_get(history_base + history_length - 1);
          last != nullptr && line == last->line) {
        return;
      }
    }
    add_history(line.c_str());
    if (history_file_ && append_history(1, history_file_->c_str()) != 0) {
      write_history(history_file_->c_str());  // the file did not exist yet
    }
  }

  static char** attempt_completion(const char* text, int start, int /*end*/) {
    TerminalLineSource& self = *g_active;
    const std::string_view before(rl_line_buffer, static_cast<std::size_t>(start));
    Completions c = self.completer_(before, text);
    if (c.file_names) {
      rl_attempted_completion_over = 0;  // readline's own file name completion
      return nullptr;
    }
    rl_attempted_completion_over = 1;
    rl_completion_append_character = c.append;
    if (c.words.empty()) return nullptr;
    self.matches_ = std::move(c.words);
    return rl_completion_matches(text, &next_match);
  }

  static char* next_match(const char* /*text*/, int state) {
    TerminalLineSource& self = *g_active;
    if (state == 0) self.next_match_ = 0;
    if (self.next_match_ >= self.matches_.size()) return nullptr;
    return strdup(self.matches_[self.next_match_++].c_str());
  }

  static char* word_break_hook() {
    const std::string_view line(rl_line_buffer, static_cast<std::size_t>(rl_point));
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return nullptr;
    const std::string_view command = line.substr(first, line.find_first_of(" \t", first) - first);
    if (command == ".load" || command == ".read" || command == ".output" || command == ".once") return file_word_breaks;
    return nullptr;  // the basic set
  }

  Completer completer_;
  std::optional<std::string> history_file_;
  struct sigaction old_winch_ {};
  bool line_ready_ = false;
  InputLine line_;
  std::vector<std::string> matches_;
  std::size_t next_match_ = 0;
};

}  // namespace

std::unique_ptr<LineSource> make_terminal_line_source(Completer completer,
                                                      std::optional<std::string> history_file) {
  return std::make_unique<TerminalLineSource>(std::move(completer), std::move(history_file));
}

}  // namespace writ::cli
