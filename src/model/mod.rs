//! The resolved plan the rules read: calendar positions, phases, training weeks,
//! exercise classification and heaviness.

pub mod effort;
mod progression;
mod resolve;
mod timeline;
mod unknown;

pub use effort::share_of_max;
pub use progression::{Change, Occurrence, rising_changes};

use std::rc::Rc;

use crate::catalog::Catalog;
use crate::diagnostic::Diagnostic;
use crate::plan::{DayContent, Exercise, Intensity, Load, Phase, Plan, RunType, Session, SessionKind, Weekday};
use crate::tags::{Tag, TagSet};
use resolve::{Place, Resolver};

/// The plan with every fact the rules need resolved.
#[derive(Debug)]
pub struct Model<'p> {
    /// The typed plan.
    pub plan: &'p Plan,
    /// The weeks in file order.
    pub weeks: Vec<WeekView<'p>>,
}

/// One week with its resolved phase and training week.
#[derive(Debug)]
pub struct WeekView<'p> {
    /// The week as written.
    pub week: &'p crate::plan::Week,
    /// The phase, inherited from earlier weeks when not written; in a plan that labels no
    /// phase, taken from `race.week` (race, 2 taper and 3 peak weeks before it).
    pub phase: Phase,
    /// The position in `weeks` of the week where the athlete's current run of strength
    /// training began: the plan's first week, or the first back after a long gap.
    pub timeline_start: usize,
    /// The athlete's week of strength training: `athlete.strength_weeks` + the weeks since
    /// the first strength work in the plan, set back after a long gap (see [`timeline`]).
    pub training_week: u32,
    /// The sessions in calendar order: by weekday, then in the order written within a day
    /// (see [`SessionView::happens_before`] for the order by `at`).
    pub sessions: Vec<SessionView<'p>>,
    /// The days written as `rest` or `off`, and the days of nothing but an easy walk
    /// (source 000's sample week rests "or walks" on its free days).
    pub rest_days: Vec<Weekday>,
    /// A week with a race: a `run: race`, the goal race's `race.week`, or `phase: race`.
    pub has_race: bool,
}

/// A week's running: total kilometres and total minutes of its runs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RunningVolume {
    /// Kilometres of the runs that give a distance.
    pub km: f64,
    /// Minutes of the runs that give a duration.
    pub minutes: f64,
}

/// One session with its calendar position and derived facts.
#[derive(Debug)]
pub struct SessionView<'p> {
    /// The session as written.
    pub session: &'p Session,
    /// Plan week number.
    pub week: u32,
    /// Position of the week in the `weeks` list.
    pub week_index: usize,
    /// Day of the week.
    pub weekday: Weekday,
    /// The day key as written.
    pub day_key: &'p str,
    /// Absolute day number: consecutive numbers are adjacent days.
    pub day_number: u64,
    /// Position within the day as written.
    pub position: usize,
    /// Whether the day was written as a list.
    pub listed: bool,
    /// The exercises with their classification.
    pub exercises: Vec<ExerciseView<'p>>,
    /// A strength session that trains the legs: an exercise tagged `lower` that is neither
    /// mobility nor core work (a Copenhagen plank alone does not make one).
    pub is_lower_body: bool,
    /// A heavy strength session (see [`effort`]).
    pub is_heavy: bool,
    /// A hard run: hard type, hard intensity, or long by its length (see [`effort`]).
    pub is_hard_run: bool,
    /// The runs this one is measured against (the plan's usual run, its week's longest).
    pub run_scale: effort::RunScale,
    /// A run written with an easy type that is long by its distance or duration.
    pub is_long_easy_run: bool,
}

/// One exercise with its classification.
#[derive(Debug)]
pub struct ExerciseView<'p> {
    /// The exercise as written.
    pub exercise: &'p Exercise,
    /// Position in the session's exercise list.
    pub position: usize,
    /// The exercise's identity for comparing occurrences (catalogue name or folded local name),
    /// shared between all occurrences; `None` for unknown exercises, which the rules ignore.
    pub identity: Option<Rc<str>>,
    /// Tags from the catalogue, the plan's definitions, or the exercise's own `tags`.
    pub tags: TagSet,
    /// Whether the load makes this exercise heavy (see [`effort`]).
    pub is_heavy: bool,
    /// The athlete's one-rep max for this exercise in kg, when known.
    pub max_kg: Option<f64>,
}

