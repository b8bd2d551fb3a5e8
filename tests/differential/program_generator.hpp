// Random Datalog programs that are safe and stratified by construction, written in the
// syntax that writ and clingo share.
//
// Each program has 3-8 predicates (arity 0-3, sometimes one name with two arities), facts
// over a small domain of integers, symbols and strings, and 2-10 rules with recursion,
// mutual recursion, stratified negation (also with `_`), comparisons across value kinds,
// bounded arithmetic assignments, arithmetic in atom arguments (positive and negated, in
// recursive rules too, over variables bound elsewhere, by the same atom, or crosswise by two
// atoms: `a(X, Y + 2), b(Y, X - 3)`), and #count/#sum/#min/#max aggregates with grouping.
// The same seed gives the same program on every platform (the generator has its own PRNG).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace writ::differential {

struct PredicateSignature {
  std::string name;
  std::size_t arity = 0;
};

struct GeneratedProgram {
  std::uint64_t seed = 0;
  // Facts and rules, each a complete statement ending in '.'. Removing any of them leaves a
  // program that is still safe and stratified (the test's minimiser relies on this).
  std::vector<std::string> statements;
  std::vector<PredicateSignature> predicates;  // every predicate the statements mention

  std::string text() const;  // the statements, one per line
};

// `plain`: no arithmetic, no assignments, #count the only aggregate (the programs whose
// every derived predicate a question with constants can be evaluated for alone; see
// query/eval/magic_sets.hpp). The same seed gives another program then.
GeneratedProgram generate_program(std::uint64_t seed, bool plain = false);

}  // namespace writ::differential
