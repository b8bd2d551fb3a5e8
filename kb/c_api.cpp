// The C API (writ/writ.h) over writ::kb::KnowledgeBase.
//
// Every entry point catches everything: C callers cannot handle C++ exceptions, so an
// exception becomes a status code and a message (std::bad_alloc -> WRIT_ERROR_NOMEM).
// Results are copied out of the C++ answers, so a writ_result never points into its kb.
// A handle adds no locking of its own around the knowledge base, whose calls are
// thread-safe; it keeps each thread's last status and messages apart (writ_errmsg).
#include "writ/writ.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/calendar.hpp"
#include "query/currency.hpp"
#include "writ/knowledge_base.hpp"

// The header's version must be the project's (CMake passes the latter).
static_assert(std::string_view(WRIT_VERSION) == WRIT_PROJECT_VERSION,
              "WRIT_VERSION in writ.h must match project(VERSION) in CMakeLists.txt");
static_assert(WRIT_VERSION_NUMBER == WRIT_PROJECT_VERSION_NUMBER,
              "WRIT_VERSION_NUMBER in writ.h must match project(VERSION) in CMakeLists.txt");

namespace {

using writ::kb::Outcome;
using writ::query::Diagnostic;
using writ::query::Severity;

struct DiagnosticView {
  int severity = WRIT_SEVERITY_ERROR;
  std::string message;
  std::string source;
  bool has_source = false;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

constexpr const char* out_of_memory = "writ: error: out of memory\n";

int severity_code(Severity s) {
  switch (s) {
    case Severity::Error: return WRIT_SEVERITY_ERROR;
    case Severity::Warning: return WRIT_SEVERITY_WARNING;
    case Severity::Note: return WRIT_SEVERITY_NOTE;
  }
  return WRIT_SEVERITY_ERROR;
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

int status_of(Outcome o) {
  switch (o) {
    case Outcome::Ok: return WRIT_OK;
    case Outcome::InputError: return WRIT_ERROR_INPUT;
    case Outcome::LimitHit: return WRIT_ERROR_LIMIT;
    case Outcome::Cancelled: return WRIT_ERROR_CANCELLED;
  }
  return WRIT_ERROR;
}

}  // namespace

namespace {

// What one call reported: its status and diagnostics, read back through writ_errmsg,
// writ_errcode and writ_diagnostic_*.
struct Report {
  int status = WRIT_OK;
  std::string message;                   // rendered diagnostics of the call
  const char* static_message = nullptr;  // used instead when memory ran out
  std::vector<DiagnosticView> diagnostics;

  void clear() noexcept {
    status = WRIT_OK;
    message.clear();
    static_message = nullptr;
    diagnostics.clear();
  }

  int fail_nomem() noexcept {
    clear();
    status = WRIT_ERROR_NOMEM;
    static_message = out_of_memory;
    return status;
  }

  // An error with no place in a text, rendered as the knowledge base renders those.
  int fail(int code, std::string_view text) noexcept {
    clear();
    try {
      message = "writ: error: " + std::string(text) + "\n";
      diagnostics.push_back(DiagnosticView{WRIT_SEVERITY_ERROR, std::string(text), {}, false, 0, 0});
    } catch (...) {
      return fail_nomem();
    }
    status = code;
    return status;
  }

  // Records the diagnostics of a C++ call. The C++ API renders but does not expose source
  // names, so each diagnostic's name is read back from its rendered first line.
  void record(const writ::kb::KnowledgeBase& kb, const std::vector<Diagnostic>& ds) {
    message = kb.render(ds);
    for (const auto& d : ds) {
      DiagnosticView v{severity_code(d.severity), d.message, {}, false, d.location.line, d.location.column};
      if (d.location.line > 0) {
        const auto rendered = kb.render({Diagnostic{d.severity, d.location, d.message, {}}});
        const auto tail = ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) +
                          ": " + severity_name(d.severity) + ": " + d.message + "\n";
        const auto at = rendered.find(tail);
        if (at != std::string::npos) {
          v.source = rendered.substr(0, at);
          v.has_source = true;
        }
      }
      diagnostics.push_back(std::move(v));
    }
  }
};

}  // namespace

struct writ_kb {
  std::unique_ptr<writ::kb::KnowledgeBase> kb;  // null when writ_open failed; thread-safe

