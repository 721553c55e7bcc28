#!/usr/bin/env python3
"""Learns the OCR confusion model from OCR/GT training pairs.

In:  directories of `NAME.ocr.txt` / `NAME.gt.txt` pairs (made by shared/tools/ocr-roundtrip from
     clean Swedish text). Held-out pairs must never be passed: the script refuses any path that
     contains `heldout`.
Out: dictionaries/confusions.tsv, one `gt<TAB>ocr<TAB>count<TAB>cost` line per confusion, sorted:
     the ground-truth segment `gt` was read as `ocr` `count` times, and
     cost = -ln(count / occurrences of gt in the ground truth), the channel cost svocr's
     repair uses. `ocr` empty means the letters were dropped; a `gt` starting with `^` is a
     confusion at the start of a word (the dropped initial `ö` of `verenskommelsen`).

Both texts are NFC-normalised, hyphenation at line ends is kept on both sides (the pairs share
line breaks), whitespace is collapsed, and the pair is aligned with an exact Levenshtein
alignment (rapidfuzz). Each maximal run of edits between matching characters becomes one
confusion when both sides are at most 2 characters; longer equal-length runs are split into
single-character substitutions, other long runs (layout damage) are skipped.

Usage: scripts/learn-confusions.py DIR... [--out dictionaries/confusions.tsv] [--min-count 2]
"""
import argparse
import collections
import math
import pathlib
import re
import sys
import unicodedata

from rapidfuzz.distance import Levenshtein


def clean(text):
    # Lower case: svocr repairs lower-cased words and restores the case pattern afterwards.
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", text).strip()


def runs(gt, ocr):
    """Maximal runs of edits between matching characters, as (gt_start, gt_seg, ocr_seg)."""
    out = []
    cur = None
    for op in Levenshtein.opcodes(gt, ocr):
        if op.tag == "equal":
            if cur:
                out.append(cur)
                cur = None
            continue
        g, o = gt[op.src_start:op.src_end], ocr[op.dest_start:op.dest_end]
        if cur and cur[0] + len(cur[1]) == op.src_start:
            cur = (cur[0], cur[1] + g, cur[2] + o)
        else:
            if cur:
                out.append(cur)
            cur = (op.src_start, g, o)
    if cur:
        out.append(cur)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--out", default="dictionaries/confusions.tsv")
    ap.add_argument("--min-count", type=int, default=2)
    a = ap.parse_args()

    counts = collections.Counter()
    gt_texts = []
    npairs = 0
    for d in a.dirs:
        if "heldout" in d:
            sys.exit(f"{d}: held-out pairs are for measuring, never for learning")
        for gt_path in sorted(pathlib.Path(d).glob("*.gt.txt")):
            ocr_path = gt_path.with_name(gt_path.name[: -len(".gt.txt")] + ".ocr.txt")
            if not ocr_path.exists():
                continue
            gt = clean(gt_path.read_text(encoding="utf-8"))
            ocr = clean(ocr_path.read_text(encoding="utf-8"))
            gt_texts.append(gt)
            npairs += 1
            for start, g, o in runs(gt, ocr):
                if any(c.isspace() for c in g + o):
                    continue  # word splits and joins: layout, not spelling
                if len(g) <= 2 and len(o) <= 2:
                    initial = start == 0 or not gt[start - 1].isalnum()
                    key = ("^" + g) if (initial and o == "" and g.isalpha()) else g
                    if key:
                        counts[(key, o)] += 1
                elif len(g) == len(o):
                    for x, y in zip(g, o):
                        if x != y:
                            counts[(x, y)] += 1

    def occurrences(seg):
        if seg.startswith("^"):
            pat = re.compile(r"(?<!\w)" + re.escape(seg[1:]))
            return sum(len(pat.findall(t)) for t in gt_texts)
        return sum(t.count(seg) for t in gt_texts)

    rows = []
    for (g, o), n in counts.items():
        if n < a.min_count:
            continue
        occ = occurrences(g)
        if occ == 0:
            continue
        p = min(n / occ, 0.99)
        rows.append((g, o, n, -math.log(p)))
    rows.sort(key=lambda r: (r[0].encode(), r[1].encode()))
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for g, o, n, c in rows:
            fh.write(f"{g}\t{o}\t{n}\t{c:.3f}\n")
    print(f"{a.out}: {len(rows)} confusions from {npairs} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
