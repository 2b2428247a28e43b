#!/usr/bin/env python3
"""Build tests/heldout2's gold JSONL files (ids heldout2-post-NNN, heldout2-note-NNN) with the same builder,
validator and on-disk check as tests/heldout (make_gold.run).

Usage: python3 tests/heldout2/make_gold2.py           rebuild posts.jsonl, notes.jsonl
       python3 tests/heldout2/make_gold2.py --check   verify they are up to date
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in tests/heldout
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "heldout"))
import make_gold  # noqa: E402

if __name__ == "__main__":
    make_gold.run(HERE, "heldout2")
