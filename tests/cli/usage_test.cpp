// Help, version and usage errors (status 2, message and hint on stderr).
#include <gtest/gtest.h>

#include "help_text.hpp"
#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

TEST(Usage, Version) {
  for (const char* flag : {"--version", "-V"}) {
    const auto r = run_writ({flag});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "writ " WRIT_VERSION "\n");
    EXPECT_EQ(r.err, "");
  }
  EXPECT_STREQ(WRIT_VERSION, "0.1.0");
}

TEST(Usage, Help) {
  for (const char* flag : {"--help", "-h", "help"}) {
    const auto r = run_writ({flag});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, help_text(std::nullopt));
    EXPECT_EQ(r.err, "");
  }
  EXPECT_EQ(help_text(std::nullopt).rfind("Usage: writ COMMAND [ARGS...]\n", 0), 0u);
}

TEST(Usage, HelpOfEachCommand) {
  for (const auto& [name, command] :
       {std::pair{"run", Command::Run}, std::pair{"check", Command::Check}, std::pair{"repl", Command::Repl},
        std::pair{"load", Command::Load}, std::pair{"retract", Command::Retract}, std::pair{"log", Command::Log}}) {
    const auto a = run_writ({"help", name});
    EXPECT_EQ(a.exit_code, 0);
    EXPECT_EQ(a.out, help_text(command));
    const auto b = run_writ({name, "--help"});
    EXPECT_EQ(b.exit_code, 0);
    EXPECT_EQ(b.out, help_text(command));
  }
  EXPECT_NE(help_text(Command::Run).find("A query without variables prints `true.`"), std::string_view::npos);
}

TEST(Usage, HelpMentionsTheStore) {
  const std::string overview = help_text(std::nullopt);
  for (const char* text : {"load --db STORE FILE...", "retract --db STORE STATEMENT...", "log --db STORE",
                           "writ STORE [FILE...]", "--db STORE"}) {
    EXPECT_NE(overview.find(text), std::string_view::npos) << text;
  }
  for (const Command c : {Command::Run, Command::Repl, Command::Check}) {
    EXPECT_NE(help_text(c).find("--db STORE"), std::string_view::npos) << command_name(c);
    EXPECT_NE(help_text(c).find("--as-of N"), std::string_view::npos) << command_name(c);
  }
  EXPECT_NE(help_text(Command::Help).find("load, retract, log"), std::string_view::npos);
  const auto dot = run_writ({"repl"}, ".help\n");
  EXPECT_EQ(dot.out, repl_help_text());
  EXPECT_NE(dot.out.find(".retract STATEMENT..."), std::string::npos);
  EXPECT_NE(dot.out.find(".log "), std::string::npos);
}

TEST(Usage, UnknownCommand) {
  const auto r = run_writ({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "writ: unknown command 'frobnicate'\nTry 'writ --help' for more information.\n");
}

// `writ FILE`, as `swipl FILE` or `sqlite3 FILE`: the REPL on that file.
TEST(Usage, AFileWithoutCommandOpensTheRepl) {
  TempDir dir;
  const std::string file = dir.write("kinds.writ", "p(1).\n");
  const auto r = run_writ({file}, "p(X)?\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "?- p(X).\nX\n-\n1\n(1 answer)\n");
  const auto missing = run_writ({"facts.writ"}, "", dir.path());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "error: cannot open 'facts.writ': No such file or directory\n");
}

TEST(Usage, UnknownOption) {
  const auto r = run_writ({"run", "x.writ", "--bogus"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: unknown option '--bogus' for 'run'\nTry 'writ run --help' for more information.\n");
  const auto c = run_writ({"check", "-q", "p(X)", "x.writ"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_EQ(c.err, "writ: unknown option '-q' for 'check'\nTry 'writ check --help' for more information.\n");
}

TEST(Usage, MissingArgument) {
  const auto r = run_writ({"run", "x.writ", "-q"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "writ: option '-q' needs a value\nTry 'writ run --help' for more information.\n");
}

TEST(Usage, BadValues) {
  const auto f = run_writ({"run", "-q", "X = 1", "--format", "xml"});
  EXPECT_EQ(f.exit_code, 2);
  EXPECT_EQ(f.err,
            "writ: invalid --format 'xml': expected table, csv, json or json-doc\nTry 'writ run --help' for more "
            "information.\n");
  // One document needs an end: a session has none.
  const auto doc = run_writ({"repl", "--format", "json-doc"});
  EXPECT_EQ(doc.exit_code, 2);
  EXPECT_EQ(doc.err,
            "writ: invalid --format 'json-doc': expected table, csv or json\nTry 'writ repl --help' for more "
            "information.\n");
  const auto t = run_writ({"run", "-q", "X = 1", "--timeout", "soon"});
  EXPECT_EQ(t.exit_code, 2);
  const auto m = run_writ({"run", "-q", "X = 1", "--max-facts", "-5"});
  EXPECT_EQ(m.exit_code, 2);
}

TEST(Usage, NothingToDo) {
  EXPECT_EQ(run_writ({"run"}).exit_code, 2);
  const auto c = run_writ({"check"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_EQ(c.err, "writ: 'check' needs at least one FILE, or --db STORE to check a store\nTry 'writ check --help' for more information.\n");
}

}  // namespace
}  // namespace writ::cli::test
