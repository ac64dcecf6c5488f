//! Snapshots of the human and JSON output for the bundled example plan. Reviewed by hand:
//! the example has exactly three genuine problems, one per headline rule it shows.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{lint, read, root};
use runlint::render::{Format, LintedFile};

fn example(format: Format) -> String {
    let name = "examples/spring-half-marathon.yaml";
    let (source, diagnostics) = lint(name, &read(&root().join(name)));
    common::rendered(format, &[LintedFile { source, diagnostics }], &common::render_options())
}

#[test]
fn example_human_output() {
    insta::assert_snapshot!(example(Format::Human));
}

#[test]
fn example_json_output() {
    insta::assert_snapshot!(example(Format::Json));
}

#[test]
fn example_short_output() {
    insta::assert_snapshot!(example(Format::Short));
}

#[test]
fn example_sarif_output() {
    insta::assert_snapshot!(example(Format::Sarif));
}

#[test]
fn example_github_output() {
    insta::assert_snapshot!(example(Format::Github));
}

#[test]
fn example_junit_output() {
    insta::assert_snapshot!(example(Format::Junit));
}

/// A fixture where one rule fires in three sessions: one entry with the other places listed,
/// and JSON says which entry each occurrence folds into.
#[test]
fn repeated_findings_fold_into_one_entry() {
    let name = "fixtures/calf-work-missing/invalid.yaml";
    let (source, diagnostics) = lint(name, &read(&root().join(name)));
    let reports = [LintedFile { source, diagnostics }];
    let human = common::rendered(Format::Human, &reports, &common::render_options());
    insta::assert_snapshot!(human);
    assert_eq!(human.matches("warning[calf-work-missing]").count(), 1);
    let all = runlint::render::RenderOptions { show_all: true, ..common::render_options() };
    let every = common::rendered(Format::Human, &reports, &all);
    assert_eq!(every.matches("warning[calf-work-missing]").count(), reports[0].diagnostics.len());
    let json: serde_json::Value =
        serde_json::from_str(&common::rendered(Format::Json, &reports, &common::render_options())).unwrap();
    let folded: Vec<Option<u64>> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["folded_into"].as_u64()).collect();
    assert_eq!(folded[0], None);
    assert!(folded[1..].iter().all(|into| *into == Some(0)), "{folded:?}");
    let github = common::rendered(Format::Github, &reports, &common::render_options());
    assert_eq!(github.lines().count(), 1, "{github}");
    assert!(github.contains("2 more in weeks 1-2"), "{github}");
}
