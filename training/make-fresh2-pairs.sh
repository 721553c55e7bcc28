#!/usr/bin/env bash
# Regenerates training/pairs/fresh2: a second set of gov-eng OCR pairs of official texts no
# other pair set was made from — the ~100 texts of the context corpus (training/corpus/context)
# that make-fresh-pairs.sh leaves out (it shuffles them with seed 7 and takes the first 36) and
# the prose paragraphs of the tables development set (training/tables/docs; a paragraph counts
# as prose when it has at least 8 words and at most 1 digit in 20 characters) — run together into
# six texts of ≈ 3 200 words, one paragraph per block as `roundtrip` expects. Made to find the
# words the repair breaks on prose it was not tuned on (issue 15).
# Usage: training/make-fresh2-pairs.sh      Env: RT=path/to/roundtrip (as make-pairs.sh)
set -euo pipefail
cd "$(dirname "$0")"
RT=${RT:-/work/shared/tools/ocr-roundtrip/roundtrip}
out=pairs/fresh2
rm -f "$out"/*.txt; mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import glob, random, sys
tmp = sys.argv[1]
def paragraphs(f):
    text = open(f, encoding="utf-8").read()
    return [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]
def prose(p):
    return len(p.split()) >= 8 and 20 * sum(c.isdigit() for c in p) <= len(p)
context = sorted(glob.glob("corpus/context/*.txt"))
random.Random(7).shuffle(context)
rest = context[36:]  # the texts make-fresh-pairs.sh did not use
tables = [p for f in sorted(glob.glob("tables/docs/*.txt")) for p in paragraphs(f) if prose(p)]
for i in range(6):
    paras = [p for f in rest[i::6] for p in paragraphs(f)] + tables[i::6]
    open(f"{tmp}/official-mix-{i}.txt", "w", encoding="utf-8").write("\n\n".join(paras) + "\n")
PY
for i in 0 1 2 3 4 5; do
  "$RT" --jobs 1 --preset gov-eng --seed $((20 + i)) "$tmp/official-mix-$i.txt" "$out/official-mix-${i}__goveng-s$((20 + i)).ocr.txt"
done
