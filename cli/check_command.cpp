// writ check: load into a throw-away knowledge base (over the store, read-only, with --db)
// and report, answering nothing.
#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

ExitStatus check_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  const kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  return status_of(loaded.outcome);
}

}  // namespace writ::cli
