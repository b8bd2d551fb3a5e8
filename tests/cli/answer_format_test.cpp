// The output formats' building blocks: tables, csv fields, json strings.
#include "answer_format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <sstream>

#include "text_table.hpp"

namespace writ::cli {
namespace {

using query::Value;

kb::Answers answers(std::vector<std::string> columns, std::vector<std::vector<Value>> rows) {
  // Member by member: Answers gains members (e.g. statuses) that these tests leave empty.
  kb::Answers a;
  a.query = "goal";
  a.columns = std::move(columns);
  a.rows = std::move(rows);
  return a;
}

kb::Answers with_statuses(std::vector<std::string> columns, std::vector<std::vector<Value>> rows,
                          std::vector<kb::Status> statuses) {
  kb::Answers a = answers(std::move(columns), std::move(rows));
  a.statuses = std::move(statuses);
  a.has_status = true;
  return a;
}

TEST(TextTable, AlignsByCodePointsWithoutTrailingBlanks) {
  EXPECT_EQ(render_text_table({"Name", "N"}, {{"é", "10"}, {"longer", "2"}}),
            "Name    N\n------  --\né       10\nlonger  2\n");
  EXPECT_EQ(display_width("日本"), 2u);
}

TEST(AnswerFormat, TableQuotesStringsAsTheLanguageDoes) {
  EXPECT_EQ(
      format_table(answers(
          {"X"}, {{Value::make_integer(-3)}, {Value::make_symbol("a")}, {Value::make_string("say \"hi\"")}})),
      "X\n------------\n-3\na\n\"say \\\"hi\\\"\"\n(3 answers)\n");
}

TEST(AnswerFormat, QueriesWithoutVariables) {
  EXPECT_EQ(format_table(answers({}, {{}})), "true.\n");
  EXPECT_EQ(format_table(answers({}, {})), "false.\n");
  EXPECT_EQ(format_csv(answers({}, {{}})), "answer\ntrue\n");
  EXPECT_EQ(format_csv(answers({}, {})), "answer\nfalse\n");
  EXPECT_EQ(format_json(answers({}, {{}})), "{\"goal\": \"goal\", \"columns\": [], \"rows\": [[]], \"status\": \"ok\", \"diagnostics\": []}\n");
  EXPECT_EQ(format_json(answers({}, {})), "{\"goal\": \"goal\", \"columns\": [], \"rows\": [], \"status\": \"ok\", \"diagnostics\": []}\n");
}

TEST(AnswerFormat, CsvFields) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "\"\"");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(format_csv(answers({"X", "Y"}, {{Value::make_string("a,b"), Value::make_integer(7)}})),
            "X,Y\n\"a,b\",7\n");
}

TEST(AnswerFormat, JsonStrings) {
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("\n\t\x01\x1f"), R"("\n\t\u0001\u001f")");
  EXPECT_EQ(json_string("é€😀"), "\"é€😀\"");
  EXPECT_EQ(json_string("bad\xff\xc0"), R"("bad\ufffd\ufffd")");
  EXPECT_EQ(json_string("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");  // a surrogate
}

TEST(AnswerFormat, JsonNumbersAndStrings) {
  EXPECT_EQ(
      format_json(answers({"N", "S"}, {{Value::make_integer(-9007199254740993), Value::make_symbol("x")}})),
      "{\"goal\": \"goal\", \"columns\": [\"N\", \"S\"], \"rows\": [[-9007199254740993, \"x\"]], \"status\": \"ok\", \"diagnostics\": []}\n");
}

