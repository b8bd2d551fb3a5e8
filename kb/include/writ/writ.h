/*
** writ.h — the C interface of writ, a knowledge base with a Datalog-like language.
**
** This header is the specification of the C API: each function's comment says what it
** does, who owns each pointer, which status codes it returns and whether it may be called
** from several threads. docs/embedding.md has complete examples.
**
** A session:
**
**   writ_kb* kb = NULL;
**   if (writ_open(NULL, &kb) != WRIT_OK) { ... }          -- in memory
**   if (writ_load_text(kb, "graph", "edge(1,2). edge(2,3).\n"
**                      "path(X,Y) :- edge(X,Y).\n"
**                      "path(X,Z) :- path(X,Y), edge(Y,Z).\n") != WRIT_OK)
**     fprintf(stderr, "%s", writ_errmsg(kb));            -- FILE:LINE:COL: error: ...
**   writ_result* r = NULL;
**   if (writ_query(kb, "path(1, X)", &r) == WRIT_OK) {
**     for (size_t i = 0; i < writ_result_row_count(r); ++i)
**       printf("%lld\n", (long long)writ_value_int64(r, i, 0));
**     writ_result_free(r);
**   }
**   writ_close(kb);
**
** Conventions that hold for every function below:
**   - Functions that can fail return a status code (WRIT_OK or a WRIT_ERROR_* code) and
**     hand results back through out-parameters. They never abort the process, never print,
**     and no C++ exception ever crosses this interface.
**   - After a failed call, writ_errmsg(kb) explains it. Errors in the user's text carry
**     their place: "NAME:LINE:COL: error: MESSAGE" followed by the source line and a caret.
**   - Strings passed in are NUL-terminated UTF-8 and are copied: the caller keeps
**     ownership and may free them as soon as the call returns.
**   - Strings handed out are owned by writ; each function says how long they stay valid.
**     Never free them, except those documented as "free with writ_free()".
**   - A NULL handle or a NULL required pointer is a programming error, reported as
**     WRIT_ERROR_MISUSE (never a crash).
**
** Threads: writ has no global state. Different writ_kb handles are independent and may be
** used from different threads at the same time. One writ_kb may also be used from many
** threads at once; each function below says which kind of call it is:
**   - readers (writ_query, writ_explain, writ_why_not, writ_assumptions, writ_predicates,
**     writ_rule_texts, writ_transactions, writ_verify_store) run at the same time as each other. Parsing and
**     checking run in parallel; evaluating and answering take turns, and the evaluation
**     is done once per state of the knowledge base, by the first reader that needs it.
**   - writers (writ_load_text, writ_load_file, writ_import_csv, writ_retract_text,
**     writ_materialize, writ_assume, writ_assume_off, writ_forget, writ_set_timeout,
**     writ_set_max_facts, writ_set_max_memory) run alone: a
**     writer waits for the readers in progress, and readers that start later wait for it.
**     So every reader sees the knowledge base as it was before or after each write, never
**     half-way through one.
**   - writ_cancel may be called at any time, from any thread or a signal handler.
**   - writ_close must not race with any other call on the same handle.
** The status and messages of a call (writ_errcode, writ_errmsg, writ_diagnostic_*) are
** kept per thread: they are about the last call on the kb *made by the calling thread*,
** whatever other threads do meanwhile. A writ_result is immutable: once returned it may be
** read from any number of threads at once, and it stays valid after its writ_kb is closed.
** A string from writ_explain or writ_why_not belongs to the caller.
*/
#ifndef WRIT_H
#define WRIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
** WRIT_API marks the functions exported from the shared library. The shared library is
** built with hidden visibility, so these functions are all it exports. Define WRIT_STATIC
** when linking the static library on Windows.
*/
#if defined(_WIN32) && !defined(WRIT_STATIC)
#  if defined(WRIT_BUILDING_SHARED)
#    define WRIT_API __declspec(dllexport)
#  else
#    define WRIT_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define WRIT_API __attribute__((visibility("default")))
#else
#  define WRIT_API
#endif

