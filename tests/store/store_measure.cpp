// Measures the store for docs/store.md: bulk load of N facts edge(I, J) into a new store,
// reopening it, and the same load in memory for comparison. Not a test (no pass/fail).
//
//   store_measure DIR [N]   (N defaults to 1000000; DIR gets edges.writ, edges.csv, m.db)
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "writ/knowledge_base.hpp"

namespace {

// Wall and CPU time: the machine may be shared, and CPU time is what others cannot inflate.
struct Timer {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  std::string elapsed() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%6.3f s (cpu %6.3f s)",
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(),
                  static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
    return buf;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_measure DIR [N]\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const long n = argc > 2 ? std::stol(argv[2]) : 1000000;
  const bool reopen_only = argc > 3 && std::string(argv[3]) == "reopen";  // for a profiler
  const auto db = (dir / "m.db").string();
  if (reopen_only) {
    writ::kb::KnowledgeBase kb;
    Timer t;
    const auto o = kb.open(db);
    std::printf("store:     reopen (read + check)     %s  (%s)\n", t.elapsed().c_str(),
                o.outcome == writ::kb::Outcome::Ok ? "ok" : "FAILED");
    return 0;
  }
  std::string text, csv;
  for (long i = 0; i < n; ++i) {
    const auto a = std::to_string(i), b = std::to_string((i * 7919) % n);
    text += "edge(" + a + ", " + b + ").\n";
    csv += a + "," + b + "\n";
  }
  std::ofstream(dir / "edges.writ", std::ios::binary) << text;
  std::ofstream(dir / "edges.csv", std::ios::binary) << csv;
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);

  {
    writ::kb::KnowledgeBase kb;
    Timer t;
    const auto r = kb.load({{"edges.writ", text}});
    std::printf("in memory: load (parse + check)      %s  (%s)\n", t.elapsed().c_str(),
                r.outcome == writ::kb::Outcome::Ok ? "ok" : "FAILED");
  }
  {
    writ::kb::KnowledgeBase kb;
    Timer t;
    auto o = kb.open(db);
    const auto r = kb.load({{"edges.writ", text}});
    std::printf("store:     load (parse + check + write) %s  (%s)\n", t.elapsed().c_str(),
                o.outcome == writ::kb::Outcome::Ok && r.outcome == writ::kb::Outcome::Ok ? "ok" : "FAILED");
  }
  std::printf("store:     file size                 %.1f MB\n",
              static_cast<double>(std::filesystem::file_size(db)) / 1e6);
  {
    writ::kb::KnowledgeBase kb;
    Timer t;
    const auto o = kb.open(db);
    std::printf("store:     reopen (read + check)     %s  (%s)\n", t.elapsed().c_str(),
                o.outcome == writ::kb::Outcome::Ok ? "ok" : "FAILED");
    t = Timer{};
    const auto a = kb.ask("edge(5, X)");
    std::printf("store:     then edge(5, X)?          %s  (%zu rows)\n", t.elapsed().c_str(), a.answers.rows.size());
    t = Timer{};
    const auto all = kb.ask("N = #count{ X, Y : edge(X, Y) }");
    std::printf("store:     then #count of edge/2     %s  (%s)\n", t.elapsed().c_str(),
                all.answers.rows.empty() ? "FAILED" : writ::query::to_source(all.answers.rows[0][0]).c_str());
  }
  return 0;
}
