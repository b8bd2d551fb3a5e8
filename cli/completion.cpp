#include "completion.hpp"

#include <algorithm>

#include "help_text.hpp"

namespace writ::cli {

const std::vector<std::string>& dot_command_names() {
  static const std::vector<std::string> names = documented_dot_commands();
  return names;
}

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

std::string_view first_word(std::string_view s) {
  s = trim(s);
  return s.substr(0, s.find_first_of(" \t"));
}

std::vector<std::string> starting_with(const std::vector<std::string>& all, std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& w : all) {
    if (w.starts_with(prefix)) out.push_back(w);
  }
  return out;
}

Completions predicate_names(std::string_view word, const std::vector<kb::PredicateInfo>& predicates,
                            bool in_statement) {
  Completions c;
  bool has_arguments = false;
  for (const auto& p : predicates) {
    if (!p.name.starts_with(word)) continue;
    if (c.words.empty() || c.words.back() != p.name) c.words.push_back(p.name);
    has_arguments = has_arguments || p.arity > 0;
  }
  // predicates() is sorted by name, so equal names are adjacent and the list is sorted.
  c.append = in_statement ? (has_arguments ? '(' : '\0') : ' ';
  return c;
}

}  // namespace

Completions complete_word(std::string_view before, std::string_view word,
                          const std::vector<kb::PredicateInfo>& predicates) {
  const std::string_view command = first_word(before);
  if (trim(before).empty()) {
    if (word.starts_with(".")) return Completions{false, starting_with(dot_command_names(), word), ' '};
    return predicate_names(word, predicates, true);
  }
  if (!command.starts_with(".")) return predicate_names(word, predicates, true);
  if (command == ".load" || command == ".read" || command == ".output" || command == ".once")
    return Completions{true, {}, ' '};
  if (command == ".echo" || command == ".bail" || command == ".timer" || command == ".stats" || command == ".pager")
    return Completions{false, starting_with({"off", "on"}, word), ' '};
  if (command == ".facts" || command == ".rules") return predicate_names(word, predicates, false);
  // A statement or a goal follows.
  if (command == ".retract" || command == ".why" || command == ".whynot") return predicate_names(word, predicates, true);
  if (command == ".assume") {
    Completions c = predicate_names(word, predicates, true);
    if (trim(before) == ".assume" && std::string_view("off").starts_with(word)) {
      c.words.insert(std::upper_bound(c.words.begin(), c.words.end(), "off"), "off");  // .assume off LABEL
      if (c.words.size() == 1) c.append = ' ';
    }
    return c;
  }
  if (command == ".format") return Completions{false, starting_with({"csv", "json", "table"}, word), ' '};
  if (command == ".timeout") return Completions{false, starting_with({"off"}, word), ' '};
  return {};
}

}  // namespace writ::cli
