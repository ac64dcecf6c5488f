//! Why a chip says HEAVY or HARD, in a coach's words: the same effort model the rules
//! use (`docs/effort.md`), read back as the fact that decided it.

use super::build::shown;
use crate::model::effort::{self, HardRun, RunScale};
use crate::model::{ExerciseView, Model, SessionView};
use crate::plan::Session;
use crate::plan::load::Number;

/// Why a heavy strength session is heavy: its first heavy leg lift, else its label. A
/// heavy session that trains no legs says so: it is no heavy leg session.
pub fn heavy_reason(model: &Model<'_>, session: &SessionView<'_>) -> String {
    let mut heavy_lifts = session.exercises.iter().filter(|e| e.is_heavy && e.tags.trains_legs());
    if let Some(first) = heavy_lifts.next() {
        let more = heavy_lifts.count();
        let more = match more {
            0 => String::new(),
            1 => " and 1 more heavy leg lift".to_owned(),
            more => format!(" and {more} more heavy leg lifts"),
        };
        return format!("heavy: {}{}{more}", shown(&first.exercise.describe()), share_note(model, first));
    }
    let label = session.session.intensity.as_ref().map_or_else(|| "heavy".to_owned(), |i| i.value.to_string());
    if session.is_lower_body {
        format!("heavy: labelled `intensity: {label}`, though no leg lift is heavy by its load")
    } else {
        format!("heavy: labelled `intensity: {label}`; no leg exercise, so not a heavy leg session")
    }
}

/// `(about 86% of max)` for a load in kg or lb, judged as the model judges it: against the
/// athlete's max, else the estimate for the big lifts.
fn share_note(model: &Model<'_>, exercise: &ExerciseView<'_>) -> String {
    let Some(load) = exercise.exercise.load.as_ref().map(|l| l.value) else { return String::new() };
    if load.kilograms().is_none() {
        return String::new();
    }
    let max = exercise.max_kg.or_else(|| {
        exercise.identity.as_deref().and_then(|id| effort::estimated_max_kg(id, model.plan.athlete.body_weight_kg))
    });
    match effort::share_of_max(load, max) {
        Some(share) => format!(" (about {:.0}% of max)", share * 100.0),
        None => String::new(),
    }
}

/// Why a hard run is hard: its type, its label or its length against the plan's usual run
/// (the chip shows the length itself).
pub fn hard_reason(session: &Session, scale: RunScale) -> String {
    let share = Number(effort::LONG_RUN_SHARE_OF_USUAL);
    match effort::hard_run_reason(session, scale) {
        Some(HardRun::HardType(kind)) => format!("hard: {kind} is a hard run type"),
        Some(HardRun::Labelled(label)) => format!("hard: labelled `intensity: {label}`"),
        Some(HardRun::LongKm(_)) => format!("hard: a long run, {} km or more", Number(effort::LONG_RUN_MIN_KM)),
        Some(HardRun::LongMinutes(_)) => {
            format!("hard: a long run, {} min or more", Number(effort::LONG_RUN_MIN_MINUTES))
        }
        Some(HardRun::LongerThanUsualKm { usual, .. }) => {
            format!("hard: a long run, over {share}x this plan's usual run of {} km", Number(usual))
        }
        Some(HardRun::LongerThanUsualMinutes { usual, .. }) => {
            format!("hard: a long run, over {share}x this plan's usual run of {} min", Number(usual))
        }
        None => "hard by the effort model".to_owned(),
    }
}
