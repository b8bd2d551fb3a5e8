#include "answer_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <sstream>

#include "colour.hpp"
#include "query/json.hpp"
#include "query/literals.hpp"
#include "text_table.hpp"

namespace writ::cli {

using query::Value;
using query::ValueKind;

std::optional<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::Table;
  if (name == "csv") return Format::Csv;
  if (name == "json") return Format::Json;
  if (name == "json-doc") return Format::JsonDoc;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Table: return "table";
    case Format::Csv: return "csv";
    case Format::Json: return "json";
    case Format::JsonDoc: return "json-doc";
  }
  return "table";
}

namespace {

// Appending cells to a buffer. Each format's escaping is done only when a scan of the
// text (one table lookup a byte) finds a byte that needs it; the rare texts that do go
// through the general functions, so the bytes are theirs exactly.

// Bytes that need care in each format: csv quotes a field holding , " CR or LF; json
// escapes " \ and control characters and checks UTF-8 (any byte from 0x80); the
// language's string literals escape " \ control characters and DEL.
enum : std::uint8_t { kCsv = 1, kJson = 2, kSource = 4 };

constexpr std::array<std::uint8_t, 256> special_bytes() {
  std::array<std::uint8_t, 256> table{};
  for (unsigned c = 0; c < 256; ++c) {
    std::uint8_t flags = 0;
    if (c == ',' || c == '"' || c == '\r' || c == '\n') flags |= kCsv;
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) flags |= kJson;
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) flags |= kSource;
    table[c] = flags;
  }
  return table;
}
constexpr std::array<std::uint8_t, 256> kSpecial = special_bytes();

// The position of the first byte of `text` with `flag`, or text.size().
std::size_t first_special(std::string_view text, std::uint8_t flag) {
  std::size_t i = 0;
  while (i < text.size() && (kSpecial[static_cast<unsigned char>(text[i])] & flag) == 0) ++i;
  return i;
}

// The appenders below write to a std::string or an OutputBuffer alike.
void append_integer(std::string& out, std::int64_t n) {
  std::array<char, 20> digits;  // enough for any int64, sign included
  const char* end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
  // A few bytes: one at a time beats a call to memcpy.
  for (const char* d = digits.data(); d != end; ++d) out += *d;
}

// Straight into the buffer: no copy.
void append_integer(OutputBuffer& out, std::int64_t n) {
  constexpr std::size_t kDigits = 20;
  char* at = out.room(kDigits);
  out.commit(std::to_chars(at, at + kDigits, n).ptr);
}

