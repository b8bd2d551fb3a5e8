// An embedder in C++: find_package(writ CONFIG) and the C++ API (writ::writ, static).
// Prints the answers to path(1, X), one per line; exit status 1 on any error.
#include <iostream>

#include <writ/writ.hpp>

int main() {
  writ::KnowledgeBase kb;
  auto loaded = kb.load({{"graph",
                          "edge(1, 2). edge(2, 3). edge(3, 4). edge(5, 6).\n"
                          "path(X, Y) :- edge(X, Y).\n"
                          "path(X, Z) :- path(X, Y), edge(Y, Z).\n"}});
  if (loaded.outcome != writ::Outcome::Ok) {
    std::cerr << kb.render(loaded.diagnostics);
    return 1;
  }
  auto asked = kb.ask("path(1, X)");
  if (asked.outcome != writ::Outcome::Ok) {
    std::cerr << kb.render(asked.diagnostics);
    return 1;
  }
  for (const auto& row : asked.answers.rows) {
    if (row[0].kind != writ::ValueKind::Integer) return 1;
    std::cout << asked.answers.columns[0] << " = " << row[0].integer << '\n';
  }
  return 0;
}
