// The REPL: reads statements and dot-commands from a LineSource and answers them.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "answer_format.hpp"
#include "exit_status.hpp"
#include "line_source.hpp"
#include "options.hpp"
#include "repl_output.hpp"
#include "statement_ids.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::cli {

class ReplSession {
 public:
  // `interactive`: a person at a terminal (prompts, hints, `cancelled` over the echoed
  // ^C); otherwise a script, whose errors decide the exit status.
  ReplSession(const Options& options, bool interactive);

  // Opens the store of --db (writable unless --as-of), before anything is loaded. Prints
  // why on failure and returns false.
  bool open_store(const Options& options);
  // Loads the files named on the command line, as `.load` does; at a terminal, says what
  // was loaded, or that nothing was and how to go on. False when they were not loaded.
  bool load_startup_files(const std::vector<std::string>& paths);
  // Runs the commands of the rc file (~/.writrc) as `.read` does.
  void read_rc_file(const std::string& path);
  // Reads until end of input or `.quit` (or, with `.bail on`, an error in a script).
  void run(LineSource& source);

  kb::KnowledgeBase& knowledge_base() { return kb_; }
  // The worst outcome so far: 1 on any error, else 3 on any limit hit, else 0.
  ExitStatus status() const { return status_; }

 private:
  // What reading a source ended with.
  enum class Flow { Ended, Quit, Bailed };
  // Where lines come from: the terminal (`typed`), a pipe, or a file run by .read.
  struct Reader {
    LineSource& source;
    std::string name;        // in messages: "<repl>", "<stdin>", the file's path
    bool typed;              // a person types them: prompts, hints, lines counted per statement
    std::uint32_t line = 0;  // lines read so far
  };
  Flow read_lines(Reader& reader);
  // One line at the prompt (pending empty) or the continuation prompt. Returns false when
  // the session or script must stop (`.quit`, a bail).
  bool take_line(Reader& reader, std::string_view line, std::string& pending, std::uint32_t& pending_first_line,
                 Flow& flow);

  // A complete statement text (facts, rules, queries): loaded, then its queries answered.
  void execute(std::string text, const std::string& name, std::uint32_t first_line);
  // Reports a load and answers the queries it returned.
  void finish_load(const kb::LoadResult& loaded);
  // Prints the answers to `goal` (in json, a failed question's line too).
  void answer(const std::string& goal, const kb::AskResult& result);
  // Returns Quit for .quit/.exit, Bailed when a .read script bailed.
  Flow run_dot_command(std::string_view line);
  void dispatch_dot_command(std::string_view line, const std::string& command,
                            const std::vector<std::string>& args, Flow& flow);
  void report_outcome(kb::Outcome outcome, bool has_diagnostics);
  void error(std::string_view message);
  void hint(std::string_view message);
  void print_kb_diagnostics(const std::vector<kb::Diagnostic>& diagnostics);

  // Each command (a statement or a dot-command) runs between these: its output goes where
  // .output/.once/the pager say, and with .timer on its time is printed after it.
  void begin_command();
  void end_command(bool timed);

  void load_files(const std::vector<std::string>& paths);
  // Keeps a load of files for .reload: one that `loaded`, or one that did not (tried again).
  void log_files(const std::vector<std::string>& paths, bool loaded);
  // .reload: the session replayed into a fresh knowledge base, files read again; put in
  // place of the session's only when all of it loads without errors.
  void reload(const std::vector<std::string>& args);
  void show_predicates();
  void show_rules(const std::vector<std::string>& args);
  void show_facts(const std::vector<std::string>& args);
  void set_format(const std::vector<std::string>& args);
  void set_timeout(const std::vector<std::string>& args);
  void retract(std::string_view statements);
  void save(const std::vector<std::string>& args);
  // .quit at a terminal with statements typed into memory only: warns once, true to stay.
  bool keep_unsaved();
  // .why / .whynot GOAL: the explanation tree of each answer (or of the missing one).
  void explain(std::string_view goal, bool why_not);
  // .assume STATEMENT | off LABEL, .forget: apply, then show what changed in the
  // answers to the questions asked so far.
  void assume(std::string_view what);
  void forget();
  void remember(const query::Query& q);
  void show_log();
  // .echo, .bail, .timer, .pager: on|off switches (none: show the setting).
  void switch_setting(const std::string& command, const std::vector<std::string>& args, bool& setting);
  void set_output(const std::string& command, const std::vector<std::string>& args);
  // .read FILE: runs the file's lines as if typed (statements and dot-commands).
  Flow read_file(const std::vector<std::string>& args);
  // The store's last transaction number (0 without a store or transactions).
  std::uint64_t last_transaction();
  std::ostream& out() { return output_.stream(); }

  kb::KnowledgeBase kb_;
  // What the session did to kb_, in order, for .reload to replay: loads of files (read
  // again then), statements typed or read (as they were), retractions. Kept in memory
  // sessions only: a store's .reload is refused.
  struct Step {
    enum class Kind { Files, Text, Retract };
    Kind kind = Kind::Files;
    std::vector<std::string> paths;  // Files
    kb::Input input;                 // Text: as loaded; Retract: the statements removed
    bool failed = false;             // Files that did not load: .reload tries them again
  };
  std::vector<Step> steps_;
  StatementIds statement_ids_;  // the numbers of .rules and .retract #N
  bool persistent_;  // a store or a PostgreSQL schema keeps what is loaded
  kb::Limits limits_;
  ReplOutput output_;
  AnswerPrinter printer_;
  bool interactive_;
  std::string source_name_;  // "<repl>" or "<stdin>"
  ExitStatus status_ = ExitStatus::Ok;
  std::size_t errors_ = 0;    // errors so far: a script bails when this grows
  std::vector<std::string> recent_goals_;  // questions asked, newest last (a few)
  // Statements typed at the prompt of an in-memory session since the last .save: lost at
  // .quit, which says so once.
  std::size_t unsaved_ = 0;
  bool warned_unsaved_ = false;

  // Settings.
  bool echo_ = false;   // .echo: print each line read before running it
  bool bail_ = false;   // .bail: stop a script at its first error
  bool timer_ = false;  // .timer: print each command's time
  bool stats_ = false;  // .stats: say what each question cost (RunStats)
  bool colour_;         // colour statuses and messages (a terminal, NO_COLOR unset)
  int read_depth_ = 0;  // .read within .read, bounded
  std::uint64_t destination_ = 0;  // output_.destination() of the last command

  // The running command's start, for .timer.
  std::chrono::steady_clock::time_point started_;
  double started_user_ = 0;
  double started_system_ = 0;
};

// "unknown command '.tables'; did you mean .preds? (enter .help for the list)".
std::string unknown_command_message(const std::string& command);

// A statement as one line: each run of blanks and line breaks one blank.
std::string one_line(std::string_view text);

// Splits a dot-command line into words; '...' and "..." quote words with blanks.
std::vector<std::string> split_command_words(std::string_view line);

}  // namespace writ::cli
