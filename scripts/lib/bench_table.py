#!/usr/bin/env python3
"""Runs syndetect and the peers harness round by round on one corpus and prints medians and
ratios (called by scripts/bench, which sets up the environment and the builds).

Each round runs, in this order: the harness (bench_peers.py: datasketch, rensa-r, simhash,
each in a fresh process), sketch-bench (syndetect's signatures from raw text, one thread),
and `syndetect scan` of the corpus to a JSON report with one thread and with all cores.
Ratios are taken within a round, then the median over rounds is reported, since the machine
is shared and absolute times drift between rounds.

Definitions follow bench_peers.py exactly:
- signature rate = documents / seconds of signature building (the harness times rensa from
  pre-tokenised shingle sets; sketch-bench times syndetect from raw UTF-8 text);
- a peer's pipeline = load + tokenise/shingle + signatures + LSH build + query + verification
  by signature estimate, the sum of the harness's own timings;
- precision and recall are against all pairs with exact 5-word-shingle Jaccard >= 0.5 under
  the harness's tokenisation, computed with the harness's own functions.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

PEERS = ["datasketch", "rensa-r", "simhash"]
# BENCH_CPU_CLOCK=1: the harness times its stages in CPU seconds (cpu_clock/sitecustomize.py)
# and syndetect's speed-ups are taken on its CPU seconds (user + system) too.
CPU_CLOCK = os.environ.get("BENCH_CPU_CLOCK") == "1"


def harness_env():
    """The environment of a harness run: with CPU_CLOCK, Python loads cpu_clock/sitecustomize.py."""
    env = dict(os.environ)
    if CPU_CLOCK:
        folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpu_clock")
        env["PYTHONPATH"] = folder + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def timed_scan(syndetect, corpus, threads, report_path):
    """Wall seconds, CPU seconds and peak RSS (MB) of one `syndetect scan` to a JSON report."""
    rss_file = report_path + ".rss"
    cmd = ["/usr/bin/time", "-f", "%U %S %M", "-o", rss_file, syndetect, "scan", corpus,
           "--format", "json", "--quiet", "--threads", str(threads)]
    cmd += os.environ.get("SYNDETECT_SCAN_ARGS", "").split()  # e.g. "--candidates documents"
    with open(report_path, "w") as out:
        start = time.perf_counter()
        run(cmd, stdout=out)
        wall = time.perf_counter() - start
    with open(rss_file) as f:
        user, system, rss_kb = f.read().split()[-3:]
    os.unlink(rss_file)
    return wall, float(user) + float(system), int(rss_kb) / 1024


def exact_pairs(peers_dir, corpus_jsonl, threshold):
    """Pairs with exact Jaccard >= threshold, by the harness's own tokenisation and code."""
    sys.path.insert(0, peers_dir)
    import bench_peers  # noqa: E402
    ids, texts = bench_peers.load_docs(corpus_jsonl)
    shingles = [bench_peers.shingle_doc(t, 5) for t in texts]
    exact = bench_peers.exact_pairs_sparse(shingles, threshold)
    return ids, exact


