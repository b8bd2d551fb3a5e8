#include "writ/knowledge_base.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>

#include "grammar/csv.hpp"
#include "grammar/parse.hpp"
#include "kb/store/stored_program.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/incremental_checks.hpp"
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
  // Threads (the contract is in knowledge_base.hpp). `state` guards what was loaded,
  // assumed and set: readers hold it shared, writers exclusive (Reading, Writing). Readers
  // also build things on demand (the fixpoint, argument graphs), and the evaluator and
  // the graphs write into themselves while they answer (interned values, a scratch
  // relation, indexes, diagnostics); so a reader touches `evaluator`, `evaluated` and
  // `graphs` only while it holds `derive` too. Readers add their goals to `sources` under
  // `sources_mutex`, and use the store under `store_mutex`. Lock order: state, derive,
  // sources_mutex. `derive` is not recursive: while a reader holds it (evaluating,
  // answering, visiting rows) it calls no other reader.
  std::shared_mutex state;
  std::mutex turnstile;  // writers first (Reading, Writing)
  std::mutex derive;
  std::mutex sources_mutex;
  std::mutex store_mutex;
  std::atomic<int> running{0};  // calls in progress, each counted while it holds `state`

  Limits limits;
  std::atomic<bool> cancelled{false};
  query::SourceSet sources;
  query::Program program;  // every accepted statement, anonymous variables named apart
  query::IncrementalChecker checker;  // checks what a load adds against `program`
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
  const query::Program& effective() const { return merged ? *merged : program; }

  // The program or the assumptions changed: every derived thing must be computed again.
  // Writers only. The merged program is made here rather than on first use, so that
  // readers never write it.
  void invalidate() {
    evaluated = false;
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

  // Counts a call in progress. The cancel flag is cleared when a call starts while no
  // other runs, so that cancel() ends every call in progress, however many there are.
  class Running {
   public:
    explicit Running(Impl& m) : m_(m) {
      if (m_.running.fetch_add(1, std::memory_order_acq_rel) == 0) m_.cancelled.store(false, std::memory_order_relaxed);
    }
    ~Running() { m_.running.fetch_sub(1, std::memory_order_acq_rel); }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;

   private:
    Impl& m_;
  };

  // A call's hold on `state`: shared (Reading) or exclusive (Writing).
  //
  // Writers must not starve: std::shared_mutex (glibc's rwlock) lets new readers in while
  // a writer waits, so a steady stream of readers could keep a writer out for ever. A
  // writer therefore holds `turnstile` while it waits and writes, and a reader passes
  // through `turnstile` before taking `state`.
  //
  // A call made by a thread that already holds `state` (materialize() reads relations
  // under its write) takes nothing again: shared_mutex is not recursive. A writer inside
  // a reader would wait for itself; that is a logic_error instead.
  class Access {
   public:
    Access(Impl& m, bool exclusive) {
      for (const auto& [impl, held_exclusive] : held_) {
        if (impl != &m) continue;
        if (exclusive && !held_exclusive)
          throw std::logic_error("a knowledge base was changed from inside one of its own readers");
        return;
      }
      if (exclusive) {
        turn_ = std::unique_lock(m.turnstile);
        exclusive_ = std::unique_lock(m.state);
      } else {
        const std::lock_guard turn(m.turnstile);
        shared_ = std::shared_lock(m.state);
      }
      held_.emplace_back(&m, exclusive);
      running_.emplace(m);
      owner_ = &m;
    }
    ~Access() {
      if (owner_ != nullptr) std::erase_if(held_, [&](const auto& h) { return h.first == owner_; });
    }
    Access(const Access&) = delete;
    Access& operator=(const Access&) = delete;

   private:
    static thread_local std::vector<std::pair<const Impl*, bool>> held_;  // by this thread
    std::unique_lock<std::mutex> turn_;
    std::unique_lock<std::shared_mutex> exclusive_;
    std::shared_lock<std::shared_mutex> shared_;
    std::optional<Running> running_;
    const Impl* owner_ = nullptr;
  };
  struct Reading : Access {
    explicit Reading(Impl& m) : Access(m, false) {}
  };
  struct Writing : Access {
    explicit Writing(Impl& m) : Access(m, true) {}
  };

  // A reader's goal, kept for its diagnostics (render() reads it later).
  query::SourceId add_source(std::string name, std::string_view text) {
    const std::lock_guard lock(sources_mutex);
    return sources.add_transient(std::move(name), std::string(text));
  }
  // Drops a reader's goal again when no diagnostic points into it.
  void release_source(query::SourceId id, const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) {
      if (d.location.source == id) return;
      for (const auto& n : d.notes)
        if (n.location.source == id) return;
    }
    const std::lock_guard lock(sources_mutex);
    sources.release(id);
  }
  std::string source_name(query::SourceId id) {
    const std::lock_guard lock(sources_mutex);
    return sources.name(id);
  }

  // The argument graph of a perspective, built on first use; null when building failed
  // (the diagnostics and outcome say why).
  query::argue::ArgumentGraph* graph(const std::string& perspective, const query::eval::Limits& l,
                                     std::vector<Diagnostic>& diagnostics, Outcome& outcome) {
    const auto* full = program_with_facts(nullptr, true, diagnostics);  // may clear `graphs`
    if (!full) {
      outcome = Outcome::InputError;
      return nullptr;
    }
    auto& g = graphs[perspective];
    if (g) return g.get();
    g = std::make_unique<query::argue::ArgumentGraph>();
    const auto built = g->build(*full, perspective, l);
    for (const auto& d : g->diagnostics()) diagnostics.push_back(d);
    if (built != query::eval::Status::Ok) {
      graphs.erase(perspective);
      outcome = outcome_of(built);
      return nullptr;
    }
    return g.get();
  }

  // Whether the program uses the argumentation layer (then answers carry a status).
  bool argued() const {
    const auto& p = effective();
    if (!p.preferences.empty()) return true;
    for (const auto& r : p.rules)
      if (r.kind != query::RuleKind::Strict) return true;
    return false;
  }
  std::unique_ptr<store::Store> store;  // when open() succeeded
  std::optional<std::int64_t> as_of;     // the store opened as of this transaction

  // Stored facts are read when a question needs them, not when the store opens: a store of
  // a million facts opens in milliseconds, and `edge(5, X)?` reads one row (lookup()).
  // `unread` are the fact tables whose facts are not in `program` (their predicates are in
  // program.external), as `visible` sees them: the state open() read, and this knowledge
  // base's own loads since. A reader reads the ones its question depends on into
  // `with_rows` or `with_facts` (a copy of effective() plus those facts), under `derive`. Writers never
  // read them: a load adds rows to the tables, a retraction marks rows retracted there.
  std::vector<store::FactTable> unread;
  store::Visible visible;
  store::SourceMap store_sources;  // the store's sources read so far (writers, or under derive)
  // effective() with the facts of some unread tables read in, and which tables those are.
  struct WithStoredFacts {
    std::optional<query::Program> program;
    std::vector<bool> read;
  };
  WithStoredFacts with_facts;  // as rules (argument graphs)
  WithStoredFacts with_rows;   // as rows (the evaluator)

  // Adds a text the knowledge base keeps (a stored source), for readers too.
  store::AddSource keep_source() {
    return [this](std::string name, std::string text) {
      const std::lock_guard lock(sources_mutex);
      return sources.add(std::move(name), std::move(text));
    };
  }
  store::SourceText source_text() {
    // A copy: another reader may add to the set (and move short texts) once the lock is gone.
    return [this](query::SourceId id) -> std::string {
      const std::lock_guard lock(sources_mutex);
      return sources.text(id);
    };
  }

  // The index in `unread` of predicate `p`'s table, or -1.
  std::ptrdiff_t unread_index(const query::PredicateId& p) const {
    for (std::size_t i = 0; i < unread.size(); ++i)
      if (unread[i].predicate == p) return static_cast<std::ptrdiff_t>(i);
    return -1;
  }

  // Which unread tables a goal's answers depend on: those of the predicates its atoms reach
  // through the rules (a strong negation brings its complement along).
  std::vector<bool> tables_needed(const query::Query& q) const {
    std::vector<bool> needed(unread.size(), false);
    if (unread.empty()) return needed;
    std::map<query::PredicateId, std::vector<const query::Rule*>> by_head;
    for (const auto& r : effective().rules) by_head[query::predicate_of(r.head)].push_back(&r);
    std::set<query::PredicateId> reached;
    std::vector<query::PredicateId> todo;
    auto reach = [&](query::PredicateId p) {
      auto complement = p;
      complement.name = p.name.starts_with('-') ? p.name.substr(1) : "-" + p.name;
      for (auto& each : {p, complement})
        if (reached.insert(each).second) todo.push_back(each);
    };
    std::function<void(const std::vector<query::Literal>&)> body = [&](const std::vector<query::Literal>& literals) {
      for (const auto& l : literals) {
        if (l.kind == query::Literal::Kind::Atom) reach(query::predicate_of(l.atom));
        for (const auto& e : l.elements) body(e.condition);
      }
    };
    body(q.body);
    while (!todo.empty()) {
      const auto p = todo.back();
      todo.pop_back();
      if (const auto i = unread_index(p); i >= 0) needed[static_cast<std::size_t>(i)] = true;
      if (const auto rules = by_head.find(p); rules != by_head.end())
        for (const auto* r : rules->second) body(r->body);
    }
    return needed;
  }

  // The program to evaluate or to argue about: effective(), with the facts of the unread
  // tables in `needed` (every one when null) read in. The evaluator takes them as rows
  // (Program::facts: no Rule, no text); the argument graphs as rules (`as_rules`), since
  // an explanation shows each fact with its text and place. A reader holds `derive`. Null
  // when the store failed (the diagnostics say why).
  const query::Program* program_with_facts(const std::vector<bool>* needed, bool as_rules,
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
          e = store::read_facts(*store, unread[i], visible, keep_source(), source_text(), store_sources,
                                extended.rules);
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
    if (as_rules)
      graphs.clear();
    else
      evaluated = false;
    cached = WithStoredFacts{std::move(extended), std::move(want)};
    return &*cached.program;
  }

  // Answers a goal that is one atom of a stored predicate no rule concludes (`edge(5, X)?`)
  // straight from its table, with the constants as a WHERE clause (the first through the
  // table's index), instead of reading the relation into the evaluator. False when the goal
  // is not of that shape; then the evaluator answers it. The answers are those the
  // evaluator would give: distinct, in value order.
  bool lookup(const query::Query& q, const query::eval::Limits& l, const ColumnsVisitor& on_columns,
              const RowVisitor& on_row, AskResult& result) {
    if (unread.empty() || q.body.size() != 1 || argued()) return false;
    const auto& literal = q.body.front();
    if (literal.kind != query::Literal::Kind::Atom || literal.negated) return false;
    const auto p = query::predicate_of(literal.atom);
    const auto table = unread_index(p);
    if (table < 0) return false;
    for (const auto& r : effective().rules)
      if (query::predicate_of(r.head) == p) return false;
    // Constants bind columns; a variable's first column gives its value, later ones must equal it.
    const auto& args = literal.atom.args;
    std::vector<std::optional<Value>> bound(args.size());
    std::vector<std::size_t> first_of(args.size());
    std::vector<std::size_t> column_of;  // the answer's columns, as argument indexes
    result.answers.columns = query::answer_columns(q);
    for (std::size_t i = 0; i < args.size(); ++i) {
      const auto& t = args[i];
      if (t.kind == query::Term::Kind::Constant) {
        bound[i] = t.value;
        continue;
      }
      if (t.kind != query::Term::Kind::Variable) return false;
      first_of[i] = i;
      for (std::size_t k = 0; k < i; ++k)
        if (args[k].kind == query::Term::Kind::Variable && args[k].name == t.name) {
          first_of[i] = k;
          break;
        }
    }
    for (const auto& name : result.answers.columns)
      for (std::size_t i = 0; i < args.size(); ++i)
        if (args[i].kind == query::Term::Kind::Variable && args[i].name == name) {
          column_of.push_back(i);
          break;
        }
    std::vector<std::vector<Value>> rows;
    std::uint64_t read = 0;
    std::optional<query::Diagnostic> stopped;
    const auto visit = [&](std::int64_t, std::uint32_t, std::uint32_t, std::vector<Value>& values) {
      if (stopped) return;
      if (++read > l.max_facts) {
        stopped = query::eval::too_many_facts(l);
        result.outcome = Outcome::LimitHit;
        return;
      }
      if (read % 4096 == 0)
        if (auto stop = query::eval::interrupted(l)) {
          stopped = std::move(stop->second);
          result.outcome = outcome_of(stop->first);
          return;
        }
      for (std::size_t i = 0; i < values.size(); ++i)
        if (first_of[i] != i && !bound[i] && !(values[i] == values[first_of[i]])) return;
      std::vector<Value> row;
      row.reserve(column_of.size());
      for (const auto i : column_of) row.push_back(values[i]);
      rows.push_back(std::move(row));
    };
    store::StoreStatus failed;
    {
      const std::lock_guard lock(store_mutex);
      failed = store->read_facts(unread[static_cast<std::size_t>(table)], visible, &bound, visit);
    }
    if (failed) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, failed->message));
      return true;
    }
    if (stopped) {
      result.diagnostics.push_back(std::move(*stopped));
      return true;
    }
    const auto less = [](const std::vector<Value>& a, const std::vector<Value>& b) {
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                          [](const Value& x, const Value& y) { return query::compare(x, y) < 0; });
    };
    std::sort(rows.begin(), rows.end(), less);
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    on_columns(result.answers.columns, false);
    for (const auto& row : rows) on_row(row, std::nullopt);
    result.outcome = Outcome::Ok;
    return true;
  }

  // After this knowledge base wrote a transaction: it sees the store up to it, unless
  // another connection wrote since it last looked (then only its own writes on top).
  void saw_own_write() {
    if (store->before_this() == visible.upto && visible.own.empty())
      visible.upto = store->seen();
    else
      visible.own.push_back(store->seen());
  }

  query::eval::Limits eval_limits() const {
    query::eval::Limits l;
    if (limits.timeout) l.deadline = std::chrono::steady_clock::now() + *limits.timeout;
    if (limits.max_facts) l.max_facts = *limits.max_facts;
    l.cancel = &cancelled;
    return l;
  }

  // Brings the fixpoint up to date, with the stored facts of the tables in `needed`; on
  // failure the diagnostics say why.
  Outcome evaluate(const query::eval::Limits& l, const std::vector<bool>& needed, std::vector<Diagnostic>& diagnostics) {
    const auto* evaluated_program = program_with_facts(&needed, false, diagnostics);  // may reset `evaluated`
    if (!evaluated_program) return Outcome::InputError;
    if (evaluated) return Outcome::Ok;
    const auto status = evaluator.evaluate(*evaluated_program, l);
    for (const auto& d : evaluator.diagnostics()) diagnostics.push_back(d);
    evaluated = status == query::eval::Status::Ok;
    return outcome_of(status);
  }

  // Answers a question with constants by evaluating only what it needs (the magic-set
  // rewriting, query/eval/magic_sets.hpp) when no fixpoint is at hand to answer it from,
  // in an evaluator of its own, dropped afterwards. False when the rewriting does not
  // apply; then the whole fixpoint answers.
  bool goal_directed(const query::Query& q, const query::eval::Limits& l, const std::vector<bool>& needed,
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
    for (const auto& d : goal.diagnostics()) result.diagnostics.push_back(d);
    result.outcome = outcome_of(*status);
    if (result.outcome != Outcome::Ok) return true;
    result.answers.columns = query::answer_columns(q);
    const auto answered = goal.answer_each(goal.goal_query(), l, on_columns, on_row);
    for (const auto& d : goal.diagnostics()) result.diagnostics.push_back(d);
    result.outcome = outcome_of(answered);
    return true;
  }
};

