//! `light-load-high-reps`: 20 or more reps with an external weight.

use super::{Category, Rule, RuleContext, RuleMeta};
use crate::diagnostic::Severity;
use crate::model::Model;

/// The rule.
pub struct LightLoadHighReps;

static META: RuleMeta = RuleMeta {
    name: "light-load-high-reps",
    category: Category::Volume,
    default_severity: Some(Severity::Info),
    summary: "an exercise with a kg/lb load and 20 or more reps",
    doc: include_str!("../../rules/light-load-high-reps.md"),
    options: &[],
};

const HIGH_REPS: u32 = 20;

impl Rule for LightLoadHighReps {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        for (_, session, exercise) in model.exercises() {
            let e = exercise.exercise;
            let Some(load) = e.load.as_ref().filter(|l| l.value.kilograms().is_some()) else {
                continue;
            };
            let Some(reps) = e.reps.as_ref().filter(|r| r.value.upper().is_some_and(|u| u >= HIGH_REPS)) else {
                continue;
            };
            let finding = cx
                .exercise_finding(
                    session,
                    exercise,
                    reps.span,
                    format!("{} reps of `{}` at {}", reps.value, e.name.value, load.value),
                )
                .with_span_label("a weight you can lift 20 times is too light to build strength")
                .with_label(load.span, "load")
                .with_help(
                    "raise the load until 8-12 reps are hard, or drop the weight and treat it as endurance work",
                );
            cx.report(finding);
        }
    }
}
