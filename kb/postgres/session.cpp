#include "kb/postgres/session.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "query/analysis/variables.hpp"
#include "query/arithmetic.hpp"
#include "sql/names.hpp"
#include "sql/runtime.hpp"
#include "sql/values.hpp"

namespace writ::kb::postgres {

using query::eval::Status;

namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

// The server's message with what writ was doing (`doing`: "loading into schema ...").
std::string describe(const PgError& e, std::string_view doing) {
  if (e.connection_lost) return "the connection to PostgreSQL was lost while " + std::string(doing) + ": " + e.message;
  std::string message = "PostgreSQL: " + e.message;
  if (!e.detail.empty()) message += " (" + e.detail + ")";
  return message + " (while " + std::string(doing) + ")";
}

// A relation's columns with their types, for CREATE TABLE.
std::string column_definitions(const query::PredicateId& p, const std::string& schema) {
  std::string out;
  for (const auto& c : sql::relation_columns(p.arity))
    out += (out.empty() ? "" : ", ") + c + (p.arity == 0 ? " boolean NOT NULL" : " " + schema + ".value NOT NULL");
  return out;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return out;
}

// `NOT EXISTS (SELECT FROM table AS t WHERE t.a1 = s.a1 AND ...)`.
std::string not_in(const std::string& table, const std::vector<std::string>& columns, const std::string& row) {
  std::string out = "NOT EXISTS (SELECT FROM " + table + " AS t";
  for (std::size_t i = 0; i < columns.size(); ++i)
    out += (i == 0 ? " WHERE " : " AND ") + std::string("t.") + columns[i] + " = " + row + "." + columns[i];
  return out + ")";
}

// The error of the program an SQL error stands for (runtime.cpp): an integer overflow, an
// error of typed arithmetic or of an ordering comparison, at its place in the program,
// worded as the native evaluator words it. Nullopt for any other error.
std::optional<query::Diagnostic> program_error(const PgError& e, const sql::CompiledProgram& compiled) {
  const auto* site = compiled.site(e.detail);
  if (!site) return std::nullopt;
  if (e.sqlstate == sql::overflow_sqlstate) {
    std::string message = e.message;  // "PLACE: MESSAGE"
    if (message.rfind(site->place + ": ", 0) == 0) message.erase(0, site->place.size() + 2);
    return query::make_error(site->location, message);
  }
  if (e.sqlstate != "WR001" && e.sqlstate != "WR002") return std::nullopt;
  // HINT: context, operation and operands, separated by U+001F.
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= e.hint.size(); ++i) {
    if (i == e.hint.size() || e.hint[i] == '\x1f') {
      parts.push_back(e.hint.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() != 4) return std::nullopt;
  const auto a = sql::decode(parts[2]);
  const auto b = parts[3].empty() ? std::optional<query::Value>(query::Value{}) : sql::decode(parts[3]);
  if (!a || !b) return std::nullopt;
  const std::string& op = parts[1];
  if (e.sqlstate == "WR002") {
    const auto c = op == "<" ? query::CompareOp::Lt : op == "<=" ? query::CompareOp::Le
                   : op == ">" ? query::CompareOp::Gt : query::CompareOp::Ge;
    if (auto message = query::order_error(*a, c, *b)) return query::make_error(site->location, parts[0] + *message);
    return std::nullopt;
  }
  const auto o = op == "+" ? query::ArithOp::Add : op == "-" ? query::ArithOp::Sub : op == "*" ? query::ArithOp::Mul
                 : op == "/" ? query::ArithOp::Div : op == "mod" ? query::ArithOp::Mod : query::ArithOp::Neg;
  const auto result = query::apply(o, *a, *b);
  if (result.outcome != query::ArithmeticResult::Outcome::Error) return std::nullopt;
  return query::make_error(site->location, parts[0] + result.message);
}

}  // namespace

// The state of an evaluation: its transaction is open while this lives.
struct Session::Evaluation {
  sql::Options options;
  sql::CompiledProgram compiled;
};

Session::~Session() {
  if (evaluation_ && connection_) connection_->execute("ROLLBACK");
}

std::optional<std::string> Session::open(const std::string& conninfo, const std::string& schema, bool writable,
                                         std::unique_ptr<Session>& out) {
  std::unique_ptr<Session> s(new Session());
  s->schema_ = schema;
  s->identifier_ = sql::identifier(schema);
  s->writable_ = writable;
  if (auto e = Connection::open(conninfo, s->connection_)) return "cannot connect to PostgreSQL: " + e->message;
  auto& c = *s->connection_;
  if (c.server_version() < 120000)
    return "PostgreSQL " + std::to_string(c.server_version() / 10000) + " is too old for writ (12 or later is needed)";
  const std::string where = "schema " + quoted(schema) + " in database " + quoted(c.database());
  bool nonempty = false;
  const std::string state =
      "SELECT n.oid IS NOT NULL,\n"
      "       EXISTS (SELECT FROM pg_class WHERE relnamespace = n.oid AND relname = 'writ_meta'),\n"
      "       EXISTS (SELECT FROM pg_class WHERE relnamespace = n.oid)\n"
      "         OR EXISTS (SELECT FROM pg_proc WHERE pronamespace = n.oid)\n"
      "         OR EXISTS (SELECT FROM pg_type WHERE typnamespace = n.oid)\n"
      "FROM (SELECT $1::name AS name) AS q LEFT JOIN pg_namespace AS n ON n.nspname = q.name";
  if (auto e = c.query(state, {schema}, [&](const auto& row) {
        s->exists_ = row[0] && *row[0] == "t";
        s->ours_ = row[1] && *row[1] == "t";
        nonempty = row[2] && *row[2] == "t";
      }))
    return describe(*e, "reading the catalogue");
  if (!s->exists_ && !writable) return where + " does not exist (writ load --postgres creates it)";
  if (s->exists_ && !s->ours_ && nonempty)
    return where + " is not writ's: it holds other objects and no table writ_meta (name another with --schema)";
  if (s->exists_ && !s->ours_ && !writable) return where + " is empty: nothing was loaded into it (writ load --postgres)";
  if (s->ours_) {
    std::optional<int> layout;
    if (auto e = c.query("SELECT value FROM " + s->identifier_ + ".writ_meta WHERE key = 'layout'", {},
                         [&](const auto& row) {
                           if (row[0]) layout = std::atoi(std::string(*row[0]).c_str());
                         }))
      return describe(*e, "reading " + where);
    if (!layout) return where + " is damaged: writ_meta has no layout";
    if (*layout > layout_version)
      return where + " was written by a newer writ (layout " + std::to_string(*layout) + "; this writ reads " +
             std::to_string(layout_version) + ")";
  }
  out = std::move(s);
  return std::nullopt;
}

std::optional<std::string> Session::read(std::vector<StoredStatement>& statements,
                                         std::set<query::PredicateId>& relations) {
  if (!ours_) return std::nullopt;
  auto& c = *connection_;
  const std::string where = "schema " + quoted(schema_);
  std::optional<std::string> bad;
  // One snapshot for both reads, so that a load committed in between is seen whole or not.
  if (auto e = c.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) return describe(*e, "reading " + where);
  auto e = c.query("SELECT load, source, line, col, text FROM " + identifier_ + ".writ_statement ORDER BY load, id", {},
                   [&](const auto& row) {
                     if (!row[0] || !row[1] || !row[2] || !row[3] || !row[4]) {
                       if (!bad) bad = where + " is damaged: writ_statement has a NULL";
                       return;
                     }
                     StoredStatement s;
                     s.load = std::atoll(std::string(*row[0]).c_str());
                     s.source = std::string(*row[1]);
                     s.line = static_cast<std::uint32_t>(std::max(1, std::atoi(std::string(*row[2]).c_str())));
                     s.column = static_cast<std::uint32_t>(std::max(1, std::atoi(std::string(*row[3]).c_str())));
                     s.text = std::string(*row[4]);
                     statements.push_back(std::move(s));
                   });
  if (!e)
    e = c.query("SELECT predicate, arity FROM " + identifier_ + ".writ_relation ORDER BY predicate, arity", {},
                [&](const auto& row) {
                  if (!row[0] || !row[1]) return;
                  relations.insert(query::PredicateId{std::string(*row[0]),
                                                      static_cast<std::uint32_t>(std::atoi(std::string(*row[1]).c_str()))});
                });
  c.execute(e ? "ROLLBACK" : "COMMIT");
  if (e) return describe(*e, "reading " + where);
  if (bad) return bad;
  stored_ = relations;
  return std::nullopt;
}

std::optional<std::string> Session::count_facts(const query::PredicateId& p, std::uint64_t& count) {
  count = 0;
  if (!stored_.count(p)) return std::nullopt;
  const std::string table = identifier_ + "." + sql::identifier(sql::relation_table(p));
  if (auto e = connection_->query("SELECT count(*) FROM " + table, {}, [&](const auto& row) {
        if (row[0]) count = std::strtoull(std::string(*row[0]).c_str(), nullptr, 10);
      }))
    return describe(*e, "counting the facts of " + p.to_string());
  return std::nullopt;
}

std::optional<std::string> Session::create_layout() {
  auto& c = *connection_;
  for (const auto& statement : sql::runtime_statements(identifier_))
    if (auto e = c.execute(statement)) return describe(*e, "creating writ's functions in schema " + quoted(schema_));
  const std::string s = identifier_;
  const std::string layout =
      "CREATE TABLE " + s + ".writ_meta (key text PRIMARY KEY, value text NOT NULL);\n"
      "INSERT INTO " + s + ".writ_meta VALUES ('layout', '" + std::to_string(layout_version) + "');\n"
      "CREATE SEQUENCE " + s + ".writ_load;\n"
      "CREATE TABLE " + s + ".writ_statement (id bigserial PRIMARY KEY, load bigint NOT NULL, source text NOT NULL,\n"
      "  line integer NOT NULL, col integer NOT NULL, text text NOT NULL);\n"
      "CREATE TABLE " + s + ".writ_relation (predicate text NOT NULL, arity integer NOT NULL, table_name text NOT NULL,\n"
      "  PRIMARY KEY (predicate, arity))";
  if (auto e = c.execute(layout)) return describe(*e, "creating writ's tables in schema " + quoted(schema_));
  return std::nullopt;
}

WriteOutcome Session::write(const std::vector<StoredStatement>& statements, const std::vector<query::FactRows>& rows,
                            const std::atomic<bool>& cancel, std::string& error) {
  forget();
  auto& c = *connection_;
  const std::string doing = "loading into schema " + quoted(schema_);
  const auto stop = [&](std::optional<std::string> why) {
    c.execute("ROLLBACK");
    if (!why) return WriteOutcome::Cancelled;
    error = *why;
    return WriteOutcome::Failed;
  };
  if (auto e = c.execute("BEGIN")) return stop(describe(*e, doing));
  if (!exists_)
    if (auto e = c.execute("CREATE SCHEMA " + identifier_)) return stop(describe(*e, "creating schema " + quoted(schema_)));
  if (!ours_)
    if (auto why = create_layout()) return stop(why);
  std::string load = "0";
  if (auto e = c.query("SELECT nextval('" + identifier_ + ".writ_load')", {}, [&](const auto& row) {
        if (row[0]) load = std::string(*row[0]);
      }))
    return stop(describe(*e, doing));
  if (cancel.load(std::memory_order_relaxed)) return stop(std::nullopt);
  if (!statements.empty()) {
    std::size_t next = 0;
    const auto e = c.copy_rows(identifier_ + ".writ_statement", {"load", "source", "line", "col", "text"},
                               [&](std::vector<std::string>& row) {
                                 if (next == statements.size() || cancel.load(std::memory_order_relaxed)) return false;
                                 const auto& s = statements[next++];
                                 row = {load, s.source, std::to_string(s.line), std::to_string(s.column), s.text};
                                 return true;
                               });
    if (e) return stop(describe(*e, doing));
  }
  // Facts, predicate by predicate: into a staging table, then the ones not there yet.
  std::map<query::PredicateId, std::vector<const query::FactRows*>> by_predicate;
  for (const auto& f : rows) by_predicate[query::PredicateId{f.predicate, f.arity}].push_back(&f);
  std::set<query::PredicateId> created;
  for (const auto& entry : by_predicate) {
    // Named, not structured, bindings: clang 14 (the fuzz build) cannot capture those.
    const auto& p = entry.first;
    const auto& parts = entry.second;
    if (cancel.load(std::memory_order_relaxed)) return stop(std::nullopt);
    const std::string name = sql::relation_table(p);
    const std::string table = identifier_ + "." + sql::identifier(name);
    const auto columns = sql::relation_columns(p.arity);
    std::string ddl;
    if (!stored_.count(p)) {
      ddl = "CREATE TABLE IF NOT EXISTS " + table + " (" + column_definitions(p, identifier_) + ");\n" +
            "CREATE INDEX IF NOT EXISTS " + sql::identifier(sql::relation_table(p, "__index")) + " ON " + table + " (" +
            column_list(columns) + ");\n" + "INSERT INTO " + identifier_ +
            ".writ_relation VALUES (" + sql::string_literal(p.name) + ", " + std::to_string(p.arity) + ", " +
            sql::string_literal(name) + ") ON CONFLICT DO NOTHING;\n";
      created.insert(p);
    }
    std::string staging_columns;
    for (const auto& col : columns) staging_columns += (staging_columns.empty() ? "" : ", ") + col + (p.arity == 0 ? " boolean" : " text");
    ddl += "CREATE TEMP TABLE writ_staging (" + staging_columns + ") ON COMMIT DROP";
    if (auto e = c.execute(ddl)) return stop(describe(*e, doing));
    std::size_t part = 0, row = 0;
    const auto e = c.copy_rows("pg_temp.writ_staging", columns, [&](std::vector<std::string>& out) {
      while (part < parts.size() && row == parts[part]->rows()) {
        ++part;
        row = 0;
      }
      if (part == parts.size() || cancel.load(std::memory_order_relaxed)) return false;
      const auto& f = *parts[part];
      out.clear();
      if (p.arity == 0) out.emplace_back("t");
      for (std::uint32_t k = 0; k < p.arity; ++k) out.push_back(sql::encode(f.values[row * p.arity + k]));
      ++row;
      return true;
    });
    if (e) return stop(describe(*e, doing));
    std::string select;
    for (const auto& col : columns)
      select += (select.empty() ? "" : ", ") + std::string("s.") + col + (p.arity == 0 ? "" : "::" + identifier_ + ".value");
    const std::string insert = "INSERT INTO " + table + " (" + column_list(columns) + ")\nSELECT DISTINCT " + select +
                               " FROM pg_temp.writ_staging AS s\nWHERE " + not_in(table, columns, "s") +
                               ";\nDROP TABLE pg_temp.writ_staging;\nANALYZE " + table;
    if (auto e2 = c.execute(insert)) return stop(describe(*e2, doing));
  }
  if (cancel.load(std::memory_order_relaxed)) return stop(std::nullopt);
  if (auto e = c.execute("COMMIT")) return stop(describe(*e, doing));
  exists_ = ours_ = true;
  for (const auto& p : created) stored_.insert(p);
  return WriteOutcome::Written;
}

void Session::forget() { abandon(); }

void Session::abandon() {
  if (!evaluation_) return;
  evaluation_.reset();
  evaluated_.reset();
  connection_->execute("ROLLBACK");
}

void Session::cancel() noexcept {
  if (connection_) connection_->cancel();
}

Status Session::failed(const PgError& e, const query::eval::Limits& limits, std::string_view doing,
                       std::vector<query::Diagnostic>& diagnostics) {
  if (!e.connection_lost) connection_->execute("ROLLBACK");
  const sql::CompiledProgram* compiled = evaluation_ ? &evaluation_->compiled : nullptr;
  Status status = Status::Error;
  if (e.cancelled()) {
    if (auto stop = query::eval::interrupted(limits)) {
      diagnostics.push_back(std::move(stop->second));
      status = stop->first;
    } else {
      diagnostics.push_back(query::make_error({}, "evaluation cancelled"));
      status = Status::Cancelled;
    }
  } else if (auto error = compiled ? program_error(e, *compiled) : std::nullopt) {
    diagnostics.push_back(std::move(*error));
  } else {
    diagnostics.push_back(query::make_error({}, describe(e, doing)));
  }
  evaluation_.reset();
  evaluated_.reset();
  return status;
}

Status Session::run(const std::vector<std::string>& statements, const query::eval::Limits& limits,
                    std::vector<std::uint64_t>* counts, std::vector<query::Diagnostic>& diagnostics) {
  if (auto stop = query::eval::interrupted(limits)) {
    abandon();
    diagnostics.push_back(std::move(stop->second));
    return stop->first;
  }
  if (statements.empty()) return Status::Ok;
  std::string text;
  if (limits.deadline) {
    // What is left of the time limit bounds the statements; the server ends them after that.
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*limits.deadline - std::chrono::steady_clock::now());
    text = "SET LOCAL statement_timeout = " + std::to_string(std::max<std::int64_t>(1, left.count())) + ";\n";
  }
  for (const auto& st : statements) text += st + ";\n";
  std::vector<std::uint64_t> all;
  if (auto e = connection_->execute(text, &all)) return failed(*e, limits, "evaluating the program", diagnostics);
  if (counts) counts->assign(all.begin() + (limits.deadline ? 1 : 0), all.end());
  return Status::Ok;
}

