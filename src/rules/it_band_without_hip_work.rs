//! `it-band-without-hip-work`: treating the IT band without strengthening the hips.

use super::RuleContext;
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "it-band-without-hip-work",
    category: Selection,
    default: info,
    summary: "IT band rolling or stretching in a week with no hip work",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in model.weeks.iter().filter(|w| !w.has_hip_work()) {
        for (session, exercise) in week.exercises().filter(|(_, e)| e.tags.contains(Tag::ItBand)) {
            let finding = cx
                .exercise_finding(session, exercise, format!("IT band work without hip work in week {}", week.week.number))
                .with_span_label("treats the symptom; weak hip abductors are the usual cause")
                .with_help("pair it with hip strengthening, e.g. `- clamshell: 2x15 each` or `- side-lying hip abduction: 2x12 each`");
            cx.report(finding);
        }
    }
}