impl SessionView<'_> {
    /// Whether this is a strength session.
    pub fn is_strength(&self) -> bool {
        self.session.kind == SessionKind::Strength
    }

    /// Whether this is a run.
    pub fn is_run(&self) -> bool {
        matches!(self.session.kind, SessionKind::Run(_))
    }

    /// The logical path of the session, e.g. `weeks[2].days.fri[0]`.
    pub fn path(&self) -> String {
        session_path(self.week_index, self.day_key, self.listed.then_some(self.position))
    }

    /// The logical path of one of this session's exercises.
    pub fn exercise_path(&self, exercise: &ExerciseView<'_>) -> String {
        format!("{}.exercises[{}]", self.path(), exercise.position)
    }

    /// Whether this session happens before `other` on the same day: by `at` when both
    /// have one, else by the order written.
    pub fn happens_before(&self, other: &SessionView<'_>) -> bool {
        match (&self.session.at, &other.session.at) {
            (Some(a), Some(b)) => a.value < b.value,
            _ => self.position < other.position,
        }
    }

    /// A short description of a run for messages: `long run`, `long run, 20 km`,
    /// `easy run at hard intensity`.
    pub fn run_description(&self) -> String {
        let SessionKind::Run(run_type) = self.session.kind else {
            return "session".to_owned();
        };
        // A race is not a kind of run: "the day before a race".
        let mut description = if run_type == RunType::Race { "race".to_owned() } else { format!("{run_type} run") };
        if let Some(intensity) = &self.session.intensity {
            description.push_str(&format!(" at {} intensity", intensity.value));
        }
        if let Some(km) = self.session.distance_km {
            description.push_str(&format!(", {} km", crate::plan::load::Number(km)));
        }
        description
    }

    /// The run's kind for a message headline: `a long run`, `an easy run at hard intensity`;
    /// an easy run long enough to count as a long run is `a long run`.
    pub fn run_headline(&self) -> String {
        if self.is_long_easy_run {
            return "a long run".to_owned();
        }
        let description = self.run_description();
        let kind = description.split(',').next().unwrap_or("run");
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {kind}")
    }
}

impl<'p> Model<'p> {
    /// The plan week of the goal race, when the plan names it.
    pub fn race_week(&self) -> Option<u32> {
        self.plan.race.as_ref().and_then(|race| race.week.as_ref()).map(|week| week.value)
    }

