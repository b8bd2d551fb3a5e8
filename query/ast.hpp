// The language's abstract syntax: what the grammar produces and the passes check.
//
// Plain structs with value semantics. Every node that a diagnostic may point at carries
// a Location. The AST knows nothing of the surface syntax beyond what a message needs
// (e.g. a rule keeps its source text for `.rules` and explanations).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "location.hpp"
#include "value.hpp"

namespace writ::query {

enum class ArithOp { Add, Sub, Mul, Div, Mod, Neg };  // Neg is unary: operands = {x}

// A term: a variable, a constant, or arithmetic over terms.
struct Term {
  enum class Kind { Variable, Constant, Arith };
  Kind kind = Kind::Constant;
  std::string name;            // Variable: its name; "_" is anonymous (each a fresh variable)
  Value value;                 // Constant
  ArithOp op = ArithOp::Add;   // Arith
  std::vector<Term> operands;  // Arith: 2 operands, or 1 for Neg
  Location location;

  static Term variable(std::string name, Location at = {}) {
    Term t;
    t.kind = Kind::Variable;
    t.name = std::move(name);
    t.location = at;
    return t;
  }
  static Term constant(Value v, Location at = {}) {
    Term t;
    t.kind = Kind::Constant;
    t.value = std::move(v);
    t.location = at;
    return t;
  }
  static Term arith(ArithOp op, std::vector<Term> operands, Location at = {}) {
    Term t;
    t.kind = Kind::Arith;
    t.op = op;
    t.operands = std::move(operands);
    t.location = at;
    return t;
  }
  bool is_anonymous() const { return kind == Kind::Variable && name == "_"; }
};

// p(t1, ..., tn); `-p(...)` (strong negation, "the contrary of p") sets strong_negation.
struct Atom {
  std::string predicate;
  std::vector<Term> args;
  bool strong_negation = false;
  Location location;
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

// A status test before an atom of a body, `accepted deduction(T, X, A)`: true of the ground
// atom when, once the argument layer has labelled it, its status is the one named
// (docs/language.md, "Status tests"). `Does` is established or accepted, `Could` anything
// but rejected. A literal with no argument at all has no status: every test is false of it.
enum class StatusTest { None, Established, Accepted, Contested, Rejected, Does, Could };
enum class AggregateFunction { Count, Sum, Min, Max };

struct Literal;

// One element of an aggregate: `t1, ..., tn : condition`.
struct AggregateElement {
  std::vector<Term> terms;
  std::vector<Literal> condition;  // positive atoms, negated atoms and comparisons
};

// A body literal: an atom (possibly under `not`), a comparison, or an aggregate.
//
// Aggregates are normalised to `bound op #f{ elements }`: the grammar turns
// `#count{...} > 3` into `3 < #count{...}`, so `N = #count{...}` binds N when N is free.
struct Literal {
  enum class Kind { Atom, Comparison, Aggregate };
  Kind kind = Kind::Atom;
  bool negated = false;  // Atom: `not p(...)`
  StatusTest status = StatusTest::None;  // Atom: `contested p(...)`, `not accepted p(...)`

  Atom atom;  // Atom

  CompareOp op = CompareOp::Eq;  // Comparison (lhs op rhs) and Aggregate (lhs op #f{...})
  Term lhs;
  Term rhs;  // Comparison only

  AggregateFunction function = AggregateFunction::Count;  // Aggregate
  std::vector<AggregateElement> elements;                 // Aggregate

  Location location;
};

// The kinds of statement that conclude something (see docs/language.md, "Arguments"):
//   Strict      `h :- body.` and facts: always apply; their conclusions cannot be attacked.
//   Defeasible  `h :~ body.`: applies unless defeated by a rule for the contrary that is
//               not weaker (superiority `r1 > r2.`).
//   Defeater    `blocks h :~ body.`: proves nothing, only stops `h`.
//   Claim       `party claims h.` / `party denies h.` (a claim of `-h`): holds in the
//               claimant's perspective; in the neutral one it is a defeasible premise.
// The Datalog core evaluates only strict rules and facts.
enum class RuleKind { Strict, Defeasible, Defeater, Claim };

// `@ source "verbatim quote"` at the end of a statement: where it comes from.
struct Citation {
  std::string source;  // a declared source's name
  std::string quote;   // one verbatim sentence, or empty
  Location location;  // from the '@' to the end of the quote (or of the source's name)
  Location quote_location;  // the quote's string literal (line 0 when there is none)
};

// An argument's weight, `weight 0.8` after a defeasible rule, defeater or claim, in
// thousandths (800): what proof standards weigh (see Issue).
using Weight = std::uint32_t;
inline constexpr Weight max_weight = 1000;
// The weight of an argument whose weight is not written: the middle of the scale.
inline constexpr Weight default_weight = 500;

// A fact is a strict rule with an empty body.
struct Rule {
  std::optional<std::string> label;
  RuleKind kind = RuleKind::Strict;
  Atom head;
  std::vector<Literal> body;
  std::optional<Weight> weight;  // written `weight 0.8`; defeasible rules, defeaters and claims only
  std::optional<Citation> citation;
  std::string claimant;  // Claim: who claims it
  bool denial = false;   // Claim: written `denies h` (head is then `-h`)
  std::string text;      // the statement as written, for listings and explanations
  Location location;

