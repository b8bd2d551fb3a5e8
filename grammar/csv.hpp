// CSV and TSV text -> facts of one predicate (`writ import`).
//
// The dialect is RFC 4180's, read leniently where that loses nothing: fields separated by
// the delimiter, rows by LF or CRLF, a field in double quotes may hold delimiters, line
// breaks and `""` for a quote; a UTF-8 byte order mark is skipped, blank lines are
// skipped. Every row must have as many fields as the first.
//
// Values are typed per column, so that a column joins with itself and with writ's own
// facts: a column is integer when every value in it is a 64-bit integer (`-12`, `0`),
// else date, duration or money when every value is one as writ writes it (`2026-03-01`,
// `30d`, `$1_234.50`), else symbol when every value is written as a writ symbol
// (`microsoft`, `aws_deal`), else string. The header row is optional: see CsvHeader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::grammar {

enum class CsvHeader {
  // The first row is a header when it holds no integer, date, duration or money and some
  // column is of one of these kinds in every other row ("src,dst" over numbers). A table
  // without such a column cannot tell: its first row is data (say CsvHeader::Yes).
  Auto,
  Yes,  // the first row names the columns
  No,   // every row is data
};

struct CsvOptions {
  char delimiter = ',';
  CsvHeader header = CsvHeader::Auto;
  // The rows go to CsvResult::facts, and only the first is also a Rule (as
  // ParseOptions::compact_facts does for writ text).
  bool compact = false;
};

struct CsvResult {
  query::Program program;                      // one plain fact per data row, in order
  std::vector<query::FactRows> facts;          // compact: every data row
  std::vector<query::Diagnostic> diagnostics;  // every error of the text (then no facts)
  std::vector<std::string> header;             // the header row's fields; empty when none
  std::vector<query::ValueKind> column_kinds;  // each column's type
  std::size_t rows = 0;                        // data rows
};

// Reads `text` (the contents of source `source`) as facts `predicate(v1, ..., vn)`, each
// located at the start of its row. `predicate` must be a valid predicate name (a lowercase
// symbol); the caller checks that.
CsvResult parse_csv(std::string_view text, query::SourceId source, std::string_view predicate,
                    const CsvOptions& options);

// True when `name` is written as a writ symbol: a lowercase letter, then letters, digits, `_`.
bool is_symbol_text(std::string_view name);

}  // namespace writ::grammar
