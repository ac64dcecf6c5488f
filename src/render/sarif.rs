//! `--format sarif`: SARIF 2.1.0 with every enabled rule described and stable fingerprints.

use serde::Serialize;
use serde_json::{Value, json};

use std::io;

use super::emit::{Body, Emitter, Item, Sink};
use super::fingerprint::Fingerprinter;
use super::json_stream::{self, pretty_item};
use super::{LintedFile, RenderOptions, Summary};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::source::Source;

/// `--format sarif`.
pub(super) struct Sarif;

/// Results stand in `{"runs": [{"results": [`.
const INDENT: usize = 8;
const MARKER: &str = "\"results\": []";

impl Emitter for Sarif {
    fn begin(&self, sink: &mut Sink<'_>) -> io::Result<()> {
        json_stream::begin(sink.out, &skeleton(&sink.options), MARKER)
    }

    fn part(&self, report: &LintedFile, options: &RenderOptions, _: &mut super::stream::Counts) -> Body {
        Body::Items(items(report, options))
    }

    fn finish(&self, sink: &mut Sink<'_>, _: &Summary) -> io::Result<()> {
        json_stream::finish(sink.out, &skeleton(&sink.options), MARKER, (INDENT, sink.items))
    }

    fn item_indent(&self) -> usize {
        INDENT
    }
}

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// One file's diagnostics as SARIF results.
fn items(report: &LintedFile, options: &RenderOptions) -> Vec<Item> {
    let indent = INDENT;
    let mut fingerprints = Fingerprinter::new(report, options);
    // One artifact location per file, shared by its results.
    let artifact = artifact(report.source.name(), options);
    report
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let rule_index = options.rules.iter().position(|rule| rule.meta.name == diagnostic.rule.name);
            let record = ResultRecord::new(report, diagnostic, fingerprints.next(diagnostic), &artifact, rule_index);
            Item { text: pretty_item(&record, indent), folded_into: None }
        })
        .collect()
}

/// The log with no results: the rule descriptors and the invocation are small JSON
/// values; the results are written file by file (see `stream`).
fn skeleton(options: &RenderOptions) -> String {
    let run = Run {
        tool: json!({ "driver": {
            "name": "runlint",
            "fullName": concat!("runlint ", env!("CARGO_PKG_VERSION"), ", a linter for the strength training in running plans"),
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": crate::meta::PROJECT_URI,
            "rules": descriptors(options),
        }}),
        // Code scanning keeps one analysis per category: runlint's findings are one.
        automation_details: json!({ "id": "runlint/" }),
        column_kind: "unicodeCodePoints",
        results: Vec::new(),
        invocations: [invocation(options)],
        original_uri_base_ids: options
            .base
            .as_ref()
            .map(|base| json!({ SOURCE_ROOT: { "uri": uri(&base.root_path()) } })),
    };
    let log = Log { schema: SCHEMA, version: "2.1.0", runs: [run] };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Value,
    automation_details: Value,
    column_kind: &'static str,
    /// Always empty here: the stream writes the results.
    results: Vec<()>,
    invocations: [Value; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<Value>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A descriptor for every enabled rule.
fn descriptors(options: &RenderOptions) -> Vec<Value> {
    let mut descriptors = Vec::new();
    for rule in &options.rules {
        let meta = rule.meta;
        descriptors.push(match meta.category {
            Some(category) => json!({
                "id": meta.name,
                "name": pascal_case(meta.name),
                "shortDescription": { "text": meta.summary },
                "fullDescription": { "text": meta.doc_section("## What it does").trim().replace('\n', " ") },
                "help": { "text": meta.doc_section("## Why").trim().replace('\n', " "), "markdown": meta.doc },
                "helpUri": meta.help_uri(),
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": { "category": category.as_str() },
            }),
            None => json!({
                "id": meta.name,
                "name": pascal_case(meta.name),
                "shortDescription": { "text": meta.summary },
                "fullDescription": { "text": meta.summary },
                "help": { "text": meta.summary },
                "helpUri": meta.help_uri(),
                "defaultConfiguration": { "level": level(rule.severity) },
            }),
        });
    }
    descriptors
}

/// Whether the run checked everything, and what it could not check.
fn invocation(options: &RenderOptions) -> Value {
    let notifications: Vec<Value> = options
        .run_errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": format!("cannot check `{}`: {}", error.path, error.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact(&error.path, options) } }],
            })
        })
        .collect();
    let mut invocation = json!({ "executionSuccessful": options.run_errors.is_empty() });
    if let (Some(invocation), false) = (invocation.as_object_mut(), notifications.is_empty()) {
        invocation.insert("toolExecutionNotifications".into(), Value::Array(notifications));
    }
    invocation
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultRecord<'a> {
    rule_id: &'static str,
    level: &'static str,
    message: Text,
    locations: [Location<'a>; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixes: Option<[FixRecord<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
}

