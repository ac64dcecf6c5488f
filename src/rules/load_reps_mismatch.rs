//! `load-reps-mismatch`: more reps than an athlete can do at the prescribed share of max.

use super::RuleContext;
use crate::model::{Model, share_of_max};
use crate::plan::load::Number;

declare_rule! {
    name: "load-reps-mismatch",
    category: Volume,
    default: info,
    summary: "more reps than can be done at the prescribed share of one-rep max (Epley's estimate + 2)",
}

/// The most reps an athlete can usually do at `share` of their max: Epley's estimate plus a margin of 2.
fn reachable_reps(share: f64) -> f64 {
    30.0 * (1.0 / share - 1.0) + 2.0
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for (_, session, exercise) in model.exercises() {
        let e = exercise.exercise;
        let (Some(load), Some(reps)) = (&e.load, &e.reps) else {
            continue;
        };
        let Some(share) = share_of_max(load.value, exercise.max_kg).filter(|s| *s > 0.0) else {
            continue;
        };
        let Some(upper) = reps.value.upper() else {
            continue;
        };
        let limit = reachable_reps(share);
        if f64::from(upper) <= limit {
            continue;
        }
        let finding = cx
            .exercise_finding(session, exercise, format!("{upper} reps of `{}` at {:.0}% of max", e.name.value, share * 100.0)).with_span(reps.span)
            .with_span_label(format!("about {} reps are possible at this load", Number(limit.floor())))
            .with_label(load.span, format!("{:.0}% of one-rep max", share * 100.0))
            .with_help(format!("prescribe at most {} reps at this load, or lower the load", Number(limit.floor())));
        cx.report(finding);
    }
}
