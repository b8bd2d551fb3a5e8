// Opening the store named by --db for a command, with the command's access.
#pragma once

#include "options.hpp"
#include "statement_ids.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

enum class StoreAccess {
  Read,           // answer from the store, change nothing (run, check, log; any --as-of)
  Write,          // keep what is loaded; a missing file becomes a new store (load, repl)
  WriteExisting,  // change a store that must exist already (retract: a typo must not create one)
};

// Opens options.db, if given, in `kb` (before anything is loaded). On failure prints the
// store's diagnostic to stderr and returns false; the caller exits with status 1.
bool open_store(kb::KnowledgeBase& kb, const Options& options, StoreAccess access);

// Whether `path` names an existing file (a store, or something that is not one).
bool store_exists(const std::string& path);

// Removes the store at `path` (with its -wal and -shm files) if it holds no transaction:
// after a command that created it failed, so that it leaves nothing behind. A store that
// another process wrote to meanwhile is kept.
void remove_empty_store(const std::string& path);

// Statements to retract as the user wrote them: statements as text, or `#N`s (blank- or
// comma-separated), the numbers `.rules` shows (`ids`), each replaced by that statement's
// text. `out` receives the text (and `numbered`, when given, each statement a `#N` named);
// false when a `#N` is malformed or numbers no statement (then `bad`, when given, is it).
bool statement_numbers(const kb::KnowledgeBase& kb, StatementIds& ids, std::string_view written, std::string& out,
                       std::vector<std::string>* numbered = nullptr, std::string* bad = nullptr);

// "1 statement", "2 statements".
std::string count_of(std::uint64_t n, std::string_view noun);

}  // namespace writ::cli
