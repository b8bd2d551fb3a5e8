// The REPL's dot-commands (.help, .load, .preds, ...), sqlite3-style.
#include <charconv>
#include <chrono>
#include <cmath>
#include <iostream>

#include "help_text.hpp"
#include "interrupt.hpp"
#include "repl_session.hpp"
#include "reporting.hpp"
#include "store_access.hpp"
#include "text_table.hpp"
#include "transaction_log.hpp"

namespace writ::cli {

std::vector<std::string> split_command_words(std::string_view line) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    std::string word;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
      if (line[i] == '"' || line[i] == '\'') {
        const char quote = line[i++];
        while (i < line.size() && line[i] != quote) word += line[i++];
        if (i < line.size()) ++i;  // the closing quote
      } else {
        word += line[i++];
      }
    }
    words.push_back(std::move(word));
  }
  return words;
}

namespace {

// `name` or `name/arity`.
struct PredicateRef {
  std::string name;
  std::optional<std::size_t> arity;
};

std::optional<PredicateRef> parse_predicate_ref(std::string_view text) {
  PredicateRef ref;
  const auto slash = text.rfind('/');
  if (slash == std::string_view::npos) {
    ref.name = std::string(text);
  } else {
    std::size_t arity = 0;
    const std::string_view digits = text.substr(slash + 1);
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), arity);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
    ref.name = std::string(text.substr(0, slash));
    ref.arity = arity;
  }
  if (ref.name.empty()) return std::nullopt;
  return ref;
}

std::string describe_timeout(const kb::Limits& limits) {
  if (!limits.timeout) return "off";
  const auto ms = limits.timeout->count();
  std::string text = std::to_string(ms / 1000);
  if (const auto fraction = ms % 1000; fraction != 0) {
    std::string digits = std::to_string(1000 + fraction).substr(1);  // three digits
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text + " s";
}

}  // namespace

bool ReplSession::run_dot_command(std::string_view line) {
  std::vector<std::string> words = split_command_words(line);
  if (words.empty()) return true;
  const std::string command = words.front();
  const std::vector<std::string> args(words.begin() + 1, words.end());

  if (command == ".quit" || command == ".exit") return false;
  if (command == ".help") {
    std::cout << repl_help_text();
  } else if (command == ".load") {
    if (args.empty()) {
      error("usage: .load FILE...");
    } else {
      load_files(args);
    }
  } else if (command == ".preds") {
    show_predicates();
  } else if (command == ".rules") {
    show_rules(args);
  } else if (command == ".facts") {
    show_facts(args);
  } else if (command == ".format") {
    set_format(args);
  } else if (command == ".timeout") {
    set_timeout(args);
  } else if (command == ".retract") {
    // The rest of the line as written: statements have their own quotes and blanks.
    std::string_view rest = line.substr(line.find(".retract") + std::string_view(".retract").size());
    const auto first = rest.find_first_not_of(" \t");
    retract(first == std::string_view::npos ? std::string_view() : rest.substr(first));
  } else if (command == ".log") {
    if (args.empty()) {
      show_log();
    } else {
      error("usage: .log");
    }
  } else {
    error("unknown command '" + command + "' (enter .help for the list)");
  }
  std::cout.flush();
  return true;
}

void ReplSession::show_predicates() {
  const auto predicates = kb_.predicates();
  if (predicates.empty()) {
    std::cout << "(no predicates)\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  rows.reserve(predicates.size());
  for (const auto& p : predicates) {
    rows.push_back(
        {p.name + "/" + std::to_string(p.arity), std::to_string(p.facts), std::to_string(p.rules)});
  }
  std::cout << render_text_table({"predicate", "facts", "rules"}, rows);
}

void ReplSession::show_rules(const std::vector<std::string>& args) {
  if (args.size() > 1) {
    error("usage: .rules [PRED]");
    return;
  }
  std::string name;
  if (!args.empty()) {
    auto ref = parse_predicate_ref(args.front());
    if (!ref) {
      error("usage: .rules [PRED]");
      return;
    }
    name = ref->name;  // rule_texts() is per name: all arities
  }
  const auto texts = kb_.rule_texts(name);
  if (texts.empty()) {
    std::cout << (name.empty() ? "(no rules)\n" : "(no rules for " + name + ")\n");
    return;
  }
  for (const auto& t : texts) {
    std::cout << t;
    if (t.empty() || t.back() != '\n') std::cout << '\n';
  }
}

void ReplSession::show_facts(const std::vector<std::string>& args) {
  std::optional<PredicateRef> ref;
  if (args.size() == 1) ref = parse_predicate_ref(args.front());
  if (!ref) {
    error("usage: .facts PRED[/N]");
    return;
  }
  std::vector<kb::AskResult> results;
  {
    BusyScope busy;
    results = kb_.relation(ref->name, ref->arity);
  }
  if (results.empty()) {
    error("no predicate '" + args.front() + "'");
    return;
  }
  for (const auto& result : results) {
    answer(result);
    if (result.outcome == kb::Outcome::Cancelled) return;
  }
}

void ReplSession::set_format(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cout << format_name(printer_.format()) << '\n';
    return;
  }
  std::optional<Format> format;
  if (args.size() == 1) format = parse_format(args.front());
  if (!format) {
    error("usage: .format table|csv|json");
    return;
  }
  printer_.set_format(*format);
}

void ReplSession::set_timeout(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::cout << "timeout: " << describe_timeout(limits_) << '\n';
    return;
  }
  if (args.size() == 1 && args.front() == "off") {
    limits_.timeout.reset();
    kb_.set_limits(limits_);
    return;
  }
  double seconds = 0;
  bool ok = args.size() == 1;
  if (ok) {
    const std::string& text = args.front();
    auto [ptr, ec] =
        std::from_chars(text.data(), text.data() + text.size(), seconds, std::chars_format::fixed);
    ok = ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(seconds) && seconds > 0 &&
         seconds <= 1e9;
  }
  if (!ok) {
    error("usage: .timeout SECONDS|off (SECONDS a positive number)");
    return;
  }
  limits_.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000)));
  kb_.set_limits(limits_);
}

void ReplSession::retract(std::string_view statements) {
  if (statements.empty()) {
    error("usage: .retract STATEMENT... (e.g. .retract edge(1, 2).)");
    return;
  }
  const kb::RetractResult result = kb_.retract(statements, ".retract");
  print_diagnostics(kb_, result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) {
    report_outcome(result.outcome, !result.diagnostics.empty());
    return;
  }
  std::cout << "removed " << count_of(result.removed, "statement");
  if (const std::uint64_t number = last_transaction(); number > 0) std::cout << " (transaction " << number << ")";
  std::cout << '\n';
}

void ReplSession::show_log() {
  if (!kb_.has_store()) {
    error("no store is open (start writ with --db FILE, or writ FILE.db)");
    return;
  }
  const kb::LogResult log = kb_.transactions();
  print_diagnostics(kb_, log.diagnostics);
  if (log.outcome != kb::Outcome::Ok) {
    report_outcome(log.outcome, !log.diagnostics.empty());
    return;
  }
  std::cout << format_transactions(log.transactions, printer_.format());
}

}  // namespace writ::cli
