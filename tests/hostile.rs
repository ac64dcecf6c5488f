//! Hostile and odd input: every case gives the documented diagnostic, never a panic.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::time::{Duration, Instant};

use common::lint;
use runlint::diagnostic::Diagnostic;
use runlint::source::Source;

const VALID: &str = "plan: Valid\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [split squat, calf raise, glute bridge, dead bug]\n      tue: rest\n";

/// Lints and returns `(rule, line, column)` of every diagnostic, guarding against hangs.
fn outcome(text: &str) -> Vec<(&'static str, usize, usize)> {
    let started = Instant::now();
    let (source, diagnostics) = lint("hostile.yaml", text);
    assert!(started.elapsed() < Duration::from_secs(20), "took {:?}", started.elapsed());
    located(&source, &diagnostics)
}

fn located(source: &Source, diagnostics: &[Diagnostic]) -> Vec<(&'static str, usize, usize)> {
    diagnostics
        .iter()
        .map(|d| {
            let p = source.position(d.span.start);
            (d.rule.name, p.line, p.column)
        })
        .collect()
}

fn only_rule(text: &str) -> Vec<&'static str> {
    outcome(text).into_iter().map(|(rule, _, _)| rule).collect()
}

#[test]
fn an_empty_file_is_not_a_plan() {
    assert_eq!(outcome(""), vec![("invalid-plan", 1, 1)]);
}

#[test]
fn a_file_of_comments_is_not_a_plan() {
    assert_eq!(outcome("# just a note\n# and another\n"), vec![("invalid-plan", 1, 1)]);
}

#[test]
fn a_top_level_list_or_scalar_is_not_a_plan() {
    assert_eq!(outcome("- week: 1\n"), vec![("invalid-plan", 1, 1)]);
    assert_eq!(outcome("just a sentence\n"), vec![("invalid-plan", 1, 1)]);
}

#[test]
fn an_empty_weeks_list_is_invalid() {
    assert_eq!(outcome("plan: x\nweeks: []\n"), vec![("invalid-plan", 2, 8)]);
}

#[test]
fn invalid_utf8_is_reported_at_the_exact_byte() {
    let mut bytes = b"plan: caf".to_vec();
    bytes.push(0xe9); // Latin-1 e-acute
    bytes.extend_from_slice(b"\nweeks: []\n");
    let (source, diagnostic) = Source::from_bytes("latin1.yaml", bytes);
    let Some(diagnostic) = diagnostic else { panic!("invalid UTF-8 must be reported") };
    assert_eq!(diagnostic.rule.name, "syntax-error");
    assert_eq!(diagnostic.span.start, 9);
    assert_eq!(source.position(diagnostic.span.start).column, 10);
    assert!(diagnostic.message.contains("0xe9"), "{}", diagnostic.message);
}

#[test]
fn a_byte_order_mark_is_ignored_for_positions() {
    let with_bom = format!("\u{feff}{}", VALID.replace("glute bridge", "glute bridge, squatt"));
    let (source, diagnostics) = lint("bom.yaml", &with_bom);
    assert_eq!(located(&source, &diagnostics), vec![("unknown-exercise", 8, 60)]);
    // On the first line, columns count from after the mark, as editors show them.
    let (source, diagnostics) = lint("bom.yaml", "\u{feff}plan: [1]\nweeks: 3\n");
    assert_eq!(located(&source, &diagnostics), vec![("invalid-plan", 1, 7), ("invalid-plan", 2, 8)]);
}

#[test]
fn nul_bytes_are_a_syntax_error() {
    assert_eq!(outcome("plan: x\0\nweeks: []\n"), vec![("syntax-error", 1, 8)]);
}

#[test]
fn tabs_for_indentation_are_a_syntax_error() {
    assert_eq!(only_rule("plan: x\nweeks:\n\t- week: 1\n"), vec!["syntax-error"]);
}

#[test]
fn crlf_and_mixed_line_endings_lint_like_lf() {
    let crlf = VALID.replace('\n', "\r\n");
    let mixed: String = VALID
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| if i % 2 == 0 { line.replace('\n', "\r\n") } else { line.to_owned() })
        .collect();
    assert_eq!(outcome(VALID), vec![]);
    assert_eq!(outcome(&crlf), vec![]);
    assert_eq!(outcome(&mixed), vec![]);
    let broken = mixed.replace("tue: rest", "tue: rets");
    assert_eq!(outcome(&broken), vec![("invalid-plan", 9, 12)]);
}

