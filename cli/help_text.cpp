#include "help_text.hpp"

namespace writ::cli {

namespace {

constexpr std::string_view overview = R"(Usage: writ [COMMAND] [ARGS...]
       writ FILE.db [FILE...] [OPTIONS]      (the REPL on a store, like sqlite3)

writ is a knowledge base for legal arguments, written in a Datalog-like language.

Commands:
  run FILE... [-q QUERY]...  load the files, answer their queries and each -q QUERY
  check FILE...              parse and check the files, answer nothing
  check --db STORE           check a store: every page and every fact
  repl [FILE...]             an interactive session (also: writ with no command)
  load --db STORE FILE...    add the files to the store, all or nothing
  retract --db STORE STATEMENT...
                             remove facts and rules from the store
  log --db STORE             list the store's transactions
  explain [FILE...] -q GOAL  why each answer of GOAL has its status
  import --db STORE TABLE PRED
                             add each row of a CSV/TSV file as a fact of PRED
  export [FILE...] PRED      write the relation of PRED (stored or derived) as CSV
  materialize --db STORE PRED...
                             write derived relations into plain SQLite tables
  help [COMMAND]             show the help of a command

A store is a SQLite file that keeps a knowledge base across runs. Every command
takes --db STORE; without it the knowledge base lives in memory only.

Options:
  -h, --help                 show this help
  -V, --version              print the version

Exit status: 0 ok, 1 errors in the input, 2 usage error, 3 a limit was hit.
Run 'writ help COMMAND' for the options of a command.
)";

constexpr std::string_view explain_help = R"(Usage: writ explain [FILE...] -q GOAL [--format text|json|dot] [OPTIONS]

Loads the FILEs (and the store, with --db STORE), then explains each answer of each
-q GOAL: the arguments for it, rule by rule down to the facts and claims with their
sources and quotes, and the arguments against it with why each wins or loses.
A GOAL may start with [PARTY] (that party's perspective) and could/does.

Formats:
  text   an indented tree (default)
  json   one object per answer per line: {"kind": ..., "children": [...]}
  dot    one Graphviz digraph of every answer (arrows point to what they support;
         red arrows attack)

Options:
  -q, --query GOAL        the goal to explain (repeatable)
  --assume STATEMENT      what if STATEMENT held ('off LABEL': without rule LABEL)
  --format FORMAT         text, json or dot
  --db STORE              explain over the store (read-only)
  --as-of N               the store as it stood after transaction N
  --timeout SECONDS       stop an evaluation after SECONDS
  --max-facts N           stop an evaluation after N facts
)";

constexpr std::string_view run_help = R"(Usage: writ run [FILE...] [-q QUERY]... [OPTIONS]

Loads all FILEs together (if any has an error, nothing is loaded), then answers
the files' `?-` queries in the order written, then each -q QUERY in order.
Diagnostics go to standard error, answers to standard output.
With --db STORE, answers from the store plus the FILEs; the store is opened
read-only and the FILEs are not added to it (use `writ load` for that).

What if: --assume STATEMENT adds facts, rules, claims or priorities as a hypothesis
for this run (never stored); --assume 'off LABEL' switches the rule LABEL off.

Options:
  -q, --query QUERY        a goal as written after `?-` (repeatable)
  --assume STATEMENT       what if STATEMENT held ('off LABEL': without rule LABEL)
  --db STORE               answer from this store as well (read-only)
  --as-of N                the store as it stood after transaction N
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
When the knowledge base has arguments (defeasible rules, claims, priorities),
every answer carries its status (established, accepted, contested, rejected) as
a last column `status`; a yes/no question then reads `true (contested).`

Exit status: 0 ok; 1 errors in the files or a query (the other queries are
still answered); 2 usage error; 3 --timeout or --max-facts was hit (writ stops
at that query).
)";

constexpr std::string_view check_help = R"(Usage: writ check FILE... [--db STORE [--as-of N]]
       writ check --db STORE

Parses and checks the FILEs together, as `run` would load them,
without answering their queries. Diagnostics go to standard error.
With --db STORE, checks them together with what the store holds, changing
nothing.

With --db STORE and no FILE, checks the store itself: every page (SQLite's
quick_check) and every stored fact. Questions read only the tables they
need, so this is how to find damage before a question meets it.

Exit status: 0 when there is no error (warnings allowed), 1 otherwise, 2 usage.
)";

constexpr std::string_view repl_help = R"(Usage: writ [repl] [FILE...] [OPTIONS]
       writ STORE [FILE...] [OPTIONS]

An interactive session. Loads the FILEs, then reads statements: facts and rules
are added, queries (`?- GOAL.` or `GOAL?`) are answered. A statement may span
lines: the prompt `  ...>` asks for the rest. Commands start with a dot; enter
`.help` for the list.

