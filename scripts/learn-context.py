#!/usr/bin/env python3
"""Regenerates dictionaries/sv-bigrams.tsv: which word follows which in clean public-sector text.

The repair uses these counts as context (`Skalen for` is `Skälen för`, not `Skålen för`; `den
vird som` is `den vård som`): see `src/repair/context.rs`.

Input: the clean texts under training/corpus/ (the collected documents and training/corpus/context/),
except
  * the held-out texts listed in training/heldout.list (they are for measuring only), and
  * the project's seeds (`0NN_*.txt`), whose gold output the tests compare against.

A bigram is two words (runs of letters, lower-cased, NFC) separated only by spaces inside one
paragraph: punctuation, digits, hyphens and paragraph breaks end the run, so no pair spans a clause
boundary or a heading.

Output: `word<TAB>next word<TAB>count` per pair seen, sorted by UTF-8 bytes, unique.

Usage: scripts/learn-context.py [--corpus DIR] [--heldout FILE] [--out PATH]
"""
import argparse
import collections
import pathlib
import re
import sys
import unicodedata

# A run of words separated by single spaces (or tabs): the unit inside which pairs are counted.
RUN = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")
# Word characters that may continue a token: a letter glued to a digit, hyphen or apostrophe
# belongs to a longer token (`covid-19`, `e-tjänst`), which is not a plain word.
GLUE = set("-'’/:")


def runs(text):
    for para in re.split(r"\n\s*\n", text):
        line = " ".join(para.split("\n"))
        for m in RUN.finditer(line):
            before = line[m.start() - 1] if m.start() > 0 else " "
            after = line[m.end()] if m.end() < len(line) else " "
            words = m.group().split()
            # Drop a first/last word that is glued to something else (`e-tjänster`, `2020-talet`).
            if before in GLUE or before.isdigit():
                words = words[1:]
            if after in GLUE or after.isdigit():
                words = words[:-1]
            yield [unicodedata.normalize("NFC", w).lower() for w in words]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="training/corpus")
    ap.add_argument("--heldout", default="training/heldout.list")
    ap.add_argument("--out", default="dictionaries/sv-bigrams.tsv")
    a = ap.parse_args()

    heldout = set()
    for line in open(a.heldout, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            heldout.add(line)
    root = pathlib.Path(a.corpus)
    files = sorted(p for p in root.rglob("*.txt"))
    used = [p for p in files if p.name not in heldout and not re.match(r"\d{3}_", p.name)]
    counts = collections.Counter()
    words = 0
    for p in used:
        for run in runs(p.read_text(encoding="utf-8")):
            words += len(run)
            counts.update(zip(run, run[1:]))
    # Sorted by the pair (`word<TAB>next`), the order build.rs and the hygiene test expect.
    lines = [f"{x}\t{y}\t{n}" for (x, y), n in counts.items()]
    lines.sort(key=lambda s: s.rsplit("\t", 1)[0].encode("utf-8"))
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            fh.write(line + "\n")
    print(
        f"{a.out}: {len(lines)} pairs, {sum(counts.values())} occurrences, from {len(used)} files"
        f" ({words} words; left out {len(files) - len(used)} held-out or seed files)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
