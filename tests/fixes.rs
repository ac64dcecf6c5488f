//! Fixes: for every fixable rule, the invalid fixture fixed, linted again, fixed once more;
//! line endings, a byte order mark and comments survive; the CLI writes only under
//! `--fix`, atomically, through symbolic links, never over a changed file.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};

use common::{all_rules_config, read, root};
use runlint::fix::{Applicability, write_atomically};
use runlint::lint_fix;
use runlint::meta::FixKind;
use runlint::source::Source;

/// Every fixture with an expected fixed text beside it (`invalid.yaml` and
/// `invalid.yaml.fixed`), by the kind of diagnostic whose folder it is in.
fn fixed_fixtures() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for meta in runlint::rules::registry() {
        for fixed in files_ending(&root().join("fixtures").join(meta.name), ".yaml.fixed") {
            found.push((meta.name.to_owned(), fixed.with_extension("")));
        }
    }
    found
}

fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

#[test]
fn every_kind_of_diagnostic_that_declares_a_fix_has_a_fixed_fixture_and_no_other_does() {
    let fixtures = fixed_fixtures();
    for meta in runlint::rules::registry() {
        let has_fixture = fixtures.iter().any(|(rule, _)| rule == meta.name);
        let declares = meta.fix != FixKind::None;
        assert_eq!(has_fixture, declares, "{}: declares {:?}, fixed fixture: {has_fixture}", meta.name, meta.fix);
    }
}

#[test]
fn fix_writes_exactly_each_fixed_fixture() {
    // `RUNLINT_BLESS=1` writes the `.fixed` files from what `--fix --unsafe-fixes` writes
    // now; review the diff before committing it.
    let bless = std::env::var_os("RUNLINT_BLESS").is_some_and(|value| value == "1");
    for (rule, fixture) in fixed_fixtures() {
        let text = read(&fixture);
        let fixed = lint_fix("plan.yaml", &text, &all_rules_config(), Applicability::Unsafe).text;
        let expected_path = fixture.with_extension("yaml.fixed");
        if bless {
            std::fs::write(&expected_path, &fixed).unwrap();
        }
        assert!(
            fixed == read(&expected_path),
            "{rule}: `{}` is not what --fix writes:\n{fixed}",
            expected_path.display()
        );
    }
}

fn count(text: &str, rule: &str, with_fix: bool) -> usize {
    let diagnostics = runlint::lint_source(&Source::new("plan.yaml", text), &all_rules_config());
    diagnostics.iter().filter(|d| d.rule.name == rule && (!with_fix || d.fix.is_some())).count()
}

fn shape_errors(text: &str) -> usize {
    let diagnostics = runlint::lint_source(&Source::new("plan.yaml", text), &all_rules_config());
    diagnostics.iter().filter(|d| matches!(d.rule.name, "syntax-error" | "invalid-plan")).count()
}

