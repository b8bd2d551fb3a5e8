#include <string>

#include "line_source.hpp"

namespace writ::cli {

InputLine StreamLineSource::read(const std::string& /*prompt*/) {
  InputLine line;
  if (!std::getline(in_, line.text)) return InputLine{InputLine::Kind::End, {}};
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();  // CRLF scripts
  line.kind = InputLine::Kind::Text;
  return line;
}

}  // namespace writ::cli
