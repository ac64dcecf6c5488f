//! `early-weeks-overload`: too many sets or external load while the athlete is new to lifting.

use super::RuleContext;
use crate::model::Model;

declare_rule! {
    name: "early-weeks-overload",
    category: Progression,
    default: warning,
    summary: "more than 2 sets or an external load in training weeks 1 and 2",
}

/// Training weeks up to this one count as "new to strength work".
const LAST_EARLY_WEEK: u32 = 2;
/// The most sets per exercise in the early weeks.
const EARLY_MAX_SETS: u32 = 2;

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in model.weeks.iter().filter(|w| w.training_week <= LAST_EARLY_WEEK) {
        for (session, exercise) in week.exercises() {
            if exercise.identity.is_none() {
                continue;
            }
            let name = &exercise.exercise.name.value;
            let place =
                |cx: &RuleContext<'_>, span, message: String| cx.exercise_finding(session, exercise, message).with_span(span);
            if let Some(sets) = exercise.exercise.sets.as_ref().filter(|s| s.value > EARLY_MAX_SETS) {
                let message = format!("{} sets of `{name}` in training week {}", sets.value, week.training_week);
                let finding = place(cx, sets.span, message)
                    .with_span_label(format!(
                        "more than {EARLY_MAX_SETS} sets while the athlete is new to strength work"
                    ))
                    .with_help(format!(
                        "start with {EARLY_MAX_SETS} sets (about half the target volume) for the first two weeks"
                    ));
                cx.report(finding);
            }
            if let Some(load) = exercise.exercise.load.as_ref().filter(|l| l.value.is_external()) {
                let message =
                    format!("`{name}` loaded with {} in training week {}", load.value, week.training_week);
                let finding = place(cx, load.span, message)
                    .with_span_label("external load while the athlete is new to strength work")
                    .with_help("start with bodyweight for the first two weeks, then add load one step at a time");
                cx.report(finding);
            }
        }
    }
}
