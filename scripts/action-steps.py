"""Runs the shell steps of a composite GitHub Action (action.yml) as the runner does: each
`run` in `bash --noprofile --norc -eo pipefail`, with the step's `env` (where
`${{ inputs.NAME }}` and `${{ runner.temp }}` are replaced), RUNNER_TEMP, GITHUB_WORKSPACE and
GITHUB_PATH set, and each folder a step appends to GITHUB_PATH put on PATH for the next ones.
A step's `if` may be `always()`, `inputs.NAME == 'VALUE'` or both joined by `&&`; a step that
`uses` another action is reported and skipped. The step's output goes to standard output.

Usage: python action-steps.py ACTION_YML WORKSPACE RUNNER_TEMP [NAME=VALUE]...
Exits with the status of the first failing step, or 0.
"""

import os
import re
import subprocess
import sys

import yaml

action_path, workspace, runner_temp, *assignments = sys.argv[1:]
with open(action_path, encoding="utf-8") as file:
    action = yaml.safe_load(file)
assert action["runs"]["using"] == "composite", "not a composite action"

inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
for assignment in assignments:
    name, value = assignment.split("=", 1)
    assert name in inputs, f"the action has no input {name!r}"
    inputs[name] = value

EXPRESSION = re.compile(r"\$\{\{\s*([a-z_.]+)\s*\}\}")


def expand(text):
    def value(match):
        key = match.group(1)
        if key == "runner.temp":
            return runner_temp
        assert key.startswith("inputs."), f"unsupported expression {key!r}"
        return inputs[key.removeprefix("inputs.")]

    return EXPRESSION.sub(value, str(text))


def runs(condition, failed):
    if condition is None:
        return not failed
    always = False
    for term in (t.strip() for t in str(condition).split("&&")):
        if term == "always()":
            always = True
            continue
        match = re.fullmatch(r"inputs\.([a-z_-]+) == '([^']*)'", term)
        assert match, f"unsupported condition {term!r}"
        if inputs[match.group(1)] != match.group(2):
            return False
    return always or not failed


github_path = os.path.join(runner_temp, "github_path")
open(github_path, "w").close()
status = 0
for step in action["runs"]["steps"]:
    name = step.get("name", step.get("uses", "step"))
    if not runs(step.get("if"), status != 0):
        print(f"[step] {name}: skipped", flush=True)
        continue
    if "uses" in step:
        print(f"[step] {name}: uses {step['uses']}, not run here", flush=True)
        continue
    assert step.get("shell") == "bash", f"{name}: only bash steps are run"
    assert "${{" not in step["run"], f"{name}: the script must read inputs from env, not expressions"
    env = dict(os.environ, RUNNER_TEMP=runner_temp, GITHUB_WORKSPACE=workspace, GITHUB_PATH=github_path)
    with open(github_path, encoding="utf-8") as file:
        added = [line.strip() for line in file if line.strip()]
    env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
    env.update({key: expand(value) for key, value in step.get("env", {}).items()})
    print(f"[step] {name}", flush=True)
    code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=workspace, env=env).returncode
    if code != 0:
        print(f"[step] {name}: exit {code}", flush=True)
        status = status or code
sys.exit(status)
