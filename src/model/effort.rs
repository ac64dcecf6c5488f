//! The effort model: when an exercise or a strength session is heavy, and when a run is
//! hard. Every rule that needs "heavy" or "hard" reads these facts from the model; the
//! model is documented in `docs/effort.md`.

use crate::plan::{Exercise, Intensity, Load, RunType, Session, SessionKind};

/// Share of one-rep max from which a lift is heavy (article 004's heavy zone is 75-85%).
pub const HEAVY_SHARE_OF_MAX: f64 = 0.75;
/// RPE from which a lift is heavy: two reps or fewer in reserve.
pub const HEAVY_RPE: f64 = 8.0;
/// Body weight assumed when the plan gives none.
pub const DEFAULT_BODY_WEIGHT_KG: f64 = 70.0;

/// The one-rep max a recreational runner who lifts can expect on the lifts that can be
/// loaded heavily, as a multiple of body weight: the barbell lifts, and the single-leg,
/// dumbbell, goblet and kettlebell families, where the load is all the weight held (two
/// 18 kg dumbbells are 36 kg, written `2x18kg`). An absolute load on one of these is judged
/// against this estimate when the athlete's own max is not given; loads on other exercises
/// (isolation and upper-body accessories, calf raises, swings, bands) are never heavy by
/// their kilograms alone.
const ESTIMATED_MAX_PER_BODY_WEIGHT: &[(&str, f64)] = &[
    ("back squat", 0.85),
    ("squat", 0.85),
    ("front squat", 0.7),
    ("overhead squat", 0.5),
    ("deadlift", 1.0),
    ("romanian deadlift", 0.8),
    ("glute bridge", 1.0),
    ("leg press", 1.6),
    ("split squat", 0.45),
    ("bulgarian split squat", 0.45),
    ("reverse lunge", 0.45),
    ("forward lunge", 0.45),
    ("walking lunge", 0.45),
    ("lunge", 0.45),
    ("step-up", 0.4),
    ("lateral step-up", 0.35),
    ("side lunge", 0.4),
    ("curtsy lunge", 0.4),
    ("single-leg romanian deadlift", 0.45),
    ("single-leg squat", 0.25),
    ("goblet squat", 0.6),
    ("sumo squat", 0.6),
];

/// The estimated one-rep max in kg of a catalogue exercise, when it is one of the lifts
/// that can be loaded heavily.
pub fn estimated_max_kg(identity: &str, body_weight_kg: Option<f64>) -> Option<f64> {
    let (_, ratio) = ESTIMATED_MAX_PER_BODY_WEIGHT.iter().find(|(name, _)| *name == identity)?;
    Some(ratio * body_weight_kg.unwrap_or(DEFAULT_BODY_WEIGHT_KG))
}

/// The share of one-rep max a load represents, directly (`80%`) or through a max in kg
/// (the athlete's own, else the estimate).
pub fn share_of_max(load: Load, max_kg: Option<f64>) -> Option<f64> {
    match load {
        Load::PercentOfMax(percent) => Some(percent / 100.0),
        Load::Kg(_) | Load::Lb(_) => load.kilograms().zip(max_kg).map(|(kg, max)| kg / max),
        _ => None,
    }
}

/// Heavy: the load word `heavy`, RPE 8 or more, or at least 75% of one-rep max, given as
/// a percentage or computed from the athlete's max or, for the big lifts, the estimate.
pub fn is_heavy_exercise(exercise: &Exercise, max_kg: Option<f64>) -> bool {
    let Some(load) = exercise.load.as_ref().map(|l| l.value) else { return false };
    match load {
        Load::Heavy => true,
        Load::Rpe(rpe) => rpe >= HEAVY_RPE,
        _ => share_of_max(load, max_kg).is_some_and(|share| share >= HEAVY_SHARE_OF_MAX),
    }
}

/// Words in a strength session's title that say it is done against the clock or for as
/// much work as possible: a circuit done this way is hard, whatever each load is.
const DONE_HARD_WORDS: &[&str] = &["for time", "amrap", "as many rounds", "as many reps", "emom", "metcon"];

