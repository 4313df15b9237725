#!/usr/bin/env python3
"""Keep only copy passages (verbatim, edited, rewritten) of `syndetect compare --pairs` output,
in the {"a", "b", "passages": [{"a", "b"}]} shape plagdet.py reads ("a" = suspicious, "b" = source).

Usage: pan13_detections.py COMPARE.jsonl DETECTIONS.jsonl
Prints counts of pairs, relations and passage kinds to stderr.
"""
import collections
import json
import sys

COPY_KINDS = {"verbatim", "edited", "rewritten"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    relations, kinds = collections.Counter(), collections.Counter()
    with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
        for line in src:
            if not line.strip():
                continue
            p = json.loads(line)
            relations[p.get("relation") or "none"] += 1
            kinds.update(q.get("kind") for q in p.get("passages", []))
            passages = [{"a": q["a"], "b": q["b"]} for q in p.get("passages", [])
                        if q.get("kind") in COPY_KINDS]
            out.write(json.dumps({"a": p["a"], "b": p["b"], "passages": passages}) + "\n")
    print(f"pairs={sum(relations.values())} relations: " + " ".join(f"{k}={v}" for k, v in sorted(relations.items())),
          file=sys.stderr)
    print("passage kinds: " + " ".join(f"{k}={v}" for k, v in sorted(kinds.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
