#!/bin/sh
# Fails on any symbol the shared library exports that is not td_-prefixed, and on
# any global symbol of the static library outside td_ and tdp_ (which could clash
# with a program's own names; AddressSanitizer's __odr_asan.NAME markers of our
# globals are its own); and unless the exported list is exactly the
# functions the public headers declare with TD_API (none missing, none extra).
# Usage: symbols.sh LIBTIDINGS.so LIBTIDINGS.a [INCLUDE_DIR]
set -u
so=$1
ar=$2
inc=${3:-}
status=0
bad=$(nm -D --defined-only "$so" | awk 'NF >= 3 && $2 ~ /[A-Z]/ { print $3 }' |
      grep -v '^td_' | grep -v '^_init$' | grep -v '^_fini$' |
      grep -v '^__bss_start$' | grep -v '^_edata$' | grep -v '^_end$')
if [ -n "$bad" ]; then
    echo "symbols: $so exports names without the td_ prefix:"
    echo "$bad" | sed 's/^/  /'
    status=1
fi
n=$(nm -D --defined-only "$so" | awk 'NF >= 3 && $2 ~ /[A-Z]/ && $3 ~ /^td_/' | wc -l)
if [ "$n" -lt 10 ]; then
    echo "symbols: only $n td_ symbols exported from $so; is TD_API missing?"
    status=1
fi
bad=$(nm --defined-only "$ar" 2>/dev/null | awk 'NF >= 3 && $2 ~ /^[TDBRCGS]$/ { print $3 }' |
      grep -v '^td_' | grep -v '^tdp_' | grep -v '^__odr_asan[.]tdp\?_' | sort -u)
if [ -n "$bad" ]; then
    echo "symbols: $ar defines global names outside td_ and tdp_:"
    echo "$bad" | sed 's/^/  /'
    status=1
fi
if [ -n "$inc" ]; then
    tmp=$(mktemp -d)
    # the name of the function each TD_API line declares
    grep -h 'TD_API' "$inc"/tidings/*.h | grep -v '#define' |
        sed -n 's/^[^(]*[^a-z0-9_]\(td_[a-z0-9_]*\) *(.*/\1/p' | sort -u >"$tmp/declared"
    nm -D --defined-only "$so" | awk 'NF >= 3 && $2 ~ /[A-Z]/ && $3 ~ /^td_/ { print $3 }' |
        sort -u >"$tmp/exported"
    missing=$(comm -23 "$tmp/declared" "$tmp/exported")
    extra=$(comm -13 "$tmp/declared" "$tmp/exported")
    if [ -n "$missing" ]; then
        echo "symbols: declared TD_API in the headers but not exported:"
        echo "$missing" | sed 's/^/  /'
        status=1
    fi
    if [ -n "$extra" ]; then
        echo "symbols: exported but declared in no public header:"
        echo "$extra" | sed 's/^/  /'
        status=1
    fi
    [ "$(wc -l <"$tmp/declared")" -gt 10 ] || { echo "symbols: found no TD_API declarations in $inc"; status=1; }
    rm -rf "$tmp"
fi
[ $status = 0 ] && echo "symbols: $n exported, all td_"
exit $status
