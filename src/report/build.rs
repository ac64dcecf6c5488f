//! Builds the view of one plan from its model and diagnostics. Every step is linear: a
//! finding finds its week through an index by week number, the entries come from one
//! pass of the same folding the human output uses.

use std::collections::{HashMap, HashSet};

use super::data::{Chip, DayCell, Entry, ExerciseLine, Finding, Place, PlanView, WeekRow, day_anchor, week_anchor};
use super::effort::{hard_reason, heavy_reason};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Model, SessionView, WeekView};
use crate::plan::{SessionKind, Weekday};
use crate::source::Source;
use crate::tags::Tag;

/// Places an entry links to by name; the others are counted (the grid shows each).
const LINKED_PLACES: usize = 24;
/// Different fixes an entry shows; past these, its places say the rest.
const SHOWN_FIXES: usize = 3;

/// Plan text as the page shows it: control characters and bidi overrides escaped, so
/// nothing reorders or hides what the coach reads (markup is escaped by the template).
pub(super) fn shown(text: &str) -> String {
    crate::safe_text::line(text).into_owned()
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

fn chip(model: &Model<'_>, session: &SessionView<'_>) -> Chip {
    match session.session.kind {
        SessionKind::Run(kind) => {
            let amount = match (session.session.distance_km, &session.session.minutes) {
                (Some(km), Some(minutes)) => Some(format!("{} km, {} min", number(km), number(minutes.value))),
                (Some(km), None) => Some(format!("{} km", number(km))),
                (None, Some(minutes)) => Some(format!("{} min", number(minutes.value))),
                (None, None) => None,
            };
            let hard = session.is_hard_run.then(|| hard_reason(session.session, session.run_scale));
            Chip::Run { kind: kind.as_str().to_owned(), amount, hard }
        }
        SessionKind::Strength => Chip::Strength {
            title: session.session.title.as_deref().map(shown),
            heavy: session.is_heavy.then(|| heavy_reason(model, session)),
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

/// A week's row: its chips and the figures the charts draw.
fn week_row(model: &Model<'_>, week: &WeekView<'_>, race_week: Option<u32>) -> WeekRow {
    let mut row = WeekRow {
        number: week.week.number,
        phase: week.phase,
        training_week: week.training_week,
        race_week: race_week == Some(week.week.number),
        days: Default::default(),
        findings: Vec::new(),
        run_km: Some(0.0),
        run_minutes: Some(0.0),
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
    let (mut runs, mut with_km, mut with_minutes) = (0, 0, 0);
    for session in &week.sessions {
        if let Some(cell) = row.days.get_mut(session.weekday.index()) {
            cell.chips.push(chip(model, session));
        }
        if session.is_run() {
            runs += 1;
            if let Some(km) = session.session.distance_km {
                with_km += 1;
                row.run_km = row.run_km.map(|total| total + km);
            }
            if let Some(minutes) = &session.session.minutes {
                with_minutes += 1;
                row.run_minutes = row.run_minutes.map(|total| total + minutes.value);
            }
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
    // A week whose runs give no distance has no distance figure: not the same as no running.
    if runs > 0 && with_km == 0 {
        row.run_km = None;
    }
    if runs > 0 && with_minutes == 0 {
        row.run_minutes = None;
    }
    row
}

/// The view of a plan that could be read into a model.
pub fn plan_view(index: usize, source: &Source, model: &Model<'_>, diagnostics: &[Diagnostic]) -> PlanView {
    let anchor = format!("plan-{index}");
    let race_week = model.race_week();
    let mut weeks: Vec<WeekRow> = model.weeks.iter().map(|week| week_row(model, week, race_week)).collect();
    weeks.sort_by_key(|row| row.number);
    let row_of = week_index(&weeks);
    // A place links to its cell or week when the grid has that week, else to its entry.
    let entries = entries(&anchor, source, diagnostics, |week, day| {
        let week = week.filter(|week| row_of.contains_key(week))?;
        Some(match day.and_then(Weekday::parse) {
            Some(day) => day_anchor(&anchor, week, day),
            None => week_anchor(&anchor, week),
        })
    });
    place_findings(&mut weeks, &row_of, source, diagnostics, &entries);
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
    PlanView {
        file: shown(source.name()),
        anchor,
        title: shown(&model.plan.title),
        athlete: Some(athlete_line),
        race,
        weeks,
        entries: entries.entries,
        counts: counts(diagnostics),
    }
}

/// The view of a plan that could not be read: its problems only.
pub fn unreadable_view(index: usize, source: &Source, diagnostics: &[Diagnostic]) -> PlanView {
    let anchor = format!("plan-{index}");
    let entries = entries(&anchor, source, diagnostics, |_, _| None).entries;
    PlanView {
        file: shown(source.name()),
        title: shown(source.name()),
        anchor,
        athlete: None,
        race: None,
        weeks: Vec::new(),
        entries,
        counts: counts(diagnostics),
    }
}

/// A plan's entries, and for each diagnostic the anchor of its entry.
struct Entries {
    entries: Vec<Entry>,
    entry_of: Vec<String>,
}

/// Folds a plan's diagnostics (sorted by position) into entries as the human output does,
/// errors first; `target` gives the anchor of a finding's cell or week, if it has one.
fn entries(
    plan: &str,
    source: &Source,
    diagnostics: &[Diagnostic],
    target: impl Fn(Option<u32>, Option<&str>) -> Option<String>,
) -> Entries {
    let folded = crate::render::fold::folded_into(diagnostics);
    // The entry of each diagnostic, by the index of the first diagnostic of its fold.
    let mut slot_of_first: HashMap<usize, usize> = HashMap::new();
    let mut slots: Vec<Vec<usize>> = Vec::new();
    for (index, into) in folded.iter().enumerate() {
        let first = into.unwrap_or(index);
        let slot = *slot_of_first.entry(first).or_insert_with(|| {
            slots.push(Vec::new());
            slots.len() - 1
        });
        if let Some(members) = slots.get_mut(slot) {
            members.push(index);
        }
    }
    let severity_of = |members: &[usize]| {
        members.iter().filter_map(|&i| diagnostics.get(i)).map(|d| d.severity).max().unwrap_or(Severity::Info)
    };
    // Errors first; within a severity, by first occurrence (the sort is stable).
    slots.sort_by_key(|members| std::cmp::Reverse(severity_of(members)));
    let mut entry_of = vec![String::new(); diagnostics.len()];
    let mut fixes_shown: HashSet<&str> = HashSet::new();
    let mut entries = Vec::with_capacity(slots.len());
    for (number, members) in slots.iter().enumerate() {
        let Some(first) = members.first().and_then(|&i| diagnostics.get(i)) else { continue };
        let anchor = format!("{plan}-problem-{}", number + 1);
        let mut fixes = Vec::new();
        let mut places = Vec::new();
        let mut weeks: Option<(u32, u32)> = None;
        for &member in members {
            let Some(diagnostic) = diagnostics.get(member) else { continue };
            if let Some(slot) = entry_of.get_mut(member) {
                slot.clone_from(&anchor);
            }
            if let Some(help) = diagnostic.help.as_deref()
                && fixes.len() < SHOWN_FIXES
                && fixes_shown.insert(help)
            {
                fixes.push(shown(help));
            }
            if let Some(week) = diagnostic.week {
                weeks = Some(weeks.map_or((week, week), |(low, high)| (low.min(week), high.max(week))));
            }
            if places.len() < LINKED_PLACES {
                let line = source.line_of(diagnostic.span.start);
                let label = match (diagnostic.week, diagnostic.day) {
                    (Some(week), Some(day)) => format!("week {week} {day}, line {line}"),
                    (Some(week), None) => format!("week {week}, line {line}"),
                    _ => format!("line {line}"),
                };
                let target = target(diagnostic.week, diagnostic.day).unwrap_or_else(|| anchor.clone());
                places.push(Place { label, target, line });
            }
        }
        entries.push(Entry {
            anchor,
            rule: first.rule.name,
            explained: first.rule.is_rule(),
            severity: severity_of(members),
            message: shown(&first.message),
            fixes,
            count: members.len(),
            weeks,
            places,
        });
    }
    Entries { entries, entry_of }
}

/// The row of each week number (the first, should a number repeat).
fn week_index(weeks: &[WeekRow]) -> HashMap<u32, usize> {
    let mut row_of = HashMap::with_capacity(weeks.len());
    for (index, row) in weeks.iter().enumerate() {
        row_of.entry(row.number).or_insert(index);
    }
    row_of
}

/// Puts each finding on its day cell, else its week row (findings about the plan as a
/// whole are in the entries only), finding the week through the index by number.
fn place_findings(
    weeks: &mut [WeekRow],
    row_of: &HashMap<u32, usize>,
    source: &Source,
    diagnostics: &[Diagnostic],
    entries: &Entries,
) {
    for (diagnostic, entry) in diagnostics.iter().zip(&entries.entry_of) {
        let Some(row) = diagnostic.week.and_then(|number| row_of.get(&number)).and_then(|&i| weeks.get_mut(i)) else {
            continue;
        };
        let finding = Finding {
            rule: diagnostic.rule.name,
            severity: diagnostic.severity,
            message: shown(&diagnostic.message),
            line: source.line_of(diagnostic.span.start),
            entry: entry.clone(),
        };
        let day = diagnostic.day.and_then(Weekday::parse).map(Weekday::index);
        match day.and_then(|day| row.days.get_mut(day)) {
            Some(cell) => cell.findings.push(finding),
            None => row.findings.push(finding),
        }
    }
    // Errors first in each cell, then in file order.
    let order = |list: &mut Vec<Finding>| list.sort_by_key(|f| (std::cmp::Reverse(f.severity), f.line));
    for row in weeks {
        order(&mut row.findings);
        row.days.iter_mut().for_each(|cell: &mut DayCell| order(&mut cell.findings));
    }
}

fn counts(diagnostics: &[Diagnostic]) -> [usize; 3] {
    let count = |severity| diagnostics.iter().filter(|d| d.severity == severity).count();
    [count(Severity::Error), count(Severity::Warning), count(Severity::Info)]
}
