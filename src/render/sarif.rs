//! `--format sarif`: SARIF 2.1.0 with every enabled rule described and stable fingerprints.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use super::{FileReport, RenderOptions};
use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::source::Source;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes one SARIF log with one run.
pub fn render(reports: &[FileReport], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let value = to_value(reports, options);
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF document for `reports`.
pub fn to_value(reports: &[FileReport], options: &RenderOptions) -> Value {
    let mut descriptors = Vec::new();
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for rule in &options.rules {
        let meta = rule.meta;
        index_of.insert(meta.name, descriptors.len());
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
                "defaultConfiguration": { "level": level(rule.severity) },
            }),
        });
    }
    let mut results = Vec::new();
    for report in reports {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for diagnostic in &report.diagnostics {
            let mut result = json!({
                "ruleId": diagnostic.rule.name,
                "level": level(diagnostic.severity),
                "message": { "text": message(diagnostic) },
                "locations": [location(&report.source, diagnostic.span, diagnostic.path.as_deref(), options)],
                "partialFingerprints": { "runlintLogicalLocation/v1": fingerprint(report, diagnostic, &mut seen, options) },
            });
            if let (Some(fix), Some(object)) = (&diagnostic.fix, result.as_object_mut())
                && fix.applicability != crate::fix::Applicability::DisplayOnly
                && !fix.edits.is_empty()
            {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| {
                        json!({
                            "deletedRegion": { "byteOffset": edit.span.start, "byteLength": edit.span.end - edit.span.start },
                            "insertedContent": { "text": edit.text },
                        })
                    })
                    .collect();
                object.insert(
                    "fixes".into(),
                    json!([{
                        "description": { "text": format!("{} ({})", fix.message, fix.applicability.as_str()) },
                        "artifactChanges": [{
                            "artifactLocation": artifact(report.source.name(), options),
                            "replacements": replacements,
                        }],
                    }]),
                );
            }
            if let (Some(index), Some(object)) = (index_of.get(diagnostic.rule.name), result.as_object_mut()) {
                object.insert("ruleIndex".into(), json!(index));
                if !diagnostic.labels.is_empty() {
                    let related: Vec<Value> = diagnostic
                        .labels
                        .iter()
                        .enumerate()
                        .map(|(id, label)| {
                            let mut location = location(&report.source, label.span, None, options);
                            if let Some(object) = location.as_object_mut() {
                                object.insert("id".into(), json!(id));
                                object.insert("message".into(), json!({ "text": label.message }));
                            }
                            location
                        })
                        .collect();
                    object.insert("relatedLocations".into(), Value::Array(related));
                }
            }
            results.push(result);
        }
    }
    let mut run = json!({
        "tool": { "driver": {
            "name": "runlint",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": crate::registry::PROJECT_URI,
            "rules": descriptors,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if let Some(object) = run.as_object_mut() {
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
        object.insert("invocations".into(), json!([invocation]));
    }
    if let (Some(base), Some(object)) = (&options.base, run.as_object_mut()) {
        object.insert("originalUriBaseIds".into(), json!({ SOURCE_ROOT: { "uri": uri(&base.root_path()) } }));
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run]
    })
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
fn artifact(name: &str, options: &RenderOptions) -> Value {
    match options.base.as_ref().and_then(|base| base.relative(name)) {
        Some(relative) => json!({ "uri": uri(&relative), "uriBaseId": SOURCE_ROOT }),
        None => json!({ "uri": uri(name) }),
    }
}

fn location(source: &Source, span: Span, logical_path: Option<&str>, options: &RenderOptions) -> Value {
    let start = source.position(span.start);
    let end = source.position(span.end);
    let mut location = json!({
        "physicalLocation": {
            "artifactLocation": artifact(source.name(), options),
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column.max(if end.line == start.line { start.column } else { 1 }),
                "byteOffset": span.start,
                "byteLength": span.end - span.start,
            }
        }
    });
    if let (Some(path), Some(object)) = (logical_path, location.as_object_mut()) {
        object.insert("logicalLocations".into(), json!([{ "fullyQualifiedName": path, "kind": "object" }]));
    }
    location
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

/// A fingerprint from the file, the rule and the logical location in the plan, so a
/// finding keeps its identity when lines move above it. Repeats get a counter.
pub(super) fn fingerprint(
    report: &FileReport,
    diagnostic: &Diagnostic,
    seen: &mut HashMap<String, usize>,
    options: &RenderOptions,
) -> String {
    let place = match &diagnostic.path {
        Some(path) => path.clone(),
        None => diagnostic.message.clone(),
    };
    // The file by its repository path when the run knows it, so the identity does not
    // depend on the folder runlint ran from.
    let file = options.base.as_ref().and_then(|base| base.relative(report.source.name()));
    let file = file.as_deref().unwrap_or(report.source.name());
    let key = format!("{file}\u{0}{}\u{0}{place}", diagnostic.rule.name);
    let count = seen.entry(key.clone()).or_insert(0);
    *count += 1;
    format!("{:016x}:{}", fnv1a(key.as_bytes()), count)
}

/// FNV-1a, a small stable hash: fingerprints must not change between runs or versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
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
