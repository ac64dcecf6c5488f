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

const HELP: &str =
    "pair it with hip strengthening, e.g. `- clamshell: 2x15 each` or `- side-lying hip abduction: 2x12 each`";

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in model.weeks.iter().filter(|w| !w.has_hip_work()) {
        for (session, exercise) in week.exercises().filter(|(_, e)| e.tags.contains(Tag::ItBand)) {
            let message = format!("IT band work without hip work in week {}", week.week.number);
            let finding = cx
                .exercise_finding(session, exercise, message)
                .with_span_label("treats the symptom; poor hip control is the usual cause")
                .with_help(HELP);
            cx.report(finding);
        }
    }
}