TEST(AnswerFormat, DatesDurationsAndMoneyInEachFormat) {
  // As the language writes them in a table and in csv; typed objects in json.
  const auto a = answers({"D", "L", "A"}, {{Value::make_date(20513), Value::make_duration(18, "mo"),
                                            Value::make_money(500000125, "USD")},
                                           {Value::make_date(-1), Value::make_duration(-30, "d"),
                                            Value::make_money(-5, "CHF")}});
  EXPECT_EQ(format_table(a),
            "D           L      A\n----------  -----  -------------\n2026-03-01  1y6mo  $5_000_001.25\n"
            "1969-12-31  -30d   -CHF 0.05\n(2 answers)\n");
  EXPECT_EQ(format_csv(a), "D,L,A\n2026-03-01,1y6mo,$5_000_001.25\n1969-12-31,-30d,-CHF 0.05\n");
  EXPECT_EQ(format_json(a),
            "{\"goal\": \"goal\", \"columns\": [\"D\", \"L\", \"A\"], \"rows\": ["
            "[{\"date\": \"2026-03-01\"}, {\"duration\": \"1y6mo\", \"months\": 18}, "
            "{\"money\": \"$5_000_001.25\", \"currency\": \"USD\", \"amount\": \"5000001.25\"}], "
            "[{\"date\": \"1969-12-31\"}, {\"duration\": \"-30d\", \"days\": -30}, "
            "{\"money\": \"-CHF 0.05\", \"currency\": \"CHF\", \"amount\": \"-0.05\"}]], \"status\": \"ok\", \"diagnostics\": []}\n");
  EXPECT_EQ(format_json(answers({"A"}, {{Value::make_money(5000, "JPY")}, {Value::make_money(1250, "KWD")}})),
            "{\"goal\": \"goal\", \"columns\": [\"A\"], \"rows\": ["
            "[{\"money\": \"JPY 5_000\", \"currency\": \"JPY\", \"amount\": \"5000\"}], "
            "[{\"money\": \"KWD 1.250\", \"currency\": \"KWD\", \"amount\": \"1.250\"}]], \"status\": \"ok\", \"diagnostics\": []}\n");
}

TEST(AnswerPrinter, SeparatesBlocks) {
  std::ostringstream out;
  AnswerPrinter printer(out, Format::Table, /*echo_query=*/true);
  printer.print(answers({}, {{}}));
  printer.print(answers({}, {}));
  printer.set_format(Format::Csv);
  printer.print(answers({}, {}));
  printer.print(answers({}, {}));
  printer.set_format(Format::Json);
  printer.print(answers({}, {}));
  EXPECT_EQ(out.str(),
            "?- goal.\ntrue.\n\n?- goal.\nfalse.\n\"?- goal.\"\nanswer\nfalse\n\n\"?- goal.\"\nanswer\nfalse\n"
            "{\"goal\": \"goal\", \"columns\": [], \"rows\": [], \"status\": \"ok\", \"diagnostics\": []}\n");
}

// A question that got no answers still has its json line, and json-doc one document.
TEST(AnswerPrinter, UnansweredQuestionsAndOneDocument) {
  std::ostringstream out;
  AnswerPrinter printer(out, Format::Json, /*echo_query=*/false);
  printer.unanswered("p(X", kb::Outcome::InputError, message_json("error", "bad"));
  printer.unanswered("p(X)", kb::Outcome::LimitHit, "[]");
  printer.set_format(Format::Table);
  printer.unanswered("p(X)", kb::Outcome::InputError, "[]");  // tables and csv print nothing
  printer.set_format(Format::Csv);
  printer.unanswered("p(X)", kb::Outcome::InputError, "[]");
  EXPECT_EQ(out.str(),
            "{\"goal\": \"p(X\", \"columns\": [], \"rows\": [], \"status\": \"error\", \"diagnostics\": "
            "[{\"severity\": \"error\", \"file\": null, \"line\": null, \"column\": null, \"message\": \"bad\"}]}\n"
            "{\"goal\": \"p(X)\", \"columns\": [], \"rows\": [], \"status\": \"limit\", \"diagnostics\": []}\n");

  std::ostringstream doc;
  AnswerPrinter whole(doc, Format::JsonDoc, /*echo_query=*/false);
  whole.start_document("[]");
  whole.print(answers({"X"}, {{Value::make_symbol("a")}, {Value::make_string("a")}}));
  whole.unanswered("q(", kb::Outcome::InputError, "[]");
  whole.finish_document(kb::Outcome::InputError);
  EXPECT_EQ(doc.str(),
            "{\"diagnostics\": [], \"questions\": ["
            "{\"goal\": \"goal\", \"columns\": [\"X\"], \"rows\": [[\"a\"], [{\"string\": \"a\"}]], "
            "\"status\": \"ok\", \"diagnostics\": []}, "
            "{\"goal\": \"q(\", \"columns\": [], \"rows\": [], \"status\": \"error\", \"diagnostics\": []}"
            "], \"status\": \"error\"}\n");
}

