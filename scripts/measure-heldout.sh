#!/usr/bin/env bash
# Measures repair on held-out OCR/GT pairs: CER/WER before and after, with the tool's `measure`
# (NFC, whitespace collapsed). GT, OCR and repaired OCR all go through svocr's own layout stage
# first, so line-end hyphenation is joined the same way on every side.
# Usage: scripts/measure-heldout.sh [PAIRS-DIR]   (default training/pairs/heldout)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-training/pairs/heldout}
MEASURE=${MEASURE:-../shared/tools/ocr-roundtrip/measure}
cargo build -q --release --example repair
BIN=target/release/examples/repair
OUT=$(mktemp -d)
for gt in "$DIR"/*.gt.txt; do
  name=$(basename "$gt" .gt.txt)
  ocr="$DIR/$name.ocr.txt"
  "$BIN" --no-repair "$gt" > "$OUT/$name.gt.txt"
  "$BIN" --no-repair "$ocr" > "$OUT/$name.before.txt"
  "$BIN" "$ocr" > "$OUT/$name.after.txt"
done
cat "$OUT"/*.gt.txt > "$OUT/all.gt"; cat "$OUT"/*.before.txt > "$OUT/all.before"; cat "$OUT"/*.after.txt > "$OUT/all.after"
echo "== before repair"; "$MEASURE" "$OUT/all.before" "$OUT/all.gt" > "$OUT/m.txt"; head -3 "$OUT/m.txt"
echo "== after repair"; "$MEASURE" "$OUT/all.after" "$OUT/all.gt" > "$OUT/m.txt"; head -3 "$OUT/m.txt"
echo "(texts in $OUT)"
