//! `strength-frequency`: too few or too many lower-body sessions in a week.

use super::{RuleContext, label_lower_body_sessions};
use crate::model::{Model, RunningVolume, WeekView};
use crate::plan::Phase;

declare_rule! {
    name: "strength-frequency",
    category: Volume,
    default: warning,
    summary: "the number of lower-body sessions in a week is outside [`min`, `max`]",
    options: {
        min: integer = 1, "min", "fewest lower-body sessions a week (0 in taper, race and recovery weeks)";
        max: integer = 3, "max", "most lower-body sessions a week (at most 2 in peak and taper weeks and in the weeks of highest running volume)";
    },
}

/// Peak and taper weeks, and the weeks of highest running volume, hold at most this many
/// lower-body sessions: three a week is for the off-season and low-mileage phases.
const PEAK_MAX: u32 = 2;
/// A week runs near the plan's highest volume from this share of its biggest week...
const HIGH_VOLUME_SHARE: f64 = 0.9;
/// ...when the biggest week is at least this many times the typical (lower median) week: a
/// plan that runs the same every week has no high-volume weeks.
const HIGH_VOLUME_OVER_TYPICAL: f64 = 1.25;

/// The plan weeks (by position) that run near the plan's highest volume.
fn high_volume_weeks(model: &Model<'_>) -> Vec<bool> {
    let volumes: Vec<RunningVolume> = model.weeks.iter().map(WeekView::running_volume).collect();
    // Kilometres when any week gives them, else minutes.
    let by_km = volumes.iter().any(|v| v.km > 0.0);
    let amount = |v: &RunningVolume| if by_km { v.km } else { v.minutes };
    let mut running: Vec<f64> = volumes.iter().map(amount).filter(|&a| a > 0.0).collect();
    running.sort_by(f64::total_cmp);
    let highest = running.last().copied().unwrap_or(0.0);
    // The lower median: in a plan that builds, the weeks before the build are the typical ones.
    let typical = running.get(running.len().saturating_sub(1) / 2).copied().unwrap_or(0.0);
    let has_peak = highest > 0.0 && highest >= typical * HIGH_VOLUME_OVER_TYPICAL;
    volumes.iter().map(|v| has_peak && amount(v) >= highest * HIGH_VOLUME_SHARE).collect()
}

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
    let high_volume = high_volume_weeks(model);
    for (week, high_volume) in model.weeks.iter().zip(high_volume) {
        let count = u32::try_from(week.lower_body_sessions().count()).unwrap_or(u32::MAX);
        let high_volume = high_volume && week.phase != Phase::OffSeason;
        let week_max =
            if high_volume || matches!(week.phase, Phase::Peak | Phase::Taper) { max.min(PEAK_MAX) } else { max };
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
            let why = if high_volume && count <= max { ", one of the plan's highest running weeks" } else { "" };
            (
                format!(
                    "{} in week {} ({} phase{why}), more than {week_max}",
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
