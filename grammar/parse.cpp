// The driver: scan the text into statements, parse each with the X3 grammar, lower what
// parsed to query's AST, and collect every error on the way.
#include "grammar/parse.hpp"

#include <cstdint>
#include <exception>
#include <limits>
#include <map>
#include <new>
#include <string>

#include "grammar/blank.hpp"
#include "grammar/error_hints.hpp"
#include "grammar/lower.hpp"
#include "grammar/scanner.hpp"
#include "grammar/source_lines.hpp"
#include "grammar/syntax_parser.hpp"

namespace writ::grammar {

namespace {

// Garbage (a binary file) would otherwise produce an error per stray '.'.
constexpr std::size_t max_errors = 100;

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class Diagnostics {
 public:
  explicit Diagnostics(std::vector<query::Diagnostic>& out) : out_(out) {}

  // False once the limit is reached: the caller stops reading.
  bool add(query::Diagnostic d) {
    if (full_) return false;
    if (count_ == max_errors) {
      full_ = true;
      out_.push_back(query::Diagnostic{
          query::Severity::Note, d.location,
          "too many errors (" + std::to_string(max_errors) + "); the rest of the text was not read",
          {}});
      return false;
    }
    ++count_;
    out_.push_back(std::move(d));
    return true;
  }
  bool full() const { return full_; }

 private:
  std::vector<query::Diagnostic>& out_;
  std::size_t count_ = 0;
  bool full_ = false;
};

class Driver {
 public:
  Driver(std::string_view text, query::SourceId source, std::vector<query::Diagnostic>& out,
         std::uint32_t first_line = 1)
      : text_(text), lines_(text, source, first_line), diagnostics_(out) {}

  // With compact facts: a plain fact goes to its predicate's rows (the first one is also
  // read as a statement, the representative). False when the statement is not a plain
  // fact, or one the full grammar must read to report its error.
  bool compact_fact(const Segment& segment, query::Program& program, std::vector<query::FactRows>& facts) {
    const char* data = text_.data();
    const char* first = data + segment.begin;
    const char* last = data + segment.end;
    fact_.args.clear();
    fact_.predicate.clear();
    if (!parse_plain_fact_syntax(data, first, last, fact_) || fact_.args.size() > max_list_length) return false;
    Lowering lowering(text_, lines_);
    values_.clear();
    if (!lowering.fact_values(fact_, values_)) return false;
    std::string name = fact_.strong_negation ? "-" + fact_.predicate : fact_.predicate;
    const auto arity = static_cast<std::uint32_t>(fact_.args.size());
    auto found = blocks_.find({name, arity});
    if (found == blocks_.end()) {
      const auto rules = program.rules.size();
      statement(segment, program);
      if (program.rules.size() != rules + 1) return true;  // its errors are reported
      query::FactRows rows;
      rows.predicate = std::move(name);
      rows.arity = arity;
      rows.representative = rules;
      found = blocks_.emplace(std::pair{rows.predicate, arity}, facts.size()).first;
      facts.push_back(std::move(rows));
    }
    auto& rows = facts[found->second];
    for (auto& v : values_) rows.values.push_back(std::move(v));
    const auto statement_first = static_cast<std::size_t>(skip_blank(first, last) - data);
    rows.locations.push_back(locate(statement_first, segment.end));
    return true;
  }

  query::Location locate(std::size_t first, std::size_t last) const {
    return lines_.locate(first, last > first ? last - first : 0);
  }

  void syntax_error(const SyntaxError& e) {
    std::size_t length = 0;
    if (e.offset < text_.size()) {
      length = 1;
      while (e.offset + length < text_.size() && is_word_char(text_[e.offset]) &&
             is_word_char(text_[e.offset + length]))
        ++length;
    }
    std::string message = e.message;
    if (e.offset >= text_.size() && message.rfind("expected ", 0) == 0)
      message += " at the end of the input";
    auto explained = explain_syntax_error(text_, e.offset, std::move(message), length);
    diagnostics_.add(
        query::make_error(lines_.locate(explained.offset, explained.length), std::move(explained.message)));
  }

  void lowering_errors(Lowering& lowering) {
    for (query::Diagnostic& d : lowering.errors()) diagnostics_.add(std::move(d));
  }

  // A query's goal: its literals, text (trimmed), perspective, modality and location
  // (`statement_first` to `end`).
  bool query(const syntax::Goal& goal, std::size_t statement_first, std::size_t end,
             query::Query& out) {
    Lowering lowering(text_, lines_);
    if (!lowering.body(goal.body, out.body)) {
      lowering_errors(lowering);
      return false;
    }
    const std::size_t first = lowering.span(goal.body.front()).first;
    const std::size_t last = lowering.span(goal.body.back()).second;
    out.text = std::string(text_.substr(first, last - first));
    out.modality = goal.modality;
    out.perspective = goal.perspective.text;
    if (!out.perspective.empty()) out.perspective_location = lowering.locate(goal.perspective);
    out.location = locate(statement_first, end);
    return true;
  }

