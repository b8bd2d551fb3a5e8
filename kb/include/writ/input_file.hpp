// Reading an input whole: a file to load or import, or standard input.
//
// A read error is never taken for the end of the file: the text is everything up to the
// end of file, or there is no text and an error says why (the OS's reason). Inputs that
// have no end are refused before reading: a directory, a device other than a terminal or
// /dev/null (/dev/zero, a disk). A FIFO or pipe is read to its end, as cat would (opening
// a FIFO with no writer waits for one, as with cat).
#pragma once

#include <optional>
#include <string>

namespace writ::kb {

struct InputText {
  std::string text;                  // the whole input, when `error` is empty
  std::optional<std::string> error;  // "cannot open 'PATH': REASON", "cannot read 'PATH': REASON"
};

// The file at `path`. Thread-safe (no shared state).
InputText read_input_file(const std::string& path);

// Everything `fd` gives until its end; `name` names it in the error ("<stdin>"). The
// descriptor is not closed.
InputText read_input_fd(int fd, const std::string& name);

}  // namespace writ::kb
