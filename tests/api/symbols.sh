#!/bin/sh
# Fails on any symbol the shared library exports that is not td_-prefixed, and on
# any global symbol of the static library outside td_ and tdp_ (which could clash
# with a program's own names).  Usage: symbols.sh LIBTIDINGS.so LIBTIDINGS.a
set -u
so=$1
ar=$2
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
      grep -v '^td_' | grep -v '^tdp_' | sort -u)
if [ -n "$bad" ]; then
    echo "symbols: $ar defines global names outside td_ and tdp_:"
    echo "$bad" | sed 's/^/  /'
    status=1
fi
[ $status = 0 ] && echo "symbols: $n exported, all td_"
exit $status
