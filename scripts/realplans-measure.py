#!/usr/bin/env python3
"""Measure a runlint binary on the realplans corpus and print a markdown report.

    python3 scripts/realplans-measure.py BINARY CORPUS [--threads N] [--per-plan]
                                      [--no-human] [--save FILE.json]

The corpus is the output of `realplans.py --all OUTDIR` (see docs/real-plans.md): one flat folder of
`<calendar-hack stem>__<strength tag>.yaml`, where the tag is `none`, `article-beginner`,
`article-gym` or `liftosaur-<programme stem>` (ss1, gzclp, the531bbb, the5314b,
monolith531). The group of a plan (liftosaur / article / none) comes from that tag and is
cross-checked with the `# Strength: ...` header line written by realplans.py.

Counts:
  * findings      = JSON diagnostics (`--format json --no-config`), all severities;
  * distinct      = number of distinct rules among a plan's findings;
  * human entries = lines of `--format human --color never` output starting with
                    `error[`, `warning[` or `info[` (one run per file); repeated
                    findings of a rule are folded into one entry, so this is
                    usually smaller than `findings`.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

GROUPS = ("liftosaur", "article", "none")
SEVERITIES = ("error", "warning", "info")
HUMAN_ENTRY = re.compile(r"^(error|warning|info)\[")
UNKNOWN = re.compile(r"unknown exercise `([^`]*)`")


def plan_key(path: Path) -> tuple[str, str, str]:
    """(running-plan stem, strength tag, group) from the file name and header."""
    stem, sep, tag = path.stem.rpartition("__")
    if not sep:
        raise SystemExit(f"{path.name}: not a realplans file name (<plan>__<source>.yaml)")
    group = ("liftosaur" if tag.startswith("liftosaur-") else
             "article" if tag.startswith("article-") else
             "none" if tag == "none" else None)
    if group is None:
        raise SystemExit(f"{path.name}: unknown strength tag {tag!r}")
    head = path.read_text(encoding="utf-8").split("\n", 12)[:12]
    spec = next((l.split("Strength:", 1)[1].strip() for l in head if "Strength:" in l), None)
    if spec is not None and not spec.startswith(tag.replace("liftosaur-", "liftosaur:", 1)):
        raise SystemExit(f"{path.name}: header says `Strength: {spec}`, file name says {tag}")
    return stem, tag, group


def run(binary: str, args: list[str]) -> str:
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{binary} {' '.join(args[:4])} ... exited {p.returncode}:\n{p.stderr[:2000]}")
    return p.stdout


def med(xs) -> str:
    xs = list(xs)
    if not xs:
        return "-"
    m = statistics.median(xs)
    return str(int(m)) if m == int(m) else f"{m:.1f}"


def table(header: list[str], rows: list[list]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--threads", type=int, default=1, help="passed to runlint (default 1)")
    ap.add_argument("--per-plan", action="store_true", help="also list every plan")
    ap.add_argument("--no-human", action="store_true", help="skip the human-output runs")
    ap.add_argument("--save", metavar="FILE", help="write the per-plan numbers as JSON")
    args = ap.parse_args(argv)

    corpus = Path(args.corpus).resolve()
    files = sorted(corpus.glob("*.yaml"))
    if not files:
        raise SystemExit(f"no *.yaml in {corpus}")
    keys = {f.name: plan_key(f) for f in files}

    # --- JSON: one run over the folder ------------------------------------------------
    out = run(args.binary, ["--format", "json", "--no-config", "--threads", str(args.threads),
                            str(corpus)])
    doc = json.loads(out)
    diags = doc["diagnostics"]
    by_file = collections.defaultdict(list)
    for d in diags:
        name = Path(d["file"]).name
        if name not in keys:
            raise SystemExit(f"diagnostic for a file outside the corpus: {d['file']}")
        by_file[name].append(d)
    if doc.get("summary", {}).get("files") not in (None, len(files)):
        print(f"> note: binary linted {doc['summary']['files']} files, corpus has {len(files)}\n")

    # --- human: one run per file (entry count per plan) --------------------------------
    human = {}
    if not args.no_human:
        for f in files:
            txt = run(args.binary, ["--format", "human", "--color", "never", "--no-config",
                                    "--threads", "1", str(f)])
            human[f.name] = sum(1 for line in txt.splitlines() if HUMAN_ENTRY.match(line))

    plans = {}
    for f in files:
        stem, tag, group = keys[f.name]
        ds = by_file[f.name]
        plans[f.name] = {
            "plan": stem, "source": tag, "group": group, "findings": len(ds),
            "distinct": len({d["rule"] for d in ds}),
            "human": human.get(f.name),
            **{s: sum(d["severity"] == s for d in ds) for s in SEVERITIES},
        }

    L = []
    version = run(args.binary, ["--version"]).strip()
    sev = collections.Counter(d["severity"] for d in diags)
    L.append(f"# realplans measurement: `{args.binary}` ({version})")
    L.append("")
    L.append(f"corpus `{corpus}`: **{len(files)} plans** "
             f"({len({p['plan'] for p in plans.values()})} running plans x strength sources); "
             f"**{len(diags)} findings** = {sev['error']} errors, {sev['warning']} warnings, "
             f"{sev['info']} infos"
             + ("" if args.no_human else f"; **{sum(human.values())} human-output entries**") + ".")
    L.append("")

    # --- per group / per source ------------------------------------------------------
    L.append("## Findings per plan, by strength source")
    L.append("")
    rows = []
    def grp_row(label, ps):
        return [label, len(ps), sum(p["findings"] for p in ps), med(p["findings"] for p in ps),
                f"{min(p['findings'] for p in ps)}-{max(p['findings'] for p in ps)}",
                med(p["distinct"] for p in ps), sum(p["error"] for p in ps),
                sum(p["warning"] for p in ps), sum(p["info"] for p in ps),
                "-" if args.no_human else med(p["human"] for p in ps)]
    allp = list(plans.values())
    rows.append(grp_row("**all**", allp))
    for g in GROUPS:
        ps = [p for p in allp if p["group"] == g]
        if ps:
            rows.append(grp_row(f"**{g}**", ps))
        for tag in sorted({p["source"] for p in ps} if g != "none" else []):
            rows.append(grp_row(f"  {tag}", [p for p in ps if p["source"] == tag]))
    L += table(["source", "plans", "findings", "median/plan", "min-max", "median distinct",
                "errors", "warnings", "infos", "median human entries"], rows)
    L.append("")

    # --- by rule ------------------------------------------------------------------------
    L.append("## Findings by rule")
    L.append("")
    by_rule = collections.defaultdict(collections.Counter)
    sev_of, plans_with = {}, collections.Counter()
    for name, ds in by_file.items():
        g = keys[name][2]
        for d in ds:
            by_rule[d["rule"]][g] += 1
            sev_of[d["rule"]] = d["severity"]
        for r in {d["rule"] for d in ds}:
            plans_with[r] += 1
    rows = [[r, sev_of[r], sum(c.values()), plans_with[r], *(c[g] for g in GROUPS)]
            for r, c in sorted(by_rule.items(), key=lambda kv: -sum(kv[1].values()))]
    L += table(["rule", "severity", "total", "plans hit", *GROUPS], rows)
    L.append("")

    # --- article routines ---------------------------------------------------------------
    art = sorted(n for n in plans if plans[n]["group"] == "article")
    L.append(f"## Article-routine plans ({len(art)})")
    L.append("")
    errs = [d for n in art for d in by_file[n] if d["severity"] == "error"]
    L.append(f"### Errors ({len(errs)})")
    L.append("")
    for d in errs:
        where = f"w{d.get('week', '?')}" + (f" {d['day']}" if d.get("day") else "")
        L.append(f"- `{Path(d['file']).name}` {where} [{d['rule']}] {d['message']}")
    if not errs:
        L.append("(none)")
    L.append("")
    L.append("### Warnings and infos by rule")
    L.append("")
    c = collections.defaultdict(collections.Counter)
    for n in art:
        for d in by_file[n]:
            if d["severity"] != "error":
                c[(d["rule"], d["severity"])][plans[n]["source"]] += 1
    tags = sorted({plans[n]["source"] for n in art})
    rows = [[r, s, sum(v.values()), *(v[t] for t in tags)]
            for (r, s), v in sorted(c.items(), key=lambda kv: -sum(kv[1].values()))]
    L += table(["rule", "severity", "total", *tags], rows)
    L.append("")
    # distinct messages per rule (messages with numbers folded), to see what fires
    L.append("Distinct article-routine warning messages (digits folded to #), top 3 per rule:")
    L.append("")
    msgs = collections.defaultdict(collections.Counter)
    for n in art:
        for d in by_file[n]:
            if d["severity"] == "warning":
                msgs[d["rule"]][re.sub(r"\d+", "#", d["message"])] += 1
    for r, mc in sorted(msgs.items()):
        for m, k in mc.most_common(3):
            L.append(f"- [{r}] {k}x {m}")
    L.append("")

    # --- unknown exercises ----------------------------------------------------------------
    unk = collections.Counter()
    unk_src = collections.defaultdict(set)
    for name, ds in by_file.items():
        for d in ds:
            if d["rule"] == "unknown-exercise":
                m = UNKNOWN.search(d["message"])
                ex = m.group(1) if m else d["message"]
                unk[ex] += 1
                unk_src[ex].add(keys[name][1])
    L.append(f"## unknown-exercise: {sum(unk.values())} occurrences, {len(unk)} distinct names")
    L.append("")
    L += table(["name", "count", "sources"],
               [[f"`{n}`", k, ", ".join(sorted(unk_src[n]))] for n, k in unk.most_common()])
    L.append("")

    # --- matrix: running plan x source ---------------------------------------------------
    L.append("## Per plan: findings/distinct rules (rows: running plan, columns: source)")
    L.append("")
    srcs = sorted({p["source"] for p in allp},
                  key=lambda t: (GROUPS.index(plans_group(t)), t))
    stems = sorted({p["plan"] for p in allp})
    cell = {(p["plan"], p["source"]): p for p in allp}
    rows = []
    for s in stems:
        row = [s]
        for t in srcs:
            p = cell.get((s, t))
            row.append(f"{p['findings']}/{p['distinct']}" if p else "")
        rows.append(row)
    L += table(["plan", *[t.replace("liftosaur-", "l:") for t in srcs]], rows)
    L.append("")

    if args.per_plan:
        L.append("## Every plan")
        L.append("")
        L += table(["file", "findings", "distinct", "E", "W", "I", "human"],
                   [[n, p["findings"], p["distinct"], p["error"], p["warning"], p["info"],
                     "-" if p["human"] is None else p["human"]] for n, p in plans.items()])
        L.append("")

    if args.save:
        Path(args.save).write_text(json.dumps({"binary": args.binary, "version": version,
                                               "plans": plans}, indent=1))
    print("\n".join(L))
    return 0


def plans_group(tag: str) -> str:
    return ("liftosaur" if tag.startswith("liftosaur-") else
            "article" if tag.startswith("article-") else "none")


if __name__ == "__main__":
    sys.exit(main())
