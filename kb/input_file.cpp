#include "writ/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace writ::kb {

namespace {

// Why an input of this kind cannot be read to an end; empty when it can.
std::optional<std::string> endless(int fd, const struct stat& st) {
  if (S_ISDIR(st.st_mode)) return std::strerror(EISDIR);
  if (S_ISBLK(st.st_mode)) return "it is a block device, not a file";
  // A terminal ends at Ctrl-D and /dev/null at once; /dev/zero, /dev/urandom never do.
  if (S_ISCHR(st.st_mode) && ::isatty(fd) != 1 && st.st_rdev != makedev(1, 3))
    return "it is a character device, not a file";
  return std::nullopt;
}

}  // namespace

InputText read_input_fd(int fd, const std::string& name) {
  InputText out;
  auto fail = [&](const std::string& reason) {
    out.text.clear();
    out.error = "cannot read '" + name + "': " + reason;
    return std::move(out);
  };
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(std::strerror(errno));
  if (auto why = endless(fd, st)) return fail(*why);
  // /proc files say 0 (or 4096): the size is a hint only; the end is where read() says so.
  if (S_ISREG(st.st_mode) && st.st_size > 0) out.text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(std::strerror(errno));
    }
    out.text.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

InputText read_input_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    InputText out;
    out.error = "cannot open '" + path + "': " + std::strerror(errno);
    return out;
  }
  auto read = read_input_fd(fd, path);
  ::close(fd);
  return read;
}

}  // namespace writ::kb