/// Whether a strength session's title says it is done hard (`Legs circuit for time`,
/// `AMRAP 20`).
pub fn is_done_hard(session: &Session) -> bool {
    session.title.as_deref().is_some_and(|title| {
        let title = title.to_lowercase();
        DONE_HARD_WORDS.iter().any(|word| title.contains(word))
    })
}

/// What the legs get from a strength session, for [`is_heavy_session`].
#[derive(Debug, Clone, Copy, Default)]
pub struct LegLoad {
    /// A lower-body exercise is heavy by its load.
    pub heavy_exercise: bool,
    /// A lower-body exercise carries external weight (kg, lb, a share of the max).
    pub loaded_exercise: bool,
}

/// Whether a strength session is heavy: a heavy lower-body exercise, a label that says so
/// (`intensity: heavy` or `hard`), or a circuit done hard (see [`is_done_hard`]) with loaded
/// lower-body work. A label raises what the loads say, never lowers it.
pub fn is_heavy_session(session: &Session, legs: LegLoad) -> bool {
    session.kind == SessionKind::Strength
        && (legs.heavy_exercise
            || matches!(session.intensity.as_ref().map(|i| i.value), Some(Intensity::Heavy | Intensity::Hard))
            || (legs.loaded_exercise && is_done_hard(session)))
}

/// From this distance a run is long, whatever type it is written with...
pub const LONG_RUN_MIN_KM: f64 = 16.0;
/// ...or from this duration.
pub const LONG_RUN_MIN_MINUTES: f64 = 90.0;
/// A run at least this many times the plan's usual (median) run is long too, once it
/// is above the floors below and is the longest run of its week (a 12 km run is the long
/// run of a week of 6 km runs; a 12 km midweek run beside a 20 km Sunday is not).
pub const LONG_RUN_SHARE_OF_USUAL: f64 = 1.5;
/// The floors under the relative test.
const RELATIVE_LONG_MIN_KM: f64 = 12.0;
const RELATIVE_LONG_MIN_MINUTES: f64 = 70.0;

/// The plan's usual run: median distance and median duration over its runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct UsualRun {
    /// Median km of the runs that give a distance.
    pub km: Option<f64>,
    /// Median minutes of the runs that give a duration.
    pub minutes: Option<f64>,
}

impl UsualRun {
    /// The usual run of a plan's sessions.
    pub fn of<'a>(sessions: impl Iterator<Item = &'a Session>) -> UsualRun {
        let mut km = Vec::new();
        let mut minutes = Vec::new();
        for session in sessions.filter(|s| matches!(s.kind, SessionKind::Run(_))) {
            km.extend(session.distance_km);
            minutes.extend(session.minutes.as_ref().map(|m| m.value));
        }
        UsualRun { km: upper_median(&mut km), minutes: upper_median(&mut minutes) }
    }
}

/// The typical value: the upper median, so with an even count the lower half (a week with
/// a session fewer, a short recovery run) does not pull it down.
pub fn upper_median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The runs a run is measured against: the plan's usual run and its own week's longest.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunScale {
    /// The plan's usual run.
    pub usual: UsualRun,
    /// The longest run of the week, in km and in minutes.
    pub week_longest: UsualRun,
}

impl RunScale {
    /// The longest run of a week's sessions, against the plan's usual run.
    pub fn of_week<'a>(usual: UsualRun, sessions: impl Iterator<Item = &'a Session>) -> RunScale {
        let mut longest = UsualRun::default();
        for session in sessions.filter(|s| matches!(s.kind, SessionKind::Run(_))) {
            let longer = |current: Option<f64>, value: Option<f64>| match (current, value) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            longest.km = longer(longest.km, session.distance_km);
            longest.minutes = longer(longest.minutes, session.minutes.as_ref().map(|m| m.value));
        }
        RunScale { usual, week_longest: longest }
    }
}