namespace {

// Facts sent as one INSERT ... VALUES when few (no round trip of their own), else by COPY.
constexpr std::size_t values_limit = 1000;

}  // namespace

Status Session::evaluate(const query::Program& program, const sql::PlaceOf& place_of, const query::eval::Limits& limits,
                         std::vector<query::Diagnostic>& diagnostics) {
  forget();
  if (!ours_) {
    diagnostics.push_back(query::make_error(
        {}, "schema " + quoted(schema_) + " holds nothing yet: load something into it first (writ load --postgres)"));
    return Status::Error;
  }
  // The relations evaluation writes (derived, or with facts in memory) are temporary tables;
  // the others are read where they are stored.
  std::set<query::PredicateId> written;
  for (const auto& r : program.rules)
    if (r.kind == query::RuleKind::Strict) written.insert(query::predicate_of(r.head));
  std::map<query::PredicateId, std::vector<std::vector<std::string>>> facts;
  std::map<query::PredicateId, std::set<std::vector<std::string>>> seen;
  sql::for_each_fact(program, [&](const query::PredicateId& p, const query::Value* values) {
    written.insert(p);
    std::vector<std::string> row;
    for (std::uint32_t i = 0; i < p.arity; ++i) row.push_back(sql::encode(values[i]));
    if (p.arity == 0) row.emplace_back("t");
    if (seen[p].insert(row).second) facts[p].push_back(std::move(row));
  });
  seen.clear();
  auto evaluation = std::make_unique<Evaluation>();
  evaluation->options.schema = schema_;
  evaluation->options.place_of = place_of;
  evaluation->options.table_of = [this, written](const query::PredicateId& p, std::string_view suffix) {
    if (suffix.empty() && !written.count(p) && stored_.count(p))
      return identifier_ + "." + sql::identifier(sql::relation_table(p));
    return "pg_temp." + sql::identifier(sql::relation_table(p, suffix));
  };
  evaluation->compiled = sql::compile_program(program, evaluation->options);
  auto& compiled = evaluation->compiled;

  if (auto e = connection_->execute("BEGIN ISOLATION LEVEL REPEATABLE READ"))
    return failed(*e, limits, "evaluating the program", diagnostics);
  evaluation_ = std::move(evaluation);

  // The tables, the stored facts they start from and the facts in memory, in one round trip
  // (large sets of facts by COPY after it).
  std::uint64_t fact_count = 0;
  std::vector<std::string> setup, analyze;
  std::vector<const query::PredicateId*> copied;
  for (const auto& r : compiled.relations) {
    const auto& p = r.predicate;
    const auto columns = column_definitions(p, identifier_);
    if (written.count(p) || !stored_.count(p)) {
      setup.push_back("CREATE TEMP TABLE " + sql::identifier(sql::relation_table(p)) + " (" + columns + ")");
      if (stored_.count(p)) {
        setup.push_back("INSERT INTO " + r.table + " SELECT * FROM " + identifier_ + "." + sql::identifier(sql::relation_table(p)));
        analyze.push_back("ANALYZE " + r.table);
      }
    }
    if (!r.delta.empty()) {
      setup.push_back("CREATE TEMP TABLE " + sql::identifier(sql::relation_table(p, "__delta")) + " (" + columns + ")");
      setup.push_back("CREATE TEMP TABLE " + sql::identifier(sql::relation_table(p, "__new")) + " (" + columns + ")");
    }
    const auto it = facts.find(p);
    if (it == facts.end()) continue;
    fact_count += it->second.size();
    if (analyze.empty() || analyze.back() != "ANALYZE " + r.table) analyze.push_back("ANALYZE " + r.table);
    if (it->second.size() > values_limit) {
      copied.push_back(&p);
      continue;
    }
    std::string insert = "INSERT INTO " + r.table + " (" + column_list(r.columns) + ") VALUES ";
    for (std::size_t i = 0; i < it->second.size(); ++i) {
      insert += i ? ", (" : "(";
      const auto& row = it->second[i];
      for (std::size_t k = 0; k < row.size(); ++k)
        insert += (k ? ", " : "") + (p.arity == 0 ? std::string("true") : sql::string_literal(row[k]));
      insert += ")";
    }
    setup.push_back(std::move(insert));
  }
  if (fact_count > limits.max_facts) {
    abandon();
    diagnostics.push_back(query::eval::too_many_facts(limits));
    return Status::TooManyFacts;
  }
  if (auto s = run(setup, limits, nullptr, diagnostics); s != Status::Ok) return s;
  for (const auto* p : copied) {
    const auto& r = compiled.relations.at(compiled.relation_of.at(*p));
    const auto& rows = facts.at(*p);
    std::size_t next = 0;
    if (auto e = connection_->copy_rows(r.table, r.columns, [&](std::vector<std::string>& row) {
          if (next == rows.size()) return false;
          row = rows[next++];
          return true;
        }))
      return failed(*e, limits, "sending the facts", diagnostics);
  }
  facts.clear();
  if (auto s = run(analyze, limits, nullptr, diagnostics); s != Status::Ok) return s;

  auto count = [&](const std::vector<std::uint64_t>& rows) -> Status {
    for (const auto n : rows) fact_count += n;
    if (fact_count <= limits.max_facts) return Status::Ok;
    abandon();
    diagnostics.push_back(query::eval::too_many_facts(limits));
    return Status::TooManyFacts;
  };
  // Consecutive components without recursion go in one round trip; each recursive one takes
  // two a round: moving the new rows (which says how many each relation got), then the rules
  // over the non-empty deltas.
  std::vector<std::string> batch;
  const auto flush = [&]() -> Status {
    std::vector<std::uint64_t> rows;
    if (auto s = run(batch, limits, &rows, diagnostics); s != Status::Ok) return s;
    batch.clear();
    return count(rows);
  };
  for (const auto& stratum : compiled.strata) {
    if (!stratum.recursive) {
      for (const auto& st : stratum.first) batch.push_back(st.sql);
      continue;
    }
    if (auto s = flush(); s != Status::Ok) return s;
    std::vector<std::string> round;
    for (const auto& st : stratum.first) round.push_back(st.sql);
    std::map<std::size_t, std::uint64_t> analyzed;  // each delta's size when last analyzed
    for (;;) {
      // Inserting into __new derives nothing yet: those rows are counted when they move.
      if (auto s = run(round, limits, nullptr, diagnostics); s != Status::Ok) return s;
      std::vector<std::string> advance;
      for (const auto i : stratum.relations)
        for (auto& step : sql::advance_statements(compiled.relations[i])) advance.push_back(std::move(step));
      std::vector<std::uint64_t> rows;
      if (auto s = run(advance, limits, &rows, diagnostics); s != Status::Ok) return s;
      std::map<std::size_t, std::uint64_t> added;
      std::uint64_t total = 0;
      for (std::size_t k = 0; k < stratum.relations.size(); ++k) {
        const auto n = 4 * k < rows.size() ? rows[4 * k] : 0;  // the first of its four steps
        added[stratum.relations[k]] = n;
        total += n;
      }
      if (auto s = count({total}); s != Status::Ok) return s;
      if (total == 0) break;
      round.clear();
      // Statistics of a delta whose size changed much since they were taken: the planner's
      // estimates decide between hash and nested-loop joins.
      for (const auto& [i, n] : added) {
        auto& last = analyzed[i];
        if (n > 2 * last + 100 || 2 * n + 100 < last) {
          round.push_back("ANALYZE " + compiled.relations[i].delta);
          last = n;
        }
      }
      for (const auto& st : stratum.rounds)
        if (st.reads_delta && added[*st.reads_delta] > 0) round.push_back(st.sql);
    }
  }
  if (auto s = flush(); s != Status::Ok) return s;
  evaluated_ = true;
  return Status::Ok;
}

