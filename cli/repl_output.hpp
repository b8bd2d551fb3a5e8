// Where the REPL's results go: standard output (through a pager when a result is longer
// than the terminal), a file for the rest of the session (.output FILE) or for the next
// command only (.once FILE).
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>

namespace writ::cli {

// The pager to run: $PAGER when set (empty or "cat": none), else `less` (with LESS=FRX
// unless $LESS is set) or `more`, whichever is installed.
std::optional<std::string> pager_command();

class ReplOutput {
 public:
  // `terminal`: standard output is a terminal and a person reads it (the pager may apply).
  explicit ReplOutput(bool terminal);
  ~ReplOutput();
  ReplOutput(const ReplOutput&) = delete;
  ReplOutput& operator=(const ReplOutput&) = delete;

  // The stream every result is written to. It stays the same object for the session;
  // what it writes to changes between commands.
  std::ostream& stream() { return stream_; }

  // Around each command (a statement or a dot-command): begin() points the stream at the
  // command's target (capturing it for the pager when that applies); end() flushes it,
  // shows a captured result (through the pager when it is longer than the screen), and
  // ends a .once.
  void begin();
  void end();

  // .output FILE / .once FILE: false with `error` set when FILE cannot be opened.
  bool redirect(const std::string& path, bool once, std::string& error);
  // .output with no file: back to standard output.
  void reset();
  // The file results go to (.output), if any.
  const std::optional<std::string>& file() const { return file_name_; }
  // True while results go to the terminal (not to a file): colour applies there.
  bool to_terminal() const { return terminal_ && !file_ && !once_; }

  // Changes each time results start going somewhere else (a file, back to the terminal):
  // blocks of answers are kept apart only within one destination.
  std::uint64_t destination() const { return destination_; }

  void set_pager(bool on) { pager_on_ = on; }
  bool pager() const { return pager_on_; }

 private:
  class PagingBuffer;

  bool terminal_;
  bool pager_on_ = true;
  std::ostream stream_;
  std::unique_ptr<std::ofstream> file_;   // .output
  std::optional<std::string> file_name_;
  std::unique_ptr<std::ofstream> once_;   // .once, for the next command
  bool once_armed_ = false;               // begin() has started the .once command
  std::uint64_t destination_ = 0;
  std::unique_ptr<PagingBuffer> paging_;  // the command's capture, when paging applies
};

}  // namespace writ::cli