thread_local std::vector<std::pair<const KnowledgeBase::Impl*, bool>> KnowledgeBase::Impl::Access::held_;

KnowledgeBase::KnowledgeBase(Limits limits) : impl_(std::make_unique<Impl>()) { impl_->limits = limits; }
KnowledgeBase::~KnowledgeBase() = default;

void KnowledgeBase::set_limits(Limits limits) {
  const Impl::Writing writing(*impl_);
  impl_->limits = limits;
}
void KnowledgeBase::cancel() noexcept { impl_->cancelled.store(true, std::memory_order_relaxed); }

OpenResult KnowledgeBase::open(const std::string& path, StoreOptions options) {
  // Exceptions (out of memory) become diagnostics, as in every call that reads input.
  return guarded<OpenResult>([&]() -> OpenResult {
    auto& m = *impl_;
    const Impl::Writing writing(m);
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
    std::vector<store::FactTable> tables;
    store::SourceMap store_sources;
    if (auto e = store::read_statements(*opened, as_of, m.keep_source(), store_sources, program, tables))
      return fail(e->message);
    // A table whose facts were all retracted defines nothing, as after a load.
    std::vector<store::FactTable> unread;
    for (auto& t : tables) {
      bool any = false;
      if (auto e = opened->has_facts(t, store::Visible{opened->seen(), {}}, any)) return fail(e->message);
      if (!any) continue;
      program.external.push_back(query::ExternalRelation{t.predicate.name, t.predicate.arity});
      unread.push_back(std::move(t));
    }
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
    m.visible = store::Visible{opened->seen(), {}};
    m.unread = std::move(unread);
    m.store_sources = std::move(store_sources);
    m.program = std::move(program);
    m.checker.accept(m.program);
    m.store = std::move(opened);
    m.as_of = as_of;
    m.invalidate();
    return result;
  });
}

