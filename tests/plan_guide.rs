//! The plan-writing guide (`docs/plan-format.md`) lints as it says: every ```` ```yaml ````
//! block is a whole plan marked `clean` (no finding) or `expect=RULE,...` (exactly those
//! rules fire), and every ```` ```console ```` block that follows one is runlint's output
//! on it, saved as `plan.yaml`, byte for byte. The README's plan, marked `clean`, too.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;

use common::{lint, read, root, runlint_in};

/// A fenced block: its info string (after the backticks), its text and its first line.
struct Block {
    info: String,
    text: String,
    line: usize,
}

fn fenced_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (index, line) in markdown.lines().enumerate() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some(Block { info: info.trim().to_owned(), text: String::new(), line: index + 1 });
            }
            (Some(_), Some("")) => blocks.extend(open.take()),
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "an unclosed code block");
    blocks
}

/// The rules a `yaml` block's info string says fire: `clean` is none.
fn expected_rules(block: &Block) -> BTreeSet<String> {
    let tag = block.info.strip_prefix("yaml").unwrap().trim();
    if tag == "clean" {
        return BTreeSet::new();
    }
    let Some(rules) = tag.strip_prefix("expect=") else {
        panic!("line {}: a yaml block is marked `clean` or `expect=RULE,...`, not {tag:?}", block.line);
    };
    rules.split(',').map(|rule| rule.trim().to_owned()).collect()
}

fn guide() -> Vec<Block> {
    fenced_blocks(&read(&root().join("docs/plan-format.md")))
}

fn check_plans(plans: &[Block], failures: &mut Vec<String>, file: &str) {
    for plan in plans {
        let expected = expected_rules(plan);
        let (_, diagnostics) = lint("plan.yaml", &plan.text);
        let fired: BTreeSet<String> = diagnostics.iter().map(|d| d.rule.name.to_owned()).collect();
        if fired != expected {
            failures.push(format!("{file}:{}: want {expected:?}, runlint gives {fired:?}", plan.line));
        }
    }
}

#[test]
fn every_plan_in_the_guide_gives_the_findings_it_states() {
    let plans: Vec<Block> = guide().into_iter().filter(|b| b.info.starts_with("yaml")).collect();
    assert!(plans.len() >= 10, "the guide lost its examples: {} yaml blocks", plans.len());
    let mut failures = Vec::new();
    check_plans(&plans, &mut failures, "docs/plan-format.md");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_readme_plan_is_clean() {
    let readme = fenced_blocks(&read(&root().join("README.md")));
    let plans: Vec<Block> = readme.into_iter().filter(|b| b.info == "yaml clean").collect();
    assert_eq!(plans.len(), 1, "the README shows one small plan, marked `yaml clean`");
    let mut failures = Vec::new();
    check_plans(&plans, &mut failures, "README.md");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_output_in_the_guide_is_what_runlint_prints() {
    let blocks = guide();
    let mut shown = 0;
    for (index, block) in blocks.iter().enumerate().filter(|(_, b)| b.info == "console") {
        let plan = index
            .checked_sub(1)
            .and_then(|previous| blocks.get(previous))
            .filter(|previous| previous.info.starts_with("yaml"))
            .unwrap_or_else(|| panic!("line {}: an output follows the plan it is of", block.line));
        let (command, expected) = block.text.split_once('\n').unwrap();
        let args: Vec<&str> = command
            .strip_prefix("$ runlint ")
            .unwrap_or_else(|| panic!("line {}: `$ runlint ...` first", block.line))
            .split_whitespace()
            .collect();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("plan.yaml"), &plan.text).unwrap();
        let output = runlint_in(dir.path()).args(&args).output().unwrap();
        let printed = String::from_utf8(output.stdout).unwrap();
        assert_eq!(printed, expected, "line {}: `{command}` prints otherwise", block.line);
        shown += 1;
    }
    assert!(shown >= 5, "the guide lost its outputs: {shown}");
}

#[test]
fn the_guide_names_every_key_of_the_format() {
    let text = read(&root().join("docs/plan-format.md"));
    use runlint::plan::grammar::*;
    let keys = [PLAN_KEYS, ATHLETE_KEYS, RACE_KEYS, DEFINITION_KEYS, WEEK_KEYS, ANY_SESSION_KEYS, FULL_FORM_KEYS];
    let missing: Vec<&str> =
        keys.iter().flat_map(|list| list.iter()).copied().filter(|key| !text.contains(&format!("`{key}`"))).collect();
    assert!(missing.is_empty(), "keys the guide does not explain: {missing:?}");
}

/// The inline examples in the "write" column of the table under `heading`.
fn written_forms(markdown: &str, heading: &str) -> Vec<String> {
    let section = markdown.split(heading).nth(1).unwrap_or_else(|| panic!("no `{heading}`"));
    let table = section.lines().skip_while(|line| !line.starts_with('|')).take_while(|line| line.starts_with('|'));
    let mut forms = Vec::new();
    for row in table.skip(2) {
        let write = row.split('|').nth(2).unwrap_or_else(|| panic!("a row without a `write` column: {row}"));
        forms.extend(write.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    forms
}

#[test]
fn every_prescription_and_load_the_guide_shows_is_read() {
    let text = read(&root().join("docs/plan-format.md"));
    let mut exercises = Vec::new();
    for form in written_forms(&text, "### Prescriptions") {
        match form.chars().next() {
            Some('0'..='9') => exercises.push(form),
            Some('e') => exercises.push(format!("3x10 {form}")),
            _ => {}
        }
    }
    for load in written_forms(&text, "### Loads") {
        exercises.push(format!("3x8 @ {load}"));
    }
    assert!(exercises.len() >= 25, "the tables lost their examples: {exercises:?}");
    for prescription in &exercises {
        let plan = format!(
            "plan: forms\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - goblet squat: {prescription}\n"
        );
        let (_, diagnostics) = lint("plan.yaml", &plan);
        let unread: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.rule.name == "invalid-plan" || d.rule.name == "syntax-error")
            .map(|d| d.message.as_str())
            .collect();
        assert!(unread.is_empty(), "`{prescription}` is not read: {unread:?}");
    }
}