#[test]
fn duplicate_keys_are_each_reported() {
    let text = "plan: x\nplan: y\nweeks:\n  - week: 1\n    week: 2\n    days: {mon: rest}\n";
    assert_eq!(outcome(text), vec![("invalid-plan", 2, 1), ("invalid-plan", 5, 5)]);
}

#[test]
fn yaml_tags_are_read_as_their_values() {
    let text = VALID.replace("plan: Valid", "plan: !!str 2026").replace("tue: rest", "tue: !rest rest");
    assert_eq!(outcome(&text), vec![]);
    assert_eq!(only_rule("plan: x\nweeks: !!str nothing\n"), vec!["invalid-plan"]);
}

#[test]
fn anchors_and_merge_keys_work_for_a_reused_week_template() {
    let text = "plan: Template
athlete: {strength_weeks: 20}
templates:
weeks:
  - &base
    week: 1
    days: &days
      mon:
        strength: Legs
        exercises: [split squat, calf raise, glute bridge, dead bug]
      tue: rest
  - <<: *base
    week: 2
  - week: 3
    days: *days
";
    // `templates` is an unknown top-level key; everything else is valid.
    assert_eq!(outcome(text), vec![("invalid-plan", 3, 1)]);
    assert_eq!(outcome(&text.replace("templates:\n", "")), vec![]);
}

#[test]
fn alias_bombs_are_stopped() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..=9 {
        text.push_str(&format!("a{level}: &a{level} [{}]\n", vec![format!("*a{}", level - 1); 9].join(", ")));
    }
    text.push_str("plan: bomb\nweeks: *a9\n");
    assert_eq!(only_rule(&text), vec!["syntax-error"]);
}

#[test]
fn deep_nesting_is_stopped_in_block_and_flow_style() {
    let depth = 100_000;
    let flow = format!("plan: deep\nweeks: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(only_rule(&flow), vec!["syntax-error"]);
    let block: String = (0..depth).map(|level| format!("{}-\n", " ".repeat(level % 2000))).collect();
    let block = format!("plan: deep\nweeks:\n{block}");
    assert!(!outcome(&block).is_empty());
    let nested_maps: String = (0..5_000).map(|level| format!("{}k{level}:\n", " ".repeat(level))).collect();
    assert_eq!(only_rule(&format!("plan: deep\nweeks:\n{nested_maps}")), vec!["syntax-error"]);
}

#[test]
fn a_single_100_000_character_line_is_fine() {
    let long_title = "x".repeat(100_000);
    assert_eq!(outcome(&VALID.replace("plan: Valid", &format!("plan: {long_title}"))), vec![]);
    let long_list = vec!["dead bug"; 10_000].join(", ");
    let text = VALID.replace("exercises: [split squat,", &format!("exercises: [{long_list}, split squat,"));
    assert!(text.lines().any(|l| l.len() > 100_000));
    assert_eq!(outcome(&text), vec![]);
}

#[test]
fn numbers_out_of_range_are_invalid() {
    for bad in ["99999999999", "-3", ".nan", ".inf", "0", "2.5"] {
        let text = VALID.replace("exercises: [split squat,", &format!("exercises: [{{split squat: {{sets: {bad}}}}},"));
        assert_eq!(only_rule(&text), vec!["invalid-plan"], "sets: {bad}");
    }
    let text = VALID.replace("exercises: [split squat,", "exercises: [split squat: 99999999999x10,");
    assert_eq!(only_rule(&text), vec!["invalid-plan"]);
}

#[test]
fn weeks_out_of_order_or_duplicated_are_invalid() {
    let week = |n: u32| format!("  - week: {n}\n    days: {{mon: rest}}\n");
    let plan = |weeks: &[u32]| format!("plan: x\nweeks:\n{}", weeks.iter().map(|&n| week(n)).collect::<String>());
    assert_eq!(outcome(&plan(&[1, 3, 2])), vec![("invalid-plan", 7, 5)]);
    assert_eq!(outcome(&plan(&[1, 1])), vec![("invalid-plan", 5, 5)]);
    assert_eq!(only_rule(&plan(&[1, 2, 4])), vec!["strength-frequency"], "gaps are allowed");
}

#[test]
fn a_day_key_used_twice_is_invalid() {
    let text = VALID.replace("      tue: rest\n", "      tue: rest\n      tue: rest\n      TUESDAY: rest\n");
    assert_eq!(outcome(&text), vec![("invalid-plan", 10, 7), ("invalid-plan", 11, 7)]);
}

#[test]
fn a_50_mb_plan_hits_the_node_limit_with_a_clear_diagnostic() {
    let week = |n: u32| {
        format!(
            "  - week: {n}\n    days:\n      mon:\n        strength: Legs\n        exercises: [split squat: 2x8 each, calf raise: 2x12, glute bridge: 2x10, dead bug: 2x8]\n      tue: rest\n"
        )
    };
    let mut text = String::from("plan: Huge\nathlete: {strength_weeks: 20}\nweeks:\n");
    let mut number = 1;
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(&week(number));
        number += 1;
    }
    let (_, diagnostics) = lint("huge.yaml", &text);
    assert_eq!(diagnostics.len(), 1, "{:?}", diagnostics.first());
    assert_eq!(diagnostics[0].rule.name, "syntax-error");
    assert!(diagnostics[0].message.contains("more than 5000000 nodes"), "{}", diagnostics[0].message);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let bytes = vec![b'#'; runlint::source::MAX_FILE_BYTES + 1];
    let (_, diagnostic) = Source::from_bytes("too-big.yaml", bytes);
    let Some(diagnostic) = diagnostic else { panic!("an oversized file must be reported") };
    assert_eq!(diagnostic.rule.name, "invalid-plan");
    assert!(diagnostic.message.contains("larger than 64 MiB"), "{}", diagnostic.message);
}

