//! The HTML page: an index of plans, then per plan its header, problem list, charts and
//! week grid, then the explanation of every rule that fired.

use std::collections::HashSet;
use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::chart::charts;
use super::data::PlanView;
use super::grid::grid;
use super::phase_colour;
use super::problems::problems;
use crate::meta::RuleMeta;
use crate::render::plural;

const STYLE: &str = include_str!("report.css");
/// Sorting the index by a column, and opening sessions for printing, are what CSS cannot do.
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
    for entry in &plan.entries {
        match counts.iter_mut().find(|(rule, _)| *rule == entry.rule) {
            Some((_, count)) => *count += entry.count,
            None => counts.push((entry.rule, entry.count)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts.truncate(3);
    counts
}

/// A count cell of the index, coloured by its severity when it is not zero.
fn count_cell(count: usize, severity: &str) -> Markup {
    html! { td class=(if count == 0 { format!("{severity}-count zero") } else { format!("{severity}-count") }) { (count) } }
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
                        th.top-rules scope="col" { "Top rules" }
                    } }
                    tbody {
                        @for plan in plans {
                            tr {
                                th scope="row" { a href=(format!("#{}", plan.anchor)) { (plan.title) } br; small { (plan.file) } }
                                (count_cell(plan.counts[0], "error"))
                                (count_cell(plan.counts[1], "warning"))
                                (count_cell(plan.counts[2], "info"))
                                td.top-rules { @for (rule, count) in top_rules(plan) { a.rule-link href=(format!("#rule-{rule}")) { (rule) } " " (count) " " } }
                            }
                        }
                    }
                }
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
            (problems(plan))
            @if !plan.weeks.is_empty() {
                figure.chart-figure {
                    (charts(&plan.weeks))
                    figcaption {
                        "Phases as background bands (see the legend), the race week as a red line. "
                        "Each chart's scale runs from 0 to the figure at its top; a short dark mark on the axis is 0, "
                        "a dashed column is a week with no figure (its runs give no distance, or no time)."
                    }
                }
                (legend())
                (grid(plan))
            }
        }
    }
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
            li { span.chip.run.hard { "hard run" } " by its type, its label or its length" }
            li { span.chip.strength.heavy { "heavy leg session" } " by a heavy leg lift or its label (open it for which)" }
            li { span.chip.strength.legs { "leg session" } }
            li { span.chip.strength { "other strength" } }
            li { span.finding-sample.error { "error" } " " span.finding-sample.warning { "warning" } " " span.finding-sample.info { "info" } }
        }
    }
}

/// A rule doc's paragraph or a message with its `code` spans, as text and code elements.
pub(super) fn inline(text: &str) -> Markup {
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
    let fired_names: HashSet<&str> =
        plans.iter().flat_map(|plan| plan.entries.iter().map(|entry| entry.rule)).collect();
    let fired: Vec<&'static RuleMeta> =
        rules.iter().copied().filter(|meta| meta.is_rule() && fired_names.contains(meta.name)).collect();
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
