#include "builtins.hpp"

#include "ast_text.hpp"

namespace writ::query {

const Builtin* find_builtin(std::string_view name) {
  for (const auto& b : builtins)
    if (b.name == name) return &b;
  return nullptr;
}

Value statement_name(const Rule& rule) {
  if (rule.kind == RuleKind::Claim) {
    Atom claimed = rule.head;
    claimed.strong_negation = rule.denial ? !claimed.strong_negation : claimed.strong_negation;
    return Value::make_string(rule.claimant + (rule.denial ? " denies " : " claims ") + to_source(claimed));
  }
  if (rule.is_fact()) return Value::make_string(to_source(rule.head));
  if (rule.label) return Value::make_symbol(*rule.label);
  std::string text = rule.text;
  if (const auto at = text.find('\n'); at != std::string::npos) text.erase(at);  // first line
  return Value::make_string(text);
}

namespace {

Rule fact(std::string_view predicate, std::vector<Value> values, Location at) {
  Rule r;
  r.head.predicate = std::string(predicate);
  r.head.location = at;
  r.location = at;
  for (auto& v : values) r.head.args.push_back(Term::constant(std::move(v), at));
  return r;
}

}  // namespace

std::vector<Rule> builtin_facts(const Program& program) {
  std::vector<Rule> out;
  for (const auto& r : program.rules) {
    if (!r.citation) continue;
    out.push_back(fact("cites",
                       {statement_name(r), Value::make_symbol(r.citation->source), Value::make_string(r.citation->quote)},
                       r.location));
  }
  for (const auto& s : program.sources)
    for (const auto& [key, value] : s.attributes)
      out.push_back(fact("source_attribute", {Value::make_symbol(s.name), Value::make_symbol(key), value}, s.location));
  return out;
}

}  // namespace writ::query
