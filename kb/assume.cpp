// What-if: statements assumed on top of the loaded program, and rules switched off by
// label; checked like a load, never stored.
#include <algorithm>

#include "grammar/parse.hpp"
#include "kb/session.hpp"
#include "query/analysis/checks.hpp"
#include "query/analysis/variables.hpp"

namespace writ::kb {

LoadResult KnowledgeBase::assume(std::string_view text, std::string name) {
  return guarded<LoadResult>([&] {
    const Writing writing(*impl_);
    return impl_->assume(text, std::move(name));
  });
}

LoadResult KnowledgeBase::Impl::assume(std::string_view text, std::string name) {
  auto& m = *this;
  LoadResult result;
  const auto id = m.sources.add(std::move(name), std::string(text));
  auto parsed = grammar::parse_program(m.sources.text(id), id);
  result.diagnostics = std::move(parsed.diagnostics);
  for (const auto& q : parsed.program.queries)
    result.diagnostics.push_back(query::make_error(q.location, "a query cannot be assumed: ask it after the assumption"));
  if (!parsed.program.sources.empty() || !parsed.program.templates.empty() || !parsed.program.issues.empty())
    result.diagnostics.push_back(query::make_error({}, "only facts, rules, claims and priorities can be assumed"));
  if (parsed.program.rules.empty() && parsed.program.preferences.empty() && result.diagnostics.empty())
    result.diagnostics.push_back(query::make_error({}, "nothing to assume: give facts, rules, claims or priorities"));
  if (!query::has_errors(result.diagnostics)) {
    // Checked together with everything, as a load would be.
    auto candidate = m.effective();
    for (auto& r : parsed.program.rules) candidate.rules.push_back(r);
    for (auto& p : parsed.program.preferences) candidate.preferences.push_back(p);
    query::name_anonymous_variables(candidate);
    for (auto& d : query::check_program(candidate))
      if (d.severity == query::Severity::Error || d.location.source == id) result.diagnostics.push_back(std::move(d));
  }
  if (query::has_errors(result.diagnostics)) {
    result.outcome = Outcome::InputError;
    return result;
  }
  query::name_anonymous_variables(parsed.program);
  for (auto& r : parsed.program.rules) m.assumed.rules.push_back(std::move(r));
  for (auto& p : parsed.program.preferences) m.assumed.preferences.push_back(std::move(p));
  m.invalidate();
  return result;
}

LoadResult KnowledgeBase::assume_off(std::string_view label) {
  auto& m = *impl_;
  const Writing writing(m);
  LoadResult result;
  const auto& rules = m.effective().rules;
  const bool known = std::any_of(rules.begin(), rules.end(), [&](const query::Rule& r) { return r.label == label; });
  if (!known) {
    result.outcome = Outcome::InputError;
    result.diagnostics.push_back(query::make_error({}, "no rule is labelled '" + std::string(label) + "'"));
    return result;
  }
  m.switched_off.insert(std::string(label));
  m.invalidate();
  return result;
}

void KnowledgeBase::forget() {
  auto& m = *impl_;
  const Writing writing(m);
  if (!m.has_assumptions()) return;
  m.assumed = query::Program{};
  m.switched_off.clear();
  m.invalidate();
}

std::vector<std::string> KnowledgeBase::assumptions() const {
  const Reading reading(*impl_);
  std::vector<std::string> out;
  for (const auto& r : impl_->assumed.rules) out.push_back(r.text);
  for (const auto& p : impl_->assumed.preferences) out.push_back(p.text);
  for (const auto& label : impl_->switched_off) out.push_back("off " + label);
  return out;
}

}  // namespace writ::kb
