// Issues (`#issue p(X) { standard: ... }.`): one per predicate and its contrary, since the
// burden of persuasion is on one side; and an issue over what nothing argues has nothing
// to weigh (docs/language.md, "Proof standards and burden of proof").
#include <set>

#include "checks.hpp"
#include "status_tests.hpp"

namespace writ::query {

void check_issues(const Program& program, std::size_t from, std::vector<Diagnostic>& out) {
  if (program.issues.size() <= from) return;
  std::set<PredicateId> argued;
  for (const auto& r : program.rules)
    if (r.kind != RuleKind::Strict) argued.insert(positive_of(predicate_of(r.head)));
  std::set<PredicateId> declared;
  for (std::size_t i = 0; i < program.issues.size(); ++i) {
    const auto& issue = program.issues[i];
    const auto p = positive_of(predicate_of(issue.pattern));
    const bool first = declared.insert(p).second;
    if (i < from) continue;
    if (!first) {
      out.push_back(make_error(issue.location, "'" + p.to_string() +
                                                   "' already has an issue: one per predicate and its contrary, "
                                                   "whose burden is on one side"));
    } else if (!argued.count(p)) {
      out.push_back(make_warning(issue.location, "an issue over '" + predicate_of(issue.pattern).to_string() +
                                                     "', which no defeasible rule, defeater or claim concludes: its "
                                                     "standard has nothing to weigh"));
    }
  }
}

}  // namespace writ::query
