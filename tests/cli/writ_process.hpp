// Running the `writ` binary in tests: with pipes (run, check, the REPL from a script) or
// on a pseudo-terminal (the interactive REPL). The binary's path is WRIT_BINARY.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace writ::cli::test {

// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `text` to `name` in the directory; returns the file's full path.
  std::string write(const std::string& name, std::string_view text) const;

 private:
  std::filesystem::path path_;
};

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs writ with `args`, feeding `input` on standard input, in directory `cwd` (when not
// empty) with `env` added to the environment.
ProcessResult run_writ(const std::vector<std::string>& args, std::string_view input = {},
                       const std::filesystem::path& cwd = {},
                       const std::vector<std::pair<std::string, std::string>>& env = {});

// writ on a pseudo-terminal (80x24; TERM=dumb and PAGER empty unless `env` sets them),
// as a person would use it.
class PtySession {
 public:
  PtySession(const std::vector<std::string>& args,
             const std::vector<std::pair<std::string, std::string>>& env, const std::filesystem::path& cwd = {});
  ~PtySession();
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  void send(std::string_view keys);
  // Reads until `needle` appears in the output after what earlier expect() calls consumed,
  // and consumes through it. False (with the output kept for the message) after `timeout`.
  bool expect(std::string_view needle, std::chrono::seconds timeout = std::chrono::seconds(10));
  // Reads until the output not yet consumed ends with a prompt ("writ> " or "  ...> "),
  // and consumes it; `said` gets it, the prompt included. False after `timeout`.
  bool expect_prompt(std::string& said, std::chrono::seconds timeout = std::chrono::seconds(10));
  // The output not yet consumed by expect(): for failure messages.
  std::string pending() const { return output_.substr(consumed_); }
  // Waits for the process to end; returns its exit code (-1 on a signal or timeout). What
  // it wrote meanwhile is then pending().
  int wait(std::chrono::seconds timeout = std::chrono::seconds(10));

 private:
  bool read_some(std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int master_ = -1;
  std::string output_;
  std::size_t consumed_ = 0;
};

}  // namespace writ::cli::test
