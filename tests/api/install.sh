#!/bin/sh
# Installs a build into a scratch prefix (what `make install PREFIX=...` does) and
# checks that the library, headers, pkg-config file and man page are there, and
# that a small program builds against them with pkg-config, linked to the shared
# and to the static library, and runs; then that the library example
# (examples/walk.c) builds the same way and walks the briefs of examples/.
# Usage: install.sh SOURCE_DIR BUILD_DIR C_COMPILER [EXTRA_CFLAGS]
set -u
src=$1
build=$2
cc=$3
extra=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install: $*"; exit 1; }

cmake --install "$build" --prefix "$tmp/p" >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "cmake --install failed"; }
pc=$(find "$tmp/p" -name tidings.pc | head -1)
[ -n "$pc" ] || fail "no tidings.pc installed"
libdir=$(dirname "$(dirname "$pc")")
for f in "$libdir/libtidings.a" "$libdir/libtidings.so" "$tmp/p/include/tidings/tidings.h" \
         "$tmp/p/include/tidings/common.h" "$tmp/p/share/man/man1/tidings.1" "$tmp/p/bin/tidings"; do
    [ -e "$f" ] || fail "missing ${f#$tmp/p/}"
done
# every public header installed, and nothing internal
for h in "$src"/include/tidings/*.h; do
    [ -f "$tmp/p/include/tidings/$(basename "$h")" ] || fail "header $(basename "$h") not installed"
done
[ -z "$(find "$tmp/p/include" -name '*_p.h')" ] || fail "internal headers installed"
man -l "$tmp/p/share/man/man1/tidings.1" >/dev/null 2>&1 || true

export PKG_CONFIG_PATH="$libdir/pkgconfig"
cflags=$(pkg-config --cflags tidings) || fail "pkg-config --cflags tidings failed"
libs=$(pkg-config --libs tidings) || fail "pkg-config --libs tidings failed"
slibs=$(pkg-config --static --libs tidings) || fail "pkg-config --static --libs tidings failed"
inc=$(pkg-config --cflags-only-I tidings | tr ' ' '\n' | sed -n 's/^-I//p' | head -1)
[ -n "$inc" ] && [ "$(cd "$inc" && pwd -P)" = "$(cd "$tmp/p/include" && pwd -P)" ] \
    || fail "cflags '$cflags' do not point into the prefix"

# shared
$cc -std=c11 -Wall -Wextra -Werror $extra -o "$tmp/hello" "$src/tests/api/hello.c" $cflags $libs \
    || fail "cannot build against the shared library"
LD_LIBRARY_PATH="$libdir" "$tmp/hello" || fail "the program linked to the shared library failed"
LD_LIBRARY_PATH="$libdir" ldd "$tmp/hello" | grep -q "$libdir/libtidings.so" \
    || fail "the program does not use the installed shared library"

# static: libtidings.a, its dependencies from `pkg-config --static`
slibs=$(echo "$slibs" | sed 's/-ltidings/-Wl,-Bstatic -ltidings -Wl,-Bdynamic/')
$cc -std=c11 -Wall -Wextra -Werror $extra -o "$tmp/hello-static" "$src/tests/api/hello.c" \
    $cflags $slibs || fail "cannot build against the static library"
"$tmp/hello-static" || fail "the program linked to the static library failed"
if ldd "$tmp/hello-static" | grep -q libtidings; then
    fail "the static program still needs libtidings.so"
fi
# the library example: walks the briefs of examples/ through the public views and
# finds as many stories, with as many articles, as the installed command does
$cc -std=c11 -Wall -Wextra -Wpedantic -Werror $extra -o "$tmp/walk" "$src/examples/walk.c" \
    $cflags $libs || fail "examples/walk.c does not build against the installed library"
LD_LIBRARY_PATH="$libdir" "$tmp/walk" "$src/examples" >"$tmp/walk.out" \
    || fail "examples/walk failed"
LD_LIBRARY_PATH="$libdir" "$tmp/p/bin/tidings" brief --json "$src/examples" >"$tmp/brief.json" \
    || fail "tidings brief --json examples failed"
want=$(grep -o '"headline"' "$tmp/brief.json" | wc -l)
got=$(grep -c '^story [0-9]*: ' "$tmp/walk.out")
[ "$want" -gt 0 ] && [ "$got" = "$want" ] || fail "examples/walk walked $got stories, tidings brief has $want"
want=$(grep -o '"copy_of"' "$tmp/brief.json" | wc -l)
got=$(grep -c '^    [0-9]*\. ' "$tmp/walk.out")
[ "$got" = "$want" ] || fail "examples/walk listed $got articles, tidings brief has $want"

echo "install: lib, headers, pkg-config file and man page installed; shared and static builds run"
