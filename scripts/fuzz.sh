#!/usr/bin/env bash
# Runs the fuzz targets side by side for SECONDS (default 60), seeded from fixtures/ and
# examples/, and prints how many executions ran clean. Needs cargo-fuzz (installed if
# missing); the stable toolchain is told to accept the fuzzer's unstable flags with
# RUSTC_BOOTSTRAP=1. No sanitizer: runlint is safe Rust, so the fuzzer hunts panics,
# hangs and blow-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
mkdir -p fuzz/corpus/lint_bytes fuzz/corpus/lint_structured fuzz/corpus/fix_bytes fuzz/corpus/server_reader target/fuzz-logs
find fixtures examples -name '*.yaml' -exec cp {} fuzz/corpus/lint_bytes/ \;
find fixtures examples -name '*.yaml' -exec cp {} fuzz/corpus/fix_bytes/ \;
targets=(lint_bytes lint_structured fix_bytes server_reader)
for target in "${targets[@]}"; do
  cargo fuzz build --release --sanitizer none "$target"
done
for target in "${targets[@]}"; do
  cargo fuzz run --release --sanitizer none "$target" -- -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=2048 -print_final_stats=1 >"target/fuzz-logs/$target.log" 2>&1 &
done
status=0
wait || status=$?
total=0
for target in "${targets[@]}"; do
  log=target/fuzz-logs/$target.log
  runs=$(grep -oE "^stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" | tail -1)
  if grep -qE "ERROR: libFuzzer|panicked at|deadly signal" "$log"; then
    grep -E -A20 "panicked at|ERROR: libFuzzer" "$log" | head -40
    echo "$target: CRASH after ${runs:-?} executions (see fuzz/artifacts/$target)"
    status=1
  else
    echo "$target: ${runs:-0} executions, no crash"
  fi
  total=$((total + ${runs:-0}))
done
echo "total: $total executions"
exit "$status"
