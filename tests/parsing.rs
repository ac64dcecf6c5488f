//! Parsing and lowering: positions and collecting every shape error (hostile YAML is in
//! `hostile.rs`).

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{lint, lint_lines};

const PLAN: &str = "plan: Grüße 🏃 test\nweeks:\n  - week: 1\n    notes: Übung macht den Meister 💪\n    days:\n      mon:\n        - strength: Beine 🦵\n          exercises:\n            - squat: 3x10\n            - dead bug: 2x8\n";

#[test]
fn crlf_files_report_the_same_lines_and_columns_as_lf_files() {
    let crlf = PLAN.replace('\n', "\r\n");
    let (lf_source, lf) = lint("lf.yaml", PLAN);
    let (crlf_source, crlf_diagnostics) = lint("crlf.yaml", &crlf);
    assert!(!lf.is_empty(), "the plan must produce diagnostics to compare");
    assert_eq!(lf.len(), crlf_diagnostics.len());
    for (a, b) in lf.iter().zip(&crlf_diagnostics) {
        let (pa, pb) = (lf_source.position(a.span.start), crlf_source.position(b.span.start));
        assert_eq!((a.rule.name, pa.line, pa.column), (b.rule.name, pb.line, pb.column));
        // Each earlier line ends with one more byte (`\r`) in the CRLF file.
        assert_eq!(pb.offset, pa.offset + pa.line - 1);
        assert_eq!(lf_source.slice(a.span), crlf_source.slice(b.span));
    }
}

#[test]
fn columns_count_unicode_scalar_values() {
    let (source, diagnostics) = lint("u.yaml", PLAN);
    let calf = diagnostics.iter().find(|d| d.rule.name == "calf-work-missing");
    let Some(calf) = calf else { panic!("calf-work-missing expected: {diagnostics:?}") };
    let position = source.position(calf.span.start);
    assert_eq!((position.line, position.column), (7, 11));
    // The emoji before the span on line 4 must not shift columns on later lines.
    let text = "plan: x\nweeks: 🏃🏃 oops\n";
    let (source, diagnostics) = lint("e.yaml", text);
    let first = diagnostics.first().map(|d| source.position(d.span.start));
    assert_eq!(first.map(|p| (p.line, p.column, p.offset)), Some((2, 8, 15)));
}

#[test]
fn five_shape_mistakes_give_five_invalid_plan_diagnostics() {
    let text = "\
plan: Five mistakes
weeks:
  - week: 1
    phase: bild
    days:
      mon:
        - strength: Legs
          exercises:
            - squat: 3 by 10
            - name: split squat
              sest: 3
            - calf raise: {sets: three, reps: 12}
      tue:
        run: tempo run
";
    let lines = lint_lines(text);
    let expected: Vec<(usize, String)> =
        [4, 9, 11, 12, 14].into_iter().map(|line| (line, "invalid-plan".to_owned())).collect();
    assert_eq!(lines, expected);
}

#[test]
fn unknown_keys_come_with_a_suggestion() {
    let (_, diagnostics) = lint("k.yaml", "plan: x\nweeks:\n  - wek: 1\n    days: {mon: rest}\n");
    let helps: Vec<Option<&str>> = diagnostics.iter().map(|d| d.help.as_deref()).collect();
    assert!(helps.contains(&Some("did you mean `week`?")), "{diagnostics:?}");
}

#[test]
fn broken_yaml_is_a_located_syntax_error() {
    let (source, diagnostics) = lint("s.yaml", "plan: x\nweeks:\n  - week: 1\n    days: [mon\n");
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].rule.name, "syntax-error");
    assert!(source.line_of(diagnostics[0].span.start) >= 4);
}

#[test]
fn rules_do_not_run_on_an_invalid_plan() {
    let text = "plan: x\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [squat]\n        minuts: 20\n";
    let lines = lint_lines(text);
    assert_eq!(lines, vec![(8, "invalid-plan".to_owned())]);
}