#[test]
fn every_fixable_rule_round_trips() {
    let config = all_rules_config();
    for (rule, fixture) in fixed_fixtures() {
        let rule = rule.as_str();
        let text = read(&fixture);
        let before = count(&text, rule, true);
        assert!(before > 0, "{rule}: the fixture must have fixable findings");
        let fixed = lint_fix("plan.yaml", &text, &config, Applicability::Unsafe);
        assert!(fixed.applied > 0 && fixed.text != text, "{rule}: nothing was fixed");
        assert_eq!(fixed.rolled_back, 0, "{rule}");
        assert_eq!(count(&fixed.text, rule, true), 0, "{rule}: fixable findings remain:\n{}", fixed.text);
        if rule != "invalid-plan" {
            assert!(shape_errors(&fixed.text) <= shape_errors(&text), "{rule}: the fix broke the plan");
        }
        let again = lint_fix("plan.yaml", &fixed.text, &config, Applicability::Unsafe);
        assert_eq!(again.text, fixed.text, "{rule}: a second --fix must change nothing");
        for comment in text.lines().filter_map(|line| line.find('#').map(|at| &line[at..])) {
            assert!(fixed.text.contains(comment), "{rule}: lost the comment {comment:?}");
        }
    }
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_survive_fixing() {
    let config = all_rules_config();
    for (rule, fixture) in fixed_fixtures() {
        let text = read(&fixture);
        let lf = lint_fix("plan.yaml", &text, &config, Applicability::Unsafe).text;
        let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let fixed = lint_fix("plan.yaml", &crlf, &config, Applicability::Unsafe).text;
        assert_eq!(fixed, format!("\u{feff}{}", lf.replace('\n', "\r\n")), "{rule}");
    }
}

#[test]
fn safe_fixes_leave_what_the_plan_prescribes_alone() {
    let text = read(&root().join("fixtures/calf-work-missing/invalid.yaml"));
    let safe = lint_fix("plan.yaml", &text, &all_rules_config(), Applicability::Safe);
    assert_eq!((safe.applied, safe.text == text), (0, true));
    let typo = read(&root().join("fixtures/invalid-plan/unknown-key.yaml"));
    assert!(lint_fix("plan.yaml", &typo, &all_rules_config(), Applicability::Safe).applied > 0);
}

#[test]
fn a_file_with_a_syntax_error_is_never_touched() {
    let broken = "plan: x\nweeks:\n  - week: 1\n    days: {mon: [\n";
    let outcome = lint_fix("plan.yaml", broken, &all_rules_config(), Applicability::Unsafe);
    assert_eq!((outcome.applied, outcome.text.as_str()), (0, broken));
}

const PLAN: &str = "plan: Fixable\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - squat: 3x10\n          - single-leg glute bridge: 3x10 each\n          - dead bugg: 3x8 each\n      tue: rest\n";

#[test]
fn the_cli_writes_only_under_fix_atomically_and_through_links() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.yaml");
    std::fs::write(&real, PLAN).unwrap();
    std::os::unix::fs::symlink("real.yaml", dir.path().join("link.yaml")).unwrap();
    let run = |args: &[&str]| common::runlint_in(dir.path()).args(args).output().unwrap();
    run(&["--no-config", "link.yaml"]);
    assert_eq!(std::fs::read_to_string(&real).unwrap(), PLAN, "without --fix nothing is written");
    let diff = run(&["--no-config", "--diff", "link.yaml"]);
    assert_eq!(diff.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&diff.stdout).contains("+          - dead bug: 3x8 each"));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), PLAN, "--diff writes nothing");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    run(&["--no-config", "--fix", "link.yaml"]);
    assert!(std::fs::symlink_metadata(dir.path().join("link.yaml")).unwrap().file_type().is_symlink());
    let fixed = std::fs::read_to_string(&real).unwrap();
    assert!(fixed.contains("- dead bug: 3x8 each") && !fixed.contains("bugg"), "{fixed}");
    assert!(!fixed.contains("calf raise"), "safe fixes only without --unsafe-fixes");
    assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