#[test]
fn several_yaml_documents_are_refused() {
    assert_eq!(only_rule(&format!("{VALID}---\nplan: second\n")), vec!["syntax-error"]);
}

#[test]
fn a_huge_inline_merge_key_is_linear() {
    // 50,000 own keys and 50,000 merged ones: comparing every pair would take billions of steps.
    let keys = |from: usize| (from..from + 50_000).map(|i| format!("k{i}: {i}")).collect::<Vec<_>>().join(", ");
    let text = format!(
        "plan: Merge\nweeks:\n  - week: 1\n    notes: {{<<: {{{}}}, {}}}\n    days: {{mon: rest}}\n",
        keys(25_000),
        keys(0)
    );
    assert_eq!(outcome(&text), vec![("invalid-plan", 4, 12)]);
}

#[test]
fn control_characters_in_plan_text_are_escaped_in_human_and_short_output() {
    use runlint::render::{Format, LintedFile};
    // YAML escapes decode to raw controls in names and titles: a terminal link, a bell, a
    // line break that would start forged output lines, a bidi override.
    let name = r"\e]8;;http://evil\alink\e]8;;\a\nplans/other.yaml:1:1: error[forged] x\n::warning::forged\u202E";
    let plan = format!(
        "plan: Hostile\nathlete: {{strength_weeks: 20}}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: \"Legs \\e[2J\"\n        exercises: [\"{name}\", calf raise, split squat, dead bug]\n      tue: rest\n"
    );
    // Raw controls in the file itself stop the parser, and the snippet shows the line.
    let raw = "plan: x\u{1b}[2J\u{7}\nweeks: []\n";
    for (text, rule) in [(plan.as_str(), "unknown-exercise"), (raw, "syntax-error")] {
        let (source, diagnostics) = lint("plans/x\u{1b}[31m\nname.yaml", text);
        assert!(diagnostics.iter().any(|d| d.rule.name == rule), "{diagnostics:?}");
        let reports = [LintedFile { source, diagnostics }];
        for format in [Format::Human, Format::Short] {
            let output = common::rendered(format, &reports, &common::render_options());
            for forbidden in ['\u{1b}', '\u{7}', '\u{202e}'] {
                assert!(!output.contains(forbidden), "{format:?} printed {forbidden:?}:\n{output}");
            }
            for line in output.lines() {
                let line = line.trim_start_matches([' ', '│', '=']);
                assert!(!line.starts_with("plans/other.yaml"), "{format:?} started a forged line:\n{output}");
                assert!(!line.starts_with("::"), "{format:?} printed a workflow command:\n{output}");
            }
            assert!(output.contains("\\u{1b}"), "{format:?} must show the escape:\n{output}");
        }
    }
}

