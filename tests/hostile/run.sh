#!/bin/sh
# The hostile-input corpus (tests/hostile/README.md): every case of `cases` through
# every command that reads it, each checked for its exit status, its error and
# warning lines, what it keeps, and for ending in time without a crash.
# Usage: run.sh TIDINGS SOURCE_ROOT [CASE...]
set -u
bin=$1
root=$(cd "$2" && pwd)
shift 2
only="$*"
here=$root/tests/hostile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=$tmp/gen
mkdir -p "$gen"
pass=0 fail=0 todo=0

# ---- generated inputs: make_NAME writes $gen/NAME; feed_NAME writes to stdout,
# read by the command as standard input. Big and endless inputs, links and
# damaged databases are made here, never committed. ----

make_loop() { # a folder that links to itself and to its parent
    mkdir -p "$gen/loop/sub"
    printf 'Bridge closes\nThe old bridge over the river closed on Monday for three months of repairs, the council said.\n' >"$gen/loop/a.txt"
    printf 'Ferry added\nA second ferry will run while the bridge is closed, the operator said on Tuesday.\n' >"$gen/loop/sub/b.txt"
    ln -s . "$gen/loop/self"
    ln -s .. "$gen/loop/sub/up"
    ln -s ../a.txt "$gen/loop/sub/a-again.txt"
}
make_days() { # two day folders holding files of the same names
    for d in 2026-03-03 2026-03-04; do
        mkdir -p "$gen/days/$d"
        printf ' date %s\nHarbour report\nThe harbour office counted the ships at anchor on %s, it said in its daily report.\n' \
            "$d" "$d" >"$gen/days/$d/a1.txt"
    done
}
make_huge_txt() { # 40 MB of text, past the 32 MiB limit
    head -c 40000000 /dev/zero | tr '\0' 'a' >"$gen/huge.txt"
}
make_huge_line_jsonl_gz() { # a 40 MB JSON Lines line between two good ones, gzip-compressed
    { printf '{"id":"before","text":"The first record is read."}\n{"id":"huge","text":"'
      head -c 40000000 /dev/zero | tr '\0' 'a'
      printf '"}\n{"id":"after","text":"The record after the huge line is read."}\n'
    } | gzip -1 >"$gen/huge-line.jsonl.gz"
}
make_damaged_db() { # a story database with pages 3 to 6 overwritten
    printf '{"id":"s1","title":"Bridge closes","date":"2026-03-02","text":"The old bridge over the river closed on Monday for repairs, the council said."}\n' >"$gen/feed.jsonl"
    TIDINGS_NOW=1772409600 "$bin" ingest --db "$gen/damaged.db" "$gen/feed.jsonl" >/dev/null 2>&1
    dd if=/dev/zero of="$gen/damaged.db" bs=4096 seek=2 count=4 conv=notrunc 2>/dev/null
}
make_tampered_db() { # a story database with bytes of an article changed inside valid pages
    printf '{"id":"s1","title":"Harbour count","date":"2026-03-02","text":"The harbour office counted thirty ships at anchor on Monday, it said."}\n' >"$gen/feed2.jsonl"
    TIDINGS_NOW=1772409600 "$bin" ingest --db "$gen/tampered.db" "$gen/feed2.jsonl" >/dev/null 2>&1
    sed -i 's/thirty/ninety/g' "$gen/tampered.db"
}
page() { # uri title text: one WARC response record holding a small page
    b="HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>$2</title></head><body><article><h1>$2</h1><p>$3</p></article></body></html>"
    n=$(printf "$b" | wc -c)
    printf "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: $1\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: $n\r\n\r\n$b\r\n\r\n"
}
make_video_warc() { # a 40 MB video record (no NUL in it) between two pages
    { page http://a.example/1 "Bridge closes" "The old bridge over the river closed on Monday for three months of repairs, the council said."
      h="HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n"
      n=$(( $(printf "$h" | wc -c) + 40000000 ))
      printf "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/v.mp4\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: $n\r\n\r\n$h"
      head -c 40000000 /dev/zero | tr '\0' '\1'
      printf '\r\n\r\n'
      page http://a.example/3 "Ferry added" "A second ferry will run while the bridge is closed, the operator said on Tuesday."
    } >"$gen/video.warc"
}
make_big_page_last_warc() { # a page, then a 40 MB page that ends the file (no blank line after it)
    { page http://a.example/1 "Bridge closes" "The old bridge over the river closed on Monday for three months of repairs, the council said."
      h="HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
      n=$(( $(printf "$h" | wc -c) + 40000000 ))
      printf "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.example/big\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: $n\r\n\r\n$h"
      head -c 40000000 /dev/zero | tr '\0' 'a'
    } >"$gen/big-page-last.warc"
}
make_deep_jsonl() { # an unknown field nested 100,000 deep
    { printf '{"id":"deep","text":"The bridge closed on Monday for repairs, the council said.","x":'
      head -c 100000 /dev/zero | tr '\0' '['
      head -c 100000 /dev/zero | tr '\0' ']'
      printf '}\n'
    } >"$gen/deep.jsonl"
}
feed_yes() { yes; }
feed_zero() { cat /dev/zero; }