// A csv field always in quotes (a string value: quoted, it is told from a symbol).
template <class Out>
void append_quoted_csv_field(Out& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// csv_field, appended.
template <class Out>
void append_csv_field(Out& out, std::string_view text) {
  if (!text.empty() && first_special(text, kCsv) == text.size()) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// json_string, appended. Bytes before the first special one are plain ASCII, so
// json_string of the rest is the rest of the literal.
template <class Out>
void append_json_string(Out& out, std::string_view text) {
  const std::size_t plain = first_special(text, kJson);
  out += '"';
  out.append(text.data(), plain);
  if (plain == text.size()) {
    out += '"';
    return;
  }
  const std::string rest = json_string(text.substr(plain));
  out += std::string_view(rest).substr(1);  // its opening quote is ours
}

// query::to_source, appended: integers, symbols as they are, strings quoted.
template <class Out>
void append_source(Out& out, const Value& v) {
  switch (v.kind) {
    case ValueKind::Integer: append_integer(out, v.integer); return;
    case ValueKind::Symbol: out += v.text; return;
    case ValueKind::String:
      if (first_special(v.text, kSource) == v.text.size()) {
        out += '"';
        out += v.text;
        out += '"';
      } else {
        out += query::quote_string(v.text);
      }
      return;
    case ValueKind::Date:
    case ValueKind::Duration:
    case ValueKind::Money: out += query::to_source(v); return;
  }
}

// Strings always quoted, the rest only where csv needs it (a symbol never does): quoting
// is what tells "a" from a and "1" from 1, as RFC 4180 leaves quoting to the writer.
void append_csv_value(OutputBuffer& out, const Value& v) {
  if (v.kind == ValueKind::Integer) {
    append_integer(out, v.integer);
  } else if (v.is_quantity_kind()) {
    append_csv_field(out, query::to_source(v));
  } else if (v.kind == ValueKind::String) {
    append_quoted_csv_field(out, v.text);
  } else {
    append_csv_field(out, v.text);
  }
}

// Integers are JSON numbers, symbols JSON strings; the other kinds are objects that say
// their type, strings included so that they stay apart from symbols: {"string": "a b"},
// {"date": "2026-03-01"}, {"duration": "1y6mo", "months": 18},
// {"duration": "30d", "days": 30}, {"money": "$1_234.50", "currency": "USD", "amount": "1234.50"}
// (the amount a decimal string, exact).
void append_json_value(OutputBuffer& out, const Value& v) {
  switch (v.kind) {
    case ValueKind::Integer: append_integer(out, v.integer); return;
    case ValueKind::Symbol: append_json_string(out, v.text); return;
    case ValueKind::String:
      out += "{\"string\": ";
      append_json_string(out, v.text);
      out += '}';
      return;
    case ValueKind::Date:
      out += "{\"date\": ";
      append_json_string(out, query::to_source(v));
      out += '}';
      return;
    case ValueKind::Duration:
      out += "{\"duration\": ";
      append_json_string(out, query::to_source(v));
      out += v.text == query::days_unit ? ", \"days\": " : ", \"months\": ";
      append_integer(out, v.integer);
      out += '}';
      return;
    case ValueKind::Money:
      out += "{\"money\": ";
      append_json_string(out, query::to_source(v));
      out += ", \"currency\": ";
      append_json_string(out, v.text);
      out += ", \"amount\": ";
      append_json_string(out, query::format_amount(v.integer, v.text));
      out += '}';
      return;
  }
}

void append_answer_count(OutputBuffer& out, std::size_t n) {
  out += '(';
  append_integer(out, static_cast<std::int64_t>(n));
  out += n == 1 ? " answer)\n" : " answers)\n";
}

}  // namespace

std::string_view outcome_name(kb::Outcome outcome) {
  switch (outcome) {
    case kb::Outcome::Ok: return "ok";
    case kb::Outcome::InputError: return "error";
    case kb::Outcome::LimitHit: return "limit";
    case kb::Outcome::Cancelled: return "cancelled";
  }
  return "error";
}

std::string diagnostics_json(const kb::KnowledgeBase& kb, const std::vector<kb::Diagnostic>& diagnostics) {
  std::string out = "[";
  for (const auto& d : diagnostics) {
    if (out.size() > 1) out += ", ";
    out += "{\"severity\": ";
    out += d.severity == query::Severity::Error     ? "\"error\""
           : d.severity == query::Severity::Warning ? "\"warning\""
                                                    : "\"note\"";
    // The file's name is what the rendering puts before ":LINE:COL: " (as in serve's API).
    const std::string rendered = kb.render({d});
    const std::string place = ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": ";
    const auto at = d.location.line ? rendered.find(place) : std::string::npos;
    if (at != std::string::npos) {
      out += ", \"file\": " + json_string(std::string_view(rendered).substr(0, at));
      out += ", \"line\": " + std::to_string(d.location.line);
      out += ", \"column\": " + std::to_string(d.location.column);
    } else {
      out += ", \"file\": null, \"line\": null, \"column\": null";
    }
    out += ", \"message\": " + json_string(d.message) + "}";
  }
  return out + "]";
}

std::string message_json(std::string_view severity, std::string_view message) {
  return "[{\"severity\": " + json_string(severity) + ", \"file\": null, \"line\": null, \"column\": null, " +
         "\"message\": " + json_string(message) + "}]";
}

std::string csv_field(std::string_view text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

OutputBuffer::OutputBuffer(std::ostream& out)
    : out_(out), data_(std::make_unique_for_overwrite<char[]>(kCapacity)), pos_(data_.get()),
      end_(pos_ + kCapacity) {}

OutputBuffer::~OutputBuffer() {
  try {
    drain();  // an answer set cut short by an exception still shows its rows so far
  } catch (...) {  // only a stream set to throw gets here: its state says what happened
  }
}

void OutputBuffer::drain() {
  if (pos_ == data_.get()) return;
  out_.write(data_.get(), pos_ - data_.get());
  pos_ = data_.get();
}

OutputBuffer& OutputBuffer::append(std::size_t n, char c) {
  while (n > 0) {
    const std::size_t part = std::min(n, kCapacity);
    char* at = room(part);
    std::memset(at, c, part);
    commit(at + part);
    n -= part;
  }
  return *this;
}

void OutputBuffer::append_long(const char* text, std::size_t n) {
  drain();
  if (n <= kCapacity) {
    std::memcpy(pos_, text, n);
    pos_ += n;
  } else {
    out_.write(text, static_cast<std::streamsize>(n));
  }
}

void AnswerPrinter::begin(const std::string& query, const std::vector<std::string>& columns, bool with_status) {
  columns_ = columns;
  with_status_ = with_status;
  rows_ = 0;
  truth_.reset();
  cell_text_.clear();
  cell_ends_.clear();
  row_statuses_.clear();
  widths_.clear();
  OutputBuffer& out = buffer_;
  switch (format_) {
    case Format::Table:
      if (last_ == Format::Table && echo_query_) out += '\n';
      if (echo_query_) {
        out += "?- ";
        out += query;
        out += ".\n";
      }
      for (const auto& c : columns) widths_.push_back(display_width(c));
      if (with_status) widths_.push_back(display_width("status"));
      break;
    case Format::Csv:
      if (last_ == Format::Csv) out += '\n';
      if (echo_query_) {
        append_quoted_csv_field(out, "?- " + query + ".");
        out += '\n';
      }
      if (columns.empty()) {
        append_csv_field(out, "answer");
      } else {
        for (std::size_t i = 0; i < columns.size(); ++i) {
          if (i) out += ',';
          append_csv_field(out, columns[i]);
        }
      }
      if (with_status) {
        out += ',';
        append_csv_field(out, "status");
      }
      out += '\n';
      break;
    case Format::Json:
    case Format::JsonDoc:
      if (format_ == Format::JsonDoc && questions_++ > 0) out += ", ";
      out += "{\"goal\": ";
      append_json_string(out, query);
      out += ", \"columns\": [";
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ", ";
        append_json_string(out, columns[i]);
      }
      if (with_status) {
        if (!columns.empty()) out += ", ";
        append_json_string(out, "status");
      }
      out += "], \"rows\": [";
      break;
  }
  last_ = format_;
}

void AnswerPrinter::row(const std::vector<Value>& values, std::optional<kb::Status> status) {
  ++rows_;
  if (columns_.empty()) {
    // A yes/no question: at most one row, printed as true (with its status) at the end.
    truth_ = status;
    return;
  }
  OutputBuffer& out = buffer_;
  switch (format_) {
    case Format::Table: table_row(values, status); return;
    case Format::Csv:
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        append_csv_value(out, values[i]);
      }
      if (status) {
        out += ',';
        out += kb::status_name(*status);  // a plain word: never quoted
      }
      out += '\n';
      break;
    case Format::Json:
    case Format::JsonDoc:
      out += rows_ > 1 ? ", [" : "[";
      for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ", ";
        append_json_value(out, values[i]);
      }
      if (status) {
        out += ", ";
        append_json_string(out, kb::status_name(*status));
      }
      out += ']';
      break;
  }
}

