#include "repl_session.hpp"
#include "run_stats.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "colour.hpp"
#include "input_hints.hpp"
#include "interrupt.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

constexpr std::string_view primary_prompt = "writ> ";
constexpr std::string_view continuation_prompt = "  ...> ";

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view trim_left(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  return first == std::string_view::npos ? std::string_view() : s.substr(first);
}

// CPU seconds used so far: user, system.
std::pair<double, double> cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return {seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

std::string three_decimals(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", seconds);
  return text;
}

}  // namespace

// A statement as one line: each run of blanks and line breaks outside strings one blank.
std::string one_line(std::string_view text) {
  std::string out;
  bool blank = false;
  char quote = 0;  // '"' inside a string
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
    if (quote != 0 && c == '\\' && i + 1 < text.size()) {
      out += text[++i];
    } else if (c == '"') {
      quote = quote == 0 ? c : 0;
    }
  }
  return out;
}

ReplSession::ReplSession(const Options& options, bool interactive)
    : kb_(options.limits),
      persistent_(options.db.has_value() || options.postgres.has_value()),
      limits_(options.limits),
      output_(interactive && ::isatty(STDOUT_FILENO) == 1),
      printer_(output_.stream(), options.format, /*echo_query=*/!interactive),
      interactive_(interactive),
      source_name_(interactive ? "<repl>" : "<stdin>"),
      colour_(interactive && colour_suits(STDOUT_FILENO)) {}

void ReplSession::error(std::string_view message) {
  out().flush();
  print_error("error", message);
  status_ = worst(status_, ExitStatus::InputError);
  ++errors_;
}

// A hint answers a line that was not a statement: in a script that line is an error.
void ReplSession::hint(std::string_view message) {
  out().flush();
  print_error("hint", message);
  if (!interactive_) {
    status_ = worst(status_, ExitStatus::InputError);
    ++errors_;
  }
}

void ReplSession::print_kb_diagnostics(const std::vector<kb::Diagnostic>& diagnostics) {
  out().flush();
  print_diagnostics(kb_, diagnostics);
}

void ReplSession::report_outcome(kb::Outcome outcome, bool has_diagnostics) {
  switch (outcome) {
    case kb::Outcome::Ok: return;
    case kb::Outcome::InputError:
      status_ = worst(status_, ExitStatus::InputError);
      ++errors_;
      return;
    case kb::Outcome::LimitHit:
      if (!has_diagnostics) print_error("error", "evaluation stopped: a limit was hit");
      status_ = worst(status_, ExitStatus::LimitHit);
      ++errors_;
      return;
    case kb::Outcome::Cancelled:
      out().flush();
      // At a terminal, overwrite the ^C that the terminal echoed.
      std::cerr << (interactive_ ? "\rcancelled\n" : "cancelled\n");
      std::cerr.flush();
      if (!interactive_) {
        status_ = worst(status_, ExitStatus::InputError);
        ++errors_;
      }
      return;
  }
}

void ReplSession::answer(const std::string& goal, const kb::AskResult& result) {
  const std::string diagnostics = printer_.format() == Format::Json ? diagnostics_json(kb_, result.diagnostics) : "[]";
  if (result.outcome == kb::Outcome::Ok) printer_.print(result.answers, diagnostics);
  else printer_.unanswered(goal, result.outcome, diagnostics);
  // A cancelled call's diagnostic only repeats what `cancelled` says.
  if (result.outcome != kb::Outcome::Cancelled) print_kb_diagnostics(result.diagnostics);
  if (result.outcome != kb::Outcome::Ok) report_outcome(result.outcome, !result.diagnostics.empty());
}

void ReplSession::execute(std::string text, const std::string& name, std::uint32_t first_line) {
  // Without the last line's newline, an error at the end points after the last token.
  if (text.ends_with('\n')) text.pop_back();
  // One scope for the load and its queries: a Ctrl-C anywhere in them stops the statement.
  const bool typed = interactive_ && name == source_name_;
  const std::uint64_t before = typed ? last_transaction() : 0;
  BusyScope busy;
  std::string statement = typed ? one_line(text) : std::string();
  // .reload replays it as it was.
  std::string kept = persistent_ ? std::string() : text;
  const kb::LoadResult loaded = kb_.load({kb::Input{name, std::move(text), first_line}});
  if (!persistent_ && loaded.outcome == kb::Outcome::Ok && loaded.added > 0)
    steps_.push_back(Step{Step::Kind::Text, {}, kb::Input{name, std::move(kept), first_line}});
  // At a terminal every write says what it changed: a fact typed to ask something is
  // seen to be added (to ask, end it with '?').
  if (typed && loaded.outcome == kb::Outcome::Ok && loaded.added > 0) {
    out() << "added " << (loaded.added == 1 && loaded.queries.empty() ? statement : count_of(loaded.added, "statement"));
    if (const std::uint64_t number = last_transaction(); number > before) {
      out() << " (transaction " << number << ")";
    } else if (!kb_.has_store()) {
      unsaved_ += loaded.added;
      warned_unsaved_ = false;
    }
    out() << '\n';
  }
  finish_load(loaded);
}

