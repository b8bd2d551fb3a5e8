// libFuzzer target: the CSV/TSV importer on arbitrary bytes, alone (grammar::parse_csv) and
// through the knowledge base (import_csv, then a question on the imported predicate). The
// first byte picks the delimiter and the header mode, the rest is the table.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_expect.hpp"
#include "grammar/csv.hpp"
#include "writ/knowledge_base.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr char delimiters[] = {',', '\t', ';', '|'};
  writ::grammar::CsvOptions options;
  options.delimiter = delimiters[data[0] & 3];
  options.header = static_cast<writ::grammar::CsvHeader>((data[0] >> 2) % 3);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const auto table = writ::grammar::parse_csv(text, 1, "t", options);
  // Rows or errors, never both; every fact has the table's width and is a plain fact.
  if (!table.diagnostics.empty()) {
    WRIT_FUZZ_EXPECT(table.program.rules.empty());
    return 0;
  }
  WRIT_FUZZ_EXPECT(table.program.rules.size() == table.rows);
  for (const auto& fact : table.program.rules) {
    WRIT_FUZZ_EXPECT(fact.head.args.size() == table.column_kinds.size());
    WRIT_FUZZ_EXPECT(fact.is_fact());
    for (std::size_t i = 0; i < fact.head.args.size(); ++i)
      WRIT_FUZZ_EXPECT(fact.head.args[i].value.kind == table.column_kinds[i]);
  }

  writ::kb::KnowledgeBase kb;
  writ::kb::ImportOptions import;
  import.delimiter = options.delimiter;
  if (options.header != writ::grammar::CsvHeader::Auto) import.header = options.header == writ::grammar::CsvHeader::Yes;
  const auto imported = kb.import_csv({"t.csv", std::string(text)}, "t", import);
  WRIT_FUZZ_EXPECT(imported.outcome == writ::kb::Outcome::Ok);
  WRIT_FUZZ_EXPECT(imported.rows == table.rows);
  if (table.rows == 0) return 0;
  std::string goal = "t(";
  for (std::size_t i = 0; i < table.column_kinds.size(); ++i) goal += (i ? ", X" : "X") + std::to_string(i);
  goal += ")";
  const auto answers = kb.ask(goal);
  WRIT_FUZZ_EXPECT(answers.outcome == writ::kb::Outcome::Ok);
  // Duplicate rows are one answer.
  WRIT_FUZZ_EXPECT(answers.answers.rows.size() >= 1 && answers.answers.rows.size() <= table.rows);
  for (const auto& d : answers.diagnostics) WRIT_FUZZ_EXPECT(d.message.find("internal error") == std::string::npos);
  return 0;
}
