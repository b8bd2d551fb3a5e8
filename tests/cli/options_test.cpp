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
