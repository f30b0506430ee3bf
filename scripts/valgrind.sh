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

# check NAME PROGRAM [ARG...]: one program under Valgrind, its log in
# $build/valgrind-NAME.log
check() {
    name=$1
    shift
    n=$((n + 1))
    if ! $vg "$@" >"$build/valgrind-$name.log" 2>&1; then
        echo "valgrind: $name FAILED (see $build/valgrind-$name.log)"
        tail -40 "$build/valgrind-$name.log"
        failed="$failed $name"
    else
        echo "valgrind: $name clean"
    fi
}

for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    [ "$name" = test_alloc ] && continue
    check "$name" "$t"
done
# each corpus replay on the seeds its ctest replays (tests/fuzz.cmake)
for t in "$build"/tests/replay_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    short=${name#replay_}
    if [ -d "$root/tests/$short/cases" ]; then
        check "$name" "$t" "$root/tests/fuzz/corpus/$short" "$root/tests/$short/cases"
    else
        check "$name" "$t" "$root/tests/fuzz/corpus/$short"
    fi
done
[ $n -gt 0 ] || { echo "valgrind: no tests in $build/tests"; exit 1; }
[ -z "$failed" ] || { echo "valgrind: failed:$failed"; exit 1; }
echo "valgrind: $n programs clean"
