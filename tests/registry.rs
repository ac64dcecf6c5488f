//! Invariants of the rule registry: names, docs and fixtures stay in step.

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
