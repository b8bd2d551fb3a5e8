#include "grammar/csv.hpp"

#include <algorithm>
#include <charconv>
#include <deque>
#include <limits>

#include "grammar/utf8.hpp"
#include "query/analysis/checks.hpp"
#include "query/literals.hpp"

namespace writ::grammar {

using query::Location;
using query::ValueKind;

namespace {

// A field as read: its value (a view into the text, or into `unescaped` for a quoted field
// with a doubled quote) and where it starts.
struct Field {
  std::string_view value;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;  // bytes of the field as written, quotes included
};

struct Row {
  std::size_t first = 0;  // index of its first field in the field list
  std::size_t count = 0;
  Location at;  // the row's first byte, covering the row
};

// More errors than this in one file are not worth reading one by one.
constexpr std::size_t max_errors = 20;

// A 64-bit integer written as writ writes one: no sign but '-', no leading zeros, no
// blanks. "007" or "+7" stay text, so that importing loses nothing ("02139" is a zip code).
bool integer_value(std::string_view s, std::int64_t& out) {
  if (s.empty()) return false;
  const std::string_view digits = s.front() == '-' ? s.substr(1) : s;
  if (digits.empty() || (digits.size() > 1 && digits.front() == '0') || (digits == "0" && s.size() > 1))
    return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool fits(ValueKind kind, std::string_view s) {
  std::int64_t ignored = 0;
  switch (kind) {
    case ValueKind::Integer: return integer_value(s, ignored);
    case ValueKind::Symbol: return is_symbol_text(s);
    case ValueKind::String: return true;
    case ValueKind::Date:
    case ValueKind::Duration:
    case ValueKind::Money: {
      // As writ writes them (2026-03-01, 30d, $1_234.50, -CHF 5), blanks around not taken.
      const auto v = query::parse_quantity_literal(s);
      return v && v->kind == kind;
    }
  }
  return true;
}

// The kinds a column may have, in the order they are tried: a typed kind when every value
// is one, else symbol, else string.
constexpr ValueKind column_kinds[] = {ValueKind::Integer, ValueKind::Date,   ValueKind::Duration,
                                      ValueKind::Money,   ValueKind::Symbol, ValueKind::String};

// Integers, dates, durations and money: a value of such a column is evidence of a header above it.
bool typed(ValueKind kind) { return kind != ValueKind::Symbol && kind != ValueKind::String; }

std::string delimiter_name(char d) {
  if (d == '\t') return "a tab";
  return std::string("'") + d + "'";
}

class Reader {
 public:
  Reader(std::string_view text, query::SourceId source, char delimiter)
      : text_(text), source_(source), delimiter_(delimiter) {}

  void read(std::vector<Field>& fields, std::vector<Row>& rows, std::vector<query::Diagnostic>& errors) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;  // a UTF-8 byte order mark: no column
    while (pos_ < text_.size() && errors.size() < max_errors) {
      if (at_line_end()) {  // a blank line
        skip_line_end();
        continue;
      }
      Row row;
      row.first = fields.size();
      row.at = here();
      ++record_;
      bool ok = true;
      while (true) {
        field_ = fields.size() - row.first + 1;
        Field f;
        if (!read_field(f, errors)) {
          ok = false;
          break;
        }
        fields.push_back(f);
        if (pos_ < text_.size() && text_[pos_] == delimiter_) {
          ++pos_;
          continue;
        }
        break;
      }
      if (!ok) {  // go on with the next line, so one pass reports every bad row
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        fields.resize(row.first);
      } else {
        row.count = fields.size() - row.first;
        row.at.length = static_cast<std::uint32_t>(line_end() - row.at.offset);
        rows.push_back(row);
      }
      if (pos_ < text_.size()) skip_line_end();
    }
  }

  std::deque<std::string> unescaped;  // values of quoted fields with doubled quotes

 private:
  // Columns count characters (a UTF-8 continuation byte adds none), from the last place
  // counted on this line, so that a long line with many fields is read in linear time.
  Location here() const {
    if (counted_line_ != line_ || counted_at_ < line_start_ || counted_at_ > pos_) {
      counted_line_ = line_;
      counted_at_ = line_start_;
      counted_column_ = 1;
    }
    for (; counted_at_ < pos_; ++counted_at_)
      if ((static_cast<unsigned char>(text_[counted_at_]) & 0xC0) != 0x80) ++counted_column_;
    return Location{source_, line_, static_cast<std::uint32_t>(counted_column_), static_cast<std::uint32_t>(pos_), 0};
  }
  // LF, CRLF, or a CR that ends the text.
  bool at_line_end() const {
    if (text_[pos_] == '\n') return true;
    return text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n');
  }
  void skip_line_end() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
  }
  std::size_t line_end() const {
    auto end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    if (end > 0 && end <= text_.size() && end > pos_ && text_[end - 1] == '\r') --end;
    return std::max(end, pos_);
  }
  void error(Location at, std::string message, std::vector<query::Diagnostic>& errors) {
    errors.push_back(query::make_error(at, std::move(message)));
  }

