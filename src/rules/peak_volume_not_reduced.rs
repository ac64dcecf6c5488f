//! `peak-volume-not-reduced`: a peak week keeps nearly the full strength volume.

use super::RuleContext;
use crate::model::{Model, WeekView};
use crate::plan::Phase;
use crate::plan::load::Number;

declare_rule! {
    name: "peak-volume-not-reduced",
    category: Volume,
    default: warning,
    summary: "a peak week's strength volume is above `max-share` of the build (or base) weeks' mean",
    options: {
        max_share: number = 0.7, "max-share", "the largest share of the build-week mean volume a peak week may keep";
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
    let reference = [Phase::Build, Phase::Base].into_iter().find_map(|phase| {
        let weeks: Vec<&WeekView<'_>> = model.weeks.iter().filter(|w| w.phase == phase).collect();
        let total: u32 = weeks.iter().map(|w| volume(w)).sum();
        (!weeks.is_empty()).then(|| (phase, f64::from(total) / weeks.len() as f64))
    });
    let Some((phase, mean)) = reference.filter(|(_, mean)| *mean > 0.0) else {
        return;
    };
    for week in model.weeks.iter().filter(|w| w.phase == Phase::Peak) {
        let sets = volume(week);
        let share = f64::from(sets) / mean;
        if share <= max_share {
            continue;
        }
        let span = week.week.phase.as_ref().map_or(week.week.number_key, |phase| phase.span);
        let target = (mean * max_share).floor();
        let finding = cx
            .week_finding(week, format!("peak week {} keeps {:.0}% of the {phase} volume", week.week.number, share * 100.0)).with_span(span)
            .with_span_label(format!("{sets} sets against a {phase}-week mean of {}", Number(mean)))
            .with_help(format!(
                "cut strength volume by 30-50% in peak weeks: at most {} sets this week",
                Number(target)
            ));
        cx.report(finding);
    }
}
