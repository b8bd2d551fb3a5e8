// The argument map as JSON: the contract of `writ explain --format json`, the C API's
// writ_explain and the web view's /api/explain (docs/language.md, "Argument maps").
#include "argument_map.hpp"
#include "query/json.hpp"

namespace writ::query::argue {

namespace {

std::string strings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + json_string(values[i]);
  return out + "]";
}

void node_json(const MapNode& n, std::string& out) {
  out += "{\"id\": " + json_string(n.id) + ", \"kind\": \"" + node_kind_name(n.kind) + "\", \"label\": " +
         json_string(n.label) + ", \"text\": " + json_string(n.text) + ", \"status\": \"" + status_name(n.status) + "\"";
  if (n.kind == MapNode::Kind::Literal && n.negation) out += ", \"negation\": true";
  if (n.kind == MapNode::Kind::Argument) {
    out += ", \"rule\": " + (n.rule.empty() ? std::string("null") : json_string(n.rule));
    out += ", \"rule_kind\": " + json_string(n.rule_kind);
    out += ", \"claimant\": " + (n.claimant.empty() ? std::string("null") : json_string(n.claimant));
    if (n.denial) out += ", \"denial\": true";
    out += ", \"statement\": " + json_string(n.statement);
    out += ", \"place\": " + (n.place.empty() ? std::string("null") : json_string(n.place));
    out += ", \"citations\": [";
    for (std::size_t i = 0; i < n.citations.size(); ++i) {
      const auto& c = n.citations[i];
      out += std::string(i ? ", " : "") + "{\"source\": " + json_string(c.source) + ", \"source_kind\": " +
             (c.source_kind.empty() ? std::string("null") : json_string(c.source_kind)) + ", \"quote\": " + json_string(c.quote) + "}";
    }
    out += "]";
    if (!n.bindings.empty()) {
      out += ", \"bindings\": {";
      for (std::size_t i = 0; i < n.bindings.size(); ++i)
        out += (i ? ", " : "") + json_string(n.bindings[i].first) + ": " + json_string(n.bindings[i].second);
      out += "}";
    }
  }
  out += ", \"depth\": " + std::to_string(n.depth);
  if (n.hidden) out += ", \"hidden\": " + std::to_string(n.hidden);
  out += "}";
}

}  // namespace

std::string render_map_json(const ArgumentMap& map) {
  std::string out = "{\"goal\": " + json_string(map.goal) + ", \"perspective\": " +
                    (map.perspective.empty() ? std::string("null") : json_string(map.perspective)) +
                    ", \"assumptions\": " + strings(map.assumptions) + ", \"columns\": " + strings(map.columns) +
                    ", \"answers\": [";
  for (std::size_t i = 0; i < map.answers.size(); ++i) {
    const auto& a = map.answers[i];
    out += std::string(i ? ", " : "") + "{\"values\": " + strings(a.values) + ", \"columns\": " + strings(map.columns) +
           ", \"status\": \"" + status_name(a.status) + "\", \"node\": " + (a.node.empty() ? std::string("null") : json_string(a.node)) + "}";
  }
  out += "], \"nodes\": [";
  for (std::size_t i = 0; i < map.nodes.size(); ++i) {
    if (i) out += ", ";
    node_json(map.nodes[i], out);
  }
  out += "], \"edges\": [";
  for (std::size_t i = 0; i < map.edges.size(); ++i) {
    const auto& e = map.edges[i];
    out += std::string(i ? ", " : "") + "{\"from\": " + json_string(e.from) + ", \"to\": " + json_string(e.to) +
           ", \"kind\": \"" + edge_kind_name(e.kind) + "\"}";
  }
  out += "], \"legend\": {";
  const Status order[] = {Status::Established, Status::Accepted, Status::Contested, Status::Rejected};
  for (std::size_t i = 0; i < 4; ++i)
    out += std::string(i ? ", " : "") + "\"" + status_name(order[i]) + "\": \"" + status_colour(order[i]) + "\"";
  out += "}";
  if (map.truncated) out += ", \"truncated\": true";
  return out + "}";
}

}  // namespace writ::query::argue
