#!/usr/bin/env bash
# Throughput of `svocr run --db` against JSON Lines on a batch of N distinct files (default 1000)
# made from the repository's fixtures and development documents, and the time of a second,
# incremental run over the same batch. Issue 20's targets: --db at least 70 % of the JSON Lines
# throughput; the second run under 10 % of the first.
#
#   cargo build --release --locked && scripts/bench-db.sh [N] [THREADS]
#
# Each figure is the best of 3 runs (a fresh database each time for the first-run figure).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
threads=${2:-}
bin=./target/release/svocr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t sources < <(find fixtures/seeds fixtures/ocr fixtures/tables/docs fixtures/tables/ocr \
  fixtures/totals/docs training/tables/docs training/tables/ocr training/totals/docs \
  training/pairs/train -name '*.txt' ! -name '*.gt.txt' | sort)
mkdir -p "$work/batch"
for ((i = 0; i < n; i++)); do
  cp "${sources[i % ${#sources[@]}]}" "$work/batch/$(printf '%05d' "$i").txt"
done
bytes=$(cat "$work"/batch/*.txt | wc -c)
echo "batch: $n files ($bytes bytes) from ${#sources[@]} distinct documents; threads: ${threads:-all}"
jobs=()
[[ -n $threads ]] && jobs=(-j "$threads")

best() { # best wall time in seconds of 3 runs of "$@" (after a setup command in $setup)
  local b=""
  for _ in 1 2 3; do
    eval "$setup"
    local t0 t1
    t0=$(date +%s.%N)
    "$@" 2>/dev/null || true
    t1=$(date +%s.%N)
    b=$(echo "$t0 $t1 $b" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
  done
  echo "$b"
}

setup=":"
jsonl=$(best "$bin" run "$work/batch" "${jobs[@]}" -o "$work/out.jsonl")
setup="rm -f '$work'/x.sqlite*"
db=$(best "$bin" run "$work/batch" "${jobs[@]}" --db "$work/x.sqlite")
both=$(best "$bin" run "$work/batch" "${jobs[@]}" --db "$work/x.sqlite" -o "$work/both.jsonl")
setup=":"
"$bin" run "$work/batch" "${jobs[@]}" --db "$work/x.sqlite" 2>/dev/null || true
second=$(best "$bin" run "$work/batch" "${jobs[@]}" --db "$work/x.sqlite")
awk -v j="$jsonl" -v d="$db" -v b="$both" -v s="$second" -v n="$n" -v bytes="$bytes" 'BEGIN {
  printf "JSON Lines (-o):      %6.2f s  %6.0f docs/s  %5.2f MB/s\n", j, n / j, bytes / j / 1e6
  printf "--db (new database):  %6.2f s  %6.0f docs/s  %5.1f %% of JSON Lines\n", d, n / d, 100 * j / d
  printf "--db and -o:          %6.2f s  %6.0f docs/s  %5.1f %% of JSON Lines\n", b, n / b, 100 * j / b
  printf "--db, second run:     %6.2f s  %5.1f %% of the first --db run\n", s, 100 * s / d
}'
ls -l "$work/x.sqlite" "$work/out.jsonl" | awk '{print $5, $9}'
