// The REPL's dot-commands (.help, .load, .preds, ...), sqlite3-style.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <chrono>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <fstream>
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

namespace {

// The rest of a dot-command's line as written (statements and goals keep their quotes).
std::string_view rest_of(std::string_view line, std::string_view command) {
  std::string_view rest = line.substr(line.find(command) + command.size());
  const auto first = rest.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  rest = rest.substr(first);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
  return rest;
}

// Each answer as "values: status", for comparing the answers before and after an
// assumption.
std::map<std::string, std::string> answer_lines(kb::KnowledgeBase& kb, const std::string& goal) {
  std::map<std::string, std::string> out;
  const auto r = kb.ask(goal, "<what-if>");
  if (r.outcome != kb::Outcome::Ok) return out;
  for (std::size_t i = 0; i < r.answers.rows.size(); ++i) {
    std::string values;
    for (std::size_t c = 0; c < r.answers.rows[i].size(); ++c)
      values += (c ? ", " : "") + r.answers.columns[c] + " = " + query::to_source(r.answers.rows[i][c]);
    if (values.empty()) values = "true";
    out[values] = r.answers.has_status ? kb::status_name(r.answers.statuses[i]) : "";
  }
  return out;
}

}  // namespace

void ReplSession::remember(const query::Query& q) {
  std::string goal = q.perspective.empty() ? "" : "[" + q.perspective + "] ";
  if (q.modality == query::Modality::Could) goal += "could ";
  if (q.modality == query::Modality::Does) goal += "does ";
  goal += q.text;
  std::erase(recent_goals_, goal);
  recent_goals_.push_back(goal);
  if (recent_goals_.size() > 8) recent_goals_.erase(recent_goals_.begin());
}

void ReplSession::explain(std::string_view goal, bool why_not) {
  BusyScope busy;
  if (!why_not) {  // .why: the brief, as `writ explain` prints it
    const auto mapped = kb_.argument_map(goal, "<why>");
    print_kb_diagnostics(mapped.diagnostics);
    if (mapped.outcome != kb::Outcome::Ok) {
      report_outcome(mapped.outcome, !mapped.diagnostics.empty());
      return;
    }
    if (mapped.map.answers.empty()) out() << "no answer (try .whynot)\n";
    out() << kb::render_brief(mapped.map, query::argue::default_brief_depth);
    return;
  }
  const auto result = kb_.why_not(goal, "<why>");
  print_kb_diagnostics(result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) {
    report_outcome(result.outcome, !result.diagnostics.empty());
    return;
  }
  // why_not() explains the answers that do not hold firmly, or the goal's failure when it
  // has none: nothing to explain means every answer holds.
  if (result.explanations.empty()) out() << "every answer holds: nothing to explain (try .why)\n";
  for (const auto& e : result.explanations) out() << kb::render_text(e);
}

namespace {

void print_changes(std::ostream& out, const std::string& goal, const std::map<std::string, std::string>& before,
                   const std::map<std::string, std::string>& after) {
  std::vector<std::string> lines;
  for (const auto& [values, status] : after) {
    const auto it = before.find(values);
    if (it == before.end()) lines.push_back("  + " + values + (status.empty() ? "" : ": " + status));
    else if (it->second != status) lines.push_back("  ~ " + values + ": " + it->second + " -> " + status);
  }
  for (const auto& [values, status] : before)
    if (!after.count(values)) lines.push_back("  - " + values + (status.empty() ? "" : " (was " + status + ")"));
  if (lines.empty()) return;
  out << "?- " << goal << ".\n";
  for (const auto& l : lines) out << l << '\n';
}

}  // namespace

void ReplSession::assume(std::string_view what) {
  BusyScope busy;
  std::vector<std::map<std::string, std::string>> before;
  for (const auto& g : recent_goals_) before.push_back(answer_lines(kb_, g));
  if (what == "off") {
    error("usage: .assume off LABEL: switches off the rule labelled LABEL (.rules shows the labels)");
    return;
  }
  const bool off = what.starts_with("off ");
  const auto result = off ? kb_.assume_off(rest_of(what, "off")) : kb_.assume(what);
  print_kb_diagnostics(result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) {
    report_outcome(result.outcome, !result.diagnostics.empty());
    return;
  }
  out() << "assumed; what changed in the questions asked so far:\n";
  for (std::size_t i = 0; i < recent_goals_.size(); ++i)
    print_changes(out(), recent_goals_[i], before[i], answer_lines(kb_, recent_goals_[i]));
}

