// writ repl: chooses the line source (terminal or stream) and runs a session.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "completion.hpp"
#include "interrupt.hpp"
#include "repl_session.hpp"

namespace writ::cli {

std::optional<std::string> default_rc_file() {
  if (const char* path = std::getenv("WRIT_RC")) {
    if (*path == '\0') return std::nullopt;
    return std::string(path);
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.writrc";
  }
  return std::nullopt;
}

ExitStatus repl_command(const Options& options) {
  const bool interactive = ::isatty(STDIN_FILENO) == 1;
  ReplSession session(options, interactive);
  InterruptHandler interrupts(session.knowledge_base(), interactive);
  if (!session.open_store(options)) return ExitStatus::InputError;

  if (!interactive) {
    // A script gives the same answers everywhere: no rc file.
    session.load_startup_files(options.files);
    StreamLineSource source(std::cin);
    session.run(source);
    return session.status();
  }

  std::cout << "writ " WRIT_VERSION " - enter .help for usage hints, .quit to leave.\n";
  if (options.db && options.as_of) {
    std::cout << "Store " << *options.db << " as of transaction " << *options.as_of
              << ", read-only: what you add here is not kept.\n";
  } else if (options.db) {
    std::cout << "Store " << *options.db << ": what you add here is kept.\n";
  }
  std::cout.flush();
  if (const auto rc = default_rc_file()) session.read_rc_file(*rc);
  session.load_startup_files(options.files);
  kb::KnowledgeBase& kb = session.knowledge_base();
  auto source = make_terminal_line_source(
      [&kb](std::string_view before, std::string_view word) {
        return complete_word(before, word, kb.predicates());
      },
      default_history_file());
  session.run(*source);
  // At a terminal, errors were seen and answered there: the session itself succeeded.
  return ExitStatus::Ok;
}

}  // namespace writ::cli
