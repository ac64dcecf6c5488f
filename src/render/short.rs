//! `--format short`: `path:line:column: severity[rule] message`, one line each.

use std::io::{self, Write};

use super::{FileReport, RenderOptions, Summary};
use crate::safe_text;

/// Writes one line per diagnostic, then the summary unless quiet.
pub fn render(reports: &[FileReport], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        for diagnostic in &report.diagnostics {
            let start = report.source.position(diagnostic.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                safe_text::line(report.source.name()),
                start.line,
                start.column,
                diagnostic.severity,
                diagnostic.rule.name,
                safe_text::line(&diagnostic.message)
            )?;
        }
    }
    if !options.quiet {
        writeln!(out, "{}", Summary::of(reports).line())?;
    }
    Ok(())
}
