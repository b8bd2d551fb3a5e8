#include "ground_atom.hpp"

#include <algorithm>
#include <iterator>

namespace writ::differential {

namespace {

int compare_values(const query::Value& a, const query::Value& b) {
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.kind == query::ValueKind::Integer) {
    if (a.integer == b.integer) return 0;
    return a.integer < b.integer ? -1 : 1;
  }
  // std::string compares chars as unsigned bytes (char_traits<char>::lt), like clingo's strcmp.
  const int c = a.text.compare(b.text);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

bool operator<(const GroundAtom& a, const GroundAtom& b) {
  if (a.predicate != b.predicate) return a.predicate < b.predicate;
  if (a.args.size() != b.args.size()) return a.args.size() < b.args.size();
  for (std::size_t i = 0; i < a.args.size(); ++i) {
    const int c = compare_values(a.args[i], b.args[i]);
    if (c != 0) return c < 0;
  }
  return false;
}

std::string value_source(const query::Value& v) {
  switch (v.kind) {
    case query::ValueKind::Integer:
      return std::to_string(v.integer);
    case query::ValueKind::Symbol:
      return v.text;
    case query::ValueKind::String:
      break;
    case query::ValueKind::Date:
    case query::ValueKind::Duration:
    case query::ValueKind::Money:
      return query::to_source(v);  // never in a program clingo reads
  }
  std::string out = "\"";
  for (const char c : v.text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

std::string atom_source(const GroundAtom& atom) {
  std::string out = atom.predicate;
  if (atom.args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < atom.args.size(); ++i) {
    if (i > 0) out += ',';
    out += value_source(atom.args[i]);
  }
  out += ')';
  return out;
}

std::vector<GroundAtom> difference(const Model& a, const Model& b) {
  std::vector<GroundAtom> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace writ::differential
