// The argumentation layer: ground arguments, their attacks, and each conclusion's status.
//
// Semantics (docs/language.md, "Arguments"): defeasible logic with team defeat
// (Antoniou, Billington, Governatori & Maher, "Representation results for defeasible
// logic", ACM TOCL 2001), read as a grounded labelling in the style of ASPIC+ (Modgil &
// Prakken 2013) so that an ambiguity is reported as *contested* instead of being silently
// resolved:
//   - a ground rule instance whose body holds is an argument for its head;
//   - an argument for L is attacked by every argument for the contrary -L and by every
//     defeater instance of L; the attack succeeds (a *defeat*) unless the attacked rule is
//     superior (`r1 > r2.`; a strict rule is superior to any other kind);
//   - grounded labelling: an argument is IN when its body is IN and each of its defeaters
//     is OUT or beaten by a superior argument for L whose body is IN (team defeat); it is
//     OUT when its body is OUT, or some defeater is IN and no superior argument for L can
//     still apply; otherwise UNDEC. `not L` is IN when L is OUT and OUT when L is IN;
//   - a literal is IN when an argument for it is IN, OUT when all are OUT, else UNDEC.
// Status: IN and derived by strict rules from facts only: established; IN: accepted;
// UNDEC: contested; OUT with some argument: rejected.
//
// Grounding reuses the Datalog evaluator: each non-strict rule becomes a rule that
// derives its *instances* (`not` over argued predicates left out, so it over-approximates),
// and the labelling then decides which instances hold. Predicates that depend only on
// facts and strict rules are evaluated exactly and are established.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "query/analysis/predicate.hpp"
#include "query/ast.hpp"
#include "query/diagnostic.hpp"
#include "argument_map.hpp"
#include "explanation.hpp"
#include "proof_standard.hpp"
#include "query/eval/evaluator.hpp"
#include "status.hpp"

namespace writ::query::argue {

using LiteralId = std::uint32_t;
using InstanceId = std::uint32_t;

enum class Label { Undecided, In, Out };

struct GroundLiteral {
  PredicateId predicate;  // "-p" for the contrary of p
  std::vector<Value> args;
  bool strict_part = false;  // its predicate depends on facts and strict rules only
};

// `not p(a, _)`: holds when every literal matching the pattern is OUT.
struct GroundNegation {
  PredicateId predicate;
  std::vector<std::optional<Value>> pattern;  // nullopt: anonymous
  std::vector<LiteralId> matches;             // the known literals that match
};

struct Instance {
  const Rule* rule = nullptr;
  RuleKind kind = RuleKind::Strict;  // as it counts here: a claim in its claimant's perspective is strict
  LiteralId head = 0;
  std::vector<LiteralId> body;
  std::vector<GroundNegation> negations;
  std::vector<std::pair<std::string, Value>> bindings;  // named variables, for explanations
  Label label = Label::Undecided;
  bool established = false;
};

// One side of an issue (docs/language.md, "Proof standards and burden of proof"): the
// literals its burdened party must prove (`burdened`), or their contraries.
struct IssueSide {
  const Issue* issue = nullptr;
  bool burdened = true;
};

// A predicate that stands for a status test (`accepted p`, named so, with the space that no
// predicate of the language has): its facts are the literals of `tested` with that status
// in the labelling of the layers below (status_layers.cpp).
struct StatusPredicate {
  StatusTest test = StatusTest::None;
  PredicateId tested;
};

// Whether a literal with status `status` passes the status test `test`.
bool status_passes(StatusTest test, Status status);

struct AnswerRow {
  std::vector<Value> values;
  Status status = Status::Rejected;
  // The positive atoms of the query as the best grounding instantiates them.
  std::vector<std::pair<PredicateId, std::vector<Value>>> atoms;
};

// The strong negation of a predicate and back: `-p` for `p`, `p` for `-p`.
PredicateId contrary_of(const PredicateId& p);

class ArgumentGraph {
 public:
  // Builds the graph of a checked program (anonymous variables named) as seen from
  // `perspective` (a party's name: its claims count as facts and the others' claims are
  // left out; empty: the neutral view, where every claim is a defeasible premise).
  eval::Status build(const Program& program, const std::string& perspective, const eval::Limits& limits);

  // The answers to a checked query, each with its status, filtered by its modality.
  eval::Status answer(const Query& query, const eval::Limits& limits, std::vector<std::string>& columns,
                      std::vector<AnswerRow>& rows);

  // One explanation per answer of a checked query (modality applies), each rooted at the
  // instantiated goal. `place_of` names a location (FILE:LINE) for provenance.
  eval::Status explain(const Query& query, const eval::Limits& limits,
                       const std::function<std::string(const Location&)>& place_of,
                       std::vector<ExplanationNode>& out);

  // The argument map of a checked query's answers (modality applies): every literal and
  // argument once, with supports, attacks and priorities (argument_map.hpp). `place_of`
  // names a location (FILE:LINE); `assumed` tells a what-if statement by its location.
  struct MapContext {
    std::function<std::string(const Location&)> place_of;
    std::function<bool(const Location&)> assumed;
  };
  eval::Status map(const Query& query, const eval::Limits& limits, const MapContext& context, ArgumentMap& out);

