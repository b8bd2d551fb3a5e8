// Deterministic inputs for the kernels: random graphs, chains and trees as edge lists,
// and the same as writ program text. A fixed-seed generator keeps runs comparable.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace writ::bench {

using Edge = std::pair<std::int64_t, std::int64_t>;

// xorshift64*: tiny, fast, and the same on every platform (std::mt19937's distributions
// are not specified bit-for-bit, which would make runs on different libraries differ).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed ? seed : 1) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545f4914f6cdd1dULL;
  }
  std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

// `edges` distinct directed edges between nodes 1..nodes, without self-loops.
inline std::vector<Edge> random_graph(std::int64_t nodes, std::int64_t edges, std::uint64_t seed = 42) {
  Random rng(seed);
  std::vector<Edge> out;
  std::vector<std::vector<bool>> seen(static_cast<std::size_t>(nodes) + 1,
                                      std::vector<bool>(static_cast<std::size_t>(nodes) + 1));
  while (static_cast<std::int64_t>(out.size()) < edges) {
    const auto a = rng.below(nodes) + 1, b = rng.below(nodes) + 1;
    if (a == b || seen[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)]) continue;
    seen[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] = true;
    out.emplace_back(a, b);
  }
  return out;
}

// 1 -> 2 -> ... -> nodes.
inline std::vector<Edge> chain(std::int64_t nodes) {
  std::vector<Edge> out;
  for (std::int64_t i = 1; i < nodes; ++i) out.emplace_back(i, i + 1);
  return out;
}

// A random tree on 1..nodes: each node i > 1 has a parent below it. Edges go parent -> child.
inline std::vector<Edge> random_tree(std::int64_t nodes, std::uint64_t seed = 42) {
  Random rng(seed);
  std::vector<Edge> out;
  for (std::int64_t i = 2; i <= nodes; ++i) out.emplace_back(rng.below(i - 1) + 1, i);
  return out;
}

inline std::string edge_facts(const std::vector<Edge>& edges) {
  std::string text;
  text.reserve(edges.size() * 20);
  for (const auto& [a, b] : edges) text += "edge(" + std::to_string(a) + ", " + std::to_string(b) + ").\n";
  return text;
}

inline const char* transitive_closure_rules = "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";

}  // namespace writ::bench
