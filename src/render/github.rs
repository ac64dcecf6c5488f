//! `--format github`: GitHub Actions workflow commands, one annotation per entry (repeats
//! folded as in human output: GitHub shows only ten warning annotations per step).

use std::io::{self, Write};

use super::emit::{Body, Emitter, Sink};
use super::stream::Counts;
use super::{LintedFile, RenderOptions, Summary, fold};
use crate::diagnostic::Severity;

/// `--format github`.
pub(super) struct Github;

impl Emitter for Github {
    fn part(&self, report: &LintedFile, options: &RenderOptions, _: &mut Counts) -> Body {
        Body::Text(part(report, options))
    }

    fn finish(&self, _: &mut Sink<'_>, _: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// One file's `::error file=...,line=...::message` lines.
fn part(report: &LintedFile, options: &RenderOptions) -> Vec<u8> {
    let mut out = Vec::new();
    let file = escape_property(&crate::safe_text::line(report.source.name()));
    for entry in &fold::entries_for(&report.diagnostics, options.show_all) {
        let diagnostic = entry.first;
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let start = report.source.position(diagnostic.span.start);
        let end = report.source.position(diagnostic.span.end);
        // Plan text is escaped like everywhere else before the workflow-command escaping.
        let mut message = crate::safe_text::line(&diagnostic.message).into_owned();
        if let Some(help) = &diagnostic.help {
            message.push_str("\nhelp: ");
            message.push_str(&crate::safe_text::line(help));
        }
        if let Some(others) = fold::others_note(&report.source, entry) {
            message.push('\n');
            message.push_str(&others);
        }
        // Writing into memory cannot fail.
        let _ = writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(diagnostic.rule.name),
            escape_data(&message)
        );
    }
    out
}

/// Escapes a command's message: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property: the message escapes plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_workflow_command_syntax_requires() {
        assert_eq!(escape_data("50% of max: 3x5,\nthen\r"), "50%25 of max: 3x5,%0Athen%0D");
        assert_eq!(escape_property("plans/a:b,c%.yaml"), "plans/a%3Ab%2Cc%25.yaml");
    }
}
