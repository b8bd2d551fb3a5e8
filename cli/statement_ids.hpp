// The numbers `.rules` shows and `.retract #N` takes: each statement keeps its number for
// as long as the session has it, so that a retraction never shifts the numbers of the
// others (a gap stays where it was) and a statement added later gets a new one.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace writ::cli {

class StatementIds {
 public:
  // The number of each of `texts` (every statement now, in the order rule_texts() lists
  // them; identical texts are distinct statements): the one it had at the last call, or
  // the next one unused. A text that is gone frees nothing: numbers are never reused.
  std::vector<std::uint64_t> number(const std::vector<std::string>& texts);

 private:
  // Each text's numbers, one per copy, oldest first.
  std::map<std::string, std::vector<std::uint64_t>, std::less<>> ids_;
  std::uint64_t next_ = 1;
};

}  // namespace writ::cli
