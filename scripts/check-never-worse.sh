#!/usr/bin/env bash
# Issue 15, "never worse than the input": repair must not make text it does not fit worse.
#
# 1. Clean modern text: every ground-truth text of training/pairs/train (*.gt.txt) and every
#    training/corpus/*.txt is run as if it were OCR; the word repairs applied (edits of kind
#    diacritic and after, not layout) are counted and listed. Fails above MAX_CLEAN_EDITS.
# 2. Older print (1818–1848 newspapers, training/oldprint/): CER with repair against CER with
#    layout only (`eval --no-repair`), on the tune half (`--heldout`: the held-out half, to report
#    once). Fails when the repair makes it worse. Skipped with a message when the pairs have not been generated
#    (scripts/make-oldprint.py, see training/oldprint/README.md).
#
# Usage: scripts/check-never-worse.sh [--heldout]
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_CLEAN_EDITS=${MAX_CLEAN_EDITS:-0}
PART=tune
[[ "${1:-}" == "--heldout" ]] && PART=heldout
cargo build -q --release --locked
BIN=./target/release/svocr
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0

echo "== clean modern text (ground truth run as input)"
edits=$("$BIN" run training/pairs/train/*.gt.txt training/corpus/*.txt 2>/dev/null | python3 -c '
import json, sys
LAYOUT = {"nfc", "soft-hyphen", "ligature", "newline", "hyphenation", "unwrap", "furniture"}
docs = total = 0
for line in sys.stdin:
    r = json.loads(line)
    docs += 1
    text = open(r["source"], encoding="utf-8").read().encode()
    for e in r["edits"]:
        if e["applied"] and e["kind"] not in LAYOUT:
            total += 1
            before = text[e["start"]:e["end"]].decode(errors="replace")
            source, after, kind = r["source"], e["after"], e["kind"]
            print(f"  {source}: {before!r} -> {after!r} ({kind})", file=sys.stderr)
print(docs, total)
')
read -r docs changed <<<"$edits"
echo "$docs documents, $changed word(s) changed by repair (allowed: $MAX_CLEAN_EDITS)"
if (( changed > MAX_CLEAN_EDITS )); then status=1; fi

echo "== older print: training/oldprint/$PART"
if ! compgen -G "training/oldprint/$PART/*.ocr.txt" >/dev/null; then
  echo "skipped: no pairs in training/oldprint/$PART (make them with scripts/make-oldprint.py)"
else
  # Layout (line joins) runs either way; what repair adds is the difference between the two.
  for mode in plain repaired; do
    flag=(); [[ $mode == plain ]] && flag=(--no-repair)
    "$BIN" eval "${flag[@]}" --format jsonl --gold "training/oldprint/$PART" \
      "training/oldprint/$PART"/*.ocr.txt 2>/dev/null >"$TMP/$mode.jsonl"
  done
  python3 - "$TMP/plain.jsonl" "$TMP/repaired.jsonl" <<'PY' || status=1
import json, sys
def docs(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("text") and "name" in r:
            out[r["name"]] = r["text"]
    return out
plain, repaired = docs(sys.argv[1]), docs(sys.argv[2])
chars = sum(t["gt_chars"] for t in plain.values())
ocr = sum(t["input"]["char_edits"] for t in plain.values())
before = sum(t["output"]["char_edits"] for t in plain.values())
after = sum(t["output"]["char_edits"] for t in repaired.values())
print(f"{len(plain)} documents, {chars} characters: CER of the OCR {ocr / chars:.2%}, "
      f"after layout {before / chars:.2%}, after repair {after / chars:.2%}")
worse = [f"{n} ({plain[n]['output']['cer']:.2%} -> {t['output']['cer']:.2%})"
         for n, t in repaired.items() if t["output"]["char_edits"] > plain[n]["output"]["char_edits"]]
if worse:
    print("repair made worse:", ", ".join(worse))
sys.exit(1 if after > before else 0)
PY
fi
exit $status
