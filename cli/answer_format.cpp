#include "answer_format.hpp"

#include <sstream>

#include "query/json.hpp"
#include "text_table.hpp"

namespace writ::cli {

using query::Value;
using query::ValueKind;

std::optional<Format> parse_format(std::string_view name) {
  if (name == "table") return Format::Table;
  if (name == "csv") return Format::Csv;
  if (name == "json") return Format::Json;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Table: return "table";
    case Format::Csv: return "csv";
    case Format::Json: return "json";
  }
  return "table";
}

namespace {

std::string answer_count(std::size_t n) {
  return "(" + std::to_string(n) + (n == 1 ? " answer)\n" : " answers)\n");
}

// The text of a value without the language's quotes (csv).
std::string raw_text(const Value& v) {
  return v.kind == ValueKind::Integer ? std::to_string(v.integer) : v.text;
}

}  // namespace


std::string csv_field(std::string_view text) {
  if (!text.empty() && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

// The text of one cell in a format.
std::string cell_text(const Value& v, Format format) {
  switch (format) {
    case Format::Table: return query::to_source(v);
    case Format::Csv: return csv_field(raw_text(v));
    case Format::Json: return v.kind == ValueKind::Integer ? std::to_string(v.integer) : json_string(v.text);
  }
  return {};
}

std::string status_text(kb::Status s, Format format) {
  const std::string name = kb::status_name(s);
  return format == Format::Json ? json_string(name) : name;
}

}  // namespace

void AnswerPrinter::begin(const std::string& query, const std::vector<std::string>& columns, bool with_status) {
  query_ = query;
  columns_ = columns;
  with_status_ = with_status;
  rows_ = 0;
  cells_.clear();
  truth_.reset();
  std::string text;
  switch (format_) {
    case Format::Table:
      if (last_ == Format::Table && echo_query_) text += '\n';
      if (echo_query_) text += "?- " + query + ".\n";
      break;
    case Format::Csv: {
      if (last_ == Format::Csv) text += '\n';
      std::vector<std::string> header = columns.empty() ? std::vector<std::string>{"answer"} : columns;
      if (with_status) header.push_back("status");
      for (std::size_t i = 0; i < header.size(); ++i) text += (i ? "," : "") + csv_field(header[i]);
      text += '\n';
      break;
    }
    case Format::Json: {
      text += "{\"query\": " + json_string(query) + ", \"columns\": [";
      std::vector<std::string> header = columns;
      if (with_status) header.push_back("status");
      for (std::size_t i = 0; i < header.size(); ++i) text += (i ? ", " : "") + json_string(header[i]);
      text += "], \"rows\": [";
      break;
    }
  }
  last_ = format_;
  out_ << text;
}

void AnswerPrinter::row(const std::vector<Value>& values, std::optional<kb::Status> status) {
  ++rows_;
  if (columns_.empty()) {
    // A yes/no question: at most one row, printed as true (with its status) at the end.
    truth_ = status;
    return;
  }
  switch (format_) {
    case Format::Table: {
      std::vector<std::string> line;
      line.reserve(values.size() + 1);
      for (const auto& v : values) line.push_back(cell_text(v, format_));
      if (status) line.push_back(status_text(*status, format_));
      cells_.push_back(std::move(line));
      return;
    }
    case Format::Csv:
    case Format::Json: {
      std::string text = format_ == Format::Json ? (rows_ > 1 ? ", [" : "[") : "";
      for (std::size_t i = 0; i < values.size(); ++i)
        text += (i ? (format_ == Format::Json ? ", " : ",") : "") + cell_text(values[i], format_);
      if (status) text += (format_ == Format::Json ? ", " : ",") + status_text(*status, format_);
      text += format_ == Format::Json ? "]" : "\n";
      out_ << text;
      return;
    }
  }
}

void AnswerPrinter::end() {
  std::string text;
  const bool yes = rows_ > 0;
  switch (format_) {
    case Format::Table:
      if (columns_.empty()) {
        text = !yes ? "false.\n" : truth_ ? "true (" + std::string(kb::status_name(*truth_)) + ").\n" : "true.\n";
      } else {
        std::vector<std::string> header = columns_;
        if (with_status_) header.push_back("status");
        text = render_text_table(header, cells_) + answer_count(rows_);
      }
      break;
    case Format::Csv:
      if (columns_.empty()) {
        text = yes ? "true" : "false";
        if (with_status_) text += yes && truth_ ? "," + std::string(kb::status_name(*truth_)) : ",";
        text += '\n';
      }
      break;
    case Format::Json:
      if (columns_.empty() && yes) text = truth_ ? "[" + status_text(*truth_, format_) + "]" : "[]";
      text += "]}\n";
      break;
  }
  out_ << text;
  out_.flush();
  cells_.clear();
}

void AnswerPrinter::print(const kb::Answers& answers) {
  begin(answers.query, answers.columns, answers.has_status);
  for (std::size_t i = 0; i < answers.rows.size(); ++i)
    row(answers.rows[i], answers.has_status ? std::optional<kb::Status>(answers.statuses.at(i)) : std::nullopt);
  end();
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
