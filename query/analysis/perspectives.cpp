// Perspectives (`?- [microsoft] goal.`): the party named must make claims, or the answer
// would silently be the neutral one under a misspelt name. A party the program knows
// that makes no claims (one that bears a burden) is answered from the neutral perspective,
// which is its perspective, and the warning says so wherever the answer is printed.
#include <set>

#include "checks.hpp"

namespace writ::query {

namespace {

std::string quoted_list(const std::set<std::string>& names) {
  constexpr std::size_t shown = 10;
  std::string out;
  std::size_t i = 0;
  for (const auto& n : names) {
    if (i == shown) return out + " and " + std::to_string(names.size() - shown) + " more";
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + n + "'";
    ++i;
  }
  return out;
}

}  // namespace

std::set<std::string> claimants(const Program& program) {
  std::set<std::string> parties;
  for (const auto& r : program.rules)
    if (r.kind == RuleKind::Claim) parties.insert(r.claimant);
  return parties;
}

bool answers_neutrally(const Program& program, const Query& query) {
  return !query.perspective.empty() && !claimants(program).count(query.perspective);
}

void check_perspectives(const Program& program, const std::vector<const Query*>& queries,
                        std::vector<Diagnostic>& out) {
  bool any = false;
  for (const auto* q : queries) any = any || !q->perspective.empty();
  if (!any) return;
  const auto parties = claimants(program);
  std::set<std::string> burdened;
  for (const auto& issue : program.issues)
    if (!issue.burden.empty()) burdened.insert(issue.burden);
  for (const auto* q : queries) {
    const auto& party = q->perspective;
    if (party.empty() || parties.count(party)) continue;
    if (burdened.count(party)) {
      out.push_back(make_warning(q->perspective_location, "'" + party +
                                                              "' makes no claims: answered from the neutral "
                                                              "perspective"));
      continue;
    }
    std::string message = "unknown party '" + party + "' in the perspective: ";
    if (parties.empty()) {
      message += "no party makes claims here";
    } else {
      message += (parties.size() == 1 ? "the party that makes claims is " : "the parties that make claims are ") +
                 quoted_list(parties);
      if (const auto near = closest_name(party, parties)) message += "; did you mean '" + *near + "'?";
    }
    out.push_back(make_error(q->perspective_location, std::move(message)));
  }
}

}  // namespace writ::query
