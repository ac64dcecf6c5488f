//! `load-step-too-big`: the load of an exercise jumps by more than a small step.

use super::RuleContext;
use crate::diagnostic::Diagnostic;
use crate::model::{Model, Occurrence};
use crate::plan::load::Number;
use crate::plan::{Load, Spanned};

declare_rule! {
    name: "load-step-too-big",
    category: Progression,
    default: warning,
    summary: "an exercise's load rose by more than `max-step` since its previous occurrence",
    options: {
        max_step: number = 0.25, "max-step", "the largest rise in load from one occurrence to the next, as a share of the earlier load";
    },
}

/// A rise of up to this many kilograms is always a small step: the next plate on the knee
/// or a pair of the common 2.5 kg plates on a bar; gyms rarely offer smaller ones.
const SMALLEST_STEP_KG: f64 = 5.0;
/// A band is a load too: one band weight (light to medium, red to green) is one step.
const MAX_BAND_STEPS: u32 = 1;
/// The step the help proposes: a tenth of the load, or the smallest step if that is more.
const SMALL_STEP: f64 = 0.1;

/// The two loads on one scale: kilograms when both convert, else shares of one-rep max.
fn on_one_scale(before: Load, after: Load, max_kg: Option<f64>) -> Option<(f64, f64, bool)> {
    let kg = |load: Load| {
        load.kilograms().or_else(|| match load {
            Load::PercentOfMax(percent) => max_kg.map(|max| max * percent / 100.0),
            _ => None,
        })
    };
    match (before, after) {
        (Load::PercentOfMax(a), Load::PercentOfMax(b)) if max_kg.is_none() => Some((a, b, false)),
        _ => Some((kg(before)?, kg(after)?, true)),
    }
}

/// A finding about a load step: at the new load, with the step under it and the previous
/// occurrence labelled.
fn with_previous_load(
    finding: Diagnostic,
    previous: &Occurrence<'_, '_>,
    before: &Spanned<Load>,
    after: &Spanned<Load>,
) -> Diagnostic {
    finding
        .with_span(after.span)
        .with_span_label(format!("{} -> {}", before.value, after.value))
        .with_label(previous.exercise.exercise.name.span, format!("previous: week {}", previous.week.week.number))
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let max_step = Options::read(cx).max_step;
    for (week_position, week) in model.weeks.iter().enumerate() {
        for session in &week.sessions {
            for exercise in &session.exercises {
                let Some(after) = exercise.exercise.load.as_ref() else { continue };
                let Some(previous) = model.progression_base(week_position, session, exercise) else { continue };
                let Some(before) = previous.exercise.exercise.load.as_ref() else { continue };
                let max_kg = exercise.max_kg.or(previous.exercise.max_kg);
                if let (Load::Band(old_band), Load::Band(new_band)) = (before.value, after.value) {
                    if after.value.compare(before.value, None) == Some(std::cmp::Ordering::Greater)
                        && old_band.steps_to(new_band).is_some_and(|steps| steps > MAX_BAND_STEPS)
                    {
                        let message =
                            format!("`{}` band skips a band weight in one step", exercise.exercise.name.value);
                        let help = format!(
                            "go up one band at a time: the next band after week {}'s `{}`",
                            previous.week.week.number, before.value
                        );
                        let finding = cx.exercise_finding(session, exercise, message);
                        let finding = with_previous_load(finding, &previous, before, after).with_help(help);
                        cx.report(finding);
                    }
                    continue;
                }
                let Some((old, new, in_kg)) = on_one_scale(before.value, after.value, max_kg) else { continue };
                if old <= 0.0 || new <= old * (1.0 + max_step) || (in_kg && new - old <= SMALLEST_STEP_KG) {
                    continue;
                }
                let rise = (new / old - 1.0) * 100.0;
                let name = &exercise.exercise.name.value;
                // The help proposes the article's small step, whatever `max-step` lets pass.
                let step = if in_kg { (old * SMALL_STEP).max(SMALLEST_STEP_KG) } else { old * SMALL_STEP };
                let suggestion = if in_kg {
                    // Rounded down to half a kilogram, in the unit the plan writes.
                    let kg = ((old + step) * 2.0).floor() / 2.0;
                    match after.value {
                        Load::Lb(_) => format!("{}lb", Number((kg * 2.204_62).floor())),
                        _ => format!("{}kg", Number(kg)),
                    }
                } else {
                    format!("{}%", Number((old + step).floor()))
                };
                let message = format!("`{name}` load rose by {rise:.0}% in one step");
                let help = format!(
                    "add load in small steps: `{suggestion}` after week {}'s `{}`, then build from there",
                    previous.week.week.number, before.value
                );
                let finding = cx.exercise_finding(session, exercise, message);
                let finding = with_previous_load(finding, &previous, before, after).with_help(help);
                cx.report(finding);
            }
        }
    }
}