  bool is_fact() const { return body.empty() && kind == RuleKind::Strict; }
};

// `r_separate > r_covered.`: the first rule wins over the second where they conflict.
struct Preference {
  std::string stronger;
  std::string weaker;
  std::string text;
  Location location;
};

// The document a source is: the text its `file: "article.txt"` attribute names, which the
// knowledge base reads when the declaration is loaded (the path is relative to the file
// that declares the source) and a store keeps. The quotes citing the source are checked
// against it (analysis/quotes.cpp). The text is shared, not copied, by the copies of a
// program (what-if, stored facts read in); it never changes once read.
struct Document {
  std::string path;                         // as read: "facts/cases/frontier/article.txt"
  std::shared_ptr<const std::string> text;  // never null
  SourceId source = 0;                      // the same text among the knowledge base's sources,
                                            // so that diagnostics can point into it
};

// `#source article { kind: news_report, title: "..." }.`
struct SourceDeclaration {
  std::string name;
  std::vector<std::pair<std::string, Value>> attributes;  // in the order written
  std::vector<Location> value_locations;                  // of each attribute's value, in step
  std::string text;
  Location location;
  std::optional<Document> document;  // when an attribute `file` names one and it was read

  // The value of attribute `key` (the first, if written twice), or null.
  const Value* attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
      if (k == key) return &v;
    return nullptr;
  }
};

// The proof standards of Carneades (docs/language.md, "Proof standards and burden of proof").
enum class ProofStandard { Scintilla, Preponderance, ClearAndConvincing, BeyondReasonableDoubt, DialecticalValidity };

// `#issue intent(X) { standard: beyond_reasonable_doubt, burden: prosecution }.`: the
// literals matching `pattern` (a predicate with distinct variables, `-p` for the contrary)
// are decided by weighing the arguments for and against them against `standard`; the
// burden of persuasion is on the party that must prove them (named for explanations).
struct Issue {
  Atom pattern;
  ProofStandard standard = ProofStandard::Scintilla;
  std::string burden;  // a party's name, or empty
  std::string text;
  Location location;
};

// `could_breach(P, A) means "P could breach A".`: how answers and explanations read.
// The text names the atom's variables, which are replaced by their values.
struct Template {
  Atom atom;            // arguments are distinct variables
  std::string wording;  // "P could breach A"
  std::string text;     // the statement as written
  Location location;
};

// Which answers a question lists (see docs/language.md, "Answer status").
enum class Modality {
  Any,    // `?- q.`: every answer that is not rejected
  Could,  // `?- could q.`: established, accepted and contested
  Does,   // `?- does q.`: established and accepted
};

// `?- goal.` or `goal?`: a conjunction of literals to answer.
struct Query {
  std::vector<Literal> body;
  Modality modality = Modality::Any;
  std::string perspective;  // `?- [microsoft] goal.`: according to that party; empty: neutral
  Location perspective_location;  // the party's name, when there is one
  std::string text;  // the goal as written, without `?-`, modality, perspective and the final `.` or `?`
  Location location;
};

// A predicate whose facts are kept outside a program's rules (in a store's fact table, read
// only when a question needs them). The checks count it as defined by facts.
struct ExternalRelation {
  std::string name;  // "-p" for the strong negation of p
  std::uint32_t arity = 0;
};

// Plain facts of one predicate (strict, unlabelled, uncited, every argument a constant) as
// rows of values, not a Rule each: what a bulk load of millions of facts is parsed into on
// its way to a store's fact table (grammar::parse_program with compact facts).
struct FactRows {
  std::string predicate;  // "-p" for the strong negation of p
  std::uint32_t arity = 0;
  std::vector<Value> values;        // `arity` values per row, row after row
  std::vector<Location> locations;  // one per row: where the fact was written
  // The first row is also a Rule of the program, at this index of its rules: the checks see
  // each predicate's first fact where it was written.
  std::size_t representative = 0;

  std::size_t rows() const { return locations.size(); }
};

struct Program {
  std::vector<Rule> rules;      // facts, rules and claims, in the order written
  std::vector<ExternalRelation> external;  // predicates whose facts are elsewhere
  // Plain facts as rows, besides `rules`: only the evaluator reads them (a knowledge base
  // hands it a store's facts so); the checks and the argument layer see `rules` alone.
  std::vector<FactRows> facts;
  std::vector<Query> queries;   // in the order written
  std::vector<Preference> preferences;
  std::vector<SourceDeclaration> sources;
  std::vector<Template> templates;
  std::vector<Issue> issues;
};

}  // namespace writ::query
