#include "writ/knowledge_base.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "grammar/parse.hpp"
#include "kb/store/stored_program.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/predicate.hpp"
#include "query/analysis/variables.hpp"
#include "query/argue/argument_graph.hpp"
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

// Exceptions stay inside: a bug or an exhausted resource in the engine becomes an error
// diagnostic at the boundary, never an abort of the embedding program.
template <class Result, class F>
Result guarded(const F& f) noexcept {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    Result r;
    r.outcome = Outcome::LimitHit;
    r.diagnostics.push_back(query::make_error({}, "out of memory"));
    return r;
  } catch (const std::exception& e) {
    Result r;
    r.outcome = Outcome::InputError;
    r.diagnostics.push_back(query::make_error({}, std::string("internal error: ") + e.what()));
    return r;
  }
}

struct KnowledgeBase::Impl {
  Limits limits;
  std::atomic<bool> cancelled{false};
  query::SourceSet sources;
  query::Program program;  // every accepted statement, anonymous variables named apart
  query::eval::Evaluator evaluator;
  bool evaluated = false;
  // The argument graphs by perspective ("" is the neutral one), built on demand.
  std::map<std::string, std::unique_ptr<query::argue::ArgumentGraph>> graphs;

  // What-if (assume): statements assumed on top of the program and rules switched off
  // by label; never stored. `merged` is the program they make, while there are any.
  query::Program assumed;
  std::set<std::string> switched_off;
  std::optional<query::Program> merged;

  bool has_assumptions() const {
    return !assumed.rules.empty() || !assumed.preferences.empty() || !switched_off.empty();
  }

  // The program every answer comes from: the loaded one, or the hypothetical one.
  const query::Program& effective() {
    if (!has_assumptions()) return program;
    if (!merged) {
      merged = program;
      for (const auto& r : assumed.rules) merged->rules.push_back(r);
      for (const auto& p : assumed.preferences) merged->preferences.push_back(p);
      std::erase_if(merged->rules, [&](const query::Rule& r) { return r.label && switched_off.count(*r.label); });
    }
    return *merged;
  }

  // The program changed: every derived thing must be computed again.
  void invalidate() {
    evaluated = false;
    graphs.clear();
    merged.reset();
  }

  // The argument graph of a perspective, built on first use; null when building failed
  // (the diagnostics and outcome say why).
  query::argue::ArgumentGraph* graph(const std::string& perspective, const query::eval::Limits& l,
                                     std::vector<Diagnostic>& diagnostics, Outcome& outcome) {
    auto& g = graphs[perspective];
    if (g) return g.get();
    g = std::make_unique<query::argue::ArgumentGraph>();
    const auto built = g->build(effective(), perspective, l);
    for (const auto& d : g->diagnostics()) diagnostics.push_back(d);
    if (built != query::eval::Status::Ok) {
      graphs.erase(perspective);
      outcome = outcome_of(built);
      return nullptr;
    }
    return g.get();
  }

  // Whether the program uses the argumentation layer (then answers carry a status).
  bool argued() {
    const auto& p = effective();
    if (!p.preferences.empty()) return true;
    for (const auto& r : p.rules)
      if (r.kind != query::RuleKind::Strict) return true;
    return false;
  }
  std::unique_ptr<store::Store> store;  // when open() succeeded

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
    const auto status = evaluator.evaluate(effective(), l);
    for (const auto& d : evaluator.diagnostics()) diagnostics.push_back(d);
    evaluated = status == query::eval::Status::Ok;
    return outcome_of(status);
  }
};

KnowledgeBase::KnowledgeBase(Limits limits) : impl_(std::make_unique<Impl>()) { impl_->limits = limits; }
KnowledgeBase::~KnowledgeBase() = default;

void KnowledgeBase::set_limits(Limits limits) { impl_->limits = limits; }
void KnowledgeBase::cancel() noexcept { impl_->cancelled.store(true, std::memory_order_relaxed); }

