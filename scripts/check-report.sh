#!/usr/bin/env bash
# Renders the HTML evaluation report in a real browser (Debian's headless Chromium) and checks what
# a reviewer would see: no console errors, the documents table on top, and a highlighted edit in
# a document section opened by following its link.
#
# Usage: scripts/check-report.sh [OUT-DIR]   (default target/check-report; keeps report.html,
#        top.png and document.png there for people to look at)
#
# Without Chromium it skips (exit 0) with a message, unless CI is set: in CI (`.ci/run` sets it)
# a missing browser fails, so the check cannot silently stop running. `scripts/setup.sh
# --browser-only` installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/check-report}

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  if [[ -n "${CI:-}" ]]; then
    echo "check-report: FAILED: chromium is not installed (run scripts/setup.sh --browser-only)" >&2
    exit 1
  fi
  echo "check-report: SKIPPED: chromium is not installed and CI is not set (scripts/setup.sh --browser-only installs it)" >&2
  exit 0
fi

# `--workspace`: the features the Python package's build resolves, so one build serves both.
cargo build --release --locked --quiet --workspace --bins
mkdir -p "$out"
out=$(cd "$out" && pwd)
report=$out/report.html
# The fixtures: ground truth, field gold, and real edits, applied and proposed.
./target/release/svocr eval --gold fixtures/gold fixtures/seeds fixtures/ocr --format html -o "$report"

# Chromium in a container: no sandbox (no user namespaces), no GPU; console messages on stderr.
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$out/profile" --enable-logging=stderr --v=0 "$@"
}

# The console check must be able to fail: a page that logs an error is caught.
printf '<!DOCTYPE html><title>t</title><script>console.error("planted console error")</script>' > "$out/planted.html"
chrome --dump-dom "file://$out/planted.html" > /dev/null 2> "$out/planted.log" || true
if ! grep -q 'CONSOLE.*planted console error' "$out/planted.log"; then
  echo "check-report: FAILED: this chromium does not report console messages on stderr; the console check would be blind" >&2
  exit 1
fi

# The first document section with an applied (non-layout) edit; its link opens it.
target=$(python3 - "$report" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
for k, section in enumerate(html.split('<details class="doc"')[1:]):
    if '<mark class="applied"' in section:
        print(f"doc-{k}")
        break
EOF
)
if [[ -z "$target" ]]; then
  echo "check-report: FAILED: no document section of the report has a highlighted edit" >&2
  exit 1
fi

chrome --dump-dom "file://$report#$target" > "$out/dom.html" 2> "$out/console.log"

# Hovering a linked amount lights up its recipient and period. A screenshot cannot hover, so the
# fields pane of the first document with a link is cut out twice: as rendered, where nothing may
# show the highlight colour (#ead7f7), and with that link's rule made to hold without `:hover`,
# where its words must.
python3 - "$report" "$out" <<'EOF'
import re, sys
html, out = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
first = re.search(r'pre:has\(\[data-l~=(d(\d+)l\d+)\]:hover\)', html)
if not first:
    sys.exit("check-report: FAILED: no linked amount or date in the report")
ident, doc = first.group(1), first.group(2)
head = html[:html.index("</head>")]
pane = html[html.index(f'<h3 id="fields-{doc}">'):]
pane = pane[:pane.index("</pre></div>") + len("</pre></div>")]
for name, page in [("not-hovered", pane),
                   ("hovered", pane.replace(first.group(0), f"pre:has([data-l~={ident}])"))]:
    with open(f"{out}/{name}.html", "w", encoding="utf-8") as f:
        f.write(f"{head}</head><body>{page}</body></html>")
EOF
for page in hovered not-hovered; do
  chrome --window-size=1400,1200 --screenshot="$out/$page.png" "file://$out/$page.html" 2>> "$out/console.log" > /dev/null
done
chrome --window-size=1400,1000 --screenshot="$out/top.png" "file://$report" 2>> "$out/console.log" > /dev/null
chrome --window-size=1400,2000 --virtual-time-budget=3000 --screenshot="$out/document.png" "file://$report#$target" 2>> "$out/console.log" > /dev/null

python3 - "$out" "$target" <<'EOF'
import re, struct, sys, zlib

out, target = sys.argv[1], sys.argv[2]
failures = []

console = [l for l in open(f"{out}/console.log", encoding="utf-8", errors="replace")
           if "CONSOLE" in l]
if console:
    failures.append("console messages:\n  " + "  ".join(console))

dom = open(f"{out}/dom.html", encoding="utf-8").read()
if '<table class="docs">' not in dom:
    failures.append("the documents table is not in the rendered page")
if not re.search(r'<details class="doc" open(="")?>', dom):
    failures.append(f"following #{target} did not open its section")
if '<mark class="applied"' not in dom:
    failures.append("no highlighted edit in the rendered page")

def pixels(path):
    """RGB(A) pixels of a PNG, for the colour counts below (8-bit, non-interlaced)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and ctype in (2, 6) and interlace == 0, ihdr
    bpp = 3 if ctype == 2 else 4
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return [row[i:i + 3] for row in rows for i in range(0, stride, bpp)]

def count(path, rgb):
    want = bytes.fromhex(rgb)
    return sum(1 for p in pixels(path) if p == want)

# The table borders (#d0d0d0) of the summary and documents tables at the top of the page; the
# background of an applied edit (#bfe8c4) on screen once the link has opened its section.
borders = count(f"{out}/top.png", "d0d0d0")
applied = count(f"{out}/document.png", "bfe8c4")
if borders < 2000:
    failures.append(f"the tables are not visible at the top ({borders} border pixels)")
if applied < 200:
    failures.append(f"no highlighted edit visible in #{target} ({applied} pixels of its colour)")

lit, unlit = count(f"{out}/hovered.png", "ead7f7"), count(f"{out}/not-hovered.png", "ead7f7")
if lit < 100 or unlit > 0:
    failures.append(f"hovering a linked amount does not light up its links ({lit} pixels of the "
                    f"highlight hovered, {unlit} not hovered)")

if failures:
    print("check-report: FAILED:\n- " + "\n- ".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"check-report: ok: no console messages; documents table visible ({borders} border pixels); "
      f"#{target} opens with highlighted edits ({applied} pixels); a hovered link lights up ({lit} "
      f"pixels); screenshots in {out}")
EOF
