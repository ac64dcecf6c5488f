//! `same-day-gap`: a heavy session and a hard run too close together on one day.

use super::RuleContext;
use crate::model::Model;

declare_rule! {
    name: "same-day-gap",
    category: Schedule,
    default: info,
    summary: "a heavy session and a hard run on one day less than `min-hours` apart",
    options: {
        min_hours: number = 3.0, "min-hours", "the fewest hours between a heavy session and a hard run on the same day";
    },
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let min_minutes = Options::read(cx).min_hours * 60.0;
    for week in &model.weeks {
        for heavy in week.sessions.iter().filter(|s| s.is_heavy) {
            let Some(heavy_at) = &heavy.session.at else {
                continue;
            };
            for run in week.sessions.iter().filter(|s| s.is_hard_run && s.day_number == heavy.day_number) {
                let Some(run_at) = &run.session.at else {
                    continue;
                };
                let gap = heavy_at.value.abs_diff(run_at.value);
                if f64::from(gap) >= min_minutes {
                    continue;
                }
                let (earlier, later) =
                    if heavy_at.value <= run_at.value { (heavy_at, run_at) } else { (run_at, heavy_at) };
                let later_session = if later == run_at { run } else { heavy };
                let message =
                    format!("heavy session and {} only {}h{:02} apart", run.run_description(), gap / 60, gap % 60);
                let finding = cx
                    .session_finding(later_session, message).with_span(later.span)
                    .with_span_label(format!("{} after the other session", hours(gap)))
                    .with_label(earlier.span, "first session")
                    .with_help(format!(
                        "leave at least {} hours between the two, or put them on different days",
                        crate::plan::load::Number(min_minutes / 60.0)
                    ));
                cx.report(finding);
            }
        }
    }
}

fn hours(minutes: u32) -> String {
    format!("{}h{:02}", minutes / 60, minutes % 60)
}
