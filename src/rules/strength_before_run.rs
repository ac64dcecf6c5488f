//! `strength-before-run`: lifting before running on the same day.

use super::RuleContext;
use crate::model::Model;

declare_rule! {
    name: "strength-before-run",
    category: Schedule,
    default: warning,
    summary: "a lower-body session comes before a run on the same day",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in &model.weeks {
        for strength in week.lower_body_sessions() {
            let later_runs: Vec<_> = week
                .sessions
                .iter()
                .filter(|run| run.is_run() && run.day_number == strength.day_number && strength.happens_before(run))
                .collect();
            let Some(first_run) = later_runs.first() else {
                continue;
            };
            let finding = cx
                .session_finding(strength, format!("lower-body session before {}", first_run.run_headline()))
                .with_span_label("lifting first leaves tired legs for the run")
                .with_labels(
                    later_runs.iter().map(|run| (run.session.kind_key, format!("{} after it", run.run_description()))),
                )
                .with_help(
                    "run first and lift afterwards (or later in the day), or move the strength session to another day",
                );
            cx.report(finding);
        }
    }
}
