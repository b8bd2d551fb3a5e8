// docs/repl.md shows a real first session; this test replays it on a pseudo-terminal and
// compares, so that the page cannot go stale. The page's fenced blocks follow a marker:
//   <!-- transcript file: NAME -->     the file as it is written now (before what follows)
//   <!-- transcript session -->        what the terminal shows; the text after each prompt
//                                      ("writ> ", "  ...> ") is typed
//   <!-- transcript written: NAME -->  the file as the session left it
// The session blocks, one after the other, are the whole of what writ printed.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "writ_process.hpp"

namespace writ::cli::test {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Block {
  enum class Kind { File, Session, Written };
  Kind kind = Kind::Session;
  std::string name;  // File, Written
  std::string text;  // the lines between the fences, each ending in '\n'
};

// The marked blocks of the page, in order.
std::vector<Block> transcript_blocks(const std::string& page) {
  std::vector<Block> out;
  std::istringstream lines(page);
  std::string line;
  std::optional<Block> marked;  // after a marker, until its block ends
  bool inside = false;
  while (std::getline(lines, line)) {
    if (inside) {
      if (line.starts_with("```")) {
        out.push_back(std::move(*marked));
        marked.reset();
        inside = false;
      } else {
        marked->text += line + '\n';
      }
      continue;
    }
    constexpr std::string_view file = "<!-- transcript file: ", session = "<!-- transcript session -->",
                               written = "<!-- transcript written: ";
    const auto name_after = [&](std::string_view marker) {
      return line.substr(marker.size(), line.size() - marker.size() - std::string_view(" -->").size());
    };
    if (line.starts_with(file)) marked = Block{Block::Kind::File, name_after(file), {}};
    else if (line == session) marked = Block{Block::Kind::Session, {}, {}};
    else if (line.starts_with(written)) marked = Block{Block::Kind::Written, name_after(written), {}};
    else if (marked && line.starts_with("```")) inside = true;
  }
  return out;
}

// What a terminal shows: lines end in "\r\n" on a pseudo-terminal.
std::string as_shown(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

TEST(ReplTranscript, FirstSessionAsDocumented) {
  const auto blocks = transcript_blocks(read_text(WRIT_SOURCE_DIR "/docs/repl.md"));
  ASSERT_GE(blocks.size(), 4u) << "docs/repl.md has lost its transcript markers";
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> env{{"HOME", dir.path().string()},
                                                             {"WRIT_HISTORY", (dir.path() / ".history").string()}};
  std::optional<PtySession> session;
  std::string expected, shown;  // every session block; what writ printed
  bool quit = false;
  for (const auto& block : blocks) {
    switch (block.kind) {
      case Block::Kind::File: dir.write(block.name, block.text); break;
      case Block::Kind::Written:
        EXPECT_EQ(read_text(dir.path() / block.name), block.text) << "docs/repl.md, the file " << block.name;
        break;
      case Block::Kind::Session: {
        expected += block.text;
        if (!session) {
          session.emplace(std::vector<std::string>{"repl"}, env, dir.path());
          std::string said;
          ASSERT_TRUE(session->expect_prompt(said)) << session->pending();
          shown += said;
        }
        std::istringstream lines(block.text);
        std::string line;
        while (std::getline(lines, line)) {
          std::string typed;
          for (const std::string_view prompt : {"writ> ", "  ...> "})
            if (line.starts_with(prompt)) typed = line.substr(prompt.size());
          if (!line.starts_with("writ> ") && !line.starts_with("  ...> ")) continue;
          session->send(typed + "\r");
          if (typed == ".quit") {
            EXPECT_EQ(session->wait(), 0);
            shown += session->pending();
            quit = true;
            break;
          }
          std::string said;
          ASSERT_TRUE(session->expect_prompt(said)) << "after typing " << typed << ":\n" << session->pending();
          shown += said;
        }
        break;
      }
    }
  }
  EXPECT_TRUE(quit) << "the transcript ends with .quit";
  EXPECT_EQ(as_shown(shown), expected) << "docs/repl.md differs from the session: make it say what writ says";
}

}  // namespace
}  // namespace writ::cli::test
