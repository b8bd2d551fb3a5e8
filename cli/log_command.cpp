// writ log --db FILE: the store's transactions, numbered, oldest first.
#include <iostream>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"
#include "transaction_log.hpp"

namespace writ::cli {

ExitStatus log_command(const Options& options) {
  kb::KnowledgeBase kb;
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  const kb::LogResult log = kb.transactions();
  print_diagnostics(kb, log.diagnostics);
  if (log.outcome != kb::Outcome::Ok) return status_of(log.outcome);
  std::cout << format_transactions(log.transactions, options.format);
  return ExitStatus::Ok;
}

}  // namespace writ::cli
