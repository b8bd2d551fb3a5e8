// Whole evaluations (transitive closure, and the fixed program selfjoin_arity3.lp):
//  - BM_EvaluateTransitiveClosure: Evaluator::evaluate on a program parsed and checked
//    beforehand (untimed), so only the fixpoint is measured.
//  - BM_KnowledgeBaseTransitiveClosure: what an embedder pays through the public API:
//    KnowledgeBase::load of the program text, then ask("path(X, Y)"), which evaluates
//    and returns the answers sorted as query::Values.
//  - BM_EvaluateStratified: the fixpoint of programs built on a closure, one per lever of
//    the evaluator's second round (docs/performance.md): #count over a relation's rows, a
//    grouped #count, a #count whose elements need a set, negation as an anti-join with
//    appended heads, and a body part sharing no variable with the rest.
//  - BM_EvaluateWrittenFacts: Evaluator::evaluate on N facts written as statements,
//    `edge(I, (I * 7919) mod N).` (the 1M-fact load of docs/performance.md, smaller), parsed
//    and checked beforehand: putting written facts into their relation (Run::add_fact).
//  - BM_KnowledgeBaseWrittenFacts: the same text through KnowledgeBase::load, then
//    ask("edge(5, X)"): what `writ run facts.writ -q 'edge(5, X)'` does in memory.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "grammar/parse.hpp"
#include "graphs.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/variables.hpp"
#include "query/eval/evaluator.hpp"
#include "writ/knowledge_base.hpp"

namespace {

enum class Shape : std::int64_t { Random = 0, Chain = 1, Tree = 2 };

std::string program_text(Shape shape, std::int64_t nodes) {
  std::vector<writ::bench::Edge> edges;
  switch (shape) {
    case Shape::Random: edges = writ::bench::random_graph(nodes, nodes * 5); break;
    case Shape::Chain: edges = writ::bench::chain(nodes); break;
    case Shape::Tree: edges = writ::bench::random_tree(nodes); break;
  }
  return writ::bench::edge_facts(edges) + writ::bench::transitive_closure_rules;
}

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "writ_bench_kernels: " << what << '\n';
  std::abort();
}

void BM_EvaluateTransitiveClosure(benchmark::State& state) {
  const auto text = program_text(static_cast<Shape>(state.range(0)), state.range(1));
  auto parsed = writ::grammar::parse_program(text, 0);
  if (!parsed.diagnostics.empty()) fail("the generated program does not parse");
  writ::query::name_anonymous_variables(parsed.program);
  if (writ::query::has_errors(writ::query::check_program(parsed.program))) fail("the generated program has errors");

  std::uint64_t facts = 0;
  for (auto _ : state) {
    auto evaluator = std::make_unique<writ::query::eval::Evaluator>();
    if (evaluator->evaluate(parsed.program, {}) != writ::query::eval::Status::Ok) fail("evaluation failed");
    facts = evaluator->fact_count();
    state.PauseTiming();  // freeing every relation is not part of the fixpoint
    state.counters["bytes/fact"] = static_cast<double>(evaluator->memory()) / static_cast<double>(facts);
    evaluator.reset();
    state.ResumeTiming();
  }
  state.counters["facts"] = static_cast<double>(facts);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(facts));
}

void BM_KnowledgeBaseTransitiveClosure(benchmark::State& state) {
  const auto text = program_text(static_cast<Shape>(state.range(0)), state.range(1));
  std::size_t answers = 0;
  for (auto _ : state) {
    writ::kb::KnowledgeBase kb;
    if (kb.load({{"<bench>", text}}).outcome != writ::kb::Outcome::Ok) fail("the generated program has errors");
    const auto result = kb.ask("path(X, Y)");
    if (result.outcome != writ::kb::Outcome::Ok) fail("the query failed");
    answers = result.answers.rows.size();
  }
  state.counters["answers"] = static_cast<double>(answers);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(answers));
}

// Args: shape (0 random graph with 5 edges per node, 1 chain, 2 random tree), nodes.
void shapes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"shape", "nodes"});
  b->Args({0, 200})->Args({0, 1000});
  b->Args({1, 200})->Args({1, 1000});
  b->Args({2, 5000});
  b->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_EvaluateTransitiveClosure)->Apply(shapes);
BENCHMARK(BM_KnowledgeBaseTransitiveClosure)->Apply(shapes);

