//! Rule fixtures: `fixtures/<rule>/*.yaml` with `# expect: rule` markers on the lines
//! where that rule's diagnostics must start, checked exactly; plus snapshots of the
//! human output, and the realistic corpus in `fixtures/plans/`, which must stay clean.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{expected_markers, lint, lint_all_rules, read, rendered, root, yaml_files};
use runlint::diagnostic::Severity;
use runlint::render::{Format, LintedFile, RenderOptions};

/// Diagnostics that a fixture must mark whatever rule its folder is for.
const ALWAYS_CHECKED: &[&str] = &["syntax-error", "invalid-plan"];

#[test]
fn every_rule_fixture_matches_its_markers_exactly() {
    let fixtures = root().join("fixtures");
    let mut checked = 0;
    let mut failures = Vec::new();
    for rule in runlint::rules::RULES.iter().map(|r| r.meta.name).chain(["invalid-plan", "unknown-exercise"]) {
        for path in yaml_files(&fixtures.join(rule)) {
            let text = read(&path);
            let (source, diagnostics) = lint_all_rules(&path.display().to_string(), &text);
            let mut actual: Vec<(usize, String)> = diagnostics
                .iter()
                .filter(|d| d.rule.name == rule || ALWAYS_CHECKED.contains(&d.rule.name))
                .map(|d| (source.line_of(d.span.start), d.rule.name.to_owned()))
                .collect();
            actual.sort();
            let expected = expected_markers(&text);
            if actual != expected {
                failures.push(format!("{}:\n  expected {expected:?}\n  actual   {actual:?}", path.display()));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "fixture mismatches:\n{}", failures.join("\n"));
    assert!(checked >= 10, "only {checked} fixtures found");
}

#[test]
fn every_fixture_renders_as_reviewed() {
    let fixtures = root().join("fixtures");
    for rule in runlint::rules::RULES.iter().map(|r| r.meta.name).chain(["invalid-plan", "unknown-exercise"]) {
        for path in yaml_files(&fixtures.join(rule)) {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let name = format!("fixtures/{rule}/{stem}.yaml");
            let (source, mut diagnostics) = lint_all_rules(&name, &read(&path));
            // The snapshot shows the folder's rule only, so each file reviews one rule.
            diagnostics.retain(|d| d.rule.name == rule || ALWAYS_CHECKED.contains(&d.rule.name));
            // A clean fixture's markers already say it is clean: its output is no review.
            if diagnostics.is_empty() {
                continue;
            }
            // Every occurrence is reviewed, so nothing is folded here (`snapshots.rs` shows folding).
            let options = RenderOptions { show_all: true, ..common::render_options() };
            let output = rendered(Format::Human, &[LintedFile { source, diagnostics }], &options);
            // `invalid.yaml` keeps the snapshot name it had before the others were added.
            let snapshot = if stem == "invalid" { format!("human__{rule}") } else { format!("human__{rule}__{stem}") };
            insta::assert_snapshot!(snapshot, output);
        }
    }
}

#[test]
fn the_realistic_corpus_has_no_warnings_or_errors() {
    let plans = yaml_files(&root().join("fixtures/plans"));
    assert!(plans.len() >= 8, "the corpus needs at least 8 plans, found {}", plans.len());
    let mut problems = Vec::new();
    for path in plans {
        let (source, diagnostics) = lint(&path.display().to_string(), &read(&path));
        for d in diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
            let p = source.position(d.span.start);
            problems.push(format!(
                "{}:{}:{}: {}[{}] {}",
                source.name(),
                p.line,
                p.column,
                d.severity,
                d.rule.name,
                d.message
            ));
        }
    }
    assert!(problems.is_empty(), "the clean corpus is not clean:\n{}", problems.join("\n"));
}

/// Probe plans, written as a coach would from the articles: each either has one thing a
/// coach would flag or is good practice that must stay quiet. Every finding of the
/// default configuration, whatever its rule or severity, must be on a marked line.
#[test]
fn every_probe_plan_matches_its_markers_exactly() {
    let probes = yaml_files(&root().join("fixtures/plans/probes"));
    assert!(probes.len() >= 20, "the probes need at least 20 plans, found {}", probes.len());
    let quiet = probes.iter().filter(|path| expected_markers(&read(path)).is_empty()).count();
    assert!(quiet >= 10, "at least 10 probes are good practice that stays quiet, found {quiet}");
    let mut failures = Vec::new();
    for path in &probes {
        let text = read(path);
        let (source, diagnostics) = lint(&path.display().to_string(), &text);
        let mut actual: Vec<(usize, String)> =
            diagnostics.iter().map(|d| (source.line_of(d.span.start), d.rule.name.to_owned())).collect();
        actual.sort();
        let expected = expected_markers(&text);
        if actual != expected {
            failures.push(format!("{}:\n  expected {expected:?}\n  actual   {actual:?}", path.display()));
        }
        // What a coach reads for each probe, reviewed like the rule fixtures' output.
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let (source, diagnostics) = lint(&format!("fixtures/plans/probes/{stem}.yaml"), &text);
        let options = RenderOptions { show_all: true, ..common::render_options() };
        let output = rendered(Format::Human, &[LintedFile { source, diagnostics }], &options);
        insta::assert_snapshot!(format!("probe__{stem}"), output);
    }
    assert!(failures.is_empty(), "probe mismatches:\n{}", failures.join("\n"));
}
