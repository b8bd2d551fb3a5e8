// Building explanations from the argument graph, and rendering them.
#include "explanation.hpp"

#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "argument_graph.hpp"
#include "explainer.hpp"
#include "query/json.hpp"

namespace writ::query::argue {


eval::Status ArgumentGraph::explain(const Query& query, const eval::Limits& limits,
                                    const std::function<std::string(const Location&)>& place_of,
                                    std::vector<ExplanationNode>& out) {
  std::vector<std::string> columns;
  std::vector<AnswerRow> rows;
  const auto status = answer(query, limits, columns, rows);
  if (status != eval::Status::Ok) return status;
  explain_rows(rows, false, limits, place_of, out);
  return eval::Status::Ok;
}

void ArgumentGraph::explain_rows(const std::vector<AnswerRow>& rows, bool why_not, const eval::Limits& limits,
                                 const std::function<std::string(const Location&)>& place_of,
                                 std::vector<ExplanationNode>& out) {
  for (const auto& row : rows) {
    Explainer explainer(*this, limits, place_of);
    explainer.set_why_not(why_not && row.status < Status::Accepted);
    if (row.atoms.size() == 1) {
      out.push_back(explainer.conclusion(row.atoms[0].first, row.atoms[0].second, 0));
      continue;
    }
    ExplanationNode root;
    root.status = row.status;
    for (std::size_t i = 0; i < row.atoms.size(); ++i) {
      root.literal += (i ? ", " : "") + literal_text(row.atoms[i].first, row.atoms[i].second);
      root.children.push_back(explainer.conclusion(row.atoms[i].first, row.atoms[i].second, 1));
    }
    out.push_back(std::move(root));
  }
}

// ---- Rendering --------------------------------------------------------------------

namespace {

// A statement written over several lines, on one (the tree's indentation stays readable).
// Only line breaks and the indentation after them go: strings cannot hold a raw newline.
std::string one_line(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\n' || text[i + 1] == '\r')) ++i;
    if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

void text_of(const ExplanationNode& n, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  switch (n.kind) {
    case ExplanationNode::Kind::Conclusion:
      out += pad + (n.role == ExplanationNode::Role::Against ? "against: " : "") + n.literal + ": " +
             (n.status ? status_name(*n.status) : "no argument") + (n.truncated && !n.children.size() && n.status ? " (see above)" : "") + "\n";
      if (!n.sentence.empty()) out += pad + "  \"" + n.sentence + "\"\n";
      if (!n.standard.empty()) out += pad + "  standard: " + n.standard + "\n";
      if (!n.outcome.empty()) out += pad + "  " + n.outcome + "\n";
      break;
    case ExplanationNode::Kind::Argument:
      out += pad + (n.role == ExplanationNode::Role::For ? "for: " : "against: ") + (n.label.empty() ? "" : n.label + ", ") + n.what +
             (n.weight.empty() ? "" : ", weight " + n.weight) +
             (n.place.empty() ? "" : " at " + n.place) + (n.holds ? "" : !n.applies ? " (does not apply)" : n.undecided ? " (undecided)" : " (defeated)") + "\n";
      out += pad + "  " + one_line(n.text) + "\n";
      if (!n.source.empty()) out += pad + "  source: " + n.source + (n.quote.empty() ? "" : ": \"" + n.quote + "\"") + "\n";
      if (!n.outcome.empty()) out += pad + "  " + n.outcome + "\n";
      break;
    case ExplanationNode::Kind::Assumption:
      out += pad + n.literal + ": " + (n.status ? status_name(*n.status) : "") + "\n";
      if (!n.outcome.empty()) out += pad + "  " + n.outcome + "\n";
      break;
    case ExplanationNode::Kind::Condition:
      out += pad + n.literal + ": " + n.outcome + "\n";
      break;
  }
  for (const auto& c : n.children) text_of(c, indent + 1, out);
}


void json_of(const ExplanationNode& n, std::string& out) {
  const char* kind = n.kind == ExplanationNode::Kind::Conclusion ? "conclusion"
                     : n.kind == ExplanationNode::Kind::Argument ? "argument"
                     : n.kind == ExplanationNode::Kind::Assumption ? "assumption" : "condition";
  out += "{\"kind\": \"" + std::string(kind) + "\", \"role\": \"" + (n.role == ExplanationNode::Role::For ? "for" : "against") + "\"";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += ", \"" + std::string(name) + "\": " + json_string(value);
  };
  field("literal", n.literal);
  field("sentence", n.sentence);
  if (n.kind != ExplanationNode::Kind::Argument) out += ", \"status\": " + (n.status ? json_string(status_name(*n.status)) : std::string("null"));
  field("label", n.label);
  field("what", n.what);
  field("text", n.text);
  field("place", n.place);
  field("source", n.source);
  field("quote", n.quote);
  field("standard", n.standard);
  field("weight", n.weight);
  field("outcome", n.outcome);
  if (n.kind == ExplanationNode::Kind::Argument)
    out += std::string(", \"stands\": ") + (n.holds ? "\"yes\"" : n.undecided ? "\"undecided\"" : "\"no\"");
  if (!n.applies) out += ", \"applies\": false";
  if (n.truncated) out += ", \"truncated\": true";
  out += ", \"children\": [";
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    if (i) out += ", ";
    json_of(n.children[i], out);
  }
  out += "]}";
}

void dot_of(const ExplanationNode& n, int& counter, std::string& out, int parent) {
  const int id = counter++;
  std::string label;
  std::string shape = "box";
  switch (n.kind) {
    case ExplanationNode::Kind::Conclusion:
    case ExplanationNode::Kind::Assumption:
      label = n.literal + "\\n" + (n.status ? status_name(*n.status) : "no argument");
      if (!n.standard.empty()) label += "\\n" + n.standard.substr(0, 80) + (n.standard.size() > 80 ? "..." : "");
      shape = "ellipse";
      break;
    case ExplanationNode::Kind::Condition:
      label = n.literal;
      shape = "ellipse";
      break;
    case ExplanationNode::Kind::Argument:
      label = (n.label.empty() ? n.what : n.label + " (" + n.what + ")") + (n.quote.empty() ? "" : "\\n\\\"" + n.quote.substr(0, 60) + (n.quote.size() > 60 ? "..." : "") + "\\\"");
      if (!n.weight.empty()) label += "\\nweight " + n.weight;
      if (!n.applies) label += "\\ndoes not apply";
      break;
  }
  // Why-not: why the argument or premise fails, shortened.
  if (n.role == ExplanationNode::Role::For && !n.outcome.empty())
    label += "\\n" + n.outcome.substr(0, 80) + (n.outcome.size() > 80 ? "..." : "");
  std::string escaped;
  for (const char c : label) {
    if (c == '"' && (escaped.empty() || escaped.back() != '\\')) escaped += "\\\"";
    else escaped += c;
  }
  out += "  n" + std::to_string(id) + " [shape=" + shape + ", label=\"" + escaped + "\"" +
         (n.role == ExplanationNode::Role::Against ? ", color=red" : "") + (n.applies ? "" : ", style=dashed") + "];\n";
  if (parent >= 0) {
    out += "  n" + std::to_string(id) + " -> n" + std::to_string(parent) +
           (n.role == ExplanationNode::Role::Against ? " [color=red, label=\"attacks\"]" : "") + ";\n";
  }
  for (const auto& c : n.children) dot_of(c, counter, out, id);
}

}  // namespace

std::string render_text(const ExplanationNode& root) {
  std::string out;
  text_of(root, 0, out);
  return out;
}

std::string render_json(const ExplanationNode& root) {
  std::string out;
  json_of(root, out);
  return out;
}

std::string render_dot(const std::vector<ExplanationNode>& roots) {
  std::string out = "digraph writ {\n  rankdir=BT;\n  node [fontname=\"Helvetica\"];\n";
  int counter = 0;
  for (const auto& r : roots) dot_of(r, counter, out, -1);
  return out + "}\n";
}

}  // namespace writ::query::argue