/*
** Version. WRIT_VERSION is the version of this header as "MAJOR.MINOR.PATCH";
** WRIT_VERSION_NUMBER is MAJOR*1000000 + MINOR*1000 + PATCH. writ_version() and
** writ_version_number() give the version of the library actually linked, which may differ
** from the header's when a shared library is replaced. The returned string is static.
** Thread-safe.
*/
#define WRIT_VERSION "0.1.0"
#define WRIT_VERSION_NUMBER 1000
WRIT_API const char* writ_version(void);
WRIT_API int writ_version_number(void);

/*
** Status codes, returned by every function that can fail.
**
**   WRIT_OK               success.
**   WRIT_ERROR            an error that is not one of the below: an internal error, or a
**                         feature this build does not have yet (see writ_errmsg).
**   WRIT_ERROR_INPUT      the text has errors (syntax, safety, stratification, an
**                         unreadable file...); writ_errmsg has each with its place.
**   WRIT_ERROR_LIMIT      a limit set with writ_set_timeout, writ_set_max_facts or
**                         writ_set_max_memory (or its default) ended the evaluation.
**   WRIT_ERROR_CANCELLED  writ_cancel() ended the evaluation.
**   WRIT_ERROR_MISUSE     the API was used wrongly: a NULL handle or pointer, or a handle
**                         whose writ_open failed.
**   WRIT_ERROR_NOMEM      memory ran out. The handle stays usable.
**   WRIT_ERROR_STORE      writ_open could not open the store file: not a writ store,
**                         damaged, written by a newer writ, busy or unreadable.
*/
#define WRIT_OK 0
#define WRIT_ERROR 1
#define WRIT_ERROR_INPUT 2
#define WRIT_ERROR_LIMIT 3
#define WRIT_ERROR_CANCELLED 4
#define WRIT_ERROR_MISUSE 5
#define WRIT_ERROR_NOMEM 6
#define WRIT_ERROR_STORE 7

/*
** The English name of a status code ("ok", "input error", ...), for logs. The string is
** static. An unknown code gives "unknown status". Thread-safe.
*/
WRIT_API const char* writ_errstr(int status);

/* ------------------------------------------------------------------------------------ */
/* Knowledge bases                                                                      */
/* ------------------------------------------------------------------------------------ */

/* A knowledge base: the statements loaded so far and their evaluation. Opaque. */
typedef struct writ_kb writ_kb;

/*
** Opens a knowledge base and stores its handle in *out.
**
** path: NULL or ":memory:" opens an empty knowledge base held in memory. Any other path
** names a store: a SQLite file that keeps what is loaded across runs (docs/store.md). The
** file is created when it does not exist; its statements are loaded. While a store is open
** for writing, each successful writ_load_* or writ_retract_text is one transaction of it,
** written before the call returns.
**
** As with sqlite3_open, *out receives a handle even when the open fails (except on
** WRIT_ERROR_NOMEM, where *out is NULL), so that writ_errmsg(*out) can say why; such a
** handle accepts only writ_errmsg, writ_errcode, the writ_diagnostic_* functions and
** writ_close (other calls give WRIT_ERROR_MISUSE). Every non-NULL handle must be closed
** with writ_close(). writ_open counts as a call of the thread that made it (writ_errmsg
** from that thread says why it failed).
**
** Returns WRIT_OK, WRIT_ERROR_STORE (the file is not a writ store, is damaged, was written
** by a newer writ, is busy or unreadable; the file is left untouched), WRIT_ERROR_NOMEM,
** WRIT_ERROR, or WRIT_ERROR_MISUSE when out is NULL.
*/
WRIT_API int writ_open(const char* path, writ_kb** out);