bool ReplSession::keep_unsaved() {
  if (!interactive_ || unsaved_ == 0 || warned_unsaved_) return false;
  warned_unsaved_ = true;
  out().flush();
  print_error("warning", count_of(unsaved_, "statement") + " typed in this session " +
                             (unsaved_ == 1 ? "is" : "are") +
                             " in memory only: .save FILE keeps them; .quit again quits without saving");
  return true;
}

bool ReplSession::open_store(const Options& options) {
  const bool ok = cli::open_store(kb_, options, options.as_of ? StoreAccess::Read : StoreAccess::Write);
  if (!ok) status_ = worst(status_, ExitStatus::InputError);
  return ok;
}

std::uint64_t ReplSession::last_transaction() {
  if (!kb_.has_store()) return 0;
  const kb::LogResult log = kb_.transactions();
  return log.transactions.empty() ? 0 : log.transactions.back().number;
}

bool ReplSession::load_startup_files(const std::vector<std::string>& paths) {
  if (paths.empty()) return true;
  begin_command();
  const std::size_t errors = errors_;
  load_files(paths);
  const bool loaded = errors_ == errors;
  end_command(false);
  if (!loaded) {
    // Even a file that cannot be read yet: .reload reads it once it is there.
    log_files(paths, false);
    if (interactive_) {
      std::string files;
      for (const auto& p : paths) files += (files.empty() ? "" : " ") + p;
      std::cout << files << " not loaded (see the errors above): fix " << (paths.size() == 1 ? "it" : "them")
                << ", then enter .reload\n";
    }
  }
  return loaded;
}

void ReplSession::load_files(const std::vector<std::string>& paths) {
  if (paths.empty()) return;
  if (auto message = unreadable_file(paths)) {
    error(*message);
    return;
  }
  const std::uint64_t before = interactive_ ? last_transaction() : 0;
  BusyScope busy;
  const kb::LoadResult loaded = kb_.load_files(paths);
  // At a terminal, say what the store gained; a script prints only answers and errors.
  if (interactive_ && loaded.outcome == kb::Outcome::Ok && kb_.has_store()) {
    const kb::LogResult log = kb_.transactions();
    if (!log.transactions.empty() && log.transactions.back().number > before) {
      const auto& t = log.transactions.back();
      out() << "transaction " << t.number << ": added " << count_of(t.added, "statement") << '\n';
    }
  } else if (interactive_ && loaded.outcome == kb::Outcome::Ok) {
    std::string names;
    for (const auto& p : paths) names += (names.empty() ? "" : ", ") + p;
    out() << "loaded " << names << ": " << count_of(loaded.added, "statement") << '\n';
  }
  if (loaded.outcome == kb::Outcome::Ok) log_files(paths, true);
  if (loaded.outcome == kb::Outcome::InputError) log_files(paths, false);
  // The files' questions are not on the screen: each answer says what it answers.
  printer_.set_echo_query(true);
  finish_load(loaded);
  // A second .load of an edited file declares everything again: .reload replaces it.
  if (loaded.outcome == kb::Outcome::InputError && !persistent_) {
    for (const auto& p : paths) {
      const bool loaded_before = std::any_of(steps_.begin(), steps_.end(), [&](const Step& s) {
        return s.kind == Step::Kind::Files && !s.failed && std::find(s.paths.begin(), s.paths.end(), p) != s.paths.end();
      });
      if (loaded_before) {
        hint("'" + p + "' was loaded before: to read a file again after editing it, enter .reload");
        break;
      }
    }
  }
}

