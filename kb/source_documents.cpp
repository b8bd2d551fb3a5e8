#include "kb/source_documents.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include "query/builtins.hpp"
#include "query/text/quote_match.hpp"
#include "query/text/sentences.hpp"

namespace writ::kb {

namespace {

// The offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
    else return i;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return i;
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += n + 1;
  }
  return std::string_view::npos;
}

// The path of a document named `file` in a text named `declared_in`.
std::string resolve(const std::string& declared_in, const std::string& file) {
  const std::filesystem::path named(file);
  if (named.is_absolute() || declared_in.empty() || declared_in.front() == '<') return named.lexically_normal();
  return (std::filesystem::path(declared_in).parent_path() / named).lexically_normal();
}

// Reads a document whole; on failure `error` says why.
bool read_file(const std::string& path, std::string& text, std::string& error) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    error = "it is not a regular file";
    return false;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno ? errno : ENOENT);
    return false;
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) {
    error = std::strerror(errno ? errno : EIO);
    return false;
  }
  text = std::move(out).str();
  return true;
}

// `s` with the line and column of its first byte.
TextSpan span_at(const std::vector<std::size_t>& line_starts, query::text::Span s) {
  const auto line = std::upper_bound(line_starts.begin(), line_starts.end(), s.begin) - line_starts.begin();
  return TextSpan{s.begin, s.end, static_cast<std::uint32_t>(line),
                  static_cast<std::uint32_t>(s.begin - line_starts[static_cast<std::size_t>(line) - 1] + 1)};
}

}  // namespace

void read_documents(std::span<query::SourceDeclaration> declarations, query::SourceSet& sources, DocumentCache& cache,
                    std::vector<query::Diagnostic>& out) {
  for (auto& declaration : declarations) {
    for (std::size_t i = 0; i < declaration.attributes.size(); ++i) {
      const auto& [key, value] = declaration.attributes[i];
      if (key != "file") continue;
      const auto at = i < declaration.value_locations.size() ? declaration.value_locations[i] : declaration.location;
      if (value.kind != query::ValueKind::String || value.text.empty()) {
        out.push_back(query::make_error(at, "the file of source '" + declaration.name +
                                                "' must be a string naming its document (relative to this file)"));
        break;
      }
      const auto path = resolve(sources.name(declaration.location.source), value.text);
      auto cached = cache.find(path);
      if (cached == cache.end()) {
        std::string text, error;
        if (!read_file(path, text, error)) {
          out.push_back(query::make_error(at, "cannot read the document of source '" + declaration.name + "', '" +
                                                  path + "': " + error));
          break;
        }
        if (text.size() > std::numeric_limits<std::int32_t>::max()) {
          out.push_back(query::make_error(at, "the document of source '" + declaration.name + "', '" + path +
                                                  "', is larger than 2 GiB"));
          break;
        }
        if (const auto bad = invalid_utf8(text); bad != std::string_view::npos) {
          out.push_back(query::make_error(at, "the document of source '" + declaration.name + "', '" + path +
                                                  "', is not UTF-8 text (byte " + std::to_string(bad) + ")"));
          break;
        }
        auto shared = std::make_shared<const std::string>(text);
        const auto id = sources.add(path, std::move(text));
        cached = cache.emplace(path, query::Document{path, std::move(shared), id}).first;
      }
      declaration.document = cached->second;
      break;  // the first `file` is the one (source_attribute/3 shows every one)
    }
  }
}

std::vector<SourceInfo> describe_sources(const query::Program& program, const query::SourceSet& sources) {
  std::vector<SourceInfo> out;
  std::map<std::string, std::size_t> index;
  struct Text {
    std::unique_ptr<query::text::NormalizedText> normalized;
    std::vector<std::size_t> line_starts;
  };
  std::vector<Text> texts;
  const auto place = [&](const query::Location& at) {
    return at.line == 0 ? std::string() : sources.name(at.source) + ":" + std::to_string(at.line);
  };
  for (const auto& d : program.sources) {
    if (!index.try_emplace(d.name, out.size()).second) continue;  // declared twice: an error, shown when loaded
    SourceInfo info;
    info.name = d.name;
    info.attributes = d.attributes;
    info.declaration = d.text;
    info.place = place(d.location);
    Text t;
    if (d.document) {
      info.has_document = true;
      info.document = d.document->path;
      info.text = *d.document->text;
      t.normalized = std::make_unique<query::text::NormalizedText>(info.text);
      t.line_starts.push_back(0);
      for (std::size_t i = 0; i < info.text.size(); ++i)
        if (info.text[i] == '\n') t.line_starts.push_back(i + 1);
      for (const auto& s : query::text::split_sentences(info.text))
        info.sentences.push_back(span_at(t.line_starts, s));
    }
    out.push_back(std::move(info));
    texts.push_back(std::move(t));
  }
  for (const auto& r : program.rules) {
    if (!r.citation) continue;
    const auto it = index.find(r.citation->source);
    if (it == index.end()) continue;  // an undeclared source: a warning when loaded
    auto& info = out[it->second];
    const auto& t = texts[it->second];
    SourceCitation c;
    c.statement = query::statement_name(r);
    c.text = r.text;
    c.quote = r.citation->quote;
    c.place = place(r.location);
    if (t.normalized)
      for (const auto& s : query::text::find_quote(*t.normalized, c.quote))
        c.passages.push_back(span_at(t.line_starts, s));
    info.citations.push_back(std::move(c));
  }
  return out;
}

}  // namespace writ::kb
