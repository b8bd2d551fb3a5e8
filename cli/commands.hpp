// The subcommands of `writ`, each returning its exit status.
#pragma once

#include <string>
#include <vector>

#include "exit_status.hpp"
#include "options.hpp"

namespace writ::cli {

struct RunStats;  // run_stats.hpp

ExitStatus run_command(const Options& options);      // writ run
ExitStatus check_command(const Options& options);    // writ check
ExitStatus repl_command(const Options& options);     // writ repl, or writ alone, or writ FILE.db
ExitStatus load_command(const Options& options);     // writ load --db FILE
ExitStatus retract_command(const Options& options);  // writ retract --db FILE
// Applies each --assume (what if) to the knowledge base; false after printing an error.
// `said`, when given, gets the diagnostics printed.
bool apply_assumptions(kb::KnowledgeBase& kb, const std::vector<std::string>& assumptions,
                       std::vector<kb::Diagnostic>* said = nullptr);
ExitStatus explain_command(const Options& options);
ExitStatus whynot_command(const Options& options);   // writ whynot [FILE...] -q GOAL
ExitStatus log_command(const Options& options);      // writ log --db FILE
ExitStatus import_command(const Options& options);   // writ import --db FILE TABLE PRED
ExitStatus export_command(const Options& options);   // writ export [--db FILE] PRED [FILE...]
ExitStatus materialize_command(const Options& options);  // writ materialize --db FILE PRED...
ExitStatus serve_command(const Options& options);    // writ serve [--db FILE] [FILE...]
ExitStatus sources_command(const Options& options);  // writ sources [--db FILE] [FILE...] [--coverage]
ExitStatus compile_command(const Options& options);  // writ compile --sql FILE...

// A run stopped before its questions (a file that cannot be read or loaded, an assumption
// that fails): in json each -q still gets its line, in json-doc the document is whole, with
// `diagnostics` (a JSON array) and `outcome`. Nothing in the other formats.
void report_unasked(const Options& options, kb::Outcome outcome, const std::string& diagnostics);

// Answers a load's queries, then each goal, to stdout as `writ run` prints them (each
// headed by its `?- goal.`); diagnostics to stderr, but for those in `said` (the load's,
// printed already; json-doc puts them at the document's head). Stops at a limit hit or a
// Ctrl-C. With `stats`, adds each question's times and answers to it (--stats).
ExitStatus answer_queries(kb::KnowledgeBase& kb, const std::vector<query::Query>& queries,
                          const std::vector<std::string>& goals, Format format,
                          const std::vector<kb::Diagnostic>& said = {}, RunStats* stats = nullptr);

}  // namespace writ::cli
