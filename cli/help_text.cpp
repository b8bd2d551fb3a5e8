// The one source of writ's command-line documentation: `writ --help`, `writ help COMMAND`,
// the REPL's `.help` and the man page (docs/writ.1) are all rendered from what is below
// (help_render.cpp), so they cannot disagree. Text conventions are in help_text.hpp.
//
// How to add
// - an option: write its HelpEntry in the `options` of each command that takes it (shared
//   ones are the constants under "Options shared by several commands"), then parse it in
//   options.cpp (accepts() and the loop). tests/cli/help_test.cpp fails if a documented
//   option is not accepted.
// - a command: add it to `Command` and parse_command() (options.cpp), dispatch it in
//   main.cpp, and add its CommandHelp to command_helps() below, where `writ --help` should
//   list it.
// - a dot-command: add its HelpEntry to a group of repl_help_sections() below and dispatch
//   it in ReplSession::run_dot_command (dot_commands.cpp); Tab completes it from here.
// Then regenerate the man page: `./dev man` (a test fails while docs/writ.1 differs).
#include "help_text.hpp"

namespace writ::cli {

namespace {

// Options shared by several commands.
constexpr HelpEntry help_option{"-h, --help", "show this help"};
constexpr HelpEntry query_option{"-q, --query GOAL", "a goal as written after `?-` (repeatable)"};
constexpr HelpEntry assume_option{
    "--assume STATEMENT", "what if STATEMENT held, for this run only ('off LABEL': without the rule LABEL)"};
constexpr HelpEntry answer_format_option{"--format table|csv|json", "the output format of answers (default: table)"};
constexpr HelpEntry run_format_option{"--format table|csv|json|json-doc",
                                      "the output format of answers (default: table)"};
constexpr HelpEntry read_store_option{"--db STORE", "answer from this store as well (read-only)"};
constexpr HelpEntry as_of_option{"--as-of N", "the store as it stood after transaction N (read-only)"};
constexpr HelpEntry timeout_option{"--timeout SECONDS", "end an evaluation after SECONDS (e.g. 2 or 0.5)"};
constexpr HelpEntry stats_option{"--stats", R"(after the answers, say on standard error what the run
cost (as clingo's --stats): the time to parse and check, to evaluate and to write the
answers; rules, facts and predicates; questions and answers; peak memory. Under
--format json or json-doc, one JSON object {"stats": {...}} on a line)"};
constexpr HelpEntry max_facts_option{"--max-facts N", "end an evaluation holding more than N facts"};
constexpr HelpEntry max_memory_option{"--max-memory SIZE", R"(end an evaluation holding more than SIZE bytes (K, M, G:
KiB, MiB, GiB; default: half the physical memory))"};
constexpr HelpEntry read_postgres_option{"--postgres CONNINFO", R"(answer from a PostgreSQL database instead of a store,
evaluating inside the server (read-only; see PostgreSQL below))"};
constexpr HelpEntry schema_option{"--schema NAME", "the PostgreSQL schema (default: writ)"};

const HelpSection answer_formats{
    "Formats",
    "",
    {
        {"table", R"(per query a line `?- GOAL.`, then its answers; an empty line between
queries. A query without variables prints `true.` or `false.`; another, the
variables as column heads over a line of dashes, one aligned row per answer, then
`(N answers)`. Values are written as in the language: 42, alice, "a \"quoted\"
string".)"},
        {"csv", R"(RFC 4180, LF line ends: per query a header row of the variables, then
one row per answer; an empty line between queries, and when there are several (or
from a pipe into the REPL) each block starts with a one-field record "?- GOAL.".
Every string is quoted and symbols, integers, dates, durations and money are not
(quoted only where RFC 4180 needs it), so a and "a", 1 and "1" stay apart. A query
without variables: header `answer`, then one row `true` or `false`.)"},
        {"json", R"(one object per query per line (JSON Lines), a failed query too:
  {"goal": "GOAL", "columns": ["X", ...], "rows": [[...], ...],
   "status": "ok", "diagnostics": [...]}
status is ok, error, limit or cancelled; each diagnostic is {"severity", "file",
"line", "column", "message"}. Integers are numbers and symbols strings; strings,
dates, durations and money are objects: {"string": "a b"}, {"date": "2026-03-01"},
{"duration": "30d", "days": 30} (or "months"), {"money": "$12.50", "currency":
"USD", "amount": "12.50"}. A query without variables has "columns": [] and "rows":
[[]] when true, [] when false. A load that fails gives each -q its line, status
error, with the load's diagnostics.)"},
        {"json-doc", R"((run and load) one JSON document for the whole run:
  {"diagnostics": [...], "questions": [OBJECT, ...], "status": "ok"}
the diagnostics of the load, each question's object as in json, and the run's
status.)"},
    },
};

}  // namespace

const ManualText& manual_text() {
  static const ManualText text{
      .usage =
          {
              {"writ COMMAND [ARGS...]", ""},
              {"writ [FILE...] [OPTIONS]", "the REPL (as `writ repl`)"},
              {"writ STORE [FILE...] [OPTIONS]", "the REPL on a store, like sqlite3"},
          },
      .name_line = "a knowledge base for legal arguments, written in a Datalog-like language",
      .description = R"(writ loads facts, rules and claims written in its Datalog-like
language (see docs/language.md), answers questions about them, says how sure each
answer is (established, accepted, contested or rejected) and shows the arguments for
and against it down to the quoted source sentences.

A knowledge base lives in memory for one run, or in a store: a SQLite file named
with --db STORE that keeps it across runs, records every change as a numbered
transaction (see `writ log`) and can be read by any SQLite client. Every command takes
--db STORE; `run`, `check`, `explain`, `export` and `log` open it read-only,
`load`, `import` and the REPL create it when missing. A file that is not a writ
store (not SQLite, another application's database, a newer writ's store, a damaged
file) gives a diagnostic, changes nothing, and exit status 1.

Instead of a store, `run`, `load`, `export`, `check` and the REPL take --postgres
CONNINFO (a libpq connection string or URI, e.g. 'host=db.example dbname=cases'; the
PG* environment variables fill in what it leaves out) and --schema NAME (default
writ): `load` writes the files into that schema of the database, in one transaction
per load, creating it when missing; the others read it and evaluate every question
inside the server. `writ compile --sql` writes a program as a self-contained SQL
script instead. See docs/scale-out.md.

Diagnostics go to standard error as `FILE:LINE:COL: error: MESSAGE`, followed by the
source line and a caret under the place; answers go to standard output.)",
      .options =
          {
              {"-h, --help", "show this help; `writ COMMAND --help`: the help of COMMAND"},
              {"-V, --version", "print the version"},
          },
      .environment =
          {
              {"WRIT_HISTORY", R"(the file of the REPL's history (default ~/.writ_history);
empty to keep none)"},
              {"WRIT_RC", R"(the file of commands an interactive REPL runs first (default
~/.writrc); empty to run none)"},
              {"PAGER", R"(the pager for long output in the REPL at a terminal (default: less
with LESS=FRX, or more); empty or `cat` for none)"},
              {"NO_COLOR", R"(when set to anything but the empty string, no colour (https://no-color.org);
colour is also off when TERM is dumb or the output is not a terminal)"},
              {"PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ...", R"(with --postgres: the
connection's settings that CONNINFO leaves out (libpq's environment variables))"},
          },
      .files =
          {
              {"~/.writ_history", "the REPL's history, kept across sessions"},
              {"~/.writrc", R"(commands and statements an interactive REPL runs before the
first prompt, as `.read` does: e.g. `.timer on`)"},
          },
      .exit_status =
          {
              {"0", "success (for `check`: no errors; warnings are allowed)"},
              {"1", R"(errors in the input (for `run`, the other queries are still
answered), a store that cannot be opened or written, or a `retract` that matches
nothing)"},
              {"2", "a usage error"},
              {"3", "a limit (--timeout, --max-facts or --max-memory) was hit; `run` stops at that query"},
          },
      .example = R"($ cat graph.writ
