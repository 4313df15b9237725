#!/usr/bin/env python3
"""Signature rates by CPU time, for a machine too busy for wall clocks: rensa-r exactly as
bench_peers.py calls it (RMinHash.from_token_sets on the harness's shingle sets, 128
permutations, seed 42, RAYON_NUM_THREADS=1) and syndetect's sketch-bench, alternating, ROUNDS
times. Prints docs per CPU second for each and the median of the per-round ratios.

  .venv-peers/bin/python scripts/lib/bench_cpu.py PEERS_DIR CORPUS.jsonl SKETCH_BENCH [ROUNDS]
"""
import json
import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("RAYON_NUM_THREADS", "1")
peers_dir, corpus, sketch_bench = sys.argv[1:4]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
sys.path.insert(0, peers_dir)
import bench_peers  # noqa: E402
import rensa  # noqa: E402

ids, texts = bench_peers.load_docs(corpus)
shingles = [bench_peers.shingle_doc(t, 5) for t in texts]
rows = []
for r in range(rounds):
    cpu, wall = time.process_time(), time.perf_counter()
    rensa.RMinHash.from_token_sets(shingles, 128, 42)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    sketch = json.loads(subprocess.run([sketch_bench, corpus, "--runs", "1", "--check", "0", "--general", "0"],
                                       check=True, text=True, stdout=subprocess.PIPE).stdout)
    rows.append((len(ids) / cpu, len(ids) / wall, sketch["docs_per_cpu_s"], sketch["docs_per_s"]))
    print(f"round {r + 1}: rensa-r {rows[-1][0]:,.0f} docs/CPU-s ({rows[-1][1]:,.0f} docs/s wall); "
          f"syndetect {rows[-1][2]:,.0f} docs/CPU-s ({rows[-1][3]:,.0f} docs/s wall)", flush=True)
print(f"median: rensa-r {statistics.median(r[0] for r in rows):,.0f} docs/CPU-s, "
      f"syndetect {statistics.median(r[2] for r in rows):,.0f} docs/CPU-s, "
      f"ratio {statistics.median(r[2] / r[0] for r in rows):.2f}x "
      f"(wall: {statistics.median(r[3] / r[1] for r in rows):.2f}x)")
