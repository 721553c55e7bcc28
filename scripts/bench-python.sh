#!/usr/bin/env bash
# Throughput of the Python package against itself and the CLI, on 1 000 distinct fixture-like
# documents: every *.txt under fixtures/ in turn, each copy given a closing paragraph of its own
# (a decision number and an amount), so no two documents are equal.
#
# Prints documents per second for process_many with threads=1 and threads=2, for
# `svocr run -j 1` / `-j 2` on the same documents written to files (process start, reading and
# writing the JSON Lines included), and the share of json.loads in the Python figure. Best of
# REPEAT rounds (default 3), the four runs of a round in turn: the machine is shared, the best
# run is the least disturbed.
#
# Usage: scripts/bench-python.sh [N_DOCUMENTS]   (after scripts/test-python.sh made target/py-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-target/py-venv}
[ -x "$venv/bin/python" ] || { echo "bench-python: run scripts/test-python.sh first" >&2; exit 2; }
cargo build --release --locked --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
N=${1:-1000} REPEAT=${REPEAT:-3} DIR=$dir "$venv/bin/python" - <<'PY'
import json, os, resource, subprocess, time
from pathlib import Path

import svocr

n, repeat, out = int(os.environ["N"]), int(os.environ["REPEAT"]), Path(os.environ["DIR"])
fixtures = sorted(p for p in Path("fixtures").rglob("*") if p.suffix.lower() == ".txt")
items = []
for i in range(n):
    data = fixtures[i % len(fixtures)].read_bytes()
    extra = f"\n\nBeslut {i + 1}/2026: Bidraget uppgår till {1000 + 17 * i} kronor.\n"
    items.append((f"doc{i:05}.txt", data + extra.encode()))
for source, data in items:
    (out / source).write_bytes(data)
mb = sum(len(d) for _, d in items) / 1e6

def measure(f):
    """Wall time and CPU seconds (this process and its children) of one run of `f`."""
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    f()
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime for a, b in [(r0, r1), (c0, c1)])
    return wall, cpu

def best(*fs):
    """Best (wall, CPU) of `repeat` runs of each of `fs`, run in turn so that a busy spell on a
    shared machine falls on all of them alike; on a busy machine wall times scale badly, CPU
    time per document still compares."""
    runs = [[] for _ in fs]
    for _ in range(repeat):
        for f, r in zip(fs, runs):
            r.append(measure(f))
    return [min(r) for r in runs]

def cli(threads):
    subprocess.run(
        ["target/release/svocr", "run", "-j", str(threads), "--format", "jsonl", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )

(t1, u1), (t2, u2), (c1, v1), (c2, v2) = best(
    lambda: svocr.process_many(items, threads=1),
    lambda: svocr.process_many(items, threads=2),
    lambda: cli(1),
    lambda: cli(2),
)
lines = subprocess.run(
    ["target/release/svocr", "run", "--format", "jsonl", str(out)],
    capture_output=True, check=False,
).stdout.decode().splitlines()
[(tl, ul)] = best(lambda: [json.loads(line) for line in lines])

print(f"{n} documents, {mb:.1f} MB, best of {repeat}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
print(f"process_many threads=1: {n / t1:5.0f} docs/s ({1000 * u1 / n:.2f} CPU ms/doc)   svocr run -j 1: {n / c1:5.0f} docs/s ({1000 * v1 / n:.2f} CPU ms/doc)")
print(f"process_many threads=2: {n / t2:5.0f} docs/s ({1000 * u2 / n:.2f} CPU ms/doc)   svocr run -j 2: {n / c2:5.0f} docs/s ({1000 * v2 / n:.2f} CPU ms/doc)")
print(f"threads=2 / threads=1: {t1 / t2:.2f}x   (CLI -j 2 / -j 1: {c1 / c2:.2f}x)")
print(f"Python / CLI throughput: threads=1 {c1 / t1:.2f}, threads=2 {c2 / t2:.2f}; CPU per document {v1 / u1:.2f}, {v2 / u2:.2f}")
print(f"json.loads of the {n} records: {1000 * ul / n:.2f} CPU ms/doc ({100 * ul / u1:.1f} % of process_many's CPU)")
PY