bool KnowledgeBase::has_store() const {
  const Impl::Reading reading(*impl_);
  return impl_->store != nullptr;
}

LoadResult KnowledgeBase::load(std::vector<Input> inputs) {
  return guarded<LoadResult>([&] { return load_unguarded(std::move(inputs), writ_parser()); });
}

KnowledgeBase::Parser KnowledgeBase::writ_parser() {
  return [](std::string_view text, query::SourceId id, std::uint32_t first_line, bool compact) {
    auto parsed = grammar::parse_program(text, id, grammar::ParseOptions{first_line, compact});
    return Parsed{std::move(parsed.program), std::move(parsed.facts), std::move(parsed.diagnostics)};
  };
}

LoadResult KnowledgeBase::load_unguarded(std::vector<Input> inputs, const Parser& parse,
                                         std::string_view description) {
  auto& m = *impl_;
  const Impl::Writing writing(m);
  m.cancelled.store(false, std::memory_order_relaxed);
  // Into a store, plain facts go to its fact tables without a Rule each, and stay there
  // until a question reads them (see Impl::unread): the checks count their predicates as
  // defined, and see the first fact of each predicate as a Rule, where it was written.
  const bool into_store = m.store && !m.store->read_only();
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
  // Memory may run out half-way (guarded() makes that a diagnostic): then too the program
  // and the store's transaction are left as they were, until the store has committed.
  struct OnException {
    std::function<void()> undo;
    int exceptions = std::uncaught_exceptions();
    ~OnException() {
      if (undo && std::uncaught_exceptions() > exceptions) undo();
    }
  } on_exception{[&] {
    roll_back();
    if (m.store) m.store->rollback();
  }};
  const auto first_new_source = static_cast<query::SourceId>(m.sources.size());
  std::vector<std::uint32_t> first_lines;
  for (auto& input : inputs) {
    m.sources.add(std::move(input.name), std::move(input.text));
    first_lines.push_back(input.first_line);
  }

  // Parses every text, then checks the new statements together with everything loaded
  // before: stratification and definitions are properties of the whole program. The
  // checker costs what the load adds, not what the program holds
  // (query/analysis/incremental_checks.hpp).
  LoadResult result;
  std::vector<query::FactRows> rows;
  auto parse_and_check = [&](bool compact) {
    result = LoadResult{};
    rows.clear();
    for (auto id = first_new_source; id < m.sources.size(); ++id) {
      auto parsed = parse(m.sources.text(id), id, first_lines[id - first_new_source], compact);
      for (auto& d : parsed.diagnostics) result.diagnostics.push_back(std::move(d));
      for (auto& f : parsed.facts) {
        f.representative += m.program.rules.size();
        rows.push_back(std::move(f));
      }
      for (auto& r : parsed.program.rules) m.program.rules.push_back(std::move(r));
      for (auto& q : parsed.program.queries) result.queries.push_back(std::move(q));
      for (auto& p : parsed.program.preferences) m.program.preferences.push_back(std::move(p));
      for (auto& src : parsed.program.sources) m.program.sources.push_back(std::move(src));
      for (auto& t : parsed.program.templates) m.program.templates.push_back(std::move(t));
    }
    m.program.queries = result.queries;
    for (auto i = rules_before; i < m.program.rules.size(); ++i) query::name_anonymous_variables(m.program.rules[i]);
    for (auto& q : m.program.queries) query::name_anonymous_variables(q);
    auto checked = m.checker.check(m.program, {rules_before, preferences_before, sources_before, templates_before});
    result.queries = std::move(m.program.queries);
    m.program.queries.clear();
    for (auto& d : checked) {
      // Warnings about statements loaded earlier were shown then.
      if (d.severity == query::Severity::Error || d.location.source >= first_new_source)
        result.diagnostics.push_back(std::move(d));
    }
    query::sort_by_location(result.diagnostics);
  };
  parse_and_check(into_store);
  // An error in a fact the checks saw only as its predicate's first (say, a predicate with
  // too many arguments) is in every fact of it: read the texts again, a Rule per fact, so
  // that each is reported, as without a store.
  if (query::has_errors(result.diagnostics) &&
      std::any_of(rows.begin(), rows.end(), [](const query::FactRows& f) { return f.rows() > 1; })) {
    roll_back();
    parse_and_check(false);
  }
  if (query::has_errors(result.diagnostics)) {
    roll_back();
    result.queries.clear();
    result.outcome = Outcome::InputError;
    return result;
  }
  // Every plain fact of the load joins its predicate's rows: the first of each is there
  // already; those the fast path left to the full grammar (a string with an escape) are
  // added now. They leave `program` once written.
  std::vector<bool> is_row;
  if (into_store) {
    std::map<query::PredicateId, std::size_t> rows_of;
    std::set<std::size_t> representatives;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows_of.try_emplace(query::PredicateId{rows[i].predicate, rows[i].arity}, i);
      representatives.insert(rows[i].representative);
    }
    is_row.assign(m.program.rules.size() - rules_before, false);
    for (auto i = rules_before; i < m.program.rules.size(); ++i) {
      const auto& r = m.program.rules[i];
      if (!store::is_plain_fact(r)) continue;
      is_row[i - rules_before] = true;
      if (representatives.count(i)) continue;
      const auto p = query::predicate_of(r.head);
      auto [it, added] = rows_of.try_emplace(p, rows.size());
      if (added) {
        rows.push_back(query::FactRows{p.name, p.arity, {}, {}, i});
      }
      auto& f = rows[it->second];
      for (const auto& t : r.head.args) f.values.push_back(t.value);
      f.locations.push_back(r.location);
    }
  }
  const bool added = m.program.rules.size() != rules_before || m.program.preferences.size() != preferences_before ||
                     m.program.sources.size() != sources_before || m.program.templates.size() != templates_before;
  if (m.store && !m.store->read_only() && added) {
    store::StoreError error;
    const auto written = store::write_load(
        *m.store, m.sources, first_new_source, m.program,
        store::FirstNew{rules_before, preferences_before, sources_before, templates_before},
        into_store ? &rows : nullptr, m.cancelled, error, description);
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
    m.saw_own_write();
  }
  on_exception.undo = nullptr;
  if (into_store && added) {
    // The facts written are read from the store when a question needs them.
    std::size_t i = 0;
    auto first = m.program.rules.begin() + static_cast<std::ptrdiff_t>(rules_before);
    m.program.rules.erase(std::remove_if(first, m.program.rules.end(), [&](const query::Rule&) { return is_row[i++]; }),
                          m.program.rules.end());
    for (const auto& f : rows) {
      const query::PredicateId p{f.predicate, f.arity};
      if (m.unread_index(p) >= 0) continue;
      std::string table;
      if (auto e = m.store->fact_table_of(p, table); e || table.empty()) continue;  // cannot be: it was written
      m.unread.push_back(store::FactTable{p, table});
      m.program.external.push_back(query::ExternalRelation{p.name, p.arity});
    }
  }
  if (into_store && added)
    m.checker.accept_moved_facts(m.program);
  else
    m.checker.accept(m.program);
  if (added) m.invalidate();
  return result;
}

