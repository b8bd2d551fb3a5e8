// The API's JSON writer: commas, nesting and escapes.
#include "serve/json_writer.hpp"

#include <gtest/gtest.h>

namespace writ::serve {
namespace {

TEST(JsonWriter, WritesNestedObjectsAndArraysWithCommas) {
  JsonWriter w;
  w.begin_object().key("a").value(1).key("b").begin_array().value("x").null().value(true).end_array();
  w.key("c").begin_object().end_object().key("d").raw(R"({"k":[]})").end_object();
  EXPECT_EQ(w.take(), R"({"a":1,"b":["x",null,true],"c":{},"d":{"k":[]}})");
}

TEST(JsonWriter, EscapesStringsAndKeys) {
  JsonWriter w;
  w.begin_object().key("q\"uote").value("line\nbreak \\ \x01").end_object();
  EXPECT_EQ(w.take(), R"({"q\"uote":"line\nbreak \\ \u0001"})");
}

TEST(JsonWriter, WritesLargeNumbers) {
  JsonWriter w;
  w.begin_array().value(std::int64_t{-9'223'372'036'854'775'807} - 1).value(std::uint64_t{18'446'744'073'709'551'615u}).end_array();
  EXPECT_EQ(w.take(), "[-9223372036854775808,18446744073709551615]");
}

}  // namespace
}  // namespace writ::serve
