#!/usr/bin/env bash
# Checks that a refactoring changed no output: runs every user-facing command of the work tree and
# of BASE_REV over the shipped documents and compares the bytes.
#
# Usage: scripts/same-output.sh BASE_REV
#        BASE_BIN=/path/to/svocr scripts/same-output.sh BASE_REV   # BASE_REV's binary already built
#
# Compared, for fixtures/ and training/ (every *.txt below them, all development sets):
# - `svocr run` JSON Lines (with and without repair, --check) and `--format text`;
# - `svocr eval` against the fixtures' gold and the held-out pairs, as text, JSON, JSON Lines,
#   JUnit XML and HTML;
# - `svocr explain` for a handful of words, as text and JSON, with and without context.
# BASE_REV is built once in a scratch worktree under target/same-output/ and its outputs are kept
# there, keyed by commit, so later checks against the same base only build the work tree.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/same-output.sh BASE_REV}
sha=$(git rev-parse --verify "$base^{commit}")
root=$PWD/target/same-output
mkdir -p "$root"

# Writes the outputs of binary $1 into directory $2. Exit codes are recorded, not fatal: a mismatch
# exit of `run --check` or a floor miss is itself output to compare.
outputs() {
  local bin=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"
  local docs=(fixtures training)
  local rc
  run() { local name=$1; shift; rc=0; "$@" > "$out/$name" 2>/dev/null || rc=$?; echo "$name $rc" >> "$out/exit-codes"; }
  run run.jsonl "$bin" run -j 2 "${docs[@]}"
  run run-no-repair.jsonl "$bin" run -j 2 --no-repair "${docs[@]}"
  run run-check.jsonl "$bin" run -j 2 --check "${docs[@]}"
  run run-low-confidence.jsonl "$bin" run -j 2 --min-confidence 0.3 "${docs[@]}"
  run run.text "$bin" run -j 2 --format text "${docs[@]}"
  run run-j1.jsonl "$bin" run -j 1 "${docs[@]}"
  run eval-fixtures.text "$bin" eval --gold fixtures/gold fixtures/seeds fixtures/ocr --floor fixtures/floors.json
  run eval-fixtures.json "$bin" eval --gold fixtures/gold fixtures/seeds fixtures/ocr --format json
  run eval-fixtures.jsonl "$bin" eval --gold fixtures/gold fixtures/seeds fixtures/ocr --format jsonl
  run eval-fixtures.junit "$bin" eval --gold fixtures/gold fixtures/seeds fixtures/ocr --format junit --floor fixtures/floors.json
  run eval-fixtures.html "$bin" eval --gold fixtures/gold fixtures/seeds fixtures/ocr --format html
  run eval-heldout.text "$bin" eval --gold training/pairs/heldout training/pairs/heldout/*.ocr.txt
  run eval-heldout.json "$bin" eval --gold training/pairs/heldout training/pairs/heldout/*.ocr.txt --format json
  local w
  for w in f6r Skalen 6verenskommelsen Forsikringskassan terrapporterar 1 kr Mkr vird; do
    run "explain-$w.text" "$bin" explain "$w"
    run "explain-$w.json" "$bin" explain "$w" --json
  done
  run explain-context.text "$bin" explain Skalen --context "Skalen for en reviderad överenskommelse"
  run explain-context.json "$bin" explain vird --context "den vird som inte är akut" --json
}

base_out=$root/$sha
if [ ! -f "$base_out/exit-codes" ]; then
  if [ -n "${BASE_BIN:-}" ]; then
    outputs "$BASE_BIN" "$base_out"
  else
    wt=$root/worktree-$sha
    [ -d "$wt" ] || git worktree add --detach -q "$wt" "$sha"
    (cd "$wt" && CARGO_TARGET_DIR=$root/target-base cargo build -q --release --locked)
    outputs "$root/target-base/release/svocr" "$base_out"
    git worktree remove --force "$wt"
  fi
fi

cargo build -q --release --locked
head_out=$root/work-tree
outputs target/release/svocr "$head_out"

if diff -r -q "$base_out" "$head_out"; then
  echo "same output: $(ls "$head_out" | wc -l) outputs byte-identical to $base ($sha)"
else
  echo "outputs differ from $base ($sha); see: diff -r $base_out $head_out" >&2
  exit 1
fi