#[test]
fn lone_cr_line_ends_count_as_lines_and_a_bom_is_column_zero_in_every_format() {
    use runlint::render::{Format, LintedFile};
    let lf = VALID.replace("tue: rest", "tue: rets");
    let cr = lf.replace('\n', "\r");
    assert_eq!(outcome(&cr), outcome(&lf), "a CR-only plan must report the same lines as an LF plan");
    let bom = format!("\u{feff}plann: x\n{}", VALID.replace("plan: Valid\n", ""));
    let (source, diagnostics) = lint("bom.yaml", &bom);
    assert_eq!(located(&source, &diagnostics).first(), Some(&("invalid-plan", 1, 1)));
    let reports = [LintedFile { source, diagnostics }];
    let human = common::rendered(Format::Human, &reports, &common::render_options());
    assert!(human.contains("bom.yaml:1:1"), "{human}");
    let short = common::rendered(Format::Short, &reports, &common::render_options());
    assert!(short.starts_with("bom.yaml:1:1:"), "{short}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cr.yaml"), &cr).unwrap();
    std::fs::write(dir.path().join("bom.yaml"), format!("\u{feff}{VALID}")).unwrap();
    let output = common::runlint_in(dir.path()).args(["--no-config", "--format", "short", "."]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("cr.yaml:9:"), "the walk must pick up a CR-only plan: {stdout}");
    assert!(stdout.contains("in 2 files"), "the walk must pick up a plan that starts with a BOM: {stdout}");
}

#[test]
fn thousands_of_labels_on_one_line_are_capped_in_human_output() {
    use runlint::render::{Format, LintedFile};
    // 2,000 squats in one flow list: calf-work-missing labels each of them.
    let squats = vec!["squat"; 2000].join(", ");
    let text = format!(
        "plan: Labels\nathlete: {{strength_weeks: 20}}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [{squats}, single-leg glute bridge, dead bug]\n      tue: rest\n"
    );
    let (source, diagnostics) = lint("labels.yaml", &text);
    let calf = diagnostics.iter().find(|d| d.rule.name == "calf-work-missing").expect("calf-work-missing");
    assert!(calf.labels.len() >= 2000);
    let human = common::rendered(Format::Human, &[LintedFile { source, diagnostics }], &common::render_options());
    assert!(human.contains("more related places are not shown"), "{}", &human[..human.len().min(2000)]);
    assert!(human.matches("trains the lower body but not the calves").count() <= 24);
}

#[test]
fn a_huge_thread_count_still_lints_every_file() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.yaml", "b.yaml"] {
        std::fs::write(dir.path().join(name), VALID).unwrap();
    }
    let output = common::runlint_in(dir.path())
        .args(["--no-config", "--threads", "100000", "a.yaml", "b.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_hostile_file_name_and_plan_text_stay_inert_in_every_format() {
    use runlint::render::{Format, LintedFile};
    let plan = "plan: \"x \\e[2J\"\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [\"sq\\nuat\\u202E\", calf raise]\n      tue: rest\n";
    let (source, diagnostics) = lint("evil\u{1b}]52;c;Zm9v\u{7}\n::warning::forged.yaml", plan);
    assert!(diagnostics.iter().any(|d| d.rule.name == "unknown-exercise"), "{diagnostics:?}");
    let reports = [LintedFile { source, diagnostics }];
    for format in Format::ALL {
        let output = common::rendered(format, &reports, &common::render_options());
        // JSON escapes control characters itself and carries other text as written; the
        // formats read as text escape bidi overrides too.
        let json = matches!(format, Format::Json | Format::Sarif | Format::Gitlab);
        let forbidden: &[char] = if json { &['\u{1b}', '\u{7}'] } else { &['\u{1b}', '\u{7}', '\u{202e}'] };
        for forbidden in forbidden {
            assert!(!output.contains(*forbidden), "{format:?} printed {forbidden:?}:\n{output}");
        }
        assert!(
            !output.lines().any(|line| line.starts_with("::warning::forged")),
            "{format:?} forged a line:\n{output}"
        );
    }
}

#[test]
fn a_config_mistake_past_column_65535_is_shown_around_the_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let globs = vec!["\"a\""; 20_000].join(",");
    std::fs::write(dir.path().join("runlint.toml"), format!("exclude = [{globs}, 3]\n")).unwrap();
    std::fs::write(dir.path().join("plan.yaml"), VALID).unwrap();
    for format in ["human", "json"] {
        let output = common::runlint_in(dir.path()).args(["--format", format, "plan.yaml"]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}: {}", String::from_utf8_lossy(&output.stderr));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("must be a glob string") && stderr.len() < 4000, "{stderr}");
    }
}

#[test]
fn a_glob_too_large_for_the_set_is_a_config_error_not_a_dropped_exclude() {
    let dir = tempfile::tempdir().unwrap();
    // Each `?` is a Unicode class in the compiled set: 300,000 of them are over its limit.
    let huge = "?".repeat(300_000);
    std::fs::write(dir.path().join("runlint.toml"), format!("exclude = [\"archive/**\", \"{huge}\"]\n")).unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/plan.yaml"), VALID).unwrap();
    let output = common::runlint_in(dir.path()).arg(".").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("bad glob"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
