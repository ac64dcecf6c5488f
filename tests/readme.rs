//! The README's rule table lists exactly the registry's rules, with their category,
//! default severity and summary.

mod common;

use common::{read, root};

#[test]
fn the_readme_rule_table_matches_the_registry() {
    let readme = read(&root().join("README.md"));
    let rows: Vec<Vec<String>> = readme
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let mut cells: Vec<String> =
                line.trim_matches('|').split(" | ").map(|cell| cell.trim().to_owned()).collect();
            if let Some(name) = cells.first_mut() {
                *name = name.trim_matches('`').to_owned();
            }
            cells
        })
        .collect();
    let expected: Vec<Vec<String>> = runlint::rules::RULES
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            let severity = meta.default_severity.map_or("off", |s| s.as_str());
            vec![meta.name.to_owned(), meta.category.as_str().to_owned(), severity.to_owned(), meta.summary.to_owned()]
        })
        .collect();
    assert_eq!(rows, expected);
}
