// The C API (writ/writ.h) over writ::kb::KnowledgeBase.
//
// Every entry point catches everything: C callers cannot handle C++ exceptions, so an
// exception becomes a status code and a message (std::bad_alloc -> WRIT_ERROR_NOMEM).
// Results are copied out of the C++ answers, so a writ_result never points into its kb.
#include "writ/writ.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

struct writ_kb {
  std::unique_ptr<writ::kb::KnowledgeBase> kb;  // null when writ_open failed
  writ::kb::Limits limits;
  int status = WRIT_OK;
  std::string message;                     // rendered diagnostics of the last call
  const char* static_message = nullptr;    // used instead when memory ran out
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
  void record(const std::vector<Diagnostic>& ds) {
    message = kb->render(ds);
    for (const auto& d : ds) {
      DiagnosticView v{severity_code(d.severity), d.message, {}, false, d.location.line, d.location.column};
      if (d.location.line > 0) {
        const auto rendered = kb->render({Diagnostic{d.severity, d.location, d.message, {}}});
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

struct writ_result {
  struct Cell {
    int type = WRIT_INTEGER;
    std::int64_t integer = 0;
    std::string text;  // symbol name, string contents or the integer in decimal
  };
  std::vector<std::string> columns;
  std::size_t rows = 0;
  std::vector<Cell> cells;  // row-major: rows * columns.size()

  const Cell* at(std::size_t row, std::size_t col) const {
    if (row >= rows || col >= columns.size()) return nullptr;
    return &cells[row * columns.size() + col];
  }
};

namespace {

// Runs one API call on kb: resets the last call's messages, refuses unusable handles and
// turns any exception into a status.
template <class F>
int call(writ_kb* kb, F&& body) noexcept {
  if (kb == nullptr) return WRIT_ERROR_MISUSE;
  kb->clear();
  if (!kb->kb)
    return kb->fail(WRIT_ERROR_MISUSE, "this knowledge base failed to open; only writ_errmsg and writ_close apply");
  try {
    kb->status = body(*kb->kb);
    return kb->status;
  } catch (const std::bad_alloc&) {
    return kb->fail_nomem();
  } catch (const std::exception& e) {
    return kb->fail(WRIT_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    return kb->fail(WRIT_ERROR, "internal error");
  }
}

// The status of a finished C++ call, with a message when the call failed silently.
int finish(writ_kb& h, Outcome outcome, const std::vector<Diagnostic>& ds) {
  h.record(ds);
  const int status = status_of(outcome);
  if (status != WRIT_OK && h.message.empty()) {
    switch (outcome) {
      case Outcome::LimitHit: return h.fail(status, "a limit ended the evaluation");
      case Outcome::Cancelled: return h.fail(status, "the evaluation was cancelled");
      default: return h.fail(status, "the input has errors");
    }
  }
  return status;
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
  *out = h;
  const bool in_memory = path == nullptr || std::string_view(path) == ":memory:";
  if ((flags & ~WRIT_OPEN_READONLY) != 0) return h->fail(WRIT_ERROR_MISUSE, "writ_open_v2: unknown flags");
  if (in_memory && (flags != 0 || as_of >= 0))
    return h->fail(WRIT_ERROR_MISUSE, "writ_open_v2: a knowledge base in memory takes no flags and no as_of");
  try {
    h->kb = std::make_unique<writ::kb::KnowledgeBase>();
    if (in_memory) return WRIT_OK;
    writ::kb::StoreOptions options;
    options.read_only = (flags & WRIT_OPEN_READONLY) != 0;
    if (as_of >= 0) options.as_of = static_cast<std::uint64_t>(as_of);
    auto opened = h->kb->open(path, options);
    if (opened.outcome == Outcome::Ok) {
      h->record(opened.diagnostics);  // warnings, if any
      return WRIT_OK;
    }
    const int status = opened.outcome == Outcome::InputError ? WRIT_ERROR_STORE : status_of(opened.outcome);
    h->record(opened.diagnostics);
    if (h->message.empty()) h->fail(status, "cannot open '" + std::string(path) + "'");
    h->kb.reset();  // the handle now only reports why
    h->status = status;
    return status;
  } catch (const std::bad_alloc&) {
    delete h;
    *out = nullptr;
    return WRIT_ERROR_NOMEM;
  } catch (const std::exception& e) {
    h->kb.reset();
    return h->fail(WRIT_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    h->kb.reset();
    return h->fail(WRIT_ERROR, "internal error");
  }
}

int writ_close(writ_kb* kb) {
  delete kb;
  return WRIT_OK;
}

int writ_load_text(writ_kb* kb, const char* name, const char* text) {
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    if (text == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_load_text: text is NULL");
    auto loaded = k.load({writ::kb::Input{name != nullptr ? name : "<text>", text}});
    return finish(*kb, loaded.outcome, loaded.diagnostics);
  });
}

int writ_load_file(writ_kb* kb, const char* path) {
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    if (path == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_load_file: path is NULL");
    auto loaded = k.load_files({std::string(path)});
    return finish(*kb, loaded.outcome, loaded.diagnostics);
  });
}

int writ_retract_text(writ_kb* kb, const char* name, const char* text, uint64_t* removed) {
  if (removed != nullptr) *removed = 0;
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    if (text == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_retract_text: text is NULL");
    auto retracted = k.retract(text, name != nullptr ? name : "<retract>");
    const int status = finish(*kb, retracted.outcome, retracted.diagnostics);
    if (status == WRIT_OK && removed != nullptr) *removed = retracted.removed;
    return status;
  });
}

int writ_set_timeout(writ_kb* kb, int64_t milliseconds) {
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    kb->limits.timeout.reset();
    if (milliseconds > 0) kb->limits.timeout = std::chrono::milliseconds(milliseconds);
    k.set_limits(kb->limits);
    return WRIT_OK;
  });
}

int writ_set_max_facts(writ_kb* kb, uint64_t max_facts) {
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    kb->limits.max_facts.reset();
    if (max_facts > 0) kb->limits.max_facts = max_facts;
    k.set_limits(kb->limits);
    return WRIT_OK;
  });
}

