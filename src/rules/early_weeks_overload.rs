//! `early-weeks-overload`: too many sets or external load while the athlete is new to lifting.

use super::RuleContext;
use crate::fix::{Applicability, Edit, Fix};
use crate::model::Model;
use crate::plan::Level;

declare_rule! {
    name: "early-weeks-overload",
    category: Progression,
    default: warning,
    summary: "more than 2 sets or an external load in training weeks 1 and 2, or a heavy load before week 7 for a beginner or returning athlete",
    fix: unsafe,
}

/// Training weeks up to this one count as "new to strength work".
const LAST_EARLY_WEEK: u32 = 2;
/// The most sets per exercise in the early weeks.
const EARLY_MAX_SETS: u32 = 2;
/// Beginners and returning athletes stay at light resistance up to this training week.
const LAST_LIGHT_WEEK: u32 = 6;

/// Loaded lifts whose bodyweight version has another name: a bar or a bell cannot be
/// lifted at bodyweight, so the fix swaps the lift for the movement it trains rather than
/// writing `@ bw` on it.
const BODYWEIGHT_PATTERN: &[(&str, &str)] = &[
    ("back squat", "air squat"),
    ("front squat", "air squat"),
    ("overhead squat", "air squat"),
    ("goblet squat", "air squat"),
    ("sumo squat", "air squat"),
    ("deadlift", "hip hinge"),
    ("romanian deadlift", "hip hinge"),
    ("good morning", "hip hinge"),
];
/// Lifts that have no bodyweight version: the early-weeks fix leaves them to the coach.
const NO_BODYWEIGHT_VERSION: &[&str] = &["leg press", "hack squat", "kettlebell swing", "power clean", "snatch"];
/// Words of a written name that say the lift is done with equipment.
const EQUIPMENT_WORDS: &[&str] = &[
    "barbell",
    "dumbbell",
    "kettlebell",
    "bar",
    "db",
    "kb",
    "bb",
    "smith",
    "machine",
    "cable",
    "weighted",
    "trap",
    "hex",
    "landmine",
];

/// What the bodyweight version of a loaded exercise is called: `Some(None)` keeps the name,
/// `Some(Some(name))` swaps it, `None` when it has no bodyweight version.
fn bodyweight_name(identity: &str, written: &str) -> Option<Option<String>> {
    if NO_BODYWEIGHT_VERSION.contains(&identity) {
        return None;
    }
    if let Some((_, pattern)) = BODYWEIGHT_PATTERN.iter().find(|(lift, _)| *lift == identity) {
        return Some(Some((*pattern).to_owned()));
    }
    // `dumbbell split squat` at bodyweight is a `split squat`; a name without equipment stays.
    match (names_equipment(written), names_equipment(identity)) {
        (false, _) => Some(None),
        (true, false) => Some(Some(identity.to_owned())),
        (true, true) => None,
    }
}

/// Whether a name says the lift is done with equipment (`dumbbell split squat`).
fn names_equipment(name: &str) -> bool {
    name.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|word| EQUIPMENT_WORDS.contains(&word))
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    early_dose(model, cx);
    early_heavy(model, cx);
}

/// Heavy lower-body loads for a beginner or returning athlete before training week 7.
fn early_heavy(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let level = model.plan.athlete.level;
    if !matches!(level, Level::Beginner | Level::Returning) {
        return;
    }
    let light_weeks = (LAST_EARLY_WEEK + 1)..=LAST_LIGHT_WEEK;
    for week in model.weeks.iter().filter(|w| light_weeks.contains(&w.training_week)) {
        for (session, exercise) in week.exercises().filter(|(_, e)| e.is_heavy && e.tags.trains_legs()) {
            let Some(load) = exercise.exercise.load.as_ref() else { continue };
            let message = format!(
                "heavy `{}` in training week {} for a {level} athlete",
                exercise.exercise.name.value, week.training_week
            );
            let finding = cx
                .exercise_finding(session, exercise, message)
                .with_span(load.span)
                .with_span_label(format!("`{}` is heavy (see the effort model)", load.value))
                .with_help(format!(
                    "keep the resistance light through training week {LAST_LIGHT_WEEK} (a load you could lift several more times, RPE 6 or less); add load from week {}",
                    LAST_LIGHT_WEEK + 1
                ));
            cx.report(finding);
        }
    }
}

