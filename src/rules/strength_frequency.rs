//! `strength-frequency`: too few or too many lower-body sessions in a week.

use super::{RuleContext, label_lower_body_sessions};
use crate::model::Model;
use crate::plan::Phase;

declare_rule! {
    name: "strength-frequency",
    category: Volume,
    default: warning,
    summary: "the number of lower-body sessions in a week is outside [`min`, `max`]",
    options: {
        min: integer = 1, "min", "fewest lower-body sessions a week (0 in taper, race and recovery weeks)";
        max: integer = 3, "max", "most lower-body sessions a week (at most 2 in peak and taper weeks)";
    },
}

/// Peak and taper weeks hold at most this many lower-body sessions.
const PEAK_MAX: u32 = 2;

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let Options { min, max } = Options::read(cx);
    let needs_strength = |phase: Phase| min > 0 && !matches!(phase, Phase::Taper | Phase::Race | Phase::Recovery);
    let some_week_needs_strength = model.weeks.iter().any(|week| needs_strength(week.phase));
    if some_week_needs_strength && model.sessions().all(|(_, session)| !session.is_lower_body) {
        let finding = cx
            .finding(model.plan.weeks_key, "the plan has no lower-body strength session at all")
            .with_span_label("no week of the plan has a lower-body session")
            .with_help("add one or two short lower-body sessions a week: even one a week beats none");
        cx.report(finding);
        return;
    }
    for week in &model.weeks {
        let count = u32::try_from(week.lower_body_sessions().count()).unwrap_or(u32::MAX);
        let week_max = if matches!(week.phase, Phase::Peak | Phase::Taper) { max.min(PEAK_MAX) } else { max };
        let week_min = if needs_strength(week.phase) { min } else { 0 };
        let (message, help) = if count < week_min {
            (
                format!(
                    "{} in week {} ({} phase), fewer than {week_min}",
                    sessions(count),
                    week.week.number,
                    week.phase
                ),
                format!("plan at least {}: one a week keeps the gains, two build them", sessions(week_min)),
            )
        } else if count > week_max {
            (
                format!(
                    "{} in week {} ({} phase), more than {week_max}",
                    sessions(count),
                    week.week.number,
                    week.phase
                ),
                format!("keep to {} so running stays the priority", sessions(week_max)),
            )
        } else {
            continue;
        };
        let finding = cx.week_finding(week, message).with_help(help);
        cx.report(label_lower_body_sessions(finding, week));
    }
}

fn sessions(count: u32) -> String {
    match count {
        1 => "1 lower-body session".to_owned(),
        n => format!("{n} lower-body sessions"),
    }
}
