#!/bin/sh
# Resuming: ingesting a corpus in two processes gives the same stories as one
# process: the second rebuilds the live window from the database, and settling
# groups its articles again with those of the window before them. Stories are
# compared as partitions of the article ids (tests/store/partition.py).
#   resume.sh TIDINGS SOURCE_DIR
set -u
bin=$1
src=$2
ex=$src/examples
part=$src/tests/store/partition.py
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
python3 "$part" db "$tmp/one.db" >"$tmp/one"
python3 "$part" db "$tmp/two.db" >"$tmp/two"
if ! cmp -s "$tmp/one" "$tmp/two"; then
    echo "FAIL: stories differ between one process and two:"
    diff "$tmp/one" "$tmp/two"
    exit 1
fi
"$bin" stories --db "$tmp/one.db" >"$tmp/s1" && "$bin" stories --db "$tmp/two.db" >"$tmp/s2" &&
    cmp -s "$tmp/s1" "$tmp/s2" || { echo "FAIL: story lists differ"; diff "$tmp/s1" "$tmp/s2"; exit 1; }
echo "resume: $(wc -l <"$tmp/one") articles of examples/, same stories in one process and two"

# one_and_two NAME N WHAT: $tmp/NAME.jsonl ingested by one process, and by two (its
# first N lines, then the rest), must give every article the same story.
one_and_two() {
    head -n "$2" "$tmp/$1.jsonl" >"$tmp/$1.a.jsonl"
    tail -n +"$(($2 + 1))" "$tmp/$1.jsonl" >"$tmp/$1.b.jsonl"
    "$bin" ingest -q --db "$tmp/$1.1.db" "$tmp/$1.jsonl" 2>/dev/null
    "$bin" ingest -q --db "$tmp/$1.2.db" "$tmp/$1.a.jsonl" 2>/dev/null
    "$bin" ingest -q --db "$tmp/$1.2.db" "$tmp/$1.b.jsonl" 2>/dev/null
    python3 "$part" db "$tmp/$1.1.db" >"$tmp/$1.1"
    python3 "$part" db "$tmp/$1.2.db" >"$tmp/$1.2"
    if ! cmp -s "$tmp/$1.1" "$tmp/$1.2"; then
        echo "FAIL: $(diff "$tmp/$1.1" "$tmp/$1.2" | grep -c '^<') of $(wc -l <"$tmp/$1.1") $3 in other stories when ingested in two processes"
        diff "$tmp/$1.1" "$tmp/$1.2" | head -10
        exit 1
    fi
    echo "resume: $(wc -l <"$tmp/$1.1") $3, same stories in one process and two"
}

# killed_and_again NAME N WHAT: an ingest of $tmp/NAME.jsonl killed (SIGKILL) once
# it has reported N articles, then the same input ingested again, must give every
# article the story one uninterrupted ingest ($tmp/NAME.1.db) gave it.
killed_and_again() {
    "$bin" ingest --db "$tmp/$1.k.db" --batch 16 "$tmp/$1.jsonl" >"$tmp/$1.k.out" 2>/dev/null &
    pid=$!
    while [ "$(grep -c . "$tmp/$1.k.out")" -lt "$2" ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.02
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    got=$(grep -c . "$tmp/$1.k.out")
    [ "$got" -lt "$(wc -l <"$tmp/$1.jsonl")" ] || { echo "FAIL: the ingest ended before its kill"; exit 1; }
    "$bin" ingest -q --db "$tmp/$1.k.db" "$tmp/$1.jsonl" 2>/dev/null
    python3 "$part" db "$tmp/$1.k.db" >"$tmp/$1.k"
    if ! cmp -s "$tmp/$1.1" "$tmp/$1.k"; then
        echo "FAIL: $(diff "$tmp/$1.1" "$tmp/$1.k" | grep -c '^<') of $(wc -l <"$tmp/$1.1") $3 in other stories after a kill at $got"
        diff "$tmp/$1.1" "$tmp/$1.k" | head -10
        exit 1
    fi
    echo "resume: $(wc -l <"$tmp/$1.1") $3, killed after $got and ingested again: the stories of one run"
}

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
one_and_two feed 1200 "articles over 40 days"
killed_and_again feed 1200 "articles over 40 days"

# An undated feed (the only date is one the text mentions) whose topics change
# every 15 days, so stories go quiet and leave the live set. Two complete runs
# settle apart (the second groups its articles with the window before them, one
# run groups all sixty days at once), so the check here is a run killed half way.
awk 'BEGIN {
    srand(11);
    split("port strike talks flood bridge election council summit vote court ruling " \
          "storm harvest budget rally treaty sanctions outage fire trial", w, " ");
    split("January February March", mon, " ");
    for (d = 0; d < 60; d++)
        for (k = 0; k < 30; k++) {
            i = d * 30 + k; t = int(d / 15) * 20 + int(rand() * 20);
            printf "{\"id\":\"u%05d\",\"title\":\"%s %s\",", i, w[1 + t % 20], w[1 + int(t * 3 / 20) % 20];
            printf "\"source\":\"Outlet %d\",\"text\":\"", i % 13;
            printf "On %s %d, 2022, the %s went on. ", mon[1 + int(d / 28)], 1 + d % 28, w[1 + t % 20];
            printf "Reporter %s%d wrote from %s. ", w[1 + int(rand() * 20)], int(rand() * 1000), w[1 + int(rand() * 20)];
            for (s = 0; s < 3; s++)
                printf "The %s of %s went on in town %d. ", w[1 + (t + s) % 20], w[1 + (t * 7 + s) % 20], t % 20;
            printf "\"}\n";
        }
}' >"$tmp/undated.jsonl"
"$bin" ingest -q --db "$tmp/undated.1.db" "$tmp/undated.jsonl" 2>/dev/null
python3 "$part" db "$tmp/undated.1.db" >"$tmp/undated.1"
killed_and_again undated 900 "undated articles over 60 days"