/*
** writ_open with options. flags: 0, or WRIT_OPEN_READONLY to answer from the store without
** changing it (loads then add to memory only; writ_retract_text is refused). as_of: a
** transaction number N >= 0 opens the store as it stood after transaction N (0 is the
** empty store; implies WRIT_OPEN_READONLY); a negative as_of means the latest. For an
** in-memory knowledge base (path NULL or ":memory:") flags must be 0 and as_of negative,
** else WRIT_ERROR_MISUSE. Otherwise as writ_open.
*/
#define WRIT_OPEN_READONLY 0x1
WRIT_API int writ_open_v2(const char* path, int flags, int64_t as_of, writ_kb** out);

/*
** Closes a knowledge base and frees everything it owns, including the strings returned by
** writ_errmsg and writ_diagnostic_* to every thread. Results (writ_result) and JSON strings
** are not affected: free them with writ_result_free / writ_free, before or after.
** writ_close(NULL) does nothing. Returns WRIT_OK. Must not race with any other call on the
** same handle (writ_cancel included): join the other threads first.
*/
WRIT_API int writ_close(writ_kb* kb);

/*
** Loads statements (facts, rules) from the NUL-terminated UTF-8 `text`. `name` names the
** text in messages ("NAME:LINE:COL: error: ..."); NULL means "<text>".
**
** The text is checked together with everything loaded before. All or nothing: if the text
** has any error, nothing of it is added, the knowledge base is as before, and the call
** returns WRIT_ERROR_INPUT with every error in writ_errmsg. Warnings do not fail the call
** but are also in writ_errmsg. Queries written in the text (`?- goal.`) are checked but
** not answered; ask them with writ_query.
**
** With a store open for writing, the text and its statements are written in one
** transaction before the call returns; if that fails (disk full, busy store) nothing is
** added and the call returns WRIT_ERROR_INPUT with the store's reason.
**
** Returns WRIT_OK, WRIT_ERROR_INPUT, WRIT_ERROR_CANCELLED (writ_cancel while writing the
** store), WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE (kb or text NULL), or WRIT_ERROR. A writer.
*/
WRIT_API int writ_load_text(writ_kb* kb, const char* name, const char* text);

/*
** Reads the file at `path` and loads it as writ_load_text does, with the path as its name
** in messages. A file that cannot be opened or read to its end is WRIT_ERROR_INPUT and adds
** nothing: "cannot open 'PATH': REASON", "cannot read 'PATH': REASON" (a read error is never
** taken for the end of the file; a directory or a device with no end is refused).
** A writer.
*/
WRIT_API int writ_load_file(writ_kb* kb, const char* path);

/*
** Removes the facts and rules written in `text` (e.g. "edge(1, 2). p(X) :- q(X)."). A fact
** matches loaded facts with the same values; a rule matches rules with the same text up
** to blanks. All or nothing: a statement that matches nothing is an error
** (WRIT_ERROR_INPUT) and nothing is removed. `name` names the text in messages; NULL means
** "<retract>". With a store open for writing, the removal is one transaction. On WRIT_OK,
** *removed (when not NULL) receives the number of statements removed (identical copies of
** a fact count each).
**
** Returns WRIT_OK, WRIT_ERROR_INPUT (also for a store opened read-only or one that could
** not be written; the message says why), WRIT_ERROR_CANCELLED, WRIT_ERROR_NOMEM,
** WRIT_ERROR_MISUSE (kb or text NULL) or WRIT_ERROR. A writer.
*/
WRIT_API int writ_retract_text(writ_kb* kb, const char* name, const char* text, uint64_t* removed);

