//! `heavy-on-easy-day`: heavy lifting on an easy running day (off by default).

use super::RuleContext;
use crate::model::Model;
use crate::plan::Phase;

declare_rule! {
    name: "heavy-on-easy-day",
    category: Schedule,
    default: off,
    summary: "a heavy session on a day whose only running is easy (outside base, maintenance and off-season)",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in &model.weeks {
        if matches!(week.phase, Phase::Base | Phase::Maintenance | Phase::OffSeason) {
            continue;
        }
        for heavy in week.sessions.iter().filter(|s| s.is_heavy) {
            let runs: Vec<_> =
                week.sessions.iter().filter(|s| s.is_run() && s.day_number == heavy.day_number).collect();
            let Some(first_run) = runs.first() else {
                continue;
            };
            if runs.iter().any(|run| run.is_hard_run) {
                continue;
            }
            let finding = cx
                .session_finding(heavy, format!("heavy session on an easy day ({})", first_run.run_description()))
                .with_span_label("turns a recovery day into a hard day")
                .with_label(first_run.session.kind_key, "the day's only running is easy")
                .with_help("keep hard days hard and easy days easy: lift heavy on the day of a quality run, after it");
            cx.report(finding);
        }
    }
}