edge(1, 2). edge(2, 3).
path(X, Y) :- edge(X, Y).
path(X, Z) :- path(X, Y), edge(Y, Z).
$ writ run graph.writ -q 'path(1, X)'
$ writ load --db case.db graph.writ
writ: transaction 1: added 4 statements to 'case.db'
$ writ retract --db case.db 'edge(2, 3).'
writ: transaction 2: removed 1 statement from 'case.db'
$ writ run --db case.db --as-of 1 -q 'path(1, X)'
$ writ log --db case.db
$ writ case.db)",
      .see_also = R"(The language: docs/language.md; the store and its schema:
docs/store.md; embedding writ in C, C++ and Python: docs/embedding.md.)",
  };
  return text;
}

const std::vector<CommandHelp>& command_helps() {
  static const std::vector<CommandHelp> helps = {
      {
          .command = Command::Run,
          .usage = {"writ run [FILE...] [-q GOAL]... [OPTIONS]"},
          .overview = {{"run FILE... [-q GOAL]...", "answer the files' queries and each -q GOAL"}},
          .text = R"(Loads all FILEs together (if any has an error, nothing is loaded), then
answers the files' `?-` queries in the order written, then each -q GOAL in order.
Diagnostics go to standard error, answers to standard output. With --db STORE,
answers from the store plus the FILEs; the store is opened read-only and the FILEs
are not added to it (use `writ load` for that). With --postgres CONNINFO, the same
over a PostgreSQL schema (--schema NAME), evaluated inside the server: the schema
is read, never changed.

What if: --assume STATEMENT adds facts, rules, claims or priorities as a hypothesis
for this run (never stored); --assume 'off LABEL' switches the rule LABEL off.

When the knowledge base has arguments (defeasible rules, claims, priorities), every
answer carries its status (established, accepted, contested, rejected) as a last
column `status`; a yes/no question then reads `true (contested).`)",
          .sections = {answer_formats},
          .options = {query_option, assume_option, read_store_option, as_of_option, read_postgres_option,
                      schema_option, run_format_option, stats_option, timeout_option, max_facts_option,
                      max_memory_option, help_option},
          .exit_status = R"(0 ok; 1 errors in the files or a query (the other queries
are still answered); 2 usage error; 3 --timeout, --max-facts or --max-memory was hit
(writ stops at that query).)",
      },
      {
          .command = Command::Check,
          .usage = {"writ check FILE... [--db STORE [--as-of N]]", "writ check --db STORE"},
          .overview = {{"check FILE...", "parse and check the files, answer nothing"},
                       {"check --db STORE", "check a store: every page and every row"}},
          .text = R"(Parses and checks the FILEs together, as `run` would load them,
without answering their queries. Diagnostics go to standard error. With --db STORE,
checks them together with what the store holds, changing nothing.

With --db STORE and no FILE, checks the store itself: every page (SQLite's
quick_check), then every row, retracted ones too: values of a kind writ has (a TEXT
'2' or 'Hello World' is no symbol), value columns as the catalogue's arity says, and
transaction numbers that the log has. Each row rejected is named, e.g. `table
facts_edge_2, rowid 2: a2: TEXT '3' is not a symbol`. Questions read only the tables
they need, so this is how to find damage (and hand edits) before a question meets it.)",
          .options = {{"--db STORE", "check together with this store, or the store itself"}, as_of_option,
                      {"--postgres CONNINFO", "check together with what a PostgreSQL schema holds"}, schema_option,
                      help_option},
          .exit_status = "0 when there is no error (warnings allowed), 1 otherwise, 2 usage.",
      },
      {
          .command = Command::Repl,
          .usage = {"writ [repl] [FILE...] [OPTIONS]", "writ STORE [FILE...] [OPTIONS]"},
          .overview = {{"repl [FILE...]", "an interactive session (also: writ alone)"}},
          .text = R"(An interactive session. Loads the FILEs, then reads statements: facts and
rules are added, queries (`?- GOAL.` or `GOAL?`) are answered. A statement may span
lines: the prompt `...>` asks for the rest. Commands start with a dot; enter `.help`
for the list.

On a store (--db STORE, or a first argument that ends in .db or is a SQLite file, as
with sqlite3): the session starts with what the store holds, and the FILEs,
`.load`ed files and statements typed at the prompt are added to it, each as one
transaction; `.retract` removes from it. After each of its writes the session
sees the store as it stands, what other processes wrote included. A STORE that
does not exist is created. With --as-of N the store is read-only: additions are
kept in memory.

On a terminal: line editing and a history kept across sessions in $WRIT_HISTORY
(default ~/.writ_history; set it empty to keep none). Tab completes predicate names,
commands and file names. Ctrl-C cancels a running query or clears the line; Ctrl-D
or `.quit` leaves. The commands in $WRIT_RC (default ~/.writrc) run first, e.g.
`.format csv` or `.timer on`. Answers longer than the screen go through $PAGER
(`.pager off` to stop it); statuses and messages are in colour unless $NO_COLOR is
set. What other shells take (`help`, `exit`, `select * from t;`) gets a hint, also
at the continuation prompt, where an empty line or `;` shows the unfinished
statement and a dot-command drops it.

From a pipe or file (`writ repl < script.writ`): no prompt, banner, history or rc
file; each answer is headed by its `?- GOAL.` (in csv a record "?- GOAL."; in json
its "goal"), and errors go to standard error.
`.bail on` stops at the first error.)",
          .options = {{"--db STORE", "work on this store (created if missing)"},
                      {"--as-of N", "the store as it stood after transaction N, read-only"},
                      {"--postgres CONNINFO", R"(work on a PostgreSQL schema instead: what is added is
written there, questions are evaluated inside the server)"},
                      schema_option,
                      answer_format_option, timeout_option, max_facts_option, max_memory_option, help_option},
          .exit_status = R"(at a terminal 0; from a pipe or file 1 if any error occurred,