/*
** Adds each row of the CSV or TSV file at `path` as a fact `predicate(v1, ..., vn)`, like a
** load: checked, all or nothing, one transaction in a store. Columns are typed as a whole:
** integer when every value is an integer, else date, duration or money when every value
** is one as writ writes it (2026-03-01, 30d, $1_234.50), else symbol when every value is
** written as a symbol, else string (docs/store.md, "Importing CSV"). `flags` is 0 or a
** combination of:
**   WRIT_IMPORT_HEADER     the first row names the columns
**   WRIT_IMPORT_NO_HEADER  every row is data (neither: decided from the rows)
**   WRIT_IMPORT_TABS       fields are separated by tabs (default: tabs for a file
**                          ending in .tsv or .tab, else commas)
** On WRIT_OK, *rows (when not NULL) receives the number of facts added.
**
** Returns WRIT_OK, WRIT_ERROR_INPUT (a bad row, an unreadable file, a predicate name that
** is not one, a store that could not be written), WRIT_ERROR_CANCELLED, WRIT_ERROR_NOMEM,
** WRIT_ERROR_MISUSE (kb, path or predicate NULL; both header flags) or WRIT_ERROR. A writer.
*/
#define WRIT_IMPORT_HEADER 0x1
#define WRIT_IMPORT_NO_HEADER 0x2
#define WRIT_IMPORT_TABS 0x4
WRIT_API int writ_import_csv(writ_kb* kb, const char* path, const char* predicate, int flags, uint64_t* rows);

/*
** Writes the relation of `predicate` ("name" for every arity, or "name/N") into a plain
** table of the open store, for other SQLite tools: named after the predicate, columns
** a1..an plus `status` when answers carry one, listed in the view `materialized`
** (docs/store.md, "Materialized relations").
**
** Returns WRIT_OK, WRIT_ERROR_INPUT (no store, or one opened read-only; no such
** predicate; assumptions in force), WRIT_ERROR_LIMIT, WRIT_ERROR_CANCELLED,
** WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE (kb or predicate NULL) or WRIT_ERROR. A writer.
*/
WRIT_API int writ_materialize(writ_kb* kb, const char* predicate);

/*
** Reads the whole open store to find damage that questions have not met yet (a question
** reads only the fact tables it needs): SQLite's quick_check over every page, then every
** row of every table (values of a kind writ has, arities as the catalogue says,
** transaction numbers in the log; writ_diagnostic_* name each row rejected). On WRIT_OK, `*facts` (if not NULL) is the number of stored facts read.
**
** Returns WRIT_OK, WRIT_ERROR_INPUT (no store is open; the store is damaged, and
** writ_errmsg says how), WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE (kb NULL) or WRIT_ERROR.
** A reader.
*/
WRIT_API int writ_verify_store(writ_kb* kb, uint64_t* facts);

/*
** Limits on each evaluation. writ_set_timeout: at most `milliseconds` per call of
** writ_query (0 or less: no limit). writ_set_max_facts: at most `max_facts` facts, stated
** and derived, in all relations (0: no limit). A call that hits a limit returns
** WRIT_ERROR_LIMIT; the knowledge base stays usable (raise the limit and ask again).
** Both return WRIT_OK, or WRIT_ERROR_MISUSE when kb is NULL. Writers.
*/
WRIT_API int writ_set_timeout(writ_kb* kb, int64_t milliseconds);
WRIT_API int writ_set_max_facts(writ_kb* kb, uint64_t max_facts);

/*
** The memory an evaluation may hold, in bytes: its relations and their indexes, the sets
** its aggregates gather and the values it interns. An evaluation that exceeds it stops,
** and the call returns WRIT_ERROR_LIMIT with writ_errmsg saying "memory limit of N
** exceeded"; the knowledge base stays usable. 0 restores the default, half the
** machine's physical memory (so that an evaluation stops with an error before the system
** runs out of memory and kills the process). Not applied to a PostgreSQL schema.
** Returns WRIT_OK, or WRIT_ERROR_MISUSE when kb is NULL. A writer.
*/
WRIT_API int writ_set_max_memory(writ_kb* kb, uint64_t max_bytes);