  std::mutex limits_mutex;  // writ_set_timeout, writ_set_max_facts and writ_set_max_memory each change one
  writ::kb::Limits limits;

  // Each thread's last call. writ_errmsg is about the calling thread's own last call, so
  // threads asking one kb at once never read or overwrite each other's messages. An entry
  // is never removed before writ_close, so its strings stay where they are.
  std::mutex reports_mutex;
  std::unordered_map<std::thread::id, std::unique_ptr<Report>> reports;

  // The calling thread's report, made on first use; null when memory ran out.
  Report* report() noexcept {
    try {
      const std::lock_guard lock(reports_mutex);
      auto& r = reports[std::this_thread::get_id()];
      if (!r) r = std::make_unique<Report>();
      return r.get();
    } catch (...) {
      return nullptr;
    }
  }

  // The calling thread's report, or null when it has made no call on this kb.
  const Report* find_report() noexcept {
    try {
      const std::lock_guard lock(reports_mutex);
      const auto it = reports.find(std::this_thread::get_id());
      return it == reports.end() ? nullptr : it->second.get();
    } catch (...) {
      return nullptr;
    }
  }
};

struct writ_result {
  struct Cell {
    int type = WRIT_INTEGER;
    std::int64_t integer = 0;  // integer, date (days since 1970-01-01), duration or money amount
    std::string text;  // symbol name, string contents, the integer in decimal, or the value's source text
    std::string unit;  // duration: "d" or "mo"; money: the ISO 4217 code
  };
  std::vector<std::string> columns;
  std::size_t rows = 0;
  std::vector<Cell> cells;    // row-major: rows * columns.size()
  bool has_status = false;    // the answers come with a status each
  std::vector<int> statuses;  // WRIT_REJECTED..WRIT_ESTABLISHED, one per row when has_status

