#!/usr/bin/env python3
"""Prints the stories of a store or of a brief as a partition of article ids, one
line per article: "ID FIRST" where FIRST is the smallest id of its story, sorted
by ID. Two runs gave the same stories when their outputs are equal, whatever the
story numbers.

    partition.py db FILE.db       the stories the store holds now
    partition.py brief FILE.json  the stories of `tidings brief --json`
"""
import json
import sqlite3
import sys


def main():
    kind, path = sys.argv[1], sys.argv[2]
    pairs = []
    if kind == "db":
        con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        pairs = list(con.execute("SELECT id, story FROM articles"))
        con.close()
    elif kind == "brief":
        with open(path, encoding="utf-8") as f:
            for s in json.load(f)["stories"]:
                pairs += [(a["id"], s["id"]) for a in s["articles"]]
    else:
        sys.exit("usage: partition.py db|brief FILE")
    first = {}
    for aid, story in pairs:
        if story not in first or aid < first[story]:
            first[story] = aid
    for aid, story in sorted(pairs):
        print(aid, first[story])


main()