/*
** Asks every call in progress on `kb` to stop; each returns WRIT_ERROR_CANCELLED (a call
** already past its evaluation, e.g. copying answers out, ends normally). While a cancelled
** call is still in progress, calls that start are cancelled too; the request is forgotten
** when a call starts while no other call on `kb` is in progress (so a writ_cancel when
** nothing runs does nothing). May be called at any time, from any thread, or from a signal
** handler (it is async-signal-safe). NULL is ignored.
*/
WRIT_API void writ_cancel(writ_kb* kb);

/*
** The rendered diagnostics (errors and warnings) of the last call on `kb`, in the format
** of the `writ` command:
**
**   NAME:LINE:COL: error: MESSAGE
**    LINE | the source line
**         |     ^~~~
**
** Errors without a place in a text start with "writ: error: ". The empty string when the
** last call had nothing to report. "The last call" is the calling thread's: each thread
** has its own (see Threads above), and a thread that has made no call gets "". The string
** is owned by `kb` and stays valid until the calling thread's next call on `kb` (other
** than writ_errmsg, writ_errcode and writ_diagnostic_*) or writ_close; calls of other
** threads leave it alone. writ_errmsg(NULL) returns a static message. Never returns NULL.
*/
WRIT_API const char* writ_errmsg(writ_kb* kb);

/*
** The status code the calling thread's last call on `kb` returned (WRIT_OK when it has
** made none). WRIT_ERROR_MISUSE when kb is NULL.
*/
WRIT_API int writ_errcode(writ_kb* kb);

/*
** The diagnostics of the calling thread's last call one by one, for tools that show them
** in place (an editor). `index` counts from 0 to writ_diagnostic_count(kb) - 1; notes
** attached to a diagnostic appear only in writ_errmsg. Lifetime as writ_errmsg.
**
**   writ_diagnostic_severity  WRIT_SEVERITY_ERROR, _WARNING or _NOTE; 0 when out of range.
**   writ_diagnostic_message   the message alone, without place or severity.
**   writ_diagnostic_source    the name of the text (file path, load name, "<query>"), or
**                             NULL when the diagnostic has no place (or out of range).
**   writ_diagnostic_line      1-based; 0 when there is no place.
**   writ_diagnostic_column    1-based, in characters; 0 when there is no place.
**
** All return 0 or NULL when kb is NULL or index is out of range.
*/
#define WRIT_SEVERITY_ERROR 1
#define WRIT_SEVERITY_WARNING 2
#define WRIT_SEVERITY_NOTE 3
WRIT_API size_t writ_diagnostic_count(writ_kb* kb);
WRIT_API int writ_diagnostic_severity(writ_kb* kb, size_t index);
WRIT_API const char* writ_diagnostic_message(writ_kb* kb, size_t index);
WRIT_API const char* writ_diagnostic_source(writ_kb* kb, size_t index);
WRIT_API uint32_t writ_diagnostic_line(writ_kb* kb, size_t index);
WRIT_API uint32_t writ_diagnostic_column(writ_kb* kb, size_t index);

/*
** 1 when `text` ends a statement, 0 when more input is needed (an open string, comment or
** bracket, or no final `.` or `?`), like sqlite3_complete; for a REPL's continuation
** lines. Blank text is complete. NULL gives 1. Thread-safe.
*/
WRIT_API int writ_is_complete(const char* text);

/* ------------------------------------------------------------------------------------ */
/* Queries and their answers                                                            */
/* ------------------------------------------------------------------------------------ */

/* The answers to one query: a table of typed values. Opaque and immutable. */
typedef struct writ_result writ_result;

