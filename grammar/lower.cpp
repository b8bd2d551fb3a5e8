#include "grammar/lower.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "grammar/blank.hpp"
#include "grammar/parse.hpp"
#include "grammar/utf8.hpp"
#include "query/arithmetic.hpp"
#include "query/literals.hpp"

namespace writ::grammar {

namespace {

using query::CompareOp;
using query::Term;

// `#count{...} > 3` means `3 < #count{...}`.
CompareOp mirrored(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    case CompareOp::Eq:
    case CompareOp::Ne: break;
  }
  return op;
}

query::ArithOp arith_op(char op) {
  switch (op) {
    case '+': return query::ArithOp::Add;
    case '-': return query::ArithOp::Sub;
    case '*': return query::ArithOp::Mul;
    case '/': return query::ArithOp::Div;
    default: return query::ArithOp::Mod;  // '\'
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

const std::string& nesting_message() {
  static const std::string message =
      "nesting deeper than " + std::to_string(max_nesting_depth) + " levels";
  return message;
}

}  // namespace

std::size_t Lowering::start(const boost::spirit::x3::position_tagged& node) const {
  // X3 hands on_success the position after skipping, but trim again to be sure that a
  // location never points at a blank.
  const char* base = text_.data();
  const char* first = base + node.id_first;
  const char* last = base + std::max(node.id_first, node.id_last);
  return static_cast<std::size_t>(skip_blank(first, last) - base);
}

query::Location Lowering::locate(const boost::spirit::x3::position_tagged& node) const {
  return locate(start(node), static_cast<std::size_t>(std::max(node.id_first, node.id_last)));
}

query::Location Lowering::locate(std::size_t first, std::size_t last) const {
  return lines_.locate(first, last > first ? last - first : 0);
}

void Lowering::error(std::size_t offset, std::size_t length, std::string message) {
  errors_.push_back(query::make_error(lines_.locate(offset, length), std::move(message)));
}

// ---- terms ----

bool Lowering::integer(const syntax::Leaf& in, bool negated, Term& out) {
  // Negated, the magnitude may be 2^63: `-9223372036854775808` is the minimum.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negated ? 1 : 0);
  std::uint64_t value = 0;
  for (char c : in.text) {
    if (c == '_') continue;
    const auto d = static_cast<std::uint64_t>(c - '0');
    if (value > (limit - d) / 10) {
      error(start(in), in.text.size(), "integer literal out of range (64-bit signed)");
      return false;
    }
    value = value * 10 + d;
  }
  std::int64_t v = 0;
  if (negated) {
    v = value == limit ? std::numeric_limits<std::int64_t>::min()
                       : -static_cast<std::int64_t>(value);
  } else {
    v = static_cast<std::int64_t>(value);
  }
  out = Term::constant(query::Value::make_integer(v), locate(in));
  return true;
}

bool Lowering::string(const syntax::Leaf& in, Term& out) {
  const std::string_view raw = in.text;  // with its quotes
  const std::size_t base = start(in);
  std::string decoded;
  decoded.reserve(raw.size());
  for (std::size_t i = 1; i + 1 < raw.size();) {
    const char c = raw[i];
    if (c == '\\') {
      const char e = raw[i + 1];  // the grammar guarantees a character after '\'
      switch (e) {
        case '"': decoded += '"'; i += 2; continue;
        case '\\': decoded += '\\'; i += 2; continue;
        case 'n': decoded += '\n'; i += 2; continue;
        case 't': decoded += '\t'; i += 2; continue;
        case 'r': decoded += '\r'; i += 2; continue;
        case 'u': break;
        default: {
          std::string message = "unknown escape sequence";
          if (e >= 0x20 && e < 0x7F) message += std::string(" '\\") + e + "'";
          error(base + i, 2, message + " in string (use \\\" \\\\ \\n \\t \\r or \\uXXXX)");
          return false;
        }
      }
      std::uint32_t cp = 0;
      for (std::size_t k = 2; k < 6; ++k) {
        const int h = i + k + 1 < raw.size() ? hex_value(raw[i + k]) : -1;
        if (h < 0) {
          error(base + i, 2, "'\\u' needs 4 hexadecimal digits");
          return false;
        }
        cp = cp * 16 + static_cast<std::uint32_t>(h);
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        error(base + i, 6,
              "'\\u" + std::string(raw.substr(i + 2, 4)) +
                  "' is a UTF-16 surrogate, not a character");
        return false;
      }
      if (cp == 0) {
        error(base + i, 6, "NUL character in string");
        return false;
      }
      append_utf8(decoded, cp);
      i += 6;
      continue;
    }
    if (c == '\0') {
      error(base + i, 1, "NUL character in string");
      return false;
    }
    const std::size_t n = utf8_sequence(raw.substr(0, raw.size() - 1), i);
    if (n == 0) {
      error(base + i, 1, "invalid UTF-8 in string");
      return false;
    }
    decoded.append(raw.substr(i, n));
    i += n;
  }
  out = Term::constant(query::Value::make_string(std::move(decoded)), locate(in));
  return true;
}

bool Lowering::fact_values(const syntax::PlainFact& in, std::vector<query::Value>& out) {
  Term t;
  for (const auto& a : in.args) {
    if (!leaf(a.value, a.negative, t)) return false;
    out.push_back(std::move(t.value));
  }
  return true;
}

bool Lowering::quantity(const syntax::Leaf& in, bool negated, Term& out) {
  query::ParsedLiteral parsed;
  switch (in.kind) {
    case syntax::LeafKind::Date: parsed = query::parse_date(in.text); break;
    case syntax::LeafKind::Duration: parsed = query::parse_duration(in.text); break;
    default: parsed = query::parse_money(in.text); break;
  }
  if (!parsed.value) {
    error(start(in) + parsed.offset, std::max<std::size_t>(parsed.length, 1), std::move(parsed.message));
    return false;
  }
  if (negated) {
    auto r = query::apply(query::ArithOp::Neg, *parsed.value, {});
    if (r.outcome != query::ArithmeticResult::Outcome::Value) {
      error(start(in), in.text.size(), std::move(r.message));
      return false;
    }
    parsed.value = std::move(r.value);
  }
  out = Term::constant(std::move(*parsed.value), locate(in));
  return true;
}

bool Lowering::leaf(const syntax::Leaf& in, bool negated, Term& out) {
  switch (in.kind) {
    case syntax::LeafKind::Integer: return integer(in, negated, out);
    case syntax::LeafKind::String: return string(in, out);
    case syntax::LeafKind::Symbol:
      out = Term::constant(query::Value::make_symbol(in.text), locate(in));
      return true;
    case syntax::LeafKind::Variable:
      out = Term::variable(in.text, locate(in));
      return true;
    case syntax::LeafKind::Date:
    case syntax::LeafKind::Duration:
    case syntax::LeafKind::Money: return quantity(in, negated, out);
  }
  return false;
}

bool Lowering::operand(const syntax::Operand& in, Term& out, std::size_t& depth) {
  if (const auto* l = boost::get<syntax::Leaf>(&in.get())) {
    depth = 1;
    return leaf(*l, false, out);
  }
  if (const auto* e = boost::get<boost::spirit::x3::forward_ast<syntax::Expression>>(&in.get()))
    return term(e->get(), out, depth);
  const syntax::Signed& s = boost::get<boost::spirit::x3::forward_ast<syntax::Signed>>(in.get()).get();
  // A minus sign on a literal is part of the constant (this is how the minimum integer
  // is written); on a constant computed so, it folds again: `- -5` is 5.
  if (const auto* l = boost::get<syntax::Leaf>(&s.operand.get());
      l != nullptr && l->kind == syntax::LeafKind::Integer) {
    depth = 1;
    if (!integer(*l, true, out)) return false;
    out.location = locate(s);
    return true;
  }
  Term inner;
  std::size_t inner_depth = 0;
  if (!operand(s.operand, inner, inner_depth)) return false;
  if (inner.kind == Term::Kind::Constant && inner.value.kind == query::ValueKind::Integer &&
      inner.value.integer != std::numeric_limits<std::int64_t>::min()) {
    depth = 1;
    out = Term::constant(query::Value::make_integer(-inner.value.integer), locate(s));
    return true;
  }
  // `-30d`, `-$5`: a negative duration or amount is a constant too (their amounts are never
  // the minimum, so negation cannot fail). `-2026-03-01` is left to the type check.
  if (inner.kind == Term::Kind::Constant &&
      (inner.value.kind == query::ValueKind::Duration || inner.value.kind == query::ValueKind::Money)) {
    depth = 1;
    inner.value.integer = -inner.value.integer;
    out = Term::constant(std::move(inner.value), locate(s));
    return true;
  }
  depth = inner_depth + 1;
  if (depth > max_nesting_depth) {
    error(start(s), 1, nesting_message());
    return false;
  }
  std::vector<Term> operands;
  operands.push_back(std::move(inner));
  out = Term::arith(query::ArithOp::Neg, std::move(operands), locate(s));
  return true;
}

const boost::spirit::x3::position_tagged& Lowering::node_of(const syntax::Operand& in) {
  if (const auto* l = boost::get<syntax::Leaf>(&in.get())) return *l;
  if (const auto* e = boost::get<boost::spirit::x3::forward_ast<syntax::Expression>>(&in.get()))
    return e->get();
  return boost::get<boost::spirit::x3::forward_ast<syntax::Signed>>(in.get()).get();
}

bool Lowering::combine(Part& left, char op, Part&& right) {
  const std::size_t depth = std::max(left.depth, right.depth) + 1;
  if (depth > max_nesting_depth) {
    error(right.op_offset, 1, nesting_message());
    return false;
  }
  std::vector<Term> operands;
  operands.reserve(2);
  operands.push_back(std::move(left.term));
  operands.push_back(std::move(right.term));
  left.term = Term::arith(arith_op(op), std::move(operands), locate(left.first, right.last));
  left.depth = depth;
  left.last = right.last;
  return true;
}

// The grammar reads `x1 op x2 op x3 ...` flat; precedence is applied here in one pass:
// products are folded as they come, and a sum is folded when the next + or - arrives.
// Both are left associative: a - b - c is (a - b) - c.
bool Lowering::term(const syntax::Expression& in, Term& out, std::size_t& depth) {
  auto part = [&](const syntax::Operand& operand_in, std::size_t op_offset, Part& p) {
    const auto& node = node_of(operand_in);
    p.first = start(node);
    p.last = static_cast<std::size_t>(std::max(node.id_first, node.id_last));
    p.op_offset = op_offset;
    return operand(operand_in, p.term, p.depth);
  };
  Part product;
  if (!part(in.first, 0, product)) return false;
  Part sum;
  bool have_sum = false;
  char sum_op = '+';
  for (const syntax::Operation& operation : in.rest) {
    Part right;
    if (!part(operation.operand, start(operation), right)) return false;
    if (operation.op == '*' || operation.op == '/' || operation.op == '\\') {
      if (!combine(product, operation.op, std::move(right))) return false;
      continue;
    }
    if (have_sum) {
      if (!combine(sum, sum_op, std::move(product))) return false;
    } else {
      sum = std::move(product);
      have_sum = true;
    }
    sum_op = operation.op;
    product = std::move(right);
  }
  if (have_sum) {
    if (!combine(sum, sum_op, std::move(product))) return false;
    product = std::move(sum);
  }
  out = std::move(product.term);
  depth = product.depth;
  return true;
}

// ---- atoms and literals ----

bool Lowering::atom(const syntax::Atom& in, query::Atom& out) {
  out.predicate = in.predicate;
  out.strong_negation = in.strong_negation;
  out.location = locate(in);
  out.args.resize(in.args.size());
  bool ok = true;
  for (std::size_t i = 0; i < in.args.size(); ++i) {
    std::size_t depth = 0;
    ok = term(in.args[i], out.args[i], depth) && ok;
  }
  return ok;
}

bool Lowering::atom_literal(const syntax::AtomLiteral& in, query::Literal& out) {
  out.kind = query::Literal::Kind::Atom;
  out.negated = in.negated;
  out.status = in.status;
  out.location = locate(in);
  return atom(in.atom, out.atom);
}

bool Lowering::aggregate(const syntax::Aggregate& in, query::Literal& out) {
  out.kind = query::Literal::Kind::Aggregate;
  out.function = in.function;
  bool ok = true;
  for (const syntax::AggregateElement& element : in.elements) {
    query::AggregateElement lowered;
    lowered.terms.resize(element.terms.size());
    for (std::size_t i = 0; i < element.terms.size(); ++i) {
      std::size_t depth = 0;
      ok = term(element.terms[i], lowered.terms[i], depth) && ok;
    }
    ok = condition(element.condition, lowered.condition) && ok;
    out.elements.push_back(std::move(lowered));
  }
  return ok;
}

bool Lowering::comparison(const syntax::Comparison& in, query::Literal& out) {
  out.location = locate(in);
  out.op = in.op;
  std::size_t depth = 0;
  bool ok = term(in.lhs, out.lhs, depth);
  if (const auto* rhs = boost::get<syntax::Expression>(&in.rhs.get())) {
    out.kind = query::Literal::Kind::Comparison;
    return term(*rhs, out.rhs, depth) && ok;
  }
  const auto& agg = boost::get<boost::spirit::x3::forward_ast<syntax::Aggregate>>(in.rhs.get());
  return aggregate(agg.get(), out) && ok;
}

bool Lowering::condition(const std::vector<syntax::ConditionLiteral>& in,
                         std::vector<query::Literal>& out) {
  bool ok = true;
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (const auto* a = boost::get<syntax::AtomLiteral>(&in[i].get())) {
      ok = atom_literal(*a, out[i]) && ok;
    } else {
      const auto& c = boost::get<boost::spirit::x3::forward_ast<syntax::Comparison>>(in[i].get());
      ok = comparison(c.get(), out[i]) && ok;
    }
  }
  return ok;
}

bool Lowering::literal(const syntax::Literal& in, query::Literal& out) {
  if (const auto* a = boost::get<syntax::AtomLiteral>(&in.get())) return atom_literal(*a, out);
  if (const auto* c = boost::get<syntax::Comparison>(&in.get())) return comparison(*c, out);
  const auto& first = boost::get<syntax::AggregateFirst>(in.get());
  out.location = locate(first);
  out.op = mirrored(first.op);
  std::size_t depth = 0;
  const bool ok = term(first.bound, out.lhs, depth);
  return aggregate(first.aggregate, out) && ok;
}

bool Lowering::body(const std::vector<syntax::Literal>& in, std::vector<query::Literal>& out) {
  bool ok = true;
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) ok = literal(in[i], out[i]) && ok;
  return ok;
}

