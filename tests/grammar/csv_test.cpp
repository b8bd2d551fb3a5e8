// grammar::parse_csv: the dialect (quotes, line ends, blank lines, BOM), per-column typing,
// header detection, and every error with its exact position.
#include <gtest/gtest.h>

#include "grammar/csv.hpp"

namespace writ::grammar {
namespace {

using query::ValueKind;

CsvResult parse(std::string_view text, CsvOptions options = {}) { return parse_csv(text, 7, "t", options); }

// The facts as their texts, in order.
std::vector<std::string> texts(const CsvResult& r) {
  std::vector<std::string> out;
  for (const auto& f : r.program.rules) out.push_back(f.text);
  return out;
}

std::vector<std::string> errors(const CsvResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " + d.message);
  return out;
}

TEST(Csv, TypesEachColumnAsAWhole) {
  const auto r = parse("1,acme,Acme Corp\n-20,big_co,x\n0,zed,\"\"\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.column_kinds, (std::vector{ValueKind::Integer, ValueKind::Symbol, ValueKind::String}));
  EXPECT_EQ(texts(r), (std::vector<std::string>{R"(t(1, acme, "Acme Corp").)", R"(t(-20, big_co, "x").)",
                                                R"(t(0, zed, "").)"}));
  EXPECT_EQ(r.rows, 3u);
  EXPECT_TRUE(r.header.empty());
}

TEST(Csv, OneValueThatIsNotAnIntegerMakesTheColumnText) {
  // 007, +7 and " 7" are not written as writ writes integers: importing must not lose the zeros.
  EXPECT_EQ(texts(parse("1\n007\n")), (std::vector<std::string>{R"(t("1").)", R"(t("007").)"}));
  EXPECT_EQ(texts(parse("1\n+7\n")), (std::vector<std::string>{R"(t("1").)", R"(t("+7").)"}));
  EXPECT_EQ(texts(parse("1\n-0\n")), (std::vector<std::string>{R"(t("1").)", R"(t("-0").)"}));
  EXPECT_EQ(texts(parse("1\nab\n")), (std::vector<std::string>{R"(t("1").)", R"(t("ab").)"}));
  // Past 64 bits it is text too.
  EXPECT_EQ(texts(parse("9223372036854775807\n9223372036854775808\n")),
            (std::vector<std::string>{R"(t("9223372036854775807").)", R"(t("9223372036854775808").)"}));
  EXPECT_EQ(texts(parse("-9223372036854775808\n")), (std::vector<std::string>{"t(-9223372036854775808)."}));
}

TEST(Csv, DatesDurationsAndMoneyAreTypedColumns) {
  const auto r = parse("2026-03-01,30d,$1_200.50\n1999-12-31,1y6mo,-$5\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.column_kinds, (std::vector{ValueKind::Date, ValueKind::Duration, ValueKind::Money}));
  EXPECT_EQ(texts(r), (std::vector<std::string>{"t(2026-03-01, 30d, $1_200.50).", "t(1999-12-31, 1y6mo, -$5)."}));
  // One value that is not one makes the column text: nothing is lost.
  EXPECT_EQ(texts(parse("2026-03-01\n2026-02-30\n")),
            (std::vector<std::string>{R"(t("2026-03-01").)", R"(t("2026-02-30").)"}));
  EXPECT_EQ(texts(parse("$5\n\u20ac5\n")), (std::vector<std::string>{"t($5).", "t(\u20ac5)."}));
  EXPECT_EQ(texts(parse("$5\n5\n")), (std::vector<std::string>{R"(t("$5").)", R"(t("5").)"}));
  // A name over dates is a header.
  const auto h = parse("when,amount\n2026-03-01,$5\n2026-03-02,$6\n");
  EXPECT_EQ(h.header, (std::vector<std::string>{"when", "amount"}));
  EXPECT_EQ(h.column_kinds, (std::vector{ValueKind::Date, ValueKind::Money}));
}

TEST(Csv, SymbolsAreWrittenAsWritWritesThem) {
  EXPECT_EQ(parse("aB_9\nx\n").column_kinds, (std::vector{ValueKind::Symbol}));
  EXPECT_EQ(parse("a\nB\n").column_kinds, (std::vector{ValueKind::String}));
  EXPECT_EQ(parse("a\na-b\n").column_kinds, (std::vector{ValueKind::String}));
  EXPECT_EQ(parse("a\n_b\n").column_kinds, (std::vector{ValueKind::String}));
}

TEST(Csv, QuotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes) {
  const auto r = parse("\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n");
  EXPECT_TRUE(r.diagnostics.empty()) << errors(r).front();
  EXPECT_EQ(texts(r), (std::vector<std::string>{R"(t("a,b", "say \"hi\"").)", R"(t("two\nlines", "x").)"}));
  // The second row starts on line 2; the field after the quoted line break is on line 3.
  EXPECT_EQ(r.program.rules[1].location.line, 2u);
  EXPECT_EQ(r.program.rules[1].head.args[1].location.line, 3u);
  EXPECT_EQ(r.program.rules[1].head.args[1].location.column, 8u);
}

TEST(Csv, CrlfBlankLinesAndAByteOrderMark) {
  const auto r = parse("\xEF\xBB\xBF" "1,2\r\n\r\n\n3,4\r\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(texts(r), (std::vector<std::string>{"t(1, 2).", "t(3, 4)."}));
  EXPECT_EQ(r.program.rules[1].location.line, 4u);
  EXPECT_EQ(r.program.rules[0].location.column, 1u);  // the BOM takes no column: an editor hides it
  EXPECT_EQ(texts(parse("1,2")), (std::vector<std::string>{"t(1, 2)."}));  // no final line end
  EXPECT_EQ(texts(parse("1,\n2,\n")), (std::vector<std::string>{R"(t(1, "").)", R"(t(2, "").)"}));
}

TEST(Csv, TabsAndOtherDelimiters) {
  EXPECT_EQ(texts(parse("a\tb,c\n", {.delimiter = '\t'})), (std::vector<std::string>{R"(t(a, "b,c").)"}));
  EXPECT_EQ(texts(parse("1;2\n", {.delimiter = ';'})), (std::vector<std::string>{"t(1, 2)."}));
}

TEST(Csv, AHeaderIsSeenWhenItsValuesDoNotFitTheirColumns) {
  auto r = parse("src,dst\n1,2\n2,3\n");
  EXPECT_EQ(r.header, (std::vector<std::string>{"src", "dst"}));
  EXPECT_EQ(texts(r), (std::vector<std::string>{"t(1, 2).", "t(2, 3)."}));
  EXPECT_EQ(r.rows, 2u);
  EXPECT_EQ(parse("Party,n\nacme,1\n").header, (std::vector<std::string>{"Party", "n"}));
  // Without an integer column a header cannot be told from data ...
  r = parse("party,deal\nacme,x\n");
  EXPECT_TRUE(r.header.empty());
  EXPECT_EQ(r.rows, 2u);
  EXPECT_TRUE(parse("Party\nacme\n").header.empty());
  // ... and a first row with an integer is data.
  EXPECT_TRUE(parse("n,1\n2,3\n").header.empty());
  // ... unless the user says so; and --no-header keeps a first row that looks like one.
  r = parse("party,deal\nacme,x\n", {.header = CsvHeader::Yes});
  EXPECT_EQ(r.header, (std::vector<std::string>{"party", "deal"}));
  EXPECT_EQ(texts(r), (std::vector<std::string>{"t(acme, x)."}));
  r = parse("src,dst\n1,2\n", {.header = CsvHeader::No});
  EXPECT_EQ(texts(r), (std::vector<std::string>{R"(t("src", "dst").)", R"(t("1", "2").)"})) << "typed over every row";
  EXPECT_EQ(r.column_kinds, (std::vector{ValueKind::String, ValueKind::String}));
  // One row alone is data.
  EXPECT_EQ(texts(parse("src,dst\n")), (std::vector<std::string>{"t(src, dst)."}));
}

TEST(Csv, ErrorsHaveExactPositionsAndEveryBadRowIsReported) {
  const auto r = parse("a,b\n1,2,3\nx\"y,2\n\"q\"z,2\n4\n\"open\n");
  EXPECT_EQ(errors(r), (std::vector<std::string>{
                           "2:1: this row has 3 fields; the first row has 2",
                           "3:2: a '\"' inside an unquoted field: quote the whole field and double the quote (\"\")",
                           "4:4: expected ',' or the end of the line after a closing '\"'",
                           "5:1: this row has 1 field; the first row has 2",
                           "6:1: unterminated quoted field: no closing '\"'",
                       }));
  EXPECT_TRUE(r.program.rules.empty());
  EXPECT_EQ(parse("\"a\"\tb\n", {.delimiter = '\t'}).diagnostics.size(), 0u);
  EXPECT_EQ(errors(parse("\"a\"b\n", {.delimiter = '\t'})),
            (std::vector<std::string>{"1:4: expected a tab or the end of the line after a closing '\"'"}));
}

// Issue 11, item 6: a value holds what a writ string may hold, no more: a NUL byte or
// bytes that are not UTF-8 are errors at the byte, with the row and field named (a value
// stored with them could never be written back as writ, nor retracted).
TEST(Csv, NulBytesAndInvalidUtf8AreErrorsWithTheRowNamed) {
  using namespace std::string_literals;
  const auto r = parse("a,b\nx\0y,2\n\"caf\xC3\xA9\",\"q\xFFz\"\n\xC3\x28,1\n\"\xED\xA0\x80\",x\ny,\"line\n\0\"\nok,\xE2\x82\xAC\n"s);
  EXPECT_EQ(errors(r), (std::vector<std::string>{
                           "2:2: NUL character in field 1 of row 2",
                           "3:10: invalid UTF-8 in field 2 of row 3",  // é is one column
                           "4:1: invalid UTF-8 in field 1 of row 4",
                           "5:2: invalid UTF-8 in field 1 of row 5",
                           "7:1: NUL character in field 2 of row 6",
                       }));
  EXPECT_TRUE(r.program.rules.empty());
  // Well-formed UTF-8 (é, €) is a string like any other.
  EXPECT_EQ(texts(parse("caf\xC3\xA9,\xE2\x82\xAC\n")), (std::vector<std::string>{"t(\"caf\xC3\xA9\", \"\xE2\x82\xAC\")."}));
}

TEST(Csv, AtMostSixtyFourColumnsAndTwentyErrors) {
  std::string wide(64, 'a');
  for (std::size_t i = 1; i < wide.size(); i += 2) wide[i] = ',';
  EXPECT_TRUE(parse(wide + ",a\n").diagnostics.empty());  // 33 fields
  std::string too_wide;
  for (int i = 0; i < 65; ++i) too_wide += (i ? ",1" : "1");
  EXPECT_EQ(errors(parse(too_wide + "\n")),
            (std::vector<std::string>{"1:1: the first row has 65 fields; a predicate has at most 64 arguments"}));
  std::string bad = "1,2\n";
  for (int i = 0; i < 100; ++i) bad += "1\n";
  const auto r = parse(bad);
  ASSERT_EQ(r.diagnostics.size(), 21u);
  EXPECT_EQ(r.diagnostics.back().message, "too many errors in this file; stopped reading it");
}

TEST(Csv, EmptyTextHasNoRows) {
  const auto r = parse("");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.rows, 0u);
  EXPECT_TRUE(r.program.rules.empty());
  EXPECT_TRUE(parse("\n\r\n").program.rules.empty());
}

TEST(Csv, FactsAreLocatedAtTheirRowsForDiagnostics) {
  const auto r = parse("1,2\n30,4\n");
  const auto& f = r.program.rules[1];
  EXPECT_EQ(f.location.source, 7u);
  EXPECT_EQ(f.location.line, 2u);
  EXPECT_EQ(f.location.column, 1u);
  EXPECT_EQ(f.location.offset, 4u);
  EXPECT_EQ(f.location.length, 4u);
  EXPECT_EQ(f.head.args[1].location.column, 4u);
  EXPECT_EQ(f.head.predicate, "t");
  EXPECT_TRUE(f.is_fact());
}

}  // namespace
}  // namespace writ::grammar