def score(pairs, exact, injected):
    tp = sum(1 for p in pairs if p in exact)
    high = [k for k in injected if k in exact]
    return {
        "pairs": len(pairs),
        "precision": tp / len(pairs) if pairs else 1.0,
        "recall": tp / len(exact) if exact else 1.0,
        "injected_recall_jge_t": sum(1 for k in high if k in pairs) / len(high) if high else None,
    }


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", required=True, help="prefix: PREFIX.jsonl and PREFIX.truth.json")
    ap.add_argument("--peers", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--syndetect", required=True)
    ap.add_argument("--sketch-bench", required=True)
    ap.add_argument("--scan-runs", type=int, default=None, help="rounds that also time the scans (default: all)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2, help="the all-cores scan")
    ap.add_argument("--table-only", action="store_true", help="print the table from the rounds saved in --out")
    args = ap.parse_args()
    scan_runs = args.runs if args.scan_runs is None else max(0, min(args.scan_runs, args.runs))
    corpus = args.corpus + ".jsonl"
    truth_path = args.corpus + ".truth.json"
    rounds_path = os.path.join(args.out, "rounds.json")
    rounds = []
    if args.table_only:
        with open(rounds_path) as f:
            rounds = json.load(f)
        for r in rounds:
            r["scans"] = {int(t): v for t, v in r["scans"].items()}
    for r in range(1, (0 if args.table_only else args.runs) + 1):
        print(f"bench: round {r} of {args.runs}", file=sys.stderr, flush=True)
        peers_json = os.path.join(args.out, f"peers-{r}.json")
        cmd = [sys.executable, os.path.join(args.peers, "bench_peers.py"), corpus, "--peers", ",".join(PEERS),
               "--json-out", peers_json, "--exact", "none"]
        with open(os.path.join(args.out, f"peers-{r}.log"), "w") as log:
            run(cmd, stdout=log, stderr=subprocess.STDOUT, env=harness_env())
        with open(peers_json) as f:
            peers = json.load(f)
        first = r == 1
        sketch = json.loads(run([args.sketch_bench, corpus, "--runs", "3", "--check", "20000" if first else "0",
                                 "--general", "2000" if first else "0"], stdout=subprocess.PIPE).stdout)
        scans = {}
        for threads in ((1, args.threads) if r <= scan_runs else ()):
            report = os.path.join(args.out, f"report-{threads}t.json")
            wall, cpu, rss = timed_scan(args.syndetect, corpus, threads, report)
            scans[threads] = {"seconds": wall, "cpu_seconds": cpu, "peak_rss_mb": rss, "report": report}
        rounds.append({"peers": peers, "sketch": sketch, "scans": scans})
        with open(rounds_path, "w") as f:
            json.dump(rounds, f, indent=1)

    # Accuracy: the reports of every round and thread count are the same bytes, so score one.
    syndetect_score, identical, exact = None, None, None
    if rounds[0]["scans"]:
        reports = [open(s["report"], "rb").read() for s in rounds[0]["scans"].values()]
        identical = all(rep == reports[0] for rep in reports)
        ids, exact = exact_pairs(args.peers, corpus, 0.5)
        position = {d: i for i, d in enumerate(ids)}
        report = json.loads(reports[0])
        pairs = set()
        for p in report["pairs"]:
            i, j = position[p["a"]], position[p["b"]]
            pairs.add((min(i, j), max(i, j)))
        with open(truth_path) as f:
            truth = json.load(f)
        injected = set()
        for p in truth["pairs"]:
            if p["a"] in position and p["b"] in position:
                i, j = position[p["a"]], position[p["b"]]
                injected.add((min(i, j), max(i, j)))
        syndetect_score = score(pairs, exact, injected)
    # The peers' verified pairs are scored by rerunning the harness once with exact truth.
    scored_json = os.path.join(args.out, "peers-scored.json")
    scored = None
    if syndetect_score is not None:
        if not (args.table_only and os.path.exists(scored_json)):
            print("bench: scoring the peers against exact Jaccard (one more harness run)", file=sys.stderr, flush=True)
            with open(os.path.join(args.out, "peers-scored.log"), "w") as log:
                run([sys.executable, os.path.join(args.peers, "bench_peers.py"), corpus, "--peers", ",".join(PEERS),
                     "--json-out", scored_json, "--exact", "sparse", "--truth", truth_path],
                    stdout=log, stderr=subprocess.STDOUT, env=harness_env())
        with open(scored_json) as f:
            scored = json.load(f)

    docs = rounds[0]["peers"]["input"]["docs"]
    megabytes = rounds[0]["peers"]["input"]["bytes"] / 1e6

    def pipeline_seconds(round_, peer):
        p, i = round_["peers"]["peers"][peer], round_["peers"]["input"]
        return i["load_s"] + i["shingle_s"] + p["sig_s"] + p["lsh_build_s"] + p["lsh_query_s"] + p["verify_s"]

    sig = {peer: median([docs / r["peers"]["peers"][peer]["sig_s"] for r in rounds]) for peer in PEERS}
    sig["syndetect"] = median([r["sketch"]["docs_per_s"] for r in rounds])
    sig_ratio = median([r["sketch"]["docs_per_s"] / (docs / r["peers"]["peers"]["rensa-r"]["sig_s"]) for r in rounds])
    tokenise = median([docs / r["peers"]["input"]["shingle_s"] for r in rounds])
    pipe = {peer: median([pipeline_seconds(r, peer) for r in rounds]) for peer in PEERS}
    scanned = [r for r in rounds if r["scans"]]
    scan = {t: median([r["scans"][t]["seconds"] for r in scanned]) for t in rounds[0]["scans"]}
    scan_cpu = {t: median([r["scans"][t]["cpu_seconds"] for r in scanned]) for t in rounds[0]["scans"]}
    scan_rss = {t: max(r["scans"][t]["peak_rss_mb"] for r in scanned) for t in rounds[0]["scans"]}
    clock = "cpu_seconds" if CPU_CLOCK else "seconds"
    speedup = {(t, peer): median([pipeline_seconds(r, peer) / r["scans"][t][clock] for r in scanned])
               for t in rounds[0]["scans"] for peer in PEERS}
    general = rounds[0]["sketch"].get("general_path_docs_per_s")

    print()
    print(f"Corpus: {docs:,} documents, {megabytes:.1f} MB ({os.path.basename(corpus)}); "
          f"medians of {len(rounds)} rounds ({len(scanned)} with scans); {os.cpu_count()} cores")
    if CPU_CLOCK:
        print("Clock: CPU seconds (BENCH_CPU_CLOCK=1): the peers' stage times and rates are CPU seconds of the "
              "harness's processes; syndetect's speed-ups are on its CPU seconds (user + system).")
    print()
    print("Signatures (MinHash-128 unless noted), one thread")
    print()
    print("| contender | from | docs/s | MB/s | vs rensa-r |")
    print("|---|---|---:|---:|---:|")
    print(f"| syndetect `DocumentSketcher` | raw UTF-8 text (folds, tokenises, shingles, XXH3, one-permutation) | "
          f"{sig['syndetect']:,.0f} | {sig['syndetect'] * megabytes / docs:,.1f} | **{sig_ratio:.2f}×** |")
    for peer, what in (("rensa-r", "pre-tokenised shingle sets (R-MinHash)"),
                       ("datasketch", "pre-tokenised shingles (SHA-1)"),
                       ("simhash", "pre-tokenised shingles (SimHash-64, MD5)")):
        print(f"| {peer} | {what} | {sig[peer]:,.0f} | {sig[peer] * megabytes / docs:,.1f} | "
              f"{sig[peer] / sig['rensa-r']:.2f}× |")
    print(f"| the harness's Python tokenising alone | raw text → shingle sets | {tokenise:,.0f} | "
          f"{tokenise * megabytes / docs:,.1f} | — |")
    if general:
        print(f"| syndetect general path (`AnalyzedText` → `Shingling` → `SortedHashSet` → `MinHasher`), "
              f"first 2,000 docs | raw text | {general:,.0f} | {general * megabytes / docs:,.1f} | "
              f"{general / sig['rensa-r']:.2f}× |")
    print()
    if not scanned:
        print("Whole pipeline: not timed (--scan-runs 0).")
    else:
      print("Whole pipeline: corpus → candidates → verified pairs (syndetect: also aligned passages, "
            "clusters and a JSON report)")
      print()
      print("| contender | seconds | docs/s | speed-up of syndetect, 1 thread | speed-up of syndetect, all cores | "
            "precision | recall | injected recall | peak RSS MB |")
      print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
      threads = sorted(scan)
      for t in threads:
          s = syndetect_score
          print(f"| syndetect scan, {t} thread{'s' if t > 1 else ''} | {scan[t]:.2f} (CPU {scan_cpu[t]:.2f}) | "
                f"{docs / scan[t]:,.0f} | — | — | "
                f"{s['precision']:.3f} | {s['recall']:.3f} | {s['injected_recall_jge_t']:.3f} | {scan_rss[t]:,.0f} |")
      for peer in PEERS:
          v = scored["peers"][peer]["verified"]
          print(f"| {peer} pipeline | {pipe[peer]:.2f} | {docs / pipe[peer]:,.0f} | "
                f"**{speedup[(threads[0], peer)]:.2f}×** | **{speedup[(threads[-1], peer)]:.2f}×** | "
                f"{v['precision']:.3f} | {v['recall']:.3f} | {v['injected_recall_jge_t']:.3f} | "
                f"{scored['peers'][peer]['peak_rss_mb']:,.0f} |")
      print()
      print(f"Exact pairs at Jaccard ≥ 0.5: {len(exact):,}; syndetect reports {syndetect_score['pairs']:,} pairs "
            f"(it also reports partial reuse below 0.5, which counts against its precision here). "
            f"Reports byte-identical at 1 and {threads[-1]} threads: {'yes' if identical else 'NO'}.")
    print()
    print(f"Signatures equal to the general path: {rounds[0]['sketch']['checked_equal_to_general_path']:,} of "
          f"{docs:,} checked.")
    results = {"docs": docs, "megabytes": megabytes, "rounds": rounds, "signature_docs_per_s": sig,
               "signature_ratio_vs_rensa_r": sig_ratio, "pipeline_seconds": pipe,
               "scan_seconds": {str(t): v for t, v in scan.items()},
               "scan_speedup": {f"{t}t/{p}": v for (t, p), v in speedup.items()},
               "syndetect_score": syndetect_score,
               "peers_scored": {p: scored["peers"][p]["verified"] for p in PEERS} if scored else None,
               "reports_identical_across_threads": identical}
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, default=str)


if __name__ == "__main__":
    main()
