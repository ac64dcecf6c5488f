//! `light-load-high-reps`: 20 or more reps with an external weight.

use super::RuleContext;
use crate::model::Model;

declare_rule! {
    name: "light-load-high-reps",
    category: Volume,
    default: info,
    summary: "an exercise with a kg/lb load and 20 or more reps",
}

const HIGH_REPS: u32 = 20;

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    // Leg exercises only: high-rep accessory work for the arms and shoulders (face pulls,
    // curls) is a different matter from a runner's leg strength.
    for (_, session, exercise) in model.exercises().filter(|(_, _, e)| e.tags.trains_legs()) {
        let e = exercise.exercise;
        let Some(load) = e.load.as_ref().filter(|l| l.value.kilograms().is_some()) else {
            continue;
        };
        let Some(reps) = e.reps.as_ref().filter(|r| r.value.upper().is_some_and(|u| u >= HIGH_REPS)) else {
            continue;
        };
        let finding = cx
            .exercise_finding(session, exercise, format!("{} reps of `{}` at {}", reps.value, e.name.value, load.value))
            .with_span(reps.span)
            .with_span_label("a weight you can lift 20 times is too light to build strength")
            .with_label(load.span, "load")
            .with_help(
                "for strength, pick a load that makes 4-10 reps hard; otherwise this is endurance work, not strength",
            );
        cx.report(finding);
    }
}
