#!/usr/bin/env python3
"""svocr on Apache Spark: every document under a directory → Parquet tables of records and amounts.

    spark-submit examples/spark_job.py --input DIR --output OUT [--master local[2]]
    python examples/spark_job.py --input DIR --output OUT          # local mode, pip's pyspark

Reads every `*.txt` and `*.pdf` file under DIR (recursively, the extension in any case, as `svocr
run DIR` does) with `binaryFiles`, runs `svocr.process` on each inside `mapPartitions` (the executors need
the `svocr` package: see the README, "On Spark"), and writes three Parquet tables:

- OUT/documents: one row per document: source, status, error, encoding, text, and counts of
  edits (all and applied), pages, amounts, dates, periods, villkor, references, tables, totals.
- OUT/amounts: one row per amount: source, index (its place in the record's `amounts`, which
  totals' `components` refer to), value/min/max as decimal(20,2) (exact: öre), currency, text,
  start, end, qualifier, approximate, per, and the table cell's fields (table, row, column,
  label, header, total) when it is a cell.
- OUT/totals: one row per stated total: source, index, status, stated, computed, difference,
  tolerance (decimals), method, start, end, components.

A local file's source is its path (`/data/a.txt`, as `svocr run /data` writes it); on other file
systems it is the URI (`hdfs://…/a.txt`). DIR and OUT may be any URI Spark reads and writes.
"""

import argparse
from decimal import Decimal

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import types as T

MONEY = T.DecimalType(20, 2)  # i64 öre fits: 17 digits of kronor and 2 of öre.

COUNTED = ["pages", "amounts", "dates", "periods", "villkor", "references", "tables", "totals"]

DOCUMENTS = T.StructType(
    [
        T.StructField("source", T.StringType(), False),
        T.StructField("status", T.StringType(), False),
        T.StructField("error", T.StringType(), True),
        T.StructField("encoding", T.StringType(), True),
        T.StructField("text", T.StringType(), True),
        T.StructField("edits", T.IntegerType(), False),
        T.StructField("edits_applied", T.IntegerType(), False),
    ]
    + [T.StructField(name, T.IntegerType(), False) for name in COUNTED]
)

AMOUNTS = T.StructType(
    [
        T.StructField("source", T.StringType(), False),
        T.StructField("index", T.IntegerType(), False),
        T.StructField("value", MONEY, True),
        T.StructField("min", MONEY, True),
        T.StructField("max", MONEY, True),
        T.StructField("currency", T.StringType(), True),
        T.StructField("text", T.StringType(), True),
        T.StructField("start", T.LongType(), True),
        T.StructField("end", T.LongType(), True),
        T.StructField("qualifier", T.StringType(), True),
        T.StructField("approximate", T.BooleanType(), True),
        T.StructField("per", T.StringType(), True),
        T.StructField("cell_table", T.IntegerType(), True),
        T.StructField("cell_row", T.IntegerType(), True),
        T.StructField("cell_column", T.IntegerType(), True),
        T.StructField("cell_label", T.StringType(), True),
        T.StructField("cell_header", T.StringType(), True),
        T.StructField("cell_total", T.BooleanType(), True),
    ]
)

TOTALS = T.StructType(
    [
        T.StructField("source", T.StringType(), False),
        T.StructField("index", T.IntegerType(), False),
        T.StructField("status", T.StringType(), True),
        T.StructField("stated", MONEY, True),
        T.StructField("computed", MONEY, True),
        T.StructField("difference", MONEY, True),
        T.StructField("tolerance", MONEY, True),
        T.StructField("method", T.StringType(), True),
        T.StructField("start", T.LongType(), True),
        T.StructField("end", T.LongType(), True),
        T.StructField("components", T.ArrayType(T.IntegerType()), True),
    ]
)


def money(x):
    """A record's money (an int of kronor, or a float with öre) as an exact Decimal.

    `repr` of the float `json.loads` made is the shortest text that reads back as it, which for
    an amount with at most two decimals is the text the record had.
    """
    if x is None:
        return None
    return Decimal(x) if isinstance(x, int) else Decimal(repr(x))


