//! `--format short`: `path:line:column: severity[rule] message`, one line each.

use std::io::{self, Write};

use super::{FileReport, RenderOptions, Summary};
use crate::safe_text;

/// One line per diagnostic of one file.
pub(super) fn part(report: &FileReport) -> Vec<u8> {
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

/// The summary unless quiet.
pub(super) fn finish(summary: &Summary, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    if !options.quiet {
        writeln!(out, "{}", summary.line())?;
    }
    Ok(())
}
