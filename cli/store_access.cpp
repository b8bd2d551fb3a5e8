#include "store_access.hpp"

#include <filesystem>
#include <system_error>

#include "reporting.hpp"

namespace writ::cli {

bool open_store(kb::KnowledgeBase& kb, const Options& options, StoreAccess access) {
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

std::string count_of(std::uint64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace writ::cli
