#!/usr/bin/env bash
# Throughput of the Python package against itself and the CLI, on 1 000 distinct fixture-like
# documents: every *.txt under fixtures/ in turn, each copy given a closing paragraph of its own
# (a decision number and an amount), so no two documents are equal.
#
# Prints documents per second for process_many with threads=1 and threads=2, for
# `svocr run -j 1` / `-j 2` on the same documents written to files (process start, reading and
# writing the JSON Lines included), and the share of json.loads in the Python figure. Best of
# REPEAT runs (default 3): the machine is shared, the best run is the least disturbed.
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
import json, os, subprocess, time
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

def best(f):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)

def cli(threads):
    subprocess.run(
        ["target/release/svocr", "run", "-j", str(threads), "--format", "jsonl", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )

t1 = best(lambda: svocr.process_many(items, threads=1))
t2 = best(lambda: svocr.process_many(items, threads=2))
c1 = best(lambda: cli(1))
c2 = best(lambda: cli(2))
lines = subprocess.run(
    ["target/release/svocr", "run", "--format", "jsonl", str(out)],
    capture_output=True, check=False,
).stdout.decode().splitlines()
tl = best(lambda: [json.loads(line) for line in lines])

print(f"{n} documents, {mb:.1f} MB, best of {repeat}")
print(f"process_many threads=1: {n / t1:7.0f} docs/s   svocr run -j 1: {n / c1:7.0f} docs/s   ratio {c1 / t1:.2f}")
print(f"process_many threads=2: {n / t2:7.0f} docs/s   svocr run -j 2: {n / c2:7.0f} docs/s   ratio {c2 / t2:.2f}")
print(f"threads=2 / threads=1: {t1 / t2:.2f}x   (CLI -j 2 / -j 1: {c1 / c2:.2f}x)")
print(f"json.loads of the {n} records: {tl * 1000:.0f} ms ({100 * tl / t2:.1f} % of process_many threads=2)")
PY
