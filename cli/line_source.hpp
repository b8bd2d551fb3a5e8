// Where the REPL's lines come from: a terminal with line editing, or a plain stream.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "completion.hpp"

namespace writ::cli {

struct InputLine {
  // End: end of input (Ctrl-D, end of file); Error: the input failed (a read error).
  enum class Kind { Text, End, Interrupted, Error };
  Kind kind = Kind::End;
  std::string text;  // Text: the line without its newline; Error: the OS's reason
};

class LineSource {
 public:
  virtual ~LineSource() = default;
  // Reads one line, showing `prompt` when the source is interactive.
  virtual InputLine read(const std::string& prompt) = 0;
};

// Lines of a stream (a pipe or a file): no prompt, no history.
class StreamLineSource final : public LineSource {
 public:
  explicit StreamLineSource(std::istream& in) : in_(in) {}
  InputLine read(const std::string& prompt) override;

 private:
  std::istream& in_;
};

// Completes the word under the cursor: `before` is the line up to the word.
using Completer = std::function<Completions(std::string_view before, std::string_view word)>;

// GNU readline on the terminal: line editing, Tab completion with `completer`, and every
// non-blank line kept in the history, which is read from and appended to `history_file`
// (none: in memory only). Ctrl-C clears the line and returns Kind::Interrupted.
// Only one may exist at a time (readline is global).
std::unique_ptr<LineSource> make_terminal_line_source(Completer completer,
                                                      std::optional<std::string> history_file);

// $WRIT_HISTORY when set (empty: no file), else ~/.writ_history, else none.
std::optional<std::string> default_history_file();
// $WRIT_RC when set (empty: no file), else ~/.writrc, else none: the commands an
// interactive session runs first.
std::optional<std::string> default_rc_file();

}  // namespace writ::cli
