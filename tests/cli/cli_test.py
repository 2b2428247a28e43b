#!/usr/bin/env python3
"""CLI behaviour of `postscrub` (docs/contracts.md §4): exit codes, formats, --jsonl, redact, pack validate/test.

usage: cli_test.py PATH/TO/postscrub SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import time

BIN, SRC = sys.argv[1], sys.argv[2]
FIX = os.path.join(SRC, "tests", "fixtures", "packs")
BASE = os.path.join(FIX, "valid", "01-base.json")
CLINIC = os.path.join(FIX, "valid", "02-clinic.json")
failures = []


def run(args, stdin=b""):
    p = subprocess.run([BIN] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def check(name, cond, detail=""):
    if not cond:
        failures.append(name + (": " + detail if detail else ""))


TEST = ["--no-default-packs", "--pack", BASE]

# exit codes and the text format
rc, out, err = run(["check"] + TEST, b"ok line\nSSN 219-09-9999\n")
check("check finds → 1", rc == 1, f"rc={rc} err={err}")
check("text format", out.strip() == "<stdin>:2:5: high ssn t-ssn: Social Security number", out)
rc, out, _ = run(["check"] + TEST, "😀é SSN 219-09-9999".encode())
check("col counts code points", out.startswith("<stdin>:1:8:"), out)
rc, out, _ = run(["check"] + TEST, b"nothing to see")
check("clean → 0", rc == 0 and out == "", f"rc={rc} out={out}")
rc, _, _ = run(["check", "--fail-on", "high"] + TEST, b"call 312-867-5309")
check("--fail-on high ignores medium", rc == 0, f"rc={rc}")
rc, _, _ = run(["check", "--fail-on", "medium"] + TEST, b"call 312-867-5309")
check("--fail-on medium", rc == 1, f"rc={rc}")
rc, _, err = run(["check", "--bogus"])
check("usage error → 2", rc == 2 and "--help" in err, f"rc={rc} err={err}")
rc, _, err = run(["check", "--pack", os.path.join(FIX, "invalid", "bad-regex.json")], b"x")
check("bad pack → 2 naming rule and field", rc == 2 and "rule r1: /rules/0/patterns/1/regex" in err, err)
rc, out, _ = run(["--help"])
check("--help", rc == 0 and "postscrub check" in out and "pack test" in out, out[:200])

# json format
rc, out, _ = run(["check", "--format", "json"] + TEST, "😀 SSN 219-09-9999".encode())
j = json.loads(out)
check("json finding offsets", j["findings"][0]["start"] == 7 and j["findings"][0]["byte_start"] == 9, out)

# invalid UTF-8 input never crashes; offsets consistent
rc, out, _ = run(["check", "--format", "json"] + TEST, b"\xff\xfe SSN 219-09-9999 \xc3")
j = json.loads(out)
check("invalid UTF-8", rc == 1 and j["findings"][0]["start"] == 7 and j["findings"][0]["byte_start"] == 7, out)

# --jsonl
lines = [{"id": "a", "text": "SSN 219-09-9999"}, {"id": 2, "text": "nothing"}, {"id": "c", "text": "😀 312-867-5309"}]
stdin = "".join(json.dumps(x) + "\n" for x in lines).encode()
rc, out, err = run(["check", "--jsonl"] + TEST, stdin)
recs = [json.loads(x) for x in out.splitlines()]
check("jsonl exit 0", rc == 0, f"rc={rc} {err}")
check("jsonl one line per post", [r["id"] for r in recs] == ["a", 2, "c"], out)
check("jsonl finding keys", set(recs[0]["findings"][0]) == {"start", "end", "category", "rule", "severity", "score"}, out)
check("jsonl utf16", recs[2]["findings"][0]["start"] == 3 and recs[2]["findings"][0]["end"] == 15, out)
check("jsonl risk", recs[1]["risk"] == {"level": "none", "score": 0.0}, out)
rc, out, err = run(["check", "--jsonl"] + TEST, b'{"id":1,"text":"x"}\nnot json\n')
check("jsonl bad line → 2, others still written", rc == 2 and len(out.splitlines()) == 1 and ":2:" in err, err)
big = "".join(json.dumps({"id": i, "text": "Pt 67-year-old, SSN 219-09-9999, call 312-867-5309. " * 20}) + "\n"
              for i in range(1500)).encode()
t0 = time.time()
rc, out, _ = run(["check", "--jsonl"], big)
check("jsonl 1500 lines with default packs in < 10 s", rc == 0 and len(out.splitlines()) == 1500 and
      time.time() - t0 < 10, f"{time.time() - t0:.2f}s")

# redact
rc, out, _ = run(["redact"] + TEST, b"SSN 219-09-9999, a 67-year-old\n")
check("redact", rc == 0 and out == "SSN [SSN], a 60-some-year-old\n", repr(out))
rc, out, _ = run(["redact", "--strategy", "mask"] + TEST, b"SSN 219-09-9999")
check("redact --strategy mask", out == "SSN •••-••-••••", repr(out))
rc, out, _ = run(["redact", "--min-severity", "high"] + TEST, b"SSN 219-09-9999, a 67-year-old")
check("redact --min-severity", out == "SSN [SSN], a 67-year-old", repr(out))

# pack validate / test
rc, out, err = run(["pack", "validate", BASE, CLINIC])
check("pack validate ok", rc == 0 and out.count(": ok: pack") == 2, out + err)
rc, out, err = run(["pack", "validate", os.path.join(FIX, "invalid", "duplicate-id.json")])
check("pack validate error → 2", rc == 2 and "duplicate rule id" in err, err)
rc, out, err = run(["pack", "test", BASE, CLINIC])
check("pack test passes", rc == 0 and "0 failed" in out, out + err)
# Every default pack passes `pack test` on its own, as a compliance office would run it on a copy: a pack whose
# propagate rules start from other packs' findings gets the other default packs loaded first.
for name in open(os.path.join(SRC, "rules", "packs.txt"), encoding="utf-8").read().split():
    rc, out, err = run(["pack", "test", os.path.join(SRC, "rules", name)])
    check("pack test rules/" + name, rc == 0 and " 0 failed" in out, out[-600:] + err)
with tempfile.TemporaryDirectory() as tmp:
    pack = json.load(open(BASE, encoding="utf-8"))
    pack["rules"][0]["examples"]["no_match"].append("SSN 219-09-9999")
    pack["rules"][1]["examples"]["match"].append({"text": "call 911", "span": "911"})
    path = os.path.join(tmp, "broken.json")
    json.dump(pack, open(path, "w", encoding="utf-8"))
    rc, out, err = run(["pack", "test", path])
    check("pack test failure → 1", rc == 1, f"rc={rc}")
    check("pack test names rule and example", "FAIL test-base/t-ssn: examples.no_match[2]" in out and
          "FAIL test-base/t-phone: examples.match[1]" in out, out)
if os.path.exists(os.path.join(SRC, "rules", "packs.txt")):
    names = [x.strip() for x in open(os.path.join(SRC, "rules", "packs.txt")) if x.strip() and not x.startswith("#")]
    rc, out, err = run(["pack", "test"] + [os.path.join(SRC, "rules", n) for n in names])
    check("default packs pass their examples", rc == 0, out[-2000:] + err)

for f in failures:
    print("FAIL", f)
print(f"cli tests: {len(failures)} failed")
sys.exit(1 if failures else 0)
