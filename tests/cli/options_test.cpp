// Command-line parsing: forms of options, their values, and errors.
#include "options.hpp"

#include <gtest/gtest.h>

namespace writ::cli {
namespace {

Options parse_ok(std::vector<std::string_view> args) {
  auto r = parse_options(args);
  if (auto* e = std::get_if<UsageError>(&r)) ADD_FAILURE() << e->message;
  return std::get_if<Options>(&r) ? std::get<Options>(r) : Options{};
}

std::string parse_error(std::vector<std::string_view> args) {
  auto r = parse_options(args);
  return std::holds_alternative<UsageError>(r) ? std::get<UsageError>(r).message : "(parsed)";
}

TEST(Options, NoArgumentsIsTheRepl) {
  EXPECT_EQ(parse_ok({}).command, Command::Repl);
  EXPECT_EQ(parse_ok({"--timeout", "2"}).command, Command::Repl);
}

TEST(Options, RunWithEveryForm) {
  const Options o =
      parse_ok({"run", "a.writ", "-q", "p(X)", "--query=q(Y)", "-qr(Z)", "b.writ", "--format=json",
                "--timeout", "0.25", "--max-facts", "1000", "--", "-odd.writ"});
  EXPECT_EQ(o.command, Command::Run);
  EXPECT_EQ(o.files, (std::vector<std::string>{"a.writ", "b.writ", "-odd.writ"}));
  EXPECT_EQ(o.queries, (std::vector<std::string>{"p(X)", "q(Y)", "r(Z)"}));
  EXPECT_EQ(o.format, Format::Json);
  EXPECT_EQ(o.limits.timeout, std::chrono::milliseconds(250));
  EXPECT_EQ(o.limits.max_facts, 1000u);
}

TEST(Options, HelpAnywhere) {
  const Options o = parse_ok({"run", "x.writ", "--help"});
  EXPECT_EQ(o.command, Command::Help);
  EXPECT_EQ(o.help_topic, Command::Run);
  EXPECT_EQ(parse_ok({"help", "check"}).help_topic, Command::Check);
}

TEST(Options, Store) {
  const Options repl = parse_ok({"case.db", "facts.writ", "--as-of", "0"});
  EXPECT_EQ(repl.command, Command::Repl);
  EXPECT_EQ(repl.db, "case.db");
  EXPECT_EQ(repl.files, (std::vector<std::string>{"facts.writ"}));
  EXPECT_EQ(repl.as_of, 0u);
  const Options run = parse_ok({"run", "--db=x.store", "-q", "p(X)", "--as-of", "12"});
  EXPECT_EQ(run.db, "x.store");
  EXPECT_EQ(run.as_of, 12u);
  const Options retract = parse_ok({"retract", "--db", "c.db", "p(1).", "--", "-q(2)."});
  EXPECT_EQ(retract.command, Command::Retract);
  EXPECT_EQ(retract.files, (std::vector<std::string>{"p(1).", "-q(2)."}));
  EXPECT_EQ(parse_ok({"log", "--db", "c.db", "--format", "json"}).format, Format::Json);
  EXPECT_EQ(parse_ok({"check", "--db", "c.db", "f.writ"}).db, "c.db");
  EXPECT_TRUE(names_a_store("no/such/dir/case.db"));
  EXPECT_FALSE(names_a_store("no/such/file"));
}

TEST(Options, StoreErrors) {
  EXPECT_EQ(parse_error({"load", "f.writ"}), "'load' needs --db FILE");
  EXPECT_EQ(parse_error({"load", "--db", "c.db"}), "'load' needs at least one FILE");
  EXPECT_EQ(parse_error({"retract", "--db", "c.db"}), "'retract' needs at least one STATEMENT (e.g. 'edge(1, 2).')");
  EXPECT_EQ(parse_error({"log", "--db", "c.db", "extra"}), "'log' takes no arguments (got 'extra')");
  EXPECT_EQ(parse_error({"run", "-q", "p", "--as-of", "1"}), "option '--as-of' needs --db FILE");
  EXPECT_EQ(parse_error({"run", "--db", "c.db", "-q", "p", "--as-of", "-1"}),
            "invalid --as-of '-1': expected a transaction number (0, 1, 2, ...)");
  EXPECT_EQ(parse_error({"run", "--db", "a.db", "--db", "b.db", "-q", "p"}), "more than one store: 'a.db' and 'b.db'");
  EXPECT_EQ(parse_error({"run", "--db=", "-q", "p"}), "option '--db' needs a file name");
  EXPECT_EQ(parse_error({"load", "--db", "c.db", "--as-of", "1", "f"}), "unknown option '--as-of' for 'load'");
  EXPECT_EQ(parse_error({"log", "--db", "c.db", "--timeout", "1"}), "unknown option '--timeout' for 'log'");
}

TEST(Options, Errors) {
  EXPECT_EQ(parse_error({"run", "-x"}), "unknown option '-x' for 'run'");
  EXPECT_EQ(parse_error({"run", "--timeout"}), "option '--timeout' needs a value");
  EXPECT_EQ(parse_error({"run", "f", "--timeout", "0"}),
            "invalid --timeout '0': expected a positive number of seconds");
  EXPECT_EQ(parse_error({"run", "f", "--max-facts", "1e3"}),
            "invalid --max-facts '1e3': expected a positive integer");
  EXPECT_EQ(parse_error({"repl", "-q", "p"}), "unknown option '-q' for 'repl'");
  EXPECT_EQ(parse_error({"help", "frob"}), "unknown command 'frob'");
}

}  // namespace
}  // namespace writ::cli
