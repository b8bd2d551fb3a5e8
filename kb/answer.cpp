// Questions: ask (all rows or row by row), explain, why-not, a relation, and the listings
// of what is loaded (predicates, rule texts).
#include <algorithm>
#include <map>
#include <set>

#include "grammar/parse.hpp"
#include "kb/session.hpp"
#include "kb/source_documents.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/predicate.hpp"
#include "query/analysis/variables.hpp"

namespace writ::kb {

namespace {

// Collects streamed answers into an AskResult's Answers.
struct Collector {
  Answers answers;
  KnowledgeBase::ColumnsVisitor columns() {
    return [this](const std::vector<std::string>&, bool with_status) { answers.has_status = with_status; };
  }
  KnowledgeBase::RowVisitor rows() {
    return [this](const std::vector<Value>& row, std::optional<Status> status) {
      answers.rows.push_back(row);
      if (status) answers.statuses.push_back(*status);
    };
  }
  AskResult into(AskResult result) {
    result.answers.rows = std::move(answers.rows);
    result.answers.statuses = std::move(answers.statuses);
    result.answers.has_status = answers.has_status;
    return result;
  }
};

}  // namespace

AskResult KnowledgeBase::ask(std::string_view goal, std::string name) {
  Collector c;
  return c.into(ask_each(goal, c.columns(), c.rows(), std::move(name)));
}

AskResult KnowledgeBase::ask(const query::Query& q) {
  Collector c;
  return c.into(ask_each(q, c.columns(), c.rows()));
}

AskResult KnowledgeBase::ask_each(std::string_view goal, const ColumnsVisitor& on_columns, const RowVisitor& on_row,
                                  std::string name) {
  return guarded<AskResult>([&] {
    const Reading reading(*impl_);
    return impl_->ask(goal, std::move(name), on_columns, on_row);
  });
}

AskResult KnowledgeBase::ask_each(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  return guarded<AskResult>([&] {
    const Reading reading(*impl_);
    return impl_->answer(q, on_columns, on_row);
  });
}

AskResult KnowledgeBase::Impl::ask(std::string_view goal, std::string name, const ColumnsVisitor& on_columns,
                                   const RowVisitor& on_row) {
  // Parsed from the caller's text, not from `sources`, where other readers add theirs.
  const auto id = add_source(std::move(name), goal);
  auto parsed = grammar::parse_goal(goal, id);
  if (!parsed.query) {
    AskResult result;
    result.outcome = Outcome::InputError;
    result.diagnostics = std::move(parsed.diagnostics);
    result.answers.query = std::string(goal);
    return result;
  }
  auto result = answer(*parsed.query, on_columns, on_row);
  release_source(id, result.diagnostics);
  return result;
}

// A question, from the top: checked against the program, then its rows come from where
// they are: one stored table (lookup()), the argument graph of its perspective when the
// program argues, or else the fixpoint (each with the stored facts it depends on read in).
AskResult KnowledgeBase::Impl::answer(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  auto& m = *this;
  AskResult result;
  result.answers.query = q.text;
  query::Query named = q;
  query::name_anonymous_variables(named);
  result.diagnostics = query::check_query(m.effective(), named);
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }
  // A party that makes no claims sees what the neutral perspective sees (the checks warned).
  if (query::answers_neutrally(m.effective(), named)) named.perspective.clear();
  const auto bounds = m.eval_limits();
  if (m.lookup(named, bounds, on_columns, on_row, result)) return result;
  // Evaluating and answering write into the evaluator and the graphs: one reader at a time.
  const std::lock_guard one_reader(m.derive);
  if (m.postgres) return m.answer_in_postgres(named, bounds, on_columns, on_row);
  if (m.argued()) {
    // Answers with their status, from the argument graph of the query's perspective.
    Impl::PartGraph part;
    auto* graph = m.graph(named.perspective, bounds, result.diagnostics, result.outcome, &named, &part);
    if (!graph) return result;
    std::vector<query::argue::AnswerRow> rows;
    const auto status = graph->answer(named, bounds, result.answers.columns, rows);
    for (const auto& d : graph->diagnostics()) result.diagnostics.push_back(d);
    result.outcome = outcome_of(status);
    if (result.outcome != Outcome::Ok) return result;
    on_columns(result.answers.columns, true);
    for (const auto& row : rows) on_row(row.values, row.status);
    return result;
  }
  const auto needed = m.tables_needed(named);
  const auto columns = [&](const std::vector<std::string>& names) { on_columns(names, false); };
  const auto row = [&](const std::vector<Value>& values) { on_row(values, std::nullopt); };
  if (m.goal_directed(named, bounds, needed, columns, row, result)) return result;
  query::eval::Evaluator part;
  auto* fixpoint = m.fixpoint_for(named, bounds, needed, part, result.diagnostics, result.outcome);
  if (!fixpoint) return result;
  result.answers.columns = query::answer_columns(named);
  const auto status = fixpoint->answer_each(named, bounds, columns, row);
  for (const auto& d : fixpoint->diagnostics()) result.diagnostics.push_back(d);
  result.outcome = outcome_of(status);
  return result;
}