OpenResult KnowledgeBase::open(const std::string& path, StoreOptions options) {
  auto& m = *impl_;
  OpenResult result;
  auto fail = [&](std::string message) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(query::make_error({}, std::move(message)));
    return result;
  };
  if (m.store) return fail("cannot open store '" + path + "': store '" + m.store->path() + "' is already open");
  if (!m.program.rules.empty()) return fail("cannot open store '" + path + "' after statements were loaded");

  store::OpenOptions o;
  o.read_only = options.read_only || options.as_of.has_value();
  o.busy_timeout_ms = static_cast<int>(std::min<std::chrono::milliseconds::rep>(
      std::max<std::chrono::milliseconds::rep>(options.busy_timeout.count(), 0), 1 << 30));
  std::unique_ptr<store::Store> opened;
  if (auto e = store::Store::open(path, o, opened)) return fail(e->message);

  std::optional<std::int64_t> as_of;
  if (options.as_of) {
    std::int64_t last = 0;
    if (auto e = opened->last_transaction(last)) return fail(e->message);
    if (*options.as_of > static_cast<std::uint64_t>(last))
      return fail("store '" + path + "' has no transaction " + std::to_string(*options.as_of) + " (the last is " +
                  std::to_string(last) + ")");
    as_of = static_cast<std::int64_t>(*options.as_of);
  }
  query::Program program;
  if (auto e = store::read_program(*opened, as_of, m.sources, program)) return fail(e->message);
  query::name_anonymous_variables(program);
  // The statements were checked when they were loaded; checking again guards against a
  // store changed by other means, and is what the evaluator requires.
  auto checked = query::check_program(program);
  if (query::has_errors(checked)) {
    auto r = fail("store '" + path + "' holds a program with errors");
    for (auto& d : checked)
      if (d.severity == query::Severity::Error) r.diagnostics.push_back(std::move(d));
    return r;
  }
  m.program = std::move(program);
  m.store = std::move(opened);
  m.invalidate();
  return result;
}

bool KnowledgeBase::has_store() const { return impl_->store != nullptr; }

LoadResult KnowledgeBase::load(std::vector<Input> inputs) {
  return guarded<LoadResult>([&] { return load_unguarded(std::move(inputs)); });
}

LoadResult KnowledgeBase::load_unguarded(std::vector<Input> inputs) {
  auto& m = *impl_;
  m.cancelled.store(false, std::memory_order_relaxed);
  LoadResult result;
  const auto rules_before = m.program.rules.size();
  const auto preferences_before = m.program.preferences.size();
  const auto sources_before = m.program.sources.size();
  const auto templates_before = m.program.templates.size();
  // All or nothing: a failed load leaves the program as it was.
  auto roll_back = [&] {
    m.program.rules.resize(rules_before);
    m.program.preferences.resize(preferences_before);
    m.program.sources.resize(sources_before);
    m.program.templates.resize(templates_before);
  };
  const auto first_new_source = static_cast<query::SourceId>(m.sources.size());
  for (auto& input : inputs) {
    const auto id = m.sources.add(std::move(input.name), std::move(input.text));
    auto parsed = grammar::parse_program(m.sources.text(id), id, input.first_line);
    for (auto& d : parsed.diagnostics) result.diagnostics.push_back(std::move(d));
    for (auto& r : parsed.program.rules) m.program.rules.push_back(std::move(r));
    for (auto& q : parsed.program.queries) result.queries.push_back(std::move(q));
    for (auto& p : parsed.program.preferences) m.program.preferences.push_back(std::move(p));
    for (auto& s : parsed.program.sources) m.program.sources.push_back(std::move(s));
    for (auto& t : parsed.program.templates) m.program.templates.push_back(std::move(t));
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
    roll_back();
    result.queries.clear();
    result.outcome = Outcome::InputError;
    return result;
  }
  const bool added = m.program.rules.size() != rules_before || m.program.preferences.size() != preferences_before ||
                     m.program.sources.size() != sources_before || m.program.templates.size() != templates_before;
  if (m.store && !m.store->read_only() && added) {
    store::StoreError error;
    const auto written =
        store::write_load(*m.store, m.sources, first_new_source, m.program,
                          store::FirstNew{rules_before, preferences_before, sources_before, templates_before},
                          m.cancelled, error);
    if (written != store::WriteOutcome::Written) {
      roll_back();  // the store has nothing of it: neither has memory
      result.queries.clear();
      result.diagnostics.clear();
      if (written == store::WriteOutcome::Cancelled) {
        result.outcome = Outcome::Cancelled;
        result.diagnostics.push_back(query::make_error({}, "load cancelled: nothing was added"));
      } else {
        result.outcome = Outcome::InputError;
        result.diagnostics.push_back(query::make_error({}, error.message + "; nothing was added"));
      }
      return result;
    }
  }
  if (added) m.invalidate();
  return result;
}