  const Cell* at(std::size_t row, std::size_t col) const {
    if (row >= rows || col >= columns.size()) return nullptr;
    return &cells[row * columns.size() + col];
  }
};

namespace {

using Cell = writ_result::Cell;

Cell cell_of(writ::query::Value&& v) {
  Cell c;
  switch (v.kind) {
    case writ::query::ValueKind::Integer:
      c.type = WRIT_INTEGER;
      c.integer = v.integer;
      c.text = std::to_string(v.integer);
      break;
    case writ::query::ValueKind::Symbol:
      c.type = WRIT_SYMBOL;
      c.text = std::move(v.text);
      break;
    case writ::query::ValueKind::String:
      c.type = WRIT_STRING;
      c.text = std::move(v.text);
      break;
    case writ::query::ValueKind::Date:
    case writ::query::ValueKind::Duration:
    case writ::query::ValueKind::Money:
      c.type = v.kind == writ::query::ValueKind::Date ? WRIT_DATE : v.kind == writ::query::ValueKind::Duration ? WRIT_DURATION : WRIT_MONEY;
      c.integer = v.integer;
      c.text = writ::query::to_source(v);
      c.unit = std::move(v.text);
      break;
  }
  return c;
}

Cell integer_cell(std::uint64_t n) {
  const auto i = static_cast<std::int64_t>(n);
  return Cell{WRIT_INTEGER, i, std::to_string(i), {}};
}

Cell text_cell(std::string text) { return Cell{WRIT_STRING, 0, std::move(text), {}}; }

int status_code(writ::kb::Status s) {
  switch (s) {
    case writ::kb::Status::Rejected: return WRIT_REJECTED;
    case writ::kb::Status::Contested: return WRIT_CONTESTED;
    case writ::kb::Status::Accepted: return WRIT_ACCEPTED;
    case writ::kb::Status::Established: return WRIT_ESTABLISHED;
  }
  return 0;
}

// A table for the listing functions: fixed columns, one vector of cells per row.
std::unique_ptr<writ_result> table(std::vector<std::string> columns, std::vector<std::vector<Cell>> rows) {
  auto r = std::make_unique<writ_result>();
  r->columns = std::move(columns);
  r->rows = rows.size();
  r->cells.reserve(r->rows * r->columns.size());
  for (auto& row : rows)
    for (auto& c : row) r->cells.push_back(std::move(c));
  return r;
}

// Runs one API call on kb: resets the calling thread's report, refuses unusable handles and
// turns any exception into a status. `body(knowledge_base, report)` returns the status.
template <class F>
int call(writ_kb* kb, F&& body) noexcept {
  if (kb == nullptr) return WRIT_ERROR_MISUSE;
  Report* report = kb->report();
  if (report == nullptr) return WRIT_ERROR_NOMEM;
  report->clear();
  if (!kb->kb)
    return report->fail(WRIT_ERROR_MISUSE, "this knowledge base failed to open; only writ_errmsg and writ_close apply");
  try {
    report->status = body(*kb->kb, *report);
    return report->status;
  } catch (const std::bad_alloc&) {
    return report->fail_nomem();
  } catch (const std::exception& e) {
    return report->fail(WRIT_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    return report->fail(WRIT_ERROR, "internal error");
  }
}

// The status of a finished C++ call, with a message when the call failed silently.
int finish(Report& report, const writ::kb::KnowledgeBase& kb, Outcome outcome, const std::vector<Diagnostic>& ds) {
  report.record(kb, ds);
  const int status = status_of(outcome);
  if (status != WRIT_OK && report.message.empty()) {
    switch (outcome) {
      case Outcome::LimitHit: return report.fail(status, "a limit ended the evaluation");
      case Outcome::Cancelled: return report.fail(status, "the evaluation was cancelled");
      default: return report.fail(status, "the input has errors");
    }
  }
  return status;
}

// writ_explain: the argument map as a JSON object; writ_why_not: the why-not trees as a JSON array.
int explain_json(writ_kb* kb, const char* goal, char** json_out, bool why_not) {
  if (json_out != nullptr) *json_out = nullptr;
  const char* function = why_not ? "writ_why_not" : "writ_explain";
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (goal == nullptr) return report.fail(WRIT_ERROR_MISUSE, std::string(function) + ": goal is NULL");
    if (json_out == nullptr) return report.fail(WRIT_ERROR_MISUSE, std::string(function) + ": json_out is NULL");
    std::string json;
    if (why_not) {
      const auto explained = k.why_not(goal);
      const int status = finish(report, k, explained.outcome, explained.diagnostics);
      if (status != WRIT_OK) return status;
      json = "[";
      for (std::size_t i = 0; i < explained.explanations.size(); ++i)
        json += (i ? ", " : "") + writ::kb::render_json(explained.explanations[i]);
      json += "]";
    } else {
      const auto mapped = k.argument_map(goal);
      const int status = finish(report, k, mapped.outcome, mapped.diagnostics);
      if (status != WRIT_OK) return status;
      json = writ::kb::render_map_json(mapped.map);
    }
    auto* copy = static_cast<char*>(std::malloc(json.size() + 1));
    if (copy == nullptr) return report.fail_nomem();
    std::memcpy(copy, json.c_str(), json.size() + 1);
    *json_out = copy;
    return WRIT_OK;
  });
}

// The listing functions: `list(knowledge_base, report)` fills *out or returns an error.
template <class F>
int listing(writ_kb* kb, writ_result** out, const char* function, F&& list) {
  if (out != nullptr) *out = nullptr;
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (out == nullptr) return report.fail(WRIT_ERROR_MISUSE, std::string(function) + ": out is NULL");
    return list(k, report);
  });
}

}  // namespace

