#include "writ/knowledge_base.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "grammar/parse.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/predicate.hpp"
#include "query/analysis/variables.hpp"
#include "query/eval/evaluator.hpp"

namespace writ::kb {

namespace {

Outcome outcome_of(query::eval::Status s) {
  switch (s) {
    case query::eval::Status::Ok: return Outcome::Ok;
    case query::eval::Status::Error: return Outcome::InputError;
    case query::eval::Status::Timeout:
    case query::eval::Status::TooManyFacts: return Outcome::LimitHit;
    case query::eval::Status::Cancelled: return Outcome::Cancelled;
  }
  return Outcome::InputError;
}

}  // namespace

struct KnowledgeBase::Impl {
  Limits limits;
  std::atomic<bool> cancelled{false};
  query::SourceSet sources;
  query::Program program;  // every accepted statement, anonymous variables named apart
  query::eval::Evaluator evaluator;
  bool evaluated = false;

  query::eval::Limits eval_limits() const {
    query::eval::Limits l;
    if (limits.timeout) l.deadline = std::chrono::steady_clock::now() + *limits.timeout;
    if (limits.max_facts) l.max_facts = *limits.max_facts;
    l.cancel = &cancelled;
    return l;
  }

  // Brings the fixpoint up to date; on failure the diagnostics say why.
  Outcome evaluate(const query::eval::Limits& l, std::vector<Diagnostic>& diagnostics) {
    if (evaluated) return Outcome::Ok;
    const auto status = evaluator.evaluate(program, l);
    for (const auto& d : evaluator.diagnostics()) diagnostics.push_back(d);
    evaluated = status == query::eval::Status::Ok;
    return outcome_of(status);
  }
};

KnowledgeBase::KnowledgeBase(Limits limits) : impl_(std::make_unique<Impl>()) { impl_->limits = limits; }
KnowledgeBase::~KnowledgeBase() = default;

void KnowledgeBase::set_limits(Limits limits) { impl_->limits = limits; }
void KnowledgeBase::cancel() noexcept { impl_->cancelled.store(true, std::memory_order_relaxed); }

LoadResult KnowledgeBase::load(std::vector<Input> inputs) {
  auto& m = *impl_;
  LoadResult result;
  const auto rules_before = m.program.rules.size();
  const auto first_new_source = static_cast<query::SourceId>(m.sources.size());
  for (auto& input : inputs) {
    const auto id = m.sources.add(std::move(input.name), std::move(input.text));
    auto parsed = grammar::parse_program(m.sources.text(id), id);
    for (auto& d : parsed.diagnostics) result.diagnostics.push_back(std::move(d));
    for (auto& r : parsed.program.rules) m.program.rules.push_back(std::move(r));
    for (auto& q : parsed.program.queries) result.queries.push_back(std::move(q));
  }
  // Check the new statements together with everything loaded before: stratification
  // and definitions are properties of the whole program.
  m.program.queries = result.queries;
  query::name_anonymous_variables(m.program);
  auto checked = query::check_program(m.program);
  result.queries = std::move(m.program.queries);
  m.program.queries.clear();
  for (auto& d : checked) {
    // Warnings about statements loaded earlier were shown then.
    if (d.severity == query::Severity::Error || d.location.source >= first_new_source)
      result.diagnostics.push_back(std::move(d));
  }
  query::sort_by_location(result.diagnostics);
  if (query::has_errors(result.diagnostics)) {
    m.program.rules.resize(rules_before);  // all or nothing
    result.queries.clear();
    result.outcome = Outcome::InputError;
    return result;
  }
  if (m.program.rules.size() != rules_before) m.evaluated = false;
  return result;
}

LoadResult KnowledgeBase::load_files(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  LoadResult failed;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      failed.diagnostics.push_back(
          query::make_error({}, "cannot open '" + path + "': " + std::strerror(errno ? errno : ENOENT)));
      continue;
    }
    inputs.push_back(Input{path, text.str()});
  }
  if (!failed.diagnostics.empty()) {
    failed.outcome = Outcome::InputError;
    return failed;
  }
  return load(std::move(inputs));
}

AskResult KnowledgeBase::ask(std::string_view goal, std::string name) {
  auto& m = *impl_;
  const auto id = m.sources.add(std::move(name), std::string(goal));
  auto parsed = grammar::parse_goal(m.sources.text(id), id);
  if (!parsed.query) {
    AskResult result;
    result.outcome = Outcome::InputError;
    result.diagnostics = std::move(parsed.diagnostics);
    result.answers.query = std::string(goal);
    return result;
  }
  return ask(*parsed.query);
}

AskResult KnowledgeBase::ask(const query::Query& q) {
  auto& m = *impl_;
  m.cancelled.store(false, std::memory_order_relaxed);
  AskResult result;
  result.answers.query = q.text;
  query::Query named = q;
  query::name_anonymous_variables(named);
  result.diagnostics = query::check_query(m.program, named);
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }
  const auto limits = m.eval_limits();
  result.outcome = m.evaluate(limits, result.diagnostics);
  if (result.outcome != Outcome::Ok) return result;
  auto answers = m.evaluator.answer(named, limits);
  for (const auto& d : m.evaluator.diagnostics()) result.diagnostics.push_back(d);
  result.outcome = outcome_of(answers.status);
  result.answers.columns = std::move(answers.columns);
  result.answers.rows = std::move(answers.rows);
  return result;
}

std::vector<AskResult> KnowledgeBase::relation(std::string_view predicate, std::optional<std::size_t> arity) {
  auto& m = *impl_;
  m.cancelled.store(false, std::memory_order_relaxed);
  std::vector<AskResult> results;
  std::vector<Diagnostic> diagnostics;
  const auto outcome = m.evaluate(m.eval_limits(), diagnostics);
  for (const auto& info : predicates()) {
    if (info.name != predicate || (arity && *arity != info.arity)) continue;
    AskResult r;
    r.outcome = outcome;
    r.diagnostics = diagnostics;
    r.answers.query = info.name + "/" + std::to_string(info.arity);
    for (std::size_t i = 1; i <= info.arity; ++i) r.answers.columns.push_back("A" + std::to_string(i));
    if (outcome == Outcome::Ok)
      r.answers.rows = m.evaluator.rows(query::PredicateId{info.name, static_cast<std::uint32_t>(info.arity)});
    results.push_back(std::move(r));
  }
  return results;
}

std::vector<PredicateInfo> KnowledgeBase::predicates() const {
  std::map<query::PredicateId, PredicateInfo> by_id;
  for (const auto& r : impl_->program.rules) {
    const auto p = query::predicate_of(r.head);
    auto& info = by_id[p];
    info.name = p.name;
    info.arity = p.arity;
    ++(r.is_fact() ? info.facts : info.rules);
  }
  std::vector<PredicateInfo> out;
  for (auto& [id, info] : by_id) out.push_back(std::move(info));
  return out;
}

std::vector<std::string> KnowledgeBase::rule_texts(std::string_view predicate) const {
  std::vector<std::string> out;
  for (const auto& r : impl_->program.rules)
    if (predicate.empty() || query::predicate_of(r.head).name == predicate) out.push_back(r.text);
  return out;
}

std::string KnowledgeBase::render(const std::vector<Diagnostic>& diagnostics) const {
  return query::render(diagnostics, impl_->sources);
}

}  // namespace writ::kb
