//! Invariants of the rule registry: names, docs and fixtures stay in step.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;

use common::root;
use runlint::rules::RULES;

fn rule_names() -> Vec<&'static str> {
    RULES.iter().map(|rule| rule.meta.name).collect()
}

#[test]
fn names_are_unique_sorted_and_kebab_case() {
    let names = rule_names();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted, "the registry must be sorted by name without duplicates");
    for name in names {
        let kebab = !name.is_empty()
            && name.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()));
        assert!(kebab, "`{name}` is not kebab-case");
    }
}

#[test]
fn every_rule_has_a_doc_and_fixtures_and_nothing_is_orphaned() {
    let names: BTreeSet<String> = rule_names().into_iter().map(str::to_owned).collect();
    for name in &names {
        assert!(root().join("rules").join(format!("{name}.md")).is_file(), "{name}: no rules/{name}.md");
        for file in ["valid.yaml", "invalid.yaml"] {
            assert!(root().join("fixtures").join(name).join(file).is_file(), "{name}: no fixtures/{name}/{file}");
        }
    }
    let docs: BTreeSet<String> = std::fs::read_dir(root().join("rules"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".md").map(str::to_owned))
        .collect();
    assert_eq!(docs, names, "rules/*.md must match the registry");
    let not_rules = ["plans", "invalid-plan", "unknown-exercise"];
    let fixture_dirs: BTreeSet<String> = std::fs::read_dir(root().join("fixtures"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|name| !not_rules.contains(&name.as_str()))
        .collect();
    assert_eq!(fixture_dirs, names, "fixtures/<rule>/ folders must match the registry");
}

/// Rule names are spelt once, where the rule is declared: everything else refers to the
/// `RuleMeta`, so a renamed or mistyped rule cannot slip through.
#[test]
fn no_string_literal_names_a_rule_outside_its_declaration() {
    let mut sources = Vec::new();
    let mut pending = vec![root().join("src")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push(path);
            }
        }
    }
    let mut offenders = Vec::new();
    for path in &sources {
        let relative = path.strip_prefix(root()).unwrap_or(path).display().to_string();
        if relative == "src/meta.rs" {
            continue;
        }
        let text = common::read(path);
        for meta in runlint::rules::registry() {
            let literal = format!("\"{}\"", meta.name);
            let declaration = format!("name: {literal},");
            let declared_here = relative == format!("src/rules/{}.rs", meta.name.replace('-', "_"));
            for line in text.lines().filter(|line| line.contains(&literal)) {
                if !(declared_here && line.trim() == declaration) {
                    offenders.push(format!("{relative}: {}", line.trim()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "rule names written as string literals:\n{}", offenders.join("\n"));
}
