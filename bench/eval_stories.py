#!/usr/bin/env python3
"""eval_stories.py - story clustering of the whole CLI against labelled corpora.

    bench/eval_stories.py [--bin TIDINGS]... [--data DIR] [--store] [--set gva|ecb]...

For each set, runs `TIDINGS brief --json` on it (each --bin in turn, in one run,
so that old and new binaries are timed side by side) and computes BCubed
precision, recall and F1 of the stories against the labels, with the wall and CPU
time of the run. An article missing from the output (rejected by the reader)
counts as a story of its own.

  gva  DIR/gva-dev/articles.jsonl: `event` is the incident; it is dropped before
       tidings reads the file.
  ecb  DIR/ecbplus/NN{ecb,ecbplus}/*.json: the folder is the event.

--store also ingests the set into a fresh database (`tidings ingest`, GVA in date
order, ECB+ in file order) and reads each article's story back through
`tidings stories --json` and `tidings show --json`: store = batch shows as the
same figures (and the count of articles whose story differs from the batch's,
as pairs).

Skips with a message (exit 0) when DIR (default ../shared/data beside the
source tree) is absent.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bcubed(clu, gold):
    """clu, gold: dicts item -> label over the same items."""
    by_c, by_g, by_cg = {}, {}, {}
    for i, g in gold.items():
        c = clu[i]
        by_c[c] = by_c.get(c, 0) + 1
        by_g[g] = by_g.get(g, 0) + 1
        by_cg[(c, g)] = by_cg.get((c, g), 0) + 1
    n = len(gold)
    p = sum(by_cg[(clu[i], g)] / by_c[clu[i]] for i, g in gold.items()) / n
    r = sum(by_cg[(clu[i], g)] / by_g[g] for i, g in gold.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def child_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run(cmd):
    t0, c0 = time.monotonic(), child_cpu()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=False).stdout
    return out, time.monotonic() - t0, child_cpu() - c0


def key_of(aid):
    """The label key of an article id: a file's id is its path below the folder
    given (with or without that folder's name, as versions differ); keep the
    last two parts (event folder / file), which is all a JSON Lines id has."""
    return "/".join(aid.split("/")[-2:])


def story_map(doc, gold):
    """Article id -> story id from a brief's JSON; missing articles alone."""
    clu = {}
    for s in doc.get("stories", []):
        for a in s["articles"]:
            clu[key_of(a["id"])] = s["id"]
    missing = [i for i in gold if i not in clu]
    for i in missing:
        clu[i] = "alone:" + i
    return clu, len(missing)


def load_gva(data, tmp):
    path = os.path.join(data, "gva-dev", "articles.jsonl")
    if not os.path.exists(path):
        return None
    gold, rows = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            gold[d["id"]] = d.pop("event")
            rows.append(d)
    plain = os.path.join(tmp, "gva.jsonl")
    with open(plain, "w", encoding="utf-8") as f:
        for d in rows:
            f.write(json.dumps(d) + "\n")
    # the store reads the feed as it came: by date, ties in file order
    dated = os.path.join(tmp, "gva-dated.jsonl")
    with open(dated, "w", encoding="utf-8") as f:
        for d in sorted(rows, key=lambda d: d.get("date") or ""):
            f.write(json.dumps(d) + "\n")
    return {"name": "gva-dev", "gold": gold, "brief": [plain], "ingest": [dated]}


def load_ecb(data, tmp):
    top = os.path.join(data, "ecbplus")
    if not os.path.isdir(top):
        return None
    gold = {}
    for ev in sorted(os.listdir(top)):
        d = os.path.join(top, ev)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".json"):
                gold[ev + "/" + name[:-5]] = ev
    return {"name": "ECB+", "gold": gold, "brief": [top], "ingest": [top]}


def store_map(tidings, paths, gold, tmp):
    db = os.path.join(tmp, "eval.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    env = dict(os.environ, TIDINGS_NOW="1700000000")
    t0, c0 = time.monotonic(), child_cpu()
    subprocess.run([tidings, "ingest", "--quiet", "--db", db] + paths, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall, cpu = time.monotonic() - t0, child_cpu() - c0
    out = subprocess.run([tidings, "stories", "--db", db, "--json"],
                         stdout=subprocess.PIPE, check=False).stdout
    clu = {}
    for line in out.decode().splitlines():
        sid = json.loads(line)["id"]
        brief = subprocess.run([tidings, "show", "--db", db, str(sid), "--json"],
                               stdout=subprocess.PIPE, check=False).stdout
        for story in json.loads(brief)["stories"]:
            for a in story["articles"]:
                clu[key_of(a["id"])] = sid
    missing = [i for i in gold if i not in clu]
    for i in missing:
        clu[i] = "alone:" + i
    return clu, len(missing), wall, cpu


def same_pairs_differ(a, b, gold):
    """Articles whose co-members differ between two clusterings (0: identical)."""
    ga, gb = {}, {}
    for i in gold:
        ga.setdefault(a[i], set()).add(i)
        gb.setdefault(b[i], set()).add(i)
    return sum(1 for i in gold if ga[a[i]] != gb[b[i]])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", action="append",
                    help="tidings binary (repeatable; default build/tidings)")
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    ap.add_argument("--set", action="append", choices=["gva", "ecb"])
    ap.add_argument("--store", action="store_true",
                    help="also ingest into a store and compare its stories")
    args = ap.parse_args()
    bins = args.bin or [os.path.join(ROOT, "build", "tidings")]
    sets = args.set or ["gva", "ecb"]
    if not os.path.isdir(args.data):
        print("eval_stories: skipped (no evaluation data at %s)" % args.data)
        return 0
    with tempfile.TemporaryDirectory(prefix="tidings-eval-") as tmp:
        loaded = []
        for s in sets:
            d = (load_gva if s == "gva" else load_ecb)(args.data, tmp)
            if d is None:
                print("eval_stories: %s skipped (not in %s)" % (s, args.data))
            else:
                loaded.append(d)
        for d in loaded:
            gold = d["gold"]
            for b in bins:
                out, wall, cpu = run([b, "brief", "--json"] + d["brief"])
                clu, miss = story_map(json.loads(out), gold)
                p, r, f = bcubed(clu, gold)
                print("%-8s brief  F1 %.3f (P %.3f R %.3f)  %d stories, %d articles"
                      " not in any  wall %.2f s cpu %.2f s  %s"
                      % (d["name"], f, p, r, len(set(clu.values())), miss, wall,
                         cpu, b))
                if args.store:
                    sclu, smiss, swall, scpu = store_map(b, d["ingest"], gold, tmp)
                    p, r, f = bcubed(sclu, gold)
                    print("%-8s store  F1 %.3f (P %.3f R %.3f)  %d stories, %d articles"
                          " not in any  ingest wall %.2f s cpu %.2f s; %d articles"
                          " with other co-members than in the brief"
                          % (d["name"], f, p, r, len(set(sclu.values())), smiss,
                             swall, scpu, same_pairs_differ(clu, sclu, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
