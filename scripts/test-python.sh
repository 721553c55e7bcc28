#!/usr/bin/env bash
# The Python package as a user gets it: a fresh virtual environment, `pip install ./python` (maturin
# comes from PyPI as the build backend and builds the extension in the workspace's target/), then
# the pytest tests in python/tests against the release CLI.
#
# Usage: scripts/test-python.sh [pytest arguments]
# The environment is target/py-venv (reused when it exists; delete it for a clean run).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/py-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check ./python "pytest>=8,<10"
# The tests compare with the CLI's records.
# `--workspace`: the features the Python package's build resolves, so one build serves both.
cargo build --release --locked --quiet --workspace --bins
"$venv/bin/python" -m pytest -q python/tests "$@"
