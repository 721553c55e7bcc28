#!/usr/bin/env bash
# Scaling of `svocr run`: time per MB, peak memory, threads and start-up, on distinct OCR'd
# documents made by scripts/bench-corpus.sh under target/bench/. Targets (issue 19):
#
# - linear: CPU seconds per MB within 15 % of the 1 MB figure up to 64 MB, for one document of
#   that size and for a batch of 8 kB documents of that total size;
# - memory: peak RSS ≤ 3 × input + 60 MB for one document of 32 MB; for a batch, the same
#   whatever the number of documents (records are streamed, never all held);
# - threads: `-j 2` wall time ≥ 1.8 × faster than `-j 1` on a batch (needs 2 idle cores);
# - start-up: ≤ 20 ms for a one-word document.
#
# Usage: scripts/bench-scale.sh [SIZES_MB]     (default "1 4 16 64"; 32 MB is always measured)
#
# Each figure is one run measured by GNU time (/usr/bin/time -v: user + system CPU seconds, wall
# seconds, maximum resident set size). The machine may be shared: CPU time is the figure that
# counts for linearity; the thread figure needs wall time and idle cores. It installs nothing
# (needs GNU time, Debian package `time`, and python3).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-1 4 16 64}
svocr=${SVOCR:-target/release/svocr}
[ -x "$svocr" ] || cargo build -q --release --locked
root=target/bench
mkdir -p "$root"

# Runs svocr on $@ once; prints "cpu_seconds wall_seconds max_rss_kb".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$svocr" run "$@" > /dev/null 2> "$log" || true
  awk -F': ' '
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    END { printf "%.2f %.2f %d\n", u + s, w, m }' "$log"
  rm -f "$log"
}

corpus() { # kind size_mb -> path
  local kind=$1 mb=$2 dir
  if [ "$kind" = single ]; then
    dir=$root/single-${mb}mb
    [ -d "$dir" ] || scripts/bench-corpus.sh "$dir" 1 $((mb * 1000000)) 64 > /dev/null
  else
    dir=$root/batch-${mb}mb
    [ -d "$dir" ] || scripts/bench-corpus.sh "$dir" $((mb * 125)) 8000 > /dev/null
  fi
  echo "$dir"
}

printf '%-8s %6s %6s %9s %9s %9s %10s\n' kind MB docs cpu_s wall_s cpu_s/MB peak_MB
for kind in single batch; do
  first=""
  for mb in $sizes; do
    dir=$(corpus "$kind" "$mb")
    read -r cpu wall rss <<< "$(measure -j 1 "$dir")"
    per=$(awk -v c="$cpu" -v m="$mb" 'BEGIN { printf "%.3f", c / m }')
    [ -n "$first" ] || first=$per
    dev=$(awk -v p="$per" -v f="$first" 'BEGIN { printf "%+.0f%%", 100 * (p - f) / f }')
    printf '%-8s %6s %6s %9s %9s %9s %10s   %s vs 1st\n' "$kind" "$mb" "$(ls "$dir" | wc -l)" \
      "$cpu" "$wall" "$per" "$((rss / 1024))" "$dev"
  done
done

dir=$(corpus single 32)
read -r cpu wall rss <<< "$(measure -j 1 "$dir")"
echo "memory, one 32 MB document: peak $((rss / 1024)) MB (target ≤ $((3 * 32 + 60)) MB), $cpu s cpu"

dir=$(corpus batch 4)
read -r _ wall1 _ <<< "$(measure -j 1 "$dir")"
read -r _ wall2 _ <<< "$(measure -j 2 "$dir")"
awk -v a="$wall1" -v b="$wall2" 'BEGIN { printf "threads, 4 MB batch: -j 1 %.2f s, -j 2 %.2f s wall: %.2f× (target ≥ 1.8×)\n", a, b, a / b }'

printf 'Hej\n' > "$root/one-word.txt"
start=$(date +%s%N)
for _ in $(seq 20); do "$svocr" run -j 1 "$root/one-word.txt" > /dev/null 2>&1; done
end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN { printf "start-up, one word: %.1f ms wall, mean of 20 (target ≤ 20 ms)\n", ns / 20 / 1e6 }'
