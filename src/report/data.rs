//! What the report shows of one plan: the weeks as rows of seven day cells, the sessions
//! as chips, each finding as a marker on the cell, week or plan it belongs to, the
//! problems folded into entries as the human output folds them, and the weekly figures
//! the charts draw. Built in `build.rs`; drawn in `page.rs`, `grid.rs` and `chart.rs`.

use crate::diagnostic::Severity;
use crate::plan::{Phase, Weekday};

/// One finding as a marker in the grid: its severity and rule, opening to its message.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule's name.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// The line in the plan file.
    pub line: usize,
    /// The anchor of the problem entry this finding is folded into (its fix is there).
    pub entry: String,
}

/// One problem of a plan: the findings the human output folds into one entry, with the
/// fix said once and links to every place (up to a cap).
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its anchor: `plan-3-problem-2`.
    pub anchor: String,
    /// The rule's name.
    pub rule: &'static str,
    /// Whether the rule has an explanation in the report.
    pub explained: bool,
    /// The most serious severity among its findings.
    pub severity: Severity,
    /// The first finding's message.
    pub message: String,
    /// The different fixes its findings propose, each shown once per plan (a fix already
    /// shown by an earlier entry of the plan is not repeated).
    pub fixes: Vec<String>,
    /// How many findings it folds.
    pub count: usize,
    /// The first and the last week it occurs in.
    pub weeks: Option<(u32, u32)>,
    /// Links to its places, in file order, up to a cap.
    pub places: Vec<Place>,
}

/// Where one finding of an entry sits, as a link.
#[derive(Debug, Clone)]
pub struct Place {
    /// `week 3 tue, line 41`.
    pub label: String,
    /// The anchor of the cell, week or entry it links to.
    pub target: String,
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
        /// Why the effort model calls it hard, when it does.
        hard: Option<String>,
    },
    /// A strength session.
    Strength {
        /// Its title, if written.
        title: Option<String>,
        /// Why the effort model calls it heavy, when it does.
        heavy: Option<String>,
        /// Trains the legs (a heavy session that does not is no heavy leg session).
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
    /// Findings about this day, errors first.
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
    /// Findings about the week as a whole, errors first.
    pub findings: Vec<Finding>,
    /// Running distance in km; `None` when the week has runs but none gives a distance.
    pub run_km: Option<f64>,
    /// Running time in minutes; `None` when the week has runs but none gives a duration.
    pub run_minutes: Option<f64>,
    /// Hard runs.
    pub hard_runs: u32,
    /// Lower-body strength sessions.
    pub lower_sessions: u32,
    /// Sets of leg exercises.
    pub lower_sets: u32,
    /// Plyometric foot contacts (sets x reps).
    pub plyo_contacts: u32,
    /// Heavy lower-body strength sessions.
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
    /// The problems, errors first, then in the order of their first finding.
    pub entries: Vec<Entry>,
    /// Counts by severity: errors, warnings, infos.
    pub counts: [usize; 3],
}

impl PlanView {
    /// Every finding placed in the grid, on a day or a week (findings about the plan as a
    /// whole, and those of a plan that could not be read, are in its entries only).
    pub fn grid_findings(&self) -> impl Iterator<Item = &Finding> {
        self.weeks
            .iter()
            .flat_map(|week| week.findings.iter().chain(week.days.iter().flat_map(|day| day.findings.iter())))
    }

    /// The number of findings the plan's entries fold.
    pub fn finding_count(&self) -> usize {
        self.entries.iter().map(|entry| entry.count).sum()
    }
}

/// The anchor of a day cell: `plan-3-w12-tue`.
pub fn day_anchor(plan: &str, week: u32, day: Weekday) -> String {
    format!("{plan}-w{week}-{}", day.as_str())
}

/// The anchor of a week row: `plan-3-w12`.
pub fn week_anchor(plan: &str, week: u32) -> String {
    format!("{plan}-w{week}")
}