else 3 if a limit was hit, else 0.)",
      },
      {
          .command = Command::Load,
          .usage = {"writ load --db STORE FILE... [OPTIONS]", "writ load --postgres CONNINFO [--schema NAME] FILE... [OPTIONS]"},
          .overview = {{"load --db STORE FILE...", "add the files to the store, all or nothing"}},
          .text = R"(Adds the facts and rules of the FILEs to STORE (created if missing), in
one transaction: if any FILE has an error, every error is reported and nothing is
added. The files' `?-` queries are then answered (to standard output) but not
stored. A line on standard error says what was added:
  writ: transaction 3: added 120 statements to 'case.db'
Ctrl-C during the load cancels it; nothing is added.

With --postgres CONNINFO, the FILEs go to a schema of that PostgreSQL database
(--schema NAME, default writ; created with writ's tables when missing or empty),
in one transaction: plain facts into a table per predicate, every other statement
as text. A failed load (an error in a FILE, a refused privilege, a lost connection)
leaves the schema as it was.)",
          .options = {{"--db STORE", "the store to add to (required, or --postgres)"},
                      {"--postgres CONNINFO", "the PostgreSQL database to add to instead"}, schema_option,
                      {"--format table|csv|json|json-doc", "the output format of the files' answers"}, timeout_option,
                      max_facts_option, max_memory_option, help_option},
          .exit_status = R"(0 ok; 1 an error in a FILE or the store (nothing added); 2
usage error; 3 a limit was hit answering a query (the load is kept).)",
      },
      {
          .command = Command::Retract,
          .usage = {"writ retract --db STORE STATEMENT..."},
          .overview = {{"retract --db STORE STATEMENT...", "remove facts and rules from the store"}},
          .text = R"(Removes facts, rules and priorities from STORE, in one transaction. A
fact removes the stored facts with the same values (every copy, whatever its
citation: 'p(1).' removes 'p(1) @ article "...".' with its citation); a rule or a
priority (r2 > r1.) removes those with the same text, up to blanks. A rule that a
priority names goes only together with that priority. Each argument holds one or
more statements; `-` reads them from standard input; put `--` before a statement
that starts with `-` (a strong negation). `#N` (e.g. '#3' or '#3, #5') stands for
the statement numbered N by the REPL's `.rules`. If any statement matches nothing,
it is an error and nothing is removed; so is one that another process removed
first. A line on standard error says how many statements the transaction removed:
  writ: transaction 4: removed 1 statement from 'case.db'
The store keeps its history: --as-of still sees what was removed.)",
          .options = {{"--db STORE", "the store to remove from (required; it must exist)"}, help_option},
          .exit_status = R"(0 ok; 1 a statement matched nothing, has an error, or the
