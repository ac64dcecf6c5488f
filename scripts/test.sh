#!/usr/bin/env bash
# The whole test suite: unit, integration, snapshot, CLI and doc-example tests, then the
# real consumers of the machine formats (scripts/consumers.sh; set RUNLINT_SKIP_CONSUMERS=1
# to leave them out while iterating).
set -euo pipefail
cd "$(dirname "$0")/.."
export INSTA_UPDATE=no
# tests/patches.rs applies `--diff` with the two tools that read patches.
missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
command -v patch >/dev/null 2>&1 || missing+=(patch)
if [ ${#missing[@]} -gt 0 ]; then
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}") >/dev/null
fi
cargo test --locked --all-targets "$@"
if [ "${RUNLINT_SKIP_CONSUMERS:-0}" != 1 ]; then
  scripts/consumers.sh
fi