std::pair<std::size_t, std::size_t> Lowering::span(const syntax::Literal& in) const {
  const boost::spirit::x3::position_tagged* node = nullptr;
  if (const auto* a = boost::get<syntax::AtomLiteral>(&in.get())) node = a;
  else if (const auto* c = boost::get<syntax::Comparison>(&in.get())) node = c;
  else node = &boost::get<syntax::AggregateFirst>(in.get());
  return {start(*node), static_cast<std::size_t>(std::max(node->id_first, node->id_last))};
}

// ---- statements ----

bool Lowering::decoded(const syntax::Leaf& in, std::string& out) {
  Term t;
  if (!string(in, t)) return false;
  out = std::move(t.value.text);
  return true;
}

bool Lowering::citation(const syntax::Citation& in, std::optional<query::Citation>& out) {
  if (in.source.text.empty()) return true;
  query::Citation c;
  c.source = in.source.text;
  c.location = locate(in);
  if (!in.quote.text.empty()) {
    if (!decoded(in.quote, c.quote)) return false;
    c.quote_location = locate(in.quote);
  }
  out = std::move(c);
  return true;
}

bool Lowering::rule(const syntax::Rule& in, std::size_t end, query::Program& program) {
  const syntax::Clause& clause = in.clause;
  if (const auto* text = boost::get<syntax::Leaf>(&clause.tail.get()))
    return template_statement(in, *text, end, program);
  const auto& tail = boost::get<syntax::RuleTail>(clause.tail.get());
  const std::size_t first = start(in);
  query::Rule out;
  if (!in.label.text.empty()) out.label = in.label.text;
  out.kind = tail.kind;  // the grammar sets Claim and Defeater there too
  out.text = std::string(text_.substr(first, end - first));
  out.location = locate(first, end);
  bool ok = atom(clause.head, out.head);
  if (clause.form == syntax::ClauseForm::Claims || clause.form == syntax::ClauseForm::Denies) {
    out.claimant = clause.claimant.text;
    // Denying h is claiming its contrary.
    out.denial = clause.form == syntax::ClauseForm::Denies;
    if (out.denial) out.head.strong_negation = !out.head.strong_negation;
  }
  ok = body(tail.body, out.body) && ok;
  ok = weight(tail.weight, out) && ok;
  ok = citation(tail.citation, out.citation) && ok;
  if (ok) program.rules.push_back(std::move(out));
  return ok;
}