RetractResult KnowledgeBase::retract(std::string_view text, std::string name) {
  // Exceptions (out of memory) become diagnostics, as in every call that reads input.
  return guarded<RetractResult>([&]() -> RetractResult {
    auto& m = *impl_;
    const Impl::Writing writing(m);
    RetractResult result;
    const auto id = m.sources.add(std::move(name), std::string(text));
    auto parsed = grammar::parse_program(m.sources.text(id), id);
    result.diagnostics = std::move(parsed.diagnostics);
    for (const auto& q : parsed.program.queries)
      result.diagnostics.push_back(query::make_error(q.location, "a query cannot be retracted"));
    for (const auto& d : parsed.program.sources)
      result.diagnostics.push_back(query::make_error(d.location, "a source declaration cannot be retracted"));
    for (const auto& t : parsed.program.templates)
      result.diagnostics.push_back(query::make_error(t.location, "a template cannot be retracted"));
    if (parsed.program.rules.empty() && parsed.program.preferences.empty() && result.diagnostics.empty())
      result.diagnostics.push_back(query::make_error({}, "nothing to retract: give facts or rules"));
    if (m.store && m.store->read_only())
      result.diagnostics.push_back(
          query::make_error({}, "cannot retract: store '" + m.store->path() + "' was opened read-only"));
    if (query::has_errors(result.diagnostics)) {
      result.outcome = Outcome::InputError;
      return result;
    }
    // How many standing copies of a plain fact the store's unread tables hold: those are
    // retracted in the store alone, without reading the table.
    std::vector<std::int64_t> stored_copies(parsed.program.rules.size(), 0);
    std::set<std::size_t> tables_touched;
    for (std::size_t k = 0; k < parsed.program.rules.size(); ++k) {
      const auto& stmt = parsed.program.rules[k];
      if (!store::is_plain_fact(stmt)) continue;
      const auto t = m.unread_index(query::predicate_of(stmt.head));
      if (t < 0) continue;
      std::vector<std::optional<Value>> bound;
      for (const auto& a : stmt.head.args) bound.emplace_back(a.value);
      const std::lock_guard lock(m.store_mutex);
      if (auto e = m.store->read_facts(m.unread[static_cast<std::size_t>(t)], m.visible, &bound,
                                       [&](std::int64_t, std::uint32_t, std::uint32_t, std::vector<Value>&) {
                                         ++stored_copies[k];
                                       })) {
        result.outcome = Outcome::InputError;
        result.diagnostics.push_back(query::make_error({}, e->message + "; nothing was retracted"));
        return result;
      }
      if (stored_copies[k] > 0) tables_touched.insert(static_cast<std::size_t>(t));
    }

    // Which loaded rules each statement matches; a statement that matches none is an error.
    auto same_fact = [](const query::Rule& a, const query::Rule& b) {
      if (!store::is_plain_fact(a) || query::predicate_of(a.head) != query::predicate_of(b.head)) return false;
      for (std::size_t i = 0; i < a.head.args.size(); ++i)
        if (!(a.head.args[i].value == b.head.args[i].value)) return false;
      return true;
    };
    std::vector<bool> remove(m.program.rules.size(), false);
    for (std::size_t k = 0; k < parsed.program.rules.size(); ++k) {
      const auto& stmt = parsed.program.rules[k];
      const bool plain = store::is_plain_fact(stmt);
      bool matched = stored_copies[k] > 0;
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
    std::vector<bool> remove_preference(m.program.preferences.size(), false);
    for (const auto& stmt : parsed.program.preferences) {
      bool matched = false;
      for (std::size_t i = 0; i < m.program.preferences.size(); ++i)
        if (store::same_statement_text(m.program.preferences[i].text, stmt.text)) matched = remove_preference[i] = true;
      if (!matched) result.diagnostics.push_back(query::make_error(stmt.location, "no such priority is loaded: " + stmt.text));
    }
    // A priority must name rules that exist: a rule that one names goes only with it, or
    // every later load would fail at that priority.
    for (std::size_t i = 0; i < m.program.rules.size(); ++i) {
      const auto& r = m.program.rules[i];
      if (!remove[i] || !r.label) continue;
      for (std::size_t k = 0; k < m.program.preferences.size(); ++k) {
        const auto& p = m.program.preferences[k];
        if (remove_preference[k] || (p.stronger != *r.label && p.weaker != *r.label)) continue;
        auto d = query::make_error(r.location, "rule '" + *r.label + "' is named by the priority '" + p.text +
                                                   "': retract the priority with it");
        d.notes.push_back(query::Diagnostic{query::Severity::Note, p.location, "the priority is here", {}});
        result.diagnostics.push_back(std::move(d));
      }
    }
    if (query::has_errors(result.diagnostics)) {
      result.outcome = Outcome::InputError;
      return result;
    }

    if (m.store) {
      std::string description = "retract";
      for (const auto& stmt : parsed.program.rules) description += " " + stmt.text;
      for (const auto& stmt : parsed.program.preferences) description += " " + stmt.text;
      auto write = [&]() -> store::StoreStatus {
        if (auto e = m.store->begin(description)) return e;
        for (const auto& stmt : parsed.program.rules) {
          std::int64_t count = 0;
          auto e = store::is_plain_fact(stmt) ? m.store->retract_fact(stmt, count)
                                              : m.store->retract_statement(stmt.text, count);
          if (e) return m.store->rollback(), e;
        }
        for (const auto& stmt : parsed.program.preferences) {
          std::int64_t count = 0;
          if (auto e = m.store->retract_statement(stmt.text, count)) return m.store->rollback(), e;
        }
        return m.store->commit();
      };
      if (auto e = write()) {
        result.outcome = Outcome::InputError;
        result.diagnostics.push_back(query::make_error({}, e->message + "; nothing was retracted"));
        return result;
      }
      m.saw_own_write();
    }
    // A table left without a standing fact defines nothing any more, as in memory.
    bool undefined = false;
    for (auto t = tables_touched.rbegin(); t != tables_touched.rend(); ++t) {
      bool any = true;
      if (m.store->has_facts(m.unread[*t], m.visible, any) || any) continue;
      const auto& gone = m.unread[*t].predicate;
      std::erase_if(m.program.external,
                    [&](const query::ExternalRelation& e) { return e.name == gone.name && e.arity == gone.arity; });
      m.unread.erase(m.unread.begin() + static_cast<std::ptrdiff_t>(*t));
      undefined = true;
    }
    std::size_t i = 0;
    std::erase_if(m.program.rules, [&](const query::Rule&) { return remove[i++]; });
    i = 0;
    std::erase_if(m.program.preferences, [&](const query::Preference&) { return remove_preference[i++]; });
    // The checker's index still counts the emptied predicates as defined; a retraction of
    // rules alone is noticed by the next check (the program changed behind the index).
    if (undefined) m.checker.accept(m.program);
    result.removed = static_cast<std::size_t>(std::count(remove.begin(), remove.end(), true) +
                                              std::count(remove_preference.begin(), remove_preference.end(), true));
    for (const auto n : stored_copies) result.removed += static_cast<std::size_t>(n);
    m.invalidate();
    return result;
  });
}

VerifyResult KnowledgeBase::verify_store() {
  return guarded<VerifyResult>([&] {
    auto& m = *impl_;
    const Impl::Reading reading(m);
    VerifyResult result;
    if (!m.store) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, "no store is open"));
      return result;
    }
    const std::lock_guard store_lock(m.store_mutex);
    std::int64_t facts = 0;
    if (auto e = m.store->verify(m.visible, facts)) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, e->message));
      return result;
    }
    result.facts = static_cast<std::size_t>(facts);
    return result;
  });
}

