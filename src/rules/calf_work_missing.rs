//! `calf-work-missing`: a lower-body session without calf or soleus work.

use super::{Category, Rule, RuleContext, RuleMeta};
use crate::diagnostic::Severity;
use crate::model::Model;
use crate::tags::Tag;

/// The rule.
pub struct CalfWorkMissing;

static META: RuleMeta = RuleMeta {
    name: "calf-work-missing",
    category: Category::Selection,
    default_severity: Some(Severity::Warning),
    summary: "a lower-body session has no calf or soleus exercise",
    doc: include_str!("../../rules/calf-work-missing.md"),
    options: &[],
};

impl Rule for CalfWorkMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        for (_, session) in model.sessions() {
            if !session.is_lower_body || session.exercises.iter().any(|e| e.tags.is_calf_work()) {
                continue;
            }
            let mut finding = cx
                .session_finding(session, session.session.kind_key, "lower-body session without calf work")
                .with_span_label("no exercise here trains the calves or soleus")
                .with_help("add calf work to every lower-body session, e.g. `- single-leg calf raise: 3x12 each` or `- seated calf raise: 3x15`");
            for exercise in session.exercises.iter().filter(|e| e.tags.contains(Tag::Lower)) {
                finding = finding.with_label(exercise.exercise.name.span, "trains the lower body but not the calves");
            }
            cx.report(finding);
        }
    }
}
