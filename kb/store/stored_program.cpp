#include "kb/store/stored_program.hpp"

#include <map>
#include <memory>

#include "grammar/parse.hpp"

namespace writ::kb::store {

namespace {

// A statement kept as text is parsed on its own, so its locations count from its first
// byte; moving them by where it stood in its source makes diagnostics point into the
// original file.
class LocationShift {
 public:
  LocationShift(query::SourceId source, std::uint32_t line, std::uint32_t column, std::uint32_t offset)
      : source_(source), line_(line), column_(column), offset_(offset) {}

  void rule(query::Rule& r) const {
    at(r.location);
    atom(r.head);
    body(r.body);
    if (r.citation) {
      at(r.citation->location);
      at(r.citation->quote_location);
    }
  }
  void source(query::SourceDeclaration& s) const {
    at(s.location);
    for (auto& l : s.value_locations) at(l);
  }

  void at(query::Location& l) const {
    l.source = source_;
    if (l.line == 0) return;
    if (l.line == 1) l.column += column_ - 1;
    l.line += line_ - 1;
    l.offset += offset_;
  }
  void term(query::Term& t) const {
    at(t.location);
    for (auto& o : t.operands) term(o);
  }
  void atom(query::Atom& a) const {
    at(a.location);
    for (auto& t : a.args) term(t);
  }
  void body(std::vector<query::Literal>& literals) const {
    for (auto& l : literals) {
      at(l.location);
      atom(l.atom);
      term(l.lhs);
      term(l.rhs);
      for (auto& e : l.elements) {
        for (auto& t : e.terms) term(t);
        body(e.condition);
      }
    }
  }

  query::SourceId source_;
  std::uint32_t line_, column_, offset_;
};

// Byte offsets of line starts, to turn a fact's (line, column) back into an offset.
std::vector<std::uint32_t> line_starts(std::string_view text) {
  std::vector<std::uint32_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(static_cast<std::uint32_t>(i + 1));
  return starts;
}

}  // namespace

std::string fact_text(const std::string& predicate, const std::vector<query::Value>& values) {
  std::string text = predicate;
  if (!values.empty()) {
    text += '(';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) text += ", ";
      text += query::to_source(values[i]);
    }
    text += ')';
  }
  return text + '.';
}

StoreStatus read_statements(Store& store, std::optional<std::int64_t> as_of, const AddSource& add_source,
                            SourceMap& sources, query::Program& program, std::vector<FactTable>& tables) {
  std::optional<StoreError> damaged;
  auto damage = [&](std::string what) {
    if (!damaged) damaged = StoreError{"store '" + store.path() + "' is damaged: " + std::move(what)};
  };
  std::map<std::int64_t, std::size_t> declarations;  // statement id -> index in program.sources
  Sink sink;
  sink.document = [&](std::int64_t declaration, StoredSource&& s) {
    const auto it = declarations.find(declaration);
    if (it == declarations.end()) return damage("document " + std::to_string(s.id) + " belongs to no source declaration");
    auto text = std::make_shared<const std::string>(std::move(s.text));
    const auto id = add_source(s.name, *text);
    program.sources[it->second].document = query::Document{std::move(s.name), std::move(text), id};
  };
  sink.source = [&](StoredSource&& s) { sources[s.id] = LoadedSource{add_source(std::move(s.name), std::move(s.text)), {}}; };
  sink.statement = [&](StoredStatement&& s) {
    const auto src = sources.find(s.source);
    if (src == sources.end()) return damage("statement " + std::to_string(s.id) + " names no source");
    auto parsed = grammar::parse_program(s.text, src->second.id);
    auto& p = parsed.program;
    const auto count = p.rules.size() + p.preferences.size() + p.sources.size() + p.templates.size() + p.issues.size();
    if (!parsed.diagnostics.empty() || count != 1 || !p.queries.empty())
      return damage("statement " + std::to_string(s.id) + " does not parse: " + s.text);
    const LocationShift shift(src->second.id, s.line, s.column, s.offset);
    if (!p.rules.empty()) {
      shift.rule(p.rules.front());
      program.rules.push_back(std::move(p.rules.front()));
    } else if (!p.preferences.empty()) {
      shift.at(p.preferences.front().location);
      program.preferences.push_back(std::move(p.preferences.front()));
    } else if (!p.sources.empty()) {
      shift.source(p.sources.front());
      declarations[s.id] = program.sources.size();
      program.sources.push_back(std::move(p.sources.front()));
    } else if (!p.templates.empty()) {
      shift.at(p.templates.front().location);
      shift.atom(p.templates.front().atom);
      program.templates.push_back(std::move(p.templates.front()));
    } else {
      shift.at(p.issues.front().location);
      shift.atom(p.issues.front().pattern);
      program.issues.push_back(std::move(p.issues.front()));
    }
  };
  if (auto e = store.read_statements(as_of, sink, tables)) return e;
  return damaged;
}

