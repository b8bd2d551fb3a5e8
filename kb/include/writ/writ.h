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
** used from different threads at the same time. One writ_kb must be used by one thread at
** a time (serialise the calls yourself), except writ_cancel(), which may be called from any
** thread or from a signal handler. A writ_result is immutable: once returned it may be read
** from any number of threads at once, and it stays valid after its writ_kb is closed.
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
**   WRIT_ERROR_LIMIT      a limit set with writ_set_timeout or writ_set_max_facts ended
**                         the evaluation.
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
** with writ_close().
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
** writ_errmsg and writ_diagnostic_*. Results from writ_query are not affected: free them
** with writ_result_free, before or after. writ_close(NULL) does nothing. Returns WRIT_OK.
** Must not race with any other call on the same handle (writ_cancel included).
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
** store), WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE (kb or text NULL), or WRIT_ERROR.
*/
WRIT_API int writ_load_text(writ_kb* kb, const char* name, const char* text);

/*
** Reads the file at `path` and loads it as writ_load_text does, with the path as its name
** in messages. A file that cannot be read is WRIT_ERROR_INPUT ("cannot open 'PATH': ...").
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
** WRIT_ERROR_MISUSE (kb or text NULL) or WRIT_ERROR.
*/
WRIT_API int writ_retract_text(writ_kb* kb, const char* name, const char* text, uint64_t* removed);

/*
** Limits on each evaluation. writ_set_timeout: at most `milliseconds` per call of
** writ_query (0 or less: no limit). writ_set_max_facts: at most `max_facts` facts, stated
** and derived, in all relations (0: no limit). A call that hits a limit returns
** WRIT_ERROR_LIMIT; the knowledge base stays usable (raise the limit and ask again).
** Both return WRIT_OK, or WRIT_ERROR_MISUSE when kb is NULL.
*/
WRIT_API int writ_set_timeout(writ_kb* kb, int64_t milliseconds);
WRIT_API int writ_set_max_facts(writ_kb* kb, uint64_t max_facts);

/*
** Asks the running evaluation of `kb` to stop; that call returns WRIT_ERROR_CANCELLED.
** If nothing is running, this does nothing: the request is forgotten when the next call
** starts. The only function that may be called from another thread, or from a signal
** handler (it is async-signal-safe), while a call on `kb` runs. NULL is ignored.
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
** last call had nothing to report. The string is owned by `kb` and stays valid until the
** next call on `kb` (other than writ_errmsg, writ_errcode and writ_diagnostic_*) or
** writ_close. writ_errmsg(NULL) returns a static message. Never returns NULL.
*/
WRIT_API const char* writ_errmsg(writ_kb* kb);

/*
** The status code the last call on `kb` returned. WRIT_ERROR_MISUSE when kb is NULL.
*/
WRIT_API int writ_errcode(writ_kb* kb);

/*
** The diagnostics of the last call one by one, for tools that show them in place (an
** editor). `index` counts from 0 to writ_diagnostic_count(kb) - 1; notes attached to a
** diagnostic appear only in writ_errmsg. Lifetime as writ_errmsg.
**
**   writ_diagnostic_severity  WRIT_SEVERITY_ERROR, _WARNING or _NOTE; 0 when out of range.
**   writ_diagnostic_message   the message alone, without place or severity.
**   writ_diagnostic_source    the name of the text (file path, load name, "<query>"), or
**                             NULL when the diagnostic has no place (or out of range).
**   writ_diagnostic_line      1-based; 0 when there is no place.
**   writ_diagnostic_column    1-based, in bytes; 0 when there is no place.
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
** order (integers < symbols < strings; integers numerically, texts by bytes). A goal
** without variables has no columns and one empty row when it holds, none when not.
** Asking about a predicate nothing defines is not an error: there are no rows, and
** writ_errmsg carries a warning.
**
** Returns WRIT_OK, WRIT_ERROR_INPUT, WRIT_ERROR_LIMIT, WRIT_ERROR_CANCELLED,
** WRIT_ERROR_NOMEM, WRIT_ERROR_MISUSE (kb, goal or out NULL) or WRIT_ERROR.
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
** The type of the value at (row, col): WRIT_INTEGER, WRIT_SYMBOL or WRIT_STRING; 0 when
** result is NULL or row or col is out of range.
*/
#define WRIT_INTEGER 1
#define WRIT_SYMBOL 2
#define WRIT_STRING 3
WRIT_API int writ_value_type(const writ_result* result, size_t row, size_t col);

/* The integer at (row, col); 0 when the value is not an integer or is out of range. */
WRIT_API int64_t writ_value_int64(const writ_result* result, size_t row, size_t col);

/*
** The value at (row, col) as text: a symbol's name (`alice`), a string's contents without
** quotes or escapes, or an integer in decimal ("-42"). NUL-terminated; a string may also
** contain NUL bytes, so use writ_value_bytes for its length. Owned by the result and valid
** until writ_result_free. NULL when out of range. writ_value_bytes returns the length in
** bytes without the final NUL (0 when out of range).
*/
WRIT_API const char* writ_value_text(const writ_result* result, size_t row, size_t col);
WRIT_API size_t writ_value_bytes(const writ_result* result, size_t row, size_t col);

/* ------------------------------------------------------------------------------------ */
/* Explanations                                                                         */
/* ------------------------------------------------------------------------------------ */

/*
** Explains each answer of `goal` (written as after `?-`): a JSON array with one tree per
** answer, each node {"kind": "conclusion"|"argument"|"assumption", "role": "for"|"against",
** "literal", "status", "label", "what", "text", "place", "source", "quote", "outcome",
** "stands", "children": [...]} (fields absent when empty; see docs/language.md). Stored in
** *json_out, which the caller frees with writ_free(); NULL on error.
**
** Returns WRIT_OK; WRIT_ERROR_INPUT for a goal with errors (writ_errmsg says which);
** WRIT_ERROR_LIMIT / WRIT_ERROR_CANCELLED; WRIT_ERROR_MISUSE when kb, goal or json_out is
** NULL.
*/
WRIT_API int writ_explain(writ_kb* kb, const char* goal, char** json_out);

/* Frees memory that a function documented as "free with writ_free()" returned. NULL ok. */
WRIT_API void writ_free(void* p);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WRIT_H */
