// The C API (writ/writ.h) through the static library: typed answers, errors with their
// places, misuse, limits and independence of knowledge bases.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "writ/writ.h"

namespace {

constexpr const char* graph =
    "edge(1, 2). edge(2, 3). edge(3, 4).\n"
    "path(X, Y) :- edge(X, Y).\n"
    "path(X, Z) :- path(X, Y), edge(Y, Z).\n";

// A knowledge base in memory, closed at the end of the test.
struct Kb {
  writ_kb* kb = nullptr;
  Kb() { EXPECT_EQ(writ_open(nullptr, &kb), WRIT_OK); }
  ~Kb() { writ_close(kb); }
  Kb(const Kb&) = delete;
  Kb& operator=(const Kb&) = delete;
  operator writ_kb*() const { return kb; }  // NOLINT(google-explicit-constructor)
};

struct Result {
  writ_result* r = nullptr;
  ~Result() { writ_result_free(r); }
};

// Column 0 of every row, as text.
std::vector<std::string> first_column(const writ_result* r) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < writ_result_row_count(r); ++i) out.emplace_back(writ_value_text(r, i, 0));
  return out;
}

TEST(CApi, Version) {
  EXPECT_STREQ(writ_version(), WRIT_VERSION);
  EXPECT_EQ(writ_version_number(), WRIT_VERSION_NUMBER);
  EXPECT_STREQ(writ_errstr(WRIT_OK), "ok");
  EXPECT_STREQ(writ_errstr(WRIT_ERROR_INPUT), "input error");
  EXPECT_STREQ(writ_errstr(12345), "unknown status");
}

TEST(CApi, TransitiveClosure) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK) << writ_errmsg(kb);
  EXPECT_STREQ(writ_errmsg(kb), "");
  EXPECT_EQ(writ_diagnostic_count(kb), 0u);
  Result r;
  ASSERT_EQ(writ_query(kb, "path(1, X)", &r.r), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_result_column_count(r.r), 1u);
  EXPECT_STREQ(writ_result_column_name(r.r, 0), "X");
  EXPECT_EQ(writ_result_column_name(r.r, 1), nullptr);
  ASSERT_EQ(writ_result_row_count(r.r), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(writ_value_type(r.r, i, 0), WRIT_INTEGER);
    EXPECT_EQ(writ_value_int64(r.r, i, 0), static_cast<std::int64_t>(i + 2));
  }
  EXPECT_EQ(first_column(r.r), (std::vector<std::string>{"2", "3", "4"}));
}

TEST(CApi, TypedValues) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "values", "v(-42, alice, \"a \\\"quoted\\\" string\").\n"), WRIT_OK)
      << writ_errmsg(kb);
  Result r;
  ASSERT_EQ(writ_query(kb, "v(I, S, T).", &r.r), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_result_row_count(r.r), 1u);
  ASSERT_EQ(writ_result_column_count(r.r), 3u);
  EXPECT_STREQ(writ_result_column_name(r.r, 0), "I");
  EXPECT_STREQ(writ_result_column_name(r.r, 1), "S");
  EXPECT_STREQ(writ_result_column_name(r.r, 2), "T");

  EXPECT_EQ(writ_value_type(r.r, 0, 0), WRIT_INTEGER);
  EXPECT_EQ(writ_value_int64(r.r, 0, 0), -42);
  EXPECT_STREQ(writ_value_text(r.r, 0, 0), "-42");
  EXPECT_EQ(writ_value_bytes(r.r, 0, 0), 3u);

  EXPECT_EQ(writ_value_type(r.r, 0, 1), WRIT_SYMBOL);
  EXPECT_STREQ(writ_value_text(r.r, 0, 1), "alice");
  EXPECT_EQ(writ_value_int64(r.r, 0, 1), 0);  // not an integer

  EXPECT_EQ(writ_value_type(r.r, 0, 2), WRIT_STRING);
  EXPECT_STREQ(writ_value_text(r.r, 0, 2), "a \"quoted\" string");
  EXPECT_EQ(writ_value_bytes(r.r, 0, 2), 17u);

  // Out of range: type 0, NULL text, no crash.
  EXPECT_EQ(writ_value_type(r.r, 1, 0), 0);
  EXPECT_EQ(writ_value_type(r.r, 0, 3), 0);
  EXPECT_EQ(writ_value_text(r.r, 1, 0), nullptr);
  EXPECT_EQ(writ_value_bytes(r.r, 0, 3), 0u);
  EXPECT_EQ(writ_value_int64(r.r, 5, 5), 0);
}

