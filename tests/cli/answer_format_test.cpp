// The output formats' building blocks: tables, csv fields, json strings.
#include "answer_format.hpp"

#include <gtest/gtest.h>

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
  EXPECT_EQ(format_json(answers({}, {{}})), "{\"query\": \"goal\", \"columns\": [], \"rows\": [[]]}\n");
  EXPECT_EQ(format_json(answers({}, {})), "{\"query\": \"goal\", \"columns\": [], \"rows\": []}\n");
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
      "{\"query\": \"goal\", \"columns\": [\"N\", \"S\"], \"rows\": [[-9007199254740993, \"x\"]]}\n");
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
            "?- goal.\ntrue.\n\n?- goal.\nfalse.\nanswer\nfalse\n\nanswer\nfalse\n"
            "{\"query\": \"goal\", \"columns\": [], \"rows\": []}\n");
}

}  // namespace
}  // namespace writ::cli
