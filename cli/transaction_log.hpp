// Printing a store's transactions (`writ log`, the REPL's `.log`) in the three formats.
#pragma once

#include <string>
#include <vector>

#include "answer_format.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

// The transactions, oldest first, as a complete text:
//   table: columns tx, time, description, added, removed, aligned, under a line of dashes;
//          blanks in a description (a retracted rule's line breaks) shown as one space;
//          `(no transactions)` for an empty store.
//   csv:   header `tx,time,description,added,removed`, then one row per transaction.
//   json:  one object per transaction per line:
//          {"tx": 1, "time": "...", "description": "...", "added": 2, "removed": 0}
std::string format_transactions(const std::vector<kb::TransactionRecord>& transactions, Format format);

}  // namespace writ::cli