store cannot be written; 2 usage error.)",
      },
      {
          .command = Command::Log,
          .usage = {"writ log --db STORE [--as-of N] [--format table|csv|json]"},
          .overview = {{"log --db STORE", "list the store's transactions"}},
          .text = R"(Lists the store's transactions, oldest first: the number (what --as-of
takes), the time (UTC), what was done ("load a.writ, b.writ", "retract edge(1, 2)."),
and how many statements were added and removed.)",
          .sections = {{"Formats",
                        "",
                        {
                            {"table", "columns tx, time, description, added, removed, aligned"},
                            {"csv", "header tx,time,description,added,removed; one row per transaction"},
                            {"json", R"(one object per line:
  {"tx": 1, "time": "2024-05-01T09:30:00.123Z", "description": "load a.writ", "added": 2, "removed": 0})"},
                        }}},
          .options = {{"--db STORE", "the store (required; opened read-only)"},
                      {"--as-of N", "only transactions 1..N (the log as it stood then)"},
                      {"--format table|csv|json", "the output format (default: table)"}, help_option},
      },
      {
          .command = Command::Explain,
          .usage = {"writ explain [FILE...] -q GOAL [--format FORMAT] [--depth N] [OPTIONS]"},
          .overview = {{"explain [FILE...] -q GOAL", "why each answer of GOAL has its status"}},
          .text = R"(Loads the FILEs (and the store, with --db STORE), then explains the
answers of each -q GOAL from their argument map: every literal and every argument
(rule, fact or claim applied) once, what supports what, what attacks what, and
which prevails. A GOAL may start with [PARTY] (that party's perspective) and
could/does.)",
          .sections = {{"Formats",
                        "",
                        {
                            {"text", R"(a brief (default): per answer a paragraph saying its status and
why, down to the claims a conflict comes down to, quoted; then the detail as a
tree, each literal and each quote once)"},
                            {"json", R"(the argument map, one object per GOAL per line: {"goal",
"answers", "nodes", "edges", "legend"} (docs/language.md, "Argument maps"))"},
                            {"dot", R"(the map as a Graphviz digraph: statuses coloured, a shape per
kind, attacks in red, a legend)"},
                            {"svg", "the map laid out by Graphviz, as SVG"},
                        }}},
          .options = {{"-q, --query GOAL", "the goal to explain (repeatable)"}, assume_option,
                      {"--format text|json|dot|svg", "the output format (default: text)"},
                      {"--depth N|all", R"(argument steps below each answer to show (text: 3;
the maps: all))"},
                      {"--db STORE", "explain over the store (read-only)"}, as_of_option, timeout_option,
                      max_facts_option, max_memory_option, help_option},
      },
      {
          .command = Command::WhyNot,
          .usage = {"writ whynot [FILE...] -q GOAL [--format text|json] [OPTIONS]"},
          .overview = {{"whynot [FILE...] -q GOAL", "why GOAL has no answer, or a weak one"}},
          .text = R"(Loads the FILEs (and the store, with --db STORE), then says for each -q
GOAL why it does not hold firmly, as the REPL's .whynot does: with no answer, its
contrary when that holds (`-p(a)` for `p(a)`, explained down to its sources), and
each rule that could conclude GOAL with the first premise that fails (its contrary
holds, no fact or rule concludes it, a `not` whose atom holds, a false
comparison), followed a few steps; for a rejected or contested answer, each
argument that does not stand and why (an accepted answer is explained as `.why`
would). Each tree starts with the answer it is about.)",
          .sections = {{"Formats",
                        "",
                        {
                            {"text", "the explanation as an indented tree (default)"},
                            {"json", R"(one object per GOAL per line, whatever became of it:
{"goal": GOAL, "explanations": [TREE, ...], "status": "ok", "diagnostics": [...]}, each
TREE a node with its children (as the C API's writ_why_not); status "error", "limit"
or "cancelled" with no TREE when GOAL was not explained)"},
                        }}},
          .options = {{"-q, --query GOAL", "the goal to explain (repeatable)"}, assume_option,
                      {"--format text|json", "the output format (default: text)"},
                      {"--db STORE", "explain over the store (read-only)"}, as_of_option, timeout_option,
                      max_facts_option, max_memory_option, help_option},
          .exit_status = R"(0 ok; 1 an error in the files or a GOAL; 2 usage error; 3 a
limit was hit.)",
      },
      {
          .command = Command::Import,
          .usage = {"writ import --db STORE TABLE PRED [--header|--no-header] [--delimiter C]"},
          .overview = {{"import --db STORE TABLE PRED", "add each row of a CSV/TSV file as a fact of PRED"}},
          .text = R"(Adds each row of the CSV or TSV file TABLE to STORE as a fact PRED(v1,
..., vn), in one transaction: if any row has an error, every error is reported and
nothing is added. RFC 4180: fields in double quotes may hold the delimiter, line
breaks and "" for a quote; blank lines are skipped; every row has the first row's
width. Each column is typed as a whole: integer when every value is an integer
written plainly (-12, 0; not 007 or +7), else date, duration or money when every
value is one as writ writes it (2026-03-01, 30d, $1_234.50), else symbol when
every value is written as a symbol (a lowercase letter, then letters, digits or
_), else string. A line on standard error says what was added:
  writ: transaction 2: imported 5000 rows of 'edges.csv' as edge/2 (integer, integer); header: src, dst)",
          .options = {{"--db STORE", "the store to add to (required; created if missing)"},
                      {"--header", "the first row names the columns"},
                      {"--no-header", R"(every row is data (neither: the first row is a header when
one of its values does not fit its column's type, as "src" over integers))"},
                      {"--delimiter C", R"(the field separator: one character, or 'tab' (default: a
tab for TABLE ending in .tsv or .tab, else ','))"},
                      help_option},
          .exit_status = "0 ok; 1 an error in TABLE or the store (nothing added); 2 usage error.",
      },
      {
          .command = Command::Export,
          .usage = {"writ export [--db STORE] PRED [FILE...] [--format FORMAT] [OPTIONS]",
                    "writ export --postgres CONNINFO PRED [--schema NAME] [--format FORMAT]"},
          .overview = {{"export PRED [FILE...]", "write the relation of PRED as CSV or JSON"}},
          .text = R"(Writes the relation of PRED (NAME, or NAME/ARITY when the name has
several), stored or derived, from the store and the FILEs, to standard output: a
header row A1,...,An, then the rows in value order. When the knowledge base has
arguments, each row's status is the last column, `status`.)",
          .options = {{"--db STORE", "the store (opened read-only)"}, as_of_option, read_postgres_option, schema_option,
                      {"--format csv|json|table", "the output format (default: csv)"}, timeout_option,
                      max_facts_option, max_memory_option, help_option},
          .exit_status = R"(0 ok; 1 no such predicate, or an error in the input; 2 usage
