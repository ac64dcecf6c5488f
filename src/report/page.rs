//! The HTML page: an index of plans, then per plan its header, charts and week grid, then
//! the explanation of every rule that fired.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::chart::charts;
use super::data::{Chip, DayCell, ExerciseLine, Finding, PlanView, WeekRow};
use super::phase_colour;
use crate::meta::RuleMeta;
use crate::plan::Weekday;
use crate::render::plural;

const STYLE: &str = include_str!("report.css");
/// Sorting the index by a column is the one thing CSS cannot do.
const SCRIPT: &str = include_str!("report.js");

/// Writes the whole report.
pub fn render(plans: &[PlanView], rules: &[&'static RuleMeta], out: &mut dyn Write) -> io::Result<()> {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "runlint report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.page-header {
                    h1 { "runlint report" }
                    p { (summary(plans)) }
                }
                main {
                    @if plans.len() > 1 { (index(plans)) }
                    @for plan in plans { (plan_section(plan)) }
                    (explanations(plans, rules))
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    out.write_all(page.into_string().as_bytes())
}

fn summary(plans: &[PlanView]) -> String {
    let [errors, warnings, infos] = plans
        .iter()
        .fold([0; 3], |total, plan| [total[0] + plan.counts[0], total[1] + plan.counts[1], total[2] + plan.counts[2]]);
    format!(
        "{}: {}, {}, {}",
        plural(plans.len(), "plan", "plans"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(infos, "info", "infos")
    )
}

/// The rules that fired most in a plan, most frequent first.
fn top_rules(plan: &PlanView) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for finding in plan.all_findings() {
        match counts.iter_mut().find(|(rule, _)| *rule == finding.rule) {
            Some((_, count)) => *count += 1,
            None => counts.push((finding.rule, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.truncate(3);
    counts
}

fn index(plans: &[PlanView]) -> Markup {
    html! {
        section.index aria-labelledby="index-title" {
            h2 #index-title { "Plans" }
            div.scroll {
                table.sortable {
                    caption { "Select a column heading to sort by it." }
                    thead { tr {
                        th scope="col" { button type="button" { "Plan" } }
                        th scope="col" { button type="button" data-numeric="1" { "Errors" } }
                        th scope="col" { button type="button" data-numeric="1" { "Warnings" } }
                        th scope="col" { button type="button" data-numeric="1" { "Infos" } }
                        th scope="col" { "Top rules" }
                    } }
                    tbody {
                        @for plan in plans {
                            tr {
                                th scope="row" { a href=(format!("#{}", plan.anchor)) { (plan.title) } br; small { (plan.file) } }
                                td.error-count { (plan.counts[0]) }
                                td.warning-count { (plan.counts[1]) }
                                td.info-count { (plan.counts[2]) }
                                td { @for (rule, count) in top_rules(plan) { a.rule-link href=(format!("#rule-{rule}")) { (rule) } " " (count) " " } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn finding(finding: &Finding, week: Option<u32>, day: Option<Weekday>) -> Markup {
    html! {
        li class=(format!("finding {}", finding.severity.as_str())) data-rule=(finding.rule) data-line=(finding.line)
            data-week=[week] data-day=[day.map(Weekday::as_str)] {
            span.severity { (finding.severity.as_str()) }
            " "
            @if finding.explained { a.rule-link href=(format!("#rule-{}", finding.rule)) { (finding.rule) } } @else { code { (finding.rule) } }
            ": " (inline(&finding.message))
            " " span.line { "(line " (finding.line) ")" }
            @if let Some(help) = &finding.help { div.help { (inline(help)) } }
        }
    }
}

fn findings(list: &[Finding], week: Option<u32>, day: Option<Weekday>) -> Markup {
    html! {
        @if !list.is_empty() {
            ul.findings { @for item in list { (finding(item, week, day)) } }
        }
    }
}

fn exercise_list(exercises: &[ExerciseLine]) -> Markup {
    html! {
        ul.exercises {
            @for exercise in exercises {
                li { (exercise.name) " " (exercise.prescription)
                     @if exercise.heavy { " " span.heavy-tag title="heavy by the effort model" { "heavy" } } }
            }
        }
    }
}

fn chip(chip: &Chip) -> Markup {
    match chip {
        Chip::Run { kind, amount, hard } => html! {
            div class=(if *hard { "chip run hard" } else { "chip run" }) {
                span.kind { (kind) " run" } @if let Some(amount) = amount { " " span.amount { (amount) } }
                @if *hard { " " span.hard-tag { "hard" } }
            }
        },
        Chip::Strength { title, heavy, lower_body, exercises } => html! {
            details class=(if *heavy { "chip strength heavy" } else if *lower_body { "chip strength legs" } else { "chip strength" }) {
                summary {
                    span.kind { "strength" } ": " (title.as_deref().unwrap_or("session"))
                    @if *heavy { " " span.heavy-tag { "heavy" } }
                    " " span.count { "(" (plural(exercises.len(), "exercise", "exercises")) ")" }
                }
                (exercise_list(exercises))
            }
        },
        Chip::Mobility { title, exercises } => html! {
            details.chip.mobility {
                summary { span.kind { "mobility" } ": " (title.as_deref().unwrap_or("session")) }
                (exercise_list(exercises))
            }
        },
        Chip::Cross { activity } => html! { div.chip.cross { span.kind { "cross" } ": " (activity) } },
    }
}

fn day_cell(cell: &DayCell, week: u32, day: Weekday) -> Markup {
    let worst = cell.findings.iter().map(|f| f.severity).max();
    html! {
        td class=(format!("day{}", worst.map_or(String::new(), |s| format!(" has-{}", s.as_str()))))
            data-week=(week) data-day=(day.as_str()) {
            @if cell.rest { span.rest { "rest" } }
            @for session in &cell.chips { (chip(session)) }
            (findings(&cell.findings, Some(week), Some(day)))
        }
    }
}

fn week_row(anchor: &str, row: &WeekRow) -> Markup {
    html! {
        tr class=(if row.race_week { "week race-week" } else { "week" }) id=(format!("{anchor}-w{}", row.number))
            data-week=(row.number) {
            th scope="row" class="week-head" style=(format!("border-left: 8px solid {}", phase_colour(row.phase))) {
                div.week-number { "Week " (row.number) }
                div.phase { (row.phase.as_str()) }
                div.training-week { "training week " (row.training_week) }
                @if row.race_week { div.race-tag { "race week" } }
                (findings(&row.findings, Some(row.number), None))
            }
            @for (index, cell) in row.days.iter().enumerate() {
                @if let Some(day) = Weekday::from_index(index) { (day_cell(cell, row.number, day)) }
            }
        }
    }
}

fn plan_section(plan: &PlanView) -> Markup {
    html! {
        section.plan id=(plan.anchor) aria-labelledby=(format!("{}-title", plan.anchor)) {
            h2 id=(format!("{}-title", plan.anchor)) { (plan.title) }
            p.meta {
                code { (plan.file) }
                @if let Some(athlete) = &plan.athlete { " · " (athlete) }
                @if let Some(race) = &plan.race { " · race: " (race) }
            }
            p.counts {
                span.error-count { (plural(plan.counts[0], "error", "errors")) } ", "
                span.warning-count { (plural(plan.counts[1], "warning", "warnings")) } ", "
                span.info-count { (plural(plan.counts[2], "info", "infos")) }
            }
            (findings(&plan.findings, None, None))
            @if !plan.weeks.is_empty() {
                figure.chart-figure {
                    (charts(&plan.weeks))
                    figcaption { "Phases as background bands (see the legend), the race week as a red line." }
                }
                (legend())
                div.scroll {
                    table.grid {
                        caption { "Week by week: sessions per day; findings sit on the day, the week or the plan they concern." }
                        thead { tr {
                            th scope="col" { "Week" }
                            @for day in Weekday::FULL_NAMES { th scope="col" { (capitalised(day)) } }
                        } }
                        tbody { @for row in &plan.weeks { (week_row(&plan.anchor, row)) } }
                    }
                }
            }
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn legend() -> Markup {
    use crate::plan::Phase;
    let phases = [
        Phase::Base,
        Phase::Build,
        Phase::Peak,
        Phase::Taper,
        Phase::Race,
        Phase::Recovery,
        Phase::OffSeason,
        Phase::Maintenance,
    ];
    html! {
        ul.legend aria-label="legend" {
            @for phase in phases { li { span.swatch style=(format!("background: {}", phase_colour(phase))) {} (phase.as_str()) } }
            li { span.chip.run.hard { "hard run" } }
            li { span.chip.strength.heavy { "heavy leg session" } }
            li { span.chip.strength.legs { "leg session" } }
        }
    }
}

/// A rule doc's paragraph with its `code` spans, as text and code elements.
fn inline(text: &str) -> Markup {
    html! {
        @for (index, part) in text.split('`').enumerate() {
            @if index % 2 == 1 { code { (part) } } @else { (part) }
        }
    }
}

/// The paragraphs of one section of a rule doc (`## What it does`), joined lines.
fn section_paragraphs(meta: &RuleMeta, heading: &str) -> Vec<String> {
    let body = meta.doc_section(heading);
    // Paragraphs and list items each become a paragraph; `*emphasis*` marks are dropped.
    body.split("\n\n")
        .flat_map(|paragraph| paragraph.split("\n- "))
        .map(|paragraph| {
            paragraph.trim_start_matches("- ").lines().map(str::trim).collect::<Vec<_>>().join(" ").replace('*', "")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

fn explanations(plans: &[PlanView], rules: &[&'static RuleMeta]) -> Markup {
    let fired: Vec<&'static RuleMeta> = rules
        .iter()
        .copied()
        .filter(|meta| meta.is_rule() && plans.iter().any(|plan| plan.all_findings().any(|f| f.rule == meta.name)))
        .collect();
    html! {
        @if !fired.is_empty() {
            section.rules aria-labelledby="rules-title" {
                h2 #rules-title { "What the rules say, and why" }
                @for meta in fired {
                    article.rule id=(format!("rule-{}", meta.name)) {
                        h3 { code { (meta.name) } }
                        p.summary { (inline(meta.summary)) }
                        @for heading in ["## What it does", "## Why", "## Sources"] {
                            @for paragraph in section_paragraphs(meta, heading) { p { (inline(&paragraph)) } }
                        }
                    }
                }
            }
        }
    }
}
