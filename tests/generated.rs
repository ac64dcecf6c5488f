//! Files that repeat the registry are generated from it: the README's rule table and the
//! "Category · Default severity" line of every rule doc. This test fails when a committed
//! copy is stale; `RUNLINT_UPDATE_GENERATED=1 cargo test --test generated` rewrites them.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::Path;

use common::{read, root};
use runlint::meta::RuleMeta;
use runlint::rules::RULES;

const TABLE_HEADER: &str = "| rule | category | default | summary |\n|---|---|---|---|\n";

fn severity(meta: &RuleMeta) -> &'static str {
    meta.default_severity.map_or("off", |s| s.as_str())
}

fn category(meta: &RuleMeta) -> &'static str {
    meta.category.map_or("", |c| c.as_str())
}

/// The README's rule table, one row per rule.
fn rule_table() -> String {
    let rows: String = RULES
        .iter()
        .map(|rule| {
            let meta = &rule.meta;
            format!("| `{}` | {} | {} | {} |\n", meta.name, category(meta), severity(meta), meta.summary)
        })
        .collect();
    format!("{TABLE_HEADER}{rows}")
}

/// `text` with the table that starts at `header` replaced by `table`.
fn with_table(text: &str, table: &str) -> String {
    let Some(start) = text.find(TABLE_HEADER) else {
        panic!("README.md has no rule table starting with {TABLE_HEADER:?}");
    };
    let after = &text[start..];
    let end = after.find("\n\n").map_or(text.len(), |end| start + end + 1);
    format!("{}{table}{}", &text[..start], &text[end..])
}

/// `doc` with its third line (the metadata line under the title) generated.
fn with_header(doc: &str, meta: &RuleMeta) -> String {
    let line = format!("Category: {} · Default severity: {}", category(meta), severity(meta));
    let mut lines: Vec<&str> = doc.split('\n').collect();
    assert!(
        lines.len() > 3 && lines[0] == format!("# {}", meta.name),
        "{}: must start with `# {}`",
        meta.name,
        meta.name
    );
    lines[2] = &line;
    lines.join("\n")
}

/// Compares `expected` with the file, or rewrites the file when asked to.
fn check(path: &Path, expected: &str, stale: &mut Vec<String>) {
    let actual = read(path);
    if actual == expected {
        return;
    }
    if std::env::var_os("RUNLINT_UPDATE_GENERATED").is_some() {
        std::fs::write(path, expected).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    } else {
        stale.push(path.display().to_string());
    }
}

#[test]
fn generated_files_match_the_registry() {
    let mut stale = Vec::new();
    let readme = root().join("README.md");
    check(&readme, &with_table(&read(&readme), &rule_table()), &mut stale);
    for rule in RULES {
        let doc = root().join("rules").join(format!("{}.md", rule.meta.name));
        check(&doc, &with_header(&read(&doc), &rule.meta), &mut stale);
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `RUNLINT_UPDATE_GENERATED=1 cargo test --test generated`):\n{}",
        stale.join("\n")
    );
}

#[test]
fn the_generators_replace_only_their_part() {
    let text = format!("# Title\n\nintro\n\n{TABLE_HEADER}| `old` | x | y | z |\n\nafter\n");
    let replaced = with_table(&text, "TABLE\n");
    assert_eq!(replaced, "# Title\n\nintro\n\nTABLE\n\nafter\n");
    let meta = &RULES[0].meta;
    let doc = format!("# {}\n\nCategory: stale · Default severity: stale\n\n## What it does\n", meta.name);
    let header = with_header(&doc, meta);
    assert!(header.contains(&format!("Category: {} · Default severity: {}", category(meta), severity(meta))));
    assert!(header.ends_with("\n\n## What it does\n"));
}
