// The REPL: reads statements and dot-commands from a LineSource and answers them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "answer_format.hpp"
#include "exit_status.hpp"
#include "line_source.hpp"
#include "options.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

class ReplSession {
 public:
  // `interactive`: a person at a terminal (prompts, `cancelled` over the echoed ^C);
  // otherwise a script, whose errors decide the exit status.
  ReplSession(const Options& options, bool interactive);

  // Opens the store of --db (writable unless --as-of), before anything is loaded. Prints
  // why on failure and returns false.
  bool open_store(const Options& options);
  // Loads files given on the command line, as `.load` does (into the store, if one is open
  // for writing).
  void load_files(const std::vector<std::string>& paths);
  // Reads until end of input or `.quit`.
  void run(LineSource& source);

  kb::KnowledgeBase& knowledge_base() { return kb_; }
  // The worst outcome so far: 1 on any error, else 3 on any limit hit, else 0.
  ExitStatus status() const { return status_; }

 private:
  // A complete statement text (facts, rules, queries): loaded, then its queries answered.
  void execute(std::string text, std::uint32_t first_line);
  // Reports a load and answers the queries it returned.
  void finish_load(const kb::LoadResult& loaded);
  void answer(const kb::AskResult& result);
  // Returns false for .quit/.exit.
  bool run_dot_command(std::string_view line);
  void report_outcome(kb::Outcome outcome, bool has_diagnostics);
  void error(std::string_view message);

  void show_predicates();
  void show_rules(const std::vector<std::string>& args);
  void show_facts(const std::vector<std::string>& args);
  void set_format(const std::vector<std::string>& args);
  void set_timeout(const std::vector<std::string>& args);
  void retract(std::string_view statements);
  // .why / .whynot GOAL: the explanation tree of each answer (or of the missing one).
  void explain(std::string_view goal, bool why_not);
  // .assume STATEMENT | off LABEL, .forget: apply, then show what changed in the
  // answers to the questions asked so far.
  void assume(std::string_view what);
  void forget();
  void remember(const query::Query& q);
  std::vector<std::string> recent_goals_;  // questions asked, newest last (a few)
  void show_log();
  // The store's last transaction number (0 without a store or transactions).
  std::uint64_t last_transaction();

  kb::KnowledgeBase kb_;
  kb::Limits limits_;
  AnswerPrinter printer_;
  bool interactive_;
  std::string source_name_;  // "<repl>" or "<stdin>"
  ExitStatus status_ = ExitStatus::Ok;
  std::uint32_t line_number_ = 0;  // lines read so far
};

// Splits a dot-command line into words; '...' and "..." quote words with blanks.
std::vector<std::string> split_command_words(std::string_view line);

}  // namespace writ::cli
