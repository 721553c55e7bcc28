#!/usr/bin/env bash
# Writes a benchmark corpus of distinct OCR'd documents, never copies of one text.
#
# Usage: scripts/bench-corpus.sh OUT_DIR DOCUMENTS BYTES_PER_DOCUMENT [SEED]
#
# The lines come from the repository's own OCR output on the development side (training/pairs/*/
# *.ocr.txt and training/tables/ocr/*.txt); the held-out pairs (training/pairs/heldout) and
# fixtures/ are not used, so no held-out text is ever run for speed or profiled. Each document is a
# different random sequence of short runs of consecutive lines (1–8 lines, so paragraphs, lists and
# table rows keep some of their shape), drawn until the document reaches its size. The same
# arguments always give the same bytes (a seeded generator), so figures are comparable run to run.
# Needs python3 (standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/bench-corpus.sh OUT_DIR DOCUMENTS BYTES_PER_DOCUMENT [SEED]}
docs=${2:?documents}
bytes=${3:?bytes per document}
seed=${4:-19}
mkdir -p "$out"
python3 - "$out" "$docs" "$bytes" "$seed" <<'PY'
import glob, os, random, sys
out, docs, size, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
pairs = [p for p in glob.glob("training/pairs/*/*.ocr.txt") if "/heldout/" not in p]
sources = sorted(pairs + glob.glob("training/tables/ocr/*.txt"))
texts = [open(p, encoding="utf-8").read().split("\n") for p in sources]
texts = [t for t in texts if len(t) > 1]
rng = random.Random(seed)
width = max(5, len(str(docs)))
for d in range(docs):
    parts, n = [], 0
    while n < size:
        lines = rng.choice(texts)
        start = rng.randrange(len(lines))
        run = "\n".join(lines[start:start + rng.randint(1, 8)]) + "\n"
        parts.append(run)
        n += len(run.encode("utf-8"))
    with open(os.path.join(out, f"doc-{d:0{width}d}.txt"), "w", encoding="utf-8") as f:
        f.write("".join(parts))
PY
