#!/bin/sh
# CLI golden tests. Each case is a folder under cases/ holding:
#   cmd     one shell line run from the source root; `tidings` is the binary
#   stdout  expected standard output      (optional: absent = not compared)
#   stderr  expected standard error       (optional: absent = not compared)
#   status  expected exit status          (default 0)
#   needs   "shared" when the case reads ../shared (skipped when it is absent)
# `$bin` is the binary itself, for a command that must exec it (tests/cli/onterm.py
# puts some of its streams on a terminal).
# TD_REGEN=1 rewrites stdout, stderr and status from the current binary.
# Usage: run.sh TIDINGS DIR [ROOT]: the cases are DIR/cases/*/, run from ROOT (the
# source root; DIR/../.. when not given).
set -u
bin=$1
dir=$2
root=$(cd "${3:-$dir/../..}" && pwd)
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for case in "$dir"/cases/*/; do
    name=$(basename "$case")
    [ -f "$case/cmd" ] || continue
    if [ -f "$case/needs" ] && grep -q shared "$case/needs" && [ ! -d "$root/../shared" ]; then
        echo "skip: $name (needs ../shared)"
        skip=$((skip + 1))
        continue
    fi
    cmd=$(cat "$case/cmd")
    (cd "$root" && tidings() { "$bin" "$@"; } && eval "$cmd") >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    if [ "${TD_REGEN:-}" = 1 ]; then
        cp "$tmp/out" "$case/stdout"
        cp "$tmp/err" "$case/stderr"
        echo "$rc" >"$case/status"
        echo "regenerated: $name"
        continue
    fi
    want_rc=0
    [ -f "$case/status" ] && want_rc=$(cat "$case/status")
    ok=1
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL: $name: exit status $rc, expected $want_rc"
        ok=0
    fi
    if [ -f "$case/stdout" ] && ! cmp -s "$tmp/out" "$case/stdout"; then
        echo "FAIL: $name: stdout differs:"
        diff -u "$case/stdout" "$tmp/out" | head -40
        ok=0
    fi
    if [ -f "$case/stderr" ] && ! cmp -s "$tmp/err" "$case/stderr"; then
        echo "FAIL: $name: stderr differs:"
        diff -u "$case/stderr" "$tmp/err" | head -40
        ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