TEST(CApi, DatesDurationsAndMoney) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "values", "v(2026-03-01, 1y6mo, $12.50, -30d, CHF 3).\n"), WRIT_OK) << writ_errmsg(kb);
  Result r;
  ASSERT_EQ(writ_query(kb, "v(D, L, A, N, C)", &r.r), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_result_row_count(r.r), 1u);

  EXPECT_EQ(writ_value_type(r.r, 0, 0), WRIT_DATE);
  EXPECT_EQ(writ_value_int64(r.r, 0, 0), 20513);  // days since 1970-01-01
  EXPECT_STREQ(writ_value_text(r.r, 0, 0), "2026-03-01");
  int year = 0, month = 0, day = 0;
  EXPECT_EQ(writ_value_date(r.r, 0, 0, &year, &month, &day), 1);
  EXPECT_EQ(year, 2026);
  EXPECT_EQ(month, 3);
  EXPECT_EQ(day, 1);
  EXPECT_EQ(writ_value_date(r.r, 0, 0, nullptr, nullptr, nullptr), 1);
  EXPECT_EQ(writ_value_unit(r.r, 0, 0), nullptr);

  EXPECT_EQ(writ_value_type(r.r, 0, 1), WRIT_DURATION);
  EXPECT_EQ(writ_value_int64(r.r, 0, 1), 18);
  EXPECT_STREQ(writ_value_unit(r.r, 0, 1), "mo");
  EXPECT_STREQ(writ_value_text(r.r, 0, 1), "1y6mo");
  EXPECT_EQ(writ_value_date(r.r, 0, 1, &year, &month, &day), 0);

  EXPECT_EQ(writ_value_type(r.r, 0, 2), WRIT_MONEY);
  EXPECT_EQ(writ_value_int64(r.r, 0, 2), 1250);
  EXPECT_STREQ(writ_value_unit(r.r, 0, 2), "USD");
  EXPECT_STREQ(writ_value_text(r.r, 0, 2), "$12.50");
  EXPECT_EQ(writ_currency_decimals(writ_value_unit(r.r, 0, 2)), 2);

  EXPECT_EQ(writ_value_int64(r.r, 0, 3), -30);
  EXPECT_STREQ(writ_value_unit(r.r, 0, 3), "d");
  EXPECT_STREQ(writ_value_text(r.r, 0, 4), "CHF 3");

  EXPECT_EQ(writ_currency_decimals("JPY"), 0);
  EXPECT_EQ(writ_currency_decimals("KWD"), 3);
  EXPECT_EQ(writ_currency_decimals("XYZ"), -1);
  EXPECT_EQ(writ_currency_decimals(nullptr), -1);
  EXPECT_EQ(writ_value_unit(r.r, 1, 1), nullptr);
  EXPECT_EQ(writ_value_date(nullptr, 0, 0, &year, &month, &day), 0);
}

TEST(CApi, GoalsWithoutVariablesAndOrder) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "mixed", "m(\"s\"). m(b). m(10). m(a). m(-3).\n"), WRIT_OK) << writ_errmsg(kb);
  Result all, yes, no;
  ASSERT_EQ(writ_query(kb, "m(X)", &all.r), WRIT_OK);
  EXPECT_EQ(first_column(all.r), (std::vector<std::string>{"-3", "10", "a", "b", "s"}));
  ASSERT_EQ(writ_query(kb, "m(a)?", &yes.r), WRIT_OK);
  EXPECT_EQ(writ_result_column_count(yes.r), 0u);
  EXPECT_EQ(writ_result_row_count(yes.r), 1u);
  ASSERT_EQ(writ_query(kb, "m(c)", &no.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(no.r), 0u);
}

TEST(CApi, SyntaxErrorHasItsPlace) {
  Kb kb;
  EXPECT_EQ(writ_load_text(kb, "broken.writ", "edge(1, 2).\nedge(2 3).\n"), WRIT_ERROR_INPUT);
  EXPECT_EQ(writ_errcode(kb), WRIT_ERROR_INPUT);
  const std::string message = writ_errmsg(kb);
  EXPECT_EQ(message.rfind("broken.writ:2:8: error: ", 0), 0u) << message;
  EXPECT_NE(message.find("\n 2 | edge(2 3).\n   |        ^"), std::string::npos) << message;
  ASSERT_GE(writ_diagnostic_count(kb), 1u);
  EXPECT_EQ(writ_diagnostic_severity(kb, 0), WRIT_SEVERITY_ERROR);
  EXPECT_STREQ(writ_diagnostic_source(kb, 0), "broken.writ");
  EXPECT_EQ(writ_diagnostic_line(kb, 0), 2u);
  EXPECT_EQ(writ_diagnostic_column(kb, 0), 8u);
  EXPECT_EQ(message.find(writ_diagnostic_message(kb, 0)), 24u);
  EXPECT_EQ(writ_diagnostic_severity(kb, 99), 0);
  EXPECT_EQ(writ_diagnostic_message(kb, 99), nullptr);

  // All or nothing: the good first line was not added either.
  Result r;
  ASSERT_EQ(writ_query(kb, "edge(X, Y)", &r.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(r.r), 0u);
}

TEST(CApi, CheckErrorHasItsPlace) {
  Kb kb;
  EXPECT_EQ(writ_load_text(kb, "unsafe.writ", "p(X) :- not q(X).\n"), WRIT_ERROR_INPUT);
  const std::string message = writ_errmsg(kb);
  EXPECT_EQ(message.rfind("unsafe.writ:1:", 0), 0u) << message;
  EXPECT_NE(message.find(": error: "), std::string::npos) << message;
  EXPECT_STREQ(writ_diagnostic_source(kb, 0), "unsafe.writ");
  EXPECT_EQ(writ_diagnostic_line(kb, 0), 1u);
}

TEST(CApi, QueryErrorsAreNamedQuery) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, nullptr, graph), WRIT_OK);
  writ_result* r = reinterpret_cast<writ_result*>(&kb);  // must be reset to NULL
  EXPECT_EQ(writ_query(kb, "path(1, X", &r), WRIT_ERROR_INPUT);
  EXPECT_EQ(r, nullptr);
  EXPECT_EQ(std::string(writ_errmsg(kb)).rfind("<query>:1:", 0), 0u) << writ_errmsg(kb);
  EXPECT_STREQ(writ_diagnostic_source(kb, 0), "<query>");

  // The next call replaces the message.
  Result ok;
  ASSERT_EQ(writ_query(kb, "path(1, 2)", &ok.r), WRIT_OK);
  EXPECT_STREQ(writ_errmsg(kb), "");
  EXPECT_EQ(writ_errcode(kb), WRIT_OK);
}

TEST(CApi, UnnamedTextIsCalledText) {
  Kb kb;
  EXPECT_EQ(writ_load_text(kb, nullptr, "p(.\n"), WRIT_ERROR_INPUT);
  EXPECT_EQ(std::string(writ_errmsg(kb)).rfind("<text>:1:", 0), 0u) << writ_errmsg(kb);
}

