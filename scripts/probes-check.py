#!/usr/bin/env python3
"""Checks plans against their `# expect: rule` markers with a given runlint binary.

Usage: probes-check.py RUNLINT DIR [-v]

A plan holds when the findings of the default configuration start exactly on the marked
lines, with the marked rules, and nowhere else. Prints each plan that does not hold and
the count that do.
"""
import json
import pathlib
import subprocess
import sys


def markers(text):
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if "# expect:" in line:
            rules = line.split("# expect:", 1)[1]
            found += [(number, rule.strip()) for rule in rules.split(",") if rule.strip()]
    return sorted(found)


def findings(binary, path):
    run = subprocess.run([binary, "--format", "json", str(path)], capture_output=True, text=True, check=False)
    report = json.loads(run.stdout)
    return sorted((d["range"]["start"]["line"], d["rule"]) for d in report["diagnostics"])


def main():
    binary, directory = sys.argv[1], pathlib.Path(sys.argv[2])
    verbose = "-v" in sys.argv[3:]
    plans = sorted(directory.glob("*.yaml"))
    holding = 0
    for path in plans:
        expected, actual = markers(path.read_text()), findings(binary, path)
        if expected == actual:
            holding += 1
            continue
        print(f"{path.name}: does not hold")
        if verbose:
            print(f"  expected {expected}\n  actual   {actual}")
    print(f"{holding} of {len(plans)} plans hold")


if __name__ == "__main__":
    main()
