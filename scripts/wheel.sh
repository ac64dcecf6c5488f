#!/usr/bin/env bash
# Builds the runlint wheel for this machine into target/wheels (a Python package holding the
# release binary; see pyproject.toml). maturin comes from PyPI into target/maturin on first
# use. Extra arguments go to `maturin build`.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/maturin
maturin_version=1.16.0
if [ "$("$venv/bin/maturin" --version 2>/dev/null)" != "maturin $maturin_version" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "maturin==$maturin_version"
fi
rm -f target/wheels/runlint-*.whl
"$venv/bin/maturin" build --release --locked --out target/wheels "$@"