RetractResult KnowledgeBase::retract(std::string_view text, std::string name) {
  auto& m = *impl_;
  RetractResult result;
  const auto id = m.sources.add(std::move(name), std::string(text));
  auto parsed = grammar::parse_program(m.sources.text(id), id);
  result.diagnostics = std::move(parsed.diagnostics);
  for (const auto& q : parsed.program.queries)
    result.diagnostics.push_back(query::make_error(q.location, "a query cannot be retracted"));
  if (parsed.program.rules.empty() && result.diagnostics.empty())
    result.diagnostics.push_back(query::make_error({}, "nothing to retract: give facts or rules"));
  if (m.store && m.store->read_only())
    result.diagnostics.push_back(
        query::make_error({}, "cannot retract: store '" + m.store->path() + "' was opened read-only"));
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }

  // Which loaded rules each statement matches; a statement that matches none is an error.
  auto same_fact = [](const query::Rule& a, const query::Rule& b) {
    if (!store::is_plain_fact(a) || query::predicate_of(a.head) != query::predicate_of(b.head)) return false;
    for (std::size_t i = 0; i < a.head.args.size(); ++i)
      if (!(a.head.args[i].value == b.head.args[i].value)) return false;
    return true;
  };
  std::vector<bool> remove(m.program.rules.size(), false);
  for (const auto& stmt : parsed.program.rules) {
    const bool plain = store::is_plain_fact(stmt);
    bool matched = false;
    for (std::size_t i = 0; i < m.program.rules.size(); ++i) {
      const auto& r = m.program.rules[i];
      if (plain ? same_fact(r, stmt) : store::same_statement_text(r.text, stmt.text)) {
        remove[i] = true;
        matched = true;
      }
    }
    if (!matched)
      result.diagnostics.push_back(query::make_error(
          stmt.location, std::string(plain ? "no such fact is loaded: " : "no such rule is loaded: ") + stmt.text));
  }
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }

  if (m.store) {
    std::string description = "retract";
    for (const auto& stmt : parsed.program.rules) description += " " + stmt.text;
    auto write = [&]() -> store::StoreStatus {
      if (auto e = m.store->begin(description)) return e;
      for (const auto& stmt : parsed.program.rules) {
        std::int64_t count = 0;
        auto e = store::is_plain_fact(stmt) ? m.store->retract_fact(stmt, count)
                                            : m.store->retract_statement(stmt.text, count);
        if (e) return m.store->rollback(), e;
      }
      return m.store->commit();
    };
    if (auto e = write()) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, e->message + "; nothing was retracted"));
      return result;
    }
  }
  std::size_t i = 0;
  std::erase_if(m.program.rules, [&](const query::Rule&) { return remove[i++]; });
  result.removed = static_cast<std::size_t>(std::count(remove.begin(), remove.end(), true));
  m.invalidate();
  return result;
}

LogResult KnowledgeBase::transactions() {
  auto& m = *impl_;
  LogResult result;
  if (!m.store) return result;
  std::vector<store::TransactionInfo> log;
  if (auto e = m.store->transactions(log)) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(query::make_error({}, e->message));
    return result;
  }
  for (auto& t : log)
    result.transactions.push_back(TransactionRecord{static_cast<std::uint64_t>(t.id), std::move(t.time),
                                                    std::move(t.description), static_cast<std::uint64_t>(t.added),
                                                    static_cast<std::uint64_t>(t.removed)});
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
  return ask_each(*parsed.query, on_columns, on_row);
}

