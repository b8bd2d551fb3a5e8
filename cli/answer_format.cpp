#include "answer_format.hpp"

#include <array>
#include <cstdio>

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

// The length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20) {
            std::array<char, 8> buf{};
            std::snprintf(buf.data(), buf.size(), "\\u%04x", static_cast<unsigned>(c));
            out += buf.data();
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    if (const std::size_t len = utf8_sequence_length(text, i); len > 0) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\\ufffd";
      ++i;
    }
  }
  out += '"';
  return out;
}

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

std::string format_table(const kb::Answers& answers) {
  if (answers.columns.empty()) return answers.rows.empty() ? "false.\n" : "true.\n";
  std::vector<std::vector<std::string>> cells;
  cells.reserve(answers.rows.size());
  for (const auto& row : answers.rows) {
    std::vector<std::string> line;
    line.reserve(row.size());
    for (const auto& v : row) line.push_back(query::to_source(v));
    cells.push_back(std::move(line));
  }
  return render_text_table(answers.columns, cells) + answer_count(answers.rows.size());
}

std::string format_csv(const kb::Answers& answers) {
  if (answers.columns.empty()) return answers.rows.empty() ? "answer\nfalse\n" : "answer\ntrue\n";
  std::string out;
  auto append_line = [&out](const auto& fields, auto to_text) {
    bool first = true;
    for (const auto& f : fields) {
      if (!first) out += ',';
      first = false;
      out += csv_field(to_text(f));
    }
    out += '\n';
  };
  append_line(answers.columns, [](const std::string& s) { return s; });
  for (const auto& row : answers.rows) append_line(row, raw_text);
  return out;
}

std::string format_json(const kb::Answers& answers) {
  std::string out = "{\"query\": " + json_string(answers.query) + ", \"columns\": [";
  for (std::size_t i = 0; i < answers.columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += json_string(answers.columns[i]);
  }
  out += "], \"rows\": [";
  for (std::size_t r = 0; r < answers.rows.size(); ++r) {
    if (r > 0) out += ", ";
    out += '[';
    const auto& row = answers.rows[r];
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ", ";
      out += row[i].kind == ValueKind::Integer ? std::to_string(row[i].integer) : json_string(row[i].text);
    }
    out += ']';
  }
  out += "]}\n";
  return out;
}

void AnswerPrinter::print(const kb::Answers& answers) {
  std::string text;
  switch (format_) {
    case Format::Table:
      if (last_ == Format::Table && echo_query_) text += '\n';
      if (echo_query_) text += "?- " + answers.query + ".\n";
      text += format_table(answers);
      break;
    case Format::Csv:
      if (last_ == Format::Csv) text += '\n';
      text += format_csv(answers);
      break;
    case Format::Json: text += format_json(answers); break;
  }
  last_ = format_;
  out_ << text;
  out_.flush();
}

}  // namespace writ::cli