/// Whether a run is long by its distance or duration: 16 km or 90 minutes, or one and a
/// half times the plan's usual run (from 12 km or 70 minutes) when it is its week's longest.
pub fn is_long_by_length(session: &Session, scale: RunScale) -> bool {
    let long = |value: Option<f64>, absolute: f64, floor: f64, usual: Option<f64>, longest: Option<f64>| {
        value.is_some_and(|v| {
            v >= absolute
                || (v >= floor
                    && usual.is_some_and(|u| v >= u * LONG_RUN_SHARE_OF_USUAL)
                    && longest.is_none_or(|longest| v >= longest))
        })
    };
    let minutes = session.minutes.as_ref().map(|m| m.value);
    let RunScale { usual, week_longest } = scale;
    long(session.distance_km, LONG_RUN_MIN_KM, RELATIVE_LONG_MIN_KM, usual.km, week_longest.km)
        || long(minutes, LONG_RUN_MIN_MINUTES, RELATIVE_LONG_MIN_MINUTES, usual.minutes, week_longest.minutes)
}

/// Whether a session is a hard run: a hard type, `intensity: hard`, or long by its length.
pub fn is_hard_run(session: &Session, scale: RunScale) -> bool {
    let SessionKind::Run(run_type) = session.kind else {
        return false;
    };
    run_type.is_hard()
        || matches!(session.intensity.as_ref().map(|i| i.value), Some(Intensity::Hard | Intensity::Heavy))
        || is_long_by_length(session, scale)
}

/// Whether a run written with an easy type counts as a long run by its length.
pub fn is_long_easy_run(session: &Session, scale: RunScale) -> bool {
    matches!(session.kind, SessionKind::Run(run_type) if !run_type.is_hard() && run_type != RunType::Race)
        && is_long_by_length(session, scale)
}

/// Why a run is hard: the first test of [`is_hard_run`] that holds, for a reader (the
/// report says why it marks a run hard).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HardRun {
    /// Its type is a hard one (`tempo`, `long`, ...).
    HardType(RunType),
    /// Labelled `intensity: hard` or `intensity: heavy`.
    Labelled(Intensity),
    /// At least [`LONG_RUN_MIN_KM`]: the distance in km.
    LongKm(f64),
    /// At least [`LONG_RUN_MIN_MINUTES`]: the duration in minutes.
    LongMinutes(f64),
    /// At least [`LONG_RUN_SHARE_OF_USUAL`] times the plan's usual distance (from 12 km).
    LongerThanUsualKm {
        /// The run's distance.
        km: f64,
        /// The plan's usual run.
        usual: f64,
    },
    /// At least [`LONG_RUN_SHARE_OF_USUAL`] times the plan's usual duration (from 70 minutes).
    LongerThanUsualMinutes {
        /// The run's duration.
        minutes: f64,
        /// The plan's usual run.
        usual: f64,
    },
}

/// Why a session is a hard run, or `None` when it is not one: `Some` exactly when
/// [`is_hard_run`] holds.
pub fn hard_run_reason(session: &Session, scale: RunScale) -> Option<HardRun> {
    let SessionKind::Run(run_type) = session.kind else {
        return None;
    };
    if run_type.is_hard() {
        return Some(HardRun::HardType(run_type));
    }
    if let Some(label @ (Intensity::Hard | Intensity::Heavy)) = session.intensity.as_ref().map(|i| i.value) {
        return Some(HardRun::Labelled(label));
    }
    // Longer than usual counts only for the week's longest run (see `is_long_by_length`).
    let RunScale { usual, week_longest } = scale;
    let relative = |value: f64, floor: f64, usual: Option<f64>, longest: Option<f64>| {
        usual.filter(|&u| {
            value >= floor && value >= u * LONG_RUN_SHARE_OF_USUAL && longest.is_none_or(|longest| value >= longest)
        })
    };
    if let Some(km) = session.distance_km {
        if km >= LONG_RUN_MIN_KM {
            return Some(HardRun::LongKm(km));
        }
        if let Some(usual) = relative(km, RELATIVE_LONG_MIN_KM, usual.km, week_longest.km) {
            return Some(HardRun::LongerThanUsualKm { km, usual });
        }
    }
    let minutes = session.minutes.as_ref().map(|m| m.value)?;
    if minutes >= LONG_RUN_MIN_MINUTES {
        return Some(HardRun::LongMinutes(minutes));
    }
    relative(minutes, RELATIVE_LONG_MIN_MINUTES, usual.minutes, week_longest.minutes)
        .map(|usual| HardRun::LongerThanUsualMinutes { minutes, usual })
}