error; 3 a limit was hit.)",
      },
      {
          .command = Command::Materialize,
          .usage = {"writ materialize --db STORE PRED... [OPTIONS]"},
          .overview = {{"materialize --db STORE PRED...", "write derived relations into plain SQLite tables"}},
          .text = R"(Writes the relation of each PRED (NAME for every arity, or NAME/ARITY)
into a plain table of STORE that any SQLite tool reads:
  sqlite3 case.db 'select * from could_breach'
The table is named after the predicate (NAME_ARITY when that name is taken), with
columns a1..an and, when answers carry one, `status`; it is replaced whole each
time. The view `materialized` lists each such table, the transaction it reflects,
and `stale` = 1 once a later change was made: run materialize again to refresh it.
All tables are written in one transaction.)",
          .options = {{"--db STORE", "the store (required; it must exist)"}, timeout_option, max_facts_option,
                      max_memory_option, help_option},
          .exit_status = R"(0 ok; 1 no such predicate, or the store cannot be written; 2
usage error; 3 a limit was hit.)",
      },
      {
          .command = Command::Serve,
          .usage = {"writ serve [--db STORE] [FILE...] [--port N] [--host ADDRESS] [OPTIONS]"},
          .overview = {{"serve [FILE...]", "the knowledge base in a web browser: answers, argument maps, sources"}},
          .text = R"(Loads the FILEs (over the store, which it never writes) and serves them
to a web browser on this machine: ask any question, from a party's perspective or
under what-if assumptions; see each answer's argument map (pan, zoom, collapse,
click a node for its rule and source, export as SVG or PNG) and the source
documents with every cited quote highlighted. Prints the address to open,
`writ serve: http://127.0.0.1:8080/ (Ctrl-C to stop)`, then serves until Ctrl-C or
SIGTERM. The page and its JSON API (docs/serve.md) need nothing from the network. A
question past --timeout gets HTTP 503 and the server stays up.)",
          .options = {{"--port N", "the port to listen on (default: 8080; 0: any free port)"},
                      {"--host ADDRESS", R"(the address to listen on (default: 127.0.0.1, this machine
only; 0.0.0.0 opens the server to the network, without authentication))"},
                      {"--db STORE", "serve the store (opened read-only)"}, as_of_option,
                      {"--timeout SECONDS", "end each question after SECONDS (default: 10)"}, max_facts_option,
                      max_memory_option,
                      help_option},
          .exit_status = R"(0 stopped by Ctrl-C or SIGTERM; 1 an error in the input, or the
