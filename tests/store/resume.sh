#!/bin/sh
# Resuming: ingesting a corpus in two processes gives the same stories as one
# process, because the second rebuilds the live window from the database.
#   resume.sh TIDINGS SOURCE_DIR
set -u
bin=$1
src=$2
ex=$src/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -d "$ex" ] || { echo "skip: no examples/"; exit 0; }
export TIDINGS_NOW=1795305600
set -- "$ex"/*.txt "$ex"/*.jsonl
"$bin" ingest --db "$tmp/one.db" "$@" >"$tmp/one" 2>/dev/null
half=$(($# / 2))
first="" rest="" i=0
for f in "$@"; do
    i=$((i + 1))
    if [ $i -le $half ]; then first="$first $f"; else rest="$rest $f"; fi
done
# shellcheck disable=SC2086
"$bin" ingest --db "$tmp/two.db" $first >"$tmp/two" 2>/dev/null
# shellcheck disable=SC2086
"$bin" ingest --db "$tmp/two.db" $rest >>"$tmp/two" 2>/dev/null
if ! cmp -s "$tmp/one" "$tmp/two"; then
    echo "FAIL: stories differ between one process and two:"
    diff "$tmp/one" "$tmp/two"
    exit 1
fi
"$bin" stories --db "$tmp/one.db" >"$tmp/s1" && "$bin" stories --db "$tmp/two.db" >"$tmp/s2" &&
    cmp -s "$tmp/s1" "$tmp/s2" || { echo "FAIL: story lists differ"; diff "$tmp/s1" "$tmp/s2"; exit 1; }
echo "resume: $(wc -l <"$tmp/one") articles, same stories in one process and two"