void ReplSession::log_files(const std::vector<std::string>& paths, bool loaded) {
  if (persistent_) return;
  const auto has = [](const std::vector<std::string>& list, const std::string& p) {
    return std::find(list.begin(), list.end(), p) != list.end();
  };
  if (loaded) {
    // A file that failed before and loads now is loaded once, here.
    for (auto& s : steps_)
      if (s.kind == Step::Kind::Files && s.failed) std::erase_if(s.paths, [&](const auto& p) { return has(paths, p); });
    std::erase_if(steps_, [](const Step& s) { return s.kind == Step::Kind::Files && s.paths.empty(); });
    steps_.push_back(Step{Step::Kind::Files, paths, {}, false});
    return;
  }
  // .reload tries a file that did not load once, unless it is read already.
  std::vector<std::string> fresh;
  for (const auto& p : paths) {
    const bool logged = std::any_of(steps_.begin(), steps_.end(),
                                    [&](const Step& s) { return s.kind == Step::Kind::Files && has(s.paths, p); });
    if (!logged) fresh.push_back(p);
  }
  if (!fresh.empty()) steps_.push_back(Step{Step::Kind::Files, std::move(fresh), {}, true});
}

void ReplSession::reload(const std::vector<std::string>& args) {
  if (!args.empty()) {
    error("usage: .reload (reads every file loaded in this session again)");
    return;
  }
  if (persistent_) {
    error(".reload works on a session in memory: a store keeps each load as a transaction, and cannot "
          "replace a file's statements in one yet; .retract the old statements, then .load the file again");
    return;
  }
  std::vector<std::string> files;
  for (const auto& s : steps_)
    if (s.kind == Step::Kind::Files)
      for (const auto& p : s.paths)
        if (std::find(files.begin(), files.end(), p) == files.end()) files.push_back(p);
  if (files.empty()) {
    error("nothing to reload: no file was loaded in this session (.load FILE loads one)");
    return;
  }
  // The session replayed into a fresh knowledge base; the session's own stays as it is
  // until all of it loaded.
  kb::KnowledgeBase fresh(limits_);
  CancelTarget target(fresh);
  BusyScope busy;
  const auto failed = [&](const auto& result) {
    out().flush();
    print_diagnostics(fresh, result.diagnostics);
    if (result.outcome == kb::Outcome::Ok) return false;
    report_outcome(result.outcome, !result.diagnostics.empty());
    if (result.outcome != kb::Outcome::Cancelled)
      print_error("note", "nothing was reloaded: the session is as it was; fix the errors, then enter .reload again");
    return true;
  };
  std::size_t from_files = 0;
  for (const auto& step : steps_) {
    if (step.kind == Step::Kind::Retract) {
      // What was retracted may be gone from its edited file: then there is nothing to do.
      const kb::RetractResult r = fresh.retract(step.input.text, ".retract");
      if (r.outcome == kb::Outcome::Cancelled) {
        report_outcome(r.outcome, false);
        return;
      }
      continue;
    }
    const kb::LoadResult r = step.kind == Step::Kind::Files ? fresh.load_files(step.paths) : fresh.load({step.input});
    if (failed(r)) return;
    if (step.kind == Step::Kind::Files) from_files += r.added;
  }
  for (const auto& a : kb_.assumptions()) {
    if (failed(a.starts_with("off ") ? fresh.assume_off(std::string_view(a).substr(4)) : fresh.assume(a))) return;
  }
  kb_.swap(fresh);
  for (auto& s : steps_) s.failed = false;
  std::string names;
  for (const auto& p : files) names += (names.empty() ? "" : ", ") + p;
  out() << "reloaded " << names << ": " << count_of(from_files, "statement") << '\n';
}

void ReplSession::finish_load(const kb::LoadResult& loaded) {
  if (loaded.outcome != kb::Outcome::Cancelled) print_kb_diagnostics(loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    report_outcome(loaded.outcome, !loaded.diagnostics.empty());
    return;
  }
  for (const auto& q : loaded.queries) {
    remember(q);
    const auto started = RunStats::Clock::now();
    kb::AskResult result = kb_.ask(q);
    const auto evaluated = RunStats::Clock::now();
    // A warning about the question (an undefined predicate) came with the load already.
    drop_repeated(result.diagnostics, loaded.diagnostics);
    answer(q.text, result);
    if (stats_) {  // .stats: this question's cost, as writ run --stats says it
      RunStats stats;
      stats.evaluate = evaluated - started;
      stats.answer = RunStats::Clock::now() - evaluated;
      stats.questions = 1;
      stats.answers = result.answers.rows.size();
      out().flush();
      print_stats(stats, kb_, printer_.format());
    }
    if (result.outcome == kb::Outcome::Cancelled) return;  // the user wants the prompt back
  }
}

