#!/usr/bin/env bash
# Regenerates fixtures/pdf/: searchable PDFs made the way archives make them, and broken PDFs.
#
#   scripts/make-pdf-fixtures.sh            # writes fixtures/pdf/*.pdf, *.txt and fixtures/pdf/bad/
#
# Good PDFs: public Swedish official text from training/corpus/ (see training/corpus/SOURCES.md) is
# typeset and scanned by ocr-roundtrip (its page images are kept), each page is reduced to a 200 dpi
# black-and-white image (so the PDFs stay small: tesseract stores it CCITT G4), and tesseract's
# English model writes the searchable PDF and its own .txt in one run, as an archive's OCR step
# would. svocr's tests compare what they read from each PDF with that .txt.
#
# Bad PDFs: an image-only PDF (a page image with no text layer, written by Pillow), an encrypted
# one (qpdf, AES-256 with a user password), a truncated one (the first 40 % of a good one), a
# non-PDF named .pdf, and an empty file.
#
# Needs (scripts/setup.sh installs them): tesseract with the eng model, Python with Pillow and the
# ocr-roundtrip dependencies, qpdf. The same tools and versions give byte-identical files except for
# the creation dates tesseract and qpdf write; the text layers are identical.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rt=${RT:-$root/../shared/tools/ocr-roundtrip/roundtrip}
out=$root/fixtures/pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out/bad"

# name  corpus-file  first-page  last-page  roundtrip seed
fixtures=(
  "vardfinansiering           vardfinansiering      1 2 221"
  "forordningar-direktiv      forordningar-direktiv 1 3 222"
  "rb-forsakringskassan-p1    rb-forsakringskassan  1 1 223"
)

for f in "${fixtures[@]}"; do
  read -r name corpus first last seed <<<"$f"
  mkdir -p "$work/$name"
  "$rt" --noise 1 --seed "$seed" --images "$work/$name/scan" \
    "$root/training/corpus/$corpus.txt" "$work/$name/roundtrip.txt" >/dev/null
  python3 - "$work/$name" "$first" "$last" <<'EOF'
import sys
from pathlib import Path
from PIL import Image
d, first, last = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
pages = sorted((d / "scan").glob("page-*"))[first - 1:last]
names = []
for i, p in enumerate(pages, 1):
    im = Image.open(p).convert("L")
    im = im.resize((im.width * 2 // 3, im.height * 2 // 3), Image.LANCZOS)
    bw = im.point(lambda v: 255 if v > 150 else 0).convert("1")
    name = d / f"p{i}.png"
    bw.save(name, dpi=(200, 200), optimize=True)
    names.append(str(name))
(d / "list").write_text("\n".join(names) + "\n")
EOF
  tesseract "$work/$name/list" "$work/$name/out" -l eng pdf txt 2>/dev/null
  cp "$work/$name/out.pdf" "$out/$name.pdf"
  cp "$work/$name/out.txt" "$out/$name.txt"
done

# Image only: the first page of the one-page fixture at 100 dpi, no text layer.
python3 - "$work/rb-forsakringskassan-p1/p1.png" "$out/bad/image-only.pdf" <<'EOF'
import sys
from PIL import Image
im = Image.open(sys.argv[1])
im = im.resize((im.width // 2, im.height // 2)).convert("1")
im.save(sys.argv[2], "PDF", resolution=100)
EOF
qpdf --encrypt secret owner-secret 256 -- "$out/rb-forsakringskassan-p1.pdf" "$out/bad/encrypted.pdf"
size=$(stat -c %s "$out/rb-forsakringskassan-p1.pdf")
head -c $((size * 2 / 5)) "$out/rb-forsakringskassan-p1.pdf" >"$out/bad/truncated.pdf"
printf '<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n' >"$out/bad/fake.pdf"
: >"$out/bad/empty.pdf"
ls -l "$out" "$out/bad"