void writ_cancel(writ_kb* kb) {
  if (kb != nullptr && kb->kb) kb->kb->cancel();
}

const char* writ_errmsg(writ_kb* kb) {
  if (kb == nullptr) return "writ: error: no knowledge base (NULL handle)\n";
  return kb->static_message != nullptr ? kb->static_message : kb->message.c_str();
}

int writ_errcode(writ_kb* kb) { return kb == nullptr ? WRIT_ERROR_MISUSE : kb->status; }

size_t writ_diagnostic_count(writ_kb* kb) { return kb == nullptr ? 0 : kb->diagnostics.size(); }

namespace {
const DiagnosticView* diagnostic_at(writ_kb* kb, size_t index) {
  if (kb == nullptr || index >= kb->diagnostics.size()) return nullptr;
  return &kb->diagnostics[index];
}
}  // namespace

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
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    if (goal == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_query: goal is NULL");
    if (out == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_query: out is NULL");
    auto asked = k.ask(goal);
    const int status = finish(*kb, asked.outcome, asked.diagnostics);
    if (status != WRIT_OK) return status;
    auto r = std::make_unique<writ_result>();
    r->columns = std::move(asked.answers.columns);
    r->rows = asked.answers.rows.size();
    r->cells.reserve(r->rows * r->columns.size());
    for (auto& row : asked.answers.rows) {
      for (auto& v : row) {
        writ_result::Cell c;
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
        }
        r->cells.push_back(std::move(c));
      }
    }
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
  return c != nullptr && c->type == WRIT_INTEGER ? c->integer : 0;
}

const char* writ_value_text(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr ? c->text.c_str() : nullptr;
}

size_t writ_value_bytes(const writ_result* result, size_t row, size_t col) {
  const auto* c = result != nullptr ? result->at(row, col) : nullptr;
  return c != nullptr ? c->text.size() : 0;
}

int writ_explain(writ_kb* kb, const char* goal, char** json_out) {
  if (json_out != nullptr) *json_out = nullptr;
  return call(kb, [&](writ::kb::KnowledgeBase& k) {
    if (goal == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_explain: goal is NULL");
    if (json_out == nullptr) return kb->fail(WRIT_ERROR_MISUSE, "writ_explain: json_out is NULL");
    const auto explained = k.explain(goal);
    const int status = finish(*kb, explained.outcome, explained.diagnostics);
    if (status != WRIT_OK) return status;
    std::string json = "[";
    for (std::size_t i = 0; i < explained.explanations.size(); ++i)
      json += (i ? ", " : "") + writ::kb::render_json(explained.explanations[i]);
    json += "]";
    auto* copy = static_cast<char*>(std::malloc(json.size() + 1));
    if (copy == nullptr) return kb->fail(WRIT_ERROR_NOMEM, "out of memory");
    std::memcpy(copy, json.c_str(), json.size() + 1);
    *json_out = copy;
    return WRIT_OK;
  });
}

void writ_free(void* p) { std::free(p); }

}  // extern "C"
