//! Every rule's documentation: the required sections, and the `yaml bad` / `yaml good`
//! examples run as tests.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{code_blocks, lint_all_rules};

#[test]
fn every_bad_example_fires_its_rule_exactly_once_and_every_good_example_is_silent() {
    let mut failures = Vec::new();
    for rule in runlint::rules::RULES {
        let meta = &rule.meta;
        let bad = code_blocks(meta.doc, "yaml bad");
        let good = code_blocks(meta.doc, "yaml good");
        if bad.len() != 1 || good.len() != 1 {
            failures.push(format!("{}: needs one `yaml bad` and one `yaml good` block", meta.name));
            continue;
        }
        for (kind, text, expected) in [("bad", &bad[0], 1), ("good", &good[0], 0)] {
            let (_, diagnostics) = lint_all_rules(&format!("{}-{kind}.yaml", meta.name), text);
            let invalid: Vec<&str> = diagnostics
                .iter()
                .filter(|d| {
                    d.rule.name == "invalid-plan" || d.rule.name == "syntax-error" || d.rule.name == "unknown-exercise"
                })
                .map(|d| d.message.as_str())
                .collect();
            let fired = diagnostics.iter().filter(|d| d.rule.name == meta.name).count();
            if !invalid.is_empty() || fired != expected {
                failures.push(format!(
                    "{} {kind} example: fired {fired} times (want {expected}); shape problems: {invalid:?}",
                    meta.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_doc_has_the_required_sections() {
    for rule in runlint::rules::RULES {
        let meta = &rule.meta;
        assert!(meta.doc.starts_with(&format!("# {}\n", meta.name)), "{}: title must be the rule name", meta.name);
        for heading in ["## What it does", "## Why", "## Sources", "## Example", "## Options"] {
            assert!(meta.doc.contains(heading), "{}: missing `{heading}`", meta.name);
        }
        let options_section = meta.doc.split("## Options").nth(1).unwrap_or("");
        for option in meta.options {
            assert!(options_section.contains(option.name), "{}: option `{}` undocumented", meta.name, option.name);
        }
    }
}
