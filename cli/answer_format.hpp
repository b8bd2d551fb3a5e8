// Printing answers in the three output formats: table, csv and json.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "query/json.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

using query::json_string;  // JSON string literals, shared with the explanations

enum class Format { Table, Csv, Json };

std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);

// One answer set in each format, as a complete text ending in a newline.
//   table: aligned columns headed by the variables, a line of dashes, the rows, `(N answers)`;
//          `true.` / `false.` for a query without variables.
//   csv:   RFC 4180 with LF line ends; header row, then rows. Strings raw; empty fields `""`.
//          A query without variables: header `answer`, one row `true` or `false`.
//   json:  {"query": ..., "columns": [...], "rows": [[...], ...]} on one line.
// When the answers carry a status (the knowledge base has arguments), it is the last
// column, named `status`; a yes/no question then reads `true (contested).` in a table.
std::string formatted(const kb::Answers& answers, Format format);
std::string format_table(const kb::Answers& answers);
std::string format_csv(const kb::Answers& answers);
std::string format_json(const kb::Answers& answers);

// A CSV field: quoted when it holds , " CR or LF or is empty (so that an empty field is
// not mistaken for the empty line between blocks), embedded quotes doubled.
std::string csv_field(std::string_view text);

// Prints successive answer sets to one stream. Blocks of several queries are kept apart:
// csv blocks by an empty line; table blocks, when each is headed by its `?- goal.` line
// (as `writ run` does), by an empty line too; json needs nothing (one line per query).
class AnswerPrinter {
 public:
  AnswerPrinter(std::ostream& out, Format format, bool echo_query)
      : out_(out), format_(format), echo_query_(echo_query) {}

  void print(const kb::Answers& answers);

  // The same, streamed: begin, then row once per answer, then end. csv and json write
  // each row as it comes, so a million answers need no memory here; a table must see
  // every row to align its columns.
  void begin(const std::string& query, const std::vector<std::string>& columns, bool with_status);
  void row(const std::vector<query::Value>& values, std::optional<kb::Status> status);
  void end();

  Format format() const { return format_; }
  void set_format(Format format) { format_ = format; }

 private:
  std::ostream& out_;
  Format format_;
  bool echo_query_;
  std::optional<Format> last_;  // the format of the block printed last

  // The answer set being printed.
  std::string query_;
  std::vector<std::string> columns_;
  bool with_status_ = false;
  std::size_t rows_ = 0;
  std::vector<std::vector<std::string>> cells_;  // table only
  std::optional<kb::Status> truth_;             // a yes/no question's status
};

}  // namespace writ::cli
