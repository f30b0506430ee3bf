#!/bin/sh
# Kill test: an ingest of many articles is killed with SIGKILL at random moments,
# several times over. Afterwards every article an ingest reported as ingested must
# be in the database, and the database must pass its integrity check. Then the
# whole feed ingested again must give exactly the stories of one uninterrupted
# ingest, and those `tidings brief` gives the feed (store = batch), compared as
# partitions of the article ids (partition.py).
#   kill.sh TIDINGS [ARTICLES] [ROUNDS]
set -u
bin=$1
n=${2:-8000}
rounds=${3:-6}
part=$(dirname "$0")/partition.py
export TIDINGS_NOW=1795305600
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Seeded, varied articles: a few hundred topics, dates over two months.
awk -v n="$n" 'BEGIN {
    srand(42);
    split("port strike talks flood bridge election council summit vote court ruling " \
          "storm harvest budget rally treaty sanctions outage fire trial", w, " ");
    for (i = 1; i <= n; i++) {
        t = int(rand() * 300); d = 1 + int(rand() * 28); m = 1 + int(rand() * 2);
        printf "{\"id\":\"k%06d\",\"title\":\"%s %s %d\",\"date\":\"2022-%02d-%02d\",", i, w[1 + t % 20], w[1 + int(t / 20) % 20], t, m, d;
        printf "\"source\":\"Outlet %d\",\"text\":\"", i % 17;
        for (s = 0; s < 4; s++)
            printf "The %s of %s number %d went on in town %d on day %d. ", w[1 + (t + s) % 20], w[1 + (t * 7 + s) % 20], t, t % 31, d;
        printf "\"}\n";
    }
}' >"$tmp/feed.jsonl"

seed=$$
k=0
while [ $k -lt "$rounds" ]; do
    k=$((k + 1))
    "$bin" ingest --db "$tmp/news.db" --batch 64 "$tmp/feed.jsonl" >"$tmp/out.$k" 2>"$tmp/err.$k" &
    pid=$!
    # A random moment between 0.05 and 0.8 seconds into the run.
    pause=$(awk -v s="$seed" -v k="$k" 'BEGIN { srand(s * 31 + k); printf "%.2f", 0.05 + rand() * 0.75 }')
    sleep "$pause"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    echo "round $k: killed after ${pause}s, $(grep -c '^ingested ' "$tmp/out.$k") newly reported"
done
cat "$tmp"/out.* | awk '$1 == "ingested" { print $2 }' | sort >"$tmp/reported"
[ -s "$tmp/reported" ] || echo "note: no round reported anything before its kill"

# A reader first (it must recover the killed writer's WAL read-only): the stories
# hold at least every article reported. (When no round got as far as its first
# commit, as on a slow machine, the database may not even have its tables yet.)
if [ -s "$tmp/reported" ]; then
    "$bin" stories --check --json --db "$tmp/news.db" >"$tmp/stories" 2>"$tmp/stories.err" ||
        fail "stories after the kills: $(cat "$tmp/stories.err")"
    held=$(sed 's/.*"articles":\([0-9]*\).*/\1/' "$tmp/stories" | awk '{ s += $1 } END { print s + 0 }')
    [ "$held" -ge "$(wc -l <"$tmp/reported")" ] ||
        fail "the stories hold $held articles, $(wc -l <"$tmp/reported") were reported"
fi

# A full run after the kills: it must open the database cleanly and find every
# article reported before as already there (unchanged).
"$bin" ingest --db "$tmp/news.db" --batch 512 "$tmp/feed.jsonl" >"$tmp/final" 2>"$tmp/final.err" ||
    fail "ingest after the kills failed: $(cat "$tmp/final.err")"
awk '$1 == "unchanged" { print $2 }' "$tmp/final" | sort >"$tmp/present"
missing=$(comm -23 "$tmp/reported" "$tmp/present" | head -5)
[ -z "$missing" ] || fail "reported as ingested but missing: $missing"
dups=$(sort "$tmp/reported" | uniq -d | head -5)
[ -z "$dups" ] || fail "reported as ingested twice: $dups"
total=$(awk '$1 == "ingested" || $1 == "unchanged"' "$tmp/final" | wc -l)
[ "$total" -eq "$n" ] || fail "the final run saw $total of $n articles"
"$bin" stories --db "$tmp/news.db" --check >/dev/null 2>"$tmp/check.err" ||
    fail "integrity check: $(cat "$tmp/check.err")"
if command -v sqlite3 >/dev/null 2>&1; then
    ic=$(sqlite3 "$tmp/news.db" "PRAGMA integrity_check")
    [ "$ic" = ok ] || fail "PRAGMA integrity_check: $ic"
    count=$(sqlite3 "$tmp/news.db" "SELECT count(*) FROM articles")
    [ "$count" -eq "$n" ] || fail "$count articles stored, $n expected"
fi
echo "kill: $(wc -l <"$tmp/reported") articles reported before kills, all present; integrity ok"

# The stories after the kills are those of one uninterrupted ingest, and the batch's.
"$bin" ingest -q --db "$tmp/one.db" "$tmp/feed.jsonl" 2>"$tmp/one.err" ||
    fail "uninterrupted ingest: $(cat "$tmp/one.err")"
"$bin" brief --json "$tmp/feed.jsonl" >"$tmp/brief.json" 2>"$tmp/brief.err" ||
    fail "brief: $(cat "$tmp/brief.err")"
python3 "$part" db "$tmp/news.db" >"$tmp/p.killed"
python3 "$part" db "$tmp/one.db" >"$tmp/p.one"
python3 "$part" brief "$tmp/brief.json" >"$tmp/p.brief"
[ "$(wc -l <"$tmp/p.one")" -eq "$n" ] || fail "the uninterrupted ingest holds $(wc -l <"$tmp/p.one") articles"
cmp -s "$tmp/p.killed" "$tmp/p.one" ||
    fail "$(diff "$tmp/p.killed" "$tmp/p.one" | grep -c '^<') of $n articles in other stories than one uninterrupted ingest gives"
cmp -s "$tmp/p.one" "$tmp/p.brief" ||
    fail "$(diff "$tmp/p.one" "$tmp/p.brief" | grep -c '^<') of $n articles in other stories than tidings brief gives"
echo "kill: the stories after the kills are those of one ingest and of tidings brief ($(cut -d' ' -f2 "$tmp/p.one" | sort -u | wc -l) stories)"