/*
** Answers `goal`, written as after `?-` (the final `.` or `?` is optional), e.g.
** "path(1, X)" or "path(X, Y), X < Y". On WRIT_OK, *out holds the answers; free them
** with writ_result_free(). On any error *out is NULL and writ_errmsg says why; errors in
** the goal are reported with the name "<query>".
**
** The columns are the goal's named variables in order of first appearance (`_` and
** variables starting with `_` are not columns). The rows are distinct and sorted by value
** order (integers < symbols < strings < dates < durations < money; integers numerically,
** texts by bytes, dates chronologically, durations and money by unit, then amount). A goal
** without variables has no columns and one empty row when it holds, none when not.
** Asking about a predicate nothing defines is not an error: there are no rows, and
** writ_errmsg carries a warning.
**
** When the knowledge base has arguments (defeasible rules, defeaters, claims or priorities),
** each row also has its status: see writ_row_status.
**
** Returns WRIT_OK, WRIT_ERROR_INPUT, WRIT_ERROR_LIMIT, WRIT_ERROR_CANCELLED,
** WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE (kb, goal or out NULL) or WRIT_ERROR. A reader.
*/
WRIT_API int writ_query(writ_kb* kb, const char* goal, writ_result** out);

/* Frees a result and every string it handed out. NULL does nothing. */
WRIT_API void writ_result_free(writ_result* result);

/*
** The shape of a result. writ_result_column_name returns the variable's name (e.g. "X"),
** owned by the result and valid until writ_result_free, or NULL when col is out of range.
** Counts are 0 for a NULL result.
*/
WRIT_API size_t writ_result_column_count(const writ_result* result);
WRIT_API const char* writ_result_column_name(const writ_result* result, size_t col);
WRIT_API size_t writ_result_row_count(const writ_result* result);

/*
** The type of the value at (row, col); 0 when result is NULL or row or col is out of range.
** (docs/language.md, "Values"):
**
**   WRIT_INTEGER   a 64-bit signed integer
**   WRIT_SYMBOL    a symbol (`microsoft`)
**   WRIT_STRING    a string (`"the spirit if not the letter"`)
**   WRIT_DATE      a calendar date (`2026-03-01`), years 1 to 9999
**   WRIT_DURATION  a duration in days (`30d`, `2w`) or in months (`6mo`, `1y6mo`)
**   WRIT_MONEY     an amount of money in one currency (`$50_000_000_000`, `CHF 12.50`)
**
** Values order by type in this order, then within a type (see writ_query).
*/
#define WRIT_INTEGER 1
#define WRIT_SYMBOL 2
#define WRIT_STRING 3
#define WRIT_DATE 4
#define WRIT_DURATION 5
#define WRIT_MONEY 6
WRIT_API int writ_value_type(const writ_result* result, size_t row, size_t col);

/*
** The number at (row, col): an integer's value; for a date, the days since 1970-01-01
** (negative before it); for a duration, its length in its unit (days or months, see
** writ_value_unit: `1y6mo` is 18); for money, the amount in the currency's minor unit
** (`$12.50` is 1250; see writ_currency_decimals). 0 for a symbol, a string, or out of range.
*/
WRIT_API int64_t writ_value_int64(const writ_result* result, size_t row, size_t col);

/*
** The unit of the duration or money at (row, col): "d" (days) or "mo" (months) for a
** duration, the ISO 4217 code ("USD") for money. NULL for other types or out of range.
** Owned by the result and valid until writ_result_free.
*/
WRIT_API const char* writ_value_unit(const writ_result* result, size_t row, size_t col);

/*
** When the value at (row, col) is a date, stores its year (1-9999), month (1-12) and day
** (1-31) through the pointers that are not NULL and returns 1; otherwise returns 0 and
** stores nothing.
*/
WRIT_API int writ_value_date(const writ_result* result, size_t row, size_t col, int* year, int* month, int* day);

/*
** The number of decimals of a currency's minor unit (2 for "USD", 0 for "JPY", 3 for
** "KWD"), or -1 when `code` is NULL or not an ISO 4217 code writ knows. Thread-safe.
*/
WRIT_API int writ_currency_decimals(const char* code);

