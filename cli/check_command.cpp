// writ check: load into a throw-away knowledge base (over the store, read-only, with --db)
// and report, answering nothing; with --db and no file, check the store itself.
#include <cstdio>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

ExitStatus check_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ: error", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  if (options.files.empty()) {
    // `writ check --db STORE`: the store itself, every page and every fact (a question
    // reads only the tables it needs, so damage elsewhere would wait for one that does).
    const auto verified = kb.verify_store();
    print_diagnostics(kb, verified.diagnostics);
    if (verified.outcome == kb::Outcome::Ok)
      std::fprintf(stderr, "writ: store '%s' is whole: %zu facts read\n", options.db->c_str(), verified.facts);
    return status_of(verified.outcome);
  }
  const kb::LoadResult loaded = kb.load_files(options.files);
  print_diagnostics(kb, loaded.diagnostics);
  return status_of(loaded.outcome);
}

}  // namespace writ::cli
