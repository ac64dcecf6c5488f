//! `plyometric-volume`: too many sets or reps of a plyometric exercise.

use super::RuleContext;
use crate::fix::{Applicability, Fix};
use crate::model::{ExerciseView, Model};
use crate::plan::Exercise;
use crate::plan::load::Number;
use crate::tags::Tag;

declare_rule! {
    name: "plyometric-volume",
    category: Volume,
    default: warning,
    summary: "a plyometric exercise with more than 3 sets or more than 8 reps, or a session with more than 72 foot contacts",
    fix: unsafe,
}

const MAX_SETS: u32 = 3;
const MAX_REPS: u32 = 8;
/// The most foot contacts of one session: the article's top dose (3 sets of 8) for each of
/// the three jumps it names (squat jumps, broad jumps, single-leg hops). Reps written
/// `each` are contacts per leg, and count once.
const MAX_SESSION_CONTACTS: f64 = 72.0;
/// Contacts per second of a timed set (`ankle hops: 3x30s`): quick hops land about twice a
/// second (runlint's own figure, on the low side of pogo and ankle hops).
const CONTACTS_PER_SECOND: f64 = 2.0;

/// The foot contacts of a plyometric exercise: sets times reps, or times seconds at
/// [`CONTACTS_PER_SECOND`]; `None` when the prescription does not say.
fn contacts(exercise: &Exercise) -> Option<f64> {
    let sets = f64::from(exercise.sets.as_ref().map_or(1, |s| s.value));
    let reps = exercise.reps.as_ref().and_then(|r| r.value.upper()).map(f64::from);
    let timed = exercise.seconds.as_ref().and_then(|s| s.value.upper()).map(|s| f64::from(s) * CONTACTS_PER_SECOND);
    reps.or(timed).map(|per_set| sets * per_set)
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    for (_, session, exercise) in model.exercises().filter(|(_, _, e)| e.tags.contains(Tag::Plyometric)) {
        let name = &exercise.exercise.name.value;
        let sets =
            exercise.exercise.sets.as_ref().filter(|s| s.value > MAX_SETS).map(|s| (s.span, "sets", s.value, MAX_SETS));
        let reps = exercise.exercise.reps.as_ref().and_then(|r| {
            r.value.upper().filter(|&upper| upper > MAX_REPS).map(|upper| (r.span, "reps", upper, MAX_REPS))
        });
        for (span, variable, value, max) in sets.into_iter().chain(reps) {
            let finding = cx
                .exercise_finding(
                    session,
                    exercise,
                    format!("{value} {variable} of plyometric `{name}`, more than {max}"),
                )
                .with_span(span)
                .with_span_label(format!("at most {max} {variable}"))
                .with_help("keep jumps low in volume: 2-3 sets of 5-8 quality contacts");
            let fix = Fix::replace(Applicability::Unsafe, format!("prescribe {max} {variable}"), span, max.to_string());
            cx.report(finding.with_fix(fix));
        }
    }
    for (_, session) in model.sessions() {
        let jumps: Vec<(&ExerciseView<'_>, f64)> = session
            .exercises
            .iter()
            .filter(|e| e.tags.contains(Tag::Plyometric))
            .filter_map(|e| contacts(e.exercise).map(|count| (e, count)))
            .collect();
        let total: f64 = jumps.iter().map(|(_, count)| count).sum();
        if total <= MAX_SESSION_CONTACTS {
            continue;
        }
        let finding = cx
            .session_finding(session, format!("{} foot contacts of jumps in one session", Number(total.round())))
            .with_span_label(format!("more than {} contacts", Number(MAX_SESSION_CONTACTS)))
            .with_labels(jumps.iter().map(|(e, count)| (e.exercise.name.span, format!("{} contacts", Number(count.round())))))
            .with_help("keep a session's jumps to a few quality sets: 2-3 sets of 5-8 contacts for one to three jump exercises; count a timed set at about 2 contacts a second");
        cx.report(finding);
    }
}
