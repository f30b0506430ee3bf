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

[ $failed = 0 ] && echo "store errors: ok"
exit $failed
