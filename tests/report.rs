//! The HTML report: its structure for the example plan (reviewed snapshot), every finding
//! placed on its cell, week or plan, and hostile plan text that stays text.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::fmt::Write;

use common::{lint, read, root};
use runlint::config::Config;
use runlint::report::{Chip, PlanView, plan_view, render};

fn view(name: &str, text: &str) -> PlanView {
    let (source, diagnostics) = lint(name, text);
    plan_view(0, &source, &diagnostics, &Config::default())
}

fn html(plans: &[PlanView]) -> String {
    let mut out = Vec::new();
    render(plans, runlint::rules::registry(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn chip(chip: &Chip) -> String {
    match chip {
        Chip::Run { kind, amount, hard } => {
            format!("{kind} run {}{}", amount.as_deref().unwrap_or(""), if *hard { " HARD" } else { "" })
        }
        Chip::Strength { title, heavy, lower_body, exercises } => {
            let names: Vec<String> = exercises
                .iter()
                .map(|e| format!("{} {}{}", e.name, e.prescription, if e.heavy { " (heavy)" } else { "" }))
                .collect();
            let kind = match (heavy, lower_body) {
                (true, _) => "HEAVY legs",
                (false, true) => "legs",
                _ => "strength",
            };
            format!("{kind} '{}' [{}]", title.as_deref().unwrap_or(""), names.join(", "))
        }
        Chip::Mobility { title, exercises } => {
            format!("mobility '{}' ({})", title.as_deref().unwrap_or(""), exercises.len())
        }
        Chip::Cross { activity } => format!("cross {activity}"),
    }
}

/// The report's structure as text: weeks, day cells, chips and where each finding sits.
fn structure(plan: &PlanView) -> String {
    let mut text = format!("{} ({})\n", plan.title, plan.file);
    for finding in &plan.findings {
        writeln!(text, "  plan: {} {}", finding.rule, finding.message).unwrap();
    }
    for week in &plan.weeks {
        let race = if week.race_week { " race week" } else { "" };
        writeln!(
            text,
            "week {} {} tw{}{race}: {} km, {} hard, {} leg sessions, {} leg sets, {} heavy, {} contacts",
            week.number,
            week.phase,
            week.training_week,
            week.run_km,
            week.hard_runs,
            week.lower_sessions,
            week.lower_sets,
            week.heavy_sessions,
            week.plyo_contacts
        )
        .unwrap();
        for finding in &week.findings {
            writeln!(text, "  week: {} {}", finding.rule, finding.message).unwrap();
        }
        for (day, cell) in runlint::plan::Weekday::NAMES.iter().zip(&week.days) {
            let chips: Vec<String> = cell.chips.iter().map(chip).collect();
            if cell.rest || !chips.is_empty() || !cell.findings.is_empty() {
                let rest = if cell.rest { "rest " } else { "" };
                writeln!(text, "  {day}: {rest}{}", chips.join(" | ")).unwrap();
            }
            for finding in &cell.findings {
                writeln!(text, "    {} {}", finding.rule, finding.message).unwrap();
            }
        }
    }
    text
}

#[test]
fn the_example_report_places_every_finding() {
    let name = "examples/spring-half-marathon.yaml";
    let plan = view(name, &read(&root().join(name)));
    insta::assert_snapshot!(structure(&plan));
    let (_, diagnostics) = lint(name, &read(&root().join(name)));
    assert_eq!(plan.all_findings().count(), diagnostics.len());
    let page = html(&[plan]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<link") && !page.contains(" src=\""), "the report is self-contained");
    for diagnostic in &diagnostics {
        assert!(page.contains(&format!("data-rule=\"{}\"", diagnostic.rule.name)));
        assert!(page.contains(&format!("id=\"rule-{}\"", diagnostic.rule.name)), "the explanation is in the file");
    }
}

#[test]
fn hostile_titles_and_names_stay_text() {
    let text = "plan: \"<script>alert('plan')</script> \\\" ' \\u202E evil\"\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: \"<img src=x onerror=alert(1)>\"\n        exercises: [\"<script>alert(2)</script>\", \"calf raise\", split squat, dead bug]\n      tue: rest\n";
    let page = html(&[view("<b>bold</b>.yaml", text)]);
    assert!(!page.contains("<script>alert"), "a script from the plan reached the page");
    assert!(!page.contains("<img"), "markup from the plan reached the page");
    assert!(!page.contains("<b>bold"), "markup from the file name reached the page");
    assert!(page.contains("&lt;script&gt;alert('plan')") || page.contains("&lt;script&gt;alert(&#39;plan&#39;)"));
    assert!(!page.contains('\u{202e}'), "a bidi override reached the page");
    assert_eq!(page.matches("<script>").count(), 1, "only the report's own sorting script");
}
