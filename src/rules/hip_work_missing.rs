//! `hip-work-missing`: a week of lower-body training without hip work.

use super::{RuleContext, label_lower_body_sessions, with_optional_fix};
use crate::model::Model;

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
        let finding = cx
            .week_finding(week, format!("no hip work in week {}", week.week.number))
            .with_span_label("lower-body training this week, but nothing for the hip abductors or glutes")
            .with_help("add a hip exercise, e.g. `- clamshell: 2x15 each`, `- single-leg glute bridge: 2x10 each` or `- lateral band walk: 2 x 12 steps each`");
        let first = week.lower_body_sessions().next();
        let fix = first.and_then(|session| cx.add_to_session(session, week.training_week, "clamshell", "15 each"));
        cx.report(with_optional_fix(label_lower_body_sessions(finding, week), fix));
    }
}