address cannot be used; 2 usage error.)",
      },
      {
          .command = Command::Sources,
          .usage = {"writ sources [FILE...] [--db STORE [--as-of N]] [--coverage]"},
          .overview = {{"sources [FILE...]", "each source document, sentence by sentence, with what cites it"}},
          .text = R"(Loads the FILEs (over the store, which it does not change) and lists each
document a `#source` names (`file: "article.txt"`), sentence by sentence: each
sentence's line and column in the document, then the statements that quote it, with
their source and where they are written (and the quote, when it is only part of the
sentence). Quotes are verified when they are loaded (docs/language.md, "Verified
quotes"), so every quote listed is in the document. Sources without a document are
listed last.

With --coverage, one line per sentence instead: the share of its characters that
quotes cover (0% is a sentence nothing cites yet), its place and its text, after a
count of the sentences cited:
  memo.txt (source memo): 2 of 3 sentences cited
     0%  1:1     Memo
   100%  2:1     The tenant paid a deposit of $1,200.
    95%  2:38    The landlord kept all of it.)",
          .options = {{"--coverage", "how much of each sentence is quoted, instead of the citations"},
                      {"--db STORE", "the sources of this store too (opened read-only)"}, as_of_option, help_option},
          .exit_status = "0 ok; 1 an error in the input; 2 usage error.",
      },
      {
          .command = Command::Compile,
          .usage = {"writ compile --sql FILE... [--schema NAME] [--db STORE]"},
          .overview = {{"compile --sql FILE...", "write the program as a self-contained PostgreSQL script"}},
          .text = R"(Writes the program of the FILEs (with what STORE holds, read-only, with
--db) to standard output as one PostgreSQL script: in one transaction it creates
the schema NAME, a table per relation with the facts, evaluates the rules (each
rule one commented INSERT ... SELECT, recursive ones in semi-naive rounds driven by
a DO block, no WITH RECURSIVE) and answers the files' queries with SELECTs:
  writ compile --sql rules.writ facts.writ | psql -v ON_ERROR_STOP=1
