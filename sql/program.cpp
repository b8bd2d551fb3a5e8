#include "program.hpp"

#include <optional>
#include <stdexcept>

#include "body.hpp"
#include "query/analysis/dependency_graph.hpp"
#include "query/analysis/variables.hpp"
#include "query/ast_text.hpp"
#include "query/builtins.hpp"

namespace writ::sql {

using detail::Body;
using detail::Env;

namespace {

std::string comment_of(const std::string& place, const std::string& text) {
  std::string out = "-- " + place + ": ";
  for (const char c : text) {
    out += c;
    if (c == '\n') out += "--   ";
  }
  return out;
}

std::string qualified(const std::string& schema, const std::string& table) { return schema + "." + identifier(table); }

Env env_of(CompiledProgram& program, const Options& options) {
  Env env;
  env.schema = program.schema;
  env.place_of = options.place_of;
  env.sites = &program.sites;
  env.table = [&program](const query::PredicateId& p, bool delta) -> std::optional<std::string> {
    const auto it = program.relation_of.find(p);
    if (it == program.relation_of.end()) return std::nullopt;
    const auto& r = program.relations[it->second];
    return delta ? r.delta : r.table;
  };
  return env;
}

// `NOT EXISTS (SELECT FROM table AS alias WHERE alias.a1 = h1 AND ...)`.
std::string absent_from(const std::string& table, Aliases& aliases, const std::string& stem,
                        const std::vector<std::string>& columns, const std::vector<std::string>& values) {
  const std::string alias = aliases.take(stem);
  std::string out = "NOT EXISTS (SELECT FROM " + table + " AS " + alias;
  for (std::size_t i = 0; i < values.size(); ++i)
    out += (i == 0 ? " WHERE " : " AND ") + alias + "." + columns[i] + " = " + values[i];
  return out + ")";
}

// INSERT INTO `target` the head tuples of `rule` that none of `absent_in` holds.
std::string rule_insert(Env& env, const query::Rule& rule, int delta_literal, const Relation& head,
                        const std::string& target, const std::vector<std::string>& absent_in) {
  Aliases aliases;
  const auto outside = detail::outside_aggregates(rule.body, &rule.head);
  Body b = detail::compile_body(env, aliases, rule.body, delta_literal, outside);
  std::vector<std::string> values;
  for (const auto& t : rule.head.args) {
    values.push_back(detail::expression(env, t, b.vars));
    if (detail::may_be_null(t)) b.where.push_back(values.back() + " IS NOT NULL");
  }
  const std::vector<std::string> select = values.empty() ? std::vector<std::string>{"true"} : values;
  const char* stems[] = {"old", "new"};
  for (std::size_t i = 0; i < absent_in.size(); ++i)
    b.where.push_back(absent_from(absent_in[i], aliases, stems[i < 2 ? i : 1], head.columns, values));
  std::string columns, heads;
  for (const auto& c : head.columns) columns += (columns.empty() ? "" : ", ") + c;
  for (const auto& v : select) heads += (heads.empty() ? "" : ", ") + v;
  std::string sql = "INSERT INTO " + target + " (" + columns + ")\n" + b.with + "SELECT DISTINCT " + heads;
  if (!b.from.empty()) sql += "\n" + b.from;
  const auto where = detail::where_clause(b.where);
  if (!where.empty()) sql += "\n" + where;
  return sql;
}

}  // namespace

const Site* CompiledProgram::site(std::string_view place) const {
  for (const auto& s : sites)
    if (s.place == place) return &s;
  return nullptr;
}

CompiledProgram compile_program(const query::Program& program, const Options& options) {
  CompiledProgram out;
  out.schema = identifier(options.schema);
  const auto table_of = [&](const query::PredicateId& p, std::string_view suffix) {
    return options.table_of ? options.table_of(p, suffix) : qualified(out.schema, relation_table(p, suffix));
  };
  const auto graph = query::build_dependency_graph(program);
  auto add_relation = [&](const query::PredicateId& p) {
    if (out.relation_of.count(p)) return;
    Relation r;
    r.predicate = p;
    r.table = table_of(p, "");
    r.columns = relation_columns(p.arity);
    out.relation_of[p] = out.relations.size();
    out.relations.push_back(std::move(r));
  };
  for (const auto& p : graph.predicates) add_relation(p);
  for (const auto& b : query::builtins) add_relation(query::PredicateId{std::string(b.name), b.arity});
  for (const auto& f : program.facts) add_relation(query::PredicateId{f.predicate, f.arity});
  for (const auto& e : program.external) add_relation(query::PredicateId{e.name, e.arity});

  std::vector<std::vector<const query::Rule*>> rules_of(graph.components.size());
  for (const auto& r : program.rules) {
    if (r.kind != query::RuleKind::Strict || r.is_fact()) continue;  // facts: for_each_fact
    rules_of[graph.component_of[graph.index.at(query::predicate_of(r.head))]].push_back(&r);
  }
  Env env = env_of(out, options);
  for (std::uint32_t c = 0; c < graph.components.size(); ++c) {
    if (rules_of[c].empty()) continue;
    Stratum s;
    s.recursive = graph.recursive(c);
    for (const auto m : graph.components[c]) s.relations.push_back(out.relation_of.at(graph.predicates[m]));
    if (s.recursive) {
      for (const auto i : s.relations) {
        auto& r = out.relations[i];
        r.delta = table_of(r.predicate, "__delta");
        r.fresh = table_of(r.predicate, "__new");
      }
    }
    for (const auto* r : rules_of[c]) {
      const auto& head = out.relations.at(out.relation_of.at(query::predicate_of(r->head)));
      const std::string comment = comment_of(env.place(r->location), r->text);
      if (!s.recursive) {
        s.first.push_back(Statement{comment, rule_insert(env, *r, -1, head, head.table, {head.table}), std::nullopt});
        continue;
      }
      s.first.push_back(
          Statement{comment, rule_insert(env, *r, -1, head, head.fresh, {head.table, head.fresh}), std::nullopt});
      for (std::size_t i = 0; i < r->body.size(); ++i) {
        const auto& l = r->body[i];
        if (l.kind != query::Literal::Kind::Atom || l.negated) continue;
        const auto p = query::predicate_of(l.atom);
        if (graph.component_of[graph.index.at(p)] != c) continue;
        const std::string variant =
            comment + "\n-- reading the delta of " + query::to_source(l.atom) + " (literal " + std::to_string(i + 1) + ")";
        s.rounds.push_back(Statement{variant,
                                     rule_insert(env, *r, static_cast<int>(i), head, head.fresh, {head.table, head.fresh}),
                                     out.relation_of.at(p)});
      }
    }
    out.strata.push_back(std::move(s));
  }
  return out;
}

void for_each_fact(const query::Program& program,
                   const std::function<void(const query::PredicateId&, const query::Value* values)>& visit) {
  std::vector<query::Value> values;
  auto visit_rule = [&](const query::Rule& r) {
    values.clear();
    for (const auto& t : r.head.args) {
      if (t.kind != query::Term::Kind::Constant)
        throw std::logic_error("sql: a fact with an argument that is not a constant: " + r.text);
      values.push_back(t.value);
    }
    visit(query::predicate_of(r.head), values.data());
  };
  for (const auto& r : query::builtin_facts(program)) visit_rule(r);
  for (const auto& r : program.rules)
    if (r.kind == query::RuleKind::Strict && r.is_fact()) visit_rule(r);
  for (const auto& f : program.facts)
    for (std::size_t row = 0; row < f.rows(); ++row) visit(query::PredicateId{f.predicate, f.arity}, f.values.data() + row * f.arity);
}

std::string compile_query(CompiledProgram& program, const query::Query& query, const Options& options) {
  Env env = env_of(program, options);
  Aliases aliases;
  const auto outside = detail::outside_aggregates(query.body, nullptr);
  Body b = detail::compile_body(env, aliases, query.body, -1, outside);
  const auto columns = query::answer_columns(query);
  std::string select;
  for (const auto& c : columns) select += (select.empty() ? "" : ", ") + b.vars.at(c) + " AS " + identifier(c);
  std::string sql = b.with + "SELECT DISTINCT " + (select.empty() ? std::string("true AS holds") : select);
  if (!b.from.empty()) sql += "\n" + b.from;
  const auto where = detail::where_clause(b.where);
  if (!where.empty()) sql += "\n" + where;
  if (!columns.empty()) {
    sql += "\nORDER BY ";
    for (std::size_t i = 1; i <= columns.size(); ++i) sql += (i > 1 ? ", " : "") + std::to_string(i);
  }
  return sql;
}

std::vector<std::string> advance_statements(const Relation& relation) {
  return {"INSERT INTO " + relation.table + " SELECT * FROM " + relation.fresh, "TRUNCATE " + relation.delta,
          "INSERT INTO " + relation.delta + " SELECT * FROM " + relation.fresh, "TRUNCATE " + relation.fresh};
}

}  // namespace writ::sql