    /// The weeks before the race build-up (see [`WeekView::is_race_build_up`]).
    pub fn weeks_before_build_up(&self) -> impl Iterator<Item = &WeekView<'p>> {
        let race_week = self.race_week();
        self.weeks.iter().filter(move |week| !week.is_race_build_up(race_week))
    }

    /// Resolves a plan against a catalogue; returns `unknown-exercise` diagnostics alongside.
    pub fn build(plan: &'p Plan, catalog: &Catalog) -> (Model<'p>, Vec<Diagnostic>) {
        let mut resolver = Resolver::new(plan, catalog);
        let usual_run = effort::UsualRun::of(plan.weeks.iter().flat_map(|week| {
            week.days.iter().flat_map(|day| match &day.content {
                DayContent::Sessions { sessions, .. } => sessions.as_slice(),
                DayContent::Rest(_) => &[],
            })
        }));
        let mut weeks = Vec::with_capacity(plan.weeks.len());
        let mut phase = Phase::Base;
        let race_week = plan.race.as_ref().and_then(|race| race.week.as_ref()).map(|week| week.value);
        let phases_written = plan.weeks.iter().any(|week| week.phase.is_some());
        for week in &plan.weeks {
            if let Some(written) = &week.phase {
                phase = written.value;
            } else if let Some(race_week) = race_week.filter(|_| !phases_written) {
                phase = phase_before_race(week.number, race_week);
            }
            let mut sessions = Vec::new();
            let mut rest_days = Vec::new();
            // Lowering keeps one day per weekday, so a slot per weekday puts them in order.
            let mut by_weekday: [Option<&crate::plan::Day>; 7] = [None; 7];
            for day in &week.days {
                if let Some(slot) = by_weekday.get_mut(day.weekday.index()) {
                    *slot = Some(day);
                }
            }
            let run_scale = effort::RunScale::of_week(
                usual_run,
                week.days.iter().flat_map(|day| match &day.content {
                    DayContent::Sessions { sessions, .. } => sessions.as_slice(),
                    DayContent::Rest(_) => &[],
                }),
            );
            for day in by_weekday.into_iter().flatten() {
                let (day_sessions, listed) = match &day.content {
                    DayContent::Rest(_) => {
                        rest_days.push(day.weekday);
                        continue;
                    }
                    DayContent::Sessions { sessions, listed } => (sessions, *listed),
                };
                for (position, session) in day_sessions.iter().enumerate() {
                    let exercises: Vec<ExerciseView<'p>> = session
                        .exercises
                        .iter()
                        .enumerate()
                        .map(|(position, exercise)| {
                            let place = Place {
                                week,
                                weekday: day.weekday,
                                day_key: &day.key.value,
                                session: listed.then_some(position),
                            };
                            resolver.exercise(exercise, position, &place)
                        })
                        .collect();
                    sessions.push(SessionView {
                        session,
                        week: week.number,
                        week_index: week.index,
                        weekday: day.weekday,
                        day_key: &day.key.value,
                        day_number: u64::from(week.number) * 7 + day.weekday.index() as u64,
                        position,
                        listed,
                        is_lower_body: session.kind == SessionKind::Strength
                            && exercises.iter().any(|e| e.tags.trains_legs()),
                        is_heavy: effort::is_heavy_session(session, leg_load(&exercises)),
                        is_hard_run: effort::is_hard_run(session, run_scale),
                        run_scale,
                        is_long_easy_run: effort::is_long_easy_run(session, run_scale),
                        exercises,
                    });
                }
            }
            for day in &week.days {
                if let DayContent::Sessions { sessions: day_sessions, .. } = &day.content
                    && !day_sessions.is_empty()
                    && day_sessions.iter().all(is_easy_walk)
                {
                    rest_days.push(day.weekday);
                }
            }
            rest_days.sort();
            let has_race = phase == Phase::Race
                || race_week == Some(week.number)
                || sessions.iter().any(|s| s.session.kind == SessionKind::Run(RunType::Race));
            weeks.push(WeekView { week, phase, timeline_start: 0, training_week: 0, sessions, rest_days, has_race });
        }
        let timeline = timeline::training_weeks(
            plan.athlete.strength_weeks,
            weeks.iter().map(|view| (view.week.number, view.has_strength_work())),
        );
        let mut timeline_start = 0;
        for (position, (view, training_week)) in weeks.iter_mut().zip(timeline).enumerate() {
            if training_week.restarted {
                timeline_start = position;
            }
            view.training_week = training_week.week;
            view.timeline_start = timeline_start;
        }
        (Model { plan, weeks }, resolver.unknown)
    }

    /// Every exercise in calendar order with its week and session.
    pub fn exercises(&self) -> impl Iterator<Item = (&WeekView<'p>, &SessionView<'p>, &ExerciseView<'p>)> {
        self.weeks.iter().flat_map(|week| week.exercises().map(move |(session, exercise)| (week, session, exercise)))
    }

    /// Every session in calendar order with its week.
    pub fn sessions(&self) -> impl Iterator<Item = (&WeekView<'p>, &SessionView<'p>)> {
        self.weeks.iter().flat_map(|week| week.sessions.iter().map(move |session| (week, session)))
    }
}

/// Weeks of taper before the race week, when the phases come from `race.week`.
const INFERRED_TAPER_WEEKS: u32 = 2;
/// Weeks of peak before the taper, likewise.
const INFERRED_PEAK_WEEKS: u32 = 3;

