// writ: the command-line front door of the knowledge base. Dispatches to the subcommands.
#include <exception>
#include <iostream>
#include <new>
#include <string_view>
#include <variant>
#include <vector>

#include "commands.hpp"
#include "help_text.hpp"
#include "options.hpp"

#ifndef WRIT_VERSION
#error "WRIT_VERSION must be defined by the build (from the CMake project version)"
#endif

namespace {

int run_writ(int argc, char** argv) {
  using namespace writ::cli;
  const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);

  auto parsed = parse_options(args);
  if (auto* error = std::get_if<UsageError>(&parsed)) {
    std::cerr << "writ: " << error->message << '\n'
              << "Try 'writ " << (error->command ? std::string(command_name(*error->command)) + " " : "")
              << "--help' for more information.\n";
    return to_int(ExitStatus::Usage);
  }
  const Options& options = std::get<Options>(parsed);

  switch (options.command) {
    case Command::Help:
      std::cout << (options.man_page ? man_page() : help_text(options.help_topic));
      return to_int(ExitStatus::Ok);
    case Command::Version: std::cout << "writ " WRIT_VERSION "\n"; return to_int(ExitStatus::Ok);
    case Command::Run: return to_int(run_command(options));
    case Command::Check: return to_int(check_command(options));
    case Command::Repl: return to_int(repl_command(options));
    case Command::Load: return to_int(load_command(options));
    case Command::Retract: return to_int(retract_command(options));
    case Command::Log: return to_int(log_command(options));
    case Command::Explain: return to_int(explain_command(options));
    case Command::WhyNot: return to_int(whynot_command(options));
    case Command::Import: return to_int(import_command(options));
    case Command::Export: return to_int(export_command(options));
    case Command::Materialize: return to_int(materialize_command(options));
    case Command::Serve: return to_int(serve_command(options));
    case Command::Sources: return to_int(sources_command(options));
    case Command::Compile: return to_int(compile_command(options));
  }
  return to_int(ExitStatus::Ok);
}

}  // namespace

// The knowledge base turns its own exceptions into diagnostics; what is left is memory
// running out outside it (printing a million answers under `ulimit -v`) or a bug. Either
// ends writ with a message and a status, never an abort (docs/reliability.md).
int main(int argc, char** argv) {
  try {
    return run_writ(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cout.flush();
    std::cerr << "writ: error: out of memory\n";
    return writ::cli::to_int(writ::cli::ExitStatus::LimitHit);
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "writ: error: internal error: " << e.what() << '\n';
    return writ::cli::to_int(writ::cli::ExitStatus::InputError);
  }
}
