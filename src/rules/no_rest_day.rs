//! `no-rest-day`: a week with sessions on all seven days.

use super::RuleContext;
use crate::model::Model;

declare_rule! {
    name: "no-rest-day",
    category: Schedule,
    default: info,
    summary: "a week with a session on all seven days: the day the running left free is filled",
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in &model.weeks {
        let mut days: Vec<_> = week.sessions.iter().map(|s| s.weekday).collect();
        days.dedup();
        if days.len() < 7 || !week.rest_days.is_empty() {
            continue;
        }
        // A running plan that runs every day is the running coach's choice; the finding is
        // about the day the running leaves free being filled with other training.
        let free_day_filled = days.iter().any(|&day| !week.sessions.iter().any(|s| s.weekday == day && s.is_run()));
        if !free_day_filled {
            continue;
        }
        let finding = cx
            .week_finding(week, format!("no rest day in week {}", week.week.number))
            .with_span_label("sessions on all seven days")
            .with_help("make one day `rest`: adaptation happens during recovery");
        cx.report(finding);
    }
}
