//! `progression-too-many-variables`: more than one variable rising at once.

use super::RuleContext;
use crate::model::{Model, rising_changes};

declare_rule! {
    name: "progression-too-many-variables",
    category: Progression,
    default: warning,
    summary: "more than one of sets, reps, tempo and load rose since the exercise's previous occurrence",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for (week_position, week) in model.weeks.iter().enumerate() {
        for session in &week.sessions {
            for exercise in &session.exercises {
                let Some(previous) = model.progression_base(week_position, session, exercise) else {
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
                let message = format!("`{name}` rose in {} variables at once", changes.len());
                let finding = cx
                    .exercise_finding(session, exercise, message)
                    .with_span_label(all.join(", "))
                    .with_help(format!(
                        "progress one variable at a time: raise only {} this week ({} -> {}) and keep {} as in week {}",
                        first.variable,
                        first.from,
                        first.to,
                        english_list(&others),
                        previous.week.week.number
                    ))
                    .with_labels(changes.iter().map(|change| (change.span, change.describe())))
                    .with_label(
                        previous.exercise.exercise.name.span,
                        format!("previous: week {}", previous.week.week.number),
                    );
                cx.report(finding);
            }
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn english_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