StoreStatus read_facts(Store& store, const FactTable& table, const Visible& visible, const AddSource& add_source,
                       const SourceText& text, SourceMap& sources, std::vector<query::Rule>& rules) {
  const auto& p = table.predicate;
  const bool negated = !p.name.empty() && p.name.front() == '-';
  const std::string name = negated ? p.name.substr(1) : p.name;
  std::optional<StoreError> failed;
  const auto visit = [&](std::int64_t source, std::uint32_t line, std::uint32_t column,
                         std::vector<query::Value>& values) {
    if (failed) return;
    auto src = sources.find(source);
    if (src == sources.end()) {
      StoredSource s;
      if ((failed = store.read_source(source, s))) return;
      src = sources.emplace(source, LoadedSource{add_source(std::move(s.name), std::move(s.text)), {}}).first;
    }
    auto& loaded = src->second;
    if (!loaded.lines) loaded.lines = line_starts(text(loaded.id));
    query::Location at{loaded.id, line, column, 0, 0};
    const auto& lines = *loaded.lines;
    if (line >= 1 && line <= lines.size() && column >= 1) at.offset = lines[line - 1] + column - 1;
    query::Rule r;
    r.location = at;
    r.head.predicate = name;
    r.head.strong_negation = negated;
    r.head.location = at;
    r.text = fact_text(p.name, values);
    r.head.args.reserve(values.size());
    for (auto& v : values) r.head.args.push_back(query::Term::constant(std::move(v), at));
    rules.push_back(std::move(r));
  };
  if (auto e = store.read_facts(table, visible, nullptr, visit)) return e;
  return failed;
}

StoreStatus read_fact_rows(Store& store, const FactTable& table, const Visible& visible, query::FactRows& out) {
  out.predicate = table.predicate.name;
  out.arity = table.predicate.arity;
  return store.read_facts(table, visible, nullptr,
                          [&](std::int64_t, std::uint32_t line, std::uint32_t column, std::vector<query::Value>& values) {
                            for (auto& v : values) out.values.push_back(std::move(v));
                            out.locations.push_back(query::Location{0, line, column, 0, 0});
                          });
}

