//! `strength-before-run`: lifting before running on the same day.

use super::{Category, Rule, RuleContext, RuleMeta};
use crate::diagnostic::Severity;
use crate::model::Model;

/// The rule.
pub struct StrengthBeforeRun;

static META: RuleMeta = RuleMeta {
    name: "strength-before-run",
    category: Category::Schedule,
    default_severity: Some(Severity::Warning),
    summary: "a lower-body session comes before a run on the same day",
    doc: include_str!("../../rules/strength-before-run.md"),
    options: &[],
};

impl Rule for StrengthBeforeRun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
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
                let mut finding = cx
                    .session_finding(strength, strength.session.kind_key, format!("lower-body session before {}", first_run.run_headline()))
                    .with_span_label("lifting first leaves tired legs for the run")
                    .with_help("run first and lift afterwards (or later in the day), or move the strength session to another day");
                for run in later_runs {
                    finding = finding.with_label(run.session.kind_key, format!("{} after it", run.run_description()));
                }
                cx.report(finding);
            }
        }
    }
}
