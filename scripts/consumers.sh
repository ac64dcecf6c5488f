#!/usr/bin/env bash
# Feeds runlint's machine output to the real tools that consume it:
#   - SARIF: Microsoft's SARIF validator (npm @microsoft/sarif-multitool, `validate`);
#   - JUnit: the junitparser library (PyPI), as JUnit consumers read reports, and xmllint
#     against the common junit-10.xsd schema;
#   - the plan JSON Schema: yaml-language-server (npm), driven over LSP like an editor;
#   - pre-commit: `pre-commit try-repo` runs the hook from .pre-commit-hooks.yaml;
#   - without Rust: the wheel with pip, the wheel's pre-commit hook, the GitHub Action and
#     actionlint on the workflows (scripts/packaging.sh);
#   - the HTML report: Debian's Chromium through playwright-core (scripts/report-browser.mjs),
#     printed to PDF and read back with poppler's pdftotext;
#   - the language server: Debian's Neovim and its built-in LSP client (scripts/nvim-lsp.lua),
#     and Debian's Vim with ALE (scripts/vim-ale.vim);
#   - shell completions: bash-completion's loader, from the folder the README installs into;
#   - the man page: man-db's `man -l`.
# Tools are installed into target/consumers on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/target/consumers
mkdir -p "$tools"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- installing consumers"
# Debian's Chromium and poppler's pdftotext for the report test, Neovim, Vim and ALE for the
# language server (not on a fresh machine).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v vim >/dev/null 2>&1 || missing+=(vim)
[ -d /usr/share/vim-ale ] || missing+=(vim-ale)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
command -v man >/dev/null 2>&1 || missing+=(man-db)
if [ ${#missing[@]} -gt 0 ]; then
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}") >/dev/null
fi
if [ ! -x "$tools/node_modules/.bin/sarif-multitool" ] || [ ! -f "$tools/node_modules/yaml-language-server/bin/yaml-language-server" ] || [ ! -d "$tools/node_modules/playwright-core" ]; then
  (cd "$tools" && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool@5 yaml-language-server@1 playwright-core@1 >/dev/null)
fi
chmod u+x "$tools"/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
if [ ! -x "$tools/venv/bin/python" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet junitparser pre-commit
fi
# The common JUnit schema (junit-10.xsd, the one Jenkins' xUnit plugin validates with), as
# pytest's source distribution ships it for its own tests.
if [ ! -f "$tools/junit-10.xsd" ]; then
  pytest_sdist=$(mktemp -d)
  "$tools/venv/bin/pip" download --quiet --no-binary :all: --no-deps --dest "$pytest_sdist" "pytest==9.2.0"
  tar -xzf "$pytest_sdist"/pytest-9.2.0.tar.gz -C "$pytest_sdist" pytest-9.2.0/testing/example_scripts/junit-10.xsd
  cp "$pytest_sdist"/pytest-9.2.0/testing/example_scripts/junit-10.xsd "$tools/junit-10.xsd"
  rm -rf "$pytest_sdist"
fi

cargo build --quiet --release
runlint=$root/target/release/runlint
inputs=(examples fixtures)

echo "--- SARIF: Microsoft SARIF validator"
"$runlint" --format sarif "${inputs[@]}" > "$work/runlint.sarif" || true
"$tools/node_modules/.bin/sarif-multitool" validate "$work/runlint.sarif" --output "$work/validation.sarif" --log ForceOverwrite >/dev/null
python3 - "$work/validation.sarif" "$work/runlint.sarif" <<'PY'
import json, sys
validation = json.load(open(sys.argv[1]))
problems = [r for run in validation["runs"] for r in run.get("results", []) if r.get("level", "warning") in ("error", "warning")]
for p in problems:
    print(p.get("ruleId"), p["message"].get("text") or p["message"])
results = json.load(open(sys.argv[2]))["runs"][0]["results"]
assert results, "the SARIF under test has no results"
assert not problems, f"{len(problems)} validator findings"
print(f"ok: {len(results)} results, 0 validator errors or warnings")
PY

echo "--- JUnit: junitparser and the junit-10.xsd schema"
"$runlint" --format json "${inputs[@]}" > "$work/runlint.json" || true
for level in error warning info; do
  "$runlint" --format junit --fail-level "$level" "${inputs[@]}" > "$work/runlint-$level.xml" || true
  xmllint --noout --schema "$tools/junit-10.xsd" "$work/runlint-$level.xml" 2>&1 | tail -n 1
  "$tools/venv/bin/python" - "$work/runlint-$level.xml" "$work/runlint.json" "$level" <<'PY'
import json, sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
report = json.load(open(sys.argv[2]))
order = ["info", "warning", "error"]
failing = [d for d in report["diagnostics"] if order.index(d["severity"]) >= order.index(sys.argv[3])]
suites = list(xml)
cases = sum(1 for suite in suites for case in suite)
failures = sum(1 for suite in suites for case in suite for result in case.result if isinstance(result, Failure))
assert len(suites) == report["summary"]["files"], (len(suites), report["summary"])
assert failures == len(failing), (failures, len(failing))
assert cases >= len(report["diagnostics"]), (cases, len(report["diagnostics"]))
print(f"ok: --fail-level {sys.argv[3]}: {len(suites)} suites, {cases} test cases, {failures} failures, as in the JSON report")
PY
done

echo "--- plan schema: yaml-language-server agrees with runlint"
"$runlint" --print-schema > "$work/plan.schema.json"
server=$tools/node_modules/yaml-language-server/bin/yaml-language-server
# Every plan runlint reads without a shape error is valid for the schema, as an editor
# reads it (YAML 1.2); every plan in tests/data/schema-rejects is invalid for both, with
# a message a coach can read.
readable=()
for plan in examples/*.yaml fixtures/*/*.yaml fixtures/plans/*/*.yaml tests/data/schema-accepts/*.yaml; do
  # Read whole before grep: `grep -q` stops early, and a cut pipe fails under pipefail.
  findings=$("$runlint" --no-config --format short "$plan" 2>/dev/null || true)
  if ! grep -q "syntax-error\|invalid-plan" <<<"$findings"; then
    readable+=("$plan")
  fi
done
rejected=(tests/data/schema-rejects/*.yaml)
for plan in "${rejected[@]}"; do
  findings=$("$runlint" --no-config --format short "$plan" 2>/dev/null || true)
  grep -q "invalid-plan" <<<"$findings" || { echo "runlint accepts $plan"; exit 1; }
done
node scripts/lsp-validate.mjs "$server" "$work/plan.schema.json" "${readable[@]}" "${rejected[@]}" > "$work/schema-diagnostics.json"
python3 - "$work/schema-diagnostics.json" "${#readable[@]}" <<'PY'
import json, sys
found = json.load(open(sys.argv[1]))
paths = list(found)
readable, rejected = paths[: int(sys.argv[2])], paths[int(sys.argv[2]):]
wrongly = {path: [d["message"] for d in found[path]] for path in readable if found[path]}
assert not wrongly, f"the schema rejects plans runlint reads: {wrongly}"
for path in rejected:
    messages = [d["message"] for d in found[path]]
    assert messages, f"the schema accepts {path}, which runlint rejects"
    assert all(len(m) < 300 for m in messages), f"{path}: unreadable message {messages}"
    print(f"ok: {path} -> {messages[0]}")
print(f"ok: {len(readable)} plans runlint reads have no schema diagnostics")
PY

echo "--- shell completions: bash-completion's loader"
# Installed where the README says; the loader finds it on first use of `runlint`.
mkdir -p "$work/xdg/bash-completion/completions"
"$runlint" completions bash > "$work/xdg/bash-completion/completions/runlint"
XDG_DATA_HOME=$work/xdg PATH=$(dirname "$runlint"):$PATH bash -c '
  source /usr/share/bash-completion/bash_completion
  __load_completion runlint || { echo "the loader found no completion for runlint"; exit 1; }
  complete_with=$(complete -p runlint | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
  COMP_WORDS=(runlint --exit); COMP_CWORD=1; COMP_LINE="runlint --exit"; COMP_POINT=${#COMP_LINE}
  "$complete_with" runlint --exit runlint
  [ "${COMPREPLY[*]}" = "--exit-zero" ] || { echo "completed --exit to: ${COMPREPLY[*]}"; exit 1; }
  COMP_WORDS=(runlint --format ""); COMP_CWORD=2; COMP_LINE="runlint --format "; COMP_POINT=${#COMP_LINE}
  "$complete_with" runlint "" --format
  [[ " ${COMPREPLY[*]} " == *" auto "*" sarif "* ]] || { echo "formats: ${COMPREPLY[*]}"; exit 1; }
  echo "ok: bash-completion loads runlint'"'"'s completions and completes options and formats"
'

echo "--- the man page: man -l"
"$runlint" man > "$work/runlint.1"
MANWIDTH=100 MANPAGER=cat man -l "$work/runlint.1" > "$work/man.txt" 2>"$work/man.err"
grep -q "runlint - Lints the strength training" "$work/man.txt" && grep -q -- "--output-file" "$work/man.txt" \
  || { cat "$work/man.err"; echo "man -l does not show runlint's page"; exit 1; }
[ ! -s "$work/man.err" ] || { cat "$work/man.err"; echo "man -l warns about the page"; exit 1; }
echo "ok: man -l reads the page"

echo "--- pre-commit: try-repo"
repo=$work/plans
mkdir -p "$repo" && cp examples/spring-half-marathon.yaml "$repo/plan.yaml"
# The repository's other YAML is not a plan and must not be flagged.
printf 'repos:\n  - repo: local\n    hooks: []\n' > "$repo/.pre-commit-config.yaml"
printf 'test:\n  script: [make test]\n' > "$repo/.gitlab-ci.yml"
(cd "$repo" && git init -q && git add plan.yaml .pre-commit-config.yaml .gitlab-ci.yml)
set +e
(cd "$repo" && "$tools/venv/bin/pre-commit" try-repo "$root" runlint --all-files >"$work/pre-commit.log" 2>&1)
status=$?
set -e
grep -q "heavy-before-hard" "$work/pre-commit.log" || { cat "$work/pre-commit.log"; exit 1; }
[ "$status" -ne 0 ] || { echo "pre-commit should fail on the example's error"; exit 1; }
if grep -q "pre-commit-config\|gitlab-ci" "$work/pre-commit.log"; then cat "$work/pre-commit.log"; exit 1; fi
echo "ok: the hook ran runlint, failed on the example's heavy-before-hard error and left the other YAML alone"

scripts/packaging.sh

echo "--- HTML report: Chromium"
# Debian's Chromium, driven by playwright-core, at 1400 and 390 px wide and printed to PDF
# (read back with pdftotext); screenshots land in target/report for review. The noisy plan
# is a gym programme pasted into a 10K plan: many findings, upper-body days labelled heavy,
# runs in minutes.
shots=$root/target/report
mkdir -p "$shots"
"$runlint" --no-config --format json --report "$shots/example.html" examples/spring-half-marathon.yaml > "$work/example.json" || true
"$runlint" --no-config --format json --report "$shots/plans.html" examples fixtures/plans > "$work/plans.json" || true
"$runlint" --no-config --format json --report "$shots/noisy.html" tests/data/report/noisy-gym-plan.yaml > "$work/noisy.json" || true
node scripts/report-browser.mjs "$tools" "$shots" "$shots/example.html" "$work/example.json" "$shots/plans.html" "$work/plans.json" \
  "$shots/noisy.html" "$work/noisy.json"

echo "--- language server: the editors' setup"
# A repository holding the example plan with one unknown exercise written after an emoji
# on its line, and an empty runlint.toml that the Neovim session edits and saves.
editor=$work/editor
mkdir -p "$editor/.git" && : > "$editor/runlint.toml"
python3 - "$root/examples/spring-half-marathon.yaml" "$editor/plan.yaml" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
at = next(i for i, line in enumerate(lines) if "- reverse lunge:" in line)
indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
lines.insert(at + 1, indent + '- {notes: "🏃‍♀️ with a smile", name: frobnicator, sets: 1, reps: 5}')
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
(cd "$editor" && "$runlint" --format json plan.yaml > "$work/editor-expected.json") || true

echo "--- language server: Vim with ALE"
(cd "$editor" && PATH="$(dirname "$runlint"):$PATH" RUNLINT_PLAN=plan.yaml RUNLINT_OUT="$work/ale.txt" \
  timeout 60 vim -N -u NONE -i NONE -es -S "$root/scripts/vim-ale.vim") || true
python3 - "$work/editor-expected.json" "$editor/plan.yaml" "$work/ale.txt" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
text = open(sys.argv[2], "rb").read()
starts = [0] + [i + 1 for i, b in enumerate(text) if b == 10]
expected = sorted(
    f"{d['rule']}@{d['range']['start']['line']}:{d['range']['start']['offset'] - starts[d['range']['start']['line'] - 1] + 1}"
    for d in report["diagnostics"]
)
shown = sorted(open(sys.argv[3]).read().split())
assert shown == expected, (shown, expected)
print(f"ok: ALE shows the {len(shown)} findings at the places the JSON output gives, the one after an emoji included")
PY

echo "--- language server: Neovim's built-in LSP client"
nvim --version | head -1
timeout 120 nvim --headless --clean -c "luafile scripts/nvim-lsp.lua" "$runlint" "$editor/plan.yaml" "$work/editor-expected.json" 2>/dev/null
