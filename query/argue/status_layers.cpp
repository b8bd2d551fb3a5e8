// Status tests (docs/language.md, "Status tests"), evaluated in layers.
//
// `S = #sum{ A, X : accepted deduction(T, X, A) }` needs the labelling of deduction/3 to be
// complete before the rule is argued. The levels of query/analysis/status_tests.hpp order
// that: level 0 has no status test; a rule of level k tests predicates of levels below k.
// So the graph is built level by level: the build for level k holds every rule of levels
// up to k, each status test rewritten into an atom of a *status predicate* (`accepted
// deduction`), whose facts are the literals that the build for the level below labelled
// with that status. Rules of lower levels are in every later build and conclude the same
// (no rule of a higher level concludes a predicate of a lower one, nor its contrary), so
// the last build, kept, agrees with the facts it was given.
//
// A status fact rests on a labelling, not on facts alone: what it supports, directly or
// through an aggregate, is accepted at best, never established (mark_established()).
#include <functional>
#include <set>

#include "argument_graph.hpp"
#include "query/analysis/status_tests.hpp"

namespace writ::query::argue {

namespace {

const char* test_word(StatusTest t) {
  switch (t) {
    case StatusTest::None: return "";
    case StatusTest::Established: return "established";
    case StatusTest::Accepted: return "accepted";
    case StatusTest::Contested: return "contested";
    case StatusTest::Rejected: return "rejected";
    case StatusTest::Does: return "does";
    case StatusTest::Could: return "could";
  }
  return "";
}

bool passes(StatusTest t, Status s) {
  switch (t) {
    case StatusTest::None: return true;
    case StatusTest::Established: return s == Status::Established;
    case StatusTest::Accepted: return s == Status::Accepted;
    case StatusTest::Contested: return s == Status::Contested;
    case StatusTest::Rejected: return s == Status::Rejected;
    case StatusTest::Does: return s >= Status::Accepted;
    case StatusTest::Could: return s != Status::Rejected;
  }
  return false;
}

PredicateId status_predicate_of(StatusTest t, const PredicateId& tested) {
  return PredicateId{std::string(test_word(t)) + " " + tested.name, tested.arity};
}

// Rewrites the status tests of a body into atoms of status predicates.
void resolve_tests(std::vector<Literal>& body) {
  for (auto& l : body) {
    if (l.kind == Literal::Kind::Atom && l.status != StatusTest::None) {
      l.atom.predicate = status_predicate_of(l.status, predicate_of(l.atom)).name;
      l.atom.strong_negation = false;
      l.status = StatusTest::None;
    }
    for (auto& e : l.elements) resolve_tests(e.condition);
  }
}

void each_test(const std::vector<Literal>& body, const std::function<void(const Literal&)>& f) {
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Atom && l.status != StatusTest::None) f(l);
    for (const auto& e : l.elements) each_test(e.condition, f);
  }
}

}  // namespace

bool status_passes(StatusTest test, Status status) { return passes(test, status); }

eval::Status ArgumentGraph::build_layers(const Program& program, const std::string& perspective,
                                         const eval::Limits& limits) {
  const auto levels = status_levels(program);
  std::map<PredicateId, StatusPredicate> tests;
  for (const auto& r : program.rules)
    each_test(r.body, [&](const Literal& l) {
      const auto tested = predicate_of(l.atom);
      tests.try_emplace(status_predicate_of(l.status, tested), StatusPredicate{l.status, tested});
    });

  Program base = program;
  base.rules.clear();
  std::vector<Rule> status_facts;  // of the tests over the levels built so far
  for (int k = 0;; ++k) {
    auto layer = std::make_unique<Program>(base);
    status_predicates_.clear();
    for (const auto& [p, test] : tests)
      if (levels.of(test.tested) < k) status_predicates_.emplace(p, test);
    for (const auto& r : program.rules) {
      if (levels.of(predicate_of(r.head)) > k) continue;
      layer->rules.push_back(r);
      resolve_tests(layer->rules.back().body);
    }
    for (const auto& f : status_facts) layer->rules.push_back(f);
    layered_ = std::move(layer);
    const auto built = build_layer(*layered_, perspective, limits);
    if (built != eval::Status::Ok || k >= levels.highest) return built;

    // The status facts of the predicates of level k, from this labelling.
    for (const auto& entry : tests) {
      // Named, not structured, bindings: clang 14 (the fuzz build) cannot capture those.
      const auto& p = entry.first;
      const auto& test = entry.second;
      if (levels.of(test.tested) != k) continue;
      std::set<std::vector<Value>> seen;
      auto add = [&](const std::vector<Value>& args, Status s) {
        if (!passes(test.test, s) || !seen.insert(args).second) return;
        Rule fact;
        fact.head.predicate = p.name;
        for (const auto& v : args) fact.head.args.push_back(Term::constant(v));
        fact.text = fact.head.predicate;
        for (std::size_t i = 0; i < args.size(); ++i) fact.text += (i ? ", " : "(") + to_source(args[i]);
        fact.text += args.empty() ? "." : ").";
        status_facts.push_back(std::move(fact));
      };
      if (strict_part_.count(test.tested)) {
        grounder_.each_row(test.tested, [&](const std::vector<Value>& row) { add(row, Status::Established); });
        continue;
      }
      for (LiteralId l = 0; l < literals_.size(); ++l)
        if (literals_[l].predicate == test.tested && argued(l)) add(literals_[l].args, status(l));
    }
  }
}

}  // namespace writ::query::argue
