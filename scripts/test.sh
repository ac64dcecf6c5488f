#!/usr/bin/env bash
# The whole test suite: unit, integration, snapshot, CLI and doc-example tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export INSTA_UPDATE=no
cargo test --locked --all-targets "$@"
