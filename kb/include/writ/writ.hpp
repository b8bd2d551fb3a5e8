// writ.hpp — the C++ API of writ, in one include.
//
//   #include <writ/writ.hpp>
//
//   writ::KnowledgeBase kb;
//   auto loaded = kb.load({{"graph.writ", "edge(1,2). path(X,Y) :- edge(X,Y)."}});
//   if (loaded.outcome != writ::Outcome::Ok) std::cerr << kb.render(loaded.diagnostics);
//   auto asked = kb.ask("path(1, X)");
//   for (const auto& row : asked.answers.rows) ...  // row[i] is a writ::Value
//
// The API itself is writ::kb::KnowledgeBase (writ/knowledge_base.hpp, whose comments are its
// specification); this header adds short names in namespace writ and the C API (writ.h),
// whose version functions C++ code may use too. Link the static library (CMake target
// writ::writ): the shared library exports only the C API, whose ABI is stable.
#pragma once

#include "writ/knowledge_base.hpp"
#include "writ/writ.h"

namespace writ {

using kb::AskResult;
using kb::Answers;
using kb::Input;
using kb::KnowledgeBase;
using kb::Limits;
using kb::LoadResult;
using kb::Outcome;
using kb::PredicateInfo;
using query::Diagnostic;
using query::Severity;
using query::Value;
using query::ValueKind;

}  // namespace writ