/// What `runlint --fix -` prints for `plan` on standard input.
fn fix_stdin(plan: &str) -> String {
    use std::io::Write;
    let mut child = common::runlint_in(&root())
        .args(["--no-config", "--fix", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(plan.as_bytes()).unwrap();
    String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
}

#[test]
fn standard_input_is_fixed_onto_standard_output() {
    assert_eq!(fix_stdin(PLAN), PLAN.replace("dead bugg", "dead bug"));
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, "changed by the coach\n").unwrap();
    let result = write_atomically(&path, PLAN.as_bytes(), "fixed");
    assert!(result.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "changed by the coach\n");
}

#[test]
fn fixing_the_example_leaves_only_findings_without_a_fix_and_diff_shows_exactly_those_edits() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let original = read(&root().join("examples/spring-half-marathon.yaml"));
    std::fs::write(&plan, &original).unwrap();
    let run = |args: &[&str]| common::runlint_in(dir.path()).args(args).output().unwrap();
    let diff = String::from_utf8(run(&["--no-config", "--diff", "--unsafe-fixes", "plan.yaml"]).stdout).unwrap();
    let added: Vec<&str> = diff.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    let removed = diff.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).count();
    run(&["--no-config", "--fix", "--unsafe-fixes", "plan.yaml"]);
    let fixed = std::fs::read_to_string(&plan).unwrap();
    let new_lines: Vec<&str> = fixed.lines().filter(|line| !original.lines().any(|o| o == *line)).collect();
    assert_eq!(added.iter().map(|l| &l[1..]).collect::<Vec<_>>(), new_lines, "the diff shows exactly what --fix wrote");
    assert_eq!(removed, original.lines().count() + added.len() - fixed.lines().count());
    let json = run(&["--no-config", "--format", "json", "plan.yaml"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let diagnostics = value["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    assert!(diagnostics.iter().all(|d| d.get("fix").is_none()), "{value}");
}

#[test]
fn standard_input_with_nothing_to_fix_is_printed_as_it_is() {
    let clean = PLAN.replace("dead bugg", "dead bug");
    assert_eq!(fix_stdin(&clean), clean);
}

#[test]
fn a_cr_only_plan_gets_its_exercise_in_the_right_list() {
    let text = read(&root().join("fixtures/calf-work-missing/invalid.yaml")).replace('\n', "\r");
    let fixed = lint_fix("plan.yaml", &text, &all_rules_config(), Applicability::Unsafe);
    assert_eq!(fixed.rolled_back, 0);
    assert!(!fixed.text.contains('\n'), "the line ends stay CR");
    assert_eq!(count(&fixed.text, "calf-work-missing", true), 0);
}

/// The unknown-exercise fixture with one misspelt name written in another scalar style.
fn with_misspelt_name(style: &str) -> String {
    read(&root().join("fixtures/unknown-exercise/invalid.yaml")).replace(
        "            - single leg calf raisse: 2x12 each  # expect: unknown-exercise\n",
        &format!("            - name: {style}\n              sets: 2\n              reps: 12\n"),
    )
}

#[test]
fn a_rename_lands_on_the_name_in_every_scalar_style() {
    let config = all_rules_config();
    let styles = [
        (">-\n                single leg calf raisse", ">-\n                single-leg calf raise"),
        ("|\n                single leg calf raisse", "|\n                single-leg calf raise"),
        (">\n                single leg\n                calf raisse", ">\n                single-leg calf raise"),
        ("\"single leg calf raisse\"", "\"single-leg calf raise\""),
        ("'single leg calf raisse'", "'single-leg calf raise'"),
        ("single leg calf raisse", "single-leg calf raise"),
    ];
    for (written, expected) in styles {
        let fixed = lint_fix("plan.yaml", &with_misspelt_name(written), &config, Applicability::Safe);
        assert_eq!(fixed.rolled_back, 0, "{written}");
        assert!(
            fixed.text.contains(&format!("- name: {expected}\n              sets: 2\n              reps: 12\n")),
            "{written}:\n{}",
            fixed.text
        );
        let flow = with_misspelt_name(written)
            .replace("- reverse lunge: 2x8 each\n", "- {name: reverse lungee, sets: 2, reps: 8}\n");
        let fixed = lint_fix("plan.yaml", &flow, &config, Applicability::Safe);
        assert!(fixed.text.contains("{name: reverse lunge, sets: 2, reps: 8}"), "{}", fixed.text);
    }
}

#[test]
fn a_rename_that_would_make_a_duplicate_key_is_left_out() {
    let plan = "plan: x\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [squat]\n        exercies: [dead bug]\n";
    let fixed = lint_fix("plan.yaml", plan, &all_rules_config(), Applicability::Safe);
    assert_eq!((fixed.applied, fixed.rolled_back, fixed.text.as_str()), (0, 1, plan));
}

#[test]
fn a_fix_whose_finding_stays_is_applied_once_and_stops_with_a_note() {
    // The config makes the exercise the calf fix adds a core exercise: adding it never
    // removes the finding.
    let config_text = "[exercises]\n\"single-leg calf raise\" = { tags = [\"core\", \"isometric\"] }\n";
    let config = runlint::config::parse("runlint.toml", config_text, Path::new(".")).unwrap();
    let text = read(&root().join("fixtures/calf-work-missing/invalid.yaml"));
    let fixed = lint_fix("plan.yaml", &text, &config, Applicability::Unsafe);
    let added = fixed.text.matches("single-leg calf raise").count() - text.matches("single-leg calf raise").count();
    assert!(added <= text.matches("strength:").count(), "{added} calf raises added:\n{}", fixed.text);
    assert!(fixed.note.as_deref().is_some_and(|note| note.contains("applied again")), "{:?}", fixed.note);
}
