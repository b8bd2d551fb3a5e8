// The store: opening it, writing what a retraction removes (a load's write is in load.cpp),
// the transaction log, verification, answering from one fact table, materialized tables.
#include <algorithm>
#include <charconv>
#include <set>

#include "grammar/parse.hpp"
#include "kb/session.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/predicate.hpp"
#include "query/analysis/variables.hpp"

namespace writ::kb {

// After this knowledge base wrote a transaction: it sees the store up to it, unless
// another connection wrote since it last looked (then its own writes on top, until
// catch_up() reads the store as it now stands).
void KnowledgeBase::Impl::saw_own_write() {
  if (!others_wrote())
    visible.upto = store->seen();
  else
    visible.own.push_back(store->seen());
}

bool KnowledgeBase::Impl::others_wrote() const {
  return store->before_this() != visible.upto || !visible.own.empty();
}

namespace {

// What a session sees of a store: the statements kept as text, the fact tables that hold a
// standing fact (their facts stay in the store), and the sources read.
struct StoreView {
  query::Program program;
  std::vector<store::FactTable> unread;
  store::SourceMap sources;
};

// Reads the store as it stood after `as_of` (now, when empty). The errors say why it
// cannot be read (the first names the store).
std::vector<Diagnostic> read_view(store::Store& s, std::optional<std::int64_t> as_of, const store::AddSource& keep,
                                  StoreView& view) {
  std::vector<Diagnostic> errors;
  std::vector<store::FactTable> tables;
  if (auto e = store::read_statements(s, as_of, keep, view.sources, view.program, tables)) {
    errors.push_back(query::make_error({}, e->message));
    return errors;
  }
  // A table whose facts were all retracted defines nothing, as after a load.
  for (auto& t : tables) {
    bool any = false;
    if (auto e = s.has_facts(t, store::Visible{s.seen(), {}}, any)) {
      errors.push_back(query::make_error({}, e->message));
      return errors;
    }
    if (!any) continue;
    view.program.external.push_back(query::ExternalRelation{t.predicate.name, t.predicate.arity});
    view.unread.push_back(std::move(t));
  }
  query::name_anonymous_variables(view.program);
  // The statements were checked when they were loaded; checking again guards against a
  // store changed by other means, and is what the evaluator requires.
  auto checked = query::check_program(view.program);
  if (query::has_errors(checked)) {
    errors.push_back(query::make_error({}, "store '" + s.path() + "' holds a program with errors"));
    for (auto& d : checked)
      if (d.severity == query::Severity::Error) errors.push_back(std::move(d));
  }
  return errors;
}

}  // namespace

void KnowledgeBase::Impl::catch_up(std::vector<Diagnostic>& diagnostics) {
  // A read-only store is never written: what was added is in memory only, and stays.
  if (!store || store->read_only() || !others_wrote()) return;
  StoreView view;
  auto errors = read_view(*store, std::nullopt, keep_source(), view);
  if (!errors.empty()) {
    // The write stands; the session keeps the view it had, with its own writes on top.
    diagnostics.push_back(query::make_warning(
        {}, "cannot read what other processes wrote to store '" + store->path() + "': " + errors.front().message));
    return;
  }
  visible = store::Visible{store->seen(), {}};
  unread = std::move(view.unread);
  store_sources = std::move(view.sources);
  program = std::move(view.program);
  checker.accept(program);
  invalidate();
}

OpenResult KnowledgeBase::open(const std::string& path, StoreOptions options) {
  // Exceptions (out of memory) become diagnostics, as in every call that reads input.
  return guarded<OpenResult>([&]() -> OpenResult {
    auto& m = *impl_;
    const Writing writing(m);
    OpenResult result;
    auto fail = [&](std::string message) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, std::move(message)));
      return result;
    };
    if (m.store) return fail("cannot open store '" + path + "': store '" + m.store->path() + "' is already open");
    if (m.postgres) return fail("cannot open store '" + path + "': a PostgreSQL schema is open");
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
    StoreView view;
    if (auto errors = read_view(*opened, as_of, m.keep_source(), view); !errors.empty()) {
      result.outcome = Outcome::InputError;
      result.diagnostics = std::move(errors);
      return result;
    }
    m.visible = store::Visible{opened->seen(), {}};
    m.unread = std::move(view.unread);
    m.store_sources = std::move(view.sources);
    m.program = std::move(view.program);
    m.checker.accept(m.program);
    m.store = std::move(opened);
    m.as_of = as_of;
    m.invalidate();
    return result;
  });
}

bool KnowledgeBase::has_store() const {
  const Reading reading(*impl_);
  return impl_->store != nullptr;
}