Status Session::answer(const query::Query& query, const query::eval::Limits& limits,
                       const std::function<void(const std::vector<std::string>&)>& on_columns,
                       const std::function<void(const std::vector<query::Value>&)>& on_row,
                       std::vector<query::Diagnostic>& diagnostics) {
  if (!evaluation_) {
    diagnostics.push_back(query::make_error({}, "internal error: no evaluation to answer from"));
    return Status::Error;
  }
  const std::string select = sql::compile_query(evaluation_->compiled, query, evaluation_->options);
  const auto columns = query::answer_columns(query);
  std::vector<std::vector<query::Value>> rows;
  std::optional<std::string> bad;
  if (auto stop = query::eval::interrupted(limits)) {
    diagnostics.push_back(std::move(stop->second));
    return stop->first;
  }
  // The evaluation survives a question that fails: the question runs in a savepoint.
  const RowVisitor visit = [&](const auto& row) {
    std::vector<query::Value> values;
    if (columns.empty()) {
      rows.emplace_back();
      return;
    }
    for (const auto& v : row) {
      auto value = v ? sql::decode(*v) : std::nullopt;
      if (!value) {
        if (!bad) bad = "a value writ cannot read: " + (v ? "'" + std::string(*v) + "'" : std::string("NULL"));
        return;
      }
      values.push_back(std::move(*value));
    }
    rows.push_back(std::move(values));
  };
  std::string text = "SAVEPOINT writ_answer;\n";
  if (limits.deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*limits.deadline - std::chrono::steady_clock::now());
    text += "SET LOCAL statement_timeout = " + std::to_string(std::max<std::int64_t>(1, left.count())) + ";\n";
  }
  text += select + ";\nRELEASE SAVEPOINT writ_answer";
  auto e = connection_->execute(text, nullptr, &visit);
  if (e) {
    if (e->connection_lost) return failed(*e, limits, "answering " + query.text, diagnostics);
    connection_->execute("ROLLBACK TO SAVEPOINT writ_answer");
    if (auto error = program_error(*e, evaluation_->compiled)) {
      diagnostics.push_back(std::move(*error));
      return Status::Error;
    }
    if (e->cancelled()) {
      if (auto stop = query::eval::interrupted(limits)) {
        diagnostics.push_back(std::move(stop->second));
        return stop->first;
      }
      diagnostics.push_back(query::make_error({}, "evaluation cancelled"));
      return Status::Cancelled;
    }
    diagnostics.push_back(query::make_error({}, describe(*e, "answering " + query.text)));
    return Status::Error;
  }
  if (bad) {
    diagnostics.push_back(query::make_error({}, "schema " + quoted(schema_) + " holds " + *bad));
    return Status::Error;
  }
  on_columns(columns);
  for (const auto& r : rows) on_row(r);
  return Status::Ok;
}

}  // namespace writ::kb::postgres
