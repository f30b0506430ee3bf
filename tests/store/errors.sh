#!/bin/sh
# Database failures the CLI must report clearly (tidings: error: FILE: what, exit 3)
# and never turn into silent loss: not a database, damaged pages, a newer schema,
# someone else's lock, a read-only file, a missing file.
#   errors.sh TIDINGS
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# expect NAME STATUS PATTERN command...: exit status and a stderr line matching.
expect() {
    name=$1 want=$2 pat=$3
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    [ "$rc" = "$want" ] || fail "$name: exit $rc, expected $want ($(cat "$tmp/err"))"
    grep -q -- "$pat" "$tmp/err" || fail "$name: stderr lacks '$pat': $(cat "$tmp/err")"
}

printf '{"id":"a1","title":"Bridge","date":"2022-01-03","text":"The bridge opened."}\n' >"$tmp/one.jsonl"
printf '{"id":"a2","title":"Ferry","date":"2022-01-04","text":"The ferry sailed."}\n' >"$tmp/two.jsonl"

# Missing file: stories and show do not create one.
expect missing 3 "^tidings: error: $tmp/none.db: cannot open: " "$bin" stories --db "$tmp/none.db"
[ ! -e "$tmp/none.db" ] || fail "missing: stories created the file"

# Not a database.
head -c 8192 /dev/urandom >"$tmp/junk.db"
expect notadb-stories 3 "^tidings: error: $tmp/junk.db: database is corrupt or not a database" \
    "$bin" stories --db "$tmp/junk.db"
expect notadb-ingest 3 "^tidings: error: $tmp/junk.db: database is corrupt or not a database" \
    "$bin" ingest --db "$tmp/junk.db" "$tmp/one.jsonl"

# Someone else's SQLite database (a file with a foreign header page).
expect empty 3 "not a tidings database" sh -c ": >'$tmp/empty.db' && '$bin' stories --db '$tmp/empty.db'"

# A newer schema: user_version (header offset 60, big-endian) set to 99.
"$bin" ingest --db "$tmp/new.db" "$tmp/one.jsonl" >/dev/null || fail "newer: ingest failed"
printf '\000\000\000\143' | dd of="$tmp/new.db" bs=1 seek=60 conv=notrunc 2>/dev/null
expect newer-stories 3 "schema 99 is newer than this tidings supports" \
    "$bin" stories --db "$tmp/new.db"
expect newer-ingest 3 "schema 99 is newer than this tidings supports" \
    "$bin" ingest --db "$tmp/new.db" "$tmp/two.jsonl"

# Damaged pages: the integrity check says so.
awk 'BEGIN { for (i = 0; i < 400; i++) printf "{\"id\":\"c%d\",\"title\":\"T %d\",\"date\":\"2022-01-05\",\"text\":\"Article %d says a good deal about town %d and more words to fill pages.\"}\n", i, i, i, i % 9 }' >"$tmp/many.jsonl"
"$bin" ingest -q --db "$tmp/bad.db" "$tmp/many.jsonl" || fail "damaged: ingest failed"
head -c 16384 /dev/urandom | dd of="$tmp/bad.db" bs=4096 seek=2 conv=notrunc 2>/dev/null
expect damaged 3 "^tidings: error: $tmp/bad.db: .*\(integrity check failed\|corrupt\)" \
    "$bin" stories --check --db "$tmp/bad.db"

