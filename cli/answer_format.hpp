// Printing answers in the output formats: table, csv, json (JSON Lines) and json-doc.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "query/json.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

using query::json_string;  // JSON string literals, shared with the explanations

enum class Format { Table, Csv, Json, JsonDoc };

std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);

// One answer set in each format, as a complete text ending in a newline.
//   table: aligned columns headed by the variables, a line of dashes, the rows, `(N answers)`;
//          `true.` / `false.` for a query without variables.
//   csv:   RFC 4180 with LF line ends; header row, then rows. Every string is quoted and
//          symbols, integers and the other kinds are not, so `a` and `"a"`, `1` and `"1"`
//          stay apart. A query without variables: header `answer`, one row `true`/`false`.
//   json:  {"goal": ..., "columns": [...], "rows": [[...], ...], "status": "ok",
//          "diagnostics": []} on one line; values typed (see append_json_value).
//   json-doc: the json objects of a run as one document (see AnswerPrinter).
// When the answers carry a status (the knowledge base has arguments), it is the last
// column, named `status`; a yes/no question then reads `true (contested).` in a table.
std::string formatted(const kb::Answers& answers, Format format);
std::string format_table(const kb::Answers& answers);
std::string format_csv(const kb::Answers& answers);
std::string format_json(const kb::Answers& answers);

// A CSV field: quoted when it holds , " CR or LF or is empty (so that an empty field is
// not mistaken for the empty line between blocks), embedded quotes doubled.
std::string csv_field(std::string_view text);

// Bytes on their way to a stream: text is appended to a fixed 64 KiB block, written with
// one ostream::write when the block is full and at drain() (a text longer than the block
// goes straight through). Formatting a row thus costs no allocation and no stream call.
// Appending mirrors std::string's `+=` and `append`, so one formatting code serves both.
class OutputBuffer {
 public:
  static constexpr std::size_t kCapacity = std::size_t{64} << 10;

  explicit OutputBuffer(std::ostream& out);
  ~OutputBuffer();  // drains; errors are the stream's state, as for any write
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  OutputBuffer& operator+=(char c) {
    if (pos_ == end_) drain();
    *pos_++ = c;
    return *this;
  }
  OutputBuffer& operator+=(std::string_view text) { return append(text.data(), text.size()); }
  OutputBuffer& append(std::size_t n, char c);
  OutputBuffer& append(const char* text, std::size_t n) {
    if (n <= static_cast<std::size_t>(end_ - pos_)) {
      std::memcpy(pos_, text, n);
      pos_ += n;
    } else {
      append_long(text, n);
    }
    return *this;
  }
  // At least n (at most kCapacity) free bytes at the returned position; write them, then
  // commit the end of what was written.
  char* room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - pos_) < n) drain();
    return pos_;
  }
  void commit(char* end) { pos_ = end; }

  // Writes what is buffered to the stream (without flushing the stream).
  void drain();

 private:
  void append_long(const char* text, std::size_t n);

  std::ostream& out_;
  std::unique_ptr<char[]> data_;  // kCapacity bytes
  char* pos_ = nullptr;
  char* end_ = nullptr;
};

// The name a question's outcome has in json: "ok", "error", "limit" or "cancelled".
std::string_view outcome_name(kb::Outcome outcome);

// Diagnostics as a JSON array of {"severity", "file", "line", "column", "message"} (file,
// line and column null when the diagnostic has no place); a plain message as such an array.
std::string diagnostics_json(const kb::KnowledgeBase& kb, const std::vector<kb::Diagnostic>& diagnostics);
std::string message_json(std::string_view severity, std::string_view message);

// Prints successive answer sets to one stream. Blocks of several queries are kept apart:
// csv blocks by an empty line; table blocks, when each is headed by its `?- goal.` line
// (as `writ run` does), by an empty line too; json needs nothing (one line per query).
// With echo_query, a csv block is headed by a one-field record `?- goal.` too, so that
// each block says what it answers.
//
// json-doc writes one document: {"diagnostics": [...], "questions": [OBJECT, ...],
// "status": "ok"}, each OBJECT a json line's; start_document() and finish_document()
// write its head and tail.
//
// Rows are formatted straight into one OutputBuffer, kept across rows and answer sets;
// end() writes what is left and flushes the stream. Nothing reaches the stream between
// begin() and end() but whole 64 KiB blocks, so nothing else may write to it in between.
class AnswerPrinter {
 public:
  AnswerPrinter(std::ostream& out, Format format, bool echo_query)
      : out_(out), buffer_(out), format_(format), echo_query_(echo_query) {}

  // `diagnostics`: as for end().
  void print(const kb::Answers& answers, std::string_view diagnostics = "[]");

  // The same, streamed: begin, then row once per answer, then end. csv and json write
  // each row as it comes, so a million answers need no memory here; a table must see
  // every row to align its columns (it keeps their text, not the values).
  void begin(const std::string& query, const std::vector<std::string>& columns, bool with_status);
  void row(const std::vector<query::Value>& values, std::optional<kb::Status> status);
  // `outcome` and `diagnostics` (a JSON array) end a json object; the other formats print
  // neither (the diagnostics go to standard error).
  void end(kb::Outcome outcome = kb::Outcome::Ok, std::string_view diagnostics = "[]");
  // A question that got no answer set (it did not parse, the load before it failed): json
  // prints its object with no columns and no rows; the other formats print nothing.
  void unanswered(const std::string& query, kb::Outcome outcome, std::string_view diagnostics);

  // json-doc: the document's head with the diagnostics of what came before the questions
  // (a JSON array), and its tail with the run's outcome. Nothing in the other formats.
  void start_document(std::string_view diagnostics);
  void finish_document(kb::Outcome outcome);

  Format format() const { return format_; }
  void set_format(Format format) { format_ = format; }
  // Head each answer set with its `?- goal.` (table) from now on.
  void set_echo_query(bool echo) { echo_query_ = echo; }
  // The next answer set starts a new output: nothing separates it from what came before.
  void start_over() { last_.reset(); }
  // Colour each status in a table (for a terminal: see colour.hpp).
  void set_colour(bool colour) { colour_ = colour; }

 private:
  void table_row(const std::vector<query::Value>& values, std::optional<kb::Status> status);
  void render_table();

  std::ostream& out_;
  OutputBuffer buffer_;  // formatted text not yet written to out_
  Format format_;
  bool echo_query_;
  bool colour_ = false;
  std::optional<Format> last_;  // the format of the block printed last
  std::size_t questions_ = 0;    // json-doc: the objects written so far

  // The answer set being printed.
  std::vector<std::string> columns_;
  bool with_status_ = false;
  std::size_t rows_ = 0;
  std::optional<kb::Status> truth_;  // a yes/no question's status
  // Table only: every cell's text, one after the other (header width cells a row), the
  // end of each in cell_ends_, and each column's width so far.
  std::string cell_text_;
  std::vector<std::size_t> cell_ends_;
  std::vector<std::optional<kb::Status>> row_statuses_;  // each row's, for its colour
  std::vector<std::size_t> widths_;
};

}  // namespace writ::cli
