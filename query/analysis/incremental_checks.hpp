// check_program() for a program that grows one load at a time.
//
// A REPL fed a script, or a program that embeds writ, loads statements a few at a time.
// Checking the whole program again at each load makes n loads cost O(n²) (20,000 piped
// REPL lines took 47 s). IncrementalChecker keeps an index of what the statements accepted
// so far define and use, so that a load costs what it adds:
//   - the passes that look at one statement at a time (arity limit, safety, built-ins) run
//     on the new statements only;
//   - the passes about the whole program look the new statements up in the index: defined
//     predicates and first uses (definitions), first arities (arity consistency), labels,
//     priorities, sources and templates (arguments);
//   - stratification keeps the strict dependency graph: a new negative cycle must go
//     through a new edge, so only the new edges that close a cycle are looked at, in the
//     graph they reach.
// The diagnostics are those of check_program() on the whole program, less the warnings about
// statements accepted before (load() shows those once, when they are loaded). Where an error
// is about earlier statements too (a negation cycle or a priority cycle that a new statement
// closes), the checker runs check_program() on the whole program instead, so that the message
// is the same; such a load fails, so that cost is not paid again and again. So does a check
// after the program changed behind the index (a retraction), and one that adds at least as
// much as there is (the first load): that costs what it adds, too.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "query/ast.hpp"
#include "query/diagnostic.hpp"

namespace writ::query {

// How many statements of each kind a program has: where a load's new statements start.
struct ProgramExtent {
  std::size_t rules = 0;
  std::size_t preferences = 0;
  std::size_t sources = 0;
  std::size_t templates = 0;
  std::size_t issues = 0;

  bool operator==(const ProgramExtent&) const = default;
};

ProgramExtent extent_of(const Program& program);

class IncrementalChecker {
 public:
  IncrementalChecker();
  ~IncrementalChecker();
  IncrementalChecker(const IncrementalChecker&) = delete;
  IncrementalChecker& operator=(const IncrementalChecker&) = delete;

  // Checks the statements of `program` from `first_new` on, and its queries (all new),
  // together with those before. Returns what check_program(program) returns, except that
  // warnings about statements before `first_new` may be left out. `program` must have had
  // name_anonymous_variables() applied. When the statements before `first_new` are not
  // what the last accept() saw, the whole program is checked.
  std::vector<Diagnostic> check(const Program& program, const ProgramExtent& first_new);

  // `program` (its queries aside) is accepted: the next check() builds on it. After a
  // check() of that same program this costs nothing more; otherwise (e.g. a program read
  // from a store, which passed check_program()) it indexes the whole program.
  void accept(const Program& program);
  // accept(), after the plain facts of the last check left program.rules for rows or a
  // store (program.facts, program.external), their predicates still defined: what the index
  // learnt from them stays true, so it is kept rather than rebuilt.
  void accept_moved_facts(const Program& program);

 private:
  struct Index;
  enum class Pending { None, Tentative, Rebuild };

  // Adds the statements from `from` on to the index, in program order, recording how to
  // undo each addition; with `out`, also collects the diagnostics of the global passes.
  // Returns false when a new statement closes a cycle: the caller checks the whole program.
  bool add(const Program& program, const ProgramExtent& from, std::vector<Diagnostic>* out);
  bool closes_negative_cycle(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& new_edges) const;
  void undo();
  void rebuild(const Program& program);

  std::unique_ptr<Index> index_;
  std::vector<std::function<void()>> undo_;  // of the additions not accepted yet, in order
  Pending pending_ = Pending::None;
  bool broken_ = false;  // memory ran out while the index changed: check everything next time
  ProgramExtent pending_extent_;  // what the program will be once the pending check is accepted
};

}  // namespace writ::query
