// A PostgreSQL schema in place of the store (kb/postgres/): opening one, answering
// questions by evaluating the program inside the server, and the program written out as
// one self-contained SQL script (sql/script.hpp, docs/scale-out.md).
#include <algorithm>
#include <set>

#include "kb/postgres/stored_program.hpp"
#include "kb/session.hpp"
#include "query/analysis/dependency_graph.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/status_tests.hpp"
#include "query/analysis/variables.hpp"
#include "sql/script.hpp"

namespace writ::kb {

OpenResult KnowledgeBase::open_postgres(const std::string& conninfo, PostgresOptions options) {
  return guarded<OpenResult>([&]() -> OpenResult {
    auto& m = *impl_;
    const Writing writing(m);
    OpenResult result;
    auto fail = [&](std::string message) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error({}, std::move(message)));
      return result;
    };
    if (m.store) return fail("cannot open a PostgreSQL schema: store '" + m.store->path() + "' is open");
    if (m.postgres) return fail("cannot open a PostgreSQL schema: schema '" + m.postgres->schema() + "' is open");
    if (!m.program.rules.empty()) return fail("cannot open a PostgreSQL schema after statements were loaded");
    std::unique_ptr<postgres::Session> session;
    if (auto e = postgres::Session::open(conninfo, options.schema, !options.read_only, session)) return fail(*e);
    std::vector<postgres::StoredStatement> statements;
    std::set<query::PredicateId> relations;
    if (auto e = session->read(statements, relations)) return fail(*e);
    query::Program program;
    std::vector<Diagnostic> unreadable;
    postgres::read_statements(statements, m.keep_source(), program, unreadable);
    for (const auto& p : relations) program.external.push_back(query::ExternalRelation{p.name, p.arity});
    query::name_anonymous_variables(program);
    // The statements were checked when they were loaded; checking again guards against a
    // schema changed by other means, and is what the evaluator requires.
    auto checked = query::check_program(program);
    for (auto& d : checked)
      if (d.severity == query::Severity::Error) unreadable.push_back(std::move(d));
    if (!unreadable.empty()) {
      auto r = fail("schema '" + options.schema + "' holds a program with errors");
      for (auto& d : unreadable) r.diagnostics.push_back(std::move(d));
      return r;
    }
    m.program = std::move(program);
    m.checker.accept(m.program);
    m.postgres = std::move(session);
    m.postgres_cancel.store(m.postgres.get(), std::memory_order_release);
    m.invalidate();
    return result;
  });
}

AskResult KnowledgeBase::Impl::answer_in_postgres(const query::Query& q, const query::eval::Limits& bounds,
                                                  const ColumnsVisitor& on_columns, const RowVisitor& on_row) {
  auto& m = *this;
  AskResult result;
  result.answers.query = q.text;
  if (m.argued()) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(query::make_error(
        {}, "the program has defeasible rules, defeaters, claims or priorities, whose statuses are not evaluated in "
            "PostgreSQL yet"));
    return result;
  }
  if (query::has_status_test(m.effective()) || query::has_status_test(q.body)) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(
        query::make_error({}, "status tests (accepted p(...)) are not evaluated in PostgreSQL yet"));
    return result;
  }
  result.answers.columns = query::answer_columns(q);
  bool part = false;  // evaluated for this question only
  if (!m.postgres->evaluated()) {
    const auto place = [&m](const query::Location& at) {
      return m.source_name(at.source) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    };
    if (!m.whole_fails) {
      std::vector<Diagnostic> said;
      const auto status = m.postgres->evaluate(m.effective(), place, bounds, said);
      // An error at a rule's place is the rule's (an overflow); one without a place is the
      // connection's or the schema's, and every question's.
      m.whole_fails = status == query::eval::Status::Error &&
                      std::any_of(said.begin(), said.end(), [](const Diagnostic& d) { return d.location.line != 0; });
      if (!m.whole_fails) {
        for (auto& d : said) result.diagnostics.push_back(std::move(d));
        result.outcome = outcome_of(status);
        if (result.outcome != Outcome::Ok) return result;
      }
    }
    if (m.whole_fails) {
      // A rule fails on the data (an overflow at its place): as natively, the question is
      // evaluated with only the rules it depends on, and fails only if one of them does.
      const auto reached = query::reached_predicates(m.effective(), q.body);
      query::Program only = m.effective();
      std::erase_if(only.rules, [&](const query::Rule& r) { return !reached.count(query::predicate_of(r.head)); });
      std::erase_if(only.facts,
                    [&](const query::FactRows& f) { return !reached.count(query::PredicateId{f.predicate, f.arity}); });
      const auto status = m.postgres->evaluate(only, place, bounds, result.diagnostics);
      result.outcome = outcome_of(status);
      if (result.outcome != Outcome::Ok) return result;
      part = true;
    }
  }
  const auto status = m.postgres->answer(
      q, bounds, [&](const std::vector<std::string>& columns) { on_columns(columns, false); },
      [&](const std::vector<Value>& row) { on_row(row, std::nullopt); }, result.diagnostics);
  result.outcome = outcome_of(status);
  if (part) m.postgres->forget();  // the next question evaluates its own part
  return result;
}

SqlResult KnowledgeBase::compile_sql(const std::vector<query::Query>& queries, const SqlOptions& options) {
  return guarded<SqlResult>([&] {
    auto& m = *impl_;
    const Reading reading(m);
    const std::lock_guard one_reader(m.derive);
    SqlResult result;
    const auto* program = m.program_with_facts(nullptr, false, result.diagnostics);
    if (!program) {
      result.outcome = Outcome::InputError;
      return result;
    }
    if (m.argued()) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(query::make_error(
          {}, "compile --sql: the program has defeasible rules, defeaters, claims or priorities, whose statuses are not "
              "compiled to SQL yet"));
      return result;
    }
    bool tests = query::has_status_test(*program);
    for (const auto& q : queries) tests = tests || query::has_status_test(q.body);
    if (tests) {
      result.outcome = Outcome::InputError;
      result.diagnostics.push_back(
          query::make_error({}, "compile --sql: status tests (accepted p(...)) are not compiled to SQL yet"));
      return result;
    }
    query::Program with_queries = *program;
    for (auto q : queries) {
      query::name_anonymous_variables(q);
      with_queries.queries.push_back(std::move(q));
    }
    sql::ScriptOptions how;
    how.options.schema = options.schema;
    how.options.place_of = [&m](const query::Location& at) {
      return m.source_name(at.source) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    };
    how.inputs = options.inputs;
    result.script = sql::script(with_queries, how);
    return result;
  });
}

}  // namespace writ::kb
