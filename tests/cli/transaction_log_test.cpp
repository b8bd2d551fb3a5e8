// The log of a store's transactions in the three formats, exact.
#include "transaction_log.hpp"

#include <gtest/gtest.h>

namespace writ::cli {
namespace {

const std::vector<kb::TransactionRecord> log = {
    {1, "2024-05-01T09:30:00.123Z", "load a.writ, b.writ", 120, 0},
    {2, "2024-05-01T09:31:00.000Z", "retract p(X) :-\n    q(X).", 0, 1},
    {10, "2024-05-02T10:00:00.500Z", "load \"odd\".writ", 3, 0},
};

TEST(TransactionLog, Table) {
  EXPECT_EQ(format_transactions(log, Format::Table),
            "tx  time                      description            added  removed\n"
            "--  ------------------------  ---------------------  -----  -------\n"
            "1   2024-05-01T09:30:00.123Z  load a.writ, b.writ    120    0\n"
            "2   2024-05-01T09:31:00.000Z  retract p(X) :- q(X).  0      1\n"
            "10  2024-05-02T10:00:00.500Z  load \"odd\".writ        3      0\n");
  EXPECT_EQ(format_transactions({}, Format::Table), "(no transactions)\n");
}

TEST(TransactionLog, Csv) {
  EXPECT_EQ(format_transactions(log, Format::Csv),
            "tx,time,description,added,removed\n"
            "1,2024-05-01T09:30:00.123Z,\"load a.writ, b.writ\",120,0\n"
            "2,2024-05-01T09:31:00.000Z,\"retract p(X) :-\n    q(X).\",0,1\n"
            "10,2024-05-02T10:00:00.500Z,\"load \"\"odd\"\".writ\",3,0\n");
  EXPECT_EQ(format_transactions({}, Format::Csv), "tx,time,description,added,removed\n");
}

TEST(TransactionLog, Json) {
  EXPECT_EQ(
      format_transactions(log, Format::Json),
      R"({"tx": 1, "time": "2024-05-01T09:30:00.123Z", "description": "load a.writ, b.writ", "added": 120, "removed": 0}
{"tx": 2, "time": "2024-05-01T09:31:00.000Z", "description": "retract p(X) :-\n    q(X).", "added": 0, "removed": 1}
{"tx": 10, "time": "2024-05-02T10:00:00.500Z", "description": "load \"odd\".writ", "added": 3, "removed": 0}
)");
  EXPECT_EQ(format_transactions({}, Format::Json), "");
}

}  // namespace
}  // namespace writ::cli
