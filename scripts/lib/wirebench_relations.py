#!/usr/bin/env python3
"""Relation-label accuracy of a syndetect report on WireBench.

Usage: wirebench_relations.py TRUTH.json REPORT.json

For every true (original, derived) pair, looks up the relation syndetect gave the pair
("-" when the report does not list it) and tabulates it against the truth transformation.
Accuracy counts only detected pairs (relation verbatim / edited / rewritten / partial) and
accepts: verbatim -> verbatim; truncated -> verbatim or partial; edited -> edited;
spun -> rewritten; rewritten -> rewritten; merged -> partial (against both originals).
"""
import collections
import json
import sys

EXPECTED = {"verbatim": {"verbatim"}, "truncated": {"verbatim", "partial"}, "edited": {"edited"},
            "spun": {"rewritten"}, "rewritten": {"rewritten"}, "merged": {"partial"}}
ROWS = ["verbatim", "truncated", "edited", "spun", "rewritten", "merged"]
COLS = ["verbatim", "edited", "rewritten", "partial", "quotes", "boilerplate", "-"]
DETECTED = {"verbatim", "edited", "rewritten", "partial"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        truth = json.load(f)
    with open(sys.argv[2]) as f:
        report = json.load(f)
    relation = {frozenset((p["a"], p["b"])): p.get("relation") or "-" for p in report["pairs"]}
    table = collections.defaultdict(collections.Counter)
    for d in truth["documents"]:
        kind = d["transformation"]
        if kind not in EXPECTED:
            continue
        for orig in (d.get("original_id"), d.get("secondary_original_id")):
            if orig:
                table[kind][relation.get(frozenset((d["id"], orig)), "-")] += 1
    print("RELATIONS  truth transformation (rows) vs syndetect relation (columns), original<->copy pairs")
    print(f"  {'':10}" + "".join(f"{c:>12}" for c in COLS) + f"{'accuracy':>12}")
    right = total = 0
    for row in ROWS:
        counts = table[row]
        ok = sum(counts[c] for c in EXPECTED[row])
        n = sum(counts[c] for c in DETECTED)
        right, total = right + ok, total + n
        acc = f"{ok / n:.3f}" if n else "-"
        print(f"  {row:10}" + "".join(f"{counts[c]:12d}" for c in COLS) + f"{acc:>12}")
    print(f"  relation accuracy on detected original<->copy pairs: {right / max(total, 1):.3f} ({right} of {total})")


if __name__ == "__main__":
    main()
