#include "clingo_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace writ::differential {

namespace {

// A file in $TMPDIR (or /tmp) that is removed when this goes out of scope.
class TempFile {
 public:
  explicit TempFile(std::string_view suffix) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/writ-diff-XXXXXX";
    path_ += suffix;
    std::vector<char> buffer(path_.begin(), path_.end());
    buffer.push_back('\0');
    const int fd = ::mkstemps(buffer.data(), static_cast<int>(suffix.size()));
    if (fd >= 0) {
      ::close(fd);
      path_.assign(buffer.data());
      ok_ = true;
    }
  }
  ~TempFile() {
    if (ok_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool ok_ = false;
};

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

constexpr int kTimedOut = -2;
// Long enough for any program the generator means to write (they take milliseconds); a
// program that takes longer is a generator bug, reported instead of stalling the suite.
constexpr auto kTimeout = std::chrono::seconds(60);

// Runs argv with stdout and stderr sent to files; returns the exit status, -1 when it
// could not run or died of a signal, kTimedOut when it was killed after kTimeout.
int run(const std::vector<std::string>& argv, const std::string& out_path,
        const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_TRUNC | O_CREAT, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_TRUNC | O_CREAT, 0600);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  auto pause = std::chrono::microseconds(200);
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return kTimedOut;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds(20000));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A cursor over clingo's model line.
class Reader {
 public:
  Reader(std::string_view text, std::string& error) : text_(text), error_(error) {}

  bool at_end() {
    skip_blanks();
    return pos_ >= text_.size();
  }

  bool atom(GroundAtom& out) {
    skip_blanks();
    if (!identifier(out.predicate)) return fail("a predicate name");
    if (peek() != '(') return true;
    ++pos_;
    for (;;) {
      query::Value v;
      if (!term(v)) return false;
      out.args.push_back(std::move(v));
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ')') {
        ++pos_;
        return true;
      }
      return fail("',' or ')'");
    }
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  void skip_blanks() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool fail(std::string_view expected) {
    error_ = "cannot read clingo's model at byte " + std::to_string(pos_) + ": expected " +
             std::string(expected);
    return false;
  }

  static bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '\'';
  }

  bool identifier(std::string& out) {
    const std::size_t start = pos_;
    // clingo's identifiers may start with underscores before the lowercase letter.
    while (peek() == '_') ++pos_;
    if (!(peek() >= 'a' && peek() <= 'z')) {
      pos_ = start;
      return false;
    }
    while (is_identifier_char(peek())) ++pos_;
    out.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool term(query::Value& out) {
    const char c = peek();
    if (c == '-' || (c >= '0' && c <= '9')) {
      const std::size_t start = pos_;
      if (c == '-') ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) {
        pos_ = start;
        return fail("an integer (a classically negated term is not expected here)");
      }
      std::int64_t v = 0;
      while (peek() >= '0' && peek() <= '9') v = v * 10 + (text_[pos_++] - '0');
      out = query::Value::make_integer(c == '-' ? -v : v);
      return true;
    }
    if (c == '"') return string(out);
    if (c == '#') {
      for (const std::string_view special : {"#sup", "#inf"}) {
        if (text_.substr(pos_, special.size()) == special) {
          pos_ += special.size();
          out = query::Value::make_symbol(std::string(special));
          return true;
        }
      }
      return fail("#sup or #inf");
    }
    std::string name;
    if (!identifier(name)) return fail("a term");
    if (peek() == '(') return fail("a constant (a function term is not expected here)");
    out = query::Value::make_symbol(std::move(name));
    return true;
  }

  // clingo prints strings with the escapes \" \\ and \n; every other byte is itself.
  bool string(query::Value& out) {
    ++pos_;
    std::string s;
    for (;;) {
      if (pos_ >= text_.size()) return fail("the end of a string");
      const char c = text_[pos_++];
      if (c == '"') break;
      if (c != '\\') {
        s += c;
        continue;
      }
      if (pos_ >= text_.size()) return fail("an escaped character");
      const char e = text_[pos_++];
      if (e == 'n') {
        s += '\n';
      } else if (e == '"' || e == '\\') {
        s += e;
      } else {
        --pos_;
        return fail("one of the escapes \\\" \\\\ \\n");
      }
    }
    out = query::Value::make_string(std::move(s));
    return true;
  }

  std::string_view text_;
  std::string& error_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string clingo_path() {
  if (const char* env = std::getenv("WRIT_CLINGO"); env != nullptr && *env != '\0') return env;
#ifdef WRIT_CLINGO_PATH
  return WRIT_CLINGO_PATH;
#else
  return {};
#endif
}

std::optional<Model> parse_clingo_model(std::string_view line, std::string& error) {
  Model model;
  Reader reader(line, error);
  while (!reader.at_end()) {
    GroundAtom atom;
    if (!reader.atom(atom)) return std::nullopt;
    model.insert(std::move(atom));
  }
  return model;
}

ClingoResult run_clingo(std::string_view program) {
  ClingoResult result;
  const std::string clingo = clingo_path();
  if (clingo.empty()) {
    result.error = "no clingo executable (set WRIT_CLINGO)";
    return result;
  }
  TempFile source(".lp");
  TempFile out(".out");
  TempFile err(".err");
  if (!source.ok() || !out.ok() || !err.ok()) {
    result.error = "cannot create a temporary file";
    return result;
  }
  {
    std::ofstream file(source.path(), std::ios::binary);
    file << program;
    if (!file) {
      result.error = "cannot write " + source.path();
      return result;
    }
  }
  const int status = run({clingo, "--outf=0", "-V0", "--quiet=1", "--warn=none", source.path()},
                         out.path(), err.path());
  const std::string output = read_whole(out.path());
  const std::string messages = read_whole(err.path());

  if (status == kTimedOut) {
    result.error = "clingo took longer than " + std::to_string(kTimeout.count()) + " s";
    return result;
  }
  // Exit codes: 10 satisfiable, +20 when the search space was exhausted; 65 on errors.
  if (status != 10 && status != 30) {
    result.error = "clingo exited with status " + std::to_string(status) + "\n" + messages + output;
    return result;
  }
  // Output: the model line, then SATISFIABLE.
  std::vector<std::string> lines;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (lines.size() != 2 || lines[1] != "SATISFIABLE") {
    result.error = "unexpected clingo output (one model line and SATISFIABLE expected):\n" + output;
    return result;
  }
  std::string parse_error;
  std::optional<Model> model = parse_clingo_model(lines[0], parse_error);
  if (!model) {
    result.error = parse_error + "\n" + lines[0];
    return result;
  }
  result.ok = true;
  result.model = std::move(*model);
  return result;
}

}  // namespace writ::differential
