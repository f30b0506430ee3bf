#!/bin/sh
# Runs the unit tests and the fuzz-corpus replays of a build under Valgrind;
# any error or leak fails. Usage: scripts/valgrind.sh BUILD_DIR
# (The allocation-failure sweep is left to the ASan build: it runs the pipeline
# once per allocation, too slow under Valgrind.)
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
export TD_SOURCE_DIR="$root"
vg="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --track-origins=yes"
failed="" n=0
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    [ "$name" = test_alloc ] && continue
    n=$((n + 1))
    if ! $vg "$t" >"$build/valgrind-$name.log" 2>&1; then
        echo "valgrind: $name FAILED (see $build/valgrind-$name.log)"
        tail -40 "$build/valgrind-$name.log"
        failed="$failed $name"
    else
        echo "valgrind: $name clean"
    fi
done
for t in "$build"/tests/replay_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    n=$((n + 1))
    if ! $vg "$t" "$root/tests/fuzz/corpus/${name#replay_}" >"$build/valgrind-$name.log" 2>&1; then
        echo "valgrind: $name FAILED (see $build/valgrind-$name.log)"
        tail -40 "$build/valgrind-$name.log"
        failed="$failed $name"
    else
        echo "valgrind: $name clean"
    fi
done
[ $n -gt 0 ] || { echo "valgrind: no tests in $build/tests"; exit 1; }
[ -z "$failed" ] || { echo "valgrind: failed:$failed"; exit 1; }
echo "valgrind: $n programs clean"