extern "C" {

const char* writ_version(void) { return WRIT_VERSION; }
int writ_version_number(void) { return WRIT_VERSION_NUMBER; }

const char* writ_errstr(int status) {
  switch (status) {
    case WRIT_OK: return "ok";
    case WRIT_ERROR: return "error";
    case WRIT_ERROR_INPUT: return "input error";
    case WRIT_ERROR_LIMIT: return "limit hit";
    case WRIT_ERROR_CANCELLED: return "cancelled";
    case WRIT_ERROR_MISUSE: return "API misuse";
    case WRIT_ERROR_NOMEM: return "out of memory";
    case WRIT_ERROR_STORE: return "cannot open the store";
    default: return "unknown status";
  }
}

int writ_open(const char* path, writ_kb** out) { return writ_open_v2(path, 0, -1, out); }

int writ_open_v2(const char* path, int flags, int64_t as_of, writ_kb** out) {
  if (out == nullptr) return WRIT_ERROR_MISUSE;
  *out = nullptr;
  auto* h = new (std::nothrow) writ_kb;
  if (h == nullptr) return WRIT_ERROR_NOMEM;
  Report* report = h->report();
  if (report == nullptr) {
    delete h;
    return WRIT_ERROR_NOMEM;
  }
  *out = h;
  const bool in_memory = path == nullptr || std::string_view(path) == ":memory:";
  if ((flags & ~WRIT_OPEN_READONLY) != 0) return report->fail(WRIT_ERROR_MISUSE, "writ_open_v2: unknown flags");
  if (in_memory && (flags != 0 || as_of >= 0))
    return report->fail(WRIT_ERROR_MISUSE, "writ_open_v2: a knowledge base in memory takes no flags and no as_of");
  try {
    h->kb = std::make_unique<writ::kb::KnowledgeBase>();
    if (in_memory) return WRIT_OK;
    writ::kb::StoreOptions options;
    options.read_only = (flags & WRIT_OPEN_READONLY) != 0;
    if (as_of >= 0) options.as_of = static_cast<std::uint64_t>(as_of);
    auto opened = h->kb->open(path, options);
    if (opened.outcome == Outcome::Ok) {
      report->record(*h->kb, opened.diagnostics);  // warnings, if any
      return WRIT_OK;
    }
    const int status = opened.outcome == Outcome::InputError ? WRIT_ERROR_STORE : status_of(opened.outcome);
    report->record(*h->kb, opened.diagnostics);
    if (report->message.empty()) report->fail(status, "cannot open '" + std::string(path) + "'");
    h->kb.reset();  // the handle now only reports why
    report->status = status;
    return status;
  } catch (const std::bad_alloc&) {
    delete h;
    *out = nullptr;
    return WRIT_ERROR_NOMEM;
  } catch (const std::exception& e) {
    h->kb.reset();
    return report->fail(WRIT_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    h->kb.reset();
    return report->fail(WRIT_ERROR, "internal error");
  }
}

int writ_close(writ_kb* kb) {
  delete kb;
  return WRIT_OK;
}

int writ_load_text(writ_kb* kb, const char* name, const char* text) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (text == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_load_text: text is NULL");
    auto loaded = k.load({writ::kb::Input{name != nullptr ? name : "<text>", text}});
    return finish(report, k, loaded.outcome, loaded.diagnostics);
  });
}

int writ_load_file(writ_kb* kb, const char* path) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (path == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_load_file: path is NULL");
    auto loaded = k.load_files({std::string(path)});
    return finish(report, k, loaded.outcome, loaded.diagnostics);
  });
}