// `weight 0.8`: a number from 0 to 1 with at most three decimals, on an argument that can
// be weighed against others.
bool Lowering::weight(const syntax::Leaf& in, query::Rule& out) {
  if (in.text.empty()) return true;
  if (out.kind == query::RuleKind::Strict) {
    error(start(in), in.text.size(),
          "only defeasible rules, defeaters and claims have a weight: a strict rule or a fact always applies");
    return false;
  }
  std::uint32_t value = 0;
  int decimals = -1;
  bool ok = true;
  for (const char c : in.text) {
    if (c == '.') {
      decimals = 0;
      continue;
    }
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
    if (decimals >= 0) ++decimals;
    if (value > 100'000) ok = false;  // no overflow on long digit strings
  }
  for (int d = decimals < 0 ? 0 : decimals; d < 3; ++d) value *= 10;
  if (!ok || decimals > 3 || value > query::max_weight) {
    error(start(in), in.text.size(), "a weight is a number from 0 to 1 with at most three decimals (0.8)");
    return false;
  }
  out.weight = value;
  return true;
}

bool Lowering::template_statement(const syntax::Rule& in, const syntax::Leaf& text,
                                  std::size_t end, query::Program& program) {
  const std::size_t first = start(in);
  query::Template out;
  out.text = std::string(text_.substr(first, end - first));
  out.location = locate(first, end);
  bool ok = true;
  if (!in.label.text.empty()) {
    error(start(in.label), in.label.text.size(), "a template cannot have a label");
    ok = false;
  }
  if (atom(in.clause.head, out.atom)) {
    // The text names the arguments, so each must be a variable of its own (`_` is fresh
    // each time, so several are distinct).
    for (std::size_t i = 0; i < out.atom.args.size(); ++i) {
      const Term& arg = out.atom.args[i];
      bool distinct = arg.kind == Term::Kind::Variable;
      for (std::size_t j = 0; distinct && !arg.is_anonymous() && j < i; ++j)
        distinct = out.atom.args[j].name != arg.name;
      if (!distinct) {
        errors_.push_back(query::make_error(arg.location,
                                            "a template's arguments must be distinct variables"));
        ok = false;
      }
    }
  } else {
    ok = false;
  }
  ok = decoded(text, out.wording) && ok;
  if (ok) program.templates.push_back(std::move(out));
  return ok;
}

bool Lowering::source(const syntax::Source& in, std::size_t end, query::Program& program) {
  const std::size_t first = start(in);
  query::SourceDeclaration out;
  out.name = in.name.text;
  out.text = std::string(text_.substr(first, end - first));
  out.location = locate(first, end);
  bool ok = true;
  for (const syntax::SourceAttribute& attribute : in.attributes) {
    Term value;
    if (leaf(attribute.value, attribute.negative, value)) {
      out.attributes.emplace_back(attribute.key.text, std::move(value.value));
      out.value_locations.push_back(value.location);
    } else {
      ok = false;
    }
  }
  if (ok) program.sources.push_back(std::move(out));
  return ok;
}

bool Lowering::issue(const syntax::Issue& in, std::size_t end, query::Program& program) {
  const std::size_t first = start(in);
  query::Issue out;
  out.text = std::string(text_.substr(first, end - first));
  out.location = locate(first, end);
  bool ok = atom(in.pattern, out.pattern);
  // The pattern names a predicate: distinct variables, as a template's (`_` is fresh each time).
  for (std::size_t i = 0; ok && i < out.pattern.args.size(); ++i) {
    const Term& arg = out.pattern.args[i];
    bool distinct = arg.kind == Term::Kind::Variable;
    for (std::size_t j = 0; distinct && !arg.is_anonymous() && j < i; ++j) distinct = out.pattern.args[j].name != arg.name;
    if (!distinct) {
      errors_.push_back(query::make_error(arg.location, "an issue's arguments must be distinct variables"));
      ok = false;
    }
  }
  static constexpr std::pair<std::string_view, query::ProofStandard> standards[] = {
      {"scintilla", query::ProofStandard::Scintilla},
      {"preponderance", query::ProofStandard::Preponderance},
      {"clear_and_convincing", query::ProofStandard::ClearAndConvincing},
      {"beyond_reasonable_doubt", query::ProofStandard::BeyondReasonableDoubt},
      {"dialectical_validity", query::ProofStandard::DialecticalValidity},
  };
  bool has_standard = false, has_burden = false;
  for (const syntax::SourceAttribute& attribute : in.attributes) {
    const std::string& key = attribute.key.text;
    const syntax::Leaf& value = attribute.value;
    const bool symbol = value.kind == syntax::LeafKind::Symbol && !attribute.negative;
    if (key != "standard" && key != "burden") {
      error(start(attribute.key), key.size(), "an issue has a 'standard' and a 'burden', not '" + key + "'");
      ok = false;
      continue;
    }
    bool& seen = key == "standard" ? has_standard : has_burden;
    if (seen) {
      error(start(attribute.key), key.size(), "the issue's '" + key + "' is given twice");
      ok = false;
    } else if (!symbol) {
      error(start(value), std::max<std::size_t>(value.text.size(), 1),
            key == "standard" ? "a proof standard is a name: scintilla, preponderance, clear_and_convincing, "
                                "beyond_reasonable_doubt or dialectical_validity"
                              : "the burden is a party's name");
      ok = false;
    } else if (key == "burden") {
      out.burden = value.text;
    } else {
      const auto* found = std::find_if(std::begin(standards), std::end(standards),
                                       [&](const auto& s) { return s.first == value.text; });
      if (found == std::end(standards)) {
        error(start(value), value.text.size(),
              "unknown proof standard '" + value.text +
                  "' (scintilla, preponderance, clear_and_convincing, beyond_reasonable_doubt, dialectical_validity)");
        ok = false;
      } else {
        out.standard = found->second;
      }
    }
    seen = true;
  }
  if (!has_standard && ok) {
    error(first, 6, "an issue needs a proof standard: #issue p(X) { standard: preponderance }");
    ok = false;
  }
  if (ok) program.issues.push_back(std::move(out));
  return ok;
}

bool Lowering::statement(const syntax::Statement& in, std::size_t end, query::Program& program) {
  if (const auto* r = boost::get<syntax::Rule>(&in.get())) return rule(*r, end, program);
  if (const auto* s = boost::get<syntax::Source>(&in.get())) return source(*s, end, program);
  if (const auto* i = boost::get<syntax::Issue>(&in.get())) return issue(*i, end, program);
  const auto& p = boost::get<syntax::Preference>(in.get());
  const std::size_t first = start(p);
  query::Preference out;
  out.stronger = p.stronger.text;
  out.weaker = p.weaker.text;
  out.text = std::string(text_.substr(first, end - first));
  out.location = locate(first, end);
  program.preferences.push_back(std::move(out));
  return true;
}

}  // namespace writ::grammar