/// More than two sets or an external load in training weeks 1 and 2.
fn early_dose(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for week in model.weeks.iter().filter(|w| w.training_week <= LAST_EARLY_WEEK) {
        // The worry is sore legs spoiling the first weeks of running: arms and core are
        // left alone.
        for (session, exercise) in week.exercises().filter(|(_, e)| e.identity.is_some() && e.tags.trains_legs()) {
            let name = &exercise.exercise.name.value;
            let sets = exercise.exercise.sets.as_ref().filter(|s| s.value > EARLY_MAX_SETS);
            let load = exercise.exercise.load.as_ref().filter(|l| l.value.is_external());
            // One finding per exercise: at the sets when there are too many, with the load
            // as a second label when it is external too.
            let (message, span, label, help) = match (sets, load) {
                (Some(sets), load) => (
                    format!("{} sets of `{name}` in training week {}", sets.value, week.training_week),
                    sets.span,
                    format!("more than {EARLY_MAX_SETS} sets while the athlete is new or returning to strength work"),
                    match load {
                        Some(_) => format!(
                            "for the first two weeks use about half the full dose: {EARLY_MAX_SETS} sets, fewer reps, bodyweight only"
                        ),
                        None => format!(
                            "for the first two weeks use about half the full dose: {EARLY_MAX_SETS} sets and fewer reps"
                        ),
                    },
                ),
                (None, Some(load)) => (
                    format!("`{name}` loaded with `{}` in training week {}", load.value, week.training_week),
                    load.span,
                    "external load while the athlete is new or returning to strength work".to_owned(),
                    "start with bodyweight for the first two weeks, then add load one step at a time".to_owned(),
                ),
                (None, None) => continue,
            };
            let extra_load = load.filter(|_| sets.is_some());
            let finding = cx
                .exercise_finding(session, exercise, message)
                .with_span(span)
                .with_span_label(label)
                .with_labels(extra_load.map(|load| (load.span, format!("and loaded with {}", load.value))))
                .with_help(help);
            // The dose of the first weeks: two sets, bodyweight, in a bodyweight pattern.
            let swap = match load {
                Some(_) => exercise.identity.as_deref().map(|id| bodyweight_name(id, name)),
                None => Some(Some(None)),
            };
            let Some(Some(rename)) = swap else {
                // No bodyweight version of this lift: the coach chooses what replaces it.
                cx.report(finding);
                continue;
            };
            let mut edits = Vec::new();
            if let Some(pattern) = &rename {
                edits.push(Edit { span: exercise.exercise.name.span, text: pattern.clone() });
            }
            if let Some(sets) = sets {
                edits.push(Edit { span: sets.span, text: EARLY_MAX_SETS.to_string() });
            }
            if let Some(load) = load {
                edits.push(Edit { span: load.span, text: "bw".to_owned() });
            }
            let what = match (sets, load, &rename) {
                (Some(_), Some(_), Some(pattern)) => format!("use {EARLY_MAX_SETS} sets of `{pattern}` at bodyweight"),
                (Some(_), Some(_), None) => format!("use {EARLY_MAX_SETS} sets at bodyweight"),
                (Some(_), None, _) => format!("use {EARLY_MAX_SETS} sets"),
                (None, _, Some(pattern)) => format!("use `{pattern}` at bodyweight"),
                (None, _, None) => "use bodyweight".to_owned(),
            };
            let fix = Fix { message: what, applicability: Applicability::Unsafe, edits };
            cx.report(finding.with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_barbell_lift_becomes_its_bodyweight_pattern() {
        assert_eq!(bodyweight_name("back squat", "back squat"), Some(Some("air squat".to_owned())));
        assert_eq!(bodyweight_name("romanian deadlift", "RDL"), Some(Some("hip hinge".to_owned())));
        assert_eq!(bodyweight_name("glute bridge", "barbell hip thrust"), Some(Some("glute bridge".to_owned())));
    }

    #[test]
    fn a_bodyweight_exercise_keeps_its_name_and_a_machine_gets_no_fix() {
        assert_eq!(bodyweight_name("split squat", "split squat"), Some(None));
        assert_eq!(bodyweight_name("split squat", "dumbbell split squat"), Some(Some("split squat".to_owned())));
        assert_eq!(bodyweight_name("leg press", "leg press"), None);
    }
}