int writ_retract_text(writ_kb* kb, const char* name, const char* text, uint64_t* removed) {
  if (removed != nullptr) *removed = 0;
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (text == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_retract_text: text is NULL");
    auto retracted = k.retract(text, name != nullptr ? name : "<retract>");
    const int status = finish(report, k, retracted.outcome, retracted.diagnostics);
    if (status == WRIT_OK && removed != nullptr) *removed = retracted.removed;
    return status;
  });
}

int writ_import_csv(writ_kb* kb, const char* path, const char* predicate, int flags, uint64_t* rows) {
  if (rows != nullptr) *rows = 0;
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (path == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_import_csv: path is NULL");
    if (predicate == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_import_csv: predicate is NULL");
    if ((flags & WRIT_IMPORT_HEADER) && (flags & WRIT_IMPORT_NO_HEADER))
      return report.fail(WRIT_ERROR_MISUSE, "writ_import_csv: WRIT_IMPORT_HEADER and WRIT_IMPORT_NO_HEADER together");
    writ::kb::ImportOptions options;
    if (flags & WRIT_IMPORT_HEADER) options.header = true;
    if (flags & WRIT_IMPORT_NO_HEADER) options.header = false;
    if (flags & WRIT_IMPORT_TABS) options.delimiter = '\t';
    auto imported = k.import_csv_file(path, predicate, options);
    const int status = finish(report, k, imported.outcome, imported.diagnostics);
    if (status == WRIT_OK && rows != nullptr) *rows = imported.rows;
    return status;
  });
}

int writ_materialize(writ_kb* kb, const char* predicate) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (predicate == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_materialize: predicate is NULL");
    auto written = k.materialize({std::string(predicate)});
    return finish(report, k, written.outcome, written.diagnostics);
  });
}

int writ_verify_store(writ_kb* kb, uint64_t* facts) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (facts != nullptr) *facts = 0;
    const auto verified = k.verify_store();
    const int status = finish(report, k, verified.outcome, verified.diagnostics);
    if (status == WRIT_OK && facts != nullptr) *facts = verified.facts;
    return status;
  });
}

int writ_set_timeout(writ_kb* kb, int64_t milliseconds) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report&) {
    const std::lock_guard lock(kb->limits_mutex);
    kb->limits.timeout.reset();
    if (milliseconds > 0) kb->limits.timeout = std::chrono::milliseconds(milliseconds);
    k.set_limits(kb->limits);
    return WRIT_OK;
  });
}

int writ_set_max_facts(writ_kb* kb, uint64_t max_facts) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report&) {
    const std::lock_guard lock(kb->limits_mutex);
    kb->limits.max_facts.reset();
    if (max_facts > 0) kb->limits.max_facts = max_facts;
    k.set_limits(kb->limits);
    return WRIT_OK;
  });
}

int writ_set_max_memory(writ_kb* kb, uint64_t max_bytes) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report&) {
    const std::lock_guard lock(kb->limits_mutex);
    kb->limits.max_memory.reset();
    if (max_bytes > 0) kb->limits.max_memory = max_bytes;
    k.set_limits(kb->limits);
    return WRIT_OK;
  });
}

void writ_cancel(writ_kb* kb) {
  if (kb != nullptr && kb->kb) kb->kb->cancel();
}

const char* writ_errmsg(writ_kb* kb) {
  if (kb == nullptr) return "writ: error: no knowledge base (NULL handle)\n";
  const Report* r = kb->find_report();
  if (r == nullptr) return "";
  return r->static_message != nullptr ? r->static_message : r->message.c_str();
}

int writ_errcode(writ_kb* kb) {
  if (kb == nullptr) return WRIT_ERROR_MISUSE;
  const Report* r = kb->find_report();
  return r == nullptr ? WRIT_OK : r->status;
}

namespace {
const DiagnosticView* diagnostic_at(writ_kb* kb, size_t index) {
  const Report* r = kb == nullptr ? nullptr : kb->find_report();
  if (r == nullptr || index >= r->diagnostics.size()) return nullptr;
  return &r->diagnostics[index];
}
}  // namespace