/*
** The value at (row, col) as text: a symbol's name (`alice`), a string's contents without
** quotes or escapes, an integer in decimal ("-42"), or a date, duration or amount of money
** as the language writes it ("2026-03-01", "1y6mo", "$50_000_000_000", "-CHF 12.50").
** NUL-terminated; a string may also contain NUL bytes, so use writ_value_bytes for its
** length. Owned by the result and valid until writ_result_free. NULL when out of range.
** writ_value_bytes returns the length in bytes without the final NUL (0 when out of range).
*/
WRIT_API const char* writ_value_text(const writ_result* result, size_t row, size_t col);
WRIT_API size_t writ_value_bytes(const writ_result* result, size_t row, size_t col);

/*
** How sure an answer is (docs/language.md, "Arguments"). A greater value is a stronger
** status, so `writ_row_status(r, i) >= WRIT_ACCEPTED` means "holds".
**
**   WRIT_REJECTED     every argument for it is defeated.
**   WRIT_CONTESTED    arguments both ways, neither defeated.
**   WRIT_ACCEPTED     holds defeasibly: every counter-argument is defeated.
**   WRIT_ESTABLISHED  follows by strict rules from facts alone.
**
** writ_result_has_status: 1 when the rows of `result` carry a status (it answers a query on
** a knowledge base with arguments), 0 otherwise (a purely strict program, where every answer
** simply holds; a listing; NULL). writ_row_status: the status of `row`, or 0 when the result
** has none or row is out of range. writ_row_status_name: "rejected", "contested",
** "accepted" or "established" (static strings, as the `writ` command prints them); NULL for
** any other value. All three are thread-safe.
*/
#define WRIT_REJECTED 1
#define WRIT_CONTESTED 2
#define WRIT_ACCEPTED 3
#define WRIT_ESTABLISHED 4
WRIT_API int writ_result_has_status(const writ_result* result);
WRIT_API int writ_row_status(const writ_result* result, size_t row);
WRIT_API const char* writ_row_status_name(int status);

/* ------------------------------------------------------------------------------------ */
/* Explanations                                                                         */
/* ------------------------------------------------------------------------------------ */

/*
** Explains the answers of `goal` (written as after `?-`; its modality applies): the argument
** map as one JSON object, every literal and argument once (docs/language.md, "Argument
** maps", is the reference):
**   {"goal", "perspective": null or the party, "assumptions": [what-if statements],
**    "columns": [...], "answers": [{"values", "columns", "status", "node"}],
**    "nodes": [{"id": "n1"|"a1"|..., "kind": "literal"|"argument"|"goal", "label", "text",
**               "status", "depth"; an argument also "rule", "rule_kind" ("strict",
**               "defeasible", "defeater", "fact", "claim", "assumption"), "claimant",
**               "statement", "place", "citations": [{"source", "source_kind", "quote"}]}],
**    "edges": [{"from", "to", "kind": "premise"|"concludes"|"rebuts"|"undercuts"|"beats"|
**               "negates"}],
**    "legend": {"established": "#rrggbb", "accepted": ..., "contested": ..., "rejected": ...}}
** Stored in *json_out, which the caller frees with writ_free(); NULL on error.
**
** Returns WRIT_OK; WRIT_ERROR_INPUT for a goal with errors (writ_errmsg says which);
** WRIT_ERROR_LIMIT / WRIT_ERROR_CANCELLED; WRIT_ERROR_NOMEM; WRIT_ERROR_MISUSE when kb,
** goal or json_out is NULL. A reader.
*/
WRIT_API int writ_explain(writ_kb* kb, const char* goal, char** json_out);