AskResult KnowledgeBase::ask_each(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  return guarded<AskResult>([&] { return ask_each_unguarded(q, on_columns, on_row); });
}

AskResult KnowledgeBase::ask_each_unguarded(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  auto& m = *impl_;
  m.cancelled.store(false, std::memory_order_relaxed);
  AskResult result;
  result.answers.query = q.text;
  query::Query named = q;
  query::name_anonymous_variables(named);
  result.diagnostics = query::check_query(m.effective(), named);
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }
  const auto limits = m.eval_limits();
  if (m.argued()) {
    // Answers with their status, from the argument graph of the query's perspective.
    auto* graph = m.graph(named.perspective, limits, result.diagnostics, result.outcome);
    if (!graph) return result;
    std::vector<query::argue::AnswerRow> rows;
    const auto status = graph->answer(named, limits, result.answers.columns, rows);
    for (const auto& d : graph->diagnostics()) result.diagnostics.push_back(d);
    result.outcome = outcome_of(status);
    if (result.outcome != Outcome::Ok) return result;
    on_columns(result.answers.columns, true);
    for (const auto& row : rows) on_row(row.values, row.status);
    return result;
  }
  result.outcome = m.evaluate(limits, result.diagnostics);
  if (result.outcome != Outcome::Ok) return result;
  result.answers.columns = query::answer_columns(named);
  const auto status = m.evaluator.answer_each(
      named, limits, [&](const std::vector<std::string>& columns) { on_columns(columns, false); },
      [&](const std::vector<Value>& row) { on_row(row, std::nullopt); });
  for (const auto& d : m.evaluator.diagnostics()) result.diagnostics.push_back(d);
  result.outcome = outcome_of(status);
  return result;
}

namespace {

// Parses and checks a goal for explain and why_not; on failure `result` says why.
std::optional<query::Query> checked_goal(const query::Program& program, query::SourceSet& sources,
                                         std::string_view goal, std::string name, ExplainResult& result) {
  const auto id = sources.add(std::move(name), std::string(goal));
  auto parsed = grammar::parse_goal(sources.text(id), id);
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
  return parsed.query;
}

}  // namespace

ExplainResult KnowledgeBase::explain(std::string_view goal, std::string name) {
  return guarded<ExplainResult>([&] { return explain_unguarded(goal, std::move(name)); });
}

ExplainResult KnowledgeBase::explain_unguarded(std::string_view goal, std::string name) {
  auto& m = *impl_;
  m.cancelled.store(false, std::memory_order_relaxed);
  ExplainResult result;
  const auto q = checked_goal(m.effective(), m.sources, goal, std::move(name), result);
  if (!q) return result;
  const auto limits = m.eval_limits();
  auto* graph = m.graph(q->perspective, limits, result.diagnostics, result.outcome);
  if (!graph) return result;
  const auto place = [&](const query::Location& at) {
    return at.line == 0 ? std::string() : m.sources.name(at.source) + ":" + std::to_string(at.line);
  };
  const auto status = graph->explain(*q, limits, place, result.explanations);
  for (const auto& d : graph->diagnostics()) result.diagnostics.push_back(d);
  result.outcome = outcome_of(status);
  return result;
}