// Keeps the row's cells as text, as many as the header has: the values, then the status;
// a cell with nothing to show is empty (and one beyond the header is dropped), as
// render_text_table treats rows of another length.
void AnswerPrinter::table_row(const std::vector<Value>& values, std::optional<kb::Status> status) {
  row_statuses_.push_back(status);
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    const std::size_t start = cell_text_.size();
    if (c < values.size()) {
      append_source(cell_text_, values[c]);
    } else if (c == values.size() && status) {
      cell_text_ += kb::status_name(*status);
    }
    cell_ends_.push_back(cell_text_.size());
    const std::string_view cell(cell_text_.data() + start, cell_text_.size() - start);
    widths_[c] = std::max(widths_[c], display_width(cell));
  }
}

void AnswerPrinter::render_table() {
  std::vector<std::string_view> cells;
  cells.reserve(widths_.size());
  for (const auto& c : columns_) cells.emplace_back(c);
  if (with_status_) cells.emplace_back("status");
  append_table_line(buffer_, cells, widths_);
  append_table_rule(buffer_, widths_);
  const std::size_t width = widths_.size();
  std::size_t start = 0;
  std::string coloured;
  for (std::size_t first = 0; first < cell_ends_.size(); first += width) {
    cells.clear();
    for (std::size_t c = 0; c < width; ++c) {
      const std::size_t end = cell_ends_[first + c];
      cells.emplace_back(cell_text_.data() + start, end - start);
      start = end;
    }
    // The status is the last cell, which is not padded: its colour cannot misalign.
    if (colour_ && with_status_ && !cells.empty()) {
      if (const auto status = row_statuses_[first / width]) {
        coloured = std::string(kb::status_sgr(*status)) + std::string(cells.back()) + std::string(colour_reset);
        cells.back() = coloured;
      }
    }
    append_table_line(buffer_, cells, widths_);
  }
  append_answer_count(buffer_, rows_);
}

