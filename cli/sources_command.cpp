// writ sources: each source document sentence by sentence, with the statements that quote
// each sentence (or, with --coverage, how much of each sentence is quoted), so that an
// analyst sees what the knowledge base does not encode yet.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "reporting.hpp"
#include "store_access.hpp"

namespace writ::cli {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A text on one line: each run of blanks one space.
std::string one_line(std::string_view text) {
  std::string out;
  bool pending = false;
  for (const char c : text) {
    if (blank(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// A statement as cites/3 names it, without the quotes of a string.
std::string statement_text(const kb::Value& v) {
  return v.kind == query::ValueKind::String ? v.text : query::to_source(v);
}

struct Quoted {
  const kb::SourceCitation* citation;
  const std::string* source;
  kb::TextSpan passage;
};

// One document, and the sources that name it (two sources may share one).
struct Document {
  const kb::SourceInfo* info = nullptr;  // the first source naming it: its text and sentences
  std::vector<std::string> sources;
  std::vector<Quoted> quoted;
};

// The share of `s`'s characters (not blanks; UTF-8 sequences count once) inside `quoted`.
int percent_quoted(const std::string& text, const kb::TextSpan& s, const std::vector<Quoted>& quoted) {
  std::vector<bool> in(s.end - s.begin, false);
  for (const auto& q : quoted) {
    const auto b = std::max(q.passage.begin, s.begin), e = std::min(q.passage.end, s.end);
    for (auto i = b; i < e; ++i) in[i - s.begin] = true;
  }
  std::size_t all = 0, covered = 0;
  for (auto i = s.begin; i < s.end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (blank(text[i]) || (c & 0xC0) == 0x80) continue;
    ++all;
    if (in[i - s.begin]) ++covered;
  }
  return all == 0 ? 0 : static_cast<int>(covered * 100 / all);
}

void print_document(const Document& d, bool coverage) {
  const auto& info = *d.info;
  std::string names;
  for (const auto& s : d.sources) names += (names.empty() ? "" : ", ") + s;
  // The quotes of each sentence, in the order they appear.
  std::vector<std::vector<const Quoted*>> of(info.sentences.size());
  for (const auto& q : d.quoted)
    for (std::size_t i = 0; i < info.sentences.size(); ++i)
      if (q.passage.begin < info.sentences[i].end && info.sentences[i].begin < q.passage.end) of[i].push_back(&q);
  std::size_t cited = 0;
  for (const auto& quotes : of) cited += quotes.empty() ? 0 : 1;
  std::printf("%s (%s %s): %zu of %zu sentences cited\n", info.document.c_str(),
              d.sources.size() == 1 ? "source" : "sources", names.c_str(), cited, info.sentences.size());
  for (std::size_t i = 0; i < info.sentences.size(); ++i) {
    const auto& s = info.sentences[i];
    const auto sentence = one_line(std::string_view(info.text).substr(s.begin, s.end - s.begin));
    const auto place = std::to_string(s.line) + ":" + std::to_string(s.column);
    if (coverage) {
      std::vector<Quoted> mine;
      for (const auto* q : of[i]) mine.push_back(*q);
      std::printf("%4d%%  %-7s %s\n", percent_quoted(info.text, s, mine), place.c_str(), sentence.c_str());
      continue;
    }
    std::printf("%s %s\n", place.c_str(), sentence.c_str());
    auto quotes = of[i];
    std::stable_sort(quotes.begin(), quotes.end(),
                     [](const Quoted* a, const Quoted* b) { return a->passage.begin < b->passage.begin; });
    for (const auto* q : quotes) {
      const auto& c = *q->citation;
      std::printf("    %s @ %s (%s)", statement_text(c.statement).c_str(), q->source->c_str(), c.place.c_str());
      const auto quote = one_line(std::string_view(info.text).substr(q->passage.begin, q->passage.end - q->passage.begin));
      if (quote != sentence) std::printf(": \"%s\"", one_line(c.quote).c_str());
      std::printf("\n");
    }
  }
}

}  // namespace

ExitStatus sources_command(const Options& options) {
  if (auto message = unreadable_file(options.files)) {
    print_error("writ", *message);
    return ExitStatus::InputError;
  }
  kb::KnowledgeBase kb(options.limits);
  if (!open_store(kb, options, StoreAccess::Read)) return ExitStatus::InputError;
  if (!options.files.empty()) {
    const auto loaded = kb.load_files(options.files);
    print_diagnostics(kb, loaded.diagnostics);
    if (loaded.outcome != kb::Outcome::Ok) return status_of(loaded.outcome);
  }
  const auto sources = kb.sources();
  std::vector<Document> documents;
  std::map<std::string, std::size_t> by_path;
  std::vector<const kb::SourceInfo*> without;
  for (const auto& s : sources) {
    if (!s.has_document) {
      without.push_back(&s);
      continue;
    }
    const auto [it, added] = by_path.try_emplace(s.document, documents.size());
    if (added) documents.push_back(Document{&s, {}, {}});
    auto& d = documents[it->second];
    d.sources.push_back(s.name);
    for (const auto& c : s.citations)
      for (const auto& p : c.passages) d.quoted.push_back(Quoted{&c, &s.name, p});
  }
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (i > 0) std::printf("\n");
    print_document(documents[i], options.coverage);
  }
  if (!without.empty()) {
    if (!documents.empty()) std::printf("\n");
    for (const auto* s : without)
      std::printf("%s: no document (file: \"...\"): its %zu %s not verified\n", s->name.c_str(),
                  s->citations.size(), s->citations.size() == 1 ? "quote is" : "quotes are");
  }
  if (sources.empty()) std::printf("no source is declared\n");
  return ExitStatus::Ok;
}

}  // namespace writ::cli
