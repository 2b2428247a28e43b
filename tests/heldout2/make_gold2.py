#!/usr/bin/env python3
r"""Build heldout2 gold JSONL files with the unmodified tests/heldout/make_gold.py.

Reuses its parser, builder, validator and writer; only the source directory
and the id prefixes differ (heldout2-post-NNN, heldout2-note-NNN).  After
building, every file is re-read from disk and checked independently:
UTF-16 re-slicing of every span against the marked surface, no padded or
empty spans, no same-category overlap, unique sequential ids.

Usage: python3 tests/heldout2/make_gold2.py           rebuild posts.jsonl, notes.jsonl
       python3 tests/heldout2/make_gold2.py --check   verify they are up to date
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # leave tests/heldout/ untouched (no __pycache__)
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout"))
import make_gold  # noqa: E402  (tests/heldout/make_gold.py, not modified)

make_gold.HERE = HERE  # read sources from / write outputs to tests/heldout2

JOBS = (("posts.src.txt", "heldout2-post", "posts.jsonl"),
        ("notes.src.txt", "heldout2-note", "notes.jsonl"))


def check_disk(path, rows, prefix):
    """Independent check of the file as written (not of the in-memory rows)."""
    with open(path, encoding="utf-8") as f:
        disk = [json.loads(l) for l in f if l.strip()]
    assert len(disk) == len(rows), path
    for i, (d, r) in enumerate(zip(disk, rows), 1):
        assert d["id"] == f"{prefix}-{i:03d}", d["id"]
        assert d["text"] == r["text"], d["id"]
        units = d["text"].encode("utf-16-le")
        n_units = len(units) // 2
        assert len(d["spans"]) == len(r["spans"]), d["id"]
        for s, rs in zip(d["spans"], r["spans"]):
            assert set(s) == {"start", "end", "category"}, (d["id"], s)
            assert 0 <= s["start"] < s["end"] <= n_units, (d["id"], s)
            got = units[2 * s["start"]:2 * s["end"]].decode("utf-16-le")
            assert got == rs["_surface"], (d["id"], got, rs["_surface"])
            assert got == got.strip(), (d["id"], got)
            assert s["category"] in make_gold.CATEGORIES, (d["id"], s)


def main():
    check = "--check" in sys.argv
    ok = True
    for src, prefix, dst in JOBS:
        rows = make_gold.build(src, prefix)
        make_gold.validate(rows)
        data = make_gold.dump(rows)
        path = os.path.join(HERE, dst)
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != data:
                    print(f"{dst}: out of date, rerun make_gold2.py")
                    ok = False
                    continue
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
        check_disk(path, rows, prefix)
        cats = {}
        for r in rows:
            for s in r["spans"]:
                cats[s["category"]] = cats.get(s["category"], 0) + 1
        n_risk = sum(1 for r in rows if r["spans"])
        print(f"{dst}: {len(rows)} texts, {n_risk} with spans, "
              f"{len(rows) - n_risk} clean, {sum(cats.values())} spans")
        print("  " + ", ".join(f"{k}={v}" for k, v in sorted(cats.items())))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
