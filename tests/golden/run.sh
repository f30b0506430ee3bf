#!/bin/sh
# Golden briefs of whole corpora: `tidings brief` (Markdown and --json) on each
# corpus listed below must print exactly the files kept here.
#   seeds     ../shared/seeds beside the checkout (skipped when absent)
#   examples  examples/ of the source tree (skipped when absent)
# These are change detectors, not proof of correctness: the files hold whatever
# the binary printed when they were last regenerated, wrong statements included.
# What a brief should show is checked by tests/expect. TD_REGEN=1 rewrites the
# expected files from the current binary. The briefs depend on every stage before
# them: when a stage changes on purpose, regenerate and read the diff
# (git diff tests/golden) before committing it.
set -u
bin=$1
root=$(cd "$2" && pwd)
here=$root/tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0

check() { # name dir
    name=$1 dir=$2
    if [ ! -d "$dir" ]; then
        echo "skip: $name ($dir absent)"
        skip=$((skip + 1))
        return
    fi
    for fmt in md json; do
        if [ $fmt = json ]; then
            (cd "$root" && "$bin" brief --json "$dir") >"$tmp/out" 2>"$tmp/err"
        else
            (cd "$root" && "$bin" brief "$dir") >"$tmp/out" 2>"$tmp/err"
        fi
        rc=$?
        want=$here/$name.$fmt
        if [ "${TD_REGEN:-}" = 1 ]; then
            cp "$tmp/out" "$want"
            echo "regenerated: $name.$fmt (exit $rc)"
            continue
        fi
        if [ ! -f "$want" ]; then
            echo "FAIL: $name.$fmt: no expected file (TD_REGEN=1 to create it)"
            fail=$((fail + 1))
        elif [ $rc -gt 1 ]; then
            echo "FAIL: $name.$fmt: exit status $rc"
            cat "$tmp/err"
            fail=$((fail + 1))
        elif ! cmp -s "$tmp/out" "$want"; then
            echo "FAIL: $name.$fmt: the brief changed. This snapshot only detects change;"
            echo "  it does not say which output is right (tests/expect does). Read the diff;"
            echo "  if the change is meant, TD_REGEN=1 rewrites the snapshot:"
            diff -u "$want" "$tmp/out" | head -60
            fail=$((fail + 1))
        else
            pass=$((pass + 1))
        fi
    done
}

check seeds "$root/../shared/seeds"
check examples "$root/examples"
echo "golden (change detectors): $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
