// Tab completion in the REPL: dot-commands, predicate names, file names after `.load`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "writ/knowledge_base.hpp"

namespace writ::cli {

struct Completions {
  bool file_names = false;         // complete a file name instead (after .load)
  std::vector<std::string> words;  // the candidates that start with the word
  char append = ' ';               // what follows a unique candidate ('(' for a predicate)
};

// The REPL's dot-commands, as `.help` documents them (help_text.cpp), for Tab.
const std::vector<std::string>& dot_command_names();

// The candidates for `word`, the word under the cursor, where `before` is the line up to
// it. At the start of a line a word beginning with `.` is a command; after `.load` come
// file names; after `.facts`/`.rules` predicate names; after `.format` the formats;
// elsewhere predicate names.
Completions complete_word(std::string_view before, std::string_view word,
                          const std::vector<kb::PredicateInfo>& predicates);

}  // namespace writ::cli