LogResult KnowledgeBase::transactions() {
  auto& m = *impl_;
  const Impl::Reading reading(m);
  LogResult result;
  if (!m.store) return result;
  const std::lock_guard store_lock(m.store_mutex);
  std::vector<store::TransactionInfo> log;
  if (auto e = m.store->transactions(log)) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(query::make_error({}, e->message));
    return result;
  }
  // A store opened as of transaction N shows the log as it stood then.
  if (m.as_of) std::erase_if(log, [&](const store::TransactionInfo& t) { return t.id > *m.as_of; });
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

ImportResult KnowledgeBase::import_csv(Input input, std::string_view predicate, ImportOptions options) {
  return guarded<ImportResult>([&] {
    ImportResult result;
    if (!grammar::is_symbol_text(predicate)) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error(
          {}, "'" + std::string(predicate) +
                  "' is not a predicate name: it must start with a lowercase letter, then letters, digits or '_'"));
      return result;
    }
    grammar::CsvOptions csv;
    const bool tabs = input.name.ends_with(".tsv") || input.name.ends_with(".tab");
    csv.delimiter = options.delimiter.value_or(tabs ? '\t' : ',');
    if (options.header) csv.header = *options.header ? grammar::CsvHeader::Yes : grammar::CsvHeader::No;
    // The table's shape is known once it is parsed; the parser hands it back here.
    auto parse = [&](std::string_view text, query::SourceId id, std::uint32_t, bool compact) {
      auto how = csv;
      how.compact = compact;
      auto table = grammar::parse_csv(text, id, predicate, how);
      result.rows = table.rows;
      result.header = std::move(table.header);
      result.column_kinds = std::move(table.column_kinds);
      return Parsed{std::move(table.program), std::move(table.facts), std::move(table.diagnostics)};
    };
    const std::string name = input.name;
    auto loaded = load_unguarded({std::move(input)}, parse, "import " + name + " into " + std::string(predicate));
    result.outcome = loaded.outcome;
    result.diagnostics = std::move(loaded.diagnostics);
    if (result.outcome != Outcome::Ok) {
      result.rows = 0;
    } else if (result.rows == 0) {
      result.diagnostics.push_back(query::make_warning({}, "'" + name + "' has no rows: nothing was imported"));
    }
    return result;
  });
}

