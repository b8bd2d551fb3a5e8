// A model as both engines print it: a set of ground atoms, compared exactly.
//
// The differential test keeps its own order and printing of values instead of using
// query::compare and query::to_source, so that a bug there cannot hide a disagreement.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "query/value.hpp"

namespace writ::differential {

struct GroundAtom {
  std::string predicate;
  std::vector<query::Value> args;
};

// Predicate name, then arity, then the arguments in clingo's value order
// (integers < symbols < strings; symbols and strings by their bytes).
bool operator<(const GroundAtom& a, const GroundAtom& b);

using Model = std::set<GroundAtom>;

// The value as clingo prints it: 42, alice, "a \"quoted\" string".
std::string value_source(const query::Value& v);
// The atom as clingo prints it: p(1,a,"s"), or `p` when it has no arguments.
std::string atom_source(const GroundAtom& atom);

// Atoms of `a` missing from `b`.
std::vector<GroundAtom> difference(const Model& a, const Model& b);

}  // namespace writ::differential