On a store (--db STORE, or a first argument that ends in .db or is a SQLite
file, as with sqlite3): the session starts with what the store holds, and the
FILEs, `.load`ed files and statements typed at the prompt are added to it, each
as one transaction; `.retract` removes from it. A STORE that does not exist is
created. With --as-of N the store is read-only: additions are kept in memory.

On a terminal: line editing and a history kept across sessions in $WRIT_HISTORY
(default ~/.writ_history; set it empty to keep none). Tab completes predicate
names, commands and file names. Ctrl-C cancels a running query or clears the
line; Ctrl-D or .quit leaves.

From a pipe or file (writ repl < script.writ): no prompt, banner or history;
only answers and errors are printed. The exit status is then 1 if any error
occurred, else 3 if a limit was hit, else 0.

Options:
  --db STORE               work on this store (created if missing)
  --as-of N                the store as it stood after transaction N, read-only
  --format table|csv|json  the output format of answers (default: table)
  --timeout SECONDS        end each evaluation after SECONDS
  --max-facts N            end an evaluation holding more than N facts
  -h, --help               show this help
)";

constexpr std::string_view load_help = R"(Usage: writ load --db STORE FILE... [OPTIONS]

Adds the facts and rules of the FILEs to STORE (created if missing), in one
transaction: if any FILE has an error, every error is reported and nothing is
added. The files' `?-` queries are then answered (to standard output) but not
stored. A line on standard error says what was added:
  writ: transaction 3: added 120 statements to 'case.db'
Ctrl-C during the load cancels it; nothing is added.

Options:
  --db STORE               the store to add to (required)
  --format table|csv|json  the output format of the files' answers
  --timeout SECONDS        end an evaluation after SECONDS
  --max-facts N            end an evaluation holding more than N facts
  -h, --help               show this help

Exit status: 0 ok; 1 an error in a FILE or the store (nothing added);
2 usage error; 3 a limit was hit answering a query (the load is kept).
)";

constexpr std::string_view retract_help = R"(Usage: writ retract --db STORE STATEMENT...

Removes facts, rules and priorities from STORE, in one transaction. A fact
removes the stored facts with the same values (every copy); a rule or a
priority (r2 > r1.) removes those with the same text, up to blanks. A rule
that a priority names goes only together with that priority. Each argument holds one or more
statements; `-` reads them from standard input; put `--` before a statement
that starts with `-` (a strong negation). `#N` (e.g. '#3' or '#3, #5') stands
for the statement numbered N by the REPL's .rules. If any statement matches nothing, it
is an error and nothing is removed. A line on standard error says how many
statements were removed:
  writ: transaction 4: removed 1 statement from 'case.db'
The store keeps its history: `--as-of` still sees what was removed.

Options:
  --db STORE  the store to remove from (required; it must exist)
  -h, --help  show this help

Exit status: 0 ok; 1 a statement matched nothing, has an error, or the store
cannot be written; 2 usage error.
)";

constexpr std::string_view log_help = R"(Usage: writ log --db STORE [--as-of N] [--format table|csv|json]

Lists the store's transactions, oldest first: the number (what --as-of takes),
the time (UTC), what was done ("load a.writ, b.writ", "retract edge(1, 2)."),
and how many statements were added and removed.

Formats:
  table  columns tx, time, description, added, removed, aligned
  csv    header tx,time,description,added,removed; one row per transaction
  json   one object per line: {"tx": 1, "time": "2024-05-01T09:30:00.123Z",
         "description": "load a.writ", "added": 2, "removed": 0}

Options:
  --db STORE               the store (required; opened read-only)
  --as-of N                only transactions 1..N (the log as it stood then)
  --format table|csv|json  the output format (default: table)
  -h, --help               show this help
)";

constexpr std::string_view import_help = R"(Usage: writ import --db STORE TABLE PRED [--header|--no-header] [--delimiter C]

Adds each row of the CSV or TSV file TABLE to STORE as a fact PRED(v1, ..., vn),
in one transaction: if any row has an error, every error is reported and nothing
is added. RFC 4180: fields in double quotes may hold the delimiter, line breaks
and "" for a quote; blank lines are skipped; every row has the first row's width.
Each column is typed as a whole: integer when every value is an integer written
plainly (-12, 0; not 007 or +7), else symbol when every value is written as a
symbol (a lowercase letter, then letters, digits or _), else string.
A line on standard error says what was added:
  writ: transaction 2: imported 5000 rows of 'edges.csv' as edge/2 (integer, integer); header: src, dst

Options:
  --db STORE       the store to add to (required; created if missing)
  --header         the first row names the columns
  --no-header      every row is data
                   (neither: the first row is a header when one of its values
                   does not fit its column's type, as "src" over integers)
  --delimiter C    the field separator: one character, or 'tab' (default: a tab
                   for TABLE ending in .tsv or .tab, else ',')
  -h, --help       show this help

Exit status: 0 ok; 1 an error in TABLE or the store (nothing added); 2 usage error.
)";

