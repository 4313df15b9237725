#!/usr/bin/env python3
"""How many of a batch's copies an index scan paired with their source.

Usage: index_recall.py REPORT.json TRUTH.tsv

TRUTH.tsv is index_corpus.py's list of copies (copy id, source id); only the batch's copies
(ids starting with 'b') are counted, since the archive was added as a baseline.
"""
import json
import sys

report = json.load(open(sys.argv[1]))
found = {tuple(sorted((pair["a"], pair["b"]))) for pair in report["pairs"]}
copies = [line.split() for line in open(sys.argv[2]) if line.startswith("b")]
hits = sum(tuple(sorted(copy)) in found for copy in copies)
print(f"{len(found)} new pairs, {len(report['clusters'])} new clusters; "
      f"{hits} of the batch's {len(copies)} copies paired with their source")