ImportResult KnowledgeBase::import_csv_file(const std::string& path, std::string_view predicate,
                                            ImportOptions options) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    ImportResult failed;
    failed.outcome = Outcome::InputError;
    failed.diagnostics.push_back(
        query::make_error({}, "cannot open '" + path + "': " + std::strerror(errno ? errno : ENOENT)));
    return failed;
  }
  return import_csv(Input{path, text.str()}, predicate, options);
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
  return guarded<AskResult>([&] {
    auto& m = *impl_;
    const Impl::Reading reading(m);
    // Parsed from the caller's text, not from `sources`, where other readers add theirs.
    const auto id = m.add_source(std::move(name), goal);
    auto parsed = grammar::parse_goal(goal, id);
    if (!parsed.query) {
      AskResult result;
      result.outcome = Outcome::InputError;
      result.diagnostics = std::move(parsed.diagnostics);
      result.answers.query = std::string(goal);
      return result;
    }
    auto result = ask_each_unguarded(*parsed.query, on_columns, on_row);
    m.release_source(id, result.diagnostics);
    return result;
  });
}

AskResult KnowledgeBase::ask_each(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  return guarded<AskResult>([&] {
    const Impl::Reading reading(*impl_);
    return ask_each_unguarded(q, on_columns, on_row);
  });
}

