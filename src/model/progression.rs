//! Progression between occurrences of an exercise: which earlier occurrence to compare
//! with, and which variables rose.

use std::cmp::Ordering;

use super::{ExerciseView, Model, SessionView, WeekView};
use crate::diagnostic::Span;
use crate::plan::{Phase, Spanned};

/// One occurrence of an exercise: its week, session and exercise entry.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence<'m, 'p> {
    /// The week it is in.
    pub week: &'m WeekView<'p>,
    /// The session it is in.
    pub session: &'m SessionView<'p>,
    /// The exercise.
    pub exercise: &'m ExerciseView<'p>,
}

/// One variable that rose between two occurrences.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `sets`, `reps`, `seconds`, `steps`, `tempo` or `load`.
    pub variable: &'static str,
    /// Where the new value is written.
    pub span: Span,
    /// The earlier value.
    pub from: String,
    /// The later value.
    pub to: String,
}

impl Change {
    /// `sets 2 -> 3`
    pub fn describe(&self) -> String {
        format!("{} {} -> {}", self.variable, self.from, self.to)
    }
}

/// How many lighter occurrences in a row are stepped over to find the dose they interrupt.
const MAX_LIGHTER_STEPS: usize = 4;

/// How many earlier weeks (entries of `weeks`) the previous occurrence is looked for in.
const MAX_LOOKBACK_WEEKS: usize = 52;

impl<'p> Model<'p> {
    /// The previous occurrence of `exercise` (in `session`, in week `week_position` of
    /// `self.weeks`): the same exercise in an earlier week, in the session with the same
    /// title if there is one, else on the same weekday, else the latest earlier one; a
    /// titled session never compares with another title's occurrence.
    pub fn previous_occurrence<'m>(
        &'m self,
        week_position: usize,
        session: &SessionView<'p>,
        exercise: &ExerciseView<'p>,
    ) -> Option<Occurrence<'m, 'p>> {
        let identity = exercise.identity.as_deref()?;
        // A year back at most: an exercise last done longer ago is started again, not
        // progressed, and the bound keeps plans of thousands of weeks linear.
        // Nor across a long break: strength work after it starts again, it does not progress.
        let start = self.weeks.get(week_position).map_or(0, |week| week.timeline_start);
        let earlier = self.weeks.get(week_position.saturating_sub(MAX_LOOKBACK_WEEKS).max(start)..week_position)?;
        let candidates = || {
            earlier.iter().rev().flat_map(move |week| {
                week.sessions.iter().rev().flat_map(move |session| {
                    session
                        .exercises
                        .iter()
                        .rev()
                        .filter(move |e| e.identity.as_deref() == Some(identity))
                        .map(move |exercise| Occurrence { week, session, exercise })
                })
            })
        };
        let Some(title) = session.session.title.as_deref() else {
            return candidates().find(|o| o.session.weekday == session.weekday).or_else(|| candidates().next());
        };
        let same_title = candidates().find(|o| o.session.session.title.as_deref() == Some(title));
        if same_title.is_some() {
            return same_title;
        }
        // A titled session is a slot of its own (a heavy day and a volume day in a rotation):
        // the exercise's first appearance in it is no progression of another title's.
        let untitled = || candidates().filter(|o| o.session.session.title.is_none());
        untitled().find(|o| o.session.weekday == session.weekday).or_else(|| untitled().next())
    }
}

impl<'p> Model<'p> {
    /// The occurrence a progression is judged against: the previous occurrence, unless it
    /// is in a recovery week or lighter than the one before it (a deload): then the last
    /// occurrence before the lighter weeks. Going back after an easier week to the dose
    /// before it is not progression.
    pub fn progression_base<'m>(
        &'m self,
        week_position: usize,
        session: &SessionView<'p>,
        exercise: &ExerciseView<'p>,
    ) -> Option<Occurrence<'m, 'p>> {
        let mut base = self.previous_occurrence(week_position, session, exercise)?;
        for _ in 0..MAX_LIGHTER_STEPS {
            let Some(before) = self.previous_occurrence(base.week.week.index, base.session, base.exercise) else {
                break;
            };
            let lighter = base.week.phase == Phase::Recovery
                || (rising_changes(before.exercise, base.exercise).is_empty()
                    && !rising_changes(base.exercise, before.exercise).is_empty());
            if !lighter {
                break;
            }
            base = before;
        }
        Some(base)
    }
}

/// The variables that rose from `before` to `after`: sets, the upper bound of reps,
/// seconds or steps, the tempo (a slower lowering or a longer pause), and the load
/// (a heavier band included).
pub fn rising_changes(before: &ExerciseView<'_>, after: &ExerciseView<'_>) -> Vec<Change> {
    let (old, new) = (before.exercise, after.exercise);
    let mut changes = Vec::new();
    let mut compare = |variable, old: Option<u32>, new: Option<&Spanned<u32>>| {
        if let (Some(old), Some(new)) = (old, new)
            && new.value > old
        {
            changes.push(Change { variable, span: new.span, from: old.to_string(), to: new.value.to_string() });
        }
    };
    compare("sets", old.sets.as_ref().map(|s| s.value), new.sets.as_ref());
    for (variable, old_amount, new_amount) in
        [("reps", &old.reps, &new.reps), ("seconds", &old.seconds, &new.seconds), ("steps", &old.steps, &new.steps)]
    {
        let new_upper = new_amount.as_ref().and_then(|a| a.value.upper().map(|u| Spanned::new(u, a.span)));
        let old_upper = old_amount.as_ref().and_then(|a| a.value.upper());
        compare(variable, old_upper, new_upper.as_ref());
    }
    // A slower lowering or a longer pause makes the same reps harder.
    if let (Some(old_tempo), Some(new_tempo)) = (&old.tempo, &new.tempo) {
        let (was, now) = (old_tempo.value, new_tempo.value);
        if now.lowering > was.lowering || now.pause > was.pause {
            changes.push(Change {
                variable: "tempo",
                span: new_tempo.span,
                from: was.to_string(),
                to: now.to_string(),
            });
        }
    }
    if let (Some(old_load), Some(new_load)) = (&old.load, &new.load) {
        let max_kg = after.max_kg.or(before.max_kg);
        if old_load.value.compare(new_load.value, max_kg) == Some(Ordering::Less) {
            changes.push(Change {
                variable: "load",
                span: new_load.span,
                from: old_load.value.to_string(),
                to: new_load.value.to_string(),
            });
        }
    } else if let (None, Some(new_load)) = (&old.load, &new.load)
        && new_load.value.is_external()
        && old.sets.is_some()
    {
        // An exercise first written without a load was done with bodyweight.
        changes.push(Change {
            variable: "load",
            span: new_load.span,
            from: "bodyweight".to_owned(),
            to: new_load.value.to_string(),
        });
    }
    changes
}