namespace {

// Parses and checks a goal for explain and why_not (`id` names it in diagnostics); on
// failure `result` says why.
std::optional<query::Query> checked_goal(const query::Program& program, query::SourceId id, std::string_view goal,
                                         ExplainResult& result) {
  auto parsed = grammar::parse_goal(goal, id);
  result.diagnostics = std::move(parsed.diagnostics);
  if (!parsed.query) {
    result.outcome = Outcome::InputError;
    return std::nullopt;
  }
  query::name_anonymous_variables(*parsed.query);
  for (auto& d : query::check_query(program, *parsed.query)) result.diagnostics.push_back(std::move(d));
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return std::nullopt;
  }
  if (query::answers_neutrally(program, *parsed.query)) parsed.query->perspective.clear();  // the checks warned
  return parsed.query;
}

}  // namespace

ExplainResult KnowledgeBase::explain(std::string_view goal, std::string name) {
  return guarded<ExplainResult>([&] {
    const Reading reading(*impl_);
    return impl_->explain(goal, std::move(name), /*why_not=*/false);
  });
}

ExplainResult KnowledgeBase::why_not(std::string_view goal, std::string name) {
  return guarded<ExplainResult>([&] {
    const Reading reading(*impl_);  // both steps see one state
    return impl_->explain(goal, std::move(name), /*why_not=*/true);
  });
}

ExplainResult KnowledgeBase::Impl::explain(std::string_view goal, std::string name, bool why_not) {
  auto& m = *this;
  ExplainResult result;
  const auto source = m.add_source(std::move(name), goal);
  // Explains into `result`; the source is released after, whichever way this ends.
  const auto explain_into_result = [&] {
    const auto q = checked_goal(m.effective(), source, goal, result);
    if (!q) return;
    if (m.postgres) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, "explanations are not available on a PostgreSQL schema yet"));
      return;
    }
    const auto bounds = m.eval_limits();
    const std::lock_guard one_reader(m.derive);
    Impl::PartGraph part;
    auto* graph = m.graph(q->perspective, bounds, result.diagnostics, result.outcome, &*q, &part);
    if (!graph) return;
    const auto place = [&](const query::Location& at) {
      return at.line == 0 ? std::string() : m.source_name(at.source) + ":" + std::to_string(at.line);
    };
    const auto status = why_not ? graph->why_not(*q, bounds, place, result.explanations)
                                : graph->explain(*q, bounds, place, result.explanations);
    for (const auto& d : graph->diagnostics()) result.diagnostics.push_back(d);
    result.outcome = outcome_of(status);
  };
  explain_into_result();
  m.release_source(source, result.diagnostics);
  return result;
}

MapResult KnowledgeBase::argument_map(std::string_view goal, std::string name) {
  return guarded<MapResult>([&] {
    const Reading reading(*impl_);
    auto& m = *impl_;
    MapResult result;
    const auto source = m.add_source(std::move(name), goal);
    const auto map_into_result = [&] {
      ExplainResult checked;
      const auto q = checked_goal(m.effective(), source, goal, checked);
      result.diagnostics = std::move(checked.diagnostics);
      result.outcome = checked.outcome;
      if (!q) return;
      if (m.postgres) {
        result.outcome = Outcome::InputError;
        result.diagnostics.push_back(query::make_error({}, "explanations are not available on a PostgreSQL schema yet"));
        return;
      }
      const auto limits = m.eval_limits();
      const std::lock_guard derive(m.derive);
      Impl::PartGraph part;
      auto* graph = m.graph(q->perspective, limits, result.diagnostics, result.outcome, &*q, &part);
      if (!graph) return;
      std::set<query::SourceId> assumed;
      for (const auto& r : m.assumed.rules) {
        assumed.insert(r.location.source);
        result.map.assumptions.push_back(r.text);
      }
      for (const auto& p : m.assumed.preferences) result.map.assumptions.push_back(p.text);
      for (const auto& label : m.switched_off) result.map.assumptions.push_back("off " + label);
      query::argue::ArgumentGraph::MapContext context;
      context.place_of = [&](const query::Location& at) {
        return at.line == 0 ? std::string() : m.source_name(at.source) + ":" + std::to_string(at.line);
      };
      context.assumed = [&](const query::Location& at) { return assumed.count(at.source) > 0; };
      auto assumptions = std::move(result.map.assumptions);
      const auto status = graph->map(*q, limits, context, result.map);
      result.map.assumptions = std::move(assumptions);
      for (const auto& d : graph->diagnostics()) result.diagnostics.push_back(d);
      result.outcome = outcome_of(status);
    };
    map_into_result();
    m.release_source(source, result.diagnostics);
    return result;
  });
}

std::vector<AskResult> KnowledgeBase::relation(std::string_view predicate, std::optional<std::size_t> arity) {
  const Reading reading(*impl_);  // every arity from one state
  return impl_->relation(predicate, arity);
}

