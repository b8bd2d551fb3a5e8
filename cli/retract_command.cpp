// writ retract --db FILE STATEMENT...: removes stored facts and rules, in one transaction.
#include <unistd.h>

#include "writ/input_file.hpp"

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

ExitStatus retract_command(const Options& options) {
  // Each argument is one or more statements; "-" reads them from stdin.
  std::string text;
  bool from_stdin = false;
  for (const auto& argument : options.files) {
    if (argument == "-") {
      // Read whole or not at all: a read error is not the end of the statements.
      auto in = kb::read_input_fd(STDIN_FILENO, "<stdin>");
      if (in.error) {
        print_error("writ: error", *in.error);
        return ExitStatus::InputError;
      }
      text += in.text;
      from_stdin = true;
    } else {
      text += argument;
    }
    if (!text.ends_with('\n')) text += '\n';
  }
  if (text.ends_with('\n')) text.pop_back();  // an error at the end points after the last token

  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::WriteExisting)) return ExitStatus::InputError;
  std::string statements;
  // A new session: the numbers of the listing as it stands, .rules's in a session of its own.
  StatementIds ids;
  if (!statement_numbers(kb, ids, text, statements)) {
    print_error("writ: error", "'" + text + "': #N takes the numbers that .rules shows (1 to " +
                                   std::to_string(kb.rule_texts().size()) + ")");
    return ExitStatus::InputError;
  }
  const kb::RetractResult result = kb.retract(statements, from_stdin ? "<stdin>" : "<retract>");
  print_diagnostics(kb, result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) return status_of(result.outcome);

  // The transaction is the retraction's own, not the log's last (another process may have
  // written since).
  print_error("writ", "transaction " + std::to_string(result.transaction) + ": removed " + count_of(result.removed, "statement") + " from '" +
                          *options.db + "'");
  return ExitStatus::Ok;
}

}  // namespace writ::cli
