//! `single-leg-missing`: a lower-body session (or week) without a single-leg exercise.

use super::{OptionKind, RuleContext, with_optional_fix};
use crate::diagnostic::Diagnostic;
use crate::meta::OptionValue;
use crate::model::{Model, SessionView};
use crate::tags::Tag;

declare_rule! {
    name: "single-leg-missing",
    category: Selection,
    default: warning,
    summary: "a lower-body session has no single-leg exercise",
    fix: unsafe,
    options: {
        scope: choice<Scope> = Scope::Session, "scope", "`session`: every lower-body session needs a single-leg exercise; `week`: once a week is enough";
    },
}

/// Where a single-leg exercise must appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// In every lower-body session.
    Session,
    /// Once in every week with lower-body sessions.
    Week,
}

impl Scope {
    const NAMES: &[&str] = &["session", "week"];

    const fn name(self) -> &'static str {
        match self {
            Scope::Session => "session",
            Scope::Week => "week",
        }
    }
}

impl OptionKind for Scope {
    fn from_configured(value: &OptionValue) -> Option<Self> {
        match value {
            OptionValue::Word(word) if word == "session" => Some(Scope::Session),
            OptionValue::Word(word) if word == "week" => Some(Scope::Week),
            _ => None,
        }
    }
}

const HELP: &str = "running is a series of single-leg landings: add a unilateral exercise for the hip and knee, e.g. `- split squat: 2x8 each` or `- step-up: 2x8 each` (a single-leg calf raise is calf work)";

/// A single-leg exercise for the hip and knee: a single-leg calf raise is calf work.
fn has_single_leg(session: &SessionView<'_>) -> bool {
    session.exercises.iter().any(|e| e.tags.is_single_leg_work() && !is_calf_only(e))
}

/// Calf or soleus work that trains no other part of the leg.
fn is_calf_only(exercise: &crate::model::ExerciseView<'_>) -> bool {
    let tags = exercise.tags;
    tags.is_calf_work()
        && ![Tag::Quads, Tag::Glutes, Tag::Hamstrings, Tag::HipAbductors, Tag::Adductors]
            .into_iter()
            .any(|tag| tags.contains(tag))
}

/// Labels the bilateral lower-body exercises of a session.
fn label_bilateral(finding: Diagnostic, session: &SessionView<'_>) -> Diagnostic {
    finding.with_labels(
        session
            .exercises
            .iter()
            .filter(|e| e.tags.trains_legs() && !e.tags.is_single_leg_work())
            .map(|e| (e.exercise.name.span, "both legs together")),
    )
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let per_week = Options::read(cx).scope == Scope::Week;
    // Not in the race build-up: no time to add an exercise (see `WeekView::is_race_build_up`).
    for week in model.weeks_before_build_up() {
        let lower_body: Vec<&SessionView<'_>> = week.sessions.iter().filter(|s| s.is_lower_body).collect();
        if per_week {
            let Some(first) = lower_body.first() else {
                continue;
            };
            if lower_body.iter().any(|s| has_single_leg(s)) {
                continue;
            }
            let message = format!("no single-leg exercise in week {}", week.week.number);
            let finding = cx
                .week_finding(week, message)
                .with_span(first.session.kind_key)
                .with_span_label("no lower-body session this week works one leg at a time")
                .with_help(HELP);
            let fix = cx.add_to_session(first, week.training_week, "split squat", "8 each");
            let finding = lower_body.iter().fold(finding, |finding, session| label_bilateral(finding, session));
            cx.report(with_optional_fix(finding, fix));
            continue;
        }
        for session in lower_body.into_iter().filter(|s| !has_single_leg(s)) {
            let finding = cx
                .session_finding(session, "lower-body session without a single-leg exercise")
                .with_span_label("no exercise here works one hip and knee at a time")
                .with_help(HELP);
            let fix = cx.add_to_session(session, week.training_week, "split squat", "8 each");
            cx.report(with_optional_fix(label_bilateral(finding, session), fix));
        }
    }
}
