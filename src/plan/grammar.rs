//! The one field table of plan format v1: which keys each mapping takes and the ranges of
//! its numbers. Lowering checks plans against it and the JSON Schema (`plan::schema`) is
//! built from it, so the two cannot drift apart.

use std::ops::RangeInclusive;

use super::Amount;

/// Keys of the plan's top level.
pub const PLAN_KEYS: &[&str] = &["plan", "athlete", "race", "exercises", "weeks"];
/// Keys of `athlete`.
pub const ATHLETE_KEYS: &[&str] =
    &["level", "age", "body_weight", "strength_weeks", "history", "pain", "cleared", "one_rep_max"];
/// Keys of `race`.
pub const RACE_KEYS: &[&str] = &["name", "week", "distance"];
/// Keys of a plan-local exercise definition.
pub const DEFINITION_KEYS: &[&str] = &["tags", "like"];
/// Keys of an item of `weeks`.
pub const WEEK_KEYS: &[&str] = &["week", "phase", "notes", "days"];
/// The kind keys, one of which every session has.
pub const SESSION_KINDS: &[&str] = &["run", "strength", "cross", "mobility"];
/// Keys of a cross-training session: the kind keys (a second kind is reported as such)
/// and the keys every session may have.
pub const CROSS_SESSION_KEYS: &[&str] =
    &["run", "strength", "cross", "mobility", "minutes", "at", "intensity", "notes"];
/// Keys of a run: a cross session's and the distance.
pub const RUN_SESSION_KEYS: &[&str] =
    &["run", "strength", "cross", "mobility", "minutes", "at", "intensity", "notes", "km", "mi"];
/// Keys of a strength or mobility session: a cross session's and the exercises.
pub const EXERCISE_SESSION_KEYS: &[&str] =
    &["run", "strength", "cross", "mobility", "minutes", "at", "intensity", "notes", "exercises"];
/// Keys of a session whose kind is missing or doubled: any session key may belong.
pub const ANY_SESSION_KEYS: &[&str] =
    &["run", "strength", "cross", "mobility", "minutes", "at", "intensity", "notes", "km", "mi", "exercises"];
/// Fields of an exercise in `name: {fields}` form.
pub const EXERCISE_FIELDS: &[&str] =
    &["sets", "reps", "seconds", "steps", "load", "tempo", "each_side", "rest", "tags", "notes"];
/// The key that names an exercise in the full form (which also takes every field).
pub const FULL_FORM_NAME: &str = "name";

/// `athlete.age`, in years.
pub const AGE: RangeInclusive<i64> = 1..=120;
/// `athlete.strength_weeks`: a century of training at most.
pub const STRENGTH_WEEKS: RangeInclusive<i64> = 0..=5200;
/// A plan week number, in `weeks` and in `race.week`.
pub const WEEK_NUMBER: RangeInclusive<i64> = 1..=1_000_000;
/// An exercise's `sets`.
pub const SETS: RangeInclusive<i64> = 1..=100;
/// An exercise's `rest` between sets, in seconds.
pub const REST_SECONDS: RangeInclusive<i64> = 0..=3600;
/// Reps, seconds or steps: a number or both ends of a range.
pub const AMOUNT: RangeInclusive<i64> = 1..=Amount::MAX as i64;
/// A session's `minutes` (above 0).
pub const MAX_MINUTES: u32 = 1440;
/// A run's `km` or `mi` (above 0).
pub const MAX_DISTANCE: u32 = 1000;

/// The keys a session may have, given its kind (`None`: missing or more than one).
pub fn session_keys(kind: Option<&str>) -> &'static [&'static str] {
    match kind {
        Some("run") => RUN_SESSION_KEYS,
        Some("strength" | "mobility") => EXERCISE_SESSION_KEYS,
        Some(_) => CROSS_SESSION_KEYS,
        None => ANY_SESSION_KEYS,
    }
}

/// The keys of the full form of an exercise: `name` and every field.
pub const FULL_FORM_KEYS: &[&str] =
    &["name", "sets", "reps", "seconds", "steps", "load", "tempo", "each_side", "rest", "tags", "notes"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_composed_key_lists_agree() {
        let with =
            |extra: &[&'static str]| -> Vec<&'static str> { CROSS_SESSION_KEYS.iter().chain(extra).copied().collect() };
        assert_eq!(RUN_SESSION_KEYS, with(&["km", "mi"]));
        assert_eq!(EXERCISE_SESSION_KEYS, with(&["exercises"]));
        assert_eq!(ANY_SESSION_KEYS, with(&["km", "mi", "exercises"]));
        assert_eq!(&CROSS_SESSION_KEYS[..SESSION_KINDS.len()], SESSION_KINDS);
        let full: Vec<&str> = std::iter::once(FULL_FORM_NAME).chain(EXERCISE_FIELDS.iter().copied()).collect();
        assert_eq!(FULL_FORM_KEYS, full);
    }
}
