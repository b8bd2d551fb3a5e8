#!/usr/bin/env bash
# Installs writ into a temporary prefix, then builds and runs three embedders out of tree,
# each asking path(1, X) and checked for the exact answer:
#   - a C program built with pkg-config    (cc ... $(pkg-config --cflags --libs writ))
#   - a CMake project with find_package    (the C++ API via writ::writ, the C API via writ::writ_shared)
#   - a Python script using libwrit.so through ctypes
# It also checks the installed layout and that libwrit.so exports exactly writ.h's functions.
#
# Usage: install_test.sh BUILD_DIR CONSUMER_DIR C_COMPILER CXX_COMPILER [SANITIZERS]
set -euo pipefail

build=$1 consumer=$2 cc=$3 cxx=$4 sanitize=${5:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/writ-embed.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
expected=$'X = 2\nX = 3\nX = 4'

fail() { echo "FAIL: $*" >&2; exit 1; }
check_answers() {  # NAME COMMAND...
  local name=$1 got
  shift
  got=$("$@") || fail "$name exited with status $?"
  [[ $got == "$expected" ]] || fail "$name printed:"$'\n'"$got"$'\n'"expected:"$'\n'"$expected"
  echo "ok: $name"
}

# A sanitized libwrit.so needs its runtime loaded first and the consumers built alike.
san_flags=() san_preload=()
if [[ -n $sanitize ]]; then
  san_flags=(-fsanitize="$sanitize")
  san_preload=(env LD_PRELOAD="$("$cc" -print-file-name=libasan.so)" ASAN_OPTIONS=detect_leaks=0)
fi

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "install"; }

# The layout.
pcfile=$(find "$prefix" -name writ.pc -path '*/pkgconfig/*')
[[ -n $pcfile ]] || fail "no writ.pc installed"
libdir=$(dirname "$(dirname "$pcfile")")
for f in include/writ/writ.h include/writ/writ.hpp include/writ/knowledge_base.hpp include/writ/query/ast.hpp \
         include/writ/query/value.hpp include/writ/query/diagnostic.hpp include/writ/query/location.hpp \
         bin/writ share/man/man1/writ.1; do
  [[ -f $prefix/$f ]] || fail "not installed: $f"
done
for f in libwrit.a libwrit.so libwrit.so.0 cmake/writ/writConfig.cmake cmake/writ/writConfigVersion.cmake \
         cmake/writ/writTargets.cmake; do
  [[ -e $libdir/$f ]] || fail "not installed: $libdir/$f"
done
[[ $(readlink "$libdir/libwrit.so") == libwrit.so.0 ]] || fail "libwrit.so does not link to libwrit.so.0"
version=$("$prefix/bin/writ" --version) || fail "writ --version"
[[ $version == "writ "* ]] || fail "writ --version printed: $version"
echo "ok: layout"

# The shared library exports exactly the functions writ.h declares WRIT_API.
exported=$(nm -D --defined-only "$libdir/libwrit.so.0" | awk '{print $3}' | grep -v '^_' | sort)
declared=$(grep -o 'WRIT_API [^(]*(' "$prefix/include/writ/writ.h" | grep -o 'writ_[a-z0-9_]*($' | tr -d '(' | sort)
[[ $exported == "$declared" ]] || fail "libwrit.so exports:"$'\n'"$exported"$'\n'"writ.h declares:"$'\n'"$declared"
echo "ok: exports ($(wc -l <<<"$exported") functions)"

# C with pkg-config.
export PKG_CONFIG_PATH=$(dirname "$pcfile")
# shellcheck disable=SC2046  # pkg-config's output is meant to be split
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror "${san_flags[@]}" "$consumer/path_query.c" -o "$work/path_query_c" \
  $(pkg-config --cflags --libs writ) -Wl,-rpath,"$(pkg-config --variable=libdir writ)"
check_answers "C program via pkg-config" "$work/path_query_c"

# C++ (and C) with find_package(writ CONFIG).
cmake -S "$consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_FLAGS="${san_flags[*]}" \
  -DCMAKE_CXX_FLAGS="${san_flags[*]}" >"$work/configure.log" || { cat "$work/configure.log"; fail "configure"; }
cmake --build "$work/consumer" -j2 >"$work/build.log" || { cat "$work/build.log"; fail "build"; }
check_answers "C++ program via find_package (writ::writ)" "$work/consumer/path_query_cpp"
check_answers "C program via find_package (writ::writ_shared)" "$work/consumer/path_query_c"

# Python with ctypes.
check_answers "Python via ctypes" "${san_preload[@]}" python3 "$consumer/path_query.py" "$libdir/libwrit.so.0"
