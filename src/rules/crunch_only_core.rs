//! `crunch-only-core`: the only core work of a week is crunch-style flexion.

use super::RuleContext;
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "crunch-only-core",
    category: Selection,
    default: info,
    summary: "a week whose only core exercises are crunch-style flexion",
}

const HELP: &str = "a runner's core mostly holds the trunk and pelvis steady against rotation and sideways tilt: add one of `- dead bug: 2x8 each`, `- side plank: 2x30s each` or `- bird dog: 2x8 each` next to the crunches";

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in &model.weeks {
        let mut core = week.exercises().filter(|(_, e)| e.tags.contains(Tag::Core));
        let Some((session, first)) = core.next() else {
            continue;
        };
        if !first.tags.contains(Tag::Flexion) || core.any(|(_, e)| !e.tags.contains(Tag::Flexion)) {
            continue;
        }
        let finding = cx
            .exercise_finding(session, first, format!("only crunch-style core work in week {}", week.week.number))
            .with_span_label("flexion is the only core training this week")
            .with_help(HELP);
        cx.report(finding);
    }
}