impl<'a> ResultRecord<'a> {
    fn new(
        report: &'a LintedFile,
        diagnostic: &'a Diagnostic,
        fingerprint: String,
        artifact: &ArtifactLocation,
        rule_index: Option<usize>,
    ) -> Self {
        let source = &report.source;
        let fix = diagnostic.fix.as_ref().filter(|fix| fix.applies(crate::fix::Applicability::Unsafe));
        // Related places are given with the rule they belong to (SARIF needs the rule to
        // make sense of them).
        let related_locations = match rule_index {
            Some(_) => diagnostic
                .labels
                .iter()
                .enumerate()
                .map(|(id, label)| Location {
                    id: Some(id),
                    message: Some(Text { text: label.message.clone() }),
                    ..Location::new(source, label.span, None, artifact)
                })
                .collect(),
            None => Vec::new(),
        };
        ResultRecord {
            rule_id: diagnostic.rule.name,
            level: level(diagnostic.severity),
            message: Text { text: message(diagnostic) },
            locations: [Location::new(source, diagnostic.span, diagnostic.path.as_deref(), artifact)],
            partial_fingerprints: Fingerprints { logical_location: fingerprint },
            fixes: fix.map(|fix| {
                [FixRecord {
                    description: Text { text: format!("{} ({})", fix.message, fix.applicability.as_str()) },
                    artifact_changes: [ArtifactChange {
                        artifact_location: artifact.clone(),
                        replacements: fix
                            .edits
                            .iter()
                            .map(|edit| Replacement {
                                deleted_region: ByteRegion {
                                    byte_offset: edit.span.start,
                                    byte_length: edit.span.end - edit.span.start,
                                },
                                inserted_content: InsertedContent { text: &edit.text },
                            })
                            .collect(),
                    }],
                }]
            }),
            rule_index,
            related_locations,
        }
    }
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "runlintLogicalLocation/v1")]
    logical_location: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FixRecord<'a> {
    description: Text,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: ByteRegion,
    inserted_content: InsertedContent<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
struct InsertedContent<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[LogicalLocation<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

impl<'a> Location<'a> {
    fn new(source: &Source, span: Span, logical_path: Option<&'a str>, artifact: &ArtifactLocation) -> Self {
        let start = source.position(span.start);
        let end = source.position(span.end);
        Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact.clone(),
                region: Region {
                    start_line: start.line,
                    start_column: start.column,
                    end_line: end.line,
                    end_column: end.column.max(if end.line == start.line { start.column } else { 1 }),
                    byte_offset: span.start,
                    byte_length: span.end - span.start,
                },
            },
            logical_locations: logical_path
                .map(|path| [LogicalLocation { fully_qualified_name: path, kind: "object" }]),
            id: None,
            message: None,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
    kind: &'static str,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

fn message(diagnostic: &Diagnostic) -> String {
    match &diagnostic.help {
        Some(help) => format!("{}. Help: {help}", diagnostic.message),
        None => diagnostic.message.clone(),
    }
}

/// The SARIF name of the repository root that artifact URIs are relative to.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// An artifact location: relative to the repository root when the run knows it, so code
/// scanning matches files whatever folder runlint ran from.
fn artifact(name: &str, options: &RenderOptions) -> ArtifactLocation {
    match options.base.as_ref().and_then(|base| base.relative(name)) {
        Some(relative) => ArtifactLocation { uri: uri(&relative), uri_base_id: Some(SOURCE_ROOT) },
        None => ArtifactLocation { uri: uri(name), uri_base_id: None },
    }
}

/// A URI for a path: relative paths stay relative, absolute ones become `file://` URIs;
/// forward slashes, reserved bytes percent-encoded.
fn uri(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        encoded.push_str("file://");
    }
    for byte in path.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => encoded.push(byte as char),
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

/// `heavy-before-hard` -> `HeavyBeforeHard`
fn pascal_case(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}
