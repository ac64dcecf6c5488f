//! `core-work-missing`: a week of strength training without core work.

use super::{Category, Rule, RuleContext, RuleMeta};
use crate::diagnostic::Severity;
use crate::model::Model;
use crate::tags::Tag;

/// The rule.
pub struct CoreWorkMissing;

static META: RuleMeta = RuleMeta {
    name: "core-work-missing",
    category: Category::Selection,
    default_severity: Some(Severity::Info),
    summary: "a week with strength sessions has no core exercise",
    doc: include_str!("../../rules/core-work-missing.md"),
    options: &[],
};

impl Rule for CoreWorkMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        for week in &model.weeks {
            let has_strength = week.sessions.iter().any(|s| s.is_strength());
            if !has_strength || week.exercises().any(|(_, e)| e.tags.contains(Tag::Core)) {
                continue;
            }
            let finding = cx
                .week_finding(week, week.week.number_key, format!("no core work in week {}", week.week.number))
                .with_span_label("strength sessions this week, but no core exercise")
                .with_help("add an exercise that resists movement, e.g. `- dead bug: 2x8 each`, `- side plank: 2x30s each` or `- bird dog: 2x8 each`");
            cx.report(finding);
        }
    }
}
