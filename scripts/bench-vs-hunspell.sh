#!/usr/bin/env bash
# Throughput of `svocr run -j 1` against `hunspell -d sv_SE -l` (which only lists the misspelled
# words) on the same distinct OCR'd documents, side by side. Target (issue 19): svocr ≥ 5× the
# words per second of hunspell.
#
# Usage: scripts/bench-vs-hunspell.sh [DOCUMENTS] [BYTES_PER_DOCUMENT] [RUNS]
#        (defaults 300 documents of 8000 bytes, best of 3 runs)
#
# The corpus is made by scripts/bench-corpus.sh (distinct documents of shuffled runs of lines of
# the development set's OCR output, never copies of one text) under target/bench/. svocr reads the
# directory, hunspell the same files concatenated on its standard input. Words are counted by
# `wc -w` over the same bytes for both. The machine may be shared, so the figure that counts is
# CPU time (user + system); wall time is shown beside it.
#
# It installs nothing. Needs: GNU time (/usr/bin/time, Debian package `time`), python3, and for
# the comparison hunspell with a Swedish dictionary:
#   Debian/Ubuntu: sudo apt-get install hunspell hunspell-sv-se   (or hunspell-sv)
#   Fedora:        sudo dnf install hunspell hunspell-sv
#   macOS:         brew install hunspell, and sv_SE.dic/.aff in ~/Library/Spelling
# Without hunspell only svocr is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-300}
bytes=${2:-8000}
runs=${3:-3}
svocr=${SVOCR:-target/release/svocr}
[ -x "$svocr" ] || cargo build -q --release --locked
corpus=target/bench/distinct-$docs-$bytes
[ -d "$corpus" ] || scripts/bench-corpus.sh "$corpus" "$docs" "$bytes"
all=$corpus.all
cat "$corpus"/*.txt > "$all"
words=$(wc -w < "$all")
mb=$(awk -v b="$(wc -c < "$all")" 'BEGIN { printf "%.2f", b / 1e6 }')

# Best of $runs: prints "cpu_seconds wall_seconds".
best() {
  local best_cpu="" best_wall="" log
  log=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$log" -f '%U %S %e' "$@" > /dev/null 2>&1 || true
    read -r u s e < <(tail -1 "$log")
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
    if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
      best_cpu=$cpu; best_wall=$e
    fi
  done
  rm -f "$log"
  echo "$best_cpu $best_wall"
}

echo "corpus: $docs distinct documents, $mb MB, $words words ($corpus)"
read -r svocr_cpu svocr_wall <<< "$(best "$svocr" run -j 1 "$corpus")"
svocr_rate=$(awk -v w="$words" -v t="$svocr_cpu" 'BEGIN { printf "%.0f", w / t }')
printf '%-32s %8s s cpu %8s s wall %10s words/s\n' "svocr run -j 1" "$svocr_cpu" "$svocr_wall" "$svocr_rate"
dictionaries=$(hunspell -D < /dev/null 2>&1 || true)
if ! command -v hunspell > /dev/null || [[ $dictionaries != *sv_SE* ]]; then
  echo "hunspell with sv_SE not found: install it (see the head of this script) to compare" >&2
  exit 0
fi
read -r h_cpu h_wall <<< "$(best sh -c "hunspell -d sv_SE -l < '$all'")"
h_rate=$(awk -v w="$words" -v t="$h_cpu" 'BEGIN { printf "%.0f", w / t }')
printf '%-32s %8s s cpu %8s s wall %10s words/s\n' "hunspell -d sv_SE -l" "$h_cpu" "$h_wall" "$h_rate"
awk -v a="$svocr_rate" -v b="$h_rate" 'BEGIN { printf "svocr / hunspell: %.2f× (target ≥ 5×)\n", a / b }'