/*
** Why `goal` does not hold firmly, whatever its modality, as a JSON array of trees, each
** node {"kind": "conclusion"|"argument"|"assumption"|"condition", "role": "for"|"against",
** "literal", "sentence", "status", "label", "what", "text", "place", "source", "quote",
** "outcome", "stands", "applies", "children": [...]} (fields absent when empty): each rejected or contested answer with every argument that
** does not stand and why (a premise rejected or contested, or the argument that defeats
** it); for a goal without any answer, one tree rooted at the goal (its "literal" the goal
** as written, without a final `.` or `?`) with each rule that could conclude it and the
** first premise that fails ("applies": false), followed to a bounded depth; a goal that no
** fact or rule concludes has no children. The C++ KnowledgeBase::why_not is the reference.
** *json_out is freed with writ_free(); NULL on error. Returns as writ_explain. A reader.
*/
WRIT_API int writ_why_not(writ_kb* kb, const char* goal, char** json_out);

/* Frees memory that a function documented as "free with writ_free()" returned. NULL ok. */
WRIT_API void writ_free(void* p);

/* ------------------------------------------------------------------------------------ */
/* Assumptions (what-if)                                                                */
/* ------------------------------------------------------------------------------------ */

/*
** Assumes the facts, rules, claims or priorities written in `text` as a hypothesis: queries
** and explanations then hold under it. Nothing assumed is ever stored. Checked together
** with everything loaded and assumed, all or nothing, like writ_load_text; a query, a
** source or a template in `text` is an error. `name` names the text in messages; NULL
** means "<assume>". Returns WRIT_OK, WRIT_ERROR_INPUT, WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE
** (kb or text NULL) or WRIT_ERROR. A writer.
*/
WRIT_API int writ_assume(writ_kb* kb, const char* name, const char* text);

/*
** Switches off the rules labelled `label` (`label: head :- body.`) as an assumption.
** WRIT_ERROR_INPUT when no rule has that label ("no rule is labelled 'LABEL'");
** WRIT_ERROR_MISUSE when kb or label is NULL. A writer.
*/
WRIT_API int writ_assume_off(writ_kb* kb, const char* label);

/* Drops every assumption. Returns WRIT_OK, or WRIT_ERROR_MISUSE when kb is NULL. A writer. */
WRIT_API int writ_forget(writ_kb* kb);

/* ------------------------------------------------------------------------------------ */
/* Listings                                                                             */
/* ------------------------------------------------------------------------------------ */

/*
** Each of these hands back a table as a writ_result (read it with the functions above; free
** it with writ_result_free; it has no statuses). Texts are WRIT_STRING values, numbers
** WRIT_INTEGER. On error *out is NULL. Each returns WRIT_OK or WRIT_ERROR_MISUSE (kb or out
** NULL), WRIT_ERROR_NOMEM, WRIT_ERROR; writ_transactions also WRIT_ERROR_INPUT when the
** store cannot be read. All are readers.
**
** writ_assumptions   column "assumption": the assumptions in force, as written: assumed
**                    facts, rules and claims in the order assumed, then priorities, then
**                    each label switched off as "off LABEL", sorted.
** writ_predicates    columns "name", "arity", "facts", "rules": every predicate that a
**                    loaded fact or rule concludes (assumptions not included), sorted by
**                    name, then arity; "facts" counts stated facts, "rules" the rules.
** writ_rule_texts    column "text": the text of each loaded rule and fact whose head is
**                    `predicate` (any arity), or of every one when predicate is NULL or "",
**                    in the order loaded.
** writ_transactions  columns "number", "time", "description", "added", "removed": the
**                    store's transactions, oldest first (none in memory). "number" is what
**                    writ_open_v2's as_of takes; "time" is UTC, ISO 8601 with milliseconds
**                    ("2024-05-01T09:30:00.123Z"); "description" says what it did ("load
**                    NAME", "retract edge(1, 2)."); "added" and "removed" count statements.
*/
WRIT_API int writ_assumptions(writ_kb* kb, writ_result** out);
WRIT_API int writ_predicates(writ_kb* kb, writ_result** out);
WRIT_API int writ_rule_texts(writ_kb* kb, const char* predicate, writ_result** out);
WRIT_API int writ_transactions(writ_kb* kb, writ_result** out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WRIT_H */
