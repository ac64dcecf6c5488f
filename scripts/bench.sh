#!/usr/bin/env bash
# Measures runlint in one run and writes the figures to target/bench/results.md:
#   - criterion stages on the 1,000-plan corpus (parse-only, parse + lowering, full lint)
#     and plan-length scaling (16/32/64/128 weeks); growth at 1x/2x/4x on every path
#     (lint, fix, diff, a crowded day, a long session, server requests: benches/scaling.rs);
#   - whole process: one 16-week plan (what an editor pays on save) beside `--list-rules`
#     (start-up alone); 1,000 plans with 1 and 2 threads; peak memory on a 20 MB plan;
#   - output-heavy runs: 1,000 plans with about 29 findings each in every format, with 1
#     and 2 threads, and each format's peak memory;
#   - peers on the same 1,000 plans: yamllint (default config) and Spectral (a small ruleset);
#   - the language server: didChange to publishDiagnostics in process (criterion), and its
#     memory with 50 plans open (scripts/server-memory.py).
# Installs hyperfine (Debian), yamllint (PyPI) and Spectral (npm) into target/ when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/bench
tools=$root/target/bench-tools
mkdir -p "$out" "$tools"

command -v hyperfine >/dev/null || { apt-get install -y -q hyperfine >/dev/null 2>&1 || sudo apt-get install -y -q hyperfine >/dev/null; }
[ -x "$tools/node_modules/.bin/spectral" ] || (cd "$tools" && npm install --no-audit --no-fund --silent @stoplight/spectral-cli@6 >/dev/null)
[ -x "$tools/venv/bin/yamllint" ] || { python3 -m venv "$tools/venv" && "$tools/venv/bin/pip" install --quiet yamllint; }

