#include "help_text.hpp"

namespace writ::cli {

namespace {

constexpr std::string_view overview = R"(Usage: writ [COMMAND] [ARGS...]

writ is a knowledge base for legal arguments, written in a Datalog-like language.

Commands:
  run FILE... [-q QUERY]...  load the files, answer their queries and each -q QUERY
  check FILE...              parse and check the files, answer nothing
  repl [FILE...]             an interactive session (also: writ with no command)
  help [COMMAND]             show the help of a command

Options:
  -h, --help                 show this help
  -V, --version              print the version

Exit status: 0 ok, 1 errors in the input, 2 usage error, 3 a limit was hit.
Run 'writ help COMMAND' for the options of a command.
)";

constexpr std::string_view run_help = R"(Usage: writ run FILE... [-q QUERY]... [OPTIONS]

Loads all FILEs together (if any has an error, nothing is loaded), then answers
the files' `?-` queries in the order written, then each -q QUERY in order.
Diagnostics go to standard error, answers to standard output.

Options:
  -q, --query QUERY        a goal as written after `?-` (repeatable)
  --format table|csv|json  the output format (default: table)
  --timeout SECONDS        end an evaluation after SECONDS (e.g. 2 or 0.5)
  --max-facts N            end an evaluation holding more than N facts
  -h, --help               show this help

Formats:
  table  per query a line `?- GOAL.`, the variables as column heads over a line
         of dashes, one aligned row per answer, then `(N answers)`; an empty
         line between queries. Values are written as in the language:
         42, alice, "a \"quoted\" string". A query without variables prints
         `true.` or `false.`
  csv    RFC 4180, LF line ends: per query a header row of the variables, then
         one row per answer; an empty line between queries. Strings are written
         without the language's quotes; an empty field is written "". A query
         without variables: header `answer`, then one row `true` or `false`.
  json   one object per query per line (JSON Lines):
           {"query": "GOAL", "columns": ["X", ...], "rows": [[...], ...]}
         integers are numbers, symbols and strings are strings. A query without
         variables has "columns": [] and "rows": [[]] when true, [] when false.

Exit status: 0 ok; 1 errors in the files or a query (the other queries are
still answered); 2 usage error; 3 --timeout or --max-facts was hit (writ stops
at that query).
)";

constexpr std::string_view check_help = R"(Usage: writ check FILE...

Parses and checks the FILEs together, as `run` would load them,
without answering their queries. Diagnostics go to standard error.

Exit status: 0 when there is no error (warnings allowed), 1 otherwise, 2 usage.
)";

constexpr std::string_view repl_help = R"(Usage: writ [repl] [FILE...] [OPTIONS]

An interactive session. Loads the FILEs, then reads statements: facts and rules
are added, queries (`?- GOAL.` or `GOAL?`) are answered. A statement may span
lines: the prompt `  ...>` asks for the rest. Commands start with a dot; enter
`.help` for the list.

On a terminal: line editing and a history kept across sessions in $WRIT_HISTORY
(default ~/.writ_history; set it empty to keep none). Tab completes predicate
names, commands and file names. Ctrl-C cancels a running query or clears the
line; Ctrl-D or .quit leaves.

From a pipe or file (writ repl < script.writ): no prompt, banner or history;
only answers and errors are printed. The exit status is then 1 if any error
occurred, else 3 if a limit was hit, else 0.

Options:
  --format table|csv|json  the output format of answers (default: table)
  --timeout SECONDS        end each evaluation after SECONDS
  --max-facts N            end an evaluation holding more than N facts
  -h, --help               show this help
)";

constexpr std::string_view help_help = R"(Usage: writ help [COMMAND]

Shows the help of COMMAND (run, check, repl), or the overview.
)";

constexpr std::string_view dot_help = R"(Statements:
  FACT.  RULE.              add to the knowledge base, e.g.  parent(ann, bob).
  ?- GOAL.   GOAL?          answer a query
Commands:
  .help                     show this text
  .load FILE...             load the files (all or nothing), answer their queries
  .preds                    list the predicates with their numbers of facts and rules
  .rules [PRED]             show the rules and facts of PRED, or every one
  .facts PRED[/N]           show the relation of PRED (of arity N)
  .format [table|csv|json]  show or set the output format
  .timeout [SECONDS|off]    show or set the time limit of each evaluation
  .quit  .exit              leave (Ctrl-D also)
)";

}  // namespace

std::string_view help_text(std::optional<Command> topic) {
  if (!topic) return overview;
  switch (*topic) {
    case Command::Run: return run_help;
    case Command::Check: return check_help;
    case Command::Repl: return repl_help;
    case Command::Help: return help_help;
    case Command::Version: return overview;
  }
  return overview;
}

std::string_view repl_help_text() { return dot_help; }

}  // namespace writ::cli
