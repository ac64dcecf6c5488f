#!/usr/bin/env bash
# Runs both fuzz targets for SECONDS each (default 60), seeded from fixtures/ and examples/,
# and prints how many executions ran clean. Needs cargo-fuzz (installed if missing); the
# stable toolchain is told to accept the fuzzer's unstable flags with RUSTC_BOOTSTRAP=1.
# No sanitizer: runlint is safe Rust, so the fuzzer hunts panics, hangs and blow-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
mkdir -p fuzz/corpus/lint_bytes fuzz/corpus/lint_structured
find fixtures examples -name '*.yaml' -exec cp {} fuzz/corpus/lint_bytes/ \;
total=0
for target in lint_bytes lint_structured; do
  log=$(mktemp)
  cargo fuzz run --release --sanitizer none "$target" -- -max_total_time="$seconds" -max_len=2048 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "$log" | grep -E "^(#[0-9]+.*(pulse|DONE)|Done)" || true
  runs=$(grep -oE "^stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" | tail -1)
  if grep -qE "ERROR: libFuzzer|panicked at|deadly signal" "$log"; then
    echo "$target: CRASH after ${runs:-?} executions (see fuzz/artifacts/$target)"; exit 1
  fi
  echo "$target: ${runs:-0} executions, no crash"
  total=$((total + ${runs:-0}))
  rm -f "$log"
done
echo "total: $total executions, no crash"