std::vector<AskResult> KnowledgeBase::Impl::relation(std::string_view predicate, std::optional<std::size_t> arity) {
  std::vector<AskResult> results;
  for (const auto& info : predicate_infos()) {
    if (info.name != predicate || (arity && *arity != info.arity)) continue;
    // Asked as the goal `p(A1, ..., An)`, so that a relation concluded by arguments comes
    // with each row's status, as any answer does.
    std::string goal = info.name;
    for (std::size_t i = 1; i <= info.arity; ++i) goal += (i == 1 ? "(A" : ", A") + std::to_string(i);
    if (info.arity > 0) goal += ")";
    Collector c;
    auto r = c.into(ask(goal, "<relation>", c.columns(), c.rows()));
    r.answers.query = info.name + "/" + std::to_string(info.arity);
    results.push_back(std::move(r));
  }
  return results;
}

std::vector<SourceInfo> KnowledgeBase::sources() const {
  const Reading reading(*impl_);
  const std::lock_guard lock(impl_->sources_mutex);
  return describe_sources(impl_->effective(), impl_->sources);
}

std::vector<std::string> KnowledgeBase::claimants() const {
  const Reading reading(*impl_);
  const auto parties = query::claimants(impl_->effective());
  return {parties.begin(), parties.end()};
}

std::vector<PredicateInfo> KnowledgeBase::predicates() const {
  const Reading reading(*impl_);
  return impl_->predicate_infos();
}

std::vector<PredicateInfo> KnowledgeBase::Impl::predicate_infos() {
  std::map<query::PredicateId, PredicateInfo> by_id;
  for (const auto& r : program.rules) {
    const auto p = query::predicate_of(r.head);
    auto& info = by_id[p];
    info.name = p.name;
    info.arity = p.arity;
    ++(r.is_fact() ? info.facts : info.rules);
  }
  if (!unread.empty()) {
    const std::lock_guard lock(store_mutex);
    for (const auto& t : unread) {
      std::int64_t count = 0;
      if (store->count_facts(t, visible, count)) continue;  // a damaged table counts none
      auto& info = by_id[t.predicate];
      info.name = t.predicate.name;
      info.arity = t.predicate.arity;
      info.facts += static_cast<std::size_t>(count);
    }
  }
  if (postgres) {
    const std::lock_guard one_reader(derive);  // the session's connection is one reader's at a time
    for (const auto& p : postgres->stored()) {
      std::uint64_t count = 0;
      if (postgres->count_facts(p, count)) continue;  // the error shows when it is asked
      auto& info = by_id[p];
      info.name = p.name;
      info.arity = p.arity;
      info.facts += static_cast<std::size_t>(count);
    }
  }
  std::vector<PredicateInfo> out;
  for (auto& [id, info] : by_id) out.push_back(std::move(info));
  return out;
}

std::vector<std::string> KnowledgeBase::rule_texts(std::string_view predicate) const {
  const Reading reading(*impl_);
  std::vector<std::string> out;
  for (const auto& r : impl_->program.rules)
    if (predicate.empty() || query::predicate_of(r.head).name == predicate) out.push_back(r.text);
  // Then the stored facts not read yet, by predicate, as after a reopen.
  const std::lock_guard lock(impl_->store_mutex);
  for (const auto& t : impl_->unread) {
    if (!predicate.empty() && t.predicate.name != predicate) continue;
    impl_->store->read_facts(t, impl_->visible, nullptr,
                             [&](std::int64_t, std::uint32_t, std::uint32_t, std::vector<Value>& values) {
                               out.push_back(store::fact_text(t.predicate.name, values));
                             });
  }
  return out;
}

std::vector<std::string> KnowledgeBase::declaration_texts() const {
  const Reading reading(*impl_);
  const auto& program = impl_->program;
  std::vector<std::string> out;
  for (const auto& s : program.sources) out.push_back(s.text);
  for (const auto& t : program.templates) out.push_back(t.text);
  for (const auto& p : program.preferences) out.push_back(p.text);
  return out;
}

std::string KnowledgeBase::program_text() const { return program_text(nullptr); }

std::string KnowledgeBase::program_text(const std::function<bool(std::string_view source)>& keep) const {
  const Reading reading(*impl_);
  const auto& program = impl_->program;
  std::string out;
  auto line = [&out](const std::string& text) {
    out += text;
    if (text.empty() || text.back() != '\n') out += '\n';
  };
  const auto kept = [&](const query::Location& at) { return !keep || keep(impl_->sources.name(at.source)); };
  // Declarations before what cites or words them, priorities after the rules they order.
  for (const auto& s : program.sources)
    if (kept(s.location)) line(s.text);
  for (const auto& t : program.templates)
    if (kept(t.location)) line(t.text);
  for (const auto& r : program.rules)
    if (kept(r.location)) line(r.text);
  if (!keep) {
    const std::lock_guard lock(impl_->store_mutex);
    for (const auto& t : impl_->unread) {
      impl_->store->read_facts(t, impl_->visible, nullptr,
                               [&](std::int64_t, std::uint32_t, std::uint32_t, std::vector<Value>& values) {
                                 line(store::fact_text(t.predicate.name, values));
                               });
    }
  }
  for (const auto& p : program.preferences)
    if (kept(p.location)) line(p.text);
  return out;
}

}  // namespace writ::kb