void ReplSession::forget() {
  BusyScope busy;
  std::vector<std::map<std::string, std::string>> before;
  for (const auto& g : recent_goals_) before.push_back(answer_lines(kb_, g));
  kb_.forget();
  out() << "assumptions dropped; what changed back:\n";
  for (std::size_t i = 0; i < recent_goals_.size(); ++i)
    print_changes(out(), recent_goals_[i], before[i], answer_lines(kb_, recent_goals_[i]));
}

ReplSession::Flow ReplSession::run_dot_command(std::string_view line) {
  std::vector<std::string> words = split_command_words(line);
  if (words.empty()) return Flow::Ended;
  const std::string command = words.front();
  const std::vector<std::string> args(words.begin() + 1, words.end());

  if (command == ".quit" || command == ".exit") return keep_unsaved() ? Flow::Ended : Flow::Quit;
  // .read runs commands of its own, each with its output and time.
  if (command == ".read") return read_file(args);
  // Settings take no time worth showing.
  static const std::vector<std::string_view> untimed = {".help", ".format", ".timeout", ".echo", ".bail",
                                                        ".timer", ".stats", ".pager", ".output", ".once"};
  const bool timed = std::find(untimed.begin(), untimed.end(), command) == untimed.end();
  Flow flow = Flow::Ended;
  begin_command();
  dispatch_dot_command(line, command, args, flow);
  end_command(timed);
  return flow;
}

void ReplSession::dispatch_dot_command(std::string_view line, const std::string& command,
                                       const std::vector<std::string>& args, Flow& /*flow*/) {
  if (command == ".help") {
    out() << repl_help_text();
  } else if (command == ".load") {
    if (args.empty()) {
      error("usage: .load FILE...");
    } else {
      load_files(args);
    }
  } else if (command == ".reload") {
    reload(args);
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
    retract(rest_of(line, command));
  } else if (command == ".why" || command == ".whynot") {
    const auto rest = rest_of(line, command);
    if (rest.empty()) {
      error("usage: " + command + " GOAL");
    } else {
      explain(rest, command == ".whynot");
    }
  } else if (command == ".assume") {
    const auto rest = rest_of(line, command);
    if (rest.empty()) {
      const auto in_force = kb_.assumptions();
      if (in_force.empty()) out() << "(no assumptions)\n";
      for (const auto& a : in_force) out() << a << '\n';
    } else {
      assume(rest);
    }
  } else if (command == ".forget") {
    forget();
  } else if (command == ".save") {
    save(args);
  } else if (command == ".dump") {
    if (args.empty()) {
      out() << kb_.program_text();
    } else {
      error("usage: .dump (.save FILE writes it to a file)");
    }
  } else if (command == ".log") {
    if (args.empty()) {
      show_log();
    } else {
      error("usage: .log");
    }
  } else if (command == ".echo") {
    switch_setting(command, args, echo_);
  } else if (command == ".bail") {
    switch_setting(command, args, bail_);
  } else if (command == ".timer") {
    switch_setting(command, args, timer_);
  } else if (command == ".stats") {
    switch_setting(command, args, stats_);
  } else if (command == ".pager") {
    bool on = output_.pager();
    switch_setting(command, args, on);
    output_.set_pager(on);
  } else if (command == ".output" || command == ".once") {
    set_output(command, args);
  } else {
    error(unknown_command_message(command));
  }
  out().flush();
}

void ReplSession::show_predicates() {
  const auto predicates = kb_.predicates();
  if (predicates.empty()) {
    out() << "(no predicates)\n";
    return;
  }
  std::vector<std::vector<std::string>> rows;
  rows.reserve(predicates.size());
  for (const auto& p : predicates) {
    rows.push_back(
        {p.name + "/" + std::to_string(p.arity), std::to_string(p.facts), std::to_string(p.rules)});
  }
  out() << render_text_table({"predicate", "facts", "rules"}, rows);
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
  // The whole listing ends with the sources, templates and priorities, unnumbered: they
  // are not retracted by number.
  const auto declarations = name.empty() ? kb_.declaration_texts() : std::vector<std::string>();
  if (texts.empty() && declarations.empty()) {
    out() << (name.empty() ? "(no rules)\n" : "(no rules for " + name + ")\n");
    return;
  }
  // Each statement with its number, which `.retract #N` takes and which stays the same
  // while the session has the statement. The texts of one predicate come in the whole
  // listing's order, so a scan finds each.
  const auto all = name.empty() ? texts : kb_.rule_texts();
  const auto numbers = statement_ids_.number(all);
  std::size_t at = 0;
  const std::size_t width = std::to_string(numbers.empty() ? 0 : *std::max_element(numbers.begin(), numbers.end())).size();
  for (const auto& t : texts) {
    while (at < all.size() && all[at] != t) ++at;
    std::string number = "#" + std::to_string(at < numbers.size() ? numbers[at] : 0);
    number.resize(width + 3, ' ');
    out() << number << t;
    if (t.empty() || t.back() != '\n') out() << '\n';
    ++at;
  }
  for (const auto& d : declarations) {
    out() << std::string(width + 3, ' ') << d;
    if (d.empty() || d.back() != '\n') out() << '\n';
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
    answer(result.answers.query, result);
    if (result.outcome == kb::Outcome::Cancelled) return;
  }
}