  bool read_field(Field& f, std::vector<query::Diagnostic>& errors) {
    const Location start = here();
    f.line = start.line;
    f.column = start.column;
    f.offset = start.offset;
    if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(f, start, errors);
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end()) {
      if (text_[pos_] == '"') {
        error(here(), "a '\"' inside an unquoted field: quote the whole field and double the quote (\"\")", errors);
        return false;
      }
      if (!character(errors)) return false;
    }
    f.value = text_.substr(begin, pos_ - begin);
    f.length = static_cast<std::uint32_t>(pos_ - begin);
    return true;
  }

  bool read_quoted(Field& f, const Location& start, std::vector<query::Diagnostic>& errors) {
    ++pos_;  // the opening quote
    const std::size_t begin = pos_;
    std::string* copy = nullptr;  // made at the first doubled quote
    std::size_t run = begin;      // start of the text not yet copied
    while (true) {
      if (pos_ >= text_.size()) {
        error(start, "unterminated quoted field: no closing '\"'", errors);
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          if (!copy) copy = &unescaped.emplace_back();
          copy->append(text_.substr(run, pos_ + 1 - run));  // up to and with one quote
          pos_ += 2;
          run = pos_;
          continue;
        }
        break;
      }
      if (c == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
      if (!character(errors)) return false;
    }
    if (copy) {
      copy->append(text_.substr(run, pos_ - run));
      f.value = *copy;
    } else {
      f.value = text_.substr(begin, pos_ - begin);
    }
    ++pos_;  // the closing quote
    f.length = static_cast<std::uint32_t>(pos_ - start.offset);
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end()) {
      error(here(), "expected " + delimiter_name(delimiter_) + " or the end of the line after a closing '\"'", errors);
      return false;
    }
    return true;
  }

  // Moves past the character at pos_, which must be one that a writ string may hold:
  // well-formed UTF-8 and no NUL, as in the language (else the value could be stored but
  // never written back, nor retracted).
  bool character(std::vector<query::Diagnostic>& errors) {
    const auto where = [&] { return " in field " + std::to_string(field_) + " of row " + std::to_string(record_); };
    if (text_[pos_] == '\0') {
      error(here(), "NUL character" + where(), errors);
      return false;
    }
    const std::size_t n = utf8_sequence(text_, pos_);
    if (n == 0) {
      error(here(), "invalid UTF-8" + where(), errors);
      return false;
    }
    pos_ += n;
    return true;
  }

  std::string_view text_;
  query::SourceId source_;
  char delimiter_;
  std::size_t record_ = 0;  // the row being read, from 1 (a header is row 1)
  std::size_t field_ = 0;   // its field being read, from 1
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  mutable std::uint32_t counted_line_ = 0;  // here(): the line last counted, ...
  mutable std::size_t counted_at_ = 0;      // ... its last offset counted ...
  mutable std::size_t counted_column_ = 1;  // ... and its column
  std::uint32_t line_ = 1;
};

}  // namespace

