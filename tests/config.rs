//! `runlint.toml`: severities, options, extra exercises, and located mistakes.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use runlint::config::{Config, parse};
use runlint::diagnostic::Severity;
use runlint::source::Source;

/// A plan with box jumps in training weeks 9 and 11 (8 weeks of lifting before the plan)
/// and nothing else to report for `plyometrics-too-early`.
fn plyometrics_plan() -> String {
    let mut plan = String::from("plan: Jumps\nathlete:\n  strength_weeks: 8\nweeks:\n");
    for week in [9, 11] {
        plan.push_str(&format!(
            "  - week: {week}\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - split squat: 2x8 each\n          - calf raise: 2x12\n          - glute bridge: 2x10\n          - dead bug: 2x8\n          - box jump: 2x5\n      tue: rest\n"
        ));
    }
    plan
}

fn plyometric_findings(config: &Config) -> Vec<(usize, Severity)> {
    let source = Source::new("p.yaml", plyometrics_plan());
    runlint::lint_source(&source, config)
        .into_iter()
        .filter(|d| d.rule.name == "plyometrics-too-early")
        .map(|d| (source.line_of(d.span.start), d.severity))
        .collect()
}

fn config(text: &str) -> Config {
    match parse("runlint.toml", text, std::path::Path::new(".")) {
        Ok(config) => config,
        Err(errors) => {
            panic!("config rejected: {:?}", errors.iter().map(|e| e.message().to_owned()).collect::<Vec<_>>())
        }
    }
}

#[test]
fn severity_and_options_change_what_a_rule_reports() {
    assert_eq!(plyometric_findings(&Config::default()), vec![(14, Severity::Warning), (25, Severity::Warning)]);
    let raised = config("[rules]\nplyometrics-too-early = { severity = \"error\", from-week = 10 }\n");
    // The option's old name is still read.
    let old_name = config("[rules]\nplyometrics-too-early = { severity = \"error\", min-week = 10 }\n");
    assert_eq!(old_name.options(raised.rules[0].0), raised.options(raised.rules[0].0));
    assert_eq!(plyometric_findings(&raised), vec![(14, Severity::Error)]);
    let off = config("[rules]\nplyometrics-too-early = \"off\"\n");
    assert_eq!(plyometric_findings(&off), vec![]);
}

#[test]
fn an_unknown_rule_is_a_located_error_with_a_suggestion() {
    let text = "[rules]\ncore-work-missing = \"off\"\nplyometrics-to-early = \"error\"\n";
    let errors = parse("runlint.toml", text, std::path::Path::new(".")).err().unwrap_or_default();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].message(), "unknown rule `plyometrics-to-early`");
    assert_eq!(errors[0].help(), Some("did you mean `plyometrics-too-early`?"));
    assert_eq!(&text[errors[0].range()], "plyometrics-to-early");
}

#[test]
fn every_mistake_is_reported_at_its_key_or_value() {
    let text = "exlude = []\n[rules]\nsame-day-gap = { min-hour = 2 }\nsession-too-long = { max-minutes = \"long\" }\nheavy-before-hard = \"fatal\"\ninvalid-plan = \"off\"\n[exercises]\n\"copenhagen plank\" = { tags = [\"core\", \"adductor\"] }\n\"pogo jumps\" = { like = \"pogo hopz\" }\n";
    let errors = parse("runlint.toml", text, std::path::Path::new(".")).err().unwrap_or_default();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (&text[e.range()], e.help().unwrap_or(""))).collect();
    assert_eq!(
        found,
        vec![
            ("exlude", "did you mean `exclude`?"),
            ("min-hour", "did you mean `min-hours`?"),
            ("\"long\"", ""),
            ("\"fatal\"", "use `off`, `info`, `warning` or `error`"),
            ("invalid-plan", ""),
            ("\"adductor\"", "did you mean `adductors`?"),
            ("\"pogo hopz\"", "did you mean `pogo hops`?"),
        ]
    );
}

#[test]
fn configured_exercises_extend_the_catalogue() {
    let plan = "plan: x\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - split squat: 2x8 each\n          - calf raise: 2x12\n          - glute bridge: 2x10\n          - copenhagen adduction: 2x20s each\n          - skater bound: 2x6 each\n      tue: rest\n";
    let source = Source::new("x.yaml", plan);
    let unknown = |config: &Config| -> Vec<String> {
        runlint::lint_source(&source, config)
            .into_iter()
            .filter(|d| d.rule.name == "unknown-exercise")
            .map(|d| source.slice(d.span).to_owned())
            .collect()
    };
    assert_eq!(unknown(&Config::default()), ["copenhagen adduction", "skater bound"]);
    let extended = config(
        "[exercises]\n\"skater bound\" = { like = \"lateral bound\" }\n\"copenhagen adduction\" = { tags = [\"core\", \"adductors\", \"isometric\"] }\n",
    );
    assert_eq!(unknown(&extended), Vec::<String>::new());
}

#[test]
fn the_cli_finds_the_nearest_config_and_fails_with_2_on_a_bad_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let nested = dir.path().join("plans/2026");
    std::fs::create_dir_all(&nested).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(nested.join("jumps.yaml"), plyometrics_plan()).unwrap_or_else(|e| panic!("{e}"));
    let run = |args: &[&str]| common::runlint_in(&nested).args(args).output().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("runlint.toml"), "[rules]\nplyometrics-too-early = \"error\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run(&["jumps.yaml"]).status.code(), Some(1));
    assert_eq!(run(&["--no-config", "jumps.yaml"]).status.code(), Some(0));
    std::fs::write(dir.path().join(".runlint.toml"), "[rules]\nplyo = \"error\"\n").unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(dir.path().join("runlint.toml")).unwrap_or_else(|e| panic!("{e}"));
    let output = run(&["jumps.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown rule `plyo`"));
    assert!(output.stdout.is_empty(), "nothing is linted with a broken config");
}

#[test]
fn exclude_globs_are_relative_to_the_config_file_wherever_runlint_is_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    for (path, text) in [("plans/current.yaml", plyometrics_plan()), ("plans/archive/old.yaml", plyometrics_plan())] {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(root.join("runlint.toml"), "exclude = [\"plans/archive/**\"]\n").unwrap_or_else(|e| panic!("{e}"));
    for (cwd, arg) in [(root.to_path_buf(), "."), (root.to_path_buf(), "plans"), (root.join("plans"), ".")] {
        let output =
            common::runlint_in(&cwd).args(["--format", "short", arg]).output().unwrap_or_else(|e| panic!("{e}"));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("current.yaml"), "{cwd:?} {arg}: {stdout}");
        assert!(!stdout.contains("old.yaml"), "{cwd:?} {arg}: {stdout}");
    }
}

#[test]
fn discovery_stops_at_the_repository_root_and_verbose_says_which_config_applies() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(repo.join("jumps.yaml"), plyometrics_plan()).unwrap_or_else(|e| panic!("{e}"));
    // A config above the repository belongs to something else.
    std::fs::write(dir.path().join("runlint.toml"), "[rules]\nplyometrics-too-early = \"error\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let output = common::runlint_in(&repo).args(["--verbose", "jumps.yaml"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(0), "the config above the repository must not apply");
    assert!(String::from_utf8_lossy(&output.stderr).contains("config: none found"), "{output:?}");
    std::fs::write(repo.join("runlint.toml"), "[rules]\nplyometrics-too-early = \"error\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let output = common::runlint_in(&repo).args(["--verbose", "jumps.yaml"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("config: runlint.toml"), "{output:?}");
}
