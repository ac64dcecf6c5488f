//! The resolved plan the rules read: calendar positions, phases, training weeks,
//! exercise classification and heaviness.

pub mod effort;
mod progression;
mod unknown;

pub use effort::share_of_max;
pub use progression::{Change, Occurrence, rising_changes};

use std::collections::HashMap;
use std::rc::Rc;

use crate::catalog::{Catalog, fold_name};
use crate::diagnostic::Diagnostic;
use crate::plan::{Classification, DayContent, Exercise, Phase, Plan, Session, SessionKind, Weekday};
use crate::tags::TagSet;

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
    /// Plan week + `athlete.strength_weeks`.
    pub training_week: u32,
    /// The sessions in calendar order: by weekday, then in the order written within a day
    /// (see [`SessionView::happens_before`] for the order by `at`).
    pub sessions: Vec<SessionView<'p>>,
    /// The days written as `rest` or `off`.
    pub rest_days: Vec<Weekday>,
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
        let mut description = format!("{run_type} run");
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
                        is_heavy: effort::is_heavy_session(
                            session,
                            exercises.iter().any(|e| e.is_heavy && e.tags.trains_legs()),
                        ),
                        is_hard_run: effort::is_hard_run(session, usual_run),
                        is_long_easy_run: effort::is_long_easy_run(session, usual_run),
                        exercises,
                    });
                }
            }
            weeks.push(WeekView {
                week,
                phase,
                training_week: week.number.saturating_add(plan.athlete.strength_weeks),
                sessions,
                rest_days,
            });
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

/// The logical path of a session: `weeks[2].days.fri[0]`, or `weeks[2].days.fri` for a
/// day written as a single session.
fn session_path(week_index: usize, day_key: &str, position_in_list: Option<usize>) -> String {
    match position_in_list {
        Some(position) => format!("weeks[{week_index}].days.{day_key}[{position}]"),
        None => format!("weeks[{week_index}].days.{day_key}"),
    }
}

/// Where an exercise sits in the plan, for the logical path of its diagnostics.
struct Place<'a> {
    week: &'a crate::plan::Week,
    weekday: Weekday,
    day_key: &'a str,
    /// The session's position when the day is a list.
    session: Option<usize>,
}

impl Place<'_> {
    fn exercise_path(&self, position: usize) -> String {
        format!("{}.exercises[{position}]", session_path(self.week.index, self.day_key, self.session))
    }
}

/// Classifies exercises: plan-local definitions first, then the catalogue. Each folded
/// name is resolved once and its identity shared by every occurrence.
struct Resolver<'c> {
    catalog: &'c Catalog,
    local: HashMap<String, TagSet>,
    /// Resolutions by name as written.
    resolved: HashMap<String, Option<(Rc<str>, TagSet)>>,
    one_rep_max_kg: HashMap<Rc<str>, f64>,
    body_weight_kg: Option<f64>,
    /// "Did you mean" names by unknown spelling, and whether the first is the plan's own.
    suggestions: HashMap<String, (Vec<String>, bool)>,
    unknown: Vec<Diagnostic>,
    /// Known names as the plan writes them, with their folded form: a misspelling of one
    /// is suggested first.
    written_names: Vec<(String, String)>,
}

impl<'c> Resolver<'c> {
    fn new(plan: &Plan, catalog: &'c Catalog) -> Self {
        let mut resolver = Resolver {
            catalog,
            local: HashMap::new(),
            resolved: HashMap::new(),
            one_rep_max_kg: HashMap::new(),
            body_weight_kg: plan.athlete.body_weight_kg,
            suggestions: HashMap::new(),
            unknown: Vec::new(),
            written_names: Vec::new(),
        };
        for definition in &plan.exercises {
            let tags = match &definition.classification {
                Classification::Tags(tags) => Some(*tags),
                Classification::Like(known) => match catalog.lookup(&known.value) {
                    Some(entry) => Some(entry.tags),
                    None => {
                        let diagnostic = resolver.unknown_exercise(&known.value, known.span);
                        resolver.unknown.push(diagnostic);
                        // Reported once here; its uses stay known, with no tags.
                        Some(TagSet::EMPTY)
                    }
                },
            };
            if let Some(tags) = tags {
                resolver.local.insert(fold_name(&definition.name.value), tags);
            }
        }
        for max in &plan.athlete.one_rep_max {
            match (max.load.value.kilograms(), resolver.resolve(&max.exercise.value)) {
                (Some(kg), Some((identity, _))) => {
                    resolver.one_rep_max_kg.insert(identity, kg);
                }
                (_, None) => {
                    let diagnostic = resolver.unknown_exercise(&max.exercise.value, max.exercise.span);
                    resolver.unknown.push(diagnostic);
                }
                (None, Some(_)) => {}
            }
        }
        resolver.written_names = resolver.known_written_names(plan);
        resolver
    }