void AnswerPrinter::end(kb::Outcome outcome, std::string_view diagnostics) {
  OutputBuffer& out = buffer_;
  const bool yes = rows_ > 0;
  switch (format_) {
    case Format::Table:
      if (!columns_.empty()) {
        render_table();
      } else if (!yes) {
        out += "false.\n";
      } else if (truth_) {
        out += "true (";
        if (colour_) out += kb::status_sgr(*truth_);
        out += kb::status_name(*truth_);
        if (colour_) out += colour_reset;
        out += ").\n";
      } else {
        out += "true.\n";
      }
      break;
    case Format::Csv:
      if (columns_.empty()) {
        out += yes ? "true" : "false";
        if (with_status_) {
          out += ',';
          if (yes && truth_) out += kb::status_name(*truth_);
        }
        out += '\n';
      }
      break;
    case Format::Json:
    case Format::JsonDoc:
      if (columns_.empty() && yes) {
        out += '[';
        if (truth_) append_json_string(out, kb::status_name(*truth_));
        out += ']';
      }
      out += "], \"status\": \"";
      out += outcome_name(outcome);
      out += "\", \"diagnostics\": ";
      out += diagnostics;
      out += format_ == Format::Json ? "}\n" : "}";
      break;
  }
  buffer_.drain();
  out_.flush();
  // A large table's text is not kept for the next answer set.
  std::string().swap(cell_text_);
  std::vector<std::size_t>().swap(cell_ends_);
  std::vector<std::optional<kb::Status>>().swap(row_statuses_);
}

void AnswerPrinter::unanswered(const std::string& query, kb::Outcome outcome, std::string_view diagnostics) {
  if (format_ != Format::Json && format_ != Format::JsonDoc) return;
  begin(query, {}, false);
  end(outcome, diagnostics);  // no rows: "rows": []
}

void AnswerPrinter::start_document(std::string_view diagnostics) {
  if (format_ != Format::JsonDoc) return;
  buffer_ += "{\"diagnostics\": ";
  buffer_ += diagnostics;
  buffer_ += ", \"questions\": [";
  questions_ = 0;
}

void AnswerPrinter::finish_document(kb::Outcome outcome) {
  if (format_ != Format::JsonDoc) return;
  buffer_ += "], \"status\": \"";
  buffer_ += outcome_name(outcome);
  buffer_ += "\"}\n";
  buffer_.drain();
  out_.flush();
}

void AnswerPrinter::print(const kb::Answers& answers, std::string_view diagnostics) {
  begin(answers.query, answers.columns, answers.has_status);
  for (std::size_t i = 0; i < answers.rows.size(); ++i)
    row(answers.rows[i], answers.has_status ? std::optional<kb::Status>(answers.statuses.at(i)) : std::nullopt);
  end(kb::Outcome::Ok, diagnostics);
}

std::string format_table(const kb::Answers& answers) { return formatted(answers, Format::Table); }
std::string format_csv(const kb::Answers& answers) { return formatted(answers, Format::Csv); }
std::string format_json(const kb::Answers& answers) { return formatted(answers, Format::Json); }

std::string formatted(const kb::Answers& answers, Format format) {
  std::ostringstream out;
  AnswerPrinter printer(out, format, false);
  printer.print(answers);
  return out.str();
}

}  // namespace writ::cli
