#!/usr/bin/env python3
r"""Build the held-out gold JSONL files from marked-up source lines.

Source format: one text per line; blank lines and lines starting with '#'
are skipped.  Example:
    Saw {name|Maria Delgado} on {date|3/14}\nsecond line
Markup is {category|surface text} and may nest, e.g.
    {patient_context|my {age|80}yo in {location|bed 4}}
Escapes inside a line: \n line break, \t tab, \\ backslash, \{ \} \| literal.
Offsets are written in UTF-16 code units (JavaScript string indices),
end exclusive.

Usage: python3 make_gold.py           rebuild posts.jsonl and notes.jsonl
       python3 make_gold.py --check   validate and verify the .jsonl files
                                      are up to date (exit 1 if not)
Other sets with the same format call run(folder, prefix) (tests/heldout2).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

CATEGORIES = {
    "name", "location", "date", "age", "phone", "fax", "email", "ssn", "mrn",
    "health_plan_id", "account_number", "license_number", "vehicle_id",
    "device_id", "url", "ip_address", "biometric", "photo", "other_id",
    "patient_context", "medical_advice", "disparagement", "boundary",
    "promotion",
}
ESC = {"n": "\n", "t": "\t", "\\": "\\", "{": "{", "}": "}", "|": "|"}
OPEN = re.compile(r"\{([a-z_]+)\|")


def u16len(s):
    return len(s.encode("utf-16-le")) // 2


def parse(line, where):
    text, stack, spans, i = [], [], [], 0
    while i < len(line):
        c = line[i]
        if c == "\\":
            n = line[i + 1] if i + 1 < len(line) else ""
            if n not in ESC:
                raise SystemExit(f"{where}: unknown escape \\{n}")
            text.append(ESC[n])
            i += 2
        elif c == "{":
            m = OPEN.match(line, i)
            if not m:
                raise SystemExit(f"{where}: bad markup at col {i}")
            if m.group(1) not in CATEGORIES:
                raise SystemExit(f"{where}: unknown category {m.group(1)!r}")
            stack.append((m.group(1), len(text)))
            i = m.end()
        elif c == "}":
            if not stack:
                raise SystemExit(f"{where}: unbalanced '}}' at col {i}")
            cat, s = stack.pop()
            spans.append((cat, s, len(text)))
            i += 1
        else:
            text.append(c)
            i += 1
    if stack:
        raise SystemExit(f"{where}: unclosed span(s) {stack}")
    full = "".join(text)
    out = []
    for cat, s, e in spans:
        surface = full[s:e]
        if not surface or surface != surface.strip():
            raise SystemExit(f"{where}: empty or padded span {surface!r}")
        out.append({"start": u16len(full[:s]), "end": u16len(full[:e]),
                    "category": cat, "_surface": surface})
    out.sort(key=lambda d: (d["start"], -d["end"], d["category"]))
    return full, out


def build(src_name, prefix, folder=HERE):
    rows = []
    with open(os.path.join(folder, src_name), encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, spans = parse(line, f"{src_name}:{lineno}")
            rows.append({"id": f"{prefix}-{len(rows) + 1:03d}", "text": text,
                         "spans": spans})
    return rows


def validate(rows):
    """Re-slice every span by UTF-16 offsets; forbid same-category overlap."""
    for r in rows:
        units = r["text"].encode("utf-16-le")
        for s in r["spans"]:
            got = units[2 * s["start"]:2 * s["end"]].decode("utf-16-le")
            assert got == s["_surface"], (r["id"], got, s)
        for a in r["spans"]:
            for b in r["spans"]:
                if a is not b and a["category"] == b["category"]:
                    assert a["end"] <= b["start"] or b["end"] <= a["start"], \
                        (r["id"], "same-category overlap", a, b)


def dump(rows):
    lines = []
    for r in rows:
        spans = [{k: v for k, v in s.items() if not k.startswith("_")}
                 for s in r["spans"]]
        lines.append(json.dumps({"id": r["id"], "text": r["text"],
                                 "spans": spans}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def check_disk(path, rows):
    """Re-reads the file as written (not the rows in memory): ids, texts, span keys and bounds, and every span's
    UTF-16 slice against the surface marked in the source, unpadded."""
    with open(path, encoding="utf-8") as f:
        disk = [json.loads(l) for l in f if l.strip()]
    assert len(disk) == len(rows), path
    for d, r in zip(disk, rows):
        assert d["id"] == r["id"] and d["text"] == r["text"], (path, d["id"])
        units = d["text"].encode("utf-16-le")
        assert len(d["spans"]) == len(r["spans"]), d["id"]
        for s, rs in zip(d["spans"], r["spans"]):
            assert set(s) == {"start", "end", "category"}, (d["id"], s)
            assert 0 <= s["start"] < s["end"] <= len(units) // 2, (d["id"], s)
            got = units[2 * s["start"]:2 * s["end"]].decode("utf-16-le")
            assert got == rs["_surface"] and got == got.strip(), (d["id"], got)
            assert s["category"] in CATEGORIES, (d["id"], s)


def run(folder, prefix, check=None):
    """Builds folder/posts.jsonl and folder/notes.jsonl from their .src.txt (ids PREFIX-post-NNN,
    PREFIX-note-NNN), or with check (default: --check given) only verifies they are up to date. Exits."""
    check = "--check" in sys.argv if check is None else check
    ok = True
    for kind in ("posts", "notes"):
        rows = build(f"{kind}.src.txt", f"{prefix}-{kind[:-1]}", folder)
        validate(rows)
        data = dump(rows)
        dst = f"{kind}.jsonl"
        path = os.path.join(folder, dst)
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != data:
                    print(f"{dst}: out of date, rebuild it")
                    ok = False
                    continue
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
        check_disk(path, rows)
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
    run(HERE, "heldout")