size_t writ_diagnostic_count(writ_kb* kb) {
  const Report* r = kb == nullptr ? nullptr : kb->find_report();
  return r == nullptr ? 0 : r->diagnostics.size();
}

int writ_diagnostic_severity(writ_kb* kb, size_t index) {
  const auto* d = diagnostic_at(kb, index);
  return d != nullptr ? d->severity : 0;
}
const char* writ_diagnostic_message(writ_kb* kb, size_t index) {
  const auto* d = diagnostic_at(kb, index);
  return d != nullptr ? d->message.c_str() : nullptr;
}
const char* writ_diagnostic_source(writ_kb* kb, size_t index) {
  const auto* d = diagnostic_at(kb, index);
  return d != nullptr && d->has_source ? d->source.c_str() : nullptr;
}
uint32_t writ_diagnostic_line(writ_kb* kb, size_t index) {
  const auto* d = diagnostic_at(kb, index);
  return d != nullptr ? d->line : 0;
}
uint32_t writ_diagnostic_column(writ_kb* kb, size_t index) {
  const auto* d = diagnostic_at(kb, index);
  return d != nullptr ? d->column : 0;
}

int writ_is_complete(const char* text) {
  if (text == nullptr) return 1;
  try {
    return writ::kb::KnowledgeBase::is_complete(text) ? 1 : 0;
  } catch (...) {
    return 1;  // let the parser report whatever made the check fail
  }
}

int writ_query(writ_kb* kb, const char* goal, writ_result** out) {
  if (out != nullptr) *out = nullptr;
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (goal == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_query: goal is NULL");
    if (out == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_query: out is NULL");
    auto asked = k.ask(goal);
    const int status = finish(report, k, asked.outcome, asked.diagnostics);
    if (status != WRIT_OK) return status;
    auto r = std::make_unique<writ_result>();
    r->columns = std::move(asked.answers.columns);
    r->rows = asked.answers.rows.size();
    r->cells.reserve(r->rows * r->columns.size());
    for (auto& row : asked.answers.rows)
      for (auto& v : row) r->cells.push_back(cell_of(std::move(v)));
    r->has_status = asked.answers.has_status && asked.answers.statuses.size() == r->rows;
    if (r->has_status)
      for (const auto s : asked.answers.statuses) r->statuses.push_back(status_code(s));
    *out = r.release();
    return WRIT_OK;
  });
}

void writ_result_free(writ_result* result) { delete result; }

size_t writ_result_column_count(const writ_result* result) {
  return result == nullptr ? 0 : result->columns.size();
}

const char* writ_result_column_name(const writ_result* result, size_t col) {
  if (result == nullptr || col >= result->columns.size()) return nullptr;
  return result->columns[col].c_str();
}

size_t writ_result_row_count(const writ_result* result) { return result == nullptr ? 0 : result->rows; }

int writ_value_type(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr ? c->type : 0;
}

int64_t writ_value_int64(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr && c->type != WRIT_SYMBOL && c->type != WRIT_STRING ? c->integer : 0;
}

const char* writ_value_unit(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr && (c->type == WRIT_DURATION || c->type == WRIT_MONEY) ? c->unit.c_str() : nullptr;
}

int writ_value_date(const writ_result* result, size_t row, size_t col, int* year, int* month, int* day) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  if (c == nullptr || c->type != WRIT_DATE) return 0;
  const auto d = writ::query::calendar::civil_from_days(c->integer);
  if (year != nullptr) *year = d.year;
  if (month != nullptr) *month = static_cast<int>(d.month);
  if (day != nullptr) *day = static_cast<int>(d.day);
  return 1;
}

int writ_currency_decimals(const char* code) {
  if (code == nullptr || !writ::query::currency::known(code)) return -1;
  return writ::query::currency::decimals(code);
}

const char* writ_value_text(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr ? c->text.c_str() : nullptr;
}