WriteOutcome write_load(Store& store, const query::SourceSet& sources, query::SourceId first_source,
                        const query::Program& program, const FirstNew& first,
                        const std::vector<query::FactRows>* rows, const std::atomic<bool>& cancel,
                        StoreError& error, std::string_view description) {
  const std::size_t first_rule = first.rules;
  std::string named(description);
  if (named.empty()) {
    named = "load";
    for (auto id = first_source; id < sources.size(); ++id)
      named += (id == first_source ? " " : ", ") + sources.name(id);
  }
  if (auto e = store.begin(named)) {
    error = *e;
    return WriteOutcome::Failed;
  }
  std::vector<std::int64_t> stored_ids;
  for (auto id = first_source; id < sources.size(); ++id) {
    std::int64_t stored = 0;
    if (auto e = store.add_source(sources.name(id), sources.text(id), stored)) {
      store.rollback();
      error = *e;
      return WriteOutcome::Failed;
    }
    stored_ids.push_back(stored);
  }
  for (std::size_t i = first_rule; i < program.rules.size(); ++i) {
    // Polling an atomic costs little next to an INSERT; every 1024 keeps Ctrl-C prompt.
    if ((i - first_rule) % 1024 == 0 && cancel.load(std::memory_order_relaxed)) {
      store.rollback();
      return WriteOutcome::Cancelled;
    }
    const auto& rule = program.rules[i];
    if (rows && is_plain_fact(rule)) continue;  // among the rows
    const auto index = static_cast<std::size_t>(rule.location.source - first_source);
    if (rule.location.source < first_source || index >= stored_ids.size()) {
      store.rollback();
      error = StoreError{"internal error: a loaded statement has no source"};
      return WriteOutcome::Failed;
    }
    if (auto e = store.add(rule, stored_ids[index])) {
      store.rollback();
      error = *e;
      return WriteOutcome::Failed;
    }
  }
  if (rows) {
    std::size_t written = 0;
    for (const auto& f : *rows) {
      const query::PredicateId p{f.predicate, f.arity};
      for (std::size_t r = 0; r < f.rows(); ++r, ++written) {
        if (written % 1024 == 0 && cancel.load(std::memory_order_relaxed)) {
          store.rollback();
          return WriteOutcome::Cancelled;
        }
        const auto& at = f.locations[r];
        const auto index = static_cast<std::size_t>(at.source - first_source);
        if (at.source < first_source || index >= stored_ids.size()) {
          store.rollback();
          error = StoreError{"internal error: a loaded fact has no source"};
          return WriteOutcome::Failed;
        }
        if (auto e = store.add_fact(p, f.values.data() + r * f.arity, stored_ids[index], at.line, at.column)) {
          store.rollback();
          error = *e;
          return WriteOutcome::Failed;
        }
      }
    }
  }
  // Priorities, source declarations, templates and issues are kept as text, like rules.
  auto add_all = [&](const auto& items, std::size_t from, std::string_view kind) -> bool {
    for (std::size_t i = from; i < items.size(); ++i) {
      const auto& item = items[i];
      const auto index = static_cast<std::size_t>(item.location.source - first_source);
      if (item.location.source < first_source || index >= stored_ids.size()) {
        error = StoreError{"internal error: a loaded statement has no source"};
        return false;
      }
      if (auto e = store.add_statement(kind, item.text, item.location, stored_ids[index])) {
        error = *e;
        return false;
      }
    }
    return true;
  };
  if (!add_all(program.preferences, first.preferences, "preference")) {
    store.rollback();
    return WriteOutcome::Failed;
  }
  // A source declaration, then its document (kept among the load's sources) by its id.
  for (std::size_t i = first.sources; i < program.sources.size(); ++i) {
    const auto& declaration = program.sources[i];
    const auto stored = [&](query::SourceId id) -> std::int64_t {
      return id < first_source || id - first_source >= stored_ids.size() ? 0 : stored_ids[id - first_source];
    };
    std::int64_t id = 0;
    const auto source = stored(declaration.location.source);
    const auto document = declaration.document ? stored(declaration.document->source) : 0;
    StoreStatus e;
    if (source == 0 || (declaration.document && document == 0))
      e = StoreError{"internal error: a loaded statement has no source"};
    else if (!(e = store.add_statement("source", declaration.text, declaration.location, source, &id)) && document != 0)
      e = store.add_document(id, document);
    if (e) {
      store.rollback();
      error = *e;
      return WriteOutcome::Failed;
    }
  }
  if (!add_all(program.templates, first.templates, "template") || !add_all(program.issues, first.issues, "issue")) {
    store.rollback();
    return WriteOutcome::Failed;
  }
  if (cancel.load(std::memory_order_relaxed)) {
    store.rollback();
    return WriteOutcome::Cancelled;
  }
  if (auto e = store.commit()) {
    error = *e;
    return WriteOutcome::Failed;
  }
  return WriteOutcome::Written;
}

}  // namespace writ::kb::store