    /// The shared identity and tags of an exercise name, or `None` when it is unknown.
    /// Names are cached as written, since a plan repeats the same spellings week after week.
    fn resolve(&mut self, name: &str) -> Option<(Rc<str>, TagSet)> {
        if let Some(resolved) = self.resolved.get(name) {
            return resolved.clone();
        }
        let folded = fold_name(name);
        let resolved = match self.local.get(&folded) {
            Some(tags) => Some((Rc::from(folded.as_str()), *tags)),
            None => self.catalog.lookup_folded(&folded).map(|entry| (Rc::from(entry.name.as_str()), entry.tags)),
        };
        self.resolved.insert(name.to_owned(), resolved.clone());
        resolved
    }

    fn exercise<'p>(&mut self, exercise: &'p Exercise, position: usize, place: &Place<'_>) -> ExerciseView<'p> {
        let (identity, tags) = match (self.resolve(&exercise.name.value), exercise.tags) {
            (Some((identity, catalogue_tags)), own) => (Some(identity), own.unwrap_or(catalogue_tags)),
            (None, Some(own)) => (Some(Rc::from(fold_name(&exercise.name.value).as_str())), own),
            (None, None) => {
                let diagnostic = self
                    .unknown_exercise(&exercise.name.value, exercise.name.span)
                    .at_day(place.week.number, Some(place.weekday.as_str()))
                    .with_path(place.exercise_path(position));
                self.unknown.push(diagnostic);
                (None, TagSet::EMPTY)
            }
        };
        let max_kg = identity.as_ref().and_then(|id| self.one_rep_max_kg.get(id).copied());
        let judged_max =
            max_kg.or_else(|| identity.as_deref().and_then(|id| effort::estimated_max_kg(id, self.body_weight_kg)));
        let is_heavy = identity.is_some() && effort::is_heavy_exercise(exercise, judged_max);
        ExerciseView { exercise, position, is_heavy, identity, tags, max_kg }
    }
}

impl<'p> WeekView<'p> {
    /// Every exercise of the week with its session, in calendar order.
    pub fn exercises(&self) -> impl Iterator<Item = (&SessionView<'p>, &ExerciseView<'p>)> {
        self.sessions.iter().flat_map(|session| session.exercises.iter().map(move |exercise| (session, exercise)))
    }

    /// Whether any exercise of the week is hip work.
    pub fn has_hip_work(&self) -> bool {
        self.exercises().any(|(_, exercise)| exercise.tags.is_hip_work())
    }

    /// The lower-body sessions of the week.
    pub fn lower_body_sessions(&self) -> impl Iterator<Item = &SessionView<'p>> {
        self.sessions.iter().filter(|session| session.is_lower_body)
    }

    /// Whether the week is in the race build-up (a peak, taper or race week, or one of the
    /// two weeks before `race.week`): no time to start new exercises, so the selection
    /// rules, which would ask for one, stay quiet (their gap was reported in earlier weeks).
    pub fn is_race_build_up(&self, race_week: Option<u32>) -> bool {
        matches!(self.phase, Phase::Peak | Phase::Taper | Phase::Race)
            || race_week
                .and_then(|race| race.checked_sub(self.week.number))
                .is_some_and(|before| before <= INFERRED_TAPER_WEEKS)
    }

    /// The logical path of the week, e.g. `weeks[2]`.
    pub fn path(&self) -> String {
        format!("weeks[{}]", self.week.index)
    }
}