size_t writ_value_bytes(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr ? c->text.size() : 0;
}

int writ_result_has_status(const writ_result* result) { return result != nullptr && result->has_status ? 1 : 0; }

int writ_row_status(const writ_result* result, size_t row) {
  if (result == nullptr || !result->has_status || row >= result->statuses.size()) return 0;
  return result->statuses[row];
}

const char* writ_row_status_name(int status) {
  switch (status) {
    case WRIT_REJECTED: return "rejected";
    case WRIT_CONTESTED: return "contested";
    case WRIT_ACCEPTED: return "accepted";
    case WRIT_ESTABLISHED: return "established";
    default: return nullptr;
  }
}

int writ_explain(writ_kb* kb, const char* goal, char** json_out) { return explain_json(kb, goal, json_out, false); }

int writ_why_not(writ_kb* kb, const char* goal, char** json_out) { return explain_json(kb, goal, json_out, true); }

void writ_free(void* p) { std::free(p); }

int writ_assume(writ_kb* kb, const char* name, const char* text) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (text == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_assume: text is NULL");
    auto assumed = k.assume(text, name != nullptr ? name : "<assume>");
    return finish(report, k, assumed.outcome, assumed.diagnostics);
  });
}

int writ_assume_off(writ_kb* kb, const char* label) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report& report) {
    if (label == nullptr) return report.fail(WRIT_ERROR_MISUSE, "writ_assume_off: label is NULL");
    auto off = k.assume_off(label);
    return finish(report, k, off.outcome, off.diagnostics);
  });
}

int writ_forget(writ_kb* kb) {
  return call(kb, [&](writ::kb::KnowledgeBase& k, Report&) {
    k.forget();
    return WRIT_OK;
  });
}

int writ_assumptions(writ_kb* kb, writ_result** out) {
  return listing(kb, out, "writ_assumptions", [&](writ::kb::KnowledgeBase& k, Report&) {
    std::vector<std::vector<Cell>> rows;
    for (auto& a : k.assumptions()) rows.push_back({text_cell(std::move(a))});
    *out = table({"assumption"}, std::move(rows)).release();
    return WRIT_OK;
  });
}

int writ_predicates(writ_kb* kb, writ_result** out) {
  return listing(kb, out, "writ_predicates", [&](writ::kb::KnowledgeBase& k, Report&) {
    std::vector<std::vector<Cell>> rows;
    for (auto& p : k.predicates())
      rows.push_back({text_cell(std::move(p.name)), integer_cell(p.arity), integer_cell(p.facts), integer_cell(p.rules)});
    *out = table({"name", "arity", "facts", "rules"}, std::move(rows)).release();
    return WRIT_OK;
  });
}

int writ_rule_texts(writ_kb* kb, const char* predicate, writ_result** out) {
  return listing(kb, out, "writ_rule_texts", [&](writ::kb::KnowledgeBase& k, Report&) {
    std::vector<std::vector<Cell>> rows;
    for (auto& t : k.rule_texts(predicate != nullptr ? predicate : "")) rows.push_back({text_cell(std::move(t))});
    *out = table({"text"}, std::move(rows)).release();
    return WRIT_OK;
  });
}

int writ_transactions(writ_kb* kb, writ_result** out) {
  return listing(kb, out, "writ_transactions", [&](writ::kb::KnowledgeBase& k, Report& report) {
    auto log = k.transactions();
    const int status = finish(report, k, log.outcome, log.diagnostics);
    if (status != WRIT_OK) return status;
    std::vector<std::vector<Cell>> rows;
    for (auto& t : log.transactions)
      rows.push_back({integer_cell(t.number), text_cell(std::move(t.time)), text_cell(std::move(t.description)),
                      integer_cell(t.added), integer_cell(t.removed)});
    *out = table({"number", "time", "description", "added", "removed"}, std::move(rows)).release();
    return WRIT_OK;
  });
}

}  // extern "C"
