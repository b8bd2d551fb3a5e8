// The subcommands of `writ`, each returning its exit status.
#pragma once

#include "exit_status.hpp"
#include "options.hpp"

namespace writ::cli {

ExitStatus run_command(const Options& options);    // writ run
ExitStatus check_command(const Options& options);  // writ check
ExitStatus repl_command(const Options& options);   // writ repl, or writ alone

}  // namespace writ::cli