// The caller holds `state` (shared or exclusive).
AskResult KnowledgeBase::ask_each_unguarded(const query::Query& q, const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  auto& m = *impl_;
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
  if (m.lookup(named, limits, on_columns, on_row, result)) return result;
  // Evaluating and answering write into the evaluator and the graphs: one reader at a time.
  const std::lock_guard derive(m.derive);
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
  const auto needed = m.tables_needed(named);
  const auto columns = [&](const std::vector<std::string>& names) { on_columns(names, false); };
  const auto row = [&](const std::vector<Value>& values) { on_row(values, std::nullopt); };
  if (m.goal_directed(named, limits, needed, columns, row, result)) return result;
  result.outcome = m.evaluate(limits, needed, result.diagnostics);
  if (result.outcome != Outcome::Ok) return result;
  result.answers.columns = query::answer_columns(named);
  const auto status = m.evaluator.answer_each(named, limits, columns, row);
  for (const auto& d : m.evaluator.diagnostics()) result.diagnostics.push_back(d);
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
  return parsed.query;
}

}  // namespace

ExplainResult KnowledgeBase::explain(std::string_view goal, std::string name) {
  return guarded<ExplainResult>([&] {
    const Impl::Reading reading(*impl_);
    return explain_unguarded(goal, std::move(name), /*why_not=*/false);
  });
}

ExplainResult KnowledgeBase::why_not(std::string_view goal, std::string name) {
  return guarded<ExplainResult>([&] {
    const Impl::Reading reading(*impl_);  // both steps see one state
    return explain_unguarded(goal, std::move(name), /*why_not=*/true);
  });
}

// The caller holds `state` (shared or exclusive).
ExplainResult KnowledgeBase::explain_unguarded(std::string_view goal, std::string name, bool why_not) {
  auto& m = *impl_;
  ExplainResult result;
  const auto source = m.add_source(std::move(name), goal);
  // Explains into `result`; the source is released after, whichever way this ends.
  const auto explain_into_result = [&] {
    const auto q = checked_goal(m.effective(), source, goal, result);
    if (!q) return;
    const auto limits = m.eval_limits();
    const std::lock_guard derive(m.derive);
    auto* graph = m.graph(q->perspective, limits, result.diagnostics, result.outcome);
    if (!graph) return;
    const auto place = [&](const query::Location& at) {
      return at.line == 0 ? std::string() : m.source_name(at.source) + ":" + std::to_string(at.line);
    };
    const auto status = why_not ? graph->why_not(*q, limits, place, result.explanations)
                                : graph->explain(*q, limits, place, result.explanations);
    for (const auto& d : graph->diagnostics()) result.diagnostics.push_back(d);
    result.outcome = outcome_of(status);
  };
  explain_into_result();
  m.release_source(source, result.diagnostics);
  return result;
}

