#!/usr/bin/env python3
"""Writes dictionaries/places.txt: the names of Sweden's kommuner and län, as table labels name them.

Source: Tillkännagivande (2002:808) om länens indelning i kommuner, which lists the 21 län and the
290 kommuner (`Stockholms län 1. Botkyrka kommun 2. Danderyds kommun …`), read from a snapshot of
the public GitHub repository `se-lex/sfs` (the Swedish code of statutes as Markdown). A statute is
not protected by copyright (upphovsrättslagen 1 kap. 9 §).

A label names a place without the genitive the statute uses before `kommun`/`län` (`Danderyds
kommun` → `danderyd`, `Dalarnas län` → `dalarna`); names that end in `s` themselves take none, and
all of them end in `-ås`, `-näs` or `-fors` (`Borås`, `Strängnäs`, `Kramfors`). `Falu kommun` is
Falun's: a name in `-u` takes the lexicon's (dictionaries/sv-words.tsv) `-un` form.
Written in lower case, sorted by UTF-8 bytes, one name a line.

Usage: scripts/build-places.py --snapshot GITDIR   (GITDIR: git directory of a se-lex/sfs snapshot)
"""
import argparse
import pathlib
import re
import subprocess
import unicodedata

STATUTE = "2002/sfs-2002-808.md"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--snapshot", required=True, help="git directory of a se-lex/sfs snapshot")
    ap.add_argument("--commit", default="HEAD")
    args = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    text = subprocess.run(
        ["git", "--git-dir", args.snapshot, "show", f"{args.commit}:{STATUTE}"],
        check=True, capture_output=True, text=True,
    ).stdout
    lexicon = set()
    for line in open(root / "dictionaries/sv-words.tsv", encoding="utf-8"):
        lexicon.add(line.split("\t", 1)[0])

    def base(name):
        name = name.lower()
        words = name.rsplit(" ", 1)
        last = words[-1]
        if last.endswith("s") and not last.endswith(("ås", "näs", "fors")):
            last = last[:-1]
        elif last.endswith("u") and last + "n" in lexicon:
            last = last + "n"
        return " ".join(words[:-1] + [last])

    kommuner = re.findall(r"\d+\. ([^\d]+?) kommun\b", text)
    lan = re.findall(r"(?:^|\n)(?:## )?([A-ZÅÄÖ][^\n\d]*?) län \d+\.", text)
    if len(kommuner) != 290 or len(lan) != 21:
        raise SystemExit(f"{STATUTE}: expected 290 kommuner and 21 län, read {len(kommuner)} and {len(lan)}")
    names = {unicodedata.normalize("NFC", base(n)) for n in kommuner + lan}
    out = root / "dictionaries/places.txt"
    out.write_text("".join(f"{n}\n" for n in sorted(names, key=lambda s: s.encode())), encoding="utf-8")
    print(f"{out}: {len(names)} names")


if __name__ == "__main__":
    main()
