#!/usr/bin/env bash
# Regenerates training/pairs/fresh: gov-eng OCR pairs of official texts the repair was not built
# on — the prose of the totals development set's tune documents (training/totals/docs) and of
# the context corpus (training/corpus/context, whose word pairs the repair does count) — run
# together into a few long texts, one paragraph per block as `roundtrip` expects.
# Usage: training/make-fresh-pairs.sh      Env: RT=path/to/roundtrip (as make-pairs.sh)
set -euo pipefail
cd "$(dirname "$0")"
RT=${RT:-/work/shared/tools/ocr-roundtrip/roundtrip}
out=pairs/fresh
rm -f "$out"/*.txt; mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import glob, random, sys
tmp = sys.argv[1]
def mix(files, name):
    paras = []
    for f in files:
        text = open(f, encoding="utf-8").read()
        paras += [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]
    open(f"{tmp}/{name}.txt", "w", encoding="utf-8").write("\n\n".join(paras) + "\n")
totals = sorted(glob.glob("totals/docs/*.txt"))
for i in range(3):
    mix(totals[i * 15:(i + 1) * 15], f"totals-mix-{i}")
context = sorted(glob.glob("corpus/context/*.txt"))
random.Random(7).shuffle(context)
for i in range(3):
    mix(context[i * 12:(i + 1) * 12], f"context-mix-{i}")
PY
for i in 0 1 2; do
  "$RT" --jobs 1 --preset gov-eng --seed 9 "$tmp/totals-mix-$i.txt" "$out/totals-mix-${i}__goveng-s9.ocr.txt"
  "$RT" --jobs 1 --preset gov-eng --seed $((10 + i)) "$tmp/context-mix-$i.txt" "$out/context-mix-${i}__goveng-s$((10 + i)).ocr.txt"
done
