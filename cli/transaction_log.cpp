#include "transaction_log.hpp"

#include "text_table.hpp"

namespace writ::cli {

namespace {

// One line per transaction in a table: runs of blanks and line breaks become one space.
std::string one_line(std::string_view text) {
  std::string out;
  bool blank = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string format_transactions(const std::vector<kb::TransactionRecord>& transactions, Format format) {
  std::string out;
  switch (format) {
    case Format::Table: {
      if (transactions.empty()) return "(no transactions)\n";
      std::vector<std::vector<std::string>> rows;
      rows.reserve(transactions.size());
      for (const auto& t : transactions) {
        rows.push_back({std::to_string(t.number), t.time, one_line(t.description), std::to_string(t.added),
                        std::to_string(t.removed)});
      }
      return render_text_table({"tx", "time", "description", "added", "removed"}, rows);
    }
    case Format::Csv:
      out = "tx,time,description,added,removed\n";
      for (const auto& t : transactions) {
        out += std::to_string(t.number) + "," + csv_field(t.time) + "," + csv_field(t.description) + "," +
               std::to_string(t.added) + "," + std::to_string(t.removed) + "\n";
      }
      return out;
    case Format::Json:
    case Format::JsonDoc:  // not offered for the log: one object a line serves
      for (const auto& t : transactions) {
        out += "{\"tx\": " + std::to_string(t.number) + ", \"time\": " + json_string(t.time) +
               ", \"description\": " + json_string(t.description) + ", \"added\": " + std::to_string(t.added) +
               ", \"removed\": " + std::to_string(t.removed) + "}\n";
      }
      return out;
  }
  return out;
}

}  // namespace writ::cli
