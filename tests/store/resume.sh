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
echo "resume: $(wc -l <"$tmp/one") articles of examples/, same stories in one process and two"

# A longer feed in date order (as news arrives), split in two runs.
awk 'BEGIN {
    srand(7);
    split("port strike talks flood bridge election council summit vote court ruling " \
          "storm harvest budget rally treaty sanctions outage fire trial", w, " ");
    for (d = 0; d < 40; d++)
        for (k = 0; k < 60; k++) {
            i = d * 60 + k; t = int(rand() * 120);
            printf "{\"id\":\"r%05d\",\"title\":\"%s %s %d\",\"date\":\"2022-%02d-%02d\",", i, w[1 + t % 20], w[1 + int(t / 20) % 20], t, 1 + int(d / 28), 1 + d % 28;
            printf "\"source\":\"Outlet %d\",\"text\":\"", i % 13;
            for (s = 0; s < 3; s++)
                printf "The %s of %s number %d went on in town %d. ", w[1 + (t + s) % 20], w[1 + (t * 7 + s) % 20], t, t % 31;
            printf "\"}\n";
        }
}' >"$tmp/feed.jsonl"
head -n 1200 "$tmp/feed.jsonl" >"$tmp/a.jsonl"
tail -n +1201 "$tmp/feed.jsonl" >"$tmp/b.jsonl"
"$bin" ingest --db "$tmp/f1.db" "$tmp/feed.jsonl" >"$tmp/f1" 2>/dev/null
"$bin" ingest --db "$tmp/f2.db" "$tmp/a.jsonl" >"$tmp/f2" 2>/dev/null
"$bin" ingest --db "$tmp/f2.db" "$tmp/b.jsonl" >>"$tmp/f2" 2>/dev/null
if ! cmp -s "$tmp/f1" "$tmp/f2"; then
    echo "FAIL: $(diff "$tmp/f1" "$tmp/f2" | grep -c '^<') of $(wc -l <"$tmp/f1") articles in other stories when ingested in two processes"
    diff "$tmp/f1" "$tmp/f2" | head -10
    exit 1
fi
echo "resume: $(wc -l <"$tmp/f1") articles over 40 days, same stories in one process and two"
