//! `--format gitlab`: a GitLab Code Quality report, one issue per diagnostic.

use std::io;

use serde::Serialize;

use super::emit::{Body, Emitter, Item, Sink};
use super::fingerprint::Fingerprinter;
use super::json_stream::{self, pretty_item};
use super::{LintedFile, RenderOptions, Summary};
use crate::diagnostic::Severity;

/// `--format gitlab`.
pub(super) struct Gitlab;

/// The document is one top-level array.
const INDENT: usize = 2;
const DOCUMENT: &str = "[]\n";
const MARKER: &str = "[]";

impl Emitter for Gitlab {
    fn begin(&self, sink: &mut Sink<'_>) -> io::Result<()> {
        json_stream::begin(sink.out, DOCUMENT, MARKER)
    }

    fn part(&self, report: &LintedFile, options: &RenderOptions, _: &mut super::stream::Counts) -> Body {
        Body::Items(items(report, options))
    }

    fn finish(&self, sink: &mut Sink<'_>, _: &Summary) -> io::Result<()> {
        for text in error_items(&sink.options) {
            sink.write_item(&text, None)?;
        }
        json_stream::finish(sink.out, DOCUMENT, MARKER, (INDENT, sink.items))
    }

    fn item_indent(&self) -> usize {
        INDENT
    }
}

/// One Code Quality issue, with the fields GitLab reads.
#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's severities: `info`, `minor`, `major`, `critical`, `blocker`.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// One file's diagnostics as Code Quality issues.
fn items(report: &LintedFile, options: &RenderOptions) -> Vec<Item> {
    let indent = INDENT;
    // GitLab matches issues to files by their path in the repository.
    let path = options.base.as_ref().and_then(|base| base.relative(report.source.name()));
    let path = path.as_deref().unwrap_or(report.source.name());
    let mut fingerprints = Fingerprinter::new(report, options);
    report
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let (begin, end) =
                (report.source.line_of(diagnostic.span.start), report.source.line_of(diagnostic.span.end));
            let issue = Issue {
                description: format!("{}: {}", diagnostic.rule.name, diagnostic.message),
                check_name: diagnostic.rule.name,
                // The logical place in the plan, so an issue keeps its identity when lines move.
                fingerprint: fingerprints.next(diagnostic),
                severity: severity(diagnostic.severity),
                location: Location { path: path.to_owned(), lines: Lines { begin, end: end.max(begin) } },
            };
            Item { text: pretty_item(&issue, indent), folded_into: None }
        })
        .collect()
}

/// The paths that could not be checked, as issues too, so the merge request shows them.
fn error_items(options: &RenderOptions) -> Vec<String> {
    let indent = INDENT;
    options
        .run_errors
        .iter()
        .enumerate()
        .map(|(index, error)| {
            let path =
                options.base.as_ref().and_then(|base| base.relative(&error.path)).unwrap_or_else(|| error.path.clone());
            let issue = Issue {
                description: format!("runlint could not check this file: {}", error.message),
                check_name: "runlint-error",
                fingerprint: format!("run-error-{index}-{}", error.path),
                severity: "critical",
                location: Location { path, lines: Lines { begin: 1, end: 1 } },
            };
            pretty_item(&issue, indent)
        })
        .collect()
}
