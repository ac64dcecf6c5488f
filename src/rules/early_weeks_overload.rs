//! `early-weeks-overload`: too many sets or external load while the athlete is new to lifting.

use super::RuleContext;
use crate::fix::{Applicability, Edit, Fix};
use crate::model::Model;

declare_rule! {
    name: "early-weeks-overload",
    category: Progression,
    default: warning,
    summary: "more than 2 sets or an external load in training weeks 1 and 2",
    fix: unsafe,
}

/// Training weeks up to this one count as "new to strength work".
const LAST_EARLY_WEEK: u32 = 2;
/// The most sets per exercise in the early weeks.
const EARLY_MAX_SETS: u32 = 2;

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in model.weeks.iter().filter(|w| w.training_week <= LAST_EARLY_WEEK) {
        // The worry is sore legs spoiling the first weeks of running: arms and core are
        // left alone.
        for (session, exercise) in week.exercises().filter(|(_, e)| e.identity.is_some() && e.tags.trains_legs()) {
            let name = &exercise.exercise.name.value;
            let sets = exercise.exercise.sets.as_ref().filter(|s| s.value > EARLY_MAX_SETS);
            let load = exercise.exercise.load.as_ref().filter(|l| l.value.is_external());
            // One finding per exercise: at the sets when there are too many, with the load
            // as a second label when it is external too.
            let (message, span, label, help) = match (sets, load) {
                (Some(sets), load) => (
                    format!("{} sets of `{name}` in training week {}", sets.value, week.training_week),
                    sets.span,
                    format!("more than {EARLY_MAX_SETS} sets while the athlete is new to strength work"),
                    match load {
                        Some(_) => format!(
                            "for the first two weeks use about half the full dose: {EARLY_MAX_SETS} sets, fewer reps, bodyweight only"
                        ),
                        None => format!(
                            "for the first two weeks use about half the full dose: {EARLY_MAX_SETS} sets and fewer reps"
                        ),
                    },
                ),
                (None, Some(load)) => (
                    format!("`{name}` loaded with `{}` in training week {}", load.value, week.training_week),
                    load.span,
                    "external load while the athlete is new to strength work".to_owned(),
                    "start with bodyweight for the first two weeks, then add load one step at a time".to_owned(),
                ),
                (None, None) => continue,
            };
            let extra_load = load.filter(|_| sets.is_some());
            let finding = cx
                .exercise_finding(session, exercise, message)
                .with_span(span)
                .with_span_label(label)
                .with_labels(extra_load.map(|load| (load.span, format!("and loaded with {}", load.value))))
                .with_help(help);
            // The dose of the first weeks: two sets, bodyweight.
            let mut edits = Vec::new();
            if let Some(sets) = sets {
                edits.push(Edit { span: sets.span, text: EARLY_MAX_SETS.to_string() });
            }
            if let Some(load) = load {
                edits.push(Edit { span: load.span, text: "bw".to_owned() });
            }
            let what = match (sets, load) {
                (Some(_), Some(_)) => format!("use {EARLY_MAX_SETS} sets at bodyweight"),
                (Some(_), None) => format!("use {EARLY_MAX_SETS} sets"),
                _ => "use bodyweight".to_owned(),
            };
            let fix = Fix { message: what, applicability: Applicability::Unsafe, edits };
            cx.report(finding.with_fix(fix));
        }
    }
}