TEST(CApi, UndefinedPredicateIsAWarning) {
  Kb kb;
  Result r;
  ASSERT_EQ(writ_query(kb, "nothing(X)", &r.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(r.r), 0u);
  ASSERT_EQ(writ_diagnostic_count(kb), 1u);
  EXPECT_EQ(writ_diagnostic_severity(kb, 0), WRIT_SEVERITY_WARNING);
  EXPECT_NE(std::string(writ_errmsg(kb)).find(": warning: "), std::string::npos) << writ_errmsg(kb);
}

TEST(CApi, LoadFile) {
  Kb kb;
  EXPECT_EQ(writ_load_file(kb, "/nonexistent/dir/x.writ"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: cannot open '/nonexistent/dir/x.writ': No such file or directory\n");
  EXPECT_EQ(writ_diagnostic_source(kb, 0), nullptr);
  EXPECT_EQ(writ_diagnostic_line(kb, 0), 0u);

  const std::string path = ::testing::TempDir() + "writ_c_api_test.writ";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("likes(ann, \"tea\").\nlikes(bob, ).\n", f);
    std::fclose(f);
  }
  EXPECT_EQ(writ_load_file(kb, path.c_str()), WRIT_ERROR_INPUT);
  EXPECT_EQ(std::string(writ_errmsg(kb)).rfind(path + ":2:", 0), 0u) << writ_errmsg(kb);
  EXPECT_STREQ(writ_diagnostic_source(kb, 0), path.c_str());
  std::remove(path.c_str());
}

// A read error is never the end of a file: the C API's file loaders fail and add nothing
// (/proc/self/mem fails its first read with EIO; tests/cli/read_fault_test.cpp fails reads
// part-way through a file).
TEST(CApi, FileLoadersFailOnAReadErrorAndAddNothing) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "t", "p(1)."), WRIT_OK);
  EXPECT_EQ(writ_load_file(kb, "/proc/self/mem"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: cannot read '/proc/self/mem': Input/output error\n");
  uint64_t rows = 7;
  EXPECT_EQ(writ_import_csv(kb, "/proc/self/mem", "t", 0, &rows), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: cannot read '/proc/self/mem': Input/output error\n");
  EXPECT_EQ(rows, 0u);
  EXPECT_EQ(writ_load_file(kb, "/dev/zero"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: cannot read '/dev/zero': it is a character device, not a file\n");
  EXPECT_EQ(writ_load_file(kb, "/"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: cannot read '/': Is a directory\n");
  Result r;
  ASSERT_EQ(writ_query(kb, "p(X)", &r.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(r.r), 1u);
  Result t;
  ASSERT_EQ(writ_query(kb, "t(X)", &t.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(t.r), 0u);
}

TEST(CApi, Misuse) {
  writ_result* r = nullptr;
  EXPECT_EQ(writ_open(nullptr, nullptr), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_load_text(nullptr, "x", "p(1)."), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_load_file(nullptr, "x"), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_retract_text(nullptr, "x", "p(1).", nullptr), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_query(nullptr, "p(X)", &r), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_set_timeout(nullptr, 10), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_set_max_facts(nullptr, 10), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_errcode(nullptr), WRIT_ERROR_MISUSE);
  EXPECT_NE(writ_errmsg(nullptr), nullptr);
  EXPECT_EQ(writ_diagnostic_count(nullptr), 0u);
  EXPECT_EQ(writ_close(nullptr), WRIT_OK);
  writ_cancel(nullptr);
  writ_result_free(nullptr);
  writ_free(nullptr);
  EXPECT_EQ(writ_result_row_count(nullptr), 0u);
  EXPECT_EQ(writ_result_column_count(nullptr), 0u);
  EXPECT_EQ(writ_result_column_name(nullptr, 0), nullptr);
  EXPECT_EQ(writ_value_type(nullptr, 0, 0), 0);
  EXPECT_EQ(writ_value_text(nullptr, 0, 0), nullptr);

  Kb kb;
  EXPECT_EQ(writ_load_text(kb, "x", nullptr), WRIT_ERROR_MISUSE);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: writ_load_text: text is NULL\n");
  EXPECT_EQ(writ_load_file(kb, nullptr), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_query(kb, nullptr, &r), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_query(kb, "p(X)", nullptr), WRIT_ERROR_MISUSE);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: writ_query: out is NULL\n");
  EXPECT_EQ(writ_diagnostic_count(kb), 1u);
  EXPECT_STREQ(writ_diagnostic_message(kb, 0), "writ_query: out is NULL");
}

// A path for a store file, removed before and after the test.
struct TempStore {
  std::string path;
  explicit TempStore(const std::string& name) : path(::testing::TempDir() + name) { std::remove(path.c_str()); }
  ~TempStore() {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;
};

std::size_t count_rows(writ_kb* kb, const char* goal) {
  writ_result* r = nullptr;
  EXPECT_EQ(writ_query(kb, goal, &r), WRIT_OK) << writ_errmsg(kb);
  const auto n = writ_result_row_count(r);
  writ_result_free(r);
  return n;
}

TEST(CApi, StoreKeepsWhatIsLoaded) {
  TempStore store("writ_c_api_test.writdb");
  writ_kb* kb = nullptr;
  ASSERT_EQ(writ_open(store.path.c_str(), &kb), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK) << writ_errmsg(kb);  // transaction 1
  writ_close(kb);

  ASSERT_EQ(writ_open(store.path.c_str(), &kb), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(count_rows(kb, "path(1, X)"), 3u);
  uint64_t removed = 99;
  EXPECT_EQ(writ_retract_text(kb, nullptr, "edge(9, 9).", &removed), WRIT_ERROR_INPUT);
  EXPECT_EQ(removed, 0u);
  EXPECT_EQ(std::string(writ_errmsg(kb)).rfind("<retract>:1:", 0), 0u) << writ_errmsg(kb);
  ASSERT_EQ(writ_retract_text(kb, "undo", "edge(3, 4).", &removed), WRIT_OK) << writ_errmsg(kb);  // 2
  EXPECT_EQ(removed, 1u);
  EXPECT_EQ(count_rows(kb, "path(1, X)"), 2u);
  writ_close(kb);

  // As of transaction 1 the edge is still there; as of 0 the store is empty.
  ASSERT_EQ(writ_open_v2(store.path.c_str(), 0, 1, &kb), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(count_rows(kb, "path(1, X)"), 3u);
  writ_close(kb);
  ASSERT_EQ(writ_open_v2(store.path.c_str(), 0, 0, &kb), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(count_rows(kb, "edge(X, Y)"), 0u);
  writ_close(kb);

  // Read-only: answers, but refuses to retract.
  ASSERT_EQ(writ_open_v2(store.path.c_str(), WRIT_OPEN_READONLY, -1, &kb), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(count_rows(kb, "path(1, X)"), 2u);
  EXPECT_EQ(writ_retract_text(kb, nullptr, "edge(1, 2).", nullptr), WRIT_ERROR_INPUT);
  EXPECT_NE(std::string(writ_errmsg(kb)), "");
  writ_close(kb);
}

TEST(CApi, NotAStore) {
  TempStore store("writ_c_api_test_not_a_store.writdb");
  FILE* f = std::fopen(store.path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  std::fputs("this is not a SQLite file, it only has the right name\n", f);
  std::fclose(f);

  writ_kb* kb = nullptr;
  EXPECT_EQ(writ_open(store.path.c_str(), &kb), WRIT_ERROR_STORE);
  ASSERT_NE(kb, nullptr);  // as sqlite3_open: a handle to read the message from
  EXPECT_EQ(writ_errcode(kb), WRIT_ERROR_STORE);
  EXPECT_NE(std::string(writ_errmsg(kb)).find(": error: "), std::string::npos) << writ_errmsg(kb);
  EXPECT_GE(writ_diagnostic_count(kb), 1u);
  EXPECT_EQ(writ_load_text(kb, "x", "p(1)."), WRIT_ERROR_MISUSE);
  writ_result* r = nullptr;
  EXPECT_EQ(writ_query(kb, "p(X)", &r), WRIT_ERROR_MISUSE);
  EXPECT_EQ(r, nullptr);
  EXPECT_EQ(writ_close(kb), WRIT_OK);
}

TEST(CApi, OpenOptionsMisuse) {
  writ_kb* kb = nullptr;
  EXPECT_EQ(writ_open_v2(nullptr, WRIT_OPEN_READONLY, -1, &kb), WRIT_ERROR_MISUSE);
  EXPECT_STREQ(writ_errmsg(kb),
               "writ: error: writ_open_v2: a knowledge base in memory takes no flags and no as_of\n");
  writ_close(kb);
  EXPECT_EQ(writ_open_v2(":memory:", 0, 3, &kb), WRIT_ERROR_MISUSE);
  writ_close(kb);
  EXPECT_EQ(writ_open_v2("x.writdb", 0x100, -1, &kb), WRIT_ERROR_MISUSE);
  writ_close(kb);

  EXPECT_EQ(writ_open(":memory:", &kb), WRIT_OK);
  EXPECT_EQ(writ_close(kb), WRIT_OK);
}

TEST(CApi, ExplainReturnsTheArgumentTreeAsJson) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "p", "bird(tweety).\nr1: flies(X) :~ bird(X).\n"), WRIT_OK);
  char* json = reinterpret_cast<char*>(&kb);  // must be replaced
  ASSERT_EQ(writ_explain(kb, "flies(X)", &json), WRIT_OK);
  ASSERT_NE(json, nullptr);
  EXPECT_STREQ(json,
               "{\"goal\": \"flies(X)\", \"perspective\": null, \"assumptions\": [], \"columns\": [\"X\"], \"answers\": "
               "[{\"values\": [\"tweety\"], \"columns\": [\"X\"], \"status\": \"accepted\", \"node\": \"n1\"}], \"nodes\": "
               "[{\"id\": \"n1\", \"kind\": \"literal\", \"label\": \"flies(tweety)\", \"text\": \"flies(tweety)\", "
               "\"status\": \"accepted\", \"depth\": 0}, {\"id\": \"a1\", \"kind\": \"argument\", \"label\": \"r1\", "
               "\"text\": \"flies(tweety), because bird(tweety)\", \"status\": \"accepted\", \"rule\": \"r1\", "
               "\"rule_kind\": \"defeasible\", \"claimant\": null, \"statement\": \"r1: flies(X) :~ bird(X).\", "
               "\"place\": \"p:2\", \"citations\": [], \"bindings\": {\"X\": \"tweety\"}, \"depth\": 1}, {\"id\": \"n2\", "
               "\"kind\": \"literal\", \"label\": \"bird(tweety)\", \"text\": \"bird(tweety)\", \"status\": \"established\", "
               "\"depth\": 1}, {\"id\": \"a2\", \"kind\": \"argument\", \"label\": \"fact\", \"text\": \"bird(tweety)\", "
               "\"status\": \"established\", \"rule\": null, \"rule_kind\": \"fact\", \"claimant\": null, \"statement\": "
               "\"bird(tweety).\", \"place\": \"p:1\", \"citations\": [], \"depth\": 2}], \"edges\": [{\"from\": \"a1\", "
               "\"to\": \"n1\", \"kind\": \"concludes\"}, {\"from\": \"n2\", \"to\": \"a1\", \"kind\": \"premise\"}, "
               "{\"from\": \"a2\", \"to\": \"n2\", \"kind\": \"concludes\"}], \"legend\": {\"established\": \"#1f5fa8\", "
               "\"accepted\": \"#2e8b3e\", \"contested\": \"#c77c00\", \"rejected\": \"#c62828\"}}");
  writ_free(json);
  json = reinterpret_cast<char*>(&kb);  // must be reset to NULL
  EXPECT_EQ(writ_explain(kb, "flies(", &json), WRIT_ERROR_INPUT);
  EXPECT_EQ(json, nullptr);
  EXPECT_EQ(writ_explain(kb, nullptr, &json), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_explain(kb, "flies(X)", nullptr), WRIT_ERROR_MISUSE);
}

TEST(CApi, MaxFactsLimit) {
  Kb kb;
  std::string chain = "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
  for (int i = 1; i < 40; ++i) chain += "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
  ASSERT_EQ(writ_load_text(kb, "chain", chain.c_str()), WRIT_OK);
  ASSERT_EQ(writ_set_max_facts(kb, 100), WRIT_OK);
  Result r;
  EXPECT_EQ(writ_query(kb, "path(1, X)", &r.r), WRIT_ERROR_LIMIT);
  EXPECT_EQ(r.r, nullptr);
  EXPECT_NE(std::string(writ_errmsg(kb)), "");
  // Lifting the limit makes the same knowledge base answer.
  ASSERT_EQ(writ_set_max_facts(kb, 0), WRIT_OK);
  ASSERT_EQ(writ_query(kb, "path(1, X)", &r.r), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(writ_result_row_count(r.r), 39u);
}

TEST(CApi, MaxMemoryLimit) {
  EXPECT_EQ(writ_set_max_memory(nullptr, 1 << 20), WRIT_ERROR_MISUSE);
  Kb kb;
  // 100,000 numbers: a few MiB of relation and index, past a ceiling of 256 KiB.
  ASSERT_EQ(writ_load_text(kb, "count", "n(0).\nn(Y) :- n(X), X < 100000, Y = X + 1.\n"), WRIT_OK);
  ASSERT_EQ(writ_set_max_memory(kb, 256 << 10), WRIT_OK);
  Result r;
  EXPECT_EQ(writ_query(kb, "n(X), X > 99998", &r.r), WRIT_ERROR_LIMIT);
  EXPECT_EQ(r.r, nullptr);
  EXPECT_EQ(std::string(writ_errmsg(kb)),
            "writ: error: memory limit of 256 KiB exceeded: evaluation stopped (raise the limit with --max-memory)\n");
  // 0 restores the default, which this fits in.
  ASSERT_EQ(writ_set_max_memory(kb, 0), WRIT_OK);
  ASSERT_EQ(writ_query(kb, "n(X), X > 99998", &r.r), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(first_column(r.r), (std::vector<std::string>{"99999", "100000"}));
}

TEST(CApi, IsComplete) {
  EXPECT_EQ(writ_is_complete("edge(1, 2)."), 1);
  EXPECT_EQ(writ_is_complete("edge(1,"), 0);
  EXPECT_EQ(writ_is_complete("p(\"open string."), 0);
  EXPECT_EQ(writ_is_complete(""), 1);
  EXPECT_EQ(writ_is_complete(nullptr), 1);
}

TEST(CApi, TwoKnowledgeBasesAreIndependent) {
  Kb a, b;
  ASSERT_EQ(writ_load_text(a, "a", "fact(1). fact(2)."), WRIT_OK);
  ASSERT_EQ(writ_load_text(b, "b", "fact(x)."), WRIT_OK);
  EXPECT_EQ(writ_load_text(b, "bad", "fact("), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(a), "");  // b's error is b's
  Result ra, rb;
  ASSERT_EQ(writ_query(a, "fact(X)", &ra.r), WRIT_OK);
  ASSERT_EQ(writ_query(b, "fact(X)", &rb.r), WRIT_OK);
  EXPECT_EQ(first_column(ra.r), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(first_column(rb.r), (std::vector<std::string>{"x"}));
}

TEST(CApi, ResultOutlivesItsKnowledgeBase) {
  writ_kb* kb = nullptr;
  ASSERT_EQ(writ_open(nullptr, &kb), WRIT_OK);
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK);
  writ_result* r = nullptr;
  ASSERT_EQ(writ_query(kb, "path(X, 4)", &r), WRIT_OK);
  writ_close(kb);
  EXPECT_EQ(first_column(r), (std::vector<std::string>{"1", "2", "3"}));
  writ_result_free(r);
}

TEST(CApi, KnowledgeBasesInParallelThreads) {
  // No global state: each thread builds and asks its own knowledge base.
  std::vector<std::size_t> counts(2, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([t, &counts] {
      writ_kb* kb = nullptr;
      if (writ_open(nullptr, &kb) != WRIT_OK) return;
      std::string text = "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
      const int n = 20 + static_cast<int>(t) * 10;
      for (int i = 1; i < n; ++i) text += "edge(" + std::to_string(i) + ", " + std::to_string(i + 1) + ").\n";
      writ_result* r = nullptr;
      if (writ_load_text(kb, "chain", text.c_str()) == WRIT_OK && writ_query(kb, "path(X, Y)", &r) == WRIT_OK)
        counts[t] = writ_result_row_count(r);
      writ_result_free(r);
      writ_close(kb);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(counts[0], 19u * 20u / 2u);
  EXPECT_EQ(counts[1], 29u * 30u / 2u);
}

// ---- Statuses, why-not, assumptions and listings -------------------------------------

constexpr const char* birds =
    "bird(tweety). bird(polly). penguin(polly). quaker(nixon). republican(nixon).\n"
    "r_flies: flies(X) :~ bird(X).\n"
    "r_penguin: -flies(X) :~ penguin(X).\n"
    "r_penguin > r_flies.\n"
    "pacifist(X) :~ quaker(X).\n"
    "-pacifist(X) :~ republican(X).\n";

TEST(CApi, RowStatuses) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "birds", birds), WRIT_OK) << writ_errmsg(kb);
  Result flies;
  ASSERT_EQ(writ_query(kb, "flies(X)", &flies.r), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(writ_result_has_status(flies.r), 1);
  ASSERT_EQ(first_column(flies.r), (std::vector<std::string>{"polly", "tweety"}));
  EXPECT_EQ(writ_row_status(flies.r, 0), WRIT_REJECTED);
  EXPECT_EQ(writ_row_status(flies.r, 1), WRIT_ACCEPTED);
  EXPECT_EQ(writ_row_status(flies.r, 2), 0);  // out of range
  Result pacifist;
  ASSERT_EQ(writ_query(kb, "pacifist(X)", &pacifist.r), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_result_row_count(pacifist.r), 1u);
  EXPECT_EQ(writ_row_status(pacifist.r, 0), WRIT_CONTESTED);
  Result bird;
  ASSERT_EQ(writ_query(kb, "bird(X)", &bird.r), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_result_row_count(bird.r), 2u);
  EXPECT_EQ(writ_row_status(bird.r, 0), WRIT_ESTABLISHED);
  EXPECT_EQ(writ_row_status(bird.r, 1), WRIT_ESTABLISHED);

  EXPECT_STREQ(writ_row_status_name(WRIT_REJECTED), "rejected");
  EXPECT_STREQ(writ_row_status_name(WRIT_CONTESTED), "contested");
  EXPECT_STREQ(writ_row_status_name(WRIT_ACCEPTED), "accepted");
  EXPECT_STREQ(writ_row_status_name(WRIT_ESTABLISHED), "established");
  EXPECT_EQ(writ_row_status_name(0), nullptr);
  EXPECT_EQ(writ_row_status_name(5), nullptr);

  // A program without arguments: answers simply hold and carry no status.
  Kb plain;
  ASSERT_EQ(writ_load_text(plain, "graph", graph), WRIT_OK);
  Result path;
  ASSERT_EQ(writ_query(plain, "path(1, X)", &path.r), WRIT_OK);
  EXPECT_EQ(writ_result_has_status(path.r), 0);
  EXPECT_EQ(writ_row_status(path.r, 0), 0);
  EXPECT_EQ(writ_result_has_status(nullptr), 0);
  EXPECT_EQ(writ_row_status(nullptr, 0), 0);
}

TEST(CApi, WhyNot) {
  // The trees' details belong to the argument layer (tests/engine); here: what the C API
  // hands out, and its errors.
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK);
  char* json = nullptr;
  ASSERT_EQ(writ_why_not(kb, "path(4, 1).", &json), WRIT_OK) << writ_errmsg(kb);
  ASSERT_NE(json, nullptr);
  const std::string missing = json;
  writ_free(json);
  EXPECT_EQ(missing.rfind("[{\"kind\": \"conclusion\", \"role\": \"for\", \"literal\": \"path(4, 1)\", ", 0), 0u)
      << missing;
  EXPECT_NE(missing.find("\"text\": \"path(X, Y) :- edge(X, Y).\", \"place\": \"graph:2\""), std::string::npos)
      << missing;
  EXPECT_NE(missing.find("\"text\": \"path(X, Z) :- path(X, Y), edge(Y, Z).\", \"place\": \"graph:3\""),
            std::string::npos)
      << missing;
  EXPECT_EQ(missing.back(), ']');

  json = nullptr;
  ASSERT_EQ(writ_why_not(kb, "nowhere(1)", &json), WRIT_OK) << writ_errmsg(kb);
  const std::string nothing = json;
  writ_free(json);
  EXPECT_EQ(nothing.rfind("[{\"kind\": \"conclusion\", \"role\": \"for\", \"literal\": \"nowhere(1)\", ", 0), 0u)
      << nothing;
  EXPECT_NE(nothing.find("\"children\": []}]"), std::string::npos) << nothing;

  json = nullptr;
  EXPECT_EQ(writ_why_not(kb, "path(1,", &json), WRIT_ERROR_INPUT);
  EXPECT_EQ(json, nullptr);
  EXPECT_EQ(std::string(writ_errmsg(kb)).rfind("<query>:1:", 0), 0u) << writ_errmsg(kb);
  EXPECT_EQ(writ_why_not(kb, nullptr, &json), WRIT_ERROR_MISUSE);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: writ_why_not: goal is NULL\n");
  EXPECT_EQ(writ_why_not(kb, "path(1, X)", nullptr), WRIT_ERROR_MISUSE);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: writ_why_not: json_out is NULL\n");
  EXPECT_EQ(writ_why_not(nullptr, "path(1, X)", &json), WRIT_ERROR_MISUSE);
}

std::vector<std::string> column_texts(const writ_result* r, std::size_t col) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < writ_result_row_count(r); ++i) out.emplace_back(writ_value_text(r, i, col));
  return out;
}

TEST(CApi, Assumptions) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "graph", "edge(1, 2). edge(2, 3).\nstep: path(X, Y) :- edge(X, Y).\n"
                                        "path(X, Z) :- path(X, Y), edge(Y, Z).\n"),
            WRIT_OK)
      << writ_errmsg(kb);
  ASSERT_EQ(writ_assume(kb, nullptr, "edge(3, 4)."), WRIT_OK) << writ_errmsg(kb);
  Result r1;
  ASSERT_EQ(writ_query(kb, "path(1, X)", &r1.r), WRIT_OK);
  EXPECT_EQ(first_column(r1.r), (std::vector<std::string>{"2", "3", "4"}));
  Result listed;
  ASSERT_EQ(writ_assumptions(kb, &listed.r), WRIT_OK);
  ASSERT_EQ(writ_result_column_count(listed.r), 1u);
  EXPECT_STREQ(writ_result_column_name(listed.r, 0), "assumption");
  EXPECT_EQ(writ_value_type(listed.r, 0, 0), WRIT_STRING);
  EXPECT_EQ(column_texts(listed.r, 0), (std::vector<std::string>{"edge(3, 4)."}));

  ASSERT_EQ(writ_assume_off(kb, "step"), WRIT_OK) << writ_errmsg(kb);
  Result r2;
  ASSERT_EQ(writ_query(kb, "path(1, X)", &r2.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(r2.r), 0u);
  Result listed2;
  ASSERT_EQ(writ_assumptions(kb, &listed2.r), WRIT_OK);
  EXPECT_EQ(column_texts(listed2.r, 0), (std::vector<std::string>{"edge(3, 4).", "off step"}));

  EXPECT_EQ(writ_assume_off(kb, "nolabel"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: no rule is labelled 'nolabel'\n");
  EXPECT_EQ(writ_assume(kb, "what-if", "edge(3, ."), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_diagnostic_source(kb, 0), "what-if");
  EXPECT_EQ(writ_assume(kb, nullptr, "?- edge(1, X)."), WRIT_ERROR_INPUT);
  EXPECT_EQ(std::string(writ_errmsg(kb)).rfind("<assume>:1:1: error: a query cannot be assumed", 0), 0u)
      << writ_errmsg(kb);

  ASSERT_EQ(writ_forget(kb), WRIT_OK);
  Result r3;
  ASSERT_EQ(writ_query(kb, "path(1, X)", &r3.r), WRIT_OK);
  EXPECT_EQ(first_column(r3.r), (std::vector<std::string>{"2", "3"}));
  Result listed3;
  ASSERT_EQ(writ_assumptions(kb, &listed3.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(listed3.r), 0u);
  EXPECT_EQ(writ_result_column_count(listed3.r), 1u);

  EXPECT_EQ(writ_assume(kb, nullptr, nullptr), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_assume(nullptr, nullptr, "p(1)."), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_assume_off(kb, nullptr), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_forget(nullptr), WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_assumptions(kb, nullptr), WRIT_ERROR_MISUSE);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: writ_assumptions: out is NULL\n");
}

TEST(CApi, PredicatesAndRuleTexts) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK);
  Result p;
  ASSERT_EQ(writ_predicates(kb, &p.r), WRIT_OK);
  ASSERT_EQ(writ_result_column_count(p.r), 4u);
  EXPECT_STREQ(writ_result_column_name(p.r, 0), "name");
  EXPECT_STREQ(writ_result_column_name(p.r, 1), "arity");
  EXPECT_STREQ(writ_result_column_name(p.r, 2), "facts");
  EXPECT_STREQ(writ_result_column_name(p.r, 3), "rules");
  EXPECT_EQ(writ_result_has_status(p.r), 0);
  ASSERT_EQ(writ_result_row_count(p.r), 2u);
  EXPECT_EQ(column_texts(p.r, 0), (std::vector<std::string>{"edge", "path"}));
  EXPECT_EQ(writ_value_type(p.r, 0, 0), WRIT_STRING);
  EXPECT_EQ(writ_value_type(p.r, 0, 1), WRIT_INTEGER);
  EXPECT_EQ(writ_value_int64(p.r, 0, 1), 2);
  EXPECT_EQ(writ_value_int64(p.r, 0, 2), 3);
  EXPECT_EQ(writ_value_int64(p.r, 0, 3), 0);
  EXPECT_EQ(writ_value_int64(p.r, 1, 1), 2);
  EXPECT_EQ(writ_value_int64(p.r, 1, 2), 0);
  EXPECT_EQ(writ_value_int64(p.r, 1, 3), 2);

  Result rules;
  ASSERT_EQ(writ_rule_texts(kb, "path", &rules.r), WRIT_OK);
  EXPECT_STREQ(writ_result_column_name(rules.r, 0), "text");
  EXPECT_EQ(column_texts(rules.r, 0),
            (std::vector<std::string>{"path(X, Y) :- edge(X, Y).", "path(X, Z) :- path(X, Y), edge(Y, Z)."}));
  Result all;
  ASSERT_EQ(writ_rule_texts(kb, nullptr, &all.r), WRIT_OK);
  EXPECT_EQ(column_texts(all.r, 0),
            (std::vector<std::string>{"edge(1, 2).", "edge(2, 3).", "edge(3, 4).", "path(X, Y) :- edge(X, Y).",
                                      "path(X, Z) :- path(X, Y), edge(Y, Z)."}));
  Result none;
  ASSERT_EQ(writ_rule_texts(kb, "nothing", &none.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(none.r), 0u);

  Kb empty;
  Result nothing;
  ASSERT_EQ(writ_predicates(empty, &nothing.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(nothing.r), 0u);
  Result misuse;  // a failed call sets *out to NULL: not into a result still held
  EXPECT_EQ(writ_predicates(nullptr, &misuse.r), WRIT_ERROR_MISUSE);
  EXPECT_EQ(misuse.r, nullptr);
  EXPECT_EQ(writ_rule_texts(kb, "path", nullptr), WRIT_ERROR_MISUSE);
}

TEST(CApi, Transactions) {
  TempStore store("writ_c_api_test_transactions.writdb");
  writ_kb* kb = nullptr;
  ASSERT_EQ(writ_open(store.path.c_str(), &kb), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_retract_text(kb, nullptr, "edge(3, 4).", nullptr), WRIT_OK) << writ_errmsg(kb);
  writ_result* r = nullptr;
  ASSERT_EQ(writ_transactions(kb, &r), WRIT_OK) << writ_errmsg(kb);
  ASSERT_EQ(writ_result_column_count(r), 5u);
  const std::vector<std::string> columns{"number", "time", "description", "added", "removed"};
  for (std::size_t c = 0; c < columns.size(); ++c) EXPECT_EQ(writ_result_column_name(r, c), columns[c]);
  ASSERT_EQ(writ_result_row_count(r), 2u);
  EXPECT_EQ(writ_value_int64(r, 0, 0), 1);
  EXPECT_EQ(writ_value_int64(r, 1, 0), 2);
  EXPECT_EQ(column_texts(r, 2), (std::vector<std::string>{"load graph", "retract edge(3, 4)."}));
  EXPECT_EQ(writ_value_int64(r, 0, 3), 5);
  EXPECT_EQ(writ_value_int64(r, 0, 4), 0);
  EXPECT_EQ(writ_value_int64(r, 1, 3), 0);
  EXPECT_EQ(writ_value_int64(r, 1, 4), 1);
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string time = writ_value_text(r, i, 1);  // 2024-05-01T09:30:00.123Z
    EXPECT_EQ(writ_value_type(r, i, 1), WRIT_STRING);
    ASSERT_EQ(time.size(), 24u) << time;
    EXPECT_EQ(time[10], 'T');
    EXPECT_EQ(time[19], '.');
    EXPECT_EQ(time[23], 'Z');
  }
  writ_result_free(r);
  writ_close(kb);

  Kb memory;  // no store: no transactions
  Result none;
  ASSERT_EQ(writ_transactions(memory, &none.r), WRIT_OK);
  EXPECT_EQ(writ_result_row_count(none.r), 0u);
  EXPECT_EQ(writ_result_column_count(none.r), 5u);
}

TEST(CApi, EachThreadHasItsOwnLastError) {
  Kb kb;
  ASSERT_EQ(writ_load_text(kb, "graph", graph), WRIT_OK);
  Result bad;
  EXPECT_EQ(writ_query(kb, "path(1,", &bad.r), WRIT_ERROR_INPUT);
  const std::string mine = writ_errmsg(kb);
  ASSERT_NE(mine, "");
  std::string theirs_before;
  std::string theirs_after;
  int their_code = -1;
  std::thread other([&] {
    theirs_before = writ_errmsg(kb);  // no call yet on this thread
    Result r;
    their_code = writ_query(kb, "path(1, X)", &r.r);
    theirs_after = writ_errmsg(kb);
  });
  other.join();
  EXPECT_EQ(theirs_before, "");
  EXPECT_EQ(their_code, WRIT_OK);
  EXPECT_EQ(theirs_after, "");
  EXPECT_EQ(writ_errmsg(kb), mine);  // the other thread's success left this thread's error
  EXPECT_EQ(writ_errcode(kb), WRIT_ERROR_INPUT);
}

}  // namespace

namespace {

TEST(CApi, ImportCsvAndMaterialize) {
  TempStore store("writ_c_api_test_import.writdb");
  const std::string csv = ::testing::TempDir() + "writ_c_api_test_edges.tsv";
  {
    std::FILE* f = std::fopen(csv.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("from\tto\n1\t2\n2\t3\n", f);
    std::fclose(f);
  }
  writ_kb* kb = nullptr;
  ASSERT_EQ(writ_open(store.path.c_str(), &kb), WRIT_OK) << writ_errmsg(kb);
  uint64_t rows = 99;
  ASSERT_EQ(writ_import_csv(kb, csv.c_str(), "edge", WRIT_IMPORT_HEADER, &rows), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(rows, 2u);  // a .tsv file: tabs without WRIT_IMPORT_TABS
  ASSERT_EQ(writ_load_text(kb, "rules", "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n"),
            WRIT_OK);
  EXPECT_EQ(count_rows(kb, "path(1, X)"), 2u);
  uint64_t facts = 0;
  EXPECT_EQ(writ_verify_store(kb, &facts), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(facts, 2u);
  EXPECT_EQ(writ_verify_store(kb, nullptr), WRIT_OK);
  EXPECT_EQ(writ_materialize(kb, "path"), WRIT_OK) << writ_errmsg(kb);
  EXPECT_EQ(writ_materialize(kb, "nope"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(kb), "writ: error: no predicate 'nope' is defined\n");
  EXPECT_EQ(writ_import_csv(kb, csv.c_str(), "Edge", 0, &rows), WRIT_ERROR_INPUT);
  EXPECT_EQ(rows, 0u);
  EXPECT_EQ(writ_import_csv(kb, csv.c_str(), "edge", WRIT_IMPORT_HEADER | WRIT_IMPORT_NO_HEADER, nullptr),
            WRIT_ERROR_MISUSE);
  EXPECT_EQ(writ_import_csv(kb, nullptr, "edge", 0, nullptr), WRIT_ERROR_MISUSE);
  writ_close(kb);
  std::remove(csv.c_str());

  Kb memory;  // materialize needs a store
  EXPECT_EQ(writ_materialize(memory, "p"), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(memory), "writ: error: materialize needs a store: open one first\n");
  EXPECT_EQ(writ_verify_store(memory, nullptr), WRIT_ERROR_INPUT);
  EXPECT_STREQ(writ_errmsg(memory), "writ: error: no store is open\n");
  EXPECT_EQ(writ_verify_store(nullptr, nullptr), WRIT_ERROR_MISUSE);
}

}  // namespace
