#!/usr/bin/env python3
"""Regenerates training/oldprint/: OCR/GT pairs of Swedish newspaper print from 1818–1848.

Source: the *training split* (`TRAIN_DATA/`, 6 742 lines) of the public OCR ground-truth set of
Swedish newspapers 1818–1848 in the GitHub repository `mskelb/OCR_SB` (line images `NNNNNNN.bin.png`
and their transcriptions `NNNNNNN.gt.txt`). Its test split (`TEST_DATA/`, `TEST_1671.zip`) is never
read. See training/oldprint/README.md for provenance and why the pairs themselves are not committed.

The snapshot is read with `git` (no work tree needed): give the path of its git directory, as the
search tool's `fetch github:mskelb/OCR_SB` returns it.

What it writes, for the first `--lines` lines of the training split in their stored order (which
keeps runs of consecutive lines of one article together):
  * documents of `--per-doc` consecutive lines; even-numbered documents go to `tune/`, odd ones to
    `heldout/` (interleaved, so both halves cover the same papers and years);
  * for each document and each tesseract model in `--models`: `sb-NNNN__tess-MODEL.gt.txt` (the
    transcriptions, one line each, BOM stripped, NFC, a form feed at the end: one page) and
    `sb-NNNN__tess-MODEL.ocr.txt` (tesseract 5 `--psm 7` on each line image, same layout). That is
    the pair format of training/README.md, so `svocr eval --gold DIR DIR/*.ocr.txt` scores it.

Deterministic for the same snapshot, tesseract and traineddata versions.

Usage: scripts/make-oldprint.py --snapshot GITDIR [--out training/oldprint] [--lines 800]
                                [--per-doc 40] [--models swe,eng] [--jobs 2]
"""
import argparse
import concurrent.futures
import os
import pathlib
import subprocess
import sys
import tempfile
import unicodedata

SPLIT = "TRAIN_DATA"


def git(snapshot, *args, text=True):
    return subprocess.run(
        ["git", "--git-dir", snapshot, *args], check=True, capture_output=True, text=text
    ).stdout


def clean(line):
    return unicodedata.normalize("NFC", line.replace("\ufeff", "").strip())


def ocr(png, model):
    out = subprocess.run(
        ["tesseract", str(png), "-", "-l", model, "--psm", "7"],
        check=True,
        capture_output=True,
        text=True,
        # One thread per call: parallel calls with tesseract's own OpenMP threads each crawl
        # (seconds a line instead of a fraction of one on a shared 2-core machine).
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    ).stdout
    # One line image, one line of text: tesseract may split it or add a trailing form feed.
    return clean(" ".join(out.replace("\f", " ").split()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshot", required=True)
    ap.add_argument("--out", default="training/oldprint")
    ap.add_argument("--lines", type=int, default=800)
    ap.add_argument("--per-doc", type=int, default=40)
    ap.add_argument("--models", default="swe,eng")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()

    names = git(a.snapshot, "ls-tree", "--name-only", f"HEAD:{SPLIT}").split()
    stems = sorted({n.split(".")[0] for n in names if n.endswith(".gt.txt")})[: a.lines]
    models = a.models.split(",")
    out = pathlib.Path(a.out)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        gt, pngs = {}, {}
        for s in stems:
            gt[s] = clean(git(a.snapshot, "show", f"HEAD:{SPLIT}/{s}.gt.txt"))
            png = tmp / f"{s}.png"
            png.write_bytes(git(a.snapshot, "show", f"HEAD:{SPLIT}/{s}.bin.png", text=False))
            pngs[s] = png
        jobs = [(s, m) for m in models for s in stems]
        with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
            read = dict(zip(jobs, pool.map(lambda j: ocr(pngs[j[0]], j[1]), jobs)))
    words = {"tune": 0, "heldout": 0}
    for d in range(0, len(stems), a.per_doc):
        doc = stems[d : d + a.per_doc]
        part = "tune" if (d // a.per_doc) % 2 == 0 else "heldout"
        (out / part).mkdir(parents=True, exist_ok=True)
        words[part] += sum(len(gt[s].split()) for s in doc)
        for m in models:
            name = out / part / f"sb-{int(doc[0]):04d}__tess-{m}"
            pathlib.Path(f"{name}.gt.txt").write_text(
                "\n".join(gt[s] for s in doc) + "\n\f", encoding="utf-8"
            )
            pathlib.Path(f"{name}.ocr.txt").write_text(
                "\n".join(read[(s, m)] for s in doc) + "\n\f", encoding="utf-8"
            )
    print(
        f"{out}: {len(stems)} lines of {SPLIT}, {a.per_doc} a document, models {models};"
        f" GT words tune {words['tune']}, held-out {words['heldout']}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