# ---- the commands ----

# run CMD INPUT: runs one command on one input, output in $tmp/out, $tmp/err; rc
run() {
    c=$1 in=$2
    db=$tmp/db/$c.db
    rm -rf "$tmp/db" "$tmp/out.html"
    mkdir -p "$tmp/db"
    case $c in
    clean) set -- clean ;;
    clean-json) set -- clean --json ;;
    brief) set -- brief ;;
    brief-json) set -- brief --json ;;
    brief-html) set -- brief --html "$tmp/out.html" ;;
    dedup) set -- dedup ;;
    ingest) set -- ingest --db "$db" ;;
    stories) set -- stories --db ;;
    show) set -- show --db ;;
    esac
    if [ -n "$feeder" ]; then
        "$feeder" 2>/dev/null | TIDINGS_NOW=1772409600 timeout "$secs" "$bin" "$@" - >"$tmp/out" 2>"$tmp/err"
        rc=$?
    elif [ "$c" = show ]; then
        TIDINGS_NOW=1772409600 timeout "$secs" "$bin" "$@" "$in" 1 >"$tmp/out" 2>"$tmp/err" </dev/null
        rc=$?
    else
        TIDINGS_NOW=1772409600 timeout "$secs" "$bin" "$@" "$in" >"$tmp/out" 2>"$tmp/err" </dev/null
        rc=$?
    fi
    if [ "$c" = ingest ] && [ $rc -lt 2 ]; then # what was ingested can be listed
        if ! "$bin" stories --db "$db" >/dev/null 2>>"$tmp/err"; then
            echo "tidings: stories after ingest failed" >>"$tmp/err"
            rc=99
        fi
    fi
    [ -f "$tmp/out.html" ] && cat "$tmp/out.html" >>"$tmp/out"
    return 0
}

# the lines of $tmp/err that start with "tidings: KIND: ", without it, sorted
lines() { sed -n "s/^tidings: $1: //p" "$tmp/err" | LC_ALL=C sort; }

