#include "body.hpp"

#include <stdexcept>

#include "query/analysis/variables.hpp"
#include "query/ast_text.hpp"
#include "values.hpp"

namespace writ::sql::detail {

using query::Literal;
using query::Term;

std::string Env::place(const query::Location& at) const {
  if (place_of) return place_of(at);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

namespace {

// `a op b` over values: `=` and `<>` as they are; the ordering operators through the
// schema's functions, which raise the type error of a date, duration or money compared
// with another kind or unit (runtime.cpp).
std::string comparison(Env& env, const std::string& a, query::CompareOp op, const std::string& b,
                       const query::Location& at) {
  const char* f = nullptr;
  switch (op) {
    case query::CompareOp::Eq: return a + " = " + b;
    case query::CompareOp::Ne: return a + " <> " + b;
    case query::CompareOp::Lt: f = "lt"; break;
    case query::CompareOp::Le: f = "le"; break;
    case query::CompareOp::Gt: f = "gt"; break;
    case query::CompareOp::Ge: f = "ge"; break;
  }
  const std::string place = env.place(at);
  if (env.sites) env.sites->push_back(Site{place, at});
  return env.schema + "." + f + "(" + a + ", " + b + ", " + string_literal(place) + ")";
}

bool bound(const Term& t, const std::map<std::string, std::string>& vars) {
  bool ok = true;
  query::for_each_variable(t, [&](const Term& v) { ok = ok && vars.count(v.name) > 0; });
  return ok;
}

bool is_free_variable(const Term& t, const std::map<std::string, std::string>& vars) {
  return t.kind == Term::Kind::Variable && !vars.count(t.name);
}

// The table of an atom's relation, or an empty relation of its arity when there is none.
std::string table_or_empty(Env& env, const query::Atom& atom, bool delta) {
  const auto p = query::predicate_of(atom);
  if (auto table = env.table(p, delta)) return *table;
  std::string columns;
  for (const auto& c : relation_columns(p.arity))
    columns += (columns.empty() ? "" : ", ") + (p.arity == 0 ? "true AS " + c : "NULL::" + env.schema + ".value AS " + c);
  return "(SELECT " + columns + " WHERE false)";
}

std::string quoted_variable(const std::string& name) { return identifier(name); }

// The conditions of `not atom`, its variables bound by `vars`: NOT EXISTS (...), after the
// arithmetic of its arguments is defined (undefined arithmetic in a negated atom drops the
// rule instance, as in a positive one).
std::vector<std::string> negation(Env& env, Aliases& aliases, const query::Atom& atom,
                                  const std::map<std::string, std::string>& vars) {
  const auto p = query::predicate_of(atom);
  const auto table = env.table(p, false);
  const std::string alias = aliases.take(p.name);
  std::vector<std::string> conditions, defined;
  for (std::size_t k = 0; k < atom.args.size(); ++k) {
    const auto& a = atom.args[k];
    if (a.kind == Term::Kind::Variable && query::is_anonymous_name(a.name)) continue;  // projected away
    const std::string e = expression(env, a, vars);
    if (may_be_null(a)) defined.push_back(e + " IS NOT NULL");
    conditions.push_back(alias + ".a" + std::to_string(k + 1) + " = " + e);
  }
  if (!table) return defined;  // no such relation: nothing to negate
  std::string out = "NOT EXISTS (SELECT FROM " + *table + " AS " + alias;
  for (std::size_t i = 0; i < conditions.size(); ++i) out += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  defined.push_back(out + ")");
  return defined;
}

// Compiles one layer after another; see body.hpp.
class BodyCompiler {
 public:
  BodyCompiler(Env& env, Aliases& aliases, const std::set<std::string>& outside)
      : env_(env), aliases_(aliases), outside_(outside) {}

  // `start`: a FROM item that comes first (an aggregate's domain), with the variables it
  // binds.
  Body compile(const std::vector<Literal>& body, int delta_literal, const std::string& start,
               const std::map<std::string, std::string>& start_vars) {
    vars_ = start_vars;
    from_ = start;
    std::vector<bool> done(body.size(), false);
    // Positive atoms first, the delta one leading: they bind every variable they name.
    std::vector<std::size_t> atoms;
    if (delta_literal >= 0) atoms.push_back(static_cast<std::size_t>(delta_literal));
    for (std::size_t i = 0; i < body.size(); ++i)
      if (body[i].kind == Literal::Kind::Atom && !body[i].negated && static_cast<int>(i) != delta_literal) atoms.push_back(i);
    for (const auto i : atoms) {
      add_atom(body[i].atom, static_cast<int>(i) == delta_literal);
      done[i] = true;
    }
    // Then everything else, as soon as its variables are bound; aggregates open a layer.
    for (;;) {
      bool progress = false;
      for (std::size_t i = 0; i < body.size(); ++i) {
        if (done[i] || body[i].kind == Literal::Kind::Aggregate) continue;
        if (add_test(body[i])) done[i] = progress = true;
      }
      for (auto it = late_.begin(); it != late_.end();) {
        if (!bound(*it->second, vars_)) {
          ++it;
          continue;
        }
        where_.push_back(it->first + " = " + expression(env_, *it->second, vars_));
        it = late_.erase(it);
        progress = true;
      }
      if (progress) continue;
      std::size_t pick = body.size();
      for (std::size_t i = 0; i < body.size() && pick == body.size(); ++i)
        if (!done[i] && body[i].kind == Literal::Kind::Aggregate && aggregate_ready(body[i])) pick = i;
      if (pick == body.size()) break;
      add_aggregate(body[pick]);
      done[pick] = true;
    }
    for (std::size_t i = 0; i < body.size(); ++i)
      if (!done[i]) throw std::logic_error("sql: cannot order the literal " + query::to_source(body[i]) + " (unsafe?)");
    if (!late_.empty()) throw std::logic_error("sql: an arithmetic argument whose variables are never bound");
    Body out;
    out.with = with_.empty() ? "" : "WITH " + with_ + "\n";
    out.from = from_.empty() ? "" : "FROM " + from_;
    out.where = where_;
    out.vars = vars_;
    return out;
  }

 private:
  void add_atom(const query::Atom& atom, bool delta) {
    const auto p = query::predicate_of(atom);
    const std::string alias = aliases_.take(p.name);
    std::vector<std::string> on;
    for (std::size_t k = 0; k < atom.args.size(); ++k) {
      const auto& a = atom.args[k];
      const std::string column = alias + ".a" + std::to_string(k + 1);
      switch (a.kind) {
        case Term::Kind::Constant: on.push_back(column + " = " + value_literal(a.value, env_.schema)); break;
        case Term::Kind::Variable:
          if (query::is_anonymous_name(a.name)) break;
          if (const auto it = vars_.find(a.name); it != vars_.end()) {
            on.push_back(column + " = " + it->second);
          } else {
            vars_[a.name] = column;
          }
          break;
        case Term::Kind::Arith: late_.emplace_back(column, &a); break;
      }
    }
    const std::string item = table_or_empty(env_, atom, delta) + " AS " + alias;
    if (from_.empty()) {
      from_ = item;
      for (auto& c : on) where_.push_back(std::move(c));
      return;
    }
    if (on.empty()) {
      from_ += "\n  CROSS JOIN " + item;
      return;
    }
    from_ += "\n  JOIN " + item + " ON ";
    for (std::size_t i = 0; i < on.size(); ++i) from_ += (i ? " AND " : "") + on[i];
  }

  // A comparison, an assignment or a negation, when its variables are bound.
  bool add_test(const Literal& l) {
    if (l.kind == Literal::Kind::Atom) {  // negated
      bool ready = true;
      query::for_each_variable(l.atom, [&](const Term& v) {
        ready = ready && (vars_.count(v.name) || query::is_anonymous_name(v.name));
      });
      if (!ready) return false;
      for (auto& c : negation(env_, aliases_, l.atom, vars_)) where_.push_back(std::move(c));
      return true;
    }
    if (l.op == query::CompareOp::Eq && is_free_variable(l.lhs, vars_) && bound(l.rhs, vars_)) {
      assign(l.lhs.name, l.rhs);
      return true;
    }
    if (l.op == query::CompareOp::Eq && is_free_variable(l.rhs, vars_) && bound(l.lhs, vars_)) {
      assign(l.rhs.name, l.lhs);
      return true;
    }
    if (!bound(l.lhs, vars_) || !bound(l.rhs, vars_)) return false;
    where_.push_back(comparison(env_, expression(env_, l.lhs, vars_), l.op, expression(env_, l.rhs, vars_), l.location));
    return true;
  }

  // X = term, X bound nowhere else: X names the expression, which must be defined.
  void assign(const std::string& name, const Term& t) {
    const std::string e = expression(env_, t, vars_);
    if (may_be_null(t)) where_.push_back(e + " IS NOT NULL");
    vars_[name] = e;
  }

  // The variables of an aggregate's elements that the rest of the body binds.
  std::vector<std::string> inputs_of(const Literal& l) const {
    std::vector<std::string> names;
    auto add = [&](const Term& v) {
      if (outside_.count(v.name) && std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
    };
    for (const auto& e : l.elements) {
      for (const auto& t : e.terms) query::for_each_variable(t, add);
      for (const auto& c : e.condition) query::for_each_variable(c, add);
    }
    return names;
  }

  bool aggregate_ready(const Literal& l) const {
    for (const auto& name : inputs_of(l))
      if (!vars_.count(name)) return false;
    if (l.op == query::CompareOp::Eq && l.lhs.kind == Term::Kind::Variable) return true;
    return bound(l.lhs, vars_);
  }

  // Ends the current layer: a CTE of its bindings, which the next layer reads.
  std::string close_layer() {
    const std::string name = aliases_.take("body");
    std::string select;
    for (const auto& [var, e] : vars_) select += (select.empty() ? "" : ", ") + e + " AS " + quoted_variable(var);
    if (select.empty()) select = "true AS holds";
    std::string sql = "SELECT " + select;
    if (!from_.empty()) sql += "\n  FROM " + from_;
    const auto w = where_clause(where_);
    if (!w.empty()) sql += "\n  " + w;
    with_ += (with_.empty() ? "" : ",\n") + name + " AS (\n  " + sql + ")";
    for (auto& [var, e] : vars_) e = name + "." + quoted_variable(var);
    from_ = name;
    where_.clear();
    return name;
  }

  void add_aggregate(const Literal& l) {
    const std::string layer = close_layer();
    const auto inputs = inputs_of(l);
    // The set of element tuples per value of the inputs: each element joined with the
    // distinct inputs (the domain), then UNION of the elements.
    std::size_t width = 0;
    for (const auto& e : l.elements) width = std::max(width, e.terms.size());
    std::string tuples;
    for (const auto& e : l.elements) {
      const std::string domain = aliases_.take("domain");
      std::string domain_select;
      std::map<std::string, std::string> domain_vars;
      for (const auto& name : inputs) {
        domain_select += (domain_select.empty() ? "" : ", ") + vars_.at(name) + " AS " + quoted_variable(name);
        domain_vars[name] = domain + "." + quoted_variable(name);
      }
      if (domain_select.empty()) domain_select = "true AS holds";
      const std::string start = "(SELECT DISTINCT " + domain_select + " FROM " + layer + ") AS " + domain;
      BodyCompiler element(env_, aliases_, outside_);
      Body b = element.compile(e.condition, -1, start, domain_vars);
      std::string select;
      for (const auto& name : inputs) select += b.vars.at(name) + " AS " + quoted_variable(name) + ", ";
      // Tuples of different lengths are different: the length is part of the tuple.
      select += std::to_string(e.terms.size()) + " AS n";
      for (std::size_t k = 0; k < width; ++k) {
        const std::string column = "t" + std::to_string(k + 1);
        if (k < e.terms.size()) {
          const auto& t = e.terms[k];
          const std::string expr = expression(env_, t, b.vars);
          if (may_be_null(t)) b.where.push_back(expr + " IS NOT NULL");
          select += ", " + expr + " AS " + column;
        } else {
          select += ", NULL::" + env_.schema + ".value AS " + column;
        }
      }
      std::string sql = b.with + "SELECT DISTINCT " + select + "\n    " + b.from;
      const auto w = where_clause(b.where);
      if (!w.empty()) sql += "\n    " + w;
      tuples += (tuples.empty() ? "" : "\n    UNION\n    ") + std::string("(") + sql + ")";
    }
    std::string value;
    switch (l.function) {
      case query::AggregateFunction::Count: value = env_.schema + ".num(count(*))"; break;
      case query::AggregateFunction::Sum: {
        // Integers (the common case) by SQL's sum; dates, durations and money by @.sum_of.
        const std::string place = string_literal(env_.place(l.location));
        if (env_.sites) env_.sites->push_back(Site{env_.place(l.location), l.location});
        const std::string& s = env_.schema;
        value = "CASE WHEN bool_or(" + s + ".is_quantity(e.t1)) THEN " + s + ".sum_of(array_agg(e.t1), " + place +
                ") ELSE " + s + ".sum_checked(sum(" + s + ".num_of(e.t1)), " + place + ") END";
        break;
      }
      case query::AggregateFunction::Min: value = "min(e.t1)"; break;
      case query::AggregateFunction::Max: value = "max(e.t1)"; break;
    }
    if (width == 0 && l.function != query::AggregateFunction::Count) value = "NULL::" + env_.schema + ".value";
    const char* name = "count";
    switch (l.function) {
      case query::AggregateFunction::Count: name = "count"; break;
      case query::AggregateFunction::Sum: name = "sum"; break;
      case query::AggregateFunction::Min: name = "min"; break;
      case query::AggregateFunction::Max: name = "max"; break;
    }
    const std::string aggregate = aliases_.take(name);
    std::string group;
    for (const auto& n : inputs) group += (group.empty() ? "" : ", ") + std::string("e.") + quoted_variable(n);
    std::string sql = "SELECT " + (group.empty() ? "" : group + ", ") + value + " AS value\n  FROM (\n    " + tuples + ") AS e";
    if (!group.empty()) sql += "\n  GROUP BY " + group;
    with_ += ",\n" + aggregate + " AS (\n  " + sql + ")";
    if (inputs.empty()) {
      from_ += "\n  CROSS JOIN " + aggregate;
    } else {
      from_ += "\n  LEFT JOIN " + aggregate + " ON ";
      for (std::size_t i = 0; i < inputs.size(); ++i)
        from_ += (i ? " AND " : "") + aggregate + "." + quoted_variable(inputs[i]) + " = " + vars_.at(inputs[i]);
    }
    // #count and #sum of nothing are 0; #min and #max of nothing are #sup and #inf (NULL).
    const bool infinite_possible = l.function == query::AggregateFunction::Min || l.function == query::AggregateFunction::Max;
    const std::string result = infinite_possible ? aggregate + ".value"
                                                 : "COALESCE(" + aggregate + ".value, " + env_.schema + ".num(0))";
    if (l.op == query::CompareOp::Eq && is_free_variable(l.lhs, vars_)) {
      // N = #f{...}: binds N; #sup and #inf are no values, so they bind nothing.
      if (infinite_possible) where_.push_back(result + " IS NOT NULL");
      vars_[l.lhs.name] = result;
      return;
    }
    const std::string bound_value = expression(env_, l.lhs, vars_);
    const std::string compared = comparison(env_, bound_value, l.op, result, l.location);
    if (!infinite_possible) {
      where_.push_back(compared);
      return;
    }
    // `bound op #sup` holds for <, <=, !=; `bound op #inf` for >, >=, !=.
    const bool is_min = l.function == query::AggregateFunction::Min;
    const bool below = l.op == query::CompareOp::Lt || l.op == query::CompareOp::Le || l.op == query::CompareOp::Ne;
    const bool above = l.op == query::CompareOp::Gt || l.op == query::CompareOp::Ge || l.op == query::CompareOp::Ne;
    const bool when_empty = is_min ? below : above;
    if (may_be_null(l.lhs)) where_.push_back(bound_value + " IS NOT NULL");
    where_.push_back("CASE WHEN " + result + " IS NULL THEN " + (when_empty ? "true" : "false") + " ELSE " + compared +
                     " END");
  }

  Env& env_;
  Aliases& aliases_;
  const std::set<std::string>& outside_;
  std::map<std::string, std::string> vars_;
  std::string with_;
  std::string from_;
  std::vector<std::string> where_;
  // Arithmetic arguments of positive atoms (`p(X + 1)`): checked once their variables are
  // bound, as `column = expression`.
  std::vector<std::pair<std::string, const Term*>> late_;
};

}  // namespace

std::string where_clause(const std::vector<std::string>& conditions) {
  std::string out;
  for (std::size_t i = 0; i < conditions.size(); ++i) out += (i == 0 ? "WHERE " : "\n  AND ") + conditions[i];
  return out;
}

bool may_be_null(const Term& term) { return term.kind == Term::Kind::Arith; }

std::string expression(Env& env, const Term& term, const std::map<std::string, std::string>& vars) {
  switch (term.kind) {
    case Term::Kind::Constant: return value_literal(term.value, env.schema);
    case Term::Kind::Variable: {
      const auto it = vars.find(term.name);
      if (it == vars.end()) throw std::logic_error("sql: the variable " + term.name + " is not bound");
      return it->second;
    }
    case Term::Kind::Arith: break;
  }
  const std::string place = env.place(term.location);
  if (env.sites) env.sites->push_back(Site{place, term.location});
  const char* f = "plus";
  switch (term.op) {
    case query::ArithOp::Add: f = "plus"; break;
    case query::ArithOp::Sub: f = "minus"; break;
    case query::ArithOp::Mul: f = "times"; break;
    case query::ArithOp::Div: f = "div"; break;
    case query::ArithOp::Mod: f = "mod"; break;
    case query::ArithOp::Neg: f = "negate"; break;
  }
  std::string out = env.schema + "." + f + "(";
  for (const auto& o : term.operands) out += expression(env, o, vars) + ", ";
  return out + string_literal(place) + ")";
}

std::set<std::string> outside_aggregates(const std::vector<Literal>& body, const query::Atom* head) {
  std::set<std::string> names;
  auto add = [&](const Term& v) { names.insert(v.name); };
  if (head) query::for_each_variable(*head, add);
  for (const auto& l : body) {
    if (l.kind == Literal::Kind::Aggregate) {
      query::for_each_variable(l.lhs, add);
    } else {
      query::for_each_variable(l, add);
    }
  }
  return names;
}

Body compile_body(Env& env, Aliases& aliases, const std::vector<Literal>& body, int delta_literal,
                  const std::set<std::string>& outside) {
  BodyCompiler compiler(env, aliases, outside);
  return compiler.compile(body, delta_literal, "", {});
}

}  // namespace writ::sql::detail
