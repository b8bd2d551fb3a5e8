#include "repl_output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string_view>

namespace writ::cli {

namespace {

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string_view dirs(path);
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    if (!dir.empty() && ::access((std::string(dir) + "/" + program).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return false;
}

struct ScreenSize {
  std::size_t rows = 24;
  std::size_t columns = 80;
};

ScreenSize screen_size() {
  ScreenSize size;
  winsize w{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_row > 0 && w.ws_col > 0) {
    size.rows = w.ws_row;
    size.columns = w.ws_col;
  }
  return size;
}

}  // namespace

std::optional<std::string> pager_command() {
  if (const char* pager = std::getenv("PAGER")) {
    const std::string_view p(pager);
    if (p.find_first_not_of(" \t") == std::string_view::npos || p == "cat") return std::nullopt;
    return std::string(p);
  }
  if (on_path("less")) {
    // As git does: quit when the text fits (F), keep colours (R), leave it on the screen (X).
    ::setenv("LESS", "FRX", 0);
    return "less";
  }
  if (on_path("more")) return "more";
  return std::nullopt;
}

// Holds a command's output until it is longer than the screen, then hands it, and the
// rest as it comes, to the pager; a shorter output goes to standard output at finish().
class ReplOutput::PagingBuffer final : public std::streambuf {
 public:
  PagingBuffer() : screen_(screen_size()) {}
  ~PagingBuffer() override { finish(); }
  PagingBuffer(const PagingBuffer&) = delete;
  PagingBuffer& operator=(const PagingBuffer&) = delete;

  // Shows what is held (when the pager never started) or waits for the pager to end.
  void finish() {
    if (pipe_ != nullptr) {
      std::fflush(pipe_);
      ::pclose(pipe_);
      pipe_ = nullptr;
      std::signal(SIGPIPE, old_sigpipe_);
    } else if (!held_.empty()) {
      std::cout.write(held_.data(), static_cast<std::streamsize>(held_.size()));
    }
    held_.clear();
    std::cout.flush();
  }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    put(&ch, 1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    put(s, static_cast<std::size_t>(n));
    return n;
  }
  int sync() override {
    if (pipe_ != nullptr) std::fflush(pipe_);
    return 0;
  }

 private:
  void put(const char* s, std::size_t n) {
    if (pipe_ != nullptr) {
      if (!pager_gone_ && std::fwrite(s, 1, n, pipe_) != n) pager_gone_ = true;  // the user quit it
      return;
    }
    held_.append(s, n);
    count_lines(std::string_view(s, n));
    if (lines_ + 1 >= screen_.rows) start_pager();
  }

  // Lines as the terminal shows them: a long line takes several.
  void count_lines(std::string_view text) {
    for (const char c : text) {
      if (in_escape_) {
        in_escape_ = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
        continue;
      }
      if (c == '\x1b') {
        in_escape_ = true;
      } else if (c == '\n') {
        ++lines_;
        column_ = 0;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
        if (++column_ > screen_.columns) {
          ++lines_;
          column_ = 1;
        }
      }
    }
  }

  void start_pager() {
    const auto command = pager_command();
    if (!command) {
      lines_ = 0;  // no pager: show it as it comes
      std::cout.write(held_.data(), static_cast<std::streamsize>(held_.size()));
      held_.clear();
      return;
    }
    std::cout.flush();
    old_sigpipe_ = std::signal(SIGPIPE, SIG_IGN);  // a pager that quits early is no error
    pipe_ = ::popen(command->c_str(), "w");
    if (pipe_ == nullptr) {
      std::signal(SIGPIPE, old_sigpipe_);
      std::cout.write(held_.data(), static_cast<std::streamsize>(held_.size()));
      held_.clear();
      lines_ = 0;
      return;
    }
    put(held_.data(), held_.size());
    held_.clear();
  }

  ScreenSize screen_;
  std::string held_;
  std::size_t lines_ = 0;
  std::size_t column_ = 0;
  bool in_escape_ = false;
  std::FILE* pipe_ = nullptr;
  bool pager_gone_ = false;
  void (*old_sigpipe_)(int) = SIG_DFL;
};

ReplOutput::ReplOutput(bool terminal) : terminal_(terminal), stream_(std::cout.rdbuf()) {}

ReplOutput::~ReplOutput() { end(); }

void ReplOutput::begin() {
  if (once_) {
    ++destination_;
    once_armed_ = true;
    stream_.rdbuf(once_->rdbuf());
  } else if (file_) {
    stream_.rdbuf(file_->rdbuf());
  } else if (terminal_ && pager_on_) {
    paging_ = std::make_unique<PagingBuffer>();
    stream_.rdbuf(paging_.get());
  } else {
    stream_.rdbuf(std::cout.rdbuf());
  }
  stream_.clear();
}

void ReplOutput::end() {
  stream_.flush();
  if (paging_) {
    stream_.rdbuf(std::cout.rdbuf());
    paging_->finish();
    paging_.reset();
  }
  if (once_armed_) {
    once_.reset();
    once_armed_ = false;
    ++destination_;
  }
  stream_.rdbuf(file_ ? file_->rdbuf() : std::cout.rdbuf());
  std::cout.flush();
}

bool ReplOutput::redirect(const std::string& path, bool once, std::string& error) {
  auto file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*file) {
    error = "cannot write to '" + path + "': " + std::strerror(errno);
    return false;
  }
  // The rest of this command goes to standard output: the file it wrote to may close.
  stream_.flush();
  if (!paging_) stream_.rdbuf(std::cout.rdbuf());
  if (once) {
    once_ = std::move(file);
    once_armed_ = false;
  } else {
    file_ = std::move(file);
    file_name_ = path;
    ++destination_;
  }
  return true;
}

void ReplOutput::reset() {
  stream_.flush();
  if (!paging_) stream_.rdbuf(std::cout.rdbuf());
  if (file_) ++destination_;
  file_.reset();
  file_name_.reset();
}

}  // namespace writ::cli