problem() { problems="$problems
    $c: $*"; }

check_case() { # name exit expectations...
    name=$1 want=$2
    shift 2
    feeder="" in="" secs=60 cmds="clean clean-json brief brief-json brief-html dedup ingest"
    is_todo=0
    case $name in
    @*)
        g=${name#@}
        f=$(printf '%s' "$g" | tr '.-' '__')
        if command -v "feed_$f" >/dev/null 2>&1; then
            feeder=feed_$f in="-" shown="<stdin>"
        else
            [ -e "$gen/$g" ] || "make_$f"
            in=$gen/$g shown=$in
        fi ;;
    /*) in=$name shown=$name ;;
    *) in=$here/inputs/$name shown=$in ;;
    esac
    : >"$tmp/want-err"
    : >"$tmp/want-warn"
    keeps="" drops="" nevers="" narticles=""
    for e in "$@"; do
        k=${e%%=*} v=${e#*=}
        v=$(printf '%s' "$v" | sed "s|FILE|$shown|g")
        case $k in
        err) printf '%s\n' "$v" >>"$tmp/want-err" ;;
        warn) printf '%s\n' "$v" >>"$tmp/want-warn" ;;
        keep) keeps="$keeps$v
" ;;
        drop) drops="$drops$v
" ;;
        never) nevers="$nevers$v
" ;;
        articles) narticles=$v ;;
        cmds) cmds=$(printf '%s' "$v" | tr , ' ') ;;
        secs) secs=$v ;;
        todo) is_todo=1 ;;
        exit.*) ;;
        *) echo "hostile: $name: unknown expectation '$e'" >&2; fail=$((fail + 1)); return ;;
        esac
    done
    LC_ALL=C sort -o "$tmp/want-err" "$tmp/want-err"
    LC_ALL=C sort -o "$tmp/want-warn" "$tmp/want-warn"
    problems=""
    for c in $cmds; do
        w=$want
        for e in "$@"; do
            case $e in exit.$c=*) w=${e#*=} ;; esac
        done
        run "$c" "$in"
        [ "$rc" = 124 ] && problem "did not end within ${secs}s"
        [ "$rc" = "$w" ] || problem "exit status $rc, expected $w"
        lines error >"$tmp/got-err"
        lines warning >"$tmp/got-warn"
        cmp -s "$tmp/got-err" "$tmp/want-err" ||
            problem "error lines differ:$(diff "$tmp/want-err" "$tmp/got-err" | sed -n 's/^\([<>]\)/\n      \1/p' | tr -d '\n' | head -c 2000)"
        cmp -s "$tmp/got-warn" "$tmp/want-warn" ||
            problem "warning lines differ:$(diff "$tmp/want-warn" "$tmp/got-warn" | sed -n 's/^\([<>]\)/\n      \1/p' | tr -d '\n' | head -c 2000)"
        # anything else on stderr that is not the program's own (a sanitizer report)
        if grep -v '^tidings: ' "$tmp/err" | grep -q .; then
            problem "stray output on stderr: $(grep -v '^tidings: ' "$tmp/err" | head -3)"
        fi
        if [ -n "$nevers" ]; then
            printf '%s' "$nevers" | while IFS= read -r n; do
                [ -n "$n" ] || continue
                printf '%b' "$n" >"$tmp/needle"
                for f in "$tmp/out" "$tmp/err"; do
                    if grep -qF -f "$tmp/needle" "$f"; then
                        echo "$c: output holds '$n'" >>"$tmp/never"
                    fi
                done
            done
        fi
        if [ "$c" = clean ]; then
            printf '%s' "$keeps" | while IFS= read -r s; do
                [ -z "$s" ] || grep -qF -- "$s" "$tmp/out" || echo "clean: '$s' not kept" >>"$tmp/never"
            done
            printf '%s' "$drops" | while IFS= read -r s; do
                [ -z "$s" ] || ! grep -qF -- "$s" "$tmp/out" || echo "clean: '$s' kept" >>"$tmp/never"
            done
        fi
        if [ "$c" = clean-json ] && [ -n "$narticles" ]; then
            n=$(grep -c '^{"id"' "$tmp/out")
            [ "$n" = "$narticles" ] || problem "$n articles, expected $narticles"
        fi
        if [ -s "$tmp/never" ]; then
            problem "$(cat "$tmp/never")"
            rm -f "$tmp/never"
        fi
    done
    if [ -z "$problems" ]; then
        if [ $is_todo = 1 ]; then
            echo "todo passes now (remove 'todo'): $name"
        fi
        pass=$((pass + 1))
    elif [ $is_todo = 1 ]; then
        echo "todo: $name$problems"
        todo=$((todo + 1))
    else
        echo "FAIL: $name$problems"
        fail=$((fail + 1))
    fi
}

while IFS= read -r line <&3; do
    case $line in '' | '#'*) continue ;; esac
    eval "set -- $line"
    if [ -n "$only" ]; then
        case " $only " in *" $1 "*) ;; *) continue ;; esac
    fi
    check_case "$@"
done 3<"$here/cases"
echo "hostile: $pass passed, $fail failed, $todo known failures (todo)"
# the command-line cases (escapes on a terminal, in a pipe, in messages): outputs
# compared whole, as the CLI goldens are (tests/cli/run.sh)
if [ -z "$only" ]; then
    "$root/tests/cli/run.sh" "$bin" "$here/cli" "$root" || fail=$((fail + 1))
fi
[ $fail = 0 ]