TEST(TextTable, TrimsEmptyAndBlankCellsAtTheEnd) {
  // Padding of empty cells at the end goes, and so do blanks ending the last shown cell;
  // an empty column at the end adds nothing to the dashes.
  EXPECT_EQ(render_text_table({"A", "B", "C"}, {{"x", "", ""}, {"y"}, {"z ", "", ""}, {"", "", ""}}),
            "A   B  C\n--  -  -\nx\ny\nz\n\n");
  EXPECT_EQ(render_text_table({"A", "", "C"}, {{"xx", "", "1"}}), "A     C\n--    -\nxx    1\n");
  EXPECT_EQ(render_text_table({"A", ""}, {{"x", ""}}), "A\n-\nx\n");
  EXPECT_EQ(render_text_table({"A"}, {{"1", "beyond the header"}}), "A\n-\n1\n");
}

// Strings always in quotes, so that a symbol and a string (a and "a", 1 and "1") stay apart.
TEST(AnswerFormat, CsvQuotesEveryStringAndOtherFieldsWhereNeeded) {
  const auto text = [](std::string s) { return Value::make_string(std::move(s)); };
  EXPECT_EQ(format_csv(answers({"X"}, {{text("")},
                                       {text("plain text")},
                                       {text("a,b")},
                                       {text("say \"hi\"")},
                                       {text("two\nlines")},
                                       {text("cr\r")},
                                       {text("\"")},
                                       {text("tab\tand\\")},
                                       {text("caf\xc3\xa9")},
                                       {text("bad\xff")},
                                       {Value::make_symbol("sym")}})),
            "X\n\"\"\n\"plain text\"\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n\"cr\r\"\n\"\"\"\"\n"
            "\"tab\tand\\\"\n\"caf\xc3\xa9\"\n\"bad\xff\"\nsym\n");
  EXPECT_EQ(format_csv(answers({"X"}, {{Value::make_symbol("a")}, {text("a")}, {Value::make_integer(1)}, {text("1")}})),
            "X\na\n\"a\"\n1\n\"1\"\n");
  EXPECT_EQ(format_csv(answers({"a,b", "N"}, {{text(""), Value::make_integer(std::numeric_limits<std::int64_t>::min())},
                                             {text("x"), Value::make_integer(0)}})),
            "\"a,b\",N\n\"\",-9223372036854775808\n\"x\",0\n");
}

TEST(AnswerFormat, StatusColumn) {
  const auto a = with_statuses({"X"}, {{Value::make_symbol("a")}, {Value::make_integer(2)}},
                               {kb::Status::Contested, kb::Status::Established});
  EXPECT_EQ(format_table(a), "X  status\n-  -----------\na  contested\n2  established\n(2 answers)\n");
  EXPECT_EQ(format_csv(a), "X,status\na,contested\n2,established\n");
  EXPECT_EQ(format_json(a),
            "{\"goal\": \"goal\", \"columns\": [\"X\", \"status\"], "
            "\"rows\": [[\"a\", \"contested\"], [2, \"established\"]], \"status\": \"ok\", \"diagnostics\": []}\n");
  const auto yes = with_statuses({}, {{}}, {kb::Status::Accepted});
  EXPECT_EQ(format_table(yes), "true (accepted).\n");
  EXPECT_EQ(format_csv(yes), "answer,status\ntrue,accepted\n");
  EXPECT_EQ(format_json(yes), "{\"goal\": \"goal\", \"columns\": [\"status\"], \"rows\": [[\"accepted\"]], \"status\": \"ok\", \"diagnostics\": []}\n");
  const auto no = with_statuses({}, {}, {});
  EXPECT_EQ(format_table(no), "false.\n");
  EXPECT_EQ(format_csv(no), "answer,status\nfalse,\n");
  EXPECT_EQ(format_json(no), "{\"goal\": \"goal\", \"columns\": [\"status\"], \"rows\": [], \"status\": \"ok\", \"diagnostics\": []}\n");
}

TEST(AnswerFormat, JsonEscapesOnlyWhereNeeded) {
  const auto text = [](std::string s) { return Value::make_string(std::move(s)); };
  kb::Answers a = answers({"X"}, {{text("")},
                                  {text("plain \x7f")},
                                  {text("q\"b\\")},
                                  {text("ctl\x01\n")},
                                  {text("caf\xc3\xa9 \xe6\x97\xa5")},
                                  {text("bad\xff\xc0 tail")},
                                  {text("\xe6\x97")},  // a sequence cut short
                                  {Value::make_symbol("s")}});
  a.query = "q(\"\xfe\")";
  EXPECT_EQ(format_json(a),
            "{\"goal\": \"q(\\\"\\ufffd\\\")\", \"columns\": [\"X\"], \"rows\": [[{\"string\": \"\"}], "
            "[{\"string\": \"plain \x7f\"}], [{\"string\": \"q\\\"b\\\\\"}], [{\"string\": \"ctl\\u0001\\n\"}], "
            "[{\"string\": \"caf\xc3\xa9 \xe6\x97\xa5\"}], [{\"string\": \"bad\\ufffd\\ufffd tail\"}], "
            "[{\"string\": \"\\ufffd\\ufffd\"}], [\"s\"]], \"status\": \"ok\", \"diagnostics\": []}\n");
  // Every string is what json_string makes of it.
  for (const auto& row : a.rows) {
    EXPECT_NE(format_json(a).find(json_string(row[0].text)), std::string::npos) << row[0].text;
  }
}

