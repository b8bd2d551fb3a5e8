#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "line_source.hpp"

namespace writ::cli {

InputLine StreamLineSource::read(const std::string& /*prompt*/) {
  InputLine line;
  errno = 0;
  if (!std::getline(in_, line.text)) {
    // std::cin reads through stdio: a read error looks like the end of the file but for
    // ferror(). It must not pass for one: the script's rest would be silently dropped.
    if (in_.bad() || (&in_ == &std::cin && std::ferror(stdin)))
      return InputLine{InputLine::Kind::Error, std::strerror(errno != 0 ? errno : EIO)};
    return InputLine{InputLine::Kind::End, {}};
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();  // CRLF scripts
  line.kind = InputLine::Kind::Text;
  return line;
}

}  // namespace writ::cli
