//! Inline suppressions: `# runlint: allow RULE[, RULE] [-- reason]` on the line of a
//! diagnostic or alone on the line above it, and `# runlint: allow-file RULE[, RULE]`.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::meta::{RuleMeta, UNUSED_SUPPRESSION};
use crate::source::Source;
use crate::suggest::did_you_mean;

const MARKER: &str = "# runlint:";

/// One rule named in a suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The rule name as written.
    pub rule: String,
    /// Where the name is written.
    pub span: Span,
    /// The 1-based line it silences, or `None` for the whole file.
    pub line: Option<usize>,
}

/// Finds every suppression comment in a source. `text_spans` are the quoted and block
/// scalars (sorted), where `# runlint:` is text, not a comment.
pub fn parse(source: &Source, text_spans: &[Span]) -> Vec<Suppression> {
    let mut suppressions = Vec::new();
    // Most plans have no suppression at all: one fast search saves the line-by-line walk.
    if !source.text().contains(MARKER) {
        return suppressions;
    }
    let mut line_start = 0;
    for (index, raw_line) in source.raw_lines().enumerate() {
        let line_number = index + 1;
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let marker = find_comment_marker(line).filter(|&marker| !inside(text_spans, line_start + marker));
        if let Some(marker) = marker {
            let alone = line.get(..marker).is_some_and(|before| before.trim().is_empty());
            let directive_start = marker + MARKER.len();
            let directive = line.get(directive_start..).unwrap_or("");
            let trimmed = directive.trim_start();
            let keyword = |word: &str| {
                trimmed.strip_prefix(word).filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
            };
            // `allow-file` stands on its own line; `allow` may follow content.
            let (whole_file, names_start) = match (keyword("allow-file"), keyword("allow")) {
                (Some(rest), _) if alone => (true, directive.len() - rest.len()),
                (None, Some(rest)) => (false, directive.len() - rest.len()),
                _ => {
                    line_start += raw_line.len();
                    continue;
                }
            };
            let names = directive.get(names_start..).unwrap_or("");
            let names = names.split("--").next().unwrap_or("");
            let target = match (whole_file, alone) {
                (true, _) => None,
                (false, true) => Some(line_number + 1),
                (false, false) => Some(line_number),
            };
            let mut offset = line_start + directive_start + names_start;
            for part in names.split(',') {
                let name = part.trim();
                let leading = part.len() - part.trim_start().len();
                if !name.is_empty() {
                    let start = offset + leading;
                    suppressions.push(Suppression {
                        rule: name.to_owned(),
                        span: Span::new(start, start + name.len()),
                        line: target,
                    });
                }
                offset += part.len() + 1;
            }
        }
        line_start += raw_line.len();
    }
    suppressions
}

/// Whether `offset` lies inside one of the sorted spans.
fn inside(spans: &[Span], offset: usize) -> bool {
    let after = spans.partition_point(|span| span.start <= offset);
    after > 0 && spans.get(after - 1).is_some_and(|span| offset < span.end)
}

/// The byte index of a `# runlint:` comment in a line: at the line start or after
/// whitespace, as YAML comments are (quoted and block scalars are excluded by the caller).
fn find_comment_marker(line: &str) -> Option<usize> {
    line.match_indices(MARKER)
        .map(|(index, _)| index)
        .find(|&index| index == 0 || line.get(..index).is_some_and(|before| before.ends_with(char::is_whitespace)))
}

/// What suppressions need to know about the run, supplied by the caller.
pub struct Policy<'a> {
    /// Every kind of diagnostic a suppression may name.
    pub known: &'a [&'static RuleMeta],
    /// The severity of `unused-suppression`; `None` when it is off.
    pub unused: Option<Severity>,
    /// Whether a kind of diagnostic is reported at all in this run (a suppression of a
    /// disabled rule silences nothing, but is not reported either).
    pub enabled: &'a dyn Fn(&RuleMeta) -> bool,
}

/// Drops silenced diagnostics and reports suppressions that silenced nothing.
pub fn apply(
    source: &Source,
    text_spans: &[Span],
    diagnostics: Vec<Diagnostic>,
    policy: &Policy<'_>,
) -> Vec<Diagnostic> {
    let suppressions = parse(source, text_spans);
    if suppressions.is_empty() {
        return diagnostics;
    }
    // Indexed by line, so a plan with many findings and many markers stays linear.
    let mut by_line: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (index, suppression) in suppressions.iter().enumerate() {
        by_line.entry(suppression.line).or_default().push(index);
    }
    let mut used = vec![false; suppressions.len()];
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|diagnostic| {
            if !diagnostic.rule.suppressible {
                return true;
            }
            let line = source.line_of(diagnostic.span.start);
            let candidates = [Some(line), None].into_iter().filter_map(|key| by_line.get(&key)).flatten();
            let mut silenced = false;
            for &index in candidates {
                if suppressions.get(index).is_some_and(|s| s.rule == diagnostic.rule.name) {
                    if let Some(used) = used.get_mut(index) {
                        *used = true;
                    }
                    silenced = true;
                }
            }
            !silenced
        })
        .collect();
    let Some(severity) = policy.unused else { return kept };
    for (suppression, used) in suppressions.iter().zip(used) {
        let known = policy.known.iter().copied().find(|meta| meta.name == suppression.rule);
        if used || known.is_some_and(|meta| meta.suppressible && !(policy.enabled)(meta)) {
            continue;
        }
        kept.push(unused(suppression, known, policy.known, severity));
    }
    kept
}

fn unused(
    suppression: &Suppression,
    known: Option<&RuleMeta>,
    every_kind: &[&'static RuleMeta],
    severity: Severity,
) -> Diagnostic {
    let rule = &suppression.rule;
    let (message, help) = match known {
        Some(meta) if !meta.suppressible => {
            (format!("`{rule}` cannot be suppressed"), "fix the plan instead; this comment does nothing".to_owned())
        }
        Some(_) => {
            let place = if suppression.line.is_some() { "here" } else { "in this file" };
            (format!("suppression of `{rule}` silences nothing {place}"), "remove it".to_owned())
        }
        None => {
            let help = match did_you_mean(rule, every_kind.iter().map(|meta| meta.name)) {
                Some(name) => format!("did you mean `{name}`?"),
                None => "`runlint --list-rules` lists every rule".to_owned(),
            };
            (format!("unknown rule `{rule}` in a suppression"), help)
        }
    };
    Diagnostic::new(&UNUSED_SUPPRESSION, severity, message, suppression.span).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_trailing_standalone_and_file_wide_suppressions() {
        let source = Source::new(
            "s.yaml",
            "a: 1  # runlint: allow x, y -- reason\n# runlint: allow z\nb: 2\n# runlint: allow-file w\nc: 3  # runlint: allow-file q\nd: 4  # runlint: allowed r\n",
        );
        let found: Vec<(String, Option<usize>)> = parse(&source, &[]).into_iter().map(|s| (s.rule, s.line)).collect();
        let expected = [("x", Some(1)), ("y", Some(1)), ("z", Some(3)), ("w", None)];
        assert_eq!(found, expected.map(|(r, l)| (r.to_owned(), l)).to_vec());
        let spans: Vec<&str> = parse(&source, &[]).iter().map(|s| source.slice(s.span)).collect();
        assert_eq!(spans, ["x", "y", "z", "w"]);
    }
}
