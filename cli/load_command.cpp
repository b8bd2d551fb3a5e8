// writ load --db FILE: adds the files to the store in one transaction (all or nothing),
// then answers their queries, which are not stored.
#include "commands.hpp"
#include "interrupt.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

std::uint64_t last_transaction(kb::KnowledgeBase& kb) {
  const kb::LogResult log = kb.transactions();
  return log.transactions.empty() ? 0 : log.transactions.back().number;
}

ExitStatus load_into(const Options& options);

}  // namespace

ExitStatus load_command(const Options& options) {
  // Files first: a mistyped file name must not leave a new, empty store behind.
  if (auto message = unreadable_file(options.files)) {
    print_error("writ: error", *message);
    return ExitStatus::InputError;
  }
  const bool creates = options.db && !options.postgres && !store_exists(*options.db);
  const ExitStatus status = load_into(options);
  // Nor must a load that failed or was cancelled (Ctrl-C) into the store it created.
  if (status != ExitStatus::Ok && creates) remove_empty_store(*options.db);
  return status;
}

namespace {

ExitStatus load_into(const Options& options) {
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Write)) return ExitStatus::InputError;
  const std::uint64_t before = last_transaction(kb);

  kb::LoadResult loaded;
  {
    // Ctrl-C during the load cancels it: the kb rolls the transaction back and says so.
    InterruptHandler interrupts(kb, /*interactive=*/false);
    BusyScope busy;
    loaded = kb.load_files(options.files);
  }
  print_diagnostics(kb, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    report_unasked(options, loaded.outcome, diagnostics_json(kb, loaded.diagnostics));
    return status_of(loaded.outcome);
  }

  // The summary goes to stderr with the other messages: stdout holds only answers.
  if (options.postgres) {
    print_error("writ", "loaded into schema '" + options.schema + "'");
    return answer_queries(kb, loaded.queries, {}, options.format);
  }
  const kb::LogResult log = kb.transactions();
  if (!log.transactions.empty() && log.transactions.back().number > before) {
    const kb::TransactionRecord& t = log.transactions.back();
    print_error("writ", "transaction " + std::to_string(t.number) + ": added " + count_of(t.added, "statement") +
                            " to '" + *options.db + "'");
  } else {
    print_error("writ", "nothing added to '" + *options.db + "': the files hold no facts or rules");
  }
  return answer_queries(kb, loaded.queries, {}, options.format, loaded.diagnostics);
}

}  // namespace

}  // namespace writ::cli
