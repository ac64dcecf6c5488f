//! What the report shows of one plan, read from the model and the diagnostics: the weeks
//! as rows of seven day cells, the sessions as chips, each finding on the cell, week or
//! plan it belongs to, and the weekly figures the charts draw.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Model, SessionView};
use crate::plan::{Phase, SessionKind, Weekday};
use crate::source::Source;
use crate::tags::Tag;

/// One finding as the report shows it.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule's name.
    pub rule: &'static str,
    /// Whether the rule has an explanation in the report.
    pub explained: bool,
    /// Severity.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// The concrete fix, if any.
    pub help: Option<String>,
    /// The line in the plan file.
    pub line: usize,
}

/// One exercise of a strength or mobility session.
#[derive(Debug, Clone)]
pub struct ExerciseLine {
    /// The name as written.
    pub name: String,
    /// The prescription: `3x8 each @ 20kg`.
    pub prescription: String,
    /// Heavy by the effort model.
    pub heavy: bool,
}

/// A session as a chip in its day cell.
#[derive(Debug, Clone)]
pub enum Chip {
    /// A run.
    Run {
        /// `long`, `easy`, ...
        kind: String,
        /// `12 km`, `40 min`.
        amount: Option<String>,
        /// Hard by the effort model (type, intensity or length).
        hard: bool,
    },
    /// A strength session.
    Strength {
        /// Its title, if written.
        title: Option<String>,
        /// Heavy by the effort model.
        heavy: bool,
        /// Trains the legs.
        lower_body: bool,
        /// Its exercises.
        exercises: Vec<ExerciseLine>,
    },
    /// Mobility work.
    Mobility {
        /// Its title, if written.
        title: Option<String>,
        /// Its exercises.
        exercises: Vec<ExerciseLine>,
    },
    /// Cross-training.
    Cross {
        /// The activity.
        activity: String,
    },
}

/// One day of a week row.
#[derive(Debug, Clone, Default)]
pub struct DayCell {
    /// Written as `rest` or `off`.
    pub rest: bool,
    /// The sessions in the order of the day.
    pub chips: Vec<Chip>,
    /// Findings about this day.
    pub findings: Vec<Finding>,
}

/// One week of the plan.
#[derive(Debug, Clone)]
pub struct WeekRow {
    /// Plan week number.
    pub number: u32,
    /// Phase (written or inherited).
    pub phase: Phase,
    /// Plan week + `strength_weeks`.
    pub training_week: u32,
    /// The week `race.week` names.
    pub race_week: bool,
    /// Monday to Sunday.
    pub days: [DayCell; 7],
    /// Findings about the week as a whole.
    pub findings: Vec<Finding>,
    /// Running distance in km.
    pub run_km: f64,
    /// Hard runs.
    pub hard_runs: u32,
    /// Lower-body strength sessions.
    pub lower_sessions: u32,
    /// Sets of leg exercises.
    pub lower_sets: u32,
    /// Plyometric foot contacts (sets x reps).
    pub plyo_contacts: u32,
    /// Heavy strength sessions.
    pub heavy_sessions: u32,
}

/// One plan of the report.
#[derive(Debug, Clone)]
pub struct PlanView {
    /// The file's name.
    pub file: String,
    /// An anchor for links: `plan-3`.
    pub anchor: String,
    /// The plan's title (the file name when the plan could not be read).
    pub title: String,
    /// A line about the athlete.
    pub athlete: Option<String>,
    /// The goal race: name and week.
    pub race: Option<String>,
    /// The weeks (empty when the plan could not be read).
    pub weeks: Vec<WeekRow>,
    /// Findings about the plan as a whole, or every finding of an unreadable plan.
    pub findings: Vec<Finding>,
    /// Counts by severity: errors, warnings, infos.
    pub counts: [usize; 3],
}

impl PlanView {
    /// Every finding of the plan, wherever it sits.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().chain(
            self.weeks
                .iter()
                .flat_map(|week| week.findings.iter().chain(week.days.iter().flat_map(|day| day.findings.iter()))),
        )
    }
}

/// Plan text as the page shows it: control characters and bidi overrides escaped, so
/// nothing reorders or hides what the coach reads (markup is escaped by the template).
fn shown(text: &str) -> String {
    crate::safe_text::line(text).into_owned()
}

fn finding(source: &Source, diagnostic: &Diagnostic) -> Finding {
    Finding {
        rule: diagnostic.rule.name,
        explained: diagnostic.rule.is_rule(),
        severity: diagnostic.severity,
        message: shown(&diagnostic.message),
        help: diagnostic.help.as_deref().map(shown),
        line: source.line_of(diagnostic.span.start),
    }
}

fn number(value: f64) -> String {
    crate::plan::load::Number(value).to_string()
}

fn exercises(session: &SessionView<'_>) -> Vec<ExerciseLine> {
    session
        .exercises
        .iter()
        .map(|e| {
            let described = e.exercise.describe();
            let prescription = described.strip_prefix(e.exercise.name.value.as_str()).unwrap_or("").trim().to_owned();
            ExerciseLine { name: shown(&e.exercise.name.value), prescription: shown(&prescription), heavy: e.is_heavy }
        })
        .collect()
}

