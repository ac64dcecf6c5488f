//! `hip-work-missing`: a week of lower-body training without hip work.

use super::{RuleContext, label_lower_body_sessions, with_optional_fix};
use crate::model::Model;
use crate::tags::Tag;

declare_rule! {
    name: "hip-work-missing",
    category: Selection,
    default: warning,
    summary: "a week with lower-body sessions has no hip abductor or glute-dominant exercise",
    fix: unsafe,
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    // Not in the race build-up: no time to add an exercise (see `WeekView::is_race_build_up`).
    for week in model.weeks_before_build_up() {
        if week.lower_body_sessions().next().is_none() || week.has_hip_work() {
            continue;
        }
        // Squats and lunges work the glutes too: what the week lacks is an exercise led by
        // the hip (a bridge, a hinge) or one for the abductors.
        let has_squats = week.exercises().any(|(_, e)| e.tags.trains_legs() && e.tags.contains(Tag::Glutes));
        let (message, label) = if has_squats {
            (
                format!("no hip-dominant or abductor exercise in week {}", week.week.number),
                "squats or lunges this week, but no bridge, hinge or abductor exercise",
            )
        } else {
            (
                format!("no hip work in week {}", week.week.number),
                "lower-body training this week, but nothing for the hip abductors or glutes",
            )
        };
        let finding = cx
            .week_finding(week, message)
            .with_span_label(label)
            .with_help("add a hip exercise, e.g. `- clamshell: 2x15 each`, `- single-leg glute bridge: 2x10 each` or `- lateral band walk: 2 x 12 steps each`");
        let first = week.lower_body_sessions().next();
        let fix = first.and_then(|session| cx.add_to_session(session, week.training_week, "clamshell", "15 each"));
        cx.report(with_optional_fix(label_lower_body_sessions(finding, week), fix));
    }
}