cargo build --quiet --release
cargo build --quiet --release --example gen-corpus
gen=$root/target/release/examples/gen-corpus
runlint=$root/target/release/runlint
rm -rf "$out/corpus16" "$out/one" "$out/big" "$out/dense"
"$gen" "$out/corpus16" 1000 16 2026
"$gen" "$out/dense" 1000 16 2026 0.7
"$gen" "$out/one" 1 16 7
"$gen" "$out/big" 1 23000 7
one=$(ls "$out"/one/*.yaml)
big=$(ls "$out"/big/*.yaml)

echo "--- criterion (stages, scaling)"
cargo bench --quiet --bench lint -- --noplot >"$out/criterion.log" 2>&1 || { cat "$out/criterion.log"; exit 1; }
cargo bench --quiet --bench server -- --noplot >"$out/criterion-server.log" 2>&1 || { cat "$out/criterion-server.log"; exit 1; }
cargo bench --quiet --bench scaling -- --noplot >"$out/criterion-scaling.log" 2>&1 || { cat "$out/criterion-scaling.log"; exit 1; }

echo "--- language server memory"
python3 scripts/server-memory.py "$runlint" "$out/corpus16" 50 > "$out/server-memory.json"

echo "--- whole process"
hyperfine --warmup 20 --runs 200 -N -i --export-json "$out/one.json" "$runlint --no-config --quiet $one" \
  "$runlint --list-rules" >/dev/null
hyperfine --warmup 2 --runs 15 -i --export-json "$out/threads.json" \
  "$runlint --no-config --quiet --threads 1 $out/corpus16" \
  "$runlint --no-config --quiet --threads 2 $out/corpus16" >/dev/null
/usr/bin/time -v "$runlint" --no-config --quiet "$big" >/dev/null 2>"$out/big-time.txt" || true

echo "--- output-heavy runs"
formats="short json sarif junit gitlab github human"
commands=()
for format in $formats; do
  for threads in 1 2; do
    commands+=("$runlint --no-config --quiet --threads $threads --format $format $out/dense")
  done
done
hyperfine --warmup 1 --runs 5 -N -i --export-json "$out/formats.json" "${commands[@]}" >/dev/null
for format in $formats; do
  /usr/bin/time -v "$runlint" --no-config --quiet --format "$format" "$out/dense" >/dev/null 2>"$out/memory-$format.txt" || true
done
"$runlint" --no-config --quiet --format short "$out/dense" | wc -l > "$out/dense-findings.txt" || true

echo "--- peers"
hyperfine --warmup 0 --runs 2 -i --export-json "$out/yamllint.json" "$tools/venv/bin/yamllint -f parsable $out/corpus16" >/dev/null
hyperfine --warmup 0 --runs 2 -i --export-json "$out/spectral.json" \
  "$tools/node_modules/.bin/spectral lint --quiet --ruleset $root/scripts/spectral-ruleset.yaml '$out/corpus16/*.yaml'" >/dev/null
hyperfine --warmup 2 --runs 10 -i --export-json "$out/runlint-corpus.json" "$runlint --no-config --quiet $out/corpus16" >/dev/null

python3 - "$out" "$(stat -c %s "$big")" <<'PY'
import json, os, re, statistics, sys
out, big_bytes = sys.argv[1], int(sys.argv[2])
def est(name):
    with open(os.path.join(out, "..", "criterion", name, "new", "estimates.json")) as f:
        return json.load(f)["median"]["point_estimate"] / 1e9
def hf(name, index=0):
    with open(os.path.join(out, name)) as f:
        return json.load(f)["results"][index]
parse, lower, full = (est(f"corpus-1000x16w/{s}") for s in ("parse-only", "parse-and-lower", "full-lint"))
scale = {w: est(f"plan-length/{w}") for w in (16, 32, 64, 128)}
one = hf("one.json")
list_rules = hf("one.json", 1)
formats = ["short", "json", "sarif", "junit", "gitlab", "github", "human"]
heavy = {(f, t): hf("formats.json", 2 * i + t - 1)["median"] for i, f in enumerate(formats) for t in (1, 2)}
heavy_memory = {f: int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(os.path.join(out, f"memory-{f}.txt")).read()).group(1)) for f in formats}
dense_findings = int(open(os.path.join(out, "dense-findings.txt")).read())
t1, t2 = hf("threads.json", 0)["median"], hf("threads.json", 1)["median"]
peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(os.path.join(out, "big-time.txt")).read()).group(1))
server = {w: est(f"server-didChange-to-publish/{w}") for w in (16, 200)}
memory = json.load(open(os.path.join(out, "server-memory.json")))
yl, sp, rl = hf("yamllint.json")["median"], hf("spectral.json")["median"], hf("runlint-corpus.json")["median"]
mb = big_bytes / 1e6
rows = [
    ("full lint / parse-only, 1,000 x 16 weeks (criterion)", f"{full:.3f} s / {parse:.3f} s = **{full/parse:.2f}**", "<= 1.25"),
    ("parse + lowering / parse-only", f"{lower:.3f} s / {parse:.3f} s = {lower/parse:.2f}", "(for reference)"),
    ("one 16-week plan, whole process, median of 200", f"**{one['median']*1000:.2f} ms** (mean {one['mean']*1000:.2f} ms)", "<= 5 ms"),
    ("`runlint --list-rules` in the same run (start-up alone)", f"{list_rules['median']*1000:.2f} ms", "(for reference)"),
    ("1,000 plans: 1 thread / 2 threads", f"{t1:.3f} s / {t2:.3f} s = **{t1/t2:.2f}x**", ">= 1.8x"),
    ("time(128 weeks) / time(64 weeks)", f"{scale[128]*1e3:.2f} ms / {scale[64]*1e3:.2f} ms = **{scale[128]/scale[64]:.2f}**", "<= 2.1"),
    ("plan length 16 / 32 / 64 / 128 weeks", " / ".join(f"{scale[w]*1e3:.2f} ms" for w in (16, 32, 64, 128)), ""),
    ("peak memory, 20 MB plan", f"**{peak_kb/1024:.0f} MiB** for {mb:.1f} MB (limit {4*mb+20:.0f} MB)", "<= 4 x size + 20 MB"),
    ("yamllint (default config), 1,000 plans", f"{yl:.2f} s = **{yl/rl:.0f}x** runlint's {rl:.3f} s", ">= 20x"),
    ("Spectral (3-rule ruleset), 1,000 plans", f"{sp:.2f} s = **{sp/rl:.0f}x** runlint's {rl:.3f} s", ">= 20x"),
    ("server: didChange to publishDiagnostics, 16 weeks (criterion median)", f"**{server[16]*1e3:.2f} ms**", "<= 2 ms"),
    ("server: didChange to publishDiagnostics, 200 weeks (criterion median)", f"**{server[200]*1e3:.2f} ms**", "<= 20 ms"),
    ("server: memory with 50 plans of 16 weeks open", f"{memory['rss']} resident, peak {memory['peak']} ({memory['bytes']/1e3:.0f} KB of plans)", "(for reference)"),
]
short = heavy[("short", 1)]
for f in formats:
    rows.append((
        f"{dense_findings:,} findings in 1,000 plans, `--format {f}`: 1 thread / 2 threads, peak memory",
        f"{heavy[(f, 1)]:.3f} s ({heavy[(f, 1)]/short:.2f}x short) / {heavy[(f, 2)]:.3f} s = **{heavy[(f, 1)]/heavy[(f, 2)]:.2f}x**, {heavy_memory[f]/1024:.0f} MiB",
        "<= 1.3x short, >= 1.8x, <= 100 MB",
    ))
with open(os.path.join(out, "results.md"), "w") as f:
    f.write("| measure | result | target |\n|---|---|---|\n")
    for row in rows:
        f.write("| " + " | ".join(row) + " |\n")
print(open(os.path.join(out, "results.md")).read())
PY
