# Writes OUTPUT, a C++ file holding each file of FILES (a ;-list) as bytes, and the table
# that serve/assets.hpp declares. Run at build time: cmake -DOUTPUT=... -DFILES=a|b|c -P this.
string(REPLACE "|" ";" FILES "${FILES}")
set(table "")
set(arrays "")
set(index 0)
foreach(file IN LISTS FILES)
  get_filename_component(name ${file} NAME)
  get_filename_component(ext ${file} LAST_EXT)
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".svg")
    set(type "image/svg+xml")
  else()
    message(FATAL_ERROR "embed_assets: no content type for ${file}")
  endif()
  if(name STREQUAL "index.html")
    set(path "/")
  else()
    set(path "/${name}")
  endif()
  file(READ ${file} hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "const unsigned char asset_${index}[] = {${bytes} 0};\n")
  string(APPEND table "    {\"${path}\", \"${type}\", {reinterpret_cast<const char*>(asset_${index}), ${size}}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from serve/page/ by serve/embed_assets.cmake: do not edit.
#include \"assets.hpp\"

namespace writ::serve {

namespace {

${arrays}
}  // namespace

const Asset* find_asset(std::string_view path) {
  static const Asset assets[] = {
${table}  };
  for (const auto& a : assets)
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace writ::serve
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
