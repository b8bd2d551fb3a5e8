// The session's program and what is derived from it: assumptions, invalidation, the stored
// facts a question needs read in on demand, the fixpoint and the argument graphs.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "kb/session.hpp"
#include "query/analysis/dependency_graph.hpp"
#include "query/analysis/predicate.hpp"
#include "query/analysis/variables.hpp"
#include "query/builtins.hpp"

namespace writ::kb {

Outcome outcome_of(query::eval::Status s) {
  switch (s) {
    case query::eval::Status::Ok: return Outcome::Ok;
    case query::eval::Status::Error: return Outcome::InputError;
    case query::eval::Status::Timeout:
    case query::eval::Status::TooManyFacts:
    case query::eval::Status::TooMuchMemory: return Outcome::LimitHit;
    case query::eval::Status::Cancelled: return Outcome::Cancelled;
  }
  return Outcome::InputError;
}

// The merged program is made here rather than on first use, so that readers never write it.
void KnowledgeBase::Impl::invalidate() {
  evaluated = false;
  whole_fails = false;
  whole_graph_fails = false;
  if (postgres) postgres->forget();
  graphs.clear();
  with_facts = {};
  with_rows = {};
  merged.reset();
  if (!has_assumptions()) return;
  merged = program;
  for (const auto& r : assumed.rules) merged->rules.push_back(r);
  for (const auto& p : assumed.preferences) merged->preferences.push_back(p);
  std::erase_if(merged->rules, [&](const query::Rule& r) { return r.label && switched_off.count(*r.label); });
}

bool KnowledgeBase::Impl::argued() const {
  const auto& p = effective();
  if (!p.preferences.empty()) return true;
  for (const auto& r : p.rules)
    if (r.kind != query::RuleKind::Strict) return true;
  return false;
}

query::eval::Limits KnowledgeBase::Impl::eval_limits() const {
  query::eval::Limits l;
  if (limits.timeout) l.deadline = std::chrono::steady_clock::now() + *limits.timeout;
  if (limits.max_facts) l.max_facts = *limits.max_facts;
  l.max_memory = limits.max_memory.value_or(default_max_memory());
  l.cancel = &cancelled;
  return l;
}

query::SourceId KnowledgeBase::Impl::add_source(std::string name, std::string_view text) {
  const std::lock_guard lock(sources_mutex);
  return sources.add_transient(std::move(name), std::string(text));
}

void KnowledgeBase::Impl::release_source(query::SourceId id, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.location.source == id) return;
    for (const auto& n : d.notes)
      if (n.location.source == id) return;
  }
  const std::lock_guard lock(sources_mutex);
  sources.release(id);
}

std::string KnowledgeBase::Impl::source_name(query::SourceId id) {
  const std::lock_guard lock(sources_mutex);
  return sources.name(id);
}

store::AddSource KnowledgeBase::Impl::keep_source() {
  return [this](std::string name, std::string text) {
    const std::lock_guard lock(sources_mutex);
    return sources.add(std::move(name), std::move(text));
  };
}

store::SourceText KnowledgeBase::Impl::source_text() {
  // A copy: another reader may add to the set (and move short texts) once the lock is gone.
  return [this](query::SourceId id) -> std::string {
    const std::lock_guard lock(sources_mutex);
    return sources.text(id);
  };
}

std::ptrdiff_t KnowledgeBase::Impl::unread_index(const query::PredicateId& p) const {
  for (std::size_t i = 0; i < unread.size(); ++i)
    if (unread[i].predicate == p) return static_cast<std::ptrdiff_t>(i);
  return -1;
}

std::vector<bool> KnowledgeBase::Impl::tables_needed(const query::Query& q) const {
  std::vector<bool> needed(unread.size(), false);
  if (unread.empty()) return needed;
  for (const auto& p : query::reached_predicates(effective(), q.body))
    if (const auto i = unread_index(p); i >= 0) needed[static_cast<std::size_t>(i)] = true;
  return needed;
}

const query::Program* KnowledgeBase::Impl::program_with_facts(const std::vector<bool>* needed, bool as_rules,
                                                              std::vector<Diagnostic>& diagnostics) {
  if (unread.empty()) return &effective();
  auto& cached = as_rules ? with_facts : with_rows;
  std::vector<bool> want = cached.read;
  want.resize(unread.size(), false);
  bool more = !cached.program.has_value();
  for (std::size_t i = 0; i < unread.size(); ++i) {
    if ((needed && !(*needed)[i]) || want[i]) continue;
    want[i] = true;
    more = true;
  }
  if (!more) return &*cached.program;
  query::Program extended = effective();
  {
    const std::lock_guard lock(store_mutex);
    for (std::size_t i = 0; i < unread.size(); ++i) {
      if (!want[i]) continue;
      store::StoreStatus e;
      if (as_rules) {
        e = store::read_facts(*store, unread[i], visible, keep_source(), source_text(), store_sources, extended.rules);
      } else {
        extended.facts.emplace_back();
        e = store::read_fact_rows(*store, unread[i], visible, extended.facts.back());
      }
      if (e) {
        diagnostics.push_back(query::make_error({}, e->message));
        return nullptr;
      }
    }
  }
  // What was evaluated or built from the smaller program is stale.
  if (as_rules) {
    graphs.clear();
    whole_graph_fails = false;
  } else {
    evaluated = false;
    whole_fails = false;
  }
  cached = WithStoredFacts{std::move(extended), std::move(want)};
  return &*cached.program;
}