# Damage SQLite cannot see: a leaf of the index that finds a story's articles
# overwritten by another valid leaf of it. Every read must still say so: stories
# and show exit 3, they never list a story short of its articles or print an
# empty brief. (Needs python3 with SQLite's dbstat table to find the pages.)
awk 'BEGIN { for (i = 0; i < 1500; i++) printf "{\"id\":\"s%d\",\"title\":\"Story %d\",\"date\":\"2022-01-05\",\"source\":\"Outlet %d\",\"text\":\"Article %d says a good deal about town %d and more words to fill pages.\"}\n", i, i % 300, i % 7, i, i % 300 }' >"$tmp/leaves.jsonl"
"$bin" ingest -q --db "$tmp/swap.db" "$tmp/leaves.jsonl" || fail "swapped: ingest failed"
pages=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
leaves = [r[0] for r in c.execute(\"SELECT pageno FROM dbstat WHERE name = 'articles_story' AND pagetype = 'leaf' ORDER BY pageno\")]
print(c.execute('PRAGMA page_size').fetchone()[0], leaves[0], leaves[-1]) if len(leaves) > 1 else None
" "$tmp/swap.db" 2>/dev/null)
if [ -n "$pages" ]; then
    set -- $pages
    dd if="$tmp/swap.db" of="$tmp/page" bs="$1" skip=$(($2 - 1)) count=1 2>/dev/null
    dd if="$tmp/page" of="$tmp/swap.db" bs="$1" seek=$(($3 - 1)) conv=notrunc 2>/dev/null
    expect swapped-stories 3 "^tidings: error: $tmp/swap.db: the database is damaged: story [0-9]* holds" \
        "$bin" stories --db "$tmp/swap.db"
    expect swapped-json 3 "^tidings: error: $tmp/swap.db: the database is damaged" \
        "$bin" stories --json --db "$tmp/swap.db"
    # The first story whose articles are short: show must fail on it too.
    story=$(sed -n 's/.*damaged: story \([0-9]*\) holds.*/\1/p' "$tmp/err")
    expect swapped-show 3 "^tidings: error: $tmp/swap.db: the database is damaged: story $story holds" \
        "$bin" show --db "$tmp/swap.db" "$story"
    [ ! -s "$tmp/out" ] || fail "swapped-show: printed a brief"
else
    echo "skip: swapped (no python3 with dbstat)"
fi

# Locked: another writer holds the write lock for a few seconds.
"$bin" ingest --db "$tmp/lock.db" "$tmp/one.jsonl" >/dev/null || fail "locked: setup failed"
if command -v sqlite3 >/dev/null 2>&1; then
    { echo "BEGIN IMMEDIATE;"; echo "SELECT count(*) FROM articles;"; sleep 3; echo "COMMIT;"; } |
        sqlite3 "$tmp/lock.db" >"$tmp/holder" 2>&1 &
    holder=$!
    sleep 1
    expect locked 3 "^tidings: error: $tmp/lock.db: database is locked by another process (waited 200 ms)" \
        "$bin" ingest --timeout 200 --db "$tmp/lock.db" "$tmp/two.jsonl"
    # Readers go on while a writer works.
    expect locked-read 0 "" sh -c "'$bin' stories --db '$tmp/lock.db' >&2; echo >&2"
    grep -q "Bridge" "$tmp/err" || fail "locked-read: the story is not listed"
    # The default timeout waits the writer out.
    expect locked-wait 0 "" sh -c "'$bin' ingest --db '$tmp/lock.db' '$tmp/two.jsonl' >&2; echo >&2"
    grep -q "^ingested a2 story" "$tmp/err" || fail "locked-wait: a2 was not ingested"
    wait "$holder"
else
    echo "skip: locked (no sqlite3 command to hold a lock)"
fi

# Read-only file (root may write anyway, so only as another user).
if [ "$(id -u)" != 0 ]; then
    "$bin" ingest --db "$tmp/ro.db" "$tmp/one.jsonl" >/dev/null
    chmod 444 "$tmp/ro.db"
    expect readonly 3 "^tidings: error: $tmp/ro.db: database is read-only" \
        "$bin" ingest --db "$tmp/ro.db" "$tmp/two.jsonl"
    chmod 644 "$tmp/ro.db"
else
    echo "skip: readonly (running as root)"
fi

# Read-only to this user, in a folder it cannot write (another user's database):
# no -shm can be made beside it, and it must be read all the same.
other=""
if [ "$(id -u)" != 0 ]; then
    other=" "
elif command -v setpriv >/dev/null 2>&1 &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --version >/dev/null 2>&1; then
    other="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ -n "$other" ]; then
    mkdir "$tmp/shared"
    "$bin" ingest -q --db "$tmp/shared/n.db" "$tmp/one.jsonl" "$tmp/two.jsonl" ||
        fail "others: ingest failed"
    chmod 755 "$tmp"
    chmod 555 "$tmp/shared"
    chmod 444 "$tmp/shared/n.db"
    expect others-stories 0 "" sh -c "$other '$bin' stories --db '$tmp/shared/n.db' >&2; echo >&2"
    grep -q "Ferry" "$tmp/err" || fail "others-stories: the story is not listed"
    expect others-show 0 "" sh -c "$other '$bin' show --db '$tmp/shared/n.db' 1 >&2; echo >&2"
    grep -q "^# " "$tmp/err" || fail "others-show: no brief"
    chmod 755 "$tmp/shared"
    chmod 644 "$tmp/shared/n.db"
else
    echo "skip: others (no other user to read as)"
fi

[ $failed = 0 ] && echo "store errors: ok"
exit $failed
