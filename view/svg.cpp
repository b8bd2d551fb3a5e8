#include "svg.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace writ::view {

namespace {

// Graphviz's parser and layout keep global state: one call at a time, in one context made
// once (loading its plugins is the slow part).
std::mutex graphviz_mutex;

GVC_t* context() {
  static GVC_t* gvc = gvContext();
  return gvc;
}

// Graphviz reports errors through a callback, not a return value; collect them per call.
std::string* collected = nullptr;
int collect_error(char* message) {
  if (collected) *collected += message;
  return 0;
}

}  // namespace

SvgResult dot_to_svg(const std::string& dot) {
  const std::lock_guard lock(graphviz_mutex);
  SvgResult result;
  std::string errors;
  collected = &errors;
  agseterr(AGERR);
  agseterrf(collect_error);
  GVC_t* gvc = context();
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) {
    result.error = errors.empty() ? "Graphviz could not read the graph" : errors;
  } else if (gvLayout(gvc, g, "dot") != 0) {
    result.error = errors.empty() ? "Graphviz could not lay out the graph" : errors;
    agclose(g);
  } else {
    // Through a FILE*, not gvRenderData: Graphviz 2.42's in-memory writer (Debian 12's)
    // overruns its buffer when the text grows past a page boundary at the wrong moment.
    char* data = nullptr;
    std::size_t length = 0;
    FILE* out = open_memstream(&data, &length);
    const int rendered = out ? gvRender(gvc, g, "svg", out) : -1;
    if (out) std::fclose(out);
    if (rendered == 0 && data) {
      result.svg.assign(data, length);
      result.ok = true;
    } else {
      result.error = errors.empty() ? "Graphviz could not render SVG" : errors;
    }
    std::free(data);
    gvFreeLayout(gvc, g);
    agclose(g);
  }
  agseterrf(nullptr);
  collected = nullptr;
  return result;
}

SvgResult map_svg(const kb::ArgumentMap& map, const kb::PruneOptions& options) {
  return dot_to_svg(kb::render_map_dot(kb::prune(map, options)));
}

}  // namespace writ::view
