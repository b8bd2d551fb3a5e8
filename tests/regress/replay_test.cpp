// Replays hostile inputs through the `writ` binary: every file in tests/regress/inputs/ (the
// crash reproducers of fuzzing and hand-written nasty files) and a few generated giants too
// big to keep in the repository. Each goes through `writ check`, `writ run` under limits and
// `writ repl` reading it from a pipe; each must end with exit status 0, 1 or 3 (3 only for a
// limit, with its message), a diagnostic for every failure, and bounded output. Never a
// signal: a crash, an abort, a sanitizer report or an out-of-memory kill fails the test.
//
// An optional NAME.expect beside an input pins the outcome, one line per command:
//   COMMAND STATUS [TEXT]   e.g. `check 1 integer literal out of range (64-bit signed)`
// where COMMAND is check, run or repl and TEXT must appear in that command's stderr.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace writ::regress {
namespace {

namespace fs = std::filesystem;

// The limits every run is given: an exploding program must stop with exit 3.
constexpr const char* max_facts = "10000";
constexpr const char* timeout_seconds = "5";
// Diagnostics cut long lines and stop after 100 errors, so stderr stays small.
constexpr std::size_t max_stderr_bytes = 1 << 20;
// Generated inputs of more lines than this skip the REPL (see the test).
constexpr std::size_t max_repl_lines = 2000;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// A scratch directory per test, removed afterwards.
class Scratch {
 public:
  Scratch() {
    std::string templ = (fs::temp_directory_path() / "writ-regress.XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Exit {
  std::string command;   // for messages
  int exit_code = -1;    // -1 when a signal ended it
  int signal = 0;
  std::string err;
};

// Runs writ with `args`, standard input from `stdin_path`, output to files in `dir`.
Exit run_writ(const std::vector<std::string>& args, const fs::path& stdin_path, const fs::path& dir) {
  Exit run;
  std::vector<std::string> argv_text{WRIT_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  for (const auto& a : argv_text) run.command += (run.command.empty() ? "" : " ") + a;
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  const std::string out_path = (dir / "stdout").string(), err_path = (dir / "stderr").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    run.err = "cannot start " + argv_text[0];
    return run;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  run.err = read_file(err_path);
  return run;
}

// ---- The inputs

struct Case {
  std::string name;                   // the test's name
  fs::path file;                      // an input file, or
  std::function<std::string()> make;  // a generator of the input
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string repeat(std::string_view piece, std::size_t times) {
  std::string s;
  s.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) s += piece;
  return s;
}

std::string numbered(std::size_t n, const std::function<std::string(std::size_t)>& line) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += line(i);
  return s;
}

std::string random_bytes(std::size_t n, std::uint32_t seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xff);
  return s;
}

// Inputs too big to keep as files. Sizes are those the issue names (100,000 levels, 10 MB).
std::vector<Case> generated_cases() {
  const std::size_t ten_mb = 10'000'000;
  return {
      {"nested_parentheses_100000", {}, [] { return "p(" + repeat("(", 100'000) + "1" + repeat(")", 100'000) + ")."; }},
      {"nested_braces_100000", {}, [] { return "p :- 1 < #count" + repeat("{", 100'000) + "."; }},
      {"unary_minus_100000", {}, [] { return "p(X) :- X = " + repeat("- ", 100'000) + "1."; }},
      {"operator_chain_100000", {}, [] { return "p(X) :- X = 1" + repeat(" + 1", 100'000) + "."; }},
      {"ten_megabyte_line_of_arguments", {}, [=] { return "p(" + repeat("1,", ten_mb / 2) + "1)."; }},
      {"ten_megabyte_string", {}, [=] { return "p(\"" + repeat("a", ten_mb) + "\").\n?- p(X)."; }},
      {"ten_megabyte_symbol", {}, [=] { return "p(a" + repeat("b", ten_mb) + ").\n?- p(X)."; }},
      {"ten_megabyte_integer", {}, [=] { return "p(" + repeat("9", ten_mb) + ")."; }},
      {"ten_megabyte_comment", {}, [=] { return "% " + repeat("x", ten_mb) + "\np(1).\n?- p(X)."; }},
      {"ten_megabyte_unterminated_string", {}, [=] { return "p(\"" + repeat("a", ten_mb); }},
      {"ten_megabyte_unterminated_comment", {}, [=] { return "p(1). /* " + repeat("x", ten_mb); }},
      {"random_bytes_1mb", {}, [] { return random_bytes(1 << 20, 6); }},
      {"body_of_10001_literals", {}, [] { return "p :- " + repeat("q, ", 10'000) + "q.\nq."; }},
      {"hundred_thousand_syntax_errors", {}, [] { return repeat("p(.\n", 100'000); }},
      {"hundred_thousand_facts", {}, [] {
         return numbered(100'000, [](std::size_t i) { return "f(" + std::to_string(i) + ", \"s\").\n"; }) +
                "?- f(99999, S).";
       }},
      {"rule_chain_100000", {}, [] {
         return numbered(100'000, [](std::size_t i) {
                  return "p" + std::to_string(i) + "(X) :- p" + std::to_string(i + 1) + "(X).\n";
                }) + "p100000(1).\n?- p0(X).";
       }},
      {"recursive_cycle_100000", {}, [] {
         return numbered(100'000, [](std::size_t i) {
                  return "p" + std::to_string(i) + "(X) :- p" + std::to_string((i + 1) % 100'000) + "(X).\n";
                }) + "p0(1).\n?- p5(X).";
       }},
      {"negation_cycle_10000", {}, [] {
         return numbered(10'000, [](std::size_t i) {
                  return "p" + std::to_string(i) + " :- " + (i == 0 ? "not " : "") + "p" +
                         std::to_string((i + 1) % 10'000) + ".\n";
                });
       }},
      {"transitive_closure_of_a_long_chain", {}, [] {
         return numbered(20'000, [](std::size_t i) {
                  return "e(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
                }) + "path(X, Y) :- e(X, Y).\npath(X, Z) :- path(X, Y), e(Y, Z).\n?- path(0, X).";
       }},
  };
}

std::vector<Case> file_cases() {
  std::vector<Case> cases;
  for (const auto& entry : fs::directory_iterator(WRIT_REGRESS_INPUTS)) {
    const auto& p = entry.path();
    if (!entry.is_regular_file() || p.extension() == ".expect" || p.filename() == "README.md") continue;
    cases.push_back({p.filename().string(), p, {}});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

std::string test_name(const std::string& name) {
  std::string s;
  for (char c : name) s += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return s;
}

// ---- The checks

// A failing command says why: `FILE:LINE:COL: error: ...`, `writ: error: ...`, or in the
// REPL `error: ...` (a dot-command).
bool has_error_diagnostic(const std::string& err) {
  return err.starts_with("error: ") || err.find(": error: ") != std::string::npos ||
         err.find("\nerror: ") != std::string::npos;
}

void expect_clean(const Exit& run, std::vector<int> allowed, std::size_t max_stderr = max_stderr_bytes) {
  SCOPED_TRACE(run.command);
  ASSERT_EQ(run.signal, 0) << "killed by signal " << run.signal << "; stderr (start):\n" << run.err.substr(0, 4000);
  ASSERT_NE(std::find(allowed.begin(), allowed.end(), run.exit_code), allowed.end())
      << "exit status " << run.exit_code << "; stderr (start):\n" << run.err.substr(0, 4000);
  EXPECT_LE(run.err.size(), max_stderr) << "stderr of " << run.err.size() << " bytes";
  // An exception that reached the boundary: a bug, even though it was caught.
  EXPECT_EQ(run.err.find("internal error"), std::string::npos) << run.err.substr(0, 4000);
  if (run.exit_code == 1) {
    EXPECT_TRUE(has_error_diagnostic(run.err)) << "exit 1 without an error:\n" << run.err.substr(0, 4000);
  }
  if (run.exit_code == 3) {
    EXPECT_NE(run.err.find("evaluation stopped"), std::string::npos) << run.err.substr(0, 4000);
  }
}

struct Expectation {
  int status = 0;
  std::string text;
};

std::map<std::string, Expectation> read_expectations(const fs::path& input) {
  std::map<std::string, Expectation> expected;
  if (input.empty()) return expected;  // a generated input
  fs::path file = input;
  file += ".expect";
  if (!fs::exists(file)) return expected;
  std::istringstream lines(read_file(file));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string command;
    Expectation e;
    if (!(words >> command >> e.status)) continue;
    std::getline(words >> std::ws, e.text);
    expected[command] = e;
  }
  return expected;
}

void expect_as_written(const std::map<std::string, Expectation>& expected, const std::string& command, const Exit& run) {
  const auto it = expected.find(command);
  if (it == expected.end()) return;
  SCOPED_TRACE(run.command);
  EXPECT_EQ(run.exit_code, it->second.status) << run.err.substr(0, 4000);
  if (!it->second.text.empty()) {
    EXPECT_NE(run.err.find(it->second.text), std::string::npos)
        << "stderr lacks '" << it->second.text << "':\n" << run.err.substr(0, 4000);
  }
}

class Replay : public testing::TestWithParam<Case> {};

TEST_P(Replay, EndsCleanly) {
  const Case& c = GetParam();
  Scratch scratch;
  fs::path input = c.file;
  if (c.make) {
    input = scratch.path() / (c.name + ".writ");
    write_file(input, c.make());
  }
  const auto expected = read_expectations(c.file);
  const std::string file = input.string();

  const Exit check = run_writ({"check", file}, "/dev/null", scratch.path());
  expect_clean(check, {0, 1});
  expect_as_written(expected, "check", check);

  const Exit run = run_writ({"run", file, "--max-facts", max_facts, "--timeout", timeout_seconds}, "/dev/null",
                           scratch.path());
  expect_clean(run, {0, 1, 3});
  expect_as_written(expected, "run", run);
  // run loads as check does: a load error is the same error.
  if (check.exit_code == 1) {
    EXPECT_EQ(run.exit_code, 1);
  }

  // The REPL takes the input statement by statement, each with its own diagnostics (no cap
  // of 100 errors per text). It checks the whole program again at each statement, so the
  // generated giants of many statements, quadratic there, are left to check and run.
  const std::string text = read_file(input);
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  if (c.make && lines > max_repl_lines) return;
  const Exit repl = run_writ({"repl", "--max-facts", max_facts, "--timeout", timeout_seconds}, input, scratch.path());
  expect_clean(repl, {0, 1, 3}, max_stderr_bytes + 1000 * lines);
  expect_as_written(expected, "repl", repl);
}

INSTANTIATE_TEST_SUITE_P(Inputs, Replay, testing::ValuesIn(file_cases()),
                         [](const testing::TestParamInfo<Case>& i) { return test_name(i.param.name); });
INSTANTIATE_TEST_SUITE_P(Generated, Replay, testing::ValuesIn(generated_cases()),
                         [](const testing::TestParamInfo<Case>& i) { return test_name(i.param.name); });

}  // namespace
}  // namespace writ::regress