/// The phase of a plan week in a plan that labels no phase but names its race week: the
/// race week, two taper weeks before it, three peak weeks before those, recovery after.
fn phase_before_race(week: u32, race_week: u32) -> Phase {
    match race_week.checked_sub(week) {
        None => Phase::Recovery,
        Some(0) => Phase::Race,
        Some(before) if before <= INFERRED_TAPER_WEEKS => Phase::Taper,
        Some(before) if before <= INFERRED_TAPER_WEEKS + INFERRED_PEAK_WEEKS => Phase::Peak,
        Some(_) => Phase::Base,
    }
}

/// A walk that is rest: cross-training written `walk`, not labelled moderate or hard.
fn is_easy_walk(session: &Session) -> bool {
    session.kind == SessionKind::Cross
        && session.title.as_deref().is_some_and(|activity| {
            let activity = activity.to_lowercase();
            activity == "walk" || activity == "walking" || activity.ends_with(" walk")
        })
        && session.intensity.as_ref().is_none_or(|i| i.value == Intensity::Easy)
}

/// What a session's leg exercises carry, for the effort model.
fn leg_load(exercises: &[ExerciseView<'_>]) -> effort::LegLoad {
    let legs = || exercises.iter().filter(|e| e.identity.is_some() && e.tags.trains_legs());
    effort::LegLoad {
        heavy_exercise: legs().any(|e| e.is_heavy),
        loaded_exercise: legs().any(|e| {
            e.exercise
                .load
                .as_ref()
                .is_some_and(|load| load.value.kilograms().is_some() || matches!(load.value, Load::PercentOfMax(_)))
        }),
    }
}

/// The logical path of a session: `weeks[2].days.fri[0]`, or `weeks[2].days.fri` for a
/// day written as a single session.
fn session_path(week_index: usize, day_key: &str, position_in_list: Option<usize>) -> String {
    match position_in_list {
        Some(position) => format!("weeks[{week_index}].days.{day_key}[{position}]"),
        None => format!("weeks[{week_index}].days.{day_key}"),
    }
}

impl<'p> WeekView<'p> {
    /// Every exercise of the week with its session, in calendar order.
    pub fn exercises(&self) -> impl Iterator<Item = (&SessionView<'p>, &ExerciseView<'p>)> {
        self.sessions.iter().flat_map(|session| session.exercises.iter().map(move |exercise| (session, exercise)))
    }

    /// Whether the week has strength work: a strength session or a jump exercise.
    pub fn has_strength_work(&self) -> bool {
        self.sessions
            .iter()
            .any(|session| session.is_strength() || session.exercises.iter().any(|e| e.tags.contains(Tag::Plyometric)))
    }

    /// Whether any exercise of the week is hip work.
    pub fn has_hip_work(&self) -> bool {
        self.exercises().any(|(_, exercise)| exercise.tags.is_hip_work())
    }

    /// The lower-body sessions of the week.
    pub fn lower_body_sessions(&self) -> impl Iterator<Item = &SessionView<'p>> {
        self.sessions.iter().filter(|session| session.is_lower_body)
    }

    /// Whether the week is in the race build-up (a peak, taper or race week, a week with
    /// any race, or one of the two weeks before `race.week`): no time to start new
    /// exercises, so the selection rules, which would ask for one, stay quiet (their gap was
    /// reported in earlier weeks, and `peak-progression` would flag the new exercise).
    pub fn is_race_build_up(&self, race_week: Option<u32>) -> bool {
        self.has_race
            || matches!(self.phase, Phase::Peak | Phase::Taper | Phase::Race)
            || race_week
                .and_then(|race| race.checked_sub(self.week.number))
                .is_some_and(|before| before <= INFERRED_TAPER_WEEKS)
    }

    /// The week's running volume: kilometres when its runs give distances, else minutes.
    pub fn running_volume(&self) -> RunningVolume {
        let runs = || self.sessions.iter().filter(|s| s.is_run());
        RunningVolume {
            km: runs().filter_map(|s| s.session.distance_km).sum(),
            minutes: runs().filter_map(|s| s.session.minutes.as_ref().map(|m| m.value)).sum(),
        }
    }

    /// The logical path of the week, e.g. `weeks[2]`.
    pub fn path(&self) -> String {
        format!("weeks[{}]", self.week.index)
    }
}