fn chip(session: &SessionView<'_>) -> Chip {
    match session.session.kind {
        SessionKind::Run(kind) => {
            let amount = match (session.session.distance_km, &session.session.minutes) {
                (Some(km), _) => Some(format!("{} km", number(km))),
                (None, Some(minutes)) => Some(format!("{} min", number(minutes.value))),
                (None, None) => None,
            };
            Chip::Run { kind: kind.as_str().to_owned(), amount, hard: session.is_hard_run }
        }
        SessionKind::Strength => Chip::Strength {
            title: session.session.title.as_deref().map(shown),
            heavy: session.is_heavy,
            lower_body: session.is_lower_body,
            exercises: exercises(session),
        },
        SessionKind::Mobility => {
            Chip::Mobility { title: session.session.title.as_deref().map(shown), exercises: exercises(session) }
        }
        SessionKind::Cross => Chip::Cross {
            activity: session.session.title.as_deref().map_or_else(|| "cross-training".to_owned(), shown),
        },
    }
}

/// The view of a plan that could be read into a model.
pub fn plan_view(index: usize, source: &Source, model: &Model<'_>, diagnostics: &[Diagnostic]) -> PlanView {
    let race_week = model.race_week();
    let mut weeks: Vec<WeekRow> = model
        .weeks
        .iter()
        .map(|week| {
            let mut row = WeekRow {
                number: week.week.number,
                phase: week.phase,
                training_week: week.training_week,
                race_week: race_week == Some(week.week.number),
                days: Default::default(),
                findings: Vec::new(),
                run_km: 0.0,
                hard_runs: 0,
                lower_sessions: 0,
                lower_sets: 0,
                plyo_contacts: 0,
                heavy_sessions: 0,
            };
            for day in &week.rest_days {
                if let Some(cell) = row.days.get_mut(day.index()) {
                    cell.rest = true;
                }
            }
            for session in &week.sessions {
                if let Some(cell) = row.days.get_mut(session.weekday.index()) {
                    cell.chips.push(chip(session));
                }
                if session.is_run() {
                    row.run_km += session.session.distance_km.unwrap_or(0.0);
                    row.hard_runs += u32::from(session.is_hard_run);
                }
                if session.is_lower_body {
                    row.lower_sessions += 1;
                    row.heavy_sessions += u32::from(session.is_heavy);
                }
                for exercise in &session.exercises {
                    let sets = exercise.exercise.sets.as_ref().map_or(1, |s| s.value);
                    if session.is_strength() && exercise.tags.trains_legs() {
                        row.lower_sets = row.lower_sets.saturating_add(sets);
                    }
                    if exercise.tags.contains(Tag::Plyometric) {
                        let reps = exercise.exercise.reps.as_ref().and_then(|r| r.value.upper()).unwrap_or(1);
                        row.plyo_contacts = row.plyo_contacts.saturating_add(sets.saturating_mul(reps));
                    }
                }
            }
            row
        })
        .collect();
    let mut plan_findings = Vec::new();
    for diagnostic in diagnostics {
        let shown = finding(source, diagnostic);
        let row = diagnostic.week.and_then(|number| weeks.iter_mut().find(|row| row.number == number));
        let day = diagnostic.day.and_then(Weekday::parse).map(Weekday::index);
        match (row, day) {
            (Some(row), Some(day)) => match row.days.get_mut(day) {
                Some(cell) => cell.findings.push(shown),
                None => row.findings.push(shown),
            },
            (Some(row), None) => row.findings.push(shown),
            (None, _) => plan_findings.push(shown),
        }
    }
    let athlete = &model.plan.athlete;
    let athlete_line =
        format!("{}, {} weeks of strength training before week 1", athlete.level, athlete.strength_weeks);
    let race = model.plan.race.as_ref().map(|race| {
        let name = race.name.as_deref().map_or_else(|| "race".to_owned(), shown);
        match &race.week {
            Some(week) => format!("{name}, week {}", week.value),
            None => name,
        }
    });
    weeks.sort_by_key(|row| row.number);
    PlanView {
        file: shown(source.name()),
        anchor: format!("plan-{index}"),
        title: shown(&model.plan.title),
        athlete: Some(athlete_line),
        race,
        weeks,
        findings: plan_findings,
        counts: counts(diagnostics),
    }
}

/// The view of a plan that could not be read: its findings only.
pub fn unreadable_view(index: usize, source: &Source, diagnostics: &[Diagnostic]) -> PlanView {
    PlanView {
        file: shown(source.name()),
        anchor: format!("plan-{index}"),
        title: shown(source.name()),
        athlete: None,
        race: None,
        weeks: Vec::new(),
        findings: diagnostics.iter().map(|d| finding(source, d)).collect(),
        counts: counts(diagnostics),
    }
}

fn counts(diagnostics: &[Diagnostic]) -> [usize; 3] {
    let count = |severity| diagnostics.iter().filter(|d| d.severity == severity).count();
    [count(Severity::Error), count(Severity::Warning), count(Severity::Info)]
}
