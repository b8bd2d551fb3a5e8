#include "store_access.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

#include "reporting.hpp"

namespace writ::cli {

bool open_store(kb::KnowledgeBase& kb, const Options& options, StoreAccess access) {
  if (options.postgres) {
    kb::PostgresOptions how;
    how.schema = options.schema;
    how.read_only = access == StoreAccess::Read;
    const kb::OpenResult opened = kb.open_postgres(*options.postgres, how);
    if (opened.outcome == kb::Outcome::Ok) return true;
    print_diagnostics(kb, opened.diagnostics);
    return false;
  }
  if (!options.db) return true;
  const std::string& path = *options.db;
  if (access == StoreAccess::WriteExisting) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      // As the kb words (and renders) a missing store opened read-only.
      print_error("writ: error", "cannot open store '" + path + "': no such file");
      return false;
    }
  }
  kb::StoreOptions store_options;
  store_options.read_only = access == StoreAccess::Read;
  store_options.as_of = options.as_of;
  const kb::OpenResult opened = kb.open(path, store_options);
  if (opened.outcome == kb::Outcome::Ok) return true;
  print_diagnostics(kb, opened.diagnostics);
  return false;
}

bool store_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

void remove_empty_store(const std::string& path) {
  {
    kb::KnowledgeBase kb;
    kb::StoreOptions read_only;
    read_only.read_only = true;
    if (kb.open(path, read_only).outcome != kb::Outcome::Ok || !kb.transactions().transactions.empty()) return;
  }
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
}

bool statement_numbers(const kb::KnowledgeBase& kb, StatementIds& ids, std::string_view written, std::string& out,
                       std::vector<std::string>* numbered, std::string* bad) {
  const auto first = written.find_first_not_of(" \t\n");
  if (first == std::string_view::npos || written[first] != '#') {
    out = std::string(written);
    return true;
  }
  const auto texts = kb.rule_texts();
  const auto numbers = ids.number(texts);
  out.clear();
  std::size_t i = first;
  while (i < written.size()) {
    if (std::string_view(" \t\n,").find(written[i]) != std::string_view::npos) {
      ++i;
      continue;
    }
    const auto word_end = written.find_first_of(" \t\n,", i);
    if (bad) *bad = std::string(written.substr(i, word_end == std::string_view::npos ? word_end : word_end - i));
    if (written[i] != '#') return false;
    std::uint64_t n = 0;
    const auto* begin = written.data() + i + 1;
    const auto* end = written.data() + written.size();
    const auto [next, ec] = std::from_chars(begin, end, n);
    if (ec != std::errc() || next == begin) return false;
    const auto at = std::find(numbers.begin(), numbers.end(), n);
    if (at == numbers.end()) return false;
    const std::string& text = texts[static_cast<std::size_t>(at - numbers.begin())];
    out += text;
    out += '\n';
    if (numbered) numbered->push_back(text);
    i = static_cast<std::size_t>(next - written.data());
  }
  if (bad) bad->clear();
  if (!out.empty()) out.pop_back();
  return !out.empty();
}

std::string count_of(std::uint64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace writ::cli
