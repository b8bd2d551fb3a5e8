#include "ast_text.hpp"

#include "analysis/predicate.hpp"

namespace writ::query {

namespace {

std::string operand(const Term& t) {
  return t.kind == Term::Kind::Arith && t.op != ArithOp::Neg ? "(" + to_source(t) + ")" : to_source(t);
}

}  // namespace

std::string to_source(const Term& t) {
  switch (t.kind) {
    case Term::Kind::Variable: return display_name(t.name);
    case Term::Kind::Constant: return to_source(t.value);
    case Term::Kind::Arith: break;
  }
  if (t.op == ArithOp::Neg || t.operands.size() < 2) return "-" + (t.operands.empty() ? std::string() : operand(t.operands[0]));
  const char* op = " + ";
  switch (t.op) {
    case ArithOp::Add: op = " + "; break;
    case ArithOp::Sub: op = " - "; break;
    case ArithOp::Mul: op = " * "; break;
    case ArithOp::Div: op = " / "; break;
    case ArithOp::Mod: op = " \\ "; break;
    case ArithOp::Neg: break;
  }
  return operand(t.operands[0]) + op + operand(t.operands[1]);
}

std::string to_source(const Atom& a) {
  std::string out = (a.strong_negation ? "-" : "") + a.predicate;
  if (a.args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < a.args.size(); ++i) out += (i ? ", " : "") + to_source(a.args[i]);
  return out + ')';
}

std::string to_source(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "=";
}

std::string to_source(const Literal& l) {
  switch (l.kind) {
    case Literal::Kind::Atom: {
      const char* test = "";
      switch (l.status) {
        case StatusTest::None: break;
        case StatusTest::Established: test = "established "; break;
        case StatusTest::Accepted: test = "accepted "; break;
        case StatusTest::Contested: test = "contested "; break;
        case StatusTest::Rejected: test = "rejected "; break;
        case StatusTest::Does: test = "does "; break;
        case StatusTest::Could: test = "could "; break;
      }
      return (l.negated ? "not " : "") + (test + to_source(l.atom));
    }
    case Literal::Kind::Comparison: return to_source(l.lhs) + " " + to_source(l.op) + " " + to_source(l.rhs);
    case Literal::Kind::Aggregate: break;
  }
  const char* f = "#count";
  switch (l.function) {
    case AggregateFunction::Count: f = "#count"; break;
    case AggregateFunction::Sum: f = "#sum"; break;
    case AggregateFunction::Min: f = "#min"; break;
    case AggregateFunction::Max: f = "#max"; break;
  }
  std::string out = to_source(l.lhs) + " " + to_source(l.op) + " " + f + "{ ";
  for (std::size_t e = 0; e < l.elements.size(); ++e) {
    out += e ? "; " : "";
    const auto& element = l.elements[e];
    for (std::size_t i = 0; i < element.terms.size(); ++i) out += (i ? ", " : "") + to_source(element.terms[i]);
    if (!element.condition.empty()) out += " :";
    for (std::size_t i = 0; i < element.condition.size(); ++i) out += (i ? ", " : " ") + to_source(element.condition[i]);
  }
  return out + " }";
}

}  // namespace writ::query
