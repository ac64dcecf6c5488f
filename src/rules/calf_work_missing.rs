//! `calf-work-missing`: a lower-body session without calf or soleus work.

use super::{RuleContext, with_optional_fix};
use crate::model::Model;

declare_rule! {
    name: "calf-work-missing",
    category: Selection,
    default: warning,
    summary: "a lower-body session has no calf or soleus exercise",
    fix: unsafe,
}

const HELP: &str = "add calf work to every lower-body session, e.g. `- single-leg calf raise: 2x12 each` or `- bent-knee calf raise: 2x12 each`, lowering slowly";

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    // Not in the race build-up: no time to add an exercise (see `WeekView::is_race_build_up`).
    for (week, session) in model.weeks_before_build_up().flat_map(|week| week.sessions.iter().map(move |s| (week, s))) {
        if !session.is_lower_body || session.exercises.iter().any(|e| e.tags.is_calf_work()) {
            continue;
        }
        let lower_body = session.exercises.iter().filter(|e| e.tags.trains_legs());
        let finding = cx
            .session_finding(session, "lower-body session without calf work")
            .with_span_label("no exercise here trains the calves or soleus")
            .with_labels(lower_body.map(|e| (e.exercise.name.span, "trains the lower body but not the calves")))
            .with_help(HELP);
        let fix = cx.add_to_session(session, week.training_week, "single-leg calf raise", "12 each");
        cx.report(with_optional_fix(finding, fix));
    }
}
