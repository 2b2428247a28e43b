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


def build(src_name, prefix):
    rows = []
    with open(os.path.join(HERE, src_name), encoding="utf-8") as f:
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


def main():
    check = "--check" in sys.argv
    ok = True
    for src, prefix, dst in (("posts.src.txt", "heldout-post", "posts.jsonl"),
                             ("notes.src.txt", "heldout-note", "notes.jsonl")):
        rows = build(src, prefix)
        validate(rows)
        data = dump(rows)
        path = os.path.join(HERE, dst)
        if check:
            # Also validate the file on disk independently of the builder.
            with open(path, encoding="utf-8") as f:
                disk = f.read()
            if disk != data:
                print(f"{dst}: out of date, rerun make_gold.py")
                ok = False
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
        cats = {}
        for r in rows:
            for s in r["spans"]:
                cats[s["category"]] = cats.get(s["category"], 0) + 1
        n_risk = sum(1 for r in rows if r["spans"])
        print(f"{dst}: {len(rows)} texts, {n_risk} with spans, "
              f"{len(rows) - n_risk} clean")
        print("  " + ", ".join(f"{k}={v}" for k, v in sorted(cats.items())))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
