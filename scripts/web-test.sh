#!/usr/bin/env bash
# Tests the playground built by scripts/build-web.sh in Debian's Chromium
# (scripts/web-browser.mjs): editing, fixes, config, share links, hostile text, and the
# engine against `runlint --format json -` for every fixture and example. Writes the
# measurements and screenshots to target/web-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/web-test
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v chromium >/dev/null 2>&1 || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium) >/dev/null
[ -f target/web/index.html ] || scripts/build-web.sh

cargo build --quiet --release --locked --bin runlint --example gen-corpus
runlint=$root/target/release/runlint
# Plans with findings in half of the (week, problem) slots: the editor shows them all.
target/release/examples/gen-corpus "$work/16" 1 16 2026 0.5 >/dev/null
target/release/examples/gen-corpus "$work/200" 1 200 2026 0.5 >/dev/null

echo "--- web: the command line's JSON for every fixture and example"
# Each plan on standard input, as `runlint --format json -`, in a folder holding only the
# case's runlint.toml (none, a rule switched off, an option, a mistake).
python3 - "$runlint" "$work" "$out/cases.json" <<'PY'
import glob, json, os, subprocess, sys
runlint, work, out = sys.argv[1:]
plans = sorted(glob.glob("fixtures/**/*.yaml", recursive=True)) + sorted(glob.glob("examples/*.yaml")) \
    + sorted(glob.glob("web/examples/*.yaml"))
configs = {
    "": None,
    "off": '[rules]\nsingle-leg-missing = "off"\ncalf-work-missing = "warning"\n',
    "broken": '[rules]\nno-such-rule = "error"\nstrength-frequency = "loud"\n',
}
cases = []
for key, config in configs.items():
    folder = os.path.join(work, "config-" + (key or "none"))
    os.makedirs(folder, exist_ok=True)
    if config is not None:
        open(os.path.join(folder, "runlint.toml"), "w").write(config)
    for plan in plans if key == "" else plans[:8] + plans[-3:]:
        text = open(plan, encoding="utf-8").read()
        run = subprocess.run([runlint, "--format", "json", "-"], input=text.encode(), cwd=folder, capture_output=True)
        cases.append({"name": f"{plan} ({key or 'no config'})", "plan": text, "config": config or "",
                      "expected": run.stdout.decode()})
json.dump(cases, open(out, "w"))
print(f"ok: {len(cases)} cases")
PY

echo "--- web: Chromium"
node scripts/web-browser.mjs web/node_modules "$root/target/web" "$out" "$out/cases.json" \
  "$(ls "$work"/16/*.yaml)" "$(ls "$work"/200/*.yaml)"