constexpr std::string_view export_help = R"(Usage: writ export [--db STORE] PRED [FILE...] [--format csv|json|table] [OPTIONS]

Writes the relation of PRED (NAME, or NAME/ARITY when the name has several),
stored or derived, from the store and the FILEs, to standard output: a header
row A1,...,An, then the rows in value order. When the knowledge base has
arguments, each row's status is the last column, `status`.

Options:
  --db STORE               the store (opened read-only)
  --as-of N                the store as it stood after transaction N
  --format csv|json|table  the output format (default: csv)
  --timeout SECONDS        end the evaluation after SECONDS
  --max-facts N            end an evaluation holding more than N facts
  -h, --help               show this help

Exit status: 0 ok; 1 no such predicate, or an error in the input; 2 usage error;
3 a limit was hit.
)";

constexpr std::string_view materialize_help = R"(Usage: writ materialize --db STORE PRED... [OPTIONS]

Writes the relation of each PRED (NAME for every arity, or NAME/ARITY) into a
plain table of STORE that any SQLite tool reads:
  sqlite3 case.db 'select * from could_breach'
The table is named after the predicate (NAME_ARITY when that name is taken),
with columns a1..an and, when answers carry one, `status`; it is replaced
whole each time. The view `materialized` lists each such table, the
transaction it reflects, and `stale` = 1 once a later change was made: run
materialize again to refresh it. All tables are written in one transaction.

Options:
  --db STORE          the store (required; it must exist)
  --timeout SECONDS   end the evaluation after SECONDS
  --max-facts N       end an evaluation holding more than N facts
  -h, --help          show this help

Exit status: 0 ok; 1 no such predicate, or the store cannot be written;
2 usage error; 3 a limit was hit.
)";

constexpr std::string_view compile_help = R"(Usage: writ compile --sql FILE... [OPTIONS]

Writes the program of the FILEs (over STORE, read-only, with --db) as one
self-contained PostgreSQL script on standard output: in one transaction it
creates SCHEMA, a table per relation and the facts, evaluates the rules in
semi-naive rounds of INSERT ... SELECT, and answers the files' queries:
  writ compile --sql rules.writ facts.writ | psql -v ON_ERROR_STOP=1
See docs/scale-out.md (and Citus) for the layout.

Options:
  --sql               the target: PostgreSQL (required)
  --schema NAME       the schema to create (default: writ)
  --db STORE          compile over this store as well (read-only)
  -h, --help          show this help

Exit status: 0 ok; 1 an error in the input; 2 usage error.
)";

constexpr std::string_view help_help = R"(Usage: writ help [COMMAND]

Shows the help of COMMAND (run, check, repl, load, retract, log, explain,
import, export, materialize), or the overview.
)";

constexpr std::string_view dot_help = R"(Statements:
  FACT.  RULE.              add to the knowledge base, e.g.  parent(ann, bob).
  ?- GOAL.   GOAL?          answer a query
Commands:
  .help                     show this text
  .load FILE...             load the files (all or nothing), answer their queries;
                            on a store, add them to it
  .preds                    list the predicates with their numbers of facts and rules
  .rules [PRED]             show the rules and facts of PRED, or every one, numbered
  .facts PRED[/N]           show the relation of PRED (of arity N)
  .format [table|csv|json]  show or set the output format
  .timeout [SECONDS|off]    show or set the time limit of each evaluation
  .retract STATEMENT...     remove facts and rules (from the store, if one is open)
  .retract #N...            remove the statements numbered N by .rules
  .log                      list the store's transactions
  .why GOAL                 explain each answer: the arguments for and against it,
                            down to the facts and claims with their sources
  .whynot GOAL              explain a missing or rejected answer
  .assume STATEMENT         what if: add facts, rules, claims or priorities as a
                            hypothesis (never stored) and show what changed
  .assume off LABEL         what if the rule LABEL did not apply
  .assume                   list the assumptions in force
  .forget                   drop every assumption
  .quit  .exit              leave (Ctrl-D also)
)";

}  // namespace

std::string_view help_text(std::optional<Command> topic) {
  if (!topic) return overview;
  switch (*topic) {
    case Command::Run: return run_help;
    case Command::Check: return check_help;
    case Command::Repl: return repl_help;
    case Command::Load: return load_help;
    case Command::Retract: return retract_help;
    case Command::Log: return log_help;
    case Command::Explain: return explain_help;
    case Command::Import: return import_help;
    case Command::Export: return export_help;
    case Command::Materialize: return materialize_help;
    case Command::Compile: return compile_help;
    case Command::Help: return help_help;
    case Command::Version: return overview;
  }
  return overview;
}

std::string_view repl_help_text() { return dot_help; }

}  // namespace writ::cli
