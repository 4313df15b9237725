"""Loaded by Python at start-up when this folder is on PYTHONPATH (scripts/bench with
BENCH_CPU_CLOCK=1 puts it there for the peers harness only): time.perf_counter becomes
time.process_time, so every stage the harness times is reported in CPU seconds of its own
process (user + system, all threads) instead of wall seconds, which a loaded machine inflates."""
import time

time.perf_counter = time.process_time
