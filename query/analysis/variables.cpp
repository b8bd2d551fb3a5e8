#include "variables.hpp"

#include <algorithm>

#include "predicate.hpp"

namespace writ::query {

void for_each_variable(const Term& t, const std::function<void(const Term&)>& f) {
  if (t.kind == Term::Kind::Variable) {
    f(t);
  } else if (t.kind == Term::Kind::Arith) {
    for (const auto& o : t.operands) for_each_variable(o, f);
  }
}

void for_each_variable(const Atom& a, const std::function<void(const Term&)>& f) {
  for (const auto& t : a.args) for_each_variable(t, f);
}

void for_each_variable(const Literal& l, const std::function<void(const Term&)>& f) {
  switch (l.kind) {
    case Literal::Kind::Atom: for_each_variable(l.atom, f); break;
    case Literal::Kind::Comparison:
      for_each_variable(l.lhs, f);
      for_each_variable(l.rhs, f);
      break;
    case Literal::Kind::Aggregate:
      for_each_variable(l.lhs, f);
      for (const auto& e : l.elements) {
        for (const auto& t : e.terms) for_each_variable(t, f);
        for (const auto& c : e.condition) for_each_variable(c, f);
      }
      break;
  }
}

std::vector<std::string> variables_of(const std::vector<Literal>& body) {
  std::vector<std::string> names;
  for (const auto& l : body) {
    for_each_variable(l, [&](const Term& v) {
      if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
    });
  }
  return names;
}

std::vector<std::string> answer_columns(const Query& query) {
  std::vector<std::string> names;
  auto add = [&](const Term& v) {
    if (v.name.empty() || v.name[0] == '_') return;
    if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
  };
  for (const auto& l : query.body) {
    if (l.kind == Literal::Kind::Aggregate) {
      for_each_variable(l.lhs, add);
    } else {
      for_each_variable(l, add);
    }
  }
  return names;
}

namespace {

struct Renamer {
  int counter = 0;
  void term(Term& t) {
    if (t.kind == Term::Kind::Variable && t.name == "_") {
      t.name = "_#" + std::to_string(++counter);
    } else if (t.kind == Term::Kind::Arith) {
      for (auto& o : t.operands) term(o);
    }
  }
  void atom(Atom& a) {
    for (auto& t : a.args) term(t);
  }
  void literal(Literal& l) {
    atom(l.atom);
    term(l.lhs);
    term(l.rhs);
    for (auto& e : l.elements) {
      for (auto& t : e.terms) term(t);
      for (auto& c : e.condition) literal(c);
    }
  }
  void body(std::vector<Literal>& b) {
    for (auto& l : b) literal(l);
  }
};

}  // namespace

void name_anonymous_variables(Program& program) {
  for (auto& r : program.rules) name_anonymous_variables(r);
  for (auto& q : program.queries) name_anonymous_variables(q);
}

void name_anonymous_variables(Rule& rule) {
  Renamer n;
  n.atom(rule.head);
  n.body(rule.body);
}

void name_anonymous_variables(Query& query) {
  Renamer n;
  n.body(query.body);
}

}  // namespace writ::query
