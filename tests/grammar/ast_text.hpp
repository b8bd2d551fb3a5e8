// Compact, unambiguous text for query's AST nodes, so tests can state a whole tree in one
// string: integers as digits, symbols bare, strings quoted (contents raw), dates as
// `date 2026-03-01`, durations and money as their representation (`duration 18 mo`,
// `money 1250 USD`), every
// arithmetic node parenthesised, unary minus as -(x); a rule's kind, label, claimant and
// citation with full_text_of.
#pragma once

#include <string>

#include "query/ast.hpp"

namespace writ::grammar::test {

inline std::string text_of(const query::Term& t) {
  switch (t.kind) {
    case query::Term::Kind::Variable: return t.name;
    case query::Term::Kind::Constant:
      switch (t.value.kind) {
        case query::ValueKind::Integer: return std::to_string(t.value.integer);
        case query::ValueKind::Symbol: return t.value.text;
        case query::ValueKind::String: return "\"" + t.value.text + "\"";
        case query::ValueKind::Date: return "date " + query::to_source(t.value);
        case query::ValueKind::Duration:
        case query::ValueKind::Money:
          return (t.value.kind == query::ValueKind::Duration ? "duration " : "money ") + std::to_string(t.value.integer) +
                 " " + t.value.text;
      }
      return "?";
    case query::Term::Kind::Arith: break;
  }
  if (t.op == query::ArithOp::Neg) return "-(" + text_of(t.operands.at(0)) + ")";
  const char* op = "?";
  switch (t.op) {
    case query::ArithOp::Add: op = " + "; break;
    case query::ArithOp::Sub: op = " - "; break;
    case query::ArithOp::Mul: op = " * "; break;
    case query::ArithOp::Div: op = " / "; break;
    case query::ArithOp::Mod: op = " \\ "; break;
    case query::ArithOp::Neg: break;
  }
  return "(" + text_of(t.operands.at(0)) + op + text_of(t.operands.at(1)) + ")";
}

inline std::string text_of(const query::Atom& a) {
  std::string s = (a.strong_negation ? "-" : "") + a.predicate;
  if (a.args.empty()) return s;
  s += "(";
  for (std::size_t i = 0; i < a.args.size(); ++i) s += (i ? ", " : "") + text_of(a.args[i]);
  return s + ")";
}

inline const char* text_of(query::CompareOp op) {
  switch (op) {
    case query::CompareOp::Eq: return "=";
    case query::CompareOp::Ne: return "!=";
    case query::CompareOp::Lt: return "<";
    case query::CompareOp::Le: return "<=";
    case query::CompareOp::Gt: return ">";
    case query::CompareOp::Ge: return ">=";
  }
  return "?";
}

inline std::string text_of(const query::Literal& l) {
  switch (l.kind) {
    case query::Literal::Kind::Atom: return (l.negated ? "not " : "") + text_of(l.atom);
    case query::Literal::Kind::Comparison:
      return text_of(l.lhs) + " " + text_of(l.op) + " " + text_of(l.rhs);
    case query::Literal::Kind::Aggregate: break;
  }
  const char* f = "?";
  switch (l.function) {
    case query::AggregateFunction::Count: f = "#count"; break;
    case query::AggregateFunction::Sum: f = "#sum"; break;
    case query::AggregateFunction::Min: f = "#min"; break;
    case query::AggregateFunction::Max: f = "#max"; break;
  }
  std::string s = text_of(l.lhs) + " " + text_of(l.op) + " " + f + "{";
  for (std::size_t e = 0; e < l.elements.size(); ++e) {
    s += e ? "; " : "";
    const auto& element = l.elements[e];
    for (std::size_t i = 0; i < element.terms.size(); ++i)
      s += (i ? ", " : "") + text_of(element.terms[i]);
    if (!element.condition.empty()) {
      s += " : ";
      for (std::size_t i = 0; i < element.condition.size(); ++i)
        s += (i ? ", " : "") + text_of(element.condition[i]);
    }
  }
  return s + "}";
}

// `head :- body`, with `:~` for defeasible rules and defeaters.
inline std::string text_of(const query::Rule& r) {
  const bool defeasible =
      r.kind == query::RuleKind::Defeasible || r.kind == query::RuleKind::Defeater;
  std::string s = text_of(r.head);
  for (std::size_t i = 0; i < r.body.size(); ++i)
    s += (i ? ", " : defeasible ? " :~ " : " :- ") + text_of(r.body[i]);
  return s;
}

inline const char* text_of(query::RuleKind kind) {
  switch (kind) {
    case query::RuleKind::Strict: return "Strict";
    case query::RuleKind::Defeasible: return "Defeasible";
    case query::RuleKind::Defeater: return "Defeater";
    case query::RuleKind::Claim: return "Claim";
  }
  return "?";
}

// Every field of a rule but its text and locations:
// `label: Kind[claimant denial] head :- body @source "quote"`.
inline std::string full_text_of(const query::Rule& r) {
  std::string s = r.label ? *r.label + ": " : "";
  s += text_of(r.kind);
  if (!r.claimant.empty() || r.denial)
    s += "[" + r.claimant + (r.denial ? " denial" : "") + "]";
  s += " " + text_of(r);
  if (r.citation) {
    s += " @" + r.citation->source;
    if (!r.citation->quote.empty()) s += " \"" + r.citation->quote + "\"";
  }
  return s;
}

// `?- [party] could body` (the modality and the party only when set).
inline std::string text_of(const query::Query& q) {
  std::string s = "?- ";
  if (!q.perspective.empty()) s += "[" + q.perspective + "] ";
  if (q.modality == query::Modality::Could) s += "could ";
  if (q.modality == query::Modality::Does) s += "does ";
  for (std::size_t i = 0; i < q.body.size(); ++i) s += (i ? ", " : "") + text_of(q.body[i]);
  return s;
}

}  // namespace writ::grammar::test
