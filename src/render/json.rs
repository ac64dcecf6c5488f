//! `--format json`: one object with every diagnostic and a summary. Field names are a contract.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::{FileReport, RenderOptions, Summary, fold};
use crate::diagnostic::Span;
use crate::source::Source;

/// The version of the JSON contract.
pub const JSON_VERSION: u32 = 1;

/// Writes the JSON object followed by a newline.
pub fn render(reports: &[FileReport], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut value = to_value(reports);
    if let Some(object) = value.as_object_mut().filter(|_| !options.run_errors.is_empty()) {
        let errors: Vec<Value> =
            options.run_errors.iter().map(|error| json!({ "path": error.path, "message": error.message })).collect();
        object.insert("errors".into(), Value::Array(errors));
    }
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// The JSON document for `reports`.
pub fn to_value(reports: &[FileReport]) -> Value {
    let mut diagnostics = Vec::new();
    for report in reports {
        let offset = diagnostics.len();
        for (diagnostic, into) in report.diagnostics.iter().zip(fold::folded_into(&report.diagnostics)) {
            let mut object = Map::new();
            object.insert("file".into(), json!(report.source.name()));
            object.insert("rule".into(), json!(diagnostic.rule.name));
            object.insert("severity".into(), json!(diagnostic.severity));
            object.insert("message".into(), json!(diagnostic.message));
            if let Some(help) = &diagnostic.help {
                object.insert("help".into(), json!(help));
            }
            if let Some(week) = diagnostic.week {
                object.insert("week".into(), json!(week));
            }
            if let Some(day) = diagnostic.day {
                object.insert("day".into(), json!(day));
            }
            if let Some(path) = &diagnostic.path {
                object.insert("path".into(), json!(path));
            }
            object.insert("range".into(), range(&report.source, diagnostic.span));
            let labels: Vec<Value> = diagnostic
                .labels
                .iter()
                .map(|label| json!({ "message": label.message, "range": range(&report.source, label.span) }))
                .collect();
            object.insert("labels".into(), Value::Array(labels));
            if let Some(fix) = &diagnostic.fix {
                let edits: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|edit| json!({ "range": range(&report.source, edit.span), "text": edit.text }))
                    .collect();
                object.insert(
                    "fix".into(),
                    json!({ "message": fix.message, "applicability": fix.applicability, "edits": edits }),
                );
            }
            if let Some(first) = into {
                object.insert("folded_into".into(), json!(offset + first));
            }
            diagnostics.push(Value::Object(object));
        }
    }
    let summary = Summary::of(reports);
    json!({
        "version": JSON_VERSION,
        "diagnostics": diagnostics,
        "summary": {
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        }
    })
}

fn range(source: &Source, span: Span) -> Value {
    let position = |offset| {
        let p = source.position(offset);
        json!({ "line": p.line, "column": p.column, "offset": p.offset })
    };
    json!({ "start": position(span.start), "end": position(span.end) })
}
