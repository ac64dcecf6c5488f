//! The week grid: a row per week and a cell per day, sessions as chips and findings as
//! compact markers (severity and rule) that open to their message and link to the
//! problem entry with the fix. On a phone, each week becomes a list of its days.

use std::collections::HashMap;

use maud::{Markup, html};

use super::data::{Chip, DayCell, ExerciseLine, Finding, PlanView, WeekRow, day_anchor, week_anchor};
use super::phase_colour;
use crate::plan::{RunType, Weekday};
use crate::render::plural;

/// Markers one cell shows; the others are counted, and every one is in the problem list.
const MARKERS_PER_CELL: usize = 6;
/// Messages one marker lists when it opens.
const MESSAGES_PER_MARKER: usize = 6;
/// Sessions one cell shows; a day is never longer than this in a real plan.
const CHIPS_PER_CELL: usize = 12;

/// The grid of a plan.
pub fn grid(plan: &PlanView) -> Markup {
    html! {
        div.scroll {
            table.grid {
                caption { "Week by week: sessions per day; findings sit on the day or the week they concern. Open a marker for its message." }
                thead { tr {
                    th scope="col" { "Week" }
                    @for day in Weekday::FULL_NAMES { th scope="col" { (capitalised(day)) } }
                } }
                tbody { @for row in &plan.weeks { (week_row(&plan.anchor, row)) } }
            }
        }
    }
}

fn week_row(plan: &str, row: &WeekRow) -> Markup {
    html! {
        tr class=(if row.race_week { "week race-week" } else { "week" }) id=(week_anchor(plan, row.number))
            data-week=(row.number) {
            th scope="row" class="week-head" style=(format!("border-left: 8px solid {}", phase_colour(row.phase))) {
                div.week-number { "Week " (row.number) }
                div.phase { (row.phase.as_str()) ", training week " (row.training_week) }
                @if row.race_week { div.race-tag { "race week" } }
                (markers(plan, &row.findings))
            }
            @for (index, cell) in row.days.iter().enumerate() {
                @if let Some(day) = Weekday::from_index(index) { (day_cell(plan, cell, row.number, day)) }
            }
        }
    }
}

fn day_cell(plan: &str, cell: &DayCell, week: u32, day: Weekday) -> Markup {
    let worst = cell.findings.iter().map(|f| f.severity).max();
    let empty = !cell.rest && cell.chips.is_empty() && cell.findings.is_empty();
    let mut class = String::from("day");
    if let Some(worst) = worst {
        class.push_str(" has-");
        class.push_str(worst.as_str());
    }
    if empty {
        class.push_str(" empty");
    }
    let hidden_chips = cell.chips.len().saturating_sub(CHIPS_PER_CELL);
    html! {
        // Only a cell with findings is a link target; a phone shows the day's name from `data-day`.
        td class=(class) id=[(!cell.findings.is_empty()).then(|| day_anchor(plan, week, day))] data-day=(day.as_str()) {
            @if cell.rest { span.rest { "rest" } }
            @for session in cell.chips.iter().take(CHIPS_PER_CELL) { (chip(session)) }
            @if hidden_chips > 0 { div.more-sessions { "and " (plural(hidden_chips, "more session", "more sessions")) } }
            (markers(plan, &cell.findings))
        }
    }
}

/// The markers of a cell or week: one per problem entry (its findings here counted on it),
/// errors first, up to [`MARKERS_PER_CELL`]; the rest are counted.
fn markers(plan: &str, list: &[Finding]) -> Markup {
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    for finding in list {
        let group = *group_of.entry(finding.entry.as_str()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(members) = groups.get_mut(group) {
            members.push(finding);
        }
    }
    let hidden: usize = groups.iter().skip(MARKERS_PER_CELL).map(Vec::len).sum();
    html! {
        @if !groups.is_empty() {
            ul.findings {
                @for group in groups.iter().take(MARKERS_PER_CELL) { (marker(group)) }
                @if hidden > 0 {
                    li.more data-hidden=(hidden) {
                        a href=(format!("#{plan}-problems")) { "and " (plural(hidden, "more finding", "more findings")) " in the problem list" }
                    }
                }
            }
        }
    }
}

/// One marker: the severity and rule of findings of one problem in one place, opening to
/// their messages and a link to the problem's fix.
fn marker(group: &[&Finding]) -> Markup {
    let Some(first) = group.first() else { return html! {} };
    let severity = first.severity.as_str();
    let lines: Vec<String> = group.iter().map(|f| f.line.to_string()).collect();
    let unshown = group.len().saturating_sub(MESSAGES_PER_MARKER);
    html! {
        li class=(format!("finding {severity}")) data-rule=(first.rule) data-lines=(lines.join(" ")) {
            details {
                summary {
                    span.severity { (severity) } " " (first.rule)
                    @if group.len() > 1 { " " span.times { "\u{d7}" (group.len()) } }
                }
                @for finding in group.iter().take(MESSAGES_PER_MARKER) {
                    div.message { (super::page::inline(&finding.message)) " " span.line { "(line " (finding.line) ")" } }
                }
                @if unshown > 0 { div.message { "and " (unshown) " more here" } }
                a href=(format!("#{}", first.entry)) { "fix and other places" }
            }
        }
    }
}

fn exercise_list(exercises: &[ExerciseLine]) -> Markup {
    html! {
        ul.exercises {
            @for exercise in exercises {
                li { span.exercise-name { (exercise.name) } " " (exercise.prescription)
                     @if exercise.heavy { " " span.heavy-lift { "heavy" } } }
            }
        }
    }
}

/// The reason without its `hard: ` or `heavy: ` lead, for a line under the chip.
fn why(reason: &str) -> &str {
    reason.split_once(": ").map_or(reason, |(_, rest)| rest)
}

fn chip(chip: &Chip) -> Markup {
    match chip {
        Chip::Run { kind, amount, hard } => {
            // A tempo or long run is hard by its type: the chip says why only when it is not.
            let hard_by_type = RunType::parse(kind).is_some_and(RunType::is_hard);
            html! {
                div class=(if hard.is_some() { "chip run hard" } else { "chip run" }) {
                    (kind) " run" @if let Some(amount) = amount { " " span.amount { (amount) } }
                    @if let Some(reason) = hard {
                        " " span.hard-tag { "hard" }
                        @if !hard_by_type { div.why { (super::page::inline(why(reason))) } }
                    }
                }
            }
        }
        Chip::Strength { title, heavy, lower_body, exercises } => {
            let class = match (heavy, lower_body) {
                (Some(_), true) => "chip strength heavy",
                (Some(_), false) => "chip strength heavy-upper",
                (None, true) => "chip strength legs",
                (None, false) => "chip strength",
            };
            html! {
                details class=(class) {
                    summary {
                        "strength: " (title.as_deref().unwrap_or("session"))
                        @if heavy.is_some() {
                            " " span.heavy-tag { @if *lower_body { "heavy" } @else { "heavy, upper body" } }
                        }
                        " " span.count { "(" (plural(exercises.len(), "exercise", "exercises")) ")" }
                    }
                    @if let Some(reason) = heavy { p.why { (super::page::inline(reason)) } }
                    (exercise_list(exercises))
                }
            }
        }
        Chip::Mobility { title, exercises } => html! {
            details.chip.mobility {
                summary { "mobility: " (title.as_deref().unwrap_or("session")) }
                (exercise_list(exercises))
            }
        },
        Chip::Cross { activity } => html! { div.chip.cross { "cross: " (activity) } },
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
