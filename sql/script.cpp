#include "script.hpp"

#include <map>
#include <set>

#include "query/analysis/variables.hpp"
#include "names.hpp"
#include "runtime.hpp"
#include "values.hpp"

namespace writ::sql {

namespace {

// Facts go in INSERTs of this many rows.
constexpr std::size_t rows_per_insert = 500;

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
  return out;
}

std::string indented(const std::string& text, const std::string& indent) {
  std::string out = indent;
  for (const char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

// A dollar quote tag that `body` does not contain.
std::string dollar_tag(const std::string& body) {
  for (int n = 0;; ++n) {
    const std::string tag = "$rounds" + (n ? std::to_string(n) : std::string()) + "$";
    if (body.find(tag) == std::string::npos) return tag;
  }
}

std::string recursive_block(const CompiledProgram& program, const Stratum& s) {
  std::string body;
  body += "DECLARE\n";
  for (std::size_t k = 0; k < s.relations.size(); ++k) body += "  added_" + std::to_string(k + 1) + " bigint;\n";
  body += "BEGIN\n";
  for (const auto& st : s.first) body += indented(st.comment + "\n" + st.sql + ";", "  ") + "\n";
  body += "  LOOP\n";
  body += "    -- The new rows join their relations and are the next round's deltas.\n";
  for (std::size_t k = 0; k < s.relations.size(); ++k) {
    const auto& r = program.relations[s.relations[k]];
    const auto steps = advance_statements(r);
    body += "    " + steps[0] + ";\n";
    body += "    GET DIAGNOSTICS added_" + std::to_string(k + 1) + " = ROW_COUNT;\n";
    for (std::size_t i = 1; i < steps.size(); ++i) body += "    " + steps[i] + ";\n";
    body += "    ANALYZE " + r.delta + ";\n";
  }
  body += "    EXIT WHEN ";
  for (std::size_t k = 0; k < s.relations.size(); ++k) body += (k ? " + " : "") + std::string("added_") + std::to_string(k + 1);
  body += " = 0;\n";
  for (const auto& st : s.rounds) {
    std::size_t k = 0;
    while (k < s.relations.size() && s.relations[k] != *st.reads_delta) ++k;
    body += "    IF added_" + std::to_string(k + 1) + " > 0 THEN\n";
    body += indented(st.comment + "\n" + st.sql + ";", "      ") + "\n";
    body += "    END IF;\n";
  }
  body += "  END LOOP;\n";
  body += "END ";
  const auto tag = dollar_tag(body);
  return "DO " + tag + "\n" + body + tag;
}

}  // namespace

std::vector<std::string> table_statements(const CompiledProgram& program) {
  std::vector<std::string> out;
  for (const auto& r : program.relations) {
    std::string columns;
    for (const auto& c : r.columns)
      columns += (columns.empty() ? "" : ", ") + c + (r.predicate.arity == 0 ? " boolean NOT NULL" : " " + program.schema + ".value NOT NULL");
    out.push_back("CREATE TABLE " + r.table + " (" + columns + ")");
    if (r.delta.empty()) continue;
    out.push_back("CREATE UNLOGGED TABLE " + r.delta + " (LIKE " + r.table + ")");
    out.push_back("CREATE UNLOGGED TABLE " + r.fresh + " (LIKE " + r.table + ")");
  }
  return out;
}

std::string script(const query::Program& program, const ScriptOptions& options) {
  CompiledProgram compiled = compile_program(program, options.options);
  std::string out = "-- The program";
  for (const auto& f : options.inputs) out += " " + f;
  out += ", compiled to SQL by writ.\n"
         "-- Run it with: psql -v ON_ERROR_STOP=1 -f FILE (PostgreSQL 12 or later). It creates the schema " +
         compiled.schema +
         ",\n"
         "-- evaluates the program there and shows the answers to its queries; an error undoes it all.\n"
         "BEGIN;\n\nCREATE SCHEMA " +
         compiled.schema + ";\n\n-- Values and the functions over them (integers < symbols < strings).\n";
  for (const auto& s : runtime_statements(compiled.schema)) out += s + ";\n";

  out += "\n-- One table per relation; the work tables of the recursive ones.\n";
  for (const auto& s : table_statements(compiled)) out += s + ";\n";

  // Facts, each relation's once (the program may state one twice), in the order written.
  std::map<std::size_t, std::vector<std::string>> rows;
  std::map<std::size_t, std::set<std::vector<std::string>>> seen;
  for_each_fact(program, [&](const query::PredicateId& p, const query::Value* values) {
    const auto r = compiled.relation_of.at(p);
    std::vector<std::string> key;
    std::string row;
    for (std::uint32_t i = 0; i < p.arity; ++i) {
      key.push_back(encode(values[i]));
      row += (i ? ", " : "") + value_literal(values[i], compiled.schema);
    }
    if (!seen[r].insert(key).second) return;
    rows[r].push_back(p.arity == 0 ? "(true)" : "(" + row + ")");
  });
  if (!rows.empty()) out += "\n-- Facts.\n";
  for (const auto& [r, values] : rows) {
    const auto& relation = compiled.relations[r];
    for (std::size_t first = 0; first < values.size(); first += rows_per_insert) {
      out += "INSERT INTO " + relation.table + " (" + column_list(relation.columns) + ") VALUES\n";
      const auto last = std::min(values.size(), first + rows_per_insert);
      for (std::size_t i = first; i < last; ++i) out += "  " + values[i] + (i + 1 < last ? ",\n" : ";\n");
    }
  }
  for (const auto& relation : compiled.relations) out += "ANALYZE " + relation.table + ";\n";

  out += "\n-- Evaluation, component by component of the predicate dependency graph.\n";
  std::size_t number = 0;
  for (const auto& s : compiled.strata) {
    std::string names;
    for (const auto r : s.relations) names += (names.empty() ? "" : ", ") + compiled.relations[r].predicate.to_string();
    out += "\n-- " + std::to_string(++number) + ". " + names +
           (s.recursive ? ": recursive, in rounds until one adds nothing\n" : "\n");
    if (!s.recursive) {
      for (const auto& st : s.first) out += st.comment + "\n" + st.sql + ";\n";
      continue;
    }
    out += recursive_block(compiled, s) + ";\n";
  }
  std::string drops;
  for (const auto& r : compiled.relations)
    if (!r.delta.empty()) drops += (drops.empty() ? "" : ", ") + r.delta + ", " + r.fresh;
  if (!drops.empty()) out += "DROP TABLE " + drops + ";\n";

  if (!program.queries.empty()) out += "\n-- Queries.\n";
  for (const auto& q : program.queries) {
    const auto columns = query::answer_columns(q);
    const std::string answers = compile_query(compiled, q, options.options);
    out += "-- ?- " + q.text + ".\n";
    if (columns.empty()) {
      out += "SELECT EXISTS (\n" + indented(answers, "  ") + ") AS holds;\n";
      continue;
    }
    std::string shown, order;
    for (const auto& c : columns) {
      shown += (shown.empty() ? "" : ", ") + compiled.schema + ".show(q." + identifier(c) + ") AS " + identifier(c);
      order += (order.empty() ? "" : ", ") + std::string("q.") + identifier(c);
    }
    out += "SELECT " + shown + "\nFROM (\n" + indented(answers, "  ") + ") AS q\nORDER BY " + order + ";\n";
  }
  out += "\nCOMMIT;\n";
  return out;
}

}  // namespace writ::sql
