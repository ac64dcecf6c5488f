//! Snapshots of the human and JSON output for the bundled example plan. Reviewed by hand:
//! the example has exactly three genuine problems, one per headline rule it shows.

mod common;

use common::{lint, read, root};
use runlint::render::{FileReport, Format, RenderOptions, render};

fn rendered(format: Format) -> String {
    let name = "examples/spring-half-marathon.yaml";
    let (source, diagnostics) = lint(name, &read(&root().join(name)));
    let mut out = Vec::new();
    let result = render(format, &[FileReport { source, diagnostics }], &common::render_options(), &mut out);
    assert!(result.is_ok());
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn example_human_output() {
    insta::assert_snapshot!(rendered(Format::Human));
}

#[test]
fn example_json_output() {
    insta::assert_snapshot!(rendered(Format::Json));
}

#[test]
fn example_short_output() {
    insta::assert_snapshot!(rendered(Format::Short));
}

#[test]
fn example_sarif_output() {
    insta::assert_snapshot!(rendered(Format::Sarif));
}

#[test]
fn example_github_output() {
    insta::assert_snapshot!(rendered(Format::Github));
}

#[test]
fn example_junit_output() {
    insta::assert_snapshot!(rendered(Format::Junit));
}
