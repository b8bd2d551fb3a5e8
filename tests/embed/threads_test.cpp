// The thread-safety contract (writ/knowledge_base.hpp, writ/writ.h): readers on many
// threads while one thread writes, through the C++ API and the C API. Each reader checks
// that what it saw is exactly one state the writer went through, and one that existed
// while its call ran: never part of a write. Built and run under ThreadSanitizer by
// .ci/run (the tsan preset), and in the normal suite.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "writ/writ.h"
#include "writ/writ.hpp"

namespace {

using writ::KnowledgeBase;
using writ::Outcome;

constexpr int block = 10;  // each write adds or removes this many item/1 facts at once

std::string block_text(int first) {
  std::string text;
  for (int i = 0; i < block; ++i) text += "item(" + std::to_string(first + i) + "). ";
  return text;
}

// What a writer does and the states it goes through: after write k, `item(X)` answers
// items[k] (sorted) and predicates() counts stated[k] facts of item/1 (assumptions are
// not loaded facts).
struct Script {
  enum class Kind { Load, Retract, Assume, Forget };
  struct Write {
    Kind kind;
    std::string text;
  };
  std::vector<Write> writes;
  std::vector<std::vector<std::int64_t>> items;
  std::vector<std::size_t> stated;

  explicit Script(int rounds) {
    std::set<std::int64_t> loaded;
    std::set<std::int64_t> assumed;
    auto snapshot = [&] {
      std::set<std::int64_t> all = loaded;
      all.insert(assumed.begin(), assumed.end());
      items.emplace_back(all.begin(), all.end());
      stated.push_back(loaded.size());
    };
    auto add = [&](std::set<std::int64_t>& to, int first) {
      for (int i = 0; i < block; ++i) to.insert(first + i);
    };
    snapshot();  // state 0: nothing
    for (int g = 0; g < rounds; ++g) {
      writes.push_back({Kind::Load, block_text(g * block)});
      add(loaded, g * block);
      snapshot();
      writes.push_back({Kind::Assume, block_text(1000 + g * block)});
      assumed.clear();
      add(assumed, 1000 + g * block);
      snapshot();
      writes.push_back({Kind::Forget, {}});
      assumed.clear();
      snapshot();
      if (g % 2 == 1) {
        writes.push_back({Kind::Retract, block_text((g - 1) * block)});
        for (int i = 0; i < block; ++i) loaded.erase((g - 1) * block + i);
        snapshot();
      }
    }
  }
};

// The writer's progress, for readers to bound the states they may see: a call that
// began after `done` writes and ended before `started` writes may only see a state in
// [done, started].
struct Progress {
  std::atomic<std::size_t> started{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> finished{false};
};

// Whether some state k in [lo, hi] satisfies `fits`.
bool seen_in(std::size_t lo, std::size_t hi, const std::function<bool(std::size_t)>& fits) {
  for (std::size_t k = lo; k <= hi; ++k)
    if (fits(k)) return true;
  return false;
}

std::string show(const std::vector<std::int64_t>& v) {
  std::string s = "{";
  for (const auto x : v) s += (s.size() > 1 ? ", " : "") + std::to_string(x);
  return s + "}";
}

constexpr const char* count_rule = "count(N) :- N = #count{ X : item(X) }.\n";

// ---- C++ API -------------------------------------------------------------------------

// Several readers ask, stream, explain and list while one thread loads, assumes, forgets
// and retracts.
TEST(Threads, ReadersSeeEachWriteWholeOrNotAtAll) {
  const Script script(12);
  KnowledgeBase kb;
  ASSERT_EQ(kb.load({{"count.writ", count_rule}}).outcome, Outcome::Ok);
  Progress progress;

  std::thread writer([&] {
    for (const auto& w : script.writes) {
      progress.started.fetch_add(1);
      bool ok = false;
      switch (w.kind) {
        case Script::Kind::Load: ok = kb.load({{"block", w.text}}).outcome == Outcome::Ok; break;
        case Script::Kind::Retract: ok = kb.retract(w.text).outcome == Outcome::Ok; break;
        case Script::Kind::Assume: ok = kb.assume(w.text).outcome == Outcome::Ok; break;
        case Script::Kind::Forget: kb.forget(); ok = true; break;
      }
      EXPECT_TRUE(ok) << w.text;
      progress.done.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    progress.finished = true;
  });

  // Each reader kind returns false (and stops its thread) at the first wrong answer.
  using Reader = std::function<bool(std::size_t lo, std::size_t& hi)>;
  auto hi_now = [&](std::size_t& hi) { hi = progress.started.load(); };
  const std::vector<Reader> readers = {
      [&](std::size_t lo, std::size_t& hi) {  // ask: the items
        const auto asked = kb.ask("item(X)");
        hi_now(hi);
        if (asked.outcome != Outcome::Ok) return false;
        std::vector<std::int64_t> got;
        for (const auto& row : asked.answers.rows) got.push_back(row[0].integer);
        const bool ok = seen_in(lo, hi, [&](std::size_t k) { return script.items[k] == got; });
        EXPECT_TRUE(ok) << "item(X) gave " << show(got) << " in states " << lo << ".." << hi;
        return ok;
      },
      [&](std::size_t lo, std::size_t& hi) {  // ask: an aggregate, evaluated once per state
        const auto asked = kb.ask("count(N)");
        hi_now(hi);
        if (asked.outcome != Outcome::Ok || asked.answers.rows.size() != 1) return false;
        const auto n = static_cast<std::size_t>(asked.answers.rows[0][0].integer);
        const bool ok = seen_in(lo, hi, [&](std::size_t k) { return script.items[k].size() == n; });
        EXPECT_TRUE(ok) << "count(N) gave " << n << " in states " << lo << ".." << hi;
        return ok;
      },
      [&](std::size_t lo, std::size_t& hi) {  // ask_each: streamed rows
        std::vector<std::int64_t> got;
        const auto asked = kb.ask_each(
            "item(X)", [](const std::vector<std::string>&, bool) {},
            [&](const std::vector<writ::Value>& row, std::optional<writ::kb::Status>) { got.push_back(row[0].integer); });
        hi_now(hi);
        if (asked.outcome != Outcome::Ok) return false;
        const bool ok = seen_in(lo, hi, [&](std::size_t k) { return script.items[k] == got; });
        EXPECT_TRUE(ok) << "ask_each item(X) gave " << show(got) << " in states " << lo << ".." << hi;
        return ok;
      },
      [&](std::size_t lo, std::size_t& hi) {  // explain: one tree per answer
        const auto explained = kb.explain("item(X)");
        hi_now(hi);
        if (explained.outcome != Outcome::Ok) return false;
        const auto n = explained.explanations.size();
        const bool ok = seen_in(lo, hi, [&](std::size_t k) { return script.items[k].size() == n; });
        EXPECT_TRUE(ok) << "explain item(X) gave " << n << " trees in states " << lo << ".." << hi;
        return ok;
      },
      [&](std::size_t lo, std::size_t& hi) {  // predicates, assumptions, rule_texts
        const auto infos = kb.predicates();
        const auto assumed = kb.assumptions();
        const auto texts = kb.rule_texts("count");
        hi_now(hi);
        std::size_t facts = 0;
        for (const auto& p : infos)
          if (p.name == "item") facts = p.facts;
        const bool ok = texts.size() == 1 && (assumed.empty() || assumed.size() == block) &&
                        seen_in(lo, hi, [&](std::size_t k) { return script.stated[k] == facts; });
        EXPECT_TRUE(ok) << "predicates() counted " << facts << " item facts in states " << lo << ".." << hi;
        return ok;
      },
  };

  std::vector<std::size_t> calls(readers.size() * 2, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < calls.size(); ++t) {
    threads.emplace_back([&, t] {
      const auto& read = readers[t % readers.size()];
      // At least a few calls, even if the writer is done first.
      while (!progress.finished || calls[t] < 3) {
        const auto lo = progress.done.load();
        std::size_t hi = 0;
        if (!read(lo, hi)) return;
        ++calls[t];
      }
    });
  }
  writer.join();
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < calls.size(); ++t) EXPECT_GE(calls[t], 3u) << "reader " << t << " stopped early";

  // The last state, exactly.
  const auto asked = kb.ask("item(X)");
  std::vector<std::int64_t> got;
  for (const auto& row : asked.answers.rows) got.push_back(row[0].integer);
  EXPECT_EQ(got, script.items.back());
}

// Two writers at once: each write is whole, so every block is there at the end.
TEST(Threads, WritersTakeTurns) {
  KnowledgeBase kb;
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      for (int g = 0; g < 15; ++g)
        EXPECT_EQ(kb.load({{"block", block_text((w * 100 + g) * block)}}).outcome, Outcome::Ok);
    });
  }
  std::thread reader([&] {
    for (int i = 0; i < 30; ++i) {
      const auto asked = kb.ask("item(X)");
      ASSERT_EQ(asked.outcome, Outcome::Ok);
      EXPECT_EQ(asked.answers.rows.size() % block, 0u);
    }
  });
  for (auto& th : writers) th.join();
  reader.join();
  const auto asked = kb.ask("item(X)");
  EXPECT_EQ(asked.answers.rows.size(), 2u * 15u * block);
  ASSERT_EQ(kb.predicates().size(), 1u);
  EXPECT_EQ(kb.predicates()[0].facts, 2u * 15u * block);
}

