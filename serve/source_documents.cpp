#include "source_documents.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "json_writer.hpp"
#include "quote_search.hpp"

namespace writ::serve {

namespace {

struct Quote {
  std::string text;
  std::vector<std::string> statements;  // what cites it, in the order cites/3 lists them
  std::vector<std::pair<std::size_t, std::size_t>> places;
};

struct Source {
  bool declared = false;
  std::vector<std::pair<std::string, query::Value>> attributes;
  std::optional<std::string> file;      // the document's path as found
  std::optional<std::string> document;  // its text
  std::string document_error;           // why a named document could not be read
  std::vector<Quote> quotes;
};

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

// The document a source names, relative to the loaded files' directories, then as given.
void read_document(Source& s, const std::string& name, const std::vector<std::string>& files) {
  std::vector<std::filesystem::path> candidates;
  const std::filesystem::path named(name);
  if (named.is_relative())
    for (const auto& f : files) candidates.push_back(std::filesystem::path(f).parent_path() / named);
  candidates.push_back(named);
  for (const auto& path : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    if (auto text = read_file(path)) {
      s.file = path.lexically_normal().string();
      s.document = std::move(text);
      return;
    }
  }
  s.document_error = "cannot read the document '" + name + "'";
}

// The document cut into segments at every quote's start and end: each segment with the
// quotes (by index) that cover it.
void write_segments(JsonWriter& w, const std::string& text, const std::vector<Quote>& quotes,
                    std::size_t first_id) {
  std::set<std::size_t> cuts{0, text.size()};
  for (const auto& q : quotes)
    for (const auto& [b, e] : q.places) {
      cuts.insert(b);
      cuts.insert(e);
    }
  w.begin_array();
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    const std::size_t b = *it, e = *std::next(it);
    w.begin_object().key("text").value(std::string_view(text).substr(b, e - b));
    std::vector<std::size_t> covering;
    for (std::size_t i = 0; i < quotes.size(); ++i)
      for (const auto& [qb, qe] : quotes[i].places)
        if (qb <= b && e <= qe) {
          covering.push_back(first_id + i);
          break;
        }
    if (!covering.empty()) {
      w.key("quotes").begin_array();
      for (auto id : covering) w.value("q" + std::to_string(id));
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
}

}  // namespace

SourcesReply sources_json(kb::KnowledgeBase& kb, const std::vector<std::string>& files) {
  SourcesReply reply;
  std::map<std::string, Source> sources;

  const auto declared = kb.ask("source_attribute(S, K, V)", "<sources>");
  if (declared.outcome != kb::Outcome::Ok) {
    reply.outcome = declared.outcome;
    reply.diagnostics = declared.diagnostics;
    return reply;
  }
  for (const auto& row : declared.answers.rows) {
    auto& s = sources[row[0].text];
    s.declared = true;
    s.attributes.emplace_back(row[1].text, row[2]);
  }
  const auto cited = kb.ask("cites(Statement, Source, Quote)", "<sources>");
  if (cited.outcome != kb::Outcome::Ok) {
    reply.outcome = cited.outcome;
    reply.diagnostics = cited.diagnostics;
    return reply;
  }
  for (const auto& row : cited.answers.rows) {
    auto& s = sources[row[1].text];
    const std::string& quote = row[2].text;
    if (quote.empty()) continue;
    auto q = std::find_if(s.quotes.begin(), s.quotes.end(), [&](const Quote& x) { return x.text == quote; });
    if (q == s.quotes.end()) q = s.quotes.insert(s.quotes.end(), Quote{quote, {}, {}});
    q->statements.push_back(row[0].text);
  }

  for (auto& [name, s] : sources) {
    for (const auto& [key, value] : s.attributes)
      if (key == "file" && value.kind == query::ValueKind::String) read_document(s, value.text, files);
    if (s.document)
      for (auto& q : s.quotes) q.places = find_quote(*s.document, q.text);
  }

  JsonWriter w;
  w.begin_object().key("sources").begin_array();
  std::size_t next_id = 0;
  for (const auto& [name, s] : sources) {
    w.begin_object();
    w.key("name").value(name);
    w.key("declared").value(s.declared);
    w.key("attributes").begin_object();
    for (const auto& [key, value] : s.attributes)
      w.key(key).value(value.kind == query::ValueKind::String ? value.text : query::to_source(value));
    w.end_object();
    w.key("document");
    if (s.document) {
      w.begin_object().key("file").value(*s.file).key("segments");
      write_segments(w, *s.document, s.quotes, next_id);
      w.end_object();
    } else if (!s.document_error.empty()) {
      w.begin_object().key("error").value(s.document_error).end_object();
    } else {
      w.null();
    }
    w.key("quotes").begin_array();
    for (const auto& q : s.quotes) {
      w.begin_object().key("id").value("q" + std::to_string(next_id++)).key("quote").value(q.text);
      w.key("found");
      if (s.document) w.value(!q.places.empty());
      else w.null();
      w.key("statements").begin_array();
      for (const auto& st : q.statements) w.value(st);
      w.end_array().end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array().end_object();
  reply.json = w.take();
  return reply;
}

}  // namespace writ::serve
