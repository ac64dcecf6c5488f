//! `core-work-missing`: a week of strength training without core work.

use super::{RuleContext, with_optional_fix};
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "core-work-missing",
    category: Selection,
    default: info,
    summary: "a week with strength sessions has no core exercise",
    fix: unsafe,
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    // Not in the race build-up: no time to add an exercise (see `WeekView::is_race_build_up`).
    for week in model.weeks_before_build_up() {
        let has_strength = week.sessions.iter().any(|s| s.is_strength());
        if !has_strength || week.exercises().any(|(_, e)| e.tags.contains(Tag::Core)) {
            continue;
        }
        let finding = cx
            .week_finding(week, format!("no core work in week {}", week.week.number))
            .with_span_label("strength sessions this week, but no core exercise")
            .with_help("add an exercise that resists movement, e.g. `- dead bug: 2x8 each`, `- side plank: 2x30s each` or `- bird dog: 2x8 each`");
        let first = week.sessions.iter().find(|s| s.is_strength());
        let fix = first.and_then(|session| cx.add_to_session(session, week.training_week, "dead bug", "8 each"));
        cx.report(with_optional_fix(finding, fix));
    }
}
