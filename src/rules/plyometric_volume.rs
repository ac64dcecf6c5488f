//! `plyometric-volume`: too many sets or reps of a plyometric exercise.

use super::RuleContext;
use crate::fix::{Applicability, Fix};
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "plyometric-volume",
    category: Volume,
    default: warning,
    summary: "a plyometric exercise with more than 3 sets or more than 8 reps",
    fix: unsafe,
}

const MAX_SETS: u32 = 3;
const MAX_REPS: u32 = 8;

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for (_, session, exercise) in model.exercises().filter(|(_, _, e)| e.tags.contains(Tag::Plyometric)) {
        let name = &exercise.exercise.name.value;
        let sets =
            exercise.exercise.sets.as_ref().filter(|s| s.value > MAX_SETS).map(|s| (s.span, "sets", s.value, MAX_SETS));
        let reps = exercise.exercise.reps.as_ref().and_then(|r| {
            r.value.upper().filter(|&upper| upper > MAX_REPS).map(|upper| (r.span, "reps", upper, MAX_REPS))
        });
        for (span, variable, value, max) in sets.into_iter().chain(reps) {
            let finding = cx
                .exercise_finding(
                    session,
                    exercise,
                    format!("{value} {variable} of plyometric `{name}`, more than {max}"),
                )
                .with_span(span)
                .with_span_label(format!("at most {max} {variable}"))
                .with_help("keep jumps low in volume: 2-3 sets of 5-8 quality contacts");
            let fix = Fix::replace(Applicability::Unsafe, format!("prescribe {max} {variable}"), span, max.to_string());
            cx.report(finding.with_fix(fix));
        }
    }
}