TEST(AnswerFormat, TableEscapesStringsOnlyWhereNeeded) {
  const auto text = [](std::string s) { return Value::make_string(std::move(s)); };
  EXPECT_EQ(format_table(answers({"X"}, {{text("")}, {text("caf\xc3\xa9")}, {text("del\x7f")}, {text("a\\b\t")}})),
            "X\n-----------\n\"\"\n\"caf\xc3\xa9\"\n\"del\\u007f\"\n\"a\\\\b\\t\"\n(4 answers)\n");
}

// A table wider than the output buffer, in columns and in one cell, aligned as
// render_text_table aligns it.
TEST(AnswerFormat, WideTables) {
  std::vector<std::string> columns;
  std::vector<Value> first;
  std::vector<Value> second;
  std::vector<std::string> first_cells;
  std::vector<std::string> second_cells;
  for (int c = 0; c < 300; ++c) {
    columns.push_back("C" + std::to_string(c));
    first.push_back(Value::make_integer(c * 1000));
    first_cells.push_back(std::to_string(c * 1000));
    const std::string long_text(c == 150 ? 100000 : c % 7, 'x');
    second.push_back(Value::make_symbol(long_text.empty() ? "s" : long_text));
    second_cells.push_back(long_text.empty() ? "s" : long_text);
  }
  const std::string table = format_table(answers(columns, {first, second}));
  EXPECT_EQ(table, render_text_table(columns, {first_cells, second_cells}) + "(2 answers)\n");
  EXPECT_GT(table.size(), 2 * (std::size_t{100000} + 299 * 2));
}

// Many rows go through the buffer in blocks; what reaches the stream is the same text.
TEST(AnswerPrinter, StreamsManyRowsInBlocks) {
  std::vector<std::vector<Value>> rows;
  std::string csv = "X,Y\n";
  std::string json = "{\"goal\": \"goal\", \"columns\": [\"X\", \"Y\"], \"rows\": [";
  std::vector<std::vector<std::string>> cells;
  for (int i = 0; i < 50000; ++i) {
    const std::string name = i % 3 ? "n" + std::to_string(i) : "say, \"" + std::to_string(i) + "\"";
    rows.push_back({Value::make_integer(i - 25000), Value::make_string(name)});
    csv += std::to_string(i - 25000) + ",\"" + (i % 3 ? name : "say, \"\"" + std::to_string(i) + "\"\"") + "\"\n";
    json += (i ? ", [" : "[") + std::to_string(i - 25000) + ", {\"string\": " + json_string(name) + "}]";
    cells.push_back({std::to_string(i - 25000), query::to_source(Value::make_string(name))});
  }
  json += "], \"status\": \"ok\", \"diagnostics\": []}\n";
  const kb::Answers a = answers({"X", "Y"}, rows);
  // EXPECT_TRUE, not EXPECT_EQ: a diff of megabytes would take minutes to print.
  EXPECT_TRUE(format_csv(a) == csv);
  EXPECT_TRUE(format_json(a) == json);
  EXPECT_EQ(format_table(a), render_text_table({"X", "Y"}, cells) + "(50000 answers)\n");
}

TEST(AnswerPrinter, WritesEverythingByEndAndWhenDestroyed) {
  std::ostringstream out;
  {
    AnswerPrinter printer(out, Format::Csv, /*echo_query=*/false);
    printer.begin("goal", {"X"}, false);
    printer.row({Value::make_integer(1)}, std::nullopt);
    printer.end();
    EXPECT_EQ(out.str(), "X\n1\n");
    printer.begin("goal", {"X"}, false);
    printer.row({Value::make_integer(2)}, std::nullopt);
  }  // cut short: what was formatted still reaches the stream
  EXPECT_EQ(out.str(), "X\n1\n\nX\n2\n");
}

}  // namespace
}  // namespace writ::cli
