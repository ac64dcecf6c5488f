//! Inline `# runlint: allow` comments.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::lint_lines;

const PLAN: &str = "plan: x
athlete: {strength_weeks: 20}
weeks:
  - week: 1
    days:
      mon:
        strength: Legs MARK_SAME
        exercises: [squat, glute bridge, dead bug, split squat]
      tue: rest
";

fn with(mark_same: &str, line_above: &str) -> String {
    let plan = PLAN.replace(" MARK_SAME", mark_same);
    plan.replace("      mon:\n", &format!("      mon:\n{line_above}"))
}

#[test]
fn without_a_suppression_the_rule_fires() {
    assert_eq!(lint_lines(&with("", "")), vec![(7, "calf-work-missing".to_owned())]);
}

#[test]
fn a_suppression_on_the_same_line_silences_the_rule() {
    let plan = with("  # runlint: allow calf-work-missing -- calves done on the bike", "");
    assert_eq!(lint_lines(&plan), vec![]);
}

#[test]
fn a_suppression_alone_on_the_line_above_silences_the_rule() {
    let plan = with("", "        # runlint: allow single-leg-missing, calf-work-missing\n");
    // `single-leg-missing` does not fire here (split squat), so that name is unused.
    assert_eq!(lint_lines(&plan), vec![(7, "unused-suppression".to_owned())]);
}

#[test]
fn a_file_wide_suppression_silences_everywhere() {
    let plan = format!("# runlint: allow-file calf-work-missing\n{}", with("", ""));
    assert_eq!(lint_lines(&plan), vec![]);
}

#[test]
fn unused_unknown_and_unsuppressible_names_are_reported() {
    let plan = with("  # runlint: allow heavy-before-hard, calf-work-misssing, invalid-plan", "");
    let lines = lint_lines(&plan);
    assert_eq!(
        lines,
        vec![
            (7, "calf-work-missing".to_owned()),
            (7, "unused-suppression".to_owned()),
            (7, "unused-suppression".to_owned()),
            (7, "unused-suppression".to_owned()),
        ]
    );
}

#[test]
fn invalid_plan_errors_cannot_be_suppressed() {
    let plan = with("", "").replace("tue: rest", "tue: rets  # runlint: allow invalid-plan");
    assert_eq!(lint_lines(&plan), vec![(9, "invalid-plan".to_owned())]);
}

#[test]
fn markers_inside_quoted_or_block_strings_are_text() {
    let plan = with("", "")
        .replace("      tue: rest\n", "      tue: rest\n    notes: |\n      # runlint: allow-file calf-work-missing\n");
    let plan = plan.replace("strength: Legs", "strength: 'Coach''s pick # runlint: allow calf-work-missing'");
    assert_eq!(lint_lines(&plan), vec![(7, "calf-work-missing".to_owned())]);
    let escaped = with("", "").replace("strength: Legs", "strength: \"a \\\" # runlint: allow calf-work-missing\"");
    assert_eq!(lint_lines(&escaped), vec![(7, "calf-work-missing".to_owned())]);
}

#[test]
fn suppressions_work_in_a_plan_with_lone_cr_line_ends() {
    let text = "plan: CR\rathlete: {strength_weeks: 20}\rweeks:\r  - week: 1\r    days:\r      mon:\r        # runlint: allow calf-work-missing -- calf raises on the bike trainer\r        strength: Legs\r        exercises: [squat, single-leg glute bridge, dead bug]\r      tue: rest\r";
    let lines = common::lint_lines(text);
    assert!(lines.iter().all(|(_, rule)| rule != "calf-work-missing" && rule != "unused-suppression"), "{lines:?}");
}
