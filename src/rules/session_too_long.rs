//! `session-too-long`: a strength session longer than `max-minutes`.

use super::{Category, OptionDefault, Rule, RuleContext, RuleMeta, RuleOption};
use crate::diagnostic::Severity;
use crate::model::Model;
use crate::plan::load::Number;

/// The rule.
pub struct SessionTooLong;

static META: RuleMeta = RuleMeta {
    name: "session-too-long",
    category: Category::Volume,
    default_severity: Some(Severity::Warning),
    summary: "a strength session is longer than `max-minutes`",
    doc: include_str!("../../rules/session-too-long.md"),
    options: &[RuleOption {
        name: "max-minutes",
        default: OptionDefault::Integer(60),
        description: "the longest strength session in minutes",
    }],
};

impl Rule for SessionTooLong {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let max = cx.number("max-minutes");
        for (_, session) in model.sessions() {
            let Some(minutes) = session.session.minutes.as_ref().filter(|_| session.is_strength()) else {
                continue;
            };
            if minutes.value <= max {
                continue;
            }
            let finding = cx
                .session_finding(
                    session,
                    minutes.span,
                    format!("{}-minute strength session, longer than {}", Number(minutes.value), Number(max)),
                )
                .with_span_label(format!("{} minutes over", Number(minutes.value - max)))
                .with_help(
                    "runners get the benefit from 20-45 focused minutes: cut accessory work or split the session",
                );
            cx.report(finding);
        }
    }
}