void ReplSession::begin_command() {
  output_.begin();
  if (output_.destination() != destination_) {
    destination_ = output_.destination();
    printer_.start_over();
  }
  printer_.set_colour(colour_ && output_.to_terminal());
  if (timer_) {
    started_ = std::chrono::steady_clock::now();
    std::tie(started_user_, started_system_) = cpu_seconds();
  }
}

void ReplSession::end_command(bool timed) {
  output_.end();
  if (!timer_ || !timed) return;
  const double real = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const auto [user, system] = cpu_seconds();
  std::cerr << "time: " << three_decimals(real) << " s real, " << three_decimals(user - started_user_)
            << " s user, " << three_decimals(system - started_system_) << " s system\n";
  std::cerr.flush();
}

void ReplSession::run(LineSource& source) {
  Reader reader{source, source_name_, interactive_};
  read_lines(reader);
}

ReplSession::Flow ReplSession::read_lines(Reader& reader) {
  std::string pending;  // the lines of an unfinished statement
  std::uint32_t pending_first_line = 1;
  while (true) {
    const std::string prompt(pending.empty() ? primary_prompt : continuation_prompt);
    InputLine line = reader.source.read(prompt);
    if (line.kind == InputLine::Kind::Interrupted) {
      pending.clear();
      continue;
    }
    if (line.kind == InputLine::Kind::Error) {
      // What was read and run stays; an unfinished statement is not run from a part of it.
      error("cannot read '" + source_name_ + "': " + line.text + (is_blank(pending) ? "" : "; the unfinished statement was not run"));
      return bail_ ? Flow::Bailed : Flow::Ended;
    }
    if (line.kind == InputLine::Kind::End) {
      if (reader.typed) std::cout << '\n';
      // An unfinished statement at the end still gets its diagnostics (e.g. a missing `.`).
      if (!is_blank(pending)) {
        const std::size_t errors = errors_;
        begin_command();
        execute(pending, reader.name, pending_first_line);
        end_command(true);
        if (bail_ && !reader.typed && errors_ > errors) return Flow::Bailed;
      }
      return Flow::Ended;
    }
    ++reader.line;
    Flow flow = Flow::Ended;
    if (!take_line(reader, line.text, pending, pending_first_line, flow)) return flow;
  }
}

bool ReplSession::take_line(Reader& reader, std::string_view line, std::string& pending,
                            std::uint32_t& pending_first_line, Flow& flow) {
  if (echo_) {
    out() << line << '\n';
    out().flush();
  }
  const std::size_t errors = errors_;
  const auto bailing = [&] {
    if (!bail_ || reader.typed || errors_ == errors) return false;
    flow = Flow::Bailed;
    return true;
  };
  if (pending.empty() && is_blank(line)) return true;

  // What another shell's user types, answered at once rather than waited on.
  if (!pending.empty() && (asks_for_pending(line, pending) || (reader.typed && is_blank(line)))) {
    if (reader.typed) {
      hint("the statement '" + pending_excerpt(pending) +
           "' is unfinished: end it with '.' (or '?' for a question); Ctrl-C drops it");
    }
    if (is_blank(line)) pending += '\n';
    return true;
  }
  if (auto h = input_hint(line, pending, [this] { return kb_.predicates(); })) {
    pending.clear();
    hint(h->message);
    if (!h->run_line) return !bailing();
  }

  if (const std::string_view command = trim_left(line); pending.empty() && command.starts_with(".")) {
    // A command's answers (.facts) are headed by the command itself, and what it prints
    // ends a run of answers.
    printer_.set_echo_query(false);
    printer_.start_over();
    flow = run_dot_command(command);
    if (flow != Flow::Ended) return false;
    return !bailing();
  }
  // A script's messages count lines from its start; at a terminal, from the start of
  // the statement just typed (as Python's REPL does), which is what is on the screen.
  if (pending.empty()) pending_first_line = reader.typed ? 1 : reader.line;
  pending += line;
  pending += '\n';
  if (kb::KnowledgeBase::is_complete(pending)) {
    std::string text = std::move(pending);
    pending.clear();
    printer_.set_echo_query(!reader.typed && !echo_);
    begin_command();
    execute(std::move(text), reader.name, pending_first_line);
    end_command(true);
    return !bailing();
  }
  return true;
}

}  // namespace writ::cli
