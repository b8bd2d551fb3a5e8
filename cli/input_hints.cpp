#include "input_hints.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace writ::cli {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The words of a text, lowercased: runs of letters, digits and '_'.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_char(text[end])) ++end;
    words.push_back(lower(text.substr(i, end - i)));
    i = end;
  }
  return words;
}

// `help`, `exit();`, `\q`: the line as one command word of another shell, or empty.
std::string bare_command(std::string_view line) {
  std::string_view t = trim(line);
  while (t.ends_with(';')) t = trim(t.substr(0, t.size() - 1));
  if (t.ends_with("()")) t.remove_suffix(2);
  return lower(t);
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A predicate's goal with a variable per argument: likes(A, B).
std::string goal_for(const kb::PredicateInfo& p) {
  std::string goal = p.name;
  if (p.arity == 0) return goal;
  goal += '(';
  for (std::size_t i = 0; i < p.arity; ++i) {
    if (i) goal += ", ";
    if (i < 26) goal += static_cast<char>('A' + i);
    else goal += "A" + std::to_string(i + 1);
  }
  return goal + ')';
}

// The hint for SQL (or psql's meta-commands), when `text` reads as SQL.
std::optional<std::string> sql_hint(std::string_view text, const PredicateList& list_predicates) {
  const std::string_view t = trim(text);
  if (t.starts_with("\\d")) return "writ is not SQL: .preds lists the predicates, .facts PRED prints one";
  const std::vector<std::string> words = words_of(t);
  if (words.empty()) return std::nullopt;
  static constexpr std::array<std::string_view, 12> keywords = {
      "select", "insert", "update", "delete", "create", "drop", "alter", "show", "describe", "desc", "pragma", "with"};
  const std::string& first = words.front();
  if (std::find(keywords.begin(), keywords.end(), first) == keywords.end()) return std::nullopt;
  // A keyword at the start, then a blank and more: `select(X)` or `show.` are writ, and
  // so is a claim by a party named like a keyword (`select claims p(1).`).
  const std::string_view after = t.substr(first.size());
  if (after.empty() || (after.front() != ' ' && after.front() != '\t')) return std::nullopt;
  if (words.size() > 1 && one_of(words[1], {"claims", "denies", "means", "blocks"})) return std::nullopt;

  // The relation it names: after FROM, INTO, TABLE or UPDATE.
  std::string table;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (one_of(words[i], {"from", "into", "table", "update", "describe", "desc"})) {
      table = words[i + 1];
      break;
    }
  }
  const std::vector<kb::PredicateInfo> predicates = list_predicates();
  std::vector<const kb::PredicateInfo*> named;
  for (const auto& p : predicates) {
    if (lower(p.name) == table) named.push_back(&p);
  }
  const std::string prefix = "writ is not SQL: ";
  if (first == "show" || first == "describe" || first == "desc" || first == "pragma") {
    if (!named.empty()) return prefix + "ask " + goal_for(*named.front()) + "? to see " + named.front()->name + "/" +
                              std::to_string(named.front()->arity) + "; .preds lists the predicates";
    return prefix + ".preds lists the predicates, .facts PRED prints one";
  }
  if (first == "insert") return prefix + "add a fact by writing it, e.g. edge(1, 2).";
  if (first == "delete") return prefix + ".retract removes a fact, e.g. .retract edge(1, 2).";
  if (first == "update") return prefix + ".retract the old fact, then add the new one";
  if (first == "create" || first == "alter" || first == "drop")
    return prefix + "a predicate needs no declaration: add its facts, e.g. edge(1, 2).";
  if (!named.empty()) {
    std::string goals;
    for (const auto* p : named) goals += (goals.empty() ? "" : " or ") + goal_for(*p) + "?";
    return prefix + "ask " + goals + " for the rows of " + named.front()->name + " (.facts " + named.front()->name +
           " prints them too)";
  }
  if (!table.empty()) return prefix + "there is no predicate '" + table + "'; .preds lists the predicates";
  return prefix + "ask a question as GOAL?, e.g. edge(1, X)?; .preds lists the predicates";
}

}  // namespace

std::string pending_excerpt(std::string_view pending) {
  std::string text;
  for (const char c : trim(pending)) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!text.empty() && text.back() != ' ') text += ' ';
    } else {
      text += c;
    }
  }
  constexpr std::size_t shown = 60;
  if (text.size() > shown + 3) {
    std::size_t cut = shown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    text = text.substr(0, cut) + "...";
  }
  return text;
}

std::optional<InputHint> input_hint(std::string_view line, std::string_view pending, const PredicateList& predicates) {
  const std::string dropped =
      trim(pending).empty() ? "" : "dropped the unfinished statement '" + pending_excerpt(pending) + "'; ";
  const std::string_view t = trim(line);
  // A dot-command while a statement is unfinished: the command is meant (a statement
  // cannot go on with `.word`).
  if (!dropped.empty() && t.size() > 1 && t.front() == '.' && std::islower(static_cast<unsigned char>(t[1])) != 0) {
    return InputHint{dropped.substr(0, dropped.size() - 2), true};
  }
  const std::string word = bare_command(line);
  if (one_of(word, {"help", "?", "\\?", "\\h", "h"})) {
    return InputHint{dropped + "enter .help for the commands; a fact or rule ends with '.' (edge(1, 2).), a "
                               "question with '?' (edge(1, X)?)",
                     false};
  }
  if (one_of(word, {"exit", "quit", "bye", "halt", "\\q", ":q", "q"})) {
    return InputHint{dropped + "enter .quit or press Ctrl-D to leave", false};
  }
  if (one_of(word, {"clear", "cls"})) return InputHint{dropped + "press Ctrl-L to clear the screen", false};
  std::string text(pending);
  text += line;
  if (auto sql = sql_hint(trim(pending).empty() ? line : std::string_view(text), predicates)) {
    return InputHint{dropped + *sql, false};
  }
  return std::nullopt;
}

bool asks_for_pending(std::string_view line, std::string_view pending) {
  // Inside an aggregate `;` separates elements, so it is text there.
  return trim(line) == ";" && pending.find('{') == std::string_view::npos;
}

}  // namespace writ::cli
