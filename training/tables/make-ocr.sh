#!/usr/bin/env bash
# Regenerates the OCR'd table pairs from the typeset copies, deterministically (same tesseract,
# model, Pillow and FreeType give byte-identical output; see the ocr-roundtrip README).
#
# Tune pairs (seeds 1-8) go to training/tables/, held-out pairs (seeds 101/102) to fixtures/tables/.
# Each pair is ocr/NAME__goveng-sN.ocr.txt (tesseract's text) and gold/NAME__goveng-sN.gt.txt (the
# printed lines); its gold extraction is the document's own gold/NAME.gold.json.
# env: RT=/path/to/roundtrip (default ../shared/tools/ocr-roundtrip/roundtrip beside the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."
RT=${RT:-../shared/tools/ocr-roundtrip/roundtrip}

# pair DIR NAME SEED [roundtrip options]
pair() {
  local dir=$1 name=$2 seed=$3; shift 3
  local out=$dir/ocr/${name}__goveng-s$seed
  "$RT" --preset gov-eng --seed "$seed" "$@" "$dir/typeset/$name.typeset.txt" "$out.ocr.txt"
  mv "$out.gt.txt" "$dir/gold/${name}__goveng-s$seed.gt.txt"
}

# Tables whose row labels are long are typeset as two cells (label, then the value columns; a label
# too long for its half of the line on a line of its own above its values) on a
# wider text block: the typesetter gives each TAB cell an equal share of the line, and a long label
# would otherwise be printed over the numbers beside it, which no real scan does.
T=training/tables
pair $T rb-2010-ud-bistand 1 --measure 175
pair $T rb-2005-hovstaten 2 --measure 175
pair $T amal-2020-driftbudget 3 --measure 175
pair $T rb-2007-regeringskansliet 4 --measure 175
pair $T fi-2016-preliminar-fordelning 1
pair $T sjobo-2025-driftbudget-per-namnd 2 --measure 175
pair $T sw-2024-kommuner-tusental-kronor 3
pair $T sw-2025-fordelning-regioner-cell-per-rad 4
pair $T scb-2008-brp-riksomraden 5 --measure 175
pair $T scb-2020-regioner-resultatrakning-utdrag 6 --measure 175
pair $T esv-2018-statens-balansrakning 7 --measure 175
pair $T n-2017-byggbonus-lansvis 8
pair $T gnesta-2013-driftredovisning 5 --measure 175
pair $T rb-2022-sakerhetspolisen 6 --measure 175

H=fixtures/tables
pair $H rb-2006-hovstaten 101 --measure 175
pair $H rb-2020-skatteverket-kommunstod 102 --measure 175
pair $H sw-2026-fordelning-lan-kronor 101
pair $H scb-2016-landsting-kostnader-verksamhetsomrade 101 --measure 175
