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

A second file, dictionaries/sv-heads.txt, lists hunspell's compound-only first parts (`hälso`).

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


def hunspell_forms(dic, aff):
    out = subprocess.run(["unmunch", dic, aff], check=True, capture_output=True).stdout
    forms = set()
    for line in out.decode("utf-8").splitlines():
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


def compound_heads(dic):
    """Stems hunspell allows only as the first part of a compound (flags X and Z):
    `hälso` (hälsa), `skivspelar` (skivspelare), `arbetsskade`. Head forms that are words, or
    words plus a linking s/e/a, are derived at run time and need not be listed."""
    heads = set()
    with open(dic, encoding="utf-8") as fh:
        next(fh)  # the entry count
        for line in fh:
            stem, _, flags = line.strip().partition("/")
            if "X" in flags and "Z" in flags:
                w = unicodedata.normalize("NFC", stem).lower()
                if len(w) >= 3 and w.isalpha():
                    heads.add(w)
    return heads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dic", default="/usr/share/hunspell/sv_SE.dic")
    ap.add_argument("--aff", default="/usr/share/hunspell/sv_SE.aff")
    ap.add_argument("--out", default="dictionaries/sv-words.tsv")
    ap.add_argument("--heads", default="dictionaries/sv-heads.txt")
    a = ap.parse_args()

    forms = hunspell_forms(a.dic, a.aff)
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
    heads = compound_heads(a.dic) - set(rows)
    with open(a.heads, "w", encoding="utf-8", newline="\n") as fh:
        for w in sorted(heads, key=lambda s: s.encode("utf-8")):
            fh.write(f"{w}\n")
    print(f"{a.heads}: {len(heads)} compound heads", file=sys.stderr)
    print(f"{a.out}: {len(rows)} words (from {len(forms)} hunspell forms)", file=sys.stderr)


if __name__ == "__main__":
    main()
