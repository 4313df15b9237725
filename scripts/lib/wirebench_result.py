#!/usr/bin/env python3
"""Convert a syndetect JSON report into WireBench's RESULT format (see score.py's docstring).

Usage: wirebench_result.py REPORT.json RESULT.json

Pairs: only report pairs whose relation says copy (verbatim, edited, rewritten, partial);
score = the larger of the two coverages; passages = only copy kinds (verbatim, edited,
rewritten), never boilerplate or quote passages. Clusters: origin (may be null) and members.
Does not read truth.json. Prints one line of counts to stderr.
"""
import json
import sys

COPY_RELATIONS = {"verbatim", "edited", "rewritten", "partial"}
COPY_KINDS = {"verbatim", "edited", "rewritten"}


def convert(report):
    pairs = []
    for p in report["pairs"]:
        if p.get("relation") not in COPY_RELATIONS:
            continue
        pairs.append({
            "a": p["a"], "b": p["b"],
            "score": max((p.get("coverage") or {}).values(), default=0.0),
            "source": p.get("source"), "derived": p.get("derived"),
            "passages": [{"a": q["a"], "b": q["b"]} for q in p.get("passages", [])
                         if q.get("kind") in COPY_KINDS],
        })
    clusters = [{"origin": c.get("origin"), "members": c["members"]} for c in report["clusters"]]
    return {"pairs": pairs, "clusters": clusters}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        report = json.load(f)
    result = convert(report)
    with open(sys.argv[2], "w") as f:
        json.dump(result, f, sort_keys=True)
    print(f"converted: {len(report['pairs'])} report pairs -> {len(result['pairs'])} copy pairs, "
          f"{len(result['clusters'])} clusters", file=sys.stderr)


if __name__ == "__main__":
    main()
