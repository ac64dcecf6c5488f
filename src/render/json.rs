//! `--format json`: one object with every diagnostic and a summary. Field names are a contract.
//!
//! Written file by file (see `stream`) through typed records that borrow from the
//! reports: no intermediate JSON tree, so a run with many findings costs little more than
//! its output.

use std::io;

use serde::{Serialize, Serializer};

use super::emit::{Body, Emitter, Item, Sink};
use super::json_stream::{self, pretty_item};
use super::{LintedFile, PathProblem, RenderOptions, Summary, fold};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::fix::Applicability;
use crate::source::Source;

/// The version of the JSON contract.
pub const JSON_VERSION: u32 = 1;

/// `--format json`.
pub(super) struct Json;

/// Diagnostics stand in `{"diagnostics": [`.
const INDENT: usize = 4;
const MARKER: &str = "\"diagnostics\": []";

impl Emitter for Json {
    fn begin(&self, sink: &mut Sink<'_>) -> io::Result<()> {
        json_stream::begin(sink.out, &skeleton(&Summary::default(), &sink.options), MARKER)
    }

    fn part(&self, report: &LintedFile, _: &RenderOptions, _: &mut super::stream::Counts) -> Body {
        Body::Items(items(report))
    }

    /// Numbers `folded_into` across the run: the index of the entry within its file
    /// becomes its index in the whole `diagnostics` array.
    fn write_part(&self, body: &Body, sink: &mut Sink<'_>) -> io::Result<()> {
        let Body::Items(items) = body else { return sink.write_body(body) };
        let first = sink.items;
        for item in items {
            let trailer = item.folded_into.map(|index| format!("\"folded_into\": {}", first + index));
            sink.write_item(&item.text, trailer.as_deref())?;
        }
        Ok(())
    }

    fn finish(&self, sink: &mut Sink<'_>, summary: &Summary) -> io::Result<()> {
        json_stream::finish(sink.out, &skeleton(summary, &sink.options), MARKER, (INDENT, sink.items))
    }

    fn item_indent(&self) -> usize {
        INDENT
    }
}

/// One file's diagnostics as elements of the `diagnostics` array.
fn items(report: &LintedFile) -> Vec<Item> {
    let indent = INDENT;
    let folded = fold::folded_into(&report.diagnostics);
    report
        .diagnostics
        .iter()
        .zip(folded)
        .map(|(diagnostic, folded_into)| Item {
            text: pretty_item(&DiagnosticRecord::new(&report.source, diagnostic), indent),
            folded_into,
        })
        .collect()
}

/// The document with no diagnostics: what comes before and after them.
fn skeleton(summary: &Summary, options: &RenderOptions) -> String {
    let document = Document {
        version: JSON_VERSION,
        diagnostics: Vec::new(),
        summary: (*summary).into(),
        errors: &options.run_errors,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    /// Always empty here: the stream writes the elements (see `json_stream`).
    diagnostics: Vec<()>,
    summary: SummaryRecord,
    #[serde(skip_serializing_if = "<[PathProblem]>::is_empty", serialize_with = "errors")]
    errors: &'a [PathProblem],
}

#[derive(Serialize)]
struct SummaryRecord {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl From<Summary> for SummaryRecord {
    fn from(summary: Summary) -> Self {
        SummaryRecord { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos }
    }
}

fn errors<S: Serializer>(errors: &&[PathProblem], serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct ErrorRecord<'a> {
        path: &'a str,
        message: &'a str,
    }
    serializer.collect_seq(errors.iter().map(|error| ErrorRecord { path: &error.path, message: &error.message }))
}

#[derive(Serialize)]
struct DiagnosticRecord<'a> {
    file: &'a str,
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    week: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    range: Range,
    labels: Vec<LabelRecord<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixRecord<'a>>,
    // `folded_into` comes last, numbered across the run by the stream.
}

impl<'a> DiagnosticRecord<'a> {
    fn new(source: &'a Source, diagnostic: &'a Diagnostic) -> Self {
        DiagnosticRecord {
            file: source.name(),
            rule: diagnostic.rule.name,
            severity: diagnostic.severity,
            message: &diagnostic.message,
            help: diagnostic.help.as_deref(),
            week: diagnostic.week,
            day: diagnostic.day,
            path: diagnostic.path.as_deref(),
            range: Range::new(source, diagnostic.span),
            labels: diagnostic
                .labels
                .iter()
                .map(|label| LabelRecord { message: &label.message, range: Range::new(source, label.span) })
                .collect(),
            fix: diagnostic.fix.as_ref().map(|fix| FixRecord {
                message: &fix.message,
                applicability: fix.applicability,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| EditRecord { range: Range::new(source, edit.span), text: &edit.text })
                    .collect(),
            }),
        }
    }
}

#[derive(Serialize)]
struct LabelRecord<'a> {
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct FixRecord<'a> {
    message: &'a str,
    applicability: Applicability,
    edits: Vec<EditRecord<'a>>,
}

#[derive(Serialize)]
struct EditRecord<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

impl Range {
    fn new(source: &Source, span: Span) -> Range {
        Range { start: Position::new(source, span.start), end: Position::new(source, span.end) }
    }
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
    offset: usize,
}

impl Position {
    fn new(source: &Source, offset: usize) -> Position {
        let position = source.position(offset);
        Position { line: position.line, column: position.column, offset: position.offset }
    }
}
