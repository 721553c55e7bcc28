#!/usr/bin/env python3
"""Regenerates dictionaries/sv-words.tsv: Swedish word forms with frequencies.

Sources (see dictionaries/README.md for versions and licences):
  * word forms: Debian's hunspell-sv (sv_SE.dic + sv_SE.aff), affixes expanded with `unmunch`
    from hunspell-tools;
  * frequencies: the `large` Swedish list of the PyPI package `wordfreq`.

A form is kept when hunspell generates it AND wordfreq has seen it. Hunspell alone generates
~830 000 forms (11 MB, mostly rare inflections of compounds that svocr's compound analysis
accepts anyway); wordfreq alone is full of English, names and chat spellings (`ir`, `pa`,
`tex`) that must not count as Swedish words. The intersection is ~190 000 forms.

A second file, dictionaries/sv-heads.txt, lists every form hunspell lets begin or continue a
compound (`vård`, `hälso`, `försäkrings`, `vårds`), whether or not it is a word on its own.

Output: one `word<TAB>frequency` line per form; words lower-case NFC, alphabetic only; the
frequency is occurrences per billion words (>= 1); sorted by UTF-8 bytes (the order fst needs),
unique.

Usage: scripts/build-dictionaries.py [--dic PATH] [--aff PATH] [--out PATH]
"""
import argparse
import subprocess
import sys
import unicodedata

import wordfreq


def unmunch(dic, aff):
    """Every form hunspell generates, one per line; compound-only forms carry their flags
    (`solfläcks/WXZ|`)."""
    out = subprocess.run(["unmunch", dic, aff], check=True, capture_output=True).stdout
    return out.decode("utf-8").splitlines()


def hunspell_forms(lines):
    forms = set()
    for line in lines:
        # Compound-only parts come out with their flags (`solfläcks/WXZ|`): not words.
        if "/" in line:
            continue
        w = unicodedata.normalize("NFC", line.strip())
        # Acronyms (`IR`, `SKR`) would make `ir` a word and hide `ir` -> `är`; svocr never
        # corrects an all-capital token anyway, so their lower-case forms are left out.
        if len(w) > 1 and w.isupper():
            continue
        if w and w.isalpha():
            forms.add(w.lower())
    return forms


# sv_SE.aff: COMPOUNDBEGIN X, COMPOUNDMIDDLE U. A dic entry may carry them itself
# (`vård/ADGXY`), or an affix class gives a derived form them (`SFX v 0 s/WXZ`: `försäkring` ->
# `försäkrings`); class `s` (`SFX s 0 0/WX`) makes the entry itself a head, and unmunch prints
# that form without flags, so it is read from the dic.
HEAD_FLAGS = set("XU")
ZERO_HEAD_CLASS = "s"


def compound_heads(dic, lines):
    """Forms hunspell allows before another compound part: `vård` (vårdgivare), `hälso`
    (hälsoappen), `försäkrings` (försäkringskassa), `vårds` (sjukvårdsförsäkring). Forms of
    words that carry no head flag (`ter`, `aktörer`) are not heads, so `ter|rapporterar` or
    `aktörer|nås` are no compounds."""
    heads = set()

    def add(form):
        w = unicodedata.normalize("NFC", form).lower()
        if len(w) >= 3 and w.isalpha():
            heads.add(w)

    with open(dic, encoding="utf-8") as fh:
        next(fh)  # the entry count
        for line in fh:
            stem, _, flags = line.strip().partition("/")
            if HEAD_FLAGS & set(flags) or ZERO_HEAD_CLASS in flags:
                add(stem)
    for line in lines:
        form, _, flags = line.strip().partition("/")
        if HEAD_FLAGS & set(flags):
            add(form)
    return heads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dic", default="/usr/share/hunspell/sv_SE.dic")
    ap.add_argument("--aff", default="/usr/share/hunspell/sv_SE.aff")
    ap.add_argument("--out", default="dictionaries/sv-words.tsv")
    ap.add_argument("--heads", default="dictionaries/sv-heads.txt")
    a = ap.parse_args()

    lines = unmunch(a.dic, a.aff)
    forms = hunspell_forms(lines)
    freqs = wordfreq.get_frequency_dict("sv", "large")
    rows = {}
    for w in forms:
        f = freqs.get(w, 0.0)
        per_billion = round(f * 1e9)
        if per_billion >= 1:
            rows[w] = per_billion
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(rows, key=lambda s: s.encode("utf-8")):
            fh.write(f"{w}\t{rows[w]}\n")
    heads = compound_heads(a.dic, lines)
    with open(a.heads, "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(heads, key=lambda s: s.encode("utf-8")):
            fh.write(f"{w}\n")
    print(f"{a.heads}: {len(heads)} compound heads", file=sys.stderr)
    print(f"{a.out}: {len(rows)} words (from {len(forms)} hunspell forms)", file=sys.stderr)


if __name__ == "__main__":
    main()
