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
    // The typical build (else base) week: the median, so a few weeks with one session
    // fewer do not make a properly reduced peak look like a full one.
    let reference = [Phase::Build, Phase::Base].into_iter().find_map(|phase| {
        let mut volumes: Vec<u32> = model.weeks.iter().filter(|w| w.phase == phase).map(volume).collect();
        volumes.sort_unstable();
        let middle = volumes.len() / 2;
        let median = match (volumes.len() % 2, volumes.get(middle.wrapping_sub(1)), volumes.get(middle)) {
            (0, Some(&low), Some(&high)) => (f64::from(low) + f64::from(high)) / 2.0,
            (_, _, Some(&value)) => f64::from(value),
            _ => return None,
        };
        Some((phase, median))
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
            .with_span_label(format!("{sets} sets against a typical {phase} week's {}", Number(mean)))
            .with_help(format!(
                "cut strength volume by 30-50% in peak weeks: at most {} sets this week",
                Number(target)
            ));
        cx.report(finding);
    }
}
