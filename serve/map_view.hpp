// The part of an argument map the page draws: one answer's arguments (focus), to a depth,
// without what lies below collapsed nodes (kb::prune).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "api.hpp"
#include "writ/knowledge_base.hpp"

namespace writ::serve {

struct MapView {
  std::optional<std::size_t> answer;  // answer=N: only that answer's arguments
  kb::PruneOptions prune;             // depth=N, collapsed=ID,ID, expanded=ID,ID
};

// The view a request asks for; an error message for a bad parameter.
std::variant<MapView, std::string> read_map_view(const Request& request);

// The map of one answer: the answer, the arguments for it, those attacking them or having
// priority over them, what each rests on and concludes, and so on down; the other answers
// and what only they need are left out. Ids and depths stay those of `map`.
kb::ArgumentMap focus(const kb::ArgumentMap& map, std::size_t answer);

// The map drawn: `map` focused (when the view names an answer), then pruned.
kb::ArgumentMap apply(const kb::ArgumentMap& map, const MapView& view);

}  // namespace writ::serve
