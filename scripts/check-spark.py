#!/usr/bin/env python3
"""Checks the Spark example's Parquet tables against the CLI's records of the same documents.

Usage: check-spark.py CLI.jsonl OUT

CLI.jsonl is `svocr run --format jsonl DIR`, OUT the output of `examples/spark_job.py --input DIR`.
The expected rows are derived here from the CLI's records, read with exact decimals, so a value
the job rounded, a row it lost or duplicated, or a document it read twice fails the check. Exits
1 with the first differences listed.
"""

import json
import sys
from decimal import Decimal

import pyarrow.parquet as pq

COUNTED = ["pages", "amounts", "dates", "periods", "villkor", "references", "tables", "totals"]


def money(x):
    return None if x is None else Decimal(x)


def expected(records):
    docs, amounts, totals = [], [], []
    for r in records:
        edits = r.get("edits") or []
        doc = {
            "source": r["source"],
            "status": r["status"],
            "error": r.get("error"),
            "encoding": r.get("encoding"),
            "text": r.get("text"),
            "edits": len(edits),
            "edits_applied": sum(1 for e in edits if e.get("applied")),
        }
        doc.update({key: len(r.get(key) or []) for key in COUNTED})
        docs.append(doc)
        for i, a in enumerate(r.get("amounts") or []):
            cell = a.get("cell") or {}
            amounts.append(
                {
                    "source": r["source"],
                    "index": i,
                    "value": money(a.get("value")),
                    "min": money(a.get("min")),
                    "max": money(a.get("max")),
                    "currency": a.get("currency"),
                    "text": a.get("text"),
                    "start": a.get("start"),
                    "end": a.get("end"),
                    "qualifier": a.get("qualifier"),
                    "approximate": a.get("approximate"),
                    "per": a.get("per"),
                    **{f"cell_{k}": cell.get(k) for k in ["table", "row", "column", "label", "header", "total"]},
                }
            )
        for i, t in enumerate(r.get("totals") or []):
            totals.append(
                {
                    "source": r["source"],
                    "index": i,
                    "status": t.get("status"),
                    **{k: money(t.get(k)) for k in ["stated", "computed", "difference", "tolerance"]},
                    "method": t.get("method"),
                    "start": t.get("start"),
                    "end": t.get("end"),
                    "components": t.get("components"),
                }
            )
    return {"documents": docs, "amounts": amounts, "totals": totals}


def key(row):
    return (row["source"], row.get("index", -1))


def main():
    cli, out = sys.argv[1], sys.argv[2]
    with open(cli, encoding="utf-8") as f:
        # Exact decimals: a float here would hide a rounding in the job.
        records = [json.loads(line, parse_float=Decimal) for line in f]
    problems = []
    sizes = []
    for table, want in expected(records).items():
        got = pq.read_table(f"{out}/{table}").to_pylist()
        sizes.append(f"{len(got)} {table}")
        if len(got) != len(want):
            problems.append(f"{table}: {len(got)} rows, the CLI's records give {len(want)}")
        got.sort(key=key)
        want.sort(key=key)
        for g, w in zip(got, want):
            if set(g) != set(w):
                problems.append(f"{table}: columns {sorted(g)}, expected {sorted(w)}")
                break
            for column in w:
                if g[column] != w[column]:
                    problems.append(
                        f"{table} {key(w)}: {column} is {g[column]!r}, the CLI has {w[column]!r}"
                    )
    if problems:
        print("check-spark: the Parquet tables differ from the CLI's records:", file=sys.stderr)
        for p in problems[:20]:
            print(f"  {p}", file=sys.stderr)
        sys.exit(1)
    if not records:
        print("check-spark: the CLI gave no records", file=sys.stderr)
        sys.exit(1)
    print(f"check-spark: {', '.join(sizes)}: equal to the CLI's {len(records)} records")


if __name__ == "__main__":
    main()
