//! `no-rest-day`: a week with sessions on all seven days.

use super::{Category, Rule, RuleContext, RuleMeta};
use crate::diagnostic::Severity;
use crate::model::Model;

/// The rule.
pub struct NoRestDay;

static META: RuleMeta = RuleMeta {
    name: "no-rest-day",
    category: Category::Schedule,
    default_severity: Some(Severity::Info),
    summary: "a week with a session on all seven days and no rest day",
    doc: include_str!("../../rules/no-rest-day.md"),
    options: &[],
};

impl Rule for NoRestDay {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        for week in &model.weeks {
            let mut days: Vec<_> = week.sessions.iter().map(|s| s.weekday).collect();
            days.dedup();
            if days.len() < 7 || !week.rest_days.is_empty() {
                continue;
            }
            let finding = cx
                .week_finding(week, week.week.number_key, format!("no rest day in week {}", week.week.number))
                .with_span_label("sessions on all seven days")
                .with_help("make one day `rest`: adaptation happens during recovery");
            cx.report(finding);
        }
    }
}
