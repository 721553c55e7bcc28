#!/usr/bin/env python3
"""Regenerates dictionaries/sv-bigrams.tsv: which word follows which in clean public-sector text.

The repair uses these counts as context (`Skalen for` is `Skälen för`, not `Skålen för`; `den
vird som` is `den vård som`): see `src/repair/context.rs`.

Input:
  * the clean texts under training/corpus/ (the collected documents and training/corpus/context/),
    except the held-out texts listed in training/heldout.list (they are for measuring only) and
    the project's seeds (`0NN_*.txt`), whose gold output the tests compare against; every pair
    seen there is kept, however rare: it is the register the repair sees most;
  * with `--sfs GITDIR`, the Swedish code of statutes (Svensk författningssamling) from a
    snapshot of the public GitHub repository `se-lex/sfs` (one Markdown file per statute, in its
    current consolidated wording, `YEAR/sfs-YEAR-NUMBER.md`): statutes issued from `--sfs-from`
    on (default 1950, modern spelling). Front matter, headings, links and HTML tags are stripped.
    Statutes are not protected by copyright (upphovsrättslagen 1 kap. 9 §);
  * with `--riksdagen GITDIR`, the Riksdag's interpellations (written questions of members to
    ministers, session 1994/95 on, born-digital) from a snapshot of the public GitHub repository
    `swerik-project/riksdagen-interpellations` (TEI XML, `data/SESSION/ipq-*.xml`, taken by
    the Swerik project from Riksdagens öppna data): only the body paragraphs, not the title,
    header or metadata. Statutes rarely say `når` (`målet nås`, `som når upp till`) or
    `vård` next to the words of a debate; the Riksdag's own documents do. They are public
    records (documents of a public authority, upphovsrättslagen 1 kap. 9 §).
  The Riksdag texts' counts are divided by `--riksdagen-divisor` (debate should fill the
  statutes' gaps, not outvote them). A pair not in the corpus is kept when its combined count
  (statutes plus the divided Riksdag count) is at least `--min-count`, which keeps the shipped
  file small (it is compiled into the binary) and drops one-off pairs that prove nothing.

A bigram is two words (runs of letters, lower-cased, NFC) separated only by spaces inside one
paragraph: punctuation, digits, hyphens and paragraph breaks end the run, so no pair spans a clause
boundary or a heading.

Output: `word<TAB>next word<TAB>count` per pair seen, sorted by UTF-8 bytes, unique.

Usage: scripts/learn-context.py [--corpus DIR] [--heldout FILE] [--out PATH]
                                [--sfs GITDIR [--sfs-from YEAR]]
                                [--riksdagen GITDIR [--riksdagen-divisor N]] [--min-count N]
"""
import argparse
import collections
import pathlib
import re
import subprocess
import sys
import tarfile
import unicodedata
import xml.etree.ElementTree as ET

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
            # A word with a character that is no lower-case letter once lower-cased (`m³`)
            # breaks the run like punctuation would.
            run = []
            for w in words:
                w = unicodedata.normalize("NFC", w.lower())
                if all(c.isalpha() and not c.isupper() for c in w):
                    run.append(w)
                else:
                    yield run
                    run = []
            yield run


# Markdown of the statute snapshot: YAML front matter, `[text](target)` links, HTML tags and
# heading marks. What remains is the statute's own wording.
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]*>")


def statute_text(markdown):
    text = FRONT_MATTER.sub("", markdown)
    text = LINK.sub(r"\1", text)
    text = TAG.sub("\n\n", text)
    # A heading is a paragraph of its own (`### 4 a §`, `## Förutsättningar för stöd`).
    return re.sub(r"(?m)^#+ (.*)$", r"\n\1\n", text)


def statutes(gitdir, since):
    """The texts of the statutes from `since` on in the snapshot at `gitdir`, in path order."""
    tar = subprocess.Popen(
        ["git", "--git-dir", gitdir, "archive", "--format=tar", "HEAD"], stdout=subprocess.PIPE
    )
    found = []
    with tarfile.open(fileobj=tar.stdout, mode="r|") as archive:
        for member in archive:
            m = re.fullmatch(r"(\d{4})/sfs-[^/]*\.md", member.name)
            if member.isfile() and m and int(m.group(1)) >= since:
                found.append((member.name, archive.extractfile(member).read().decode("utf-8")))
    if tar.wait() != 0:
        sys.exit(f"{gitdir}: git archive failed")
    return sorted(found)


TEI = "{http://www.tei-c.org/ns/1.0}"


def interpellations(gitdir):
    """The body texts of the interpellations in the snapshot at `gitdir`, in path order: one
    paragraph per `<p>` of the `ipqBody` division, soft hyphens dropped (`upp\u00adskattning`)."""
    tar = subprocess.Popen(
        ["git", "--git-dir", gitdir, "archive", "--format=tar", "HEAD", "data"],
        stdout=subprocess.PIPE,
    )
    found = []
    with tarfile.open(fileobj=tar.stdout, mode="r|") as archive:
        for member in archive:
            if not (member.isfile() and re.fullmatch(r"data/\d+/ipq-[^/]*\.xml", member.name)):
                continue
            root = ET.fromstring(archive.extractfile(member).read())
            paras = []
            for div in root.iter(TEI + "div"):
                if div.get("type") == "ipqBody":
                    for p in div.iter(TEI + "p"):
                        paras.append(" ".join("".join(p.itertext()).replace("\xad", "").split()))
            found.append((member.name, "\n\n".join(paras)))
    if tar.wait() != 0:
        sys.exit(f"{gitdir}: git archive failed")
    return sorted(found)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="training/corpus")
    ap.add_argument("--heldout", default="training/heldout.list")
    ap.add_argument("--out", default="dictionaries/sv-bigrams.tsv")
    ap.add_argument("--sfs", help="git directory of a se-lex/sfs snapshot")
    ap.add_argument("--sfs-from", type=int, default=1950)
    ap.add_argument("--riksdagen", help="git directory of a riksdagen-interpellations snapshot")
    ap.add_argument("--riksdagen-divisor", type=int, default=4)
    ap.add_argument("--min-count", type=int, default=3)
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
    curated = set(counts)
    sources = []
    if a.sfs:
        sources.append(("statutes", (statute_text(t) for _, t in statutes(a.sfs, a.sfs_from))))
    if a.riksdagen:
        sources.append(("interpellations", (t for _, t in interpellations(a.riksdagen))))
    for name, texts in sources:
        n_words, n_files = 0, 0
        seen_here = collections.Counter()
        for text in texts:
            n_files += 1
            for run in runs(text):
                n_words += len(run)
                seen_here.update(zip(run, run[1:]))
        # The Riksdag's texts are partly debate (`och man kan`, `detta är`): each of their
        # pairs counts a fraction, so that they fill the gaps of the statutes (`når ut`,
        # `når fram`) rather than outvote the administrative register.
        divisor = a.riksdagen_divisor if name == "interpellations" else 1
        counts.update({k: n // divisor for k, n in seen_here.items() if n >= divisor})
        print(f"{name}: {n_files} files, {n_words} words", file=sys.stderr)
    if sources:
        seen = sum(counts.values())
        counts = collections.Counter(
            {k: n for k, n in counts.items() if k in curated or n >= a.min_count}
        )
        print(
            f"pairs kept {len(counts)} ({sum(counts.values())} of {seen} occurrences)",
            file=sys.stderr,
        )
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