ExplainResult KnowledgeBase::why_not(std::string_view goal, std::string name) {
  auto result = explain(goal, name);
  if (result.outcome != Outcome::Ok || !result.explanations.empty()) return result;
  // No answer at all: say so for the goal, and list what could conclude it.
  ExplanationNode root;
  root.literal = std::string(goal);
  while (!root.literal.empty() && (root.literal.back() == '.' || root.literal.back() == '?' || root.literal.back() == ' '))
    root.literal.pop_back();
  const auto q = [&] {
    ExplainResult ignored;
    return checked_goal(impl_->program, impl_->sources, goal, "<why-not>", ignored);
  }();
  if (q) {
    for (const auto& l : q->body) {
      if (l.kind != query::Literal::Kind::Atom || l.negated) continue;
      const auto p = query::predicate_of(l.atom);
      bool any = false;
      for (const auto& r : impl_->program.rules) {
        if (query::predicate_of(r.head) != p) continue;
        any = true;
        ExplanationNode rule;
        rule.kind = ExplanationNode::Kind::Argument;
        rule.label = r.label.value_or("");
        rule.what = r.is_fact() ? "fact" : "rule";
        rule.text = r.text;
        rule.place = impl_->sources.name(r.location.source) + ":" + std::to_string(r.location.line);
        rule.holds = false;
        rule.outcome = "does not apply to this goal: a premise has no argument, or the values differ";
        root.children.push_back(std::move(rule));
      }
      if (!any) {
        ExplanationNode none;
        none.literal = l.atom.predicate + "/" + std::to_string(l.atom.args.size());
        none.sentence = "no fact or rule concludes anything of this predicate";
        root.children.push_back(std::move(none));
      }
    }
  }
  result.explanations.push_back(std::move(root));
  return result;
}

LoadResult KnowledgeBase::assume(std::string_view text, std::string name) {
  return guarded<LoadResult>([&] { return assume_unguarded(text, std::move(name)); });
}

LoadResult KnowledgeBase::assume_unguarded(std::string_view text, std::string name) {
  auto& m = *impl_;
  LoadResult result;
  const auto id = m.sources.add(std::move(name), std::string(text));
  auto parsed = grammar::parse_program(m.sources.text(id), id);
  result.diagnostics = std::move(parsed.diagnostics);
  for (const auto& q : parsed.program.queries)
    result.diagnostics.push_back(query::make_error(q.location, "a query cannot be assumed: ask it after the assumption"));
  if (!parsed.program.sources.empty() || !parsed.program.templates.empty())
    result.diagnostics.push_back(query::make_error({}, "only facts, rules, claims and priorities can be assumed"));
  if (parsed.program.rules.empty() && parsed.program.preferences.empty() && result.diagnostics.empty())
    result.diagnostics.push_back(query::make_error({}, "nothing to assume: give facts, rules, claims or priorities"));
  if (!query::has_errors(result.diagnostics)) {
    // Checked together with everything, as a load would be.
    auto candidate = m.effective();
    for (auto& r : parsed.program.rules) candidate.rules.push_back(r);
    for (auto& p : parsed.program.preferences) candidate.preferences.push_back(p);
    query::name_anonymous_variables(candidate);
    for (auto& d : query::check_program(candidate))
      if (d.severity == query::Severity::Error || d.location.source == id) result.diagnostics.push_back(std::move(d));
  }
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }
  query::name_anonymous_variables(parsed.program);
  for (auto& r : parsed.program.rules) m.assumed.rules.push_back(std::move(r));
  for (auto& p : parsed.program.preferences) m.assumed.preferences.push_back(std::move(p));
  m.invalidate();
  return result;
}

LoadResult KnowledgeBase::assume_off(std::string_view label) {
  auto& m = *impl_;
  LoadResult result;
  const auto& rules = m.effective().rules;
  const bool known = std::any_of(rules.begin(), rules.end(), [&](const query::Rule& r) { return r.label == label; });
  if (!known) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(query::make_error({}, "no rule is labelled '" + std::string(label) + "'"));
    return result;
  }
  m.switched_off.insert(std::string(label));
  m.invalidate();
  return result;
}

void KnowledgeBase::forget() {
  auto& m = *impl_;
  if (!m.has_assumptions()) return;
  m.assumed = query::Program{};
  m.switched_off.clear();
  m.invalidate();
}

std::vector<std::string> KnowledgeBase::assumptions() const {
  std::vector<std::string> out;
  for (const auto& r : impl_->assumed.rules) out.push_back(r.text);
  for (const auto& p : impl_->assumed.preferences) out.push_back(p.text);
  for (const auto& label : impl_->switched_off) out.push_back("off " + label);
  return out;
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
