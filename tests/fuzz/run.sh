#!/bin/sh
# Runs every libFuzzer binary of a TD_FUZZ build for a bounded time each.
# Usage: tests/fuzz/run.sh BUILD_DIR [NAME...]   (FUZZ_SECONDS, default 60 each)
# New inputs go to BUILD_DIR/fuzz-corpus/NAME (the seeds in tests/fuzz/corpus/NAME,
# tests/hostile/inputs and tests/NAME/cases are read, never written); crashes to
# BUILD_DIR/fuzz-crash/. Copy the inputs worth keeping into the seed corpus (after
# `-merge=1` to keep it small).
set -u
build=${1:?usage: run.sh BUILD_DIR [NAME...]}
shift
src=$(cd "$(dirname "$0")" && pwd)
secs=${FUZZ_SECONDS:-60}
names="$*"
if [ -z "$names" ]; then
    for f in "$src"/fuzz_*.c; do
        n=$(basename "$f" .c)
        names="$names ${n#fuzz_}"
    done
fi
mkdir -p "$build/fuzz-crash"
failed=""
for n in $names; do
    bin="$build/tests/fuzz_$n"
    if [ ! -x "$bin" ]; then
        echo "fuzz: $bin missing (configure with -DTD_FUZZ=ON and clang)" >&2
        failed="$failed $n"
        continue
    fi
    mkdir -p "$build/fuzz-corpus/$n"
    echo "fuzz: $n for ${secs}s"
    # the hostile-input corpus seeds every target, and a layer's own cases
    # (tests/NAME/cases) its target (read only, as the seeds are)
    cases=$src/../$n/cases
    [ -d "$cases" ] || cases=""
    if ! "$bin" "$build/fuzz-corpus/$n" "$src/corpus/$n" "$src/../hostile/inputs" ${cases:+"$cases"} \
        -max_total_time="$secs" \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz-crash/$n-" >"$build/fuzz-$n.log" 2>&1; then
        echo "fuzz: $n FAILED, see $build/fuzz-$n.log and $build/fuzz-crash/" >&2
        tail -30 "$build/fuzz-$n.log" >&2
        failed="$failed $n"
    else
        grep -E "stat::number_of_executed_units|cov:" "$build/fuzz-$n.log" | tail -2
    fi
done
[ -z "$failed" ] || { echo "fuzz: failed:$failed" >&2; exit 1; }
echo "fuzz: all targets ran clean"
