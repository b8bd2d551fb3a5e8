// Argument maps drawn as SVG by Graphviz's layout library (libgvc): `writ explain --format
// svg` and the web view's map. Each node's SVG group carries the map's node id
// (`<g id="n3" class="node">`), so a page can attach clicks to it.
#pragma once

#include <string>

#include "writ/knowledge_base.hpp"

namespace writ::view {

struct SvgResult {
  bool ok = false;
  std::string svg;    // the SVG document, when ok
  std::string error;  // why not, when not ok
};

// Lays out a Graphviz dot text with the dot engine and renders it as SVG. Thread-safe
// (calls are serialised: Graphviz keeps global state).
SvgResult dot_to_svg(const std::string& dot);

// The part of `map` that `options` keeps (kb::prune), drawn (kb::render_map_dot, then
// dot_to_svg).
SvgResult map_svg(const kb::ArgumentMap& map, const kb::PruneOptions& options = {});

}  // namespace writ::view