// A store: readers list its transactions while a writer adds them.
TEST(Threads, TransactionsWhileLoading) {
  const std::string path = ::testing::TempDir() + "writ_threads_test.writdb";
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  {
    KnowledgeBase kb;
    ASSERT_EQ(kb.open(path).outcome, Outcome::Ok);
    // Readers below read stored facts in three ways: item(X) from its table (a lookup),
    // count(N) by evaluating with the table's rows, explain with them as rules.
    ASSERT_EQ(kb.load({{"count", count_rule}}).outcome, Outcome::Ok);
    Progress progress;
    constexpr std::size_t loads = 12;
    std::thread writer([&] {
      for (std::size_t g = 0; g < loads; ++g) {
        progress.started.fetch_add(1);
        EXPECT_EQ(kb.load({{"block" + std::to_string(g), block_text(static_cast<int>(g) * block)}}).outcome,
                  Outcome::Ok);
        progress.done.fetch_add(1);
      }
      progress.finished = true;
    });
    std::vector<std::thread> readers;
    for (int t = 0; t < 2; ++t) {
      readers.emplace_back([&] {
        do {
          const auto lo = progress.done.load();
          const auto log = kb.transactions();
          const auto asked = kb.ask("item(X)");
          const auto counted = kb.ask("count(N)");
          const auto explained = kb.explain("item(X)");
          const auto listed = kb.predicates();
          const auto hi = progress.started.load();
          ASSERT_EQ(log.outcome, Outcome::Ok);
          ASSERT_EQ(asked.outcome, Outcome::Ok);
          ASSERT_EQ(counted.outcome, Outcome::Ok);
          ASSERT_EQ(explained.outcome, Outcome::Ok);
          ASSERT_EQ(counted.answers.rows.size(), 1u);
          EXPECT_EQ(counted.answers.rows[0][0].integer % block, 0);
          EXPECT_EQ(explained.explanations.size() % block, 0u);
          // The first transaction loaded the rule; each later one a block.
          EXPECT_GE(log.transactions.size(), lo + 1);
          EXPECT_LE(log.transactions.size(), hi + 1);
          for (std::size_t i = 1; i < log.transactions.size(); ++i) {
            EXPECT_EQ(log.transactions[i].number, i + 1);
            EXPECT_EQ(log.transactions[i].description, "load block" + std::to_string(i - 1));
            EXPECT_EQ(log.transactions[i].added, static_cast<std::uint64_t>(block));
          }
          EXPECT_EQ(asked.answers.rows.size() % block, 0u);
          std::size_t items = 0;
          for (const auto& p : listed)
            if (p.name == "item") items = p.facts;
          EXPECT_EQ(items % block, 0u);
        } while (!progress.finished);
      });
    }
    writer.join();
    for (auto& th : readers) th.join();
    EXPECT_EQ(kb.transactions().transactions.size(), loads + 1);
    EXPECT_EQ(kb.ask("item(X)").answers.rows.size(), loads * block);
  }
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

// cancel() ends every call in progress, then the knowledge base answers again.
TEST(Threads, CancelEndsEveryCallInProgress) {
  // n/1 grows without end; the limits only keep a broken cancel() from hanging the test.
  KnowledgeBase kb(writ::Limits{std::chrono::milliseconds(120000), 100'000'000});
  ASSERT_EQ(kb.load({{"endless", "n(0). n(Y) :- n(X), Y = X + 1.\n"}}).outcome, Outcome::Ok);
  std::atomic<int> ended{0};
  std::vector<Outcome> outcomes(3, Outcome::Ok);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < outcomes.size(); ++t) {
    threads.emplace_back([&, t] {
      outcomes[t] = t == 2 ? kb.explain("n(5)").outcome : kb.ask("n(X)").outcome;
      ended.fetch_add(1);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  while (ended.load() < static_cast<int>(outcomes.size())) {
    kb.cancel();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  for (auto& th : threads) th.join();
  for (const auto o : outcomes) EXPECT_EQ(o, Outcome::Cancelled);
  // The request is forgotten by the next call: without its base fact n/1 is empty.
  ASSERT_EQ(kb.retract("n(0).").outcome, Outcome::Ok);
  const auto asked = kb.ask("n(X)");
  EXPECT_EQ(asked.outcome, Outcome::Ok);
  EXPECT_TRUE(asked.answers.rows.empty());
}

// No global state: knowledge bases on different threads do not see each other.
TEST(Threads, KnowledgeBasesAreIndependent) {
  std::vector<std::size_t> counts(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([t, &counts] {
      KnowledgeBase kb;
      std::string text = "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
      const int n = 10 + static_cast<int>(t) * 5;
      for (int i = 1; i < n; ++i) text += "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
      if (kb.load({{"chain", text}}).outcome != Outcome::Ok) return;
      for (int round = 0; round < 5; ++round) counts[t] = kb.ask("path(X, Y)").answers.rows.size();
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < counts.size(); ++t) {
    const std::size_t n = 10 + t * 5;
    EXPECT_EQ(counts[t], (n - 1) * n / 2) << "thread " << t;
  }
}

// ---- C API ---------------------------------------------------------------------------

std::vector<std::int64_t> int_column(const writ_result* r) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < writ_result_row_count(r); ++i) out.push_back(writ_value_int64(r, i, 0));
  return out;
}

// The same through writ.h, where each thread also has its own writ_errmsg: readers that
// fail on purpose between good queries see exactly their own message, and "" after a good
// query, while the other threads fail and succeed meanwhile.
TEST(CApiThreads, ReadersSeeEachWriteWholeAndTheirOwnErrors) {
  const Script script(10);
  writ_kb* kb = nullptr;
  ASSERT_EQ(writ_open(nullptr, &kb), WRIT_OK);
  ASSERT_EQ(writ_load_text(kb, "count.writ", count_rule), WRIT_OK) << writ_errmsg(kb);
  Progress progress;

  std::thread writer([&] {
    for (const auto& w : script.writes) {
      progress.started.fetch_add(1);
      int status = WRIT_ERROR;
      switch (w.kind) {
        case Script::Kind::Load: status = writ_load_text(kb, "block", w.text.c_str()); break;
        case Script::Kind::Retract: status = writ_retract_text(kb, nullptr, w.text.c_str(), nullptr); break;
        case Script::Kind::Assume: status = writ_assume(kb, nullptr, w.text.c_str()); break;
        case Script::Kind::Forget: status = writ_forget(kb); break;
      }
      EXPECT_EQ(status, WRIT_OK) << writ_errmsg(kb);
      EXPECT_STREQ(writ_errmsg(kb), "");
      progress.done.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    progress.finished = true;
  });

  const std::string bad_goal_message =
      "<query>:1:6: error: expected a term at the end of the input\n"
      " 1 | item(\n"
      "   |      ^\n";
  std::vector<std::size_t> calls(4, 0);
  std::vector<std::thread> readers;
  for (std::size_t t = 0; t < calls.size(); ++t) {
    readers.emplace_back([&, t] {
      while (!progress.finished || calls[t] < 3) {
        const auto lo = progress.done.load();
        writ_result* r = nullptr;
        const int status = writ_query(kb, t % 2 == 0 ? "item(X)" : "count(N)", &r);
        const auto hi = progress.started.load();
        ASSERT_EQ(status, WRIT_OK) << writ_errmsg(kb);
        EXPECT_EQ(writ_errcode(kb), WRIT_OK);
        const auto got = int_column(r);
        writ_result_free(r);
        const bool ok = t % 2 == 0 ? seen_in(lo, hi, [&](std::size_t k) { return script.items[k] == got; })
                                   : got.size() == 1 && seen_in(lo, hi, [&](std::size_t k) {
                                       return static_cast<std::int64_t>(script.items[k].size()) == got[0];
                                     });
        ASSERT_TRUE(ok) << "reader " << t << " got " << show(got) << " in states " << lo << ".." << hi;
        // This thread's own message: none, or (in a state without items) that item/1 is
        // undefined, never another thread's.
        if (got.empty() || (t % 2 == 1 && got[0] == 0)) {
          ASSERT_EQ(writ_diagnostic_count(kb), 1u) << writ_errmsg(kb);
          EXPECT_EQ(writ_diagnostic_severity(kb, 0), WRIT_SEVERITY_WARNING);
          EXPECT_STREQ(writ_diagnostic_message(kb, 0), "predicate 'item/1' is not defined by any fact or rule");
        } else {
          EXPECT_STREQ(writ_errmsg(kb), "");
        }

        // A failing call, then its own message, whatever the other threads did meanwhile.
        EXPECT_EQ(writ_query(kb, "item(", &r), WRIT_ERROR_INPUT);
        EXPECT_EQ(r, nullptr);
        EXPECT_EQ(writ_errcode(kb), WRIT_ERROR_INPUT);
        EXPECT_EQ(writ_errmsg(kb), bad_goal_message);
        ASSERT_EQ(writ_diagnostic_count(kb), 1u);
        EXPECT_STREQ(writ_diagnostic_source(kb, 0), "<query>");
        EXPECT_EQ(writ_diagnostic_column(kb, 0), 6u);

        writ_result* listed = nullptr;
        ASSERT_EQ(writ_predicates(kb, &listed), WRIT_OK) << writ_errmsg(kb);
        EXPECT_EQ(writ_result_column_count(listed), 4u);
        writ_result_free(listed);
        ++calls[t];
      }
    });
  }
  writer.join();
  for (auto& th : readers) th.join();
  for (std::size_t t = 0; t < calls.size(); ++t) EXPECT_GE(calls[t], 3u) << "reader " << t << " stopped early";

  writ_result* r = nullptr;
  ASSERT_EQ(writ_query(kb, "item(X)", &r), WRIT_OK);
  EXPECT_EQ(int_column(r), script.items.back());
  writ_result_free(r);
  writ_close(kb);
}

// writ_cancel from another thread ends the queries in progress on one handle.
TEST(CApiThreads, CancelFromAnotherThread) {
  writ_kb* kb = nullptr;
  ASSERT_EQ(writ_open(nullptr, &kb), WRIT_OK);
  ASSERT_EQ(writ_set_timeout(kb, 120000), WRIT_OK);
  ASSERT_EQ(writ_load_text(kb, "endless", "n(0). n(Y) :- n(X), Y = X + 1.\n"), WRIT_OK);
  std::atomic<int> ended{0};
  std::vector<int> statuses(2, WRIT_OK);
  std::vector<std::string> messages(2);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < statuses.size(); ++t) {
    threads.emplace_back([&, t] {
      writ_result* r = nullptr;
      statuses[t] = writ_query(kb, "n(X)", &r);
      messages[t] = writ_errmsg(kb);
      writ_result_free(r);
      ended.fetch_add(1);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  while (ended.load() < static_cast<int>(statuses.size())) {
    writ_cancel(kb);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < statuses.size(); ++t) {
    EXPECT_EQ(statuses[t], WRIT_ERROR_CANCELLED);
    EXPECT_EQ(messages[t], "writ: error: evaluation cancelled\n");
  }
  writ_close(kb);
}

}  // namespace
