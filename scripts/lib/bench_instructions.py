#!/usr/bin/env python3
"""Instructions per document for signature building, counted by callgrind, so that a busy
machine's wall clock does not matter: syndetect's sketch-bench (instructions inside
DocumentSketcher.fillSignature, raw UTF-8 text -> MinHash-128) and rensa-r
(RMinHash.from_token_sets on the harness's shingle sets, 128 permutations, seed 42, one
thread: a run that builds the shingle sets and signs them, minus a run that only builds them,
both with PYTHONHASHSEED=0 so that they do the same work up to the signing).

  .venv-peers/bin/python scripts/lib/bench_instructions.py PEERS_DIR CORPUS.jsonl SKETCH_BENCH [DOCS]

DOCS (default 1000): the first DOCS documents of the corpus are used. Needs valgrind.
"""
import os
import subprocess
import sys
import tempfile

peers_dir, corpus, sketch_bench = sys.argv[1:4]
docs = int(sys.argv[4]) if len(sys.argv) > 4 else 1000
work = tempfile.mkdtemp(prefix="bench-instructions-")
sample = os.path.join(work, "sample.jsonl")
with open(corpus, encoding="utf-8") as source, open(sample, "w", encoding="utf-8") as out:
    for index, line in enumerate(source):
        if index == docs:
            break
        out.write(line)


def instructions(command, *options):
    """Total instructions callgrind counts for `command` (with `options` for callgrind)."""
    out = os.path.join(work, "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *options, *command],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "RAYON_NUM_THREADS": "1", "PYTHONHASHSEED": "0"})
    with open(out, encoding="utf-8") as profile:
        for line in profile:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1])
    raise SystemExit("bench_instructions: no totals in the callgrind output")


# sketch-bench signs every document twice (a warm-up pass and one timed run).
syndetect = instructions([sketch_bench, sample, "--runs", "1", "--check", "0", "--general", "0"],
                         "--toggle-collect=*fillSignature*") / (2 * docs)
rensa_script = os.path.join(work, "rensa_run.py")
with open(rensa_script, "w", encoding="utf-8") as script:
    script.write(
        "import sys\n"
        f"sys.path.insert(0, {peers_dir!r})\n"
        "import bench_peers, rensa\n"
        "ids, texts = bench_peers.load_docs(sys.argv[1])\n"
        "shingles = [bench_peers.shingle_doc(t, 5) for t in texts]\n"
        "if sys.argv[2] == 'sign':\n"
        "    rensa.RMinHash.from_token_sets(shingles, 128, 42)\n")
with_signing = instructions([sys.executable, rensa_script, sample, "sign"])
without = instructions([sys.executable, rensa_script, sample, "skip"])
rensa = (with_signing - without) / docs
print(f"first {docs:,} documents of {os.path.basename(corpus)}: syndetect DocumentSketcher "
      f"{syndetect:,.0f} instructions per document (raw text), rensa-r {rensa:,.0f} "
      f"(pre-tokenised shingle sets); ratio {rensa / syndetect:.2f}")
