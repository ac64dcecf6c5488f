//! `peak-volume-not-reduced`: a peak week keeps nearly the full strength volume.

use super::RuleContext;
use crate::model::{Model, WeekView, effort};
use crate::plan::Phase;
use crate::plan::load::Number;

declare_rule! {
    name: "peak-volume-not-reduced",
    category: Volume,
    default: warning,
    summary: "a peak or taper week's strength volume is above `max-share` of a typical build (or base) week",
    options: {
        max_share: number = 0.7, "max-share", "the largest share of a typical (median) build week's volume a peak week may keep";
    },
}

/// Strength volume of a week: the sum of sets over its strength sessions (an exercise
/// without `sets` counts as one set).
fn volume(week: &WeekView<'_>) -> u32 {
    week.exercises()
        .filter(|(session, exercise)| session.is_strength() && exercise.identity.is_some())
        .map(|(_, exercise)| exercise.exercise.sets.as_ref().map_or(1, |sets| sets.value))
        .sum()
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let max_share = Options::read(cx).max_share;
    // The typical build (else base) week: the median, so a few weeks with one session
    // fewer do not make a properly reduced peak look like a full one.
    let reference = [Phase::Build, Phase::Base].into_iter().find_map(|phase| {
        let mut volumes: Vec<f64> =
            model.weeks.iter().filter(|w| w.phase == phase).map(|w| f64::from(volume(w))).collect();
        effort::upper_median(&mut volumes).map(|typical| (phase, typical))
    });
    let Some((phase, typical)) = reference.filter(|(_, typical)| *typical > 0.0) else {
        return;
    };
    // The smallest cut `max-share` asks for, in whole percent (never below 0).
    let cut = Number((100.0 * (1.0 - max_share)).round().max(0.0));
    // A taper cuts at least as much as a peak week does.
    for week in model.weeks.iter().filter(|w| matches!(w.phase, Phase::Peak | Phase::Taper)) {
        let sets = volume(week);
        let share = f64::from(sets) / typical;
        if share <= max_share {
            continue;
        }
        let span = week.week.phase.as_ref().map_or(week.week.number_key, |phase| phase.span);
        let target = (typical * max_share).floor().max(1.0);
        let message =
            format!("{} week {} keeps {:.0}% of the {phase} volume", week.phase, week.week.number, share * 100.0);
        let label = format!("{} against a typical {phase} week's {}", set_count(f64::from(sets)), Number(typical));
        let help = format!(
            "reduce strength volume in peak and taper weeks by at least {cut}% (the article suggests 30-50%) and keep it at maintenance: at most {} this week",
            set_count(target)
        );
        let finding = cx.week_finding(week, message).with_span(span).with_span_label(label).with_help(help);
        cx.report(finding);
    }
}

/// `1 set`, `3 sets`.
fn set_count(count: f64) -> String {
    if count == 1.0 { "1 set".to_owned() } else { format!("{} sets", Number(count)) }
}
