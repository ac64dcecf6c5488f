//! `single-leg-missing`: a lower-body session (or week) without a single-leg exercise.

use super::{Category, OptionDefault, Rule, RuleContext, RuleMeta, RuleOption};
use crate::diagnostic::Severity;
use crate::model::{Model, SessionView};
use crate::tags::Tag;

/// The rule.
pub struct SingleLegMissing;

static META: RuleMeta = RuleMeta {
    name: "single-leg-missing",
    category: Category::Selection,
    default_severity: Some(Severity::Warning),
    summary: "a lower-body session has no single-leg exercise",
    doc: include_str!("../../rules/single-leg-missing.md"),
    options: &[RuleOption {
        name: "scope",
        default: OptionDefault::Choice("session", &["session", "week"]),
        description: "`session`: every lower-body session needs a single-leg exercise; `week`: once a week is enough",
    }],
};

const HELP: &str = "running is a series of single-leg landings: add a unilateral exercise, e.g. `- split squat: 2x8 each` or `- single-leg glute bridge: 2x10 each`";

fn has_single_leg(session: &SessionView<'_>) -> bool {
    session.exercises.iter().any(|e| e.tags.contains(Tag::SingleLeg))
}

/// Labels the bilateral lower-body exercises of a session.
fn label_bilateral(
    mut finding: crate::diagnostic::Diagnostic,
    session: &SessionView<'_>,
) -> crate::diagnostic::Diagnostic {
    for exercise in &session.exercises {
        if exercise.tags.contains(Tag::Lower) && !exercise.tags.contains(Tag::SingleLeg) {
            finding = finding.with_label(exercise.exercise.name.span, "both legs together");
        }
    }
    finding
}

impl Rule for SingleLegMissing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>) {
        let per_week = cx.word("scope") == "week";
        for week in &model.weeks {
            let lower_body: Vec<&SessionView<'_>> = week.sessions.iter().filter(|s| s.is_lower_body).collect();
            if per_week {
                let Some(first) = lower_body.first() else {
                    continue;
                };
                if lower_body.iter().any(|s| has_single_leg(s)) {
                    continue;
                }
                let message = format!("no single-leg exercise in week {}", week.week.number);
                let mut finding = cx
                    .week_finding(week, first.session.kind_key, message)
                    .with_span_label("no lower-body session this week works one leg at a time")
                    .with_help(HELP);
                for session in &lower_body {
                    finding = label_bilateral(finding, session);
                }
                cx.report(finding);
                continue;
            }
            for session in lower_body.into_iter().filter(|s| !has_single_leg(s)) {
                let finding = cx
                    .session_finding(
                        session,
                        session.session.kind_key,
                        "lower-body session without a single-leg exercise",
                    )
                    .with_span_label("every lower-body exercise here uses both legs")
                    .with_help(HELP);
                cx.report(label_bilateral(finding, session));
            }
        }
    }
}
