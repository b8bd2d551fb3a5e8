#include "wording.hpp"

#include <cctype>

#include "query/analysis/variables.hpp"

namespace writ::query::argue {

std::string literal_source(const PredicateId& p, const std::vector<Value>& args) {
  std::string out = p.name;
  if (args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + to_source(args[i]);
  return out + ')';
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string Wording::value(const Value& v) const {
  if (v.kind != ValueKind::Symbol) return to_display(v);
  const auto it = names_.find(v.text);
  if (it != names_.end()) return it->second;
  std::string out = v.text;
  for (auto& c : out)
    if (c == '_') c = ' ';
  return out;
}

const Template* Wording::find(const PredicateId& p) const {
  for (const auto& t : program_.templates)
    if (predicate_of(t.atom) == p) return &t;
  return nullptr;
}

bool Wording::has_template(const PredicateId& p) const { return find(p) != nullptr; }

std::string Wording::sentence(const PredicateId& p, const std::vector<Value>& args) const {
  const auto* t = find(p);
  if (!t) return literal_source(p, args);
  std::string out = t->wording;
  // Each variable's name is replaced where it stands as a whole word, left to right, so that
  // a replacement is never read again as a name.
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string result;
  for (std::size_t at = 0; at < out.size();) {
    if (word_char(out[at]) && (at == 0 || !word_char(out[at - 1]))) {
      std::size_t end = at;
      while (end < out.size() && word_char(out[end])) ++end;
      const std::string word = out.substr(at, end - at);
      bool replaced = false;
      for (std::size_t i = 0; i < t->atom.args.size() && i < args.size() && !replaced; ++i) {
        const auto& name = t->atom.args[i].name;
        if (name.empty() || is_anonymous_name(name) || name != word) continue;
        result += value(args[i]);
        replaced = true;
      }
      if (!replaced) result += word;
      at = end;
      continue;
    }
    result += out[at++];
  }
  return result;
}

}  // namespace writ::query::argue
