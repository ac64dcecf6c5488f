//! `peak-progression`: progressing or introducing exercises in the race build-up.

use std::collections::HashSet;

use super::RuleContext;
use crate::model::{Model, WeekView, rising_changes};
use crate::plan::Phase;

declare_rule! {
    name: "peak-progression",
    category: Progression,
    default: warning,
    summary: "an exercise progresses or appears for the first time in a peak or taper week or just before the race",
    options: {
        weeks_before_race: integer = 3, "weeks-before-race", "how many plan weeks before `race.week` count as the race build-up";
    },
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let weeks_before = Options::read(cx).weeks_before_race;
    let race_week = model.plan.race.as_ref().and_then(|race| race.week.as_ref()).map(|week| week.value);
    let mut seen: HashSet<&str> = HashSet::new();
    for (week_position, week) in model.weeks.iter().enumerate() {
        let window = build_up(week, race_week, weeks_before);
        for session in &week.sessions {
            for exercise in &session.exercises {
                let Some(identity) = exercise.identity.as_deref() else {
                    continue;
                };
                let first_time = seen.insert(identity) && week_position > 0;
                let Some(when) = &window else { continue };
                // The worry is legs that are not fresh for the race: arms and core are left alone.
                if !exercise.tags.trains_legs() {
                    continue;
                }
                let name = &exercise.exercise.name.value;
                let finding = if first_time {
                    cx.exercise_finding(session, exercise, format!("`{name}` appears for the first time {when}"))
                        .with_span_label("new exercise")
                        .with_help(
                            "introduce new exercises in base or build weeks; before the race keep to familiar work",
                        )
                } else {
                    let Some(previous) = model.progression_base(week_position, session, exercise) else {
                        continue;
                    };
                    let changes = rising_changes(previous.exercise, exercise);
                    if changes.is_empty() {
                        continue;
                    }
                    let described: Vec<String> = changes.iter().map(|c| c.describe()).collect();
                    cx.exercise_finding(session, exercise, format!("`{name}` progressed {when}"))
                    .with_span_label(described.join(", "))
                    .with_help(format!(
                        "go back to week {}'s prescription; before the race, strength is maintained or cut back, never raised",
                        previous.week.week.number
                    ))
                    .with_label(
                        previous.exercise.exercise.name.span,
                        format!("previous: week {}", previous.week.week.number),
                    )
                };
                cx.report(finding);
            }
        }
    }
}

/// Why a week belongs to the race build-up (`in peak week 12`), or `None`.
fn build_up(week: &WeekView<'_>, race_week: Option<u32>, weeks_before: u32) -> Option<String> {
    let number = week.week.number;
    if matches!(week.phase, Phase::Peak | Phase::Taper) {
        return Some(format!("in {} week {number}", week.phase));
    }
    // A tune-up race is a race too: its week is no time to raise the legs' load.
    if week.has_race && race_week != Some(number) {
        return Some(format!("in week {number}, a race week"));
    }
    let race_week = race_week?;
    let before = race_week.checked_sub(number)?;
    (before <= weeks_before).then(|| match before {
        0 => format!("in race week {number}"),
        1 => format!("in week {number}, 1 week before the race"),
        n => format!("in week {number}, {n} weeks before the race"),
    })
}
