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
        let percent = format!("{:.0}", share * 100.0);
        // From the max up, Epley's estimate is zero reps or fewer and only the margin is
        // left, so the limit means nothing: say what the load is instead.
        let (label, help) = if share >= 1.0 {
            (
                "at or above the one-rep max: one rep at most".to_owned(),
                format!("check the load and `athlete.one_rep_max`: {percent}% of max leaves no room for a set of reps"),
            )
        } else {
            let most = Number(limit.floor());
            (
                format!("about {most} reps are possible at this load"),
                format!("prescribe at most {most} reps at this load, or lower the load"),
            )
        };
        let finding = cx
            .exercise_finding(session, exercise, format!("{upper} reps of `{}` at {percent}% of max", e.name.value))
            .with_span(reps.span)
            .with_span_label(label)
            .with_label(load.span, format!("{percent}% of one-rep max"))
            .with_help(help);
        cx.report(finding);
    }
}
