#!/usr/bin/env bash
# The Spark example end to end: a virtual environment with the svocr package, pyspark and pyarrow
# from PyPI, examples/spark_job.py in local mode on every *.txt and *.pdf under fixtures/, and its Parquet
# tables checked against the records of `svocr run` (scripts/check-spark.py). Needs Java 17 (on
# the machine; pyspark 3.5 runs on Java 8, 11 and 17).
#
# Usage: scripts/test-spark.sh
# The environment is target/spark-venv (reused when it exists; delete it for a clean run).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java > /dev/null; then
    # The machines have Java 17; a CI machine without it gets Debian's.
    [ -n "${CI:-}" ] || { echo "test-spark: java not found (Spark needs Java 17)" >&2; exit 2; }
    apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless > /dev/null
fi
venv=target/spark-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# pyspark 3.5.5 supports Python 3.8–3.12 and Java 8/11/17; pyarrow only reads the Parquet back.
"$venv/bin/pip" install --quiet --disable-pip-version-check ./python pyspark==3.5.5 pyarrow==21.0.0
# `--workspace`: the features the Python package's build resolves, so one build serves both.
cargo build --release --locked --quiet --workspace --bins

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
input=$PWD/fixtures
# Exit 1 (a total mismatch) or 2 (an unreadable document) still writes every record.
./target/release/svocr run --format jsonl "$input" > "$out/cli.jsonl" 2> /dev/null || [ $? -le 2 ]
# Spark's Python workers run the environment's interpreter (on a cluster: spark.pyspark.python).
export PYSPARK_PYTHON=$PWD/$venv/bin/python
# Spark's own logging is noise here; errors still reach stderr.
"$venv/bin/python" examples/spark_job.py --input "$input" --output "$out/parquet" \
    --master "local[2]" 2> "$out/spark.log" || { cat "$out/spark.log" >&2; exit 1; }
"$venv/bin/python" scripts/check-spark.py "$out/cli.jsonl" "$out/parquet"