void ReplSession::set_format(const std::vector<std::string>& args) {
  if (args.empty()) {
    out() << format_name(printer_.format()) << '\n';
    return;
  }
  std::optional<Format> format;
  if (args.size() == 1) format = parse_format(args.front());
  // A session has no end to close one document at: json-doc is for run and load.
  if (!format || *format == Format::JsonDoc) {
    error("usage: .format table|csv|json");
    return;
  }
  printer_.set_format(*format);
}

void ReplSession::set_timeout(const std::vector<std::string>& args) {
  if (args.empty()) {
    out() << "timeout: " << describe_timeout(limits_) << '\n';
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
  std::string texts;
  std::string bad;
  if (!statement_numbers(kb_, statement_ids_, statements, texts, nullptr, &bad)) {
    error("usage: .retract #N... takes the numbers that .rules shows; " + bad + " is none of them");
    return;
  }
  const kb::RetractResult result = kb_.retract(texts, ".retract");
  print_kb_diagnostics(result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) {
    report_outcome(result.outcome, !result.diagnostics.empty());
    return;
  }
  if (!persistent_) steps_.push_back(Step{Step::Kind::Retract, {}, kb::Input{".retract", texts}});
  // What went, as the knowledge base reports it: with a store, what its transaction removed.
  std::string which;
  for (const auto& t : result.statements) which += (which.empty() ? "" : " ") + one_line(t);
  out() << "removed " << (result.removed == 1 ? "" : count_of(result.removed, "statement") + ": ") << which;
  if (result.transaction > 0) out() << " (transaction " << result.transaction << ")";
  out() << '\n';
}

void ReplSession::save(const std::vector<std::string>& args) {
  if (args.size() != 1) {
    error("usage: .save FILE");
    return;
  }
  // In memory: what the session typed (or ran with .read), not the files it loaded, which
  // are on disk already; a store keeps all of that, and .save writes the whole of it.
  std::set<std::string, std::less<>> typed;
  std::vector<std::string> files;
  bool retracted = false;
  for (const auto& step : steps_) {
    if (step.kind == Step::Kind::Text) typed.insert(step.input.name);
    if (step.kind == Step::Kind::Retract) retracted = true;
    if (step.kind == Step::Kind::Files && !step.failed)
      for (const auto& p : step.paths)
        if (std::find(files.begin(), files.end(), p) == files.end()) files.push_back(p);
  }
  std::size_t statements = 0;
  const std::string text = persistent_ ? kb_.program_text() : kb_.program_text([&](std::string_view source) {
    const bool keep = typed.contains(source);
    statements += keep ? 1 : 0;
    return keep;
  });
  if (!persistent_ && statements == 0) {
    out() << "nothing saved: no statement typed in this session stands (.dump prints everything loaded)\n";
    return;
  }
  std::ofstream file(args.front(), std::ios::binary | std::ios::trunc);
  if (file) file << text;
  if (file) file.close();
  if (!file) {
    error("cannot write '" + args.front() + "': " + std::strerror(errno));
    return;
  }
  unsaved_ = 0;
  if (persistent_) {
    out() << "saved everything in the store to " << args.front() << " (load it with: writ " << args.front() << ")\n";
    return;
  }
  std::string command = "writ";
  for (const auto& f : files) command += " " + f;
  out() << "saved " << count_of(statements, "statement") << " typed in this session to " << args.front() << " ("
        << (files.empty() ? "" : "not the files loaded: ") << "load it with: " << command << " " << args.front()
        << ")\n";
  if (retracted && !files.empty())
    out() << "note: a program cannot retract: what this session retracted from the files is not in it "
             "(.dump prints everything as it stands)\n";
}

void ReplSession::show_log() {
  if (!kb_.has_store()) {
    error("no store is open (start writ with --db FILE, or writ FILE.db)");
    return;
  }
  const kb::LogResult log = kb_.transactions();
  print_kb_diagnostics(log.diagnostics);
  if (log.outcome != kb::Outcome::Ok) {
    report_outcome(log.outcome, !log.diagnostics.empty());
    return;
  }
  out() << format_transactions(log.transactions, printer_.format());
}

}  // namespace writ::cli