  void statement(const Segment& segment, query::Program& program) {
    const char* data = text_.data();
    const char* first = data + segment.begin;
    const char* last = data + segment.end;
    const auto statement_first = static_cast<std::size_t>(skip_blank(first, last) - data);
    if (segment.query_prefix || segment.terminator == '?') {
      syntax::Goal goal;
      if (auto e = parse_query_syntax(data, first, last, !segment.query_prefix, goal)) {
        syntax_error(*e);
        return;
      }
      query::Query q;
      if (query(goal, statement_first, segment.end, q)) program.queries.push_back(std::move(q));
      return;
    }
    syntax::Statement parsed;
    if (auto e = parse_statement_syntax(data, first, last, parsed)) {
      syntax_error(*e);
      return;
    }
    Lowering lowering(text_, lines_);
    if (!lowering.statement(parsed, segment.end, program)) lowering_errors(lowering);
  }

  void lexical_error(const Segment& segment) {
    diagnostics_.add(query::make_error(lines_.locate(segment.error_offset, 1), segment.error));
  }

  bool too_large() {
    if (text_.size() <= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
      return false;
    diagnostics_.add(query::make_error(lines_.locate(0, 0), "text too large to parse (over 2 GB)"));
    return true;
  }

  std::string_view text_;
  SourceLines lines_;
  Diagnostics diagnostics_;
  // Compact facts: the rows of each predicate (name, arity), and scratch space reused.
  std::map<std::pair<std::string, std::uint32_t>, std::size_t> blocks_;
  syntax::PlainFact fact_;
  std::vector<query::Value> values_;
};

query::Diagnostic internal_error(query::SourceId source, const char* what) {
  return query::make_error(query::Location{source, 1, 1, 0, 0},
                           std::string("the parser failed: ") + what);
}

}  // namespace

ParseResult parse_program(std::string_view text, query::SourceId source, std::uint32_t first_line) {
  return parse_program(text, source, ParseOptions{first_line, false});
}

ParseResult parse_program(std::string_view text, query::SourceId source, const ParseOptions& options) {
  ParseResult result;
  try {
    Driver driver(text, source, result.diagnostics, options.first_line);
    if (driver.too_large()) return result;
    StatementScanner scanner(text);
    Segment segment;
    while (!driver.diagnostics_.full() && scanner.next(segment)) {
      if (segment.error != nullptr) {
        driver.lexical_error(segment);
      } else if (!options.compact_facts || segment.query_prefix || segment.terminator == '?' ||
                 !driver.compact_fact(segment, result.program, result.facts)) {
        driver.statement(segment, result.program);
      }
    }
  } catch (const std::bad_alloc&) {
    result.out_of_memory = true;
    result.diagnostics.push_back(internal_error(source, "out of memory"));
  } catch (const std::exception& e) {
    result.diagnostics.push_back(internal_error(source, e.what()));
  }
  return result;
}

GoalResult parse_goal(std::string_view text, query::SourceId source) {
  GoalResult result;
  try {
    Driver driver(text, source, result.diagnostics);
    if (driver.too_large()) return result;
    // Unterminated strings and comments first: the grammar would only see odd characters.
    StatementScanner scanner(text);
    Segment segment;
    while (!driver.diagnostics_.full() && scanner.next(segment))
      if (segment.error != nullptr) driver.lexical_error(segment);
    if (!result.diagnostics.empty()) return result;
    const char* data = text.data();
    const char* end = data + text.size();
    syntax::Goal goal;
    if (auto e = parse_goal_syntax(data, data, end, goal)) {
      driver.syntax_error(*e);
      return result;
    }
    const auto first = static_cast<std::size_t>(skip_blank(data, end) - data);
    Lowering lowering(text, driver.lines_);
    const std::size_t last = lowering.span(goal.body.back()).second;
    query::Query q;
    if (driver.query(goal, first, last, q)) result.query = std::move(q);
  } catch (const std::bad_alloc&) {
    throw;  // not an error in the text: the caller's limit (exit 3 at the command line)
  } catch (const std::exception& e) {
    result.diagnostics.push_back(internal_error(source, e.what()));
  }
  return result;
}

bool is_complete(std::string_view text) {
  StatementScanner scanner(text);
  Segment segment;
  while (scanner.next(segment)) {
  }
  return scanner.complete();
}

}  // namespace writ::grammar
