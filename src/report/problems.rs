//! The problem list at the top of each plan: one line per folded entry, as the human
//! output folds them, errors first; each with its fix said once and links to its places.

use maud::{Markup, html};

use super::data::{Entry, PlanView};
use super::page::inline;
use crate::render::plural;

/// The problem list of a plan, or nothing when the plan has none.
pub fn problems(plan: &PlanView) -> Markup {
    let findings = plan.finding_count();
    html! {
        @if !plan.entries.is_empty() {
            section.problems id=(format!("{}-problems", plan.anchor)) aria-label="problems" {
                h3 {
                    (plural(plan.entries.len(), "problem", "problems"))
                    @if findings > plan.entries.len() { " (" (plural(findings, "finding", "findings")) ")" }
                }
                ol.entries { @for entry in &plan.entries { (entry_item(entry)) } }
            }
        }
    }
}

fn entry_item(entry: &Entry) -> Markup {
    let severity = entry.severity.as_str();
    let unlisted = entry.count.saturating_sub(entry.places.len());
    html! {
        li class=(format!("entry {severity}")) id=(entry.anchor) data-rule=(entry.rule) data-count=(entry.count) {
            div.entry-head {
                span.severity { (severity) } " "
                @if entry.explained { a.rule-link href=(format!("#rule-{}", entry.rule)) { (entry.rule) } } @else { code { (entry.rule) } }
                ": " (inline(&entry.message))
            }
            @for fix in &entry.fixes { div.help { "fix: " (inline(fix)) } }
            p.places {
                @if entry.count > 1 {
                    (plural(entry.count, "place", "places"))
                    @if let Some((first, last)) = entry.weeks {
                        @if first == last { " in week " (first) } @else { " in weeks " (first) "-" (last) }
                    }
                    ": "
                }
                @for (index, place) in entry.places.iter().enumerate() {
                    @if index > 0 { ", " }
                    a.place href=(format!("#{}", place.target)) data-line=(place.line) { (place.label) }
                }
                @if unlisted > 0 { ", and " (unlisted) " more (each in its cell below)" }
            }
        }
    }
}