The statements avoid the forms distributed PostgreSQL (Citus) documents as
unsupported, but no Citus server has run them yet (docs/scale-out.md). Programs
with arguments (defeasible rules, claims) are not compiled yet.)",
          .options = {{"--sql", "the target: a PostgreSQL script (required)"},
                      {"--schema NAME", "the schema the script creates (default: writ)"},
                      {"--db STORE", "compile with this store's statements and facts (read-only)"}, help_option},
          .exit_status = "0 ok; 1 an error in the input; 2 usage error.",
      },
      {
          .command = Command::Help,
          .usage = {"writ help [COMMAND]", "writ help --man"},
          .overview = {{"help [COMMAND]", "show the help of a command"}},
          .text = R"(Shows the help of COMMAND (run, check, repl, load, retract, log,
explain, import, export, materialize, serve, sources, compile), or the overview. With
--man, prints this manual as a man page (roff): `writ help --man | man -l -`.)",
          .options = {{"--man", "print the whole manual as a man page"}},
      },
  };
  return helps;
}

const std::vector<HelpSection>& repl_help_sections() {
  static const std::vector<HelpSection> sections = {
      {"Statements",
       "",
       {
           {"FACT.  RULE.", R"(add to the knowledge base, e.g. parent(ann, bob). (writ says what it
added, and in which transaction on a store))"},
           {"?- GOAL.  GOAL?", "answer a question"},
       }},
      {"Files",
       "",
       {
           {".load FILE...", "load the files (all or nothing) and answer their queries; on a store, add them to it"},
           {".reload", R"(read every file loaded in this session again, in place of what each
declared (SWI-Prolog's make); the session changes only if everything loads without errors. In
memory only)"},
           {".save FILE", R"(write the statements typed in this session (and run by .read) to FILE, a
program writ loads after the files loaded; on a store, everything in it)"},
           {".dump", "print everything loaded as a program writ loads again"},
       }},
      {"Looking around",
       "",
       {
           {".preds", "list the predicates with their numbers of facts and rules"},
           {".rules [PRED]", R"(show the rules and facts of PRED, or every one, each with the number it
keeps for the session; the whole listing ends with the sources, templates and priorities)"},
           {".facts PRED[/N]", "show the relation of PRED (of arity N)"},
           {".log", "list the store's transactions"},
       }},
      {"Changing",
       "",
       {
           {".retract STATEMENT...", "remove facts and rules (from the store, if one is open), saying which"},
           {".retract #N...", "remove the statements numbered N by .rules"},
       }},
      {"Arguments",
       "",
       {
           {".why GOAL", R"(explain each answer as a brief: why it has its status, then
the arguments for and against it, down to the facts and claims with their quotes)"},
           {".whynot GOAL", "explain a missing or rejected answer"},
           {".assume STATEMENT", R"(what if: add facts, rules, claims or priorities as a
hypothesis (never stored) and show what changed)"},
           {".assume off LABEL", "what if the rule LABEL did not apply"},
           {".assume", "list the assumptions in force"},
           {".forget", "drop every assumption"},
       }},
      {"Settings",
       "",
       {
           {".format [table|csv|json]", "show or set the output format"},
           {".timeout [SECONDS|off]", "show or set the time limit of each evaluation"},
           {".timer on|off", "print the time each command took (on standard error)"},
           {".stats on|off", R"(after each question, say what it cost, as writ run --stats does
(on standard error))"},
           {".echo on|off", "print each line before running it"},
           {".bail on|off", "stop a script (a pipe, .read) at its first error"},
           {".pager on|off", "show long output through $PAGER at a terminal (default: on)"},
       }},
      {"Output and scripts",
       "",
       {
           {".output [FILE]", "write results to FILE from now on; with no FILE, to the screen again"},
           {".once FILE", "write the next command's results to FILE"},
           {".read FILE", "run the statements and commands of FILE as if typed"},
       }},
      {"Session",
       "",
       {
           {".help", "show this text"},
           {".quit  .exit", R"(leave (Ctrl-D also); with statements typed into memory and not
saved, the first .quit says so)"},
       }},
  };
  return sections;
}

}  // namespace writ::cli