Outcome KnowledgeBase::Impl::evaluate(const query::eval::Limits& l, const std::vector<bool>& needed,
                                      std::vector<Diagnostic>& diagnostics) {
  const auto* evaluated_program = program_with_facts(&needed, false, diagnostics);  // may reset `evaluated`
  if (!evaluated_program) return Outcome::InputError;
  if (evaluated) return Outcome::Ok;
  const auto status = evaluator.evaluate(*evaluated_program, l);
  for (const auto& d : evaluator.diagnostics()) diagnostics.push_back(d);
  evaluated = status == query::eval::Status::Ok;
  whole_fails = status == query::eval::Status::Error;
  return outcome_of(status);
}

query::eval::Evaluator* KnowledgeBase::Impl::fixpoint_for(const query::Query& q, const query::eval::Limits& l,
                                                          const std::vector<bool>& needed, query::eval::Evaluator& part,
                                                          std::vector<Diagnostic>& diagnostics, Outcome& outcome) {
  const auto* with_rows_read = program_with_facts(&needed, false, diagnostics);  // may reset `whole_fails`
  if (!with_rows_read) {
    outcome = Outcome::InputError;
    return nullptr;
  }
  if (!whole_fails) {
    std::vector<Diagnostic> said;
    outcome = evaluate(l, needed, said);
    if (!whole_fails) {
      for (auto& d : said) diagnostics.push_back(std::move(d));
      return outcome == Outcome::Ok ? &evaluator : nullptr;
    }
  }
  // Some rule fails on the data (an overflow that only some bindings reach): the question
  // is answered from the rules it depends on, and fails only if one of them does.
  const auto reached = query::reached_predicates(*with_rows_read, q.body);
  const auto status = part.evaluate(*with_rows_read, l, nullptr, &reached);
  for (const auto& d : part.diagnostics()) diagnostics.push_back(d);
  outcome = outcome_of(status);
  return outcome == Outcome::Ok ? &part : nullptr;
}

bool KnowledgeBase::Impl::goal_directed(const query::Query& q, const query::eval::Limits& l,
                                        const std::vector<bool>& needed,
                                        const query::eval::Evaluator::ColumnsVisitor& on_columns,
                                        const query::eval::Evaluator::RowVisitor& on_row, AskResult& result) {
  const auto* with_facts_read = program_with_facts(&needed, false, result.diagnostics);  // may reset `evaluated`
  if (!with_facts_read) {
    result.outcome = Outcome::InputError;
    return true;
  }
  if (evaluated) return false;
  query::eval::Evaluator goal;
  const auto status = goal.evaluate_goal(*with_facts_read, q, l);
  if (!status) return false;
  // The rewriting evaluates whole every rule that can fail, reached or not: a failure may
  // not be this question's, which fixpoint_for() then answers from the part it depends on.
  if (*status == query::eval::Status::Error) return false;
  for (const auto& d : goal.diagnostics()) result.diagnostics.push_back(d);
  result.outcome = outcome_of(*status);
  if (result.outcome != Outcome::Ok) return true;
  result.answers.columns = query::answer_columns(q);
  const auto answered = goal.answer_each(goal.goal_query(), l, on_columns, on_row);
  for (const auto& d : goal.diagnostics()) result.diagnostics.push_back(d);
  result.outcome = outcome_of(answered);
  return true;
}

query::argue::ArgumentGraph* KnowledgeBase::Impl::graph(const std::string& perspective, const query::eval::Limits& l,
                                                        std::vector<Diagnostic>& diagnostics, Outcome& outcome,
                                                        const query::Query* q, PartGraph* part) {
  const auto* full = program_with_facts(nullptr, true, diagnostics);  // may clear `graphs`
  if (!full) {
    outcome = Outcome::InputError;
    return nullptr;
  }
  if (!whole_graph_fails || !q || !part) {
    auto& g = graphs[perspective];
    if (g) return g.get();
    g = std::make_unique<query::argue::ArgumentGraph>();
    const auto built = g->build(*full, perspective, l);
    if (built == query::eval::Status::Ok) {
      for (const auto& d : g->diagnostics()) diagnostics.push_back(d);
      return g.get();
    }
    // Out of the cache before it is read: erasing the entry frees what `g` refers to.
    const auto failed = std::move(g);
    graphs.erase(perspective);
    whole_graph_fails = built == query::eval::Status::Error;
    if (!whole_graph_fails || !q || !part) {
      for (const auto& d : failed->diagnostics()) diagnostics.push_back(d);
      outcome = outcome_of(built);
      return nullptr;
    }
  }
  // Some rule fails on the data: the question's graph holds only the rules it depends on
  // (both polarities: a conclusion is attacked by its contrary's arguments), and fails
  // only if one of them does.
  const auto reached = query::reached_predicates(*full, q->body);
  // The built-in relations describe the statements of the program built: a part would
  // describe only its own, so a question that reads them needs the whole (and fails).
  if (std::any_of(reached.begin(), reached.end(), [](const query::PredicateId& p) { return query::find_builtin(p.name); })) {
    graph(perspective, l, diagnostics, outcome);
    return nullptr;
  }
  part->program = *full;
  part->program->facts.clear();
  std::erase_if(part->program->rules,
                [&](const query::Rule& r) { return !reached.count(query::predicate_of(r.head)); });
  for (const auto& f : full->facts)
    if (reached.count(query::PredicateId{f.predicate, f.arity})) part->program->facts.push_back(f);
  part->graph = std::make_unique<query::argue::ArgumentGraph>();
  const auto built = part->graph->build(*part->program, perspective, l);
  for (const auto& d : part->graph->diagnostics()) diagnostics.push_back(d);
  if (built != query::eval::Status::Ok) {
    outcome = outcome_of(built);
    return nullptr;
  }
  return part->graph.get();
}

}  // namespace writ::kb
