#include "repl_session.hpp"

#include <iostream>

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

}  // namespace

ReplSession::ReplSession(const Options& options, bool interactive)
    : kb_(options.limits),
      limits_(options.limits),
      printer_(std::cout, options.format, /*echo_query=*/false),
      interactive_(interactive),
      source_name_(interactive ? "<repl>" : "<stdin>") {}

void ReplSession::error(std::string_view message) {
  print_error("error", message);
  status_ = worst(status_, ExitStatus::InputError);
}

void ReplSession::report_outcome(kb::Outcome outcome, bool has_diagnostics) {
  switch (outcome) {
    case kb::Outcome::Ok: return;
    case kb::Outcome::InputError: status_ = worst(status_, ExitStatus::InputError); return;
    case kb::Outcome::LimitHit:
      if (!has_diagnostics) print_error("error", "evaluation stopped: a limit was hit");
      status_ = worst(status_, ExitStatus::LimitHit);
      return;
    case kb::Outcome::Cancelled:
      std::cout.flush();
      // At a terminal, overwrite the ^C that the terminal echoed.
      std::cerr << (interactive_ ? "\rcancelled\n" : "cancelled\n");
      std::cerr.flush();
      if (!interactive_) status_ = worst(status_, ExitStatus::InputError);
      return;
  }
}

void ReplSession::answer(const kb::AskResult& result) {
  // A cancelled call's diagnostic only repeats what `cancelled` says.
  if (result.outcome != kb::Outcome::Cancelled) print_diagnostics(kb_, result.diagnostics);
  if (result.outcome == kb::Outcome::Ok) {
    printer_.print(result.answers);
  } else {
    report_outcome(result.outcome, !result.diagnostics.empty());
  }
}

void ReplSession::execute(std::string text, std::uint32_t first_line) {
  // Without the last line's newline, an error at the end points after the last token.
  if (text.ends_with('\n')) text.pop_back();
  // One scope for the load and its queries: a Ctrl-C anywhere in them stops the statement.
  BusyScope busy;
  finish_load(kb_.load({kb::Input{source_name_, std::move(text), first_line}}));
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
      std::cout << "transaction " << t.number << ": added " << count_of(t.added, "statement") << '\n';
    }
  }
  finish_load(loaded);
}

void ReplSession::finish_load(const kb::LoadResult& loaded) {
  if (loaded.outcome != kb::Outcome::Cancelled) print_diagnostics(kb_, loaded.diagnostics);
  if (loaded.outcome != kb::Outcome::Ok) {
    report_outcome(loaded.outcome, !loaded.diagnostics.empty());
    return;
  }
  for (const auto& q : loaded.queries) {
    remember(q);
    const kb::AskResult result = kb_.ask(q);
    answer(result);
    if (result.outcome == kb::Outcome::Cancelled) return;  // the user wants the prompt back
  }
}

void ReplSession::run(LineSource& source) {
  std::string pending;  // the lines of an unfinished statement
  std::uint32_t pending_first_line = 1;
  while (true) {
    const std::string prompt(pending.empty() ? primary_prompt : continuation_prompt);
    InputLine line = source.read(prompt);
    if (line.kind == InputLine::Kind::Interrupted) {
      pending.clear();
      continue;
    }
    if (line.kind == InputLine::Kind::Error) {
      // What was read and run stays; an unfinished statement is not run from a part of it.
      error("cannot read '" + source_name_ + "': " + line.text + (is_blank(pending) ? "" : "; the unfinished statement was not run"));
      return;
    }
    if (line.kind == InputLine::Kind::End) {
      if (interactive_) std::cout << '\n';
      // An unfinished statement at the end still gets its diagnostics (e.g. a missing `.`).
      if (!is_blank(pending)) execute(pending, pending_first_line);
      return;
    }
    ++line_number_;
    if (pending.empty()) {
      if (is_blank(line.text)) continue;
      if (const std::string_view command = trim_left(line.text); command.starts_with(".")) {
        if (!run_dot_command(command)) return;
        continue;
      }
    }
    // A script's messages count lines from its start; at a terminal, from the start of
    // the statement just typed (as Python's REPL does), which is what is on the screen.
    if (pending.empty()) pending_first_line = interactive_ ? 1 : line_number_;
    pending += line.text;
    pending += '\n';
    if (kb::KnowledgeBase::is_complete(pending)) {
      std::string text = std::move(pending);
      pending.clear();
      execute(std::move(text), pending_first_line);
    }
  }
}

}  // namespace writ::cli
