//! `sets-to-failure`: sets taken to failure (as many reps as possible, or RPE 10).

use super::RuleContext;
use crate::fix::{Applicability, Fix};
use crate::model::Model;
use crate::plan::{Amount, Load};

declare_rule! {
    name: "sets-to-failure",
    category: Volume,
    default: warning,
    summary: "an exercise prescribed as many reps as possible or at RPE 10",
    fix: unsafe,
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for (_, session, exercise) in model.exercises() {
        let e = exercise.exercise;
        let amrap = e.reps.as_ref().filter(|r| matches!(r.value, Amount::AsManyAsPossible(_)));
        let rpe_10 = e.load.as_ref().filter(|l| matches!(l.value, Load::Rpe(rpe) if rpe >= 10.0));
        // `5+` becomes `5` and RPE 10 becomes RPE 8; `amrap` and `max` name no number to keep.
        let (span, how, fixed) = match (amrap, rpe_10) {
            (Some(reps), _) => {
                let fixed = match reps.value {
                    Amount::AsManyAsPossible(Some(minimum)) => Some(minimum.to_string()),
                    _ => None,
                };
                (reps.span, format!("`{}` reps: as many as possible", reps.value), fixed)
            }
            (None, Some(load)) => (load.span, format!("`{}`: maximal effort", load.value), Some("RPE 8".to_owned())),
            (None, None) => continue,
        };
        let finding = cx
            .exercise_finding(session, exercise, format!("`{}` is taken to failure", e.name.value))
            .with_span(span)
            .with_span_label(how)
            .with_help(
                "stop each set with one or two reps in reserve: prescribe a fixed number such as `3x8` or RPE 8",
            );
        let finding = match fixed {
            Some(text) => {
                finding.with_fix(Fix::replace(Applicability::Unsafe, format!("prescribe `{text}`"), span, text))
            }
            None => finding,
        };
        cx.report(finding);
    }
}