// The fixpoint of bench/programs/selfjoin_arity3.lp: recursive two- and three-way
// self-joins of one ternary predicate whose joins bind variables used nowhere else (the
// planner's dead-column projection, Step::first_match and Step::distinct).
void BM_EvaluateSelfJoinProgram(benchmark::State& state) {
  std::ifstream file(WRIT_BENCH_PROGRAMS "/selfjoin_arity3.lp");
  std::stringstream text;
  text << file.rdbuf();
  if (!file) fail("cannot read " WRIT_BENCH_PROGRAMS "/selfjoin_arity3.lp");
  auto parsed = writ::grammar::parse_program(text.str(), 0);
  if (!parsed.diagnostics.empty()) fail("selfjoin_arity3.lp does not parse");
  writ::query::name_anonymous_variables(parsed.program);
  if (writ::query::has_errors(writ::query::check_program(parsed.program))) fail("selfjoin_arity3.lp has errors");
  std::uint64_t facts = 0;
  for (auto _ : state) {
    writ::query::eval::Evaluator evaluator;
    if (evaluator.evaluate(parsed.program, {}) != writ::query::eval::Status::Ok) fail("evaluation failed");
    facts = evaluator.fact_count();
  }
  state.counters["facts"] = static_cast<double>(facts);
}
BENCHMARK(BM_EvaluateSelfJoinProgram)->Unit(benchmark::kMillisecond);

// The programs of BM_EvaluateStratified, on the closure of `edge` (`node` its nodes).
const char* const stratified_programs[] = {
    "n(N) :- N = #count { X, Y : path(X, Y) }.\n",
    "out(X, N) :- node(X), N = #count { Y : path(X, Y) }.\n",
    "n(N) :- N = #count { X : path(X, _) ; Y : path(_, Y) ; X, Y : path(X, Y) }.\n",
    "unreached(X, Y) :- node(X), node(Y), not path(X, Y).\n",
    "c(1). c(2). d(2).\nfar(X, Z) :- far(X, Y), edge(Y, Z), c(W), d(W).\nfar(X, Y) :- edge(X, Y).\n",
};

// Evaluates `program` once per iteration, freeing each evaluator outside the timing;
// returns the facts the last evaluation held.
std::uint64_t evaluate_each_iteration(benchmark::State& state, const writ::query::Program& program) {
  std::uint64_t facts = 0;
  for (auto _ : state) {
    auto evaluator = std::make_unique<writ::query::eval::Evaluator>();
    if (evaluator->evaluate(program, {}) != writ::query::eval::Status::Ok) fail("evaluation failed");
    facts = evaluator->fact_count();
    state.PauseTiming();
    evaluator.reset();
    state.ResumeTiming();
  }
  return facts;
}

void BM_EvaluateStratified(benchmark::State& state) {
  const auto which = static_cast<std::size_t>(state.range(0));
  const auto nodes = state.range(1);
  const auto edges = which == 0 || which == 2 ? writ::bench::chain(nodes) : writ::bench::random_graph(nodes, nodes * 2);
  const auto text = writ::bench::edge_facts(edges) + writ::bench::transitive_closure_rules +
                    "node(X) :- edge(X, _).\nnode(Y) :- edge(_, Y).\n" + stratified_programs[which];
  auto parsed = writ::grammar::parse_program(text, 0);
  if (!parsed.diagnostics.empty()) fail("the generated program does not parse");
  writ::query::name_anonymous_variables(parsed.program);
  if (writ::query::has_errors(writ::query::check_program(parsed.program))) fail("the generated program has errors");
  const auto facts = evaluate_each_iteration(state, parsed.program);
  state.counters["facts"] = static_cast<double>(facts);
}
// Args: program (index in stratified_programs), nodes (a chain for 0 and 2, else a random
// graph with 2 edges per node).
BENCHMARK(BM_EvaluateStratified)
    ->ArgNames({"program", "nodes"})
    ->Args({0, 1000})
    ->Args({1, 1000})
    ->Args({2, 1000})
    ->Args({3, 1000})
    ->Args({4, 1000})
    ->Unit(benchmark::kMillisecond);

std::string written_facts(std::int64_t n) {
  std::string text;
  for (std::int64_t i = 0; i < n; ++i)
    text += "edge(" + std::to_string(i) + ", " + std::to_string(i * 7919 % n) + ").\n";
  return text;
}

void BM_EvaluateWrittenFacts(benchmark::State& state) {
  auto parsed = writ::grammar::parse_program(written_facts(state.range(0)), 0);
  if (!parsed.diagnostics.empty()) fail("the generated facts do not parse");
  const auto facts = evaluate_each_iteration(state, parsed.program);
  state.counters["facts"] = static_cast<double>(facts);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(facts));
}
BENCHMARK(BM_EvaluateWrittenFacts)->ArgName("facts")->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_KnowledgeBaseWrittenFacts(benchmark::State& state) {
  const auto text = written_facts(state.range(0));
  for (auto _ : state) {
    writ::kb::KnowledgeBase kb;
    if (kb.load({{"<bench>", text}}).outcome != writ::kb::Outcome::Ok) fail("the generated facts have errors");
    if (kb.ask("edge(5, X)").answers.rows.size() != 1) fail("edge(5, X) has not one answer");
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KnowledgeBaseWrittenFacts)->ArgName("facts")->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
