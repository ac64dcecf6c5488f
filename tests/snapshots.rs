//! Snapshots of the human and JSON output for the bundled example plan. Reviewed by hand:
//! the example has exactly three genuine problems, one per headline rule it shows.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{lint, read, root};
use runlint::render::{FileReport, Format};

fn example(format: Format) -> String {
    let name = "examples/spring-half-marathon.yaml";
    let (source, diagnostics) = lint(name, &read(&root().join(name)));
    common::rendered(format, &[FileReport { source, diagnostics }], &common::render_options())
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
