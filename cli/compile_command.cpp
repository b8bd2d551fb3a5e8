// writ compile --sql FILES: the files (over the store, read-only, with --db) as one
// self-contained PostgreSQL script on standard output (docs/scale-out.md).
#include <iostream>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

ExitStatus compile_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  const kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) return status_of(loaded.outcome);
  kb::SqlOptions how;
  how.schema = options.schema;
  how.inputs = options.files;
  const kb::SqlResult compiled = kb.compile_sql(loaded.queries, how);
  print_diagnostics(kb, compiled.diagnostics);
  if (compiled.outcome != kb::Outcome::Ok) return status_of(compiled.outcome);
  std::cout << compiled.script;
  return ExitStatus::Ok;
}

}  // namespace writ::cli
