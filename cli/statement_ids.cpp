#include "statement_ids.hpp"

namespace writ::cli {

std::vector<std::uint64_t> StatementIds::number(const std::vector<std::string>& texts) {
  // A text is a statement's identity here (the knowledge base numbers none): its copies
  // take its numbers in order, and a copy retracted takes the newest number with it.
  std::map<std::string_view, std::size_t> seen;
  std::vector<std::uint64_t> out;
  out.reserve(texts.size());
  for (const auto& t : texts) {
    const std::size_t copy = seen[t]++;
    auto& ids = ids_[t];
    if (copy == ids.size()) ids.push_back(next_++);
    out.push_back(ids[copy]);
  }
  // Forget the copies that are gone, and texts no longer there.
  for (auto it = ids_.begin(); it != ids_.end();) {
    const auto found = seen.find(it->first);
    if (found == seen.end()) {
      it = ids_.erase(it);
      continue;
    }
    it->second.resize(found->second);
    ++it;
  }
  return out;
}

}  // namespace writ::cli
