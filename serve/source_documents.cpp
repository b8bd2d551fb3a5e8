#include "source_documents.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "json_writer.hpp"

namespace writ::serve {

namespace {

// One quote of a source, however many statements cite it.
struct Quote {
  std::string text;
  std::vector<std::string> statements;  // what cites it, named as cites/3 names them
  std::vector<kb::TextSpan> passages;   // where it is in the document
};

std::vector<Quote> quotes_of(const kb::SourceInfo& source) {
  std::vector<Quote> out;
  for (const auto& c : source.citations) {
    if (c.quote.empty()) continue;
    auto q = std::find_if(out.begin(), out.end(), [&](const Quote& x) { return x.text == c.quote; });
    if (q == out.end()) q = out.insert(out.end(), Quote{c.quote, {}, c.passages});
    q->statements.push_back(c.statement.text);
  }
  return out;
}

// The document cut into segments at every quote's start and end: each segment with the
// quotes (by id) that cover it.
void write_segments(JsonWriter& w, const std::string& text, const std::vector<Quote>& quotes, std::size_t first_id) {
  std::set<std::size_t> cuts{0, text.size()};
  for (const auto& q : quotes)
    for (const auto& p : q.passages) {
      cuts.insert(p.begin);
      cuts.insert(p.end);
    }
  w.begin_array();
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    const std::size_t b = *it, e = *std::next(it);
    w.begin_object().key("text").value(std::string_view(text).substr(b, e - b));
    std::vector<std::size_t> covering;
    for (std::size_t i = 0; i < quotes.size(); ++i)
      if (std::any_of(quotes[i].passages.begin(), quotes[i].passages.end(),
                      [&](const kb::TextSpan& p) { return p.begin <= b && e <= p.end; }))
        covering.push_back(first_id + i);
    if (!covering.empty()) {
      w.key("quotes").begin_array();
      for (auto id : covering) w.value("q" + std::to_string(id));
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
}

void write_source(JsonWriter& w, const kb::SourceInfo& s, bool declared, std::size_t& next_id) {
  const auto quotes = quotes_of(s);
  w.begin_object();
  w.key("name").value(s.name);
  w.key("declared").value(declared);
  w.key("attributes").begin_object();
  for (const auto& [key, value] : s.attributes)
    w.key(key).value(value.kind == query::ValueKind::String ? value.text : query::to_source(value));
  w.end_object();
  w.key("document");
  if (s.has_document) {
    w.begin_object().key("file").value(s.document).key("segments");
    write_segments(w, s.text, quotes, next_id);
    w.end_object();
  } else {
    w.null();
  }
  w.key("quotes").begin_array();
  for (const auto& q : quotes) {
    w.begin_object().key("id").value("q" + std::to_string(next_id++)).key("quote").value(q.text);
    w.key("found");
    if (s.has_document) w.value(!q.passages.empty());
    else w.null();
    w.key("statements").begin_array();
    for (const auto& st : q.statements) w.value(st);
    w.end_array().end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

SourcesReply sources_json(kb::KnowledgeBase& kb) {
  SourcesReply reply;
  const auto declared = kb.sources();
  // A source cited without a #source has neither attributes nor document: only its quotes,
  // which cites/3 lists (kb::KnowledgeBase::sources() has the declared ones only).
  const auto cited = kb.ask("cites(Statement, Source, Quote)", "<sources>");
  if (cited.outcome != kb::Outcome::Ok) {
    reply.outcome = cited.outcome;
    reply.diagnostics = cited.diagnostics;
    return reply;
  }
  std::map<std::string, kb::SourceInfo> undeclared;
  for (const auto& row : cited.answers.rows) {
    const std::string& name = row[1].text;
    if (std::any_of(declared.begin(), declared.end(), [&](const kb::SourceInfo& s) { return s.name == name; })) continue;
    auto& s = undeclared[name];
    s.name = name;
    kb::SourceCitation c;
    c.statement = row[0];
    c.quote = row[2].text;
    s.citations.push_back(std::move(c));
  }

  JsonWriter w;
  w.begin_object().key("sources").begin_array();
  std::size_t next_id = 0;
  for (const auto& s : declared) write_source(w, s, true, next_id);
  for (const auto& [name, s] : undeclared) write_source(w, s, false, next_id);
  w.end_array().end_object();
  reply.json = w.take();
  return reply;
}

}  // namespace writ::serve
