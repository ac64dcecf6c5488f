//! `--add-suppressions`: an allow comment at the end of each line that has findings (alone
//! on the line above when the line already has a `# runlint:` comment), so a
//! repository with findings can adopt runlint and fail only on new ones (ruff's
//! `--add-noqa`). The comment carries a reason placeholder for the coach to fill in.
//!
//! Only comments are added, so the plan means what it meant: the file is written only
//! when the YAML reads the same as before (a line that ends inside a quoted text would
//! take the comment into the text) and every finding it meant to silence is silenced.

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, PathProblem};
use crate::source::Source;
use crate::yaml::{Node, Value};

/// What a new suppression says after the rule names, for the coach to replace.
pub(super) const REASON_PLACEHOLDER: &str = "TODO: say why";

/// Adds suppressions for the findings of a plan at `path` and writes it; returns the
/// plan as written, what is left of its findings (those that cannot be silenced) and
/// how many rules were suppressed.
pub(super) fn add_suppressions(
    path: &Path,
    source: Source,
    diagnostics: Vec<Diagnostic>,
    config: &Config,
) -> Result<(Source, Vec<Diagnostic>, usize), PathProblem> {
    let text = source.text();
    // Rules to allow, by the 1-based line their findings start on.
    let mut by_line: BTreeMap<usize, Vec<&'static str>> = BTreeMap::new();
    for diagnostic in diagnostics.iter().filter(|d| d.rule.suppressible) {
        let rules = by_line.entry(source.line_of(diagnostic.span.start)).or_default();
        if !rules.contains(&diagnostic.rule.name) {
            rules.push(diagnostic.rule.name);
        }
    }
    if by_line.is_empty() {
        return Ok((source, diagnostics, 0));
    }
    let added: usize = by_line.values().map(Vec::len).sum();
    let new_text = with_comments(text, &by_line);
    let new_source = Source::new(source.name(), new_text.as_str());
    let after = crate::lint_source(&new_source, config);
    let name = source.name().to_owned();
    if !reads_the_same(&source, &new_source) || after.iter().any(|d| d.rule.suppressible) {
        let message = "no suppressions added: a comment would change what the plan says (a line ends inside a \
                       quoted text, or already has a `# runlint:` comment); suppress its findings by hand"
            .to_owned();
        return Err(PathProblem { path: name, message });
    }
    crate::fix::write_atomically(path, text.as_bytes(), &new_text)
        .map_err(|error| PathProblem { path: name, message: format!("no suppressions added: {error}") })?;
    Ok((new_source, after, added))
}

/// The text with ` # runlint: allow RULE, ... -- TODO` at the end of each listed line.
fn with_comments(text: &str, by_line: &BTreeMap<usize, Vec<&'static str>>) -> String {
    let mut out = String::with_capacity(text.len() + by_line.len() * 64);
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let Some(rules) = by_line.get(&(index + 1)) else {
            out.push_str(line);
            continue;
        };
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = line.get(content.len()..).filter(|ending| !ending.is_empty()).unwrap_or("\n");
        let comment = format!("# runlint: allow {} -- {REASON_PLACEHOLDER}", rules.join(", "));
        if content.contains("# runlint:") {
            // A line's first `# runlint:` comment is the one read: the new one goes alone
            // on the line above, indented as the line.
            let indent = content.get(..content.len() - content.trim_start().len()).unwrap_or("");
            out.push_str(&format!("{indent}{comment}{ending}"));
            out.push_str(line);
        } else {
            out.push_str(content);
            out.push(' ');
            out.push_str(&comment);
            out.push_str(line.get(content.len()..).unwrap_or(""));
        }
    }
    out
}

/// Whether two plans hold the same YAML, whatever their comments.
fn reads_the_same(before: &Source, after: &Source) -> bool {
    match (crate::yaml::parse(before), crate::yaml::parse(after)) {
        (Ok(a), Ok(b)) => same_node(&a, &b),
        _ => false,
    }
}

fn same_node(a: &Node<'_>, b: &Node<'_>) -> bool {
    match (&a.value, &b.value) {
        (Value::Seq(a), Value::Seq(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_node(a, b)),
        (Value::Map(a), Value::Map(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((ak, av), (bk, bv))| same_node(ak, bk) && same_node(av, bv))
        }
        (a, b) => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_at_the_end_of_the_line_before_its_ending() {
        let by_line = BTreeMap::from([(2, vec!["rule-a", "rule-b"])]);
        let text = with_comments("a: 1\r\nb: 2\r\nc: 3", &by_line);
        assert_eq!(text, "a: 1\r\nb: 2 # runlint: allow rule-a, rule-b -- TODO: say why\r\nc: 3");
    }

    #[test]
    fn a_line_with_a_suppression_gets_the_new_one_above_it() {
        let by_line = BTreeMap::from([(2, vec!["rule-b"])]);
        let text = with_comments("a:\n  b: 2  # runlint: allow rule-a -- why\n", &by_line);
        assert_eq!(text, "a:\n  # runlint: allow rule-b -- TODO: say why\n  b: 2  # runlint: allow rule-a -- why\n");
    }

    #[test]
    fn a_comment_inside_quoted_text_changes_the_plan() {
        let before = Source::new("p.yaml", "a: \"one\n  two\"\n");
        let after = Source::new("p.yaml", "a: \"one # runlint: allow x\n  two\"\n");
        assert!(!reads_the_same(&before, &after));
        let after = Source::new("p.yaml", "a: \"one\n  two\" # runlint: allow x\n");
        assert!(reads_the_same(&before, &after));
    }
}
