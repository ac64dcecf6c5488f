//! `--format short`: `path:line:column: severity[rule] message`, one line each.

use std::io::{self, Write};

use super::emit::{Body, Emitter, Sink};
use super::stream::Counts;
use super::{LintedFile, RenderOptions, Summary};
use crate::safe_text;

/// `--format short`.
pub(super) struct Short;

impl Emitter for Short {
    fn part(&self, report: &LintedFile, _: &RenderOptions, _: &mut Counts) -> Body {
        Body::Text(part(report))
    }

    fn finish(&self, sink: &mut Sink<'_>, summary: &Summary) -> io::Result<()> {
        if !sink.options.quiet {
            writeln!(sink.out, "{}", summary.line())?;
        }
        Ok(())
    }
}

/// One line per diagnostic of one file.
fn part(report: &LintedFile) -> Vec<u8> {
    let mut out = Vec::new();
    let name = safe_text::line(report.source.name());
    for diagnostic in &report.diagnostics {
        let start = report.source.position(diagnostic.span.start);
        // Writing into memory cannot fail.
        let _ = writeln!(
            out,
            "{name}:{}:{}: {}[{}] {}",
            start.line,
            start.column,
            diagnostic.severity,
            diagnostic.rule.name,
            safe_text::line(&diagnostic.message)
        );
    }
    out
}