def source_of(path):
    """The record's source for a file `binaryFiles` read: a local path as `svocr run` names it."""
    if path.startswith("file://"):
        return path[len("file://") :]
    if path.startswith("file:"):
        return path[len("file:") :]
    return path


def rows(partition, repair=True, min_confidence=0.5):
    """Records of a partition's (path, bytes) pairs as tagged rows for the three tables."""
    # Imported here: the function runs on the executors, which have the package, not the driver's
    # modules.
    import svocr

    for path, data in partition:
        source = source_of(path)
        r = svocr.process(bytes(data), source, repair=repair, min_confidence=min_confidence)
        edits = r.get("edits") or []

        def count(key):
            return len(r.get(key) or [])

        yield (
            "documents",
            (
                r["source"],
                r["status"],
                r.get("error"),
                r.get("encoding"),
                r.get("text"),
                len(edits),
                sum(1 for e in edits if e.get("applied")),
                *[count(key) for key in COUNTED],
            ),
        )
        for i, a in enumerate(r.get("amounts") or []):
            cell = a.get("cell") or {}
            yield (
                "amounts",
                (
                    r["source"],
                    i,
                    money(a.get("value")),
                    money(a.get("min")),
                    money(a.get("max")),
                    a.get("currency"),
                    a.get("text"),
                    a.get("start"),
                    a.get("end"),
                    a.get("qualifier"),
                    a.get("approximate"),
                    a.get("per"),
                    cell.get("table"),
                    cell.get("row"),
                    cell.get("column"),
                    cell.get("label"),
                    cell.get("header"),
                    cell.get("total"),
                ),
            )
        for i, t in enumerate(r.get("totals") or []):
            yield (
                "totals",
                (
                    r["source"],
                    i,
                    t.get("status"),
                    money(t.get("stated")),
                    money(t.get("computed")),
                    money(t.get("difference")),
                    money(t.get("tolerance")),
                    t.get("method"),
                    t.get("start"),
                    t.get("end"),
                    t.get("components"),
                ),
            )


def document_files(spark, directory):
    """Every `*.txt` and `*.pdf` file under `directory` (any depth, the extension in any case),
    sorted, as `svocr run DIR` finds them.

    Listed on the driver through Hadoop's FileSystem, so it works for HDFS, S3 and local paths
    alike, and files that are not documents are never read.
    """
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(directory)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    found = []
    files = fs.listFiles(path, True)
    while files.hasNext():
        p = files.next().getPath()
        if p.getName().lower().endswith((".txt", ".pdf")):
            found.append(p.toString())
    return sorted(found)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--input", required=True, help="directory (any Hadoop URI) of *.txt and *.pdf files"
    )
    parser.add_argument("--output", required=True, help="directory for the Parquet tables")
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--no-repair", action="store_true", help="as `svocr run --no-repair`")
    parser.add_argument("--min-confidence", type=float, default=0.5, help="as `svocr run`")
    parser.add_argument(
        "--partitions", type=int, help="input partitions (default: Spark's, at least 2)"
    )
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("svocr")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        paths = document_files(spark, args.input)
        if not paths:
            raise SystemExit(f"spark_job: no *.txt or *.pdf files under {args.input}")
        sc = spark.sparkContext
        # `binaryFiles` takes a comma-separated list; a comma inside a name is escaped.
        listed = ",".join(p.replace(",", "\\,") for p in paths)
        files = sc.binaryFiles(listed, minPartitions=args.partitions or sc.defaultParallelism)
        repair, min_confidence = not args.no_repair, args.min_confidence
        # Processed once for the three tables; spilled to disk when it does not fit in memory.
        tagged = files.mapPartitions(lambda part: rows(part, repair, min_confidence))
        tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
        for table, schema in [("documents", DOCUMENTS), ("amounts", AMOUNTS), ("totals", TOTALS)]:
            data = tagged.filter(lambda row, t=table: row[0] == t).map(lambda row: row[1])
            spark.createDataFrame(data, schema).write.mode("overwrite").parquet(
                f"{args.output.rstrip('/')}/{table}"
            )
        tagged.unpersist()
        print(f"spark_job: {len(paths)} documents → {args.output}")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
