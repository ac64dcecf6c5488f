//! The HTML report: its structure for the example plan (reviewed snapshot), every finding
//! placed on its cell, week or plan and folded into one problem entry, chips that agree
//! with the effort model, charts of runs given in minutes, caps on what one cell shows,
//! and hostile plan text that stays text.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::fmt::Write;

use common::{lint, read, root};
use runlint::config::Config;
use runlint::report::{Chip, PlanView, plan_view, render};

const NOISY: &str = "tests/data/report/noisy-gym-plan.yaml";

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
            format!(
                "{kind} run {}{}",
                amount.as_deref().unwrap_or(""),
                hard.as_ref().map_or(String::new(), |why| format!(" HARD ({why})"))
            )
        }
        Chip::Strength { title, heavy, lower_body, exercises } => {
            let names: Vec<String> = exercises
                .iter()
                .map(|e| format!("{} {}{}", e.name, e.prescription, if e.heavy { " (heavy)" } else { "" }))
                .collect();
            let kind = match (heavy, lower_body) {
                (Some(why), true) => format!("HEAVY legs ({why})"),
                (Some(why), false) => format!("HEAVY upper body ({why})"),
                (None, true) => "legs".to_owned(),
                (None, false) => "strength".to_owned(),
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
    for entry in &plan.entries {
        let places: Vec<&str> = entry.places.iter().map(|p| p.label.as_str()).collect();
        writeln!(
            text,
            "  problem {} {}: {} [{}] at {}",
            entry.severity,
            entry.rule,
            entry.message,
            entry.count,
            places.join("; ")
        )
        .unwrap();
        for fix in &entry.fixes {
            writeln!(text, "    fix: {fix}").unwrap();
        }
    }
    for week in &plan.weeks {
        let race = if week.race_week { " race week" } else { "" };
        writeln!(
            text,
            "week {} {} tw{}{race}: {:?} km, {:?} min, {} hard, {} leg sessions, {} leg sets, {} heavy, {} contacts",
            week.number,
            week.phase,
            week.training_week,
            week.run_km,
            week.run_minutes,
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
    let in_the_grid = diagnostics.iter().filter(|d| d.week.is_some()).count();
    assert_eq!(plan.grid_findings().count(), in_the_grid);
    assert_eq!(plan.finding_count(), diagnostics.len());
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

/// A page's text without its tags.
fn page_text(page: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn a_noisy_plan_folds_its_problems_and_says_each_fix_once() {
    let text = read(&root().join(NOISY));
    let (_, diagnostics) = lint(NOISY, &text);
    let plan = view(NOISY, &text);
    // Each entry is one folded problem of the human output; errors come first.
    let entries = runlint::render::fold::entries(&diagnostics);
    assert_eq!(plan.entries.len(), entries.len());
    assert!(plan.entries.len() >= 8, "the fixture is meant to be noisy: {} entries", plan.entries.len());
    assert_eq!(plan.finding_count(), diagnostics.len());
    let severities: Vec<_> = plan.entries.iter().map(|e| e.severity).collect();
    assert!(severities.windows(2).all(|pair| pair[0] >= pair[1]), "errors first: {severities:?}");
    // Every fix a finding proposes appears in the page exactly once.
    // Every fix appears in the page at most once, and the first fix of each entry once.
    let page = page_text(&html(&[plan]));
    let count = |fix: &str| page.matches(&fix.replace('`', "")).count();
    for diagnostic in &diagnostics {
        let fix = diagnostic.help.as_deref().unwrap();
        assert!(count(fix) <= 1, "fix shown more than once: {fix}");
    }
    for entry in &entries {
        let fix = entry.first.help.as_deref().unwrap();
        assert_eq!(count(fix), 1, "fix not shown: {fix}");
    }
}

#[test]
fn chips_agree_with_the_effort_model_and_say_why() {
    let plan = view(NOISY, &read(&root().join(NOISY)));
    let chips: Vec<&Chip> = plan.weeks.iter().flat_map(|w| w.days.iter().flat_map(|d| &d.chips)).collect();
    let upper_heavy: Vec<&Chip> = chips
        .iter()
        .copied()
        .filter(|chip| matches!(chip, Chip::Strength { heavy: Some(_), lower_body: false, .. }))
        .collect();
    assert_eq!(upper_heavy.len(), 24, "two upper-body days labelled heavy in each of 12 weeks");
    for chip in upper_heavy {
        let Chip::Strength { heavy: Some(why), .. } = chip else { unreachable!() };
        assert!(why.contains("no leg exercise"), "{why}");
    }
    let leg_day = chips.iter().find_map(|chip| match chip {
        Chip::Strength { heavy: Some(why), lower_body: true, .. } => Some(why.as_str()),
        _ => None,
    });
    assert_eq!(leg_day, Some("heavy: back squat 5x5 @ 81% and 2 more heavy leg lifts"));
    let hard_easy: Vec<&str> = chips
        .iter()
        .filter_map(|chip| match chip {
            Chip::Run { kind, hard: Some(why), .. } if kind == "easy" => Some(why.as_str()),
            _ => None,
        })
        .collect();
    assert!(hard_easy.contains(&"hard: a long run, 90 min or more"), "{hard_easy:?}");
    assert!(hard_easy.contains(&"hard: a long run, 16 km or more"), "{hard_easy:?}");
    // The heavy leg sessions chart counts the sessions the grid marks.
    let marked =
        chips.iter().filter(|chip| matches!(chip, Chip::Strength { heavy: Some(_), lower_body: true, .. })).count();
    assert_eq!(plan.weeks.iter().map(|w| w.heavy_sessions as usize).sum::<usize>(), marked);
    let page = html(&[plan]);
    assert_eq!(page.matches("<details class=\"chip strength heavy-upper\"").count(), 24);
    assert_eq!(page.matches("<details class=\"chip strength heavy\"").count(), 12);
}

#[test]
fn the_hard_run_reason_is_given_exactly_for_hard_runs() {
    let mut files = vec![root().join("examples/spring-half-marathon.yaml"), root().join(NOISY)];
    files.extend(common::yaml_files(&root().join("fixtures/plans")));
    files.extend(common::yaml_files(&root().join("fixtures/plans/probes")));
    let mut hard = 0;
    for file in files {
        let text = read(&file);
        let source = runlint::source::Source::new(file.display().to_string(), text);
        let Ok(plan) = runlint::plan::parse(&source) else { continue };
        let (model, _) = runlint::model::Model::build(&plan, &Config::default().catalog);
        for (_, session) in model.sessions() {
            let reason = runlint::model::effort::hard_run_reason(session.session, session.run_scale);
            assert_eq!(reason.is_some(), session.is_hard_run, "{}: {:?}", file.display(), session.session);
            hard += usize::from(session.is_hard_run);
        }
    }
    assert!(hard > 50, "only {hard} hard runs checked");
}

#[test]
fn runs_given_in_minutes_are_charted_as_time() {
    let plan = view(NOISY, &read(&root().join(NOISY)));
    let minutes: f64 = plan.weeks.iter().filter_map(|w| w.run_minutes).sum();
    assert!(minutes > 1000.0, "{minutes}");
    // Week 1 gives distance for one run only: its distance is known, not zero.
    assert_eq!(plan.weeks[0].run_km, Some(8.0));
    let page = html(&[plan]);
    assert!(page.contains("Running time per week, minutes"));
    assert!(page.contains("Running distance per week, km"));

    let c25k = "plan: C25K\nweeks:\n  - week: 1\n    days:\n      mon: {run: easy, minutes: 20}\n      wed: {run: easy, minutes: 25}\n      fri: rest\n  - week: 2\n    days:\n      tue: rest\n";
    let plan = view("c25k.yaml", c25k);
    assert_eq!(plan.weeks[0].run_km, None, "runs with no distance: no figure");
    assert_eq!(plan.weeks[0].run_minutes, Some(45.0));
    assert_eq!(plan.weeks[1].run_minutes, Some(0.0), "no runs: zero");
    let page = html(&[plan]);
    assert!(page.contains("Running time per week, minutes"));
    assert!(!page.contains("Running distance per week"), "no distance chart for a plan that gives none");
    assert!(page.contains("class=\"y-top\">45<"), "the scale's top value");
}

#[test]
fn one_cell_shows_a_bounded_number_of_markers_and_counts_the_rest() {
    let session = |names: &dyn Fn(usize) -> String| {
        let mut text = "plan: many\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: gym\n        exercises:\n".to_owned();
        for index in 0..40 {
            writeln!(text, "          - {}: 2x10", names(index)).unwrap();
        }
        view("many.yaml", &text)
    };
    // Forty different problems on one day: six markers, the rest counted.
    let plan = session(&|index| format!("mystery move {index}"));
    assert_eq!(plan.weeks[0].days[0].findings.len(), 40);
    let page = html(&[plan]);
    assert_eq!(page.matches("<li class=\"finding warning\"").count(), 6);
    assert!(page.contains("data-hidden=\"34\""));
    // One problem forty times on one day: one marker that counts them, and the problem
    // links its places up to a cap and counts the rest.
    let plan = session(&|_| "mystery move".to_owned());
    let unknown = plan.entries.iter().find(|e| e.rule == "unknown-exercise").unwrap();
    assert_eq!((unknown.count, unknown.places.len()), (40, 24));
    let page = html(&[plan]);
    assert_eq!(page.matches("<li class=\"finding warning\"").count(), 1);
    assert!(page.contains("\u{d7}40"));
    assert!(page.contains(", and 16 more (each in its cell below)"));
}
