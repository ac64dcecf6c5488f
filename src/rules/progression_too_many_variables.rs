//! `progression-too-many-variables`: more than one variable rising at once.

use super::{Category, Rule, RuleContext, RuleMeta};
use crate::diagnostic::Severity;
use crate::model::{Model, rising_changes};

/// The rule.
pub struct ProgressionTooManyVariables;

static META: RuleMeta = RuleMeta {
    name: "progression-too-many-variables",
    category: Category::Progression,
    default_severity: Some(Severity::Warning),
    summary: "more than one of sets, reps, tempo and load rose since the exercise's previous occurrence",
    doc: include_str!("../../rules/progression-too-many-variables.md"),
    options: &[],
};

impl Rule for ProgressionTooManyVariables {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        for (week_position, week) in model.weeks.iter().enumerate() {
            for session in &week.sessions {
                for exercise in &session.exercises {
                    let Some(previous) = model.previous_occurrence(week_position, session, exercise) else {
                        continue;
                    };
                    let changes = rising_changes(previous.exercise, exercise);
                    let [first, rest @ ..] = changes.as_slice() else {
                        continue;
                    };
                    if rest.is_empty() {
                        continue;
                    }
                    let name = &exercise.exercise.name.value;
                    let all: Vec<String> = changes.iter().map(|c| c.describe()).collect();
                    let others: Vec<&str> = rest.iter().map(|c| c.variable).collect();
                    let mut finding = cx
                        .exercise_finding(
                            session,
                            exercise,
                            exercise.exercise.name.span,
                            format!("`{name}` rose in {} variables at once", changes.len()),
                        )
                        .with_span_label(all.join(", "))
                        .with_help(format!(
                            "progress one variable at a time: this week raise only {} ({}) and keep {} as in week {}",
                            first.variable,
                            first.describe(),
                            others.join(", "),
                            previous.week.week.number
                        ));
                    for change in &changes {
                        finding = finding.with_label(change.span, change.describe());
                    }
                    finding = finding.with_label(
                        previous.exercise.exercise.name.span,
                        format!("previous: week {}", previous.week.week.number),
                    );
                    cx.report(finding);
                }
            }
        }
    }
}