LoadResult KnowledgeBase::assume(std::string_view text, std::string name) {
  return guarded<LoadResult>([&] {
    const Impl::Writing writing(*impl_);
    return assume_unguarded(text, std::move(name));
  });
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
  const Impl::Writing writing(m);
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
  const Impl::Writing writing(m);
  if (!m.has_assumptions()) return;
  m.assumed = query::Program{};
  m.switched_off.clear();
  m.invalidate();
}

std::vector<std::string> KnowledgeBase::assumptions() const {
  const Impl::Reading reading(*impl_);
  std::vector<std::string> out;
  for (const auto& r : impl_->assumed.rules) out.push_back(r.text);
  for (const auto& p : impl_->assumed.preferences) out.push_back(p.text);
  for (const auto& label : impl_->switched_off) out.push_back("off " + label);
  return out;
}

std::vector<AskResult> KnowledgeBase::relation(std::string_view predicate, std::optional<std::size_t> arity) {
  const Impl::Reading reading(*impl_);  // every arity from one state
  std::vector<AskResult> results;
  for (const auto& info : predicates()) {
    if (info.name != predicate || (arity && *arity != info.arity)) continue;
    // Asked as the goal `p(A1, ..., An)`, so that a relation concluded by arguments comes
    // with each row's status, as any answer does.
    std::string goal = info.name;
    for (std::size_t i = 1; i <= info.arity; ++i) goal += (i == 1 ? "(A" : ", A") + std::to_string(i);
    if (info.arity > 0) goal += ")";
    auto r = ask(goal, "<relation>");
    r.answers.query = info.name + "/" + std::to_string(info.arity);
    results.push_back(std::move(r));
  }
  return results;
}

MaterializeResult KnowledgeBase::materialize(const std::vector<std::string>& predicates) {
  return guarded<MaterializeResult>([&] {
    auto& m = *impl_;
    const Impl::Writing writing(m);  // the relations read and the tables written are of one state
    MaterializeResult result;
    auto fail = [&](std::string message) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, std::move(message)));
      return result;
    };
    if (!m.store) return fail("materialize needs a store: open one first");
    if (m.store->read_only()) return fail("cannot materialize: store '" + m.store->path() + "' was opened read-only");
    if (m.has_assumptions()) return fail("cannot materialize under assumptions: .forget them first");

    std::vector<AskResult> answers;
    for (const auto& spec : predicates) {
      // "name" or "name/N"
      std::string name = spec;
      std::optional<std::size_t> arity;
      if (const auto slash = spec.rfind('/'); slash != std::string::npos) {
        name = spec.substr(0, slash);
        std::size_t n = 0;
        const auto digits = std::string_view(spec).substr(slash + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
          return fail("'" + spec + "' is not a predicate: write NAME or NAME/ARITY");
        arity = n;
      }
      auto relations = relation(name, arity);
      if (relations.empty()) return fail("no predicate '" + spec + "' is defined");
      for (auto& r : relations) {
        if (r.outcome != Outcome::Ok) {
          result.outcome = r.outcome;
          result.diagnostics = std::move(r.diagnostics);
          return result;
        }
        answers.push_back(std::move(r));
      }
    }
    std::vector<std::vector<std::string>> statuses(answers.size());
    std::vector<store::MaterializedRelation> relations;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const auto& a = answers[i].answers;
      const auto slash = a.query.rfind('/');
      store::MaterializedRelation r;
      r.predicate = query::PredicateId{a.query.substr(0, slash), static_cast<std::uint32_t>(a.columns.size())};
      r.rows = &a.rows;
      if (a.has_status) {
        for (auto s : a.statuses) statuses[i].emplace_back(status_name(s));
        r.statuses = &statuses[i];
      }
      relations.push_back(r);
    }
    std::vector<store::MaterializedTable> tables;
    if (auto e = m.store->materialize(relations, tables)) return fail(e->message + "; nothing was written");
    for (std::size_t i = 0; i < tables.size(); ++i)
      result.tables.push_back(MaterializedInfo{relations[i].predicate.name, relations[i].predicate.arity,
                                               tables[i].table, static_cast<std::size_t>(tables[i].rows)});
    return result;
  });
}

std::vector<PredicateInfo> KnowledgeBase::predicates() const {
  const Impl::Reading reading(*impl_);
  std::map<query::PredicateId, PredicateInfo> by_id;
  for (const auto& r : impl_->program.rules) {
    const auto p = query::predicate_of(r.head);
    auto& info = by_id[p];
    info.name = p.name;
    info.arity = p.arity;
    ++(r.is_fact() ? info.facts : info.rules);
  }
  if (!impl_->unread.empty()) {
    const std::lock_guard lock(impl_->store_mutex);
    for (const auto& t : impl_->unread) {
      std::int64_t count = 0;
      if (impl_->store->count_facts(t, impl_->visible, count)) continue;  // a damaged table counts none
      auto& info = by_id[t.predicate];
      info.name = t.predicate.name;
      info.arity = t.predicate.arity;
      info.facts += static_cast<std::size_t>(count);
    }
  }
  std::vector<PredicateInfo> out;
  for (auto& [id, info] : by_id) out.push_back(std::move(info));
  return out;
}

std::vector<std::string> KnowledgeBase::rule_texts(std::string_view predicate) const {
  const Impl::Reading reading(*impl_);
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

std::string KnowledgeBase::render(const std::vector<Diagnostic>& diagnostics) const {
  const Impl::Reading reading(*impl_);
  const std::lock_guard lock(impl_->sources_mutex);
  return query::render(diagnostics, impl_->sources);
}

}  // namespace writ::kb