bool is_symbol_text(std::string_view name) {
  if (name.empty() || name.front() < 'a' || name.front() > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

CsvResult parse_csv(std::string_view text, query::SourceId source, std::string_view predicate,
                    const CsvOptions& options) {
  CsvResult result;
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    result.diagnostics.push_back(query::make_error({}, "the file is larger than 4 GiB: split it"));
    return result;
  }
  std::vector<Field> fields;
  std::vector<Row> rows;
  Reader reader(text, source, options.delimiter);
  reader.read(fields, rows, result.diagnostics);

  // Every row has the first row's width, and a predicate has at most max_arity arguments.
  const std::size_t width = rows.empty() ? 0 : rows.front().count;
  if (width > query::max_arity) {
    result.diagnostics.push_back(query::make_error(
        rows.front().at, "the first row has " + std::to_string(width) + " fields; a predicate has at most " +
                             std::to_string(query::max_arity) + " arguments"));
  }
  for (const auto& row : rows) {
    if (result.diagnostics.size() >= max_errors) break;
    if (row.count != width)
      result.diagnostics.push_back(query::make_error(
          row.at, "this row has " + std::to_string(row.count) + (row.count == 1 ? " field" : " fields") +
                      "; the first row has " + std::to_string(width)));
  }
  query::sort_by_location(result.diagnostics);
  if (result.diagnostics.size() >= max_errors) {
    result.diagnostics.resize(max_errors);
    result.diagnostics.push_back(query::make_error({}, "too many errors in this file; stopped reading it"));
  }
  if (!result.diagnostics.empty() || rows.empty()) return result;

  // Column types over rows [from, end): the first of column_kinds that every value fits
  // (integers are not symbols: a mix is string).
  auto kinds_of = [&](std::size_t from) {
    std::vector<ValueKind> kinds(width, ValueKind::String);
    for (std::size_t c = 0; c < width; ++c) {
      for (const ValueKind kind : column_kinds) {
        bool all = true;
        for (std::size_t r = from; r < rows.size() && all; ++r) all = fits(kind, fields[rows[r].first + c].value);
        if (all) {
          kinds[c] = kind;
          break;
        }
      }
    }
    return kinds;
  };
  bool header = options.header == CsvHeader::Yes;
  if (options.header == CsvHeader::Auto && rows.size() > 1) {
    // Only typed columns (integers, dates, durations, money) are evidence: a name over
    // numbers is a header, while a text over symbols may as well be data ("say hi" over "x").
    const auto rest = kinds_of(1);
    bool names = true;
    for (std::size_t c = 0; c < width; ++c) {
      const auto& v = fields[rows.front().first + c].value;
      for (const ValueKind kind : column_kinds)
        if (typed(kind) && fits(kind, v)) names = false;
      if (typed(rest[c]) && !fits(rest[c], v)) header = true;
    }
    header = header && names;
  }
  const std::size_t first = header ? 1 : 0;
  if (header)
    for (std::size_t c = 0; c < width; ++c) result.header.emplace_back(fields[rows.front().first + c].value);
  result.column_kinds = kinds_of(first);
  result.rows = rows.size() - first;

  auto value_of = [&](const Field& f, std::size_t c) {
    query::Value v;
    switch (result.column_kinds[c]) {
      case ValueKind::Integer:
        integer_value(f.value, v.integer);
        v.kind = ValueKind::Integer;
        break;
      case ValueKind::Symbol: v = query::Value::make_symbol(std::string(f.value)); break;
      case ValueKind::String: v = query::Value::make_string(std::string(f.value)); break;
      case ValueKind::Date:
      case ValueKind::Duration:
      case ValueKind::Money: v = *query::parse_quantity_literal(f.value); break;
    }
    return v;
  };
  auto rule_of = [&](std::size_t r) {
    query::Rule fact;
    fact.location = rows[r].at;
    fact.head.predicate = std::string(predicate);
    fact.head.location = rows[r].at;
    fact.head.args.reserve(width);
    fact.text = fact.head.predicate;
    fact.text += '(';
    for (std::size_t c = 0; c < width; ++c) {
      const Field& f = fields[rows[r].first + c];
      auto v = value_of(f, c);
      if (c > 0) fact.text += ", ";
      fact.text += query::to_source(v);
      fact.head.args.push_back(query::Term::constant(std::move(v), Location{source, f.line, f.column, f.offset, f.length}));
    }
    fact.text += ").";
    return fact;
  };
  if (!options.compact) {
    result.program.rules.reserve(result.rows);
    for (std::size_t r = first; r < rows.size(); ++r) result.program.rules.push_back(rule_of(r));
    return result;
  }
  if (result.rows == 0) return result;
  result.program.rules.push_back(rule_of(first));
  query::FactRows facts;
  facts.predicate = std::string(predicate);
  facts.arity = static_cast<std::uint32_t>(width);
  facts.values.reserve(result.rows * width);
  facts.locations.reserve(result.rows);
  for (std::size_t r = first; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < width; ++c) facts.values.push_back(value_of(fields[rows[r].first + c], c));
    facts.locations.push_back(rows[r].at);
  }
  result.facts.push_back(std::move(facts));
  return result;
}

}  // namespace writ::grammar