namespace {

// A fact that `p(1).` retracts by its values: any strict fact with constant arguments,
// whatever its citation or label (`p(1) @ art "...".` is kept as text, not as a row).
bool ground_fact(const query::Rule& r) {
  if (!r.is_fact()) return false;
  for (const auto& t : r.head.args)
    if (t.kind != query::Term::Kind::Constant) return false;
  return true;
}

bool same_values(const query::Rule& a, const query::Rule& b) {
  if (query::predicate_of(a.head) != query::predicate_of(b.head)) return false;
  for (std::size_t i = 0; i < a.head.args.size(); ++i)
    if (!(a.head.args[i].value == b.head.args[i].value)) return false;
  return true;
}

}  // namespace

RetractResult KnowledgeBase::retract(std::string_view text, std::string name) {
  // Exceptions (out of memory) become diagnostics, as in every call that reads input.
  return guarded<RetractResult>([&]() -> RetractResult {
    auto& m = *impl_;
    const Writing writing(m);
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
    for (const auto& i : parsed.program.issues)
      result.diagnostics.push_back(query::make_error(i.location, "an issue cannot be retracted"));
    if (parsed.program.rules.empty() && parsed.program.preferences.empty() && result.diagnostics.empty())
      result.diagnostics.push_back(query::make_error({}, "nothing to retract: give facts or rules"));
    if (m.store && m.store->read_only())
      result.diagnostics.push_back(
          query::make_error({}, "cannot retract: store '" + m.store->path() + "' was opened read-only"));
    if (m.postgres) result.diagnostics.push_back(query::make_error({}, "cannot retract from a PostgreSQL schema"));
    if (query::has_errors(result.diagnostics)) {
      result.outcome = Outcome::InputError;
      return result;
    }
    const auto& statements = parsed.program.rules;
    // How many standing copies of a plain fact the store's unread tables hold, as this
    // session sees them: those are retracted in the store alone, without reading the table.
    std::vector<std::int64_t> stored_copies(statements.size(), 0);
    std::set<std::size_t> tables_touched;
    for (std::size_t k = 0; k < statements.size(); ++k) {
      const auto& stmt = statements[k];
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

    // Which loaded rules each statement matches (a fact by its values, whatever its
    // citation; a rule by its text); a statement that matches none is an error.
    std::vector<bool> remove(m.program.rules.size(), false);
    std::vector<std::vector<std::size_t>> matches(statements.size());
    for (std::size_t k = 0; k < statements.size(); ++k) {
      const auto& stmt = statements[k];
      const bool plain = store::is_plain_fact(stmt);
      for (std::size_t i = 0; i < m.program.rules.size(); ++i) {
        const auto& r = m.program.rules[i];
        if (plain ? ground_fact(r) && same_values(r, stmt) : store::same_statement_text(r.text, stmt.text)) {
          remove[i] = true;
          matches[k].push_back(i);
        }
      }
      if (stored_copies[k] == 0 && matches[k].empty())
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

    // What the retraction removes, as texts: one per distinct statement (copies are counted
    // in `removed`, not repeated).
    auto removed_text = [&](std::string t) {
      if (std::find(result.statements.begin(), result.statements.end(), t) == result.statements.end())
        result.statements.push_back(std::move(t));
    };
    if (m.store) {
      // The store says what is removed: the transaction counts the rows it stamps, and a
      // statement whose rows another process retracted since this session read them (its
      // view still has them) removes nothing, which is an error, as when nothing matches.
      std::string description = "retract";
      for (const auto& stmt : statements) description += " " + stmt.text;
      for (const auto& stmt : parsed.program.preferences) description += " " + stmt.text;
      std::vector<bool> claimed(m.program.rules.size(), false);  // by an earlier statement of this retraction
      std::set<std::string> facts_done;                          // plain facts retracted by value so far
      std::optional<std::size_t> gone;                            // the statement another process retracted
      auto write = [&]() -> store::StoreStatus {
        if (auto e = m.store->begin(description)) return e;
        for (std::size_t k = 0; k < statements.size() && !gone; ++k) {
          const auto& stmt = statements[k];
          const bool plain = store::is_plain_fact(stmt);
          std::int64_t count = 0;
          // Whether everything it matches went with an earlier statement of this retraction
          // (`p(1). p(1).`): then removing nothing is no race.
          bool seen_before = !matches[k].empty() && stored_copies[k] == 0;
          for (const auto i : matches[k]) seen_before = seen_before && claimed[i];
          if (plain) {
            std::vector<Value> values;
            for (const auto& a : stmt.head.args) values.push_back(a.value);
            const auto key = store::fact_text(query::predicate_of(stmt.head).name, values);
            if (!facts_done.insert(key).second) seen_before = true;
            if (auto e = m.store->retract_fact(stmt, count)) return m.store->rollback(), e;
            if (count > 0) removed_text(key);
          }
          // A rule, or the copies of a fact kept as text (cited or labelled): by their text.
          std::vector<std::string> texts;
          if (!plain) texts.push_back(stmt.text);
          for (const auto i : matches[k]) {
            claimed[i] = true;
            if (plain) texts.push_back(m.program.rules[i].text);
          }
          for (std::size_t t = 0; t < texts.size(); ++t) {
            if (std::find(texts.begin(), texts.begin() + static_cast<std::ptrdiff_t>(t), texts[t]) !=
                texts.begin() + static_cast<std::ptrdiff_t>(t))
              continue;
            std::int64_t n = 0;
            if (auto e = m.store->retract_statement(texts[t], n)) return m.store->rollback(), e;
            if (n > 0) removed_text(texts[t]);
            count += n;
          }
          if (count == 0 && !seen_before) gone = k;
          result.removed += static_cast<std::size_t>(count);
        }
        for (const auto& stmt : parsed.program.preferences) {
          std::int64_t count = 0;
          if (auto e = m.store->retract_statement(stmt.text, count)) return m.store->rollback(), e;
          if (count > 0) removed_text(stmt.text);
          result.removed += static_cast<std::size_t>(count);
        }
        if (gone) return m.store->rollback(), std::nullopt;
        return m.store->commit();
      };
      auto failed = write();
      if (failed || gone) {
        result.outcome = Outcome::InputError;
        result.removed = 0;
        result.statements.clear();
        if (failed) {
          result.diagnostics.push_back(query::make_error({}, failed->message + "; nothing was retracted"));
        } else {
          const auto& stmt = statements[*gone];
          auto d = query::make_error(stmt.location, std::string(store::is_plain_fact(stmt) ? "no such fact is loaded: "
                                                                                           : "no such rule is loaded: ") +
                                                        stmt.text);
          d.notes.push_back(query::Diagnostic{
              query::Severity::Note, {}, "another process retracted it from store '" + m.store->path() + "'; nothing was retracted", {}});
          result.diagnostics.push_back(std::move(d));
          // The session's view moves to the store as it stands: it no longer answers what
          // the other process retracted.
          m.catch_up(result.diagnostics);
        }
        return result;
      }
      m.saw_own_write();
      result.transaction = static_cast<std::uint64_t>(m.store->seen());
    } else {
      for (std::size_t i = 0; i < m.program.rules.size(); ++i)
        if (remove[i]) removed_text(m.program.rules[i].text);
      for (std::size_t i = 0; i < m.program.preferences.size(); ++i)
        if (remove_preference[i]) removed_text(m.program.preferences[i].text);
      result.removed = static_cast<std::size_t>(std::count(remove.begin(), remove.end(), true) +
                                                std::count(remove_preference.begin(), remove_preference.end(), true));
    }
    // A table left without a standing fact defines nothing any more, as in memory.
    bool undefined = false;
    for (auto t = tables_touched.rbegin(); t != tables_touched.rend(); ++t) {
      bool any = true;
      if (m.store->has_facts(m.unread[*t], m.visible, any) || any) continue;
      const auto& gone_table = m.unread[*t].predicate;
      std::erase_if(m.program.external, [&](const query::ExternalRelation& e) {
        return e.name == gone_table.name && e.arity == gone_table.arity;
      });
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
    m.invalidate();
    // After a write that found others had written, the session sees the store as it stands.
    m.catch_up(result.diagnostics);
    return result;
  });
}

VerifyResult KnowledgeBase::verify_store() {
  return guarded<VerifyResult>([&] {
    auto& m = *impl_;
    const Reading reading(m);
    VerifyResult result;
    if (!m.store) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, "no store is open"));
      return result;
    }
    const std::lock_guard store_lock(m.store_mutex);
    std::int64_t facts = 0;
    std::vector<std::string> rejected;
    if (auto e = m.store->verify(m.visible, facts, rejected)) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, e->message));
      return result;
    }
    for (auto& why : rejected) result.diagnostics.push_back(query::make_error({}, std::move(why)));
    if (!rejected.empty()) {
      result.outcome = Outcome::InputError;
      return result;
    }
    result.facts = static_cast<std::size_t>(facts);
    return result;
  });
}

LogResult KnowledgeBase::transactions() {
  auto& m = *impl_;
  const Reading reading(m);
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

MaterializeResult KnowledgeBase::materialize(const std::vector<std::string>& predicates) {
  return guarded<MaterializeResult>([&] {
    auto& m = *impl_;
    const Writing writing(m);  // the relations read and the tables written are of one state
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
      auto relations = m.relation(name, arity);
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

// Answers a goal that is one atom of a stored predicate no rule concludes (`edge(5, X)?`)
// straight from its table, with the constants as a WHERE clause (the first through the
// table's index), instead of reading the relation into the evaluator. False when the goal
// is not of that shape; then the evaluator answers it. The answers are those the
// evaluator would give: distinct, in value order.
bool KnowledgeBase::Impl::lookup(const query::Query& q, const query::eval::Limits& l, const ColumnsVisitor& on_columns,
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

}  // namespace writ::kb