  // Why a goal does not hold firmly (`.whynot`), whatever its modality: for each answer
  // that is rejected or contested, its explanation with each argument that does not
  // stand saying why (a premise rejected or contested, or the argument that defeats it);
  // an established or accepted answer gets its explanation. With no answer at all, one
  // tree for the goal: the first of its literals that no values satisfy and, for an atom,
  // its contrary when that holds (explained), then each rule whose head matches it with the
  // first premise that fails under the values so far (its contrary holds, no fact or rule
  // concludes it, a `not` whose atom holds, a comparison that is false), following missing
  // premises through their rules to a bounded depth.
  eval::Status why_not(const Query& query, const eval::Limits& limits,
                       const std::function<std::string(const Location&)>& place_of,
                       std::vector<ExplanationNode>& out);

  // Errors and warnings of the last call.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  // The graph, for explanations.
  const std::vector<GroundLiteral>& literals() const { return literals_; }
  const std::vector<Instance>& instances() const { return instances_; }
  std::optional<LiteralId> find(const PredicateId& predicate, const std::vector<Value>& args) const;
  std::optional<LiteralId> contrary(LiteralId l) const;
  Label label(LiteralId l) const { return labels_[l]; }
  bool established(LiteralId l) const { return established_[l]; }
  Status status(LiteralId l) const;
  // The issue whose standard decides the literal, or null: defeasible logic's team defeat
  // decides it.
  const IssueSide* issue_side(LiteralId l) const;
  // What the arguments for and against a literal under an issue weigh, as labelled.
  Weighing weighing(LiteralId l) const;
  // An argument's weight: its rule's, or the default.
  Weight weight(InstanceId i) const;
  // The status test a predicate stands for, or null.
  const StatusPredicate* status_predicate(const PredicateId& p) const;
  // Whether an instance's rule reads a status predicate through an aggregate.
  bool reads_status(const Instance& in) const;

  // Whether the literal has any argument at all (else it is simply not derivable).
  bool argued(LiteralId l) const { return !supporters_[l].empty(); }
  const std::vector<InstanceId>& supporters(LiteralId l) const { return supporters_[l]; }
  // The instances that attack instance `i` (arguments for the contrary, defeaters), each
  // with whether the attack succeeds (a defeat) or fails on priority.
  std::vector<std::pair<InstanceId, bool>> attackers(InstanceId i) const;
  bool superior(InstanceId a, InstanceId b) const;
  std::string to_string(LiteralId l) const;

 private:
  LiteralId intern(const PredicateId& predicate, std::vector<Value> args);
  // Grounds a conjunction on the grounder's model: `each` gets every variable's value.
  eval::Status ground(const Query& query, const eval::Limits& limits,
                      const std::function<void(const std::map<std::string, Value>&)>& each);
  class Explainer;
  class WhyNot;
  class MapBuilder;
  // build() for a program without status tests; build() calls it once per level of a
  // program with them (status_layers.cpp), the tests resolved into status predicates.
  eval::Status build_layer(const Program& program, const std::string& perspective, const eval::Limits& limits);
  eval::Status build_layers(const Program& program, const std::string& perspective, const eval::Limits& limits);
  // The label an issue's standard gives a literal, as far as the labels so far decide.
  Label judged(LiteralId l, const IssueSide& side) const;

  // One explanation per answer row, a conjunction's atoms under one root: the row loop of
  // explain and why_not. With `why_not`, a rejected or contested row's arguments that do
  // not stand say why.
  void explain_rows(const std::vector<AnswerRow>& rows, bool why_not, const eval::Limits& limits,
                    const std::function<std::string(const Location&)>& place_of,
                    std::vector<ExplanationNode>& out);
  void label_all();
  void mark_established();
  Label negation_label(const GroundNegation& n) const;
  Label body_label(const Instance& in) const;

  const Program* program_ = nullptr;
  std::string perspective_;
  eval::Evaluator grounder_;
  std::set<PredicateId> strict_part_;
  std::map<std::string, std::set<std::string>> stronger_than_;  // label -> labels it beats (transitively)
  std::vector<GroundLiteral> literals_;
  std::map<std::pair<PredicateId, std::vector<Value>>, LiteralId> literal_ids_;
  std::vector<Instance> instances_;
  std::vector<std::vector<InstanceId>> supporters_;  // per literal
  std::vector<std::vector<InstanceId>> blockers_;    // per literal: defeater instances
  std::vector<Label> labels_;
  std::vector<bool> established_;
  std::vector<Diagnostic> diagnostics_;
  std::map<PredicateId, IssueSide> issue_sides_;
  std::map<PredicateId, StatusPredicate> status_predicates_;
  std::unique_ptr<Program> layered_;  // the program with status tests resolved, when it had any
  Program grounding_;  // the program the grounder evaluates (kept: plans point into it)
  std::vector<std::size_t> grounding_rule_of_;  // instance rule index -> program rule index
};

}  // namespace writ::query::argue
