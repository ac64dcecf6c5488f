//! `--format gitlab`: a GitLab Code Quality report, one issue per diagnostic.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, RenderOptions, sarif};
use crate::diagnostic::Severity;

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

/// Writes the report: a JSON array of issues.
pub fn render(reports: &[FileReport], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut issues = Vec::new();
    for report in reports {
        // GitLab matches issues to files by their path in the repository.
        let path = options.base.as_ref().and_then(|base| base.relative(report.source.name()));
        let path = path.as_deref().unwrap_or(report.source.name());
        let mut fingerprints = sarif::Fingerprinter::new(report, options);
        for diagnostic in &report.diagnostics {
            let (begin, end) =
                (report.source.line_of(diagnostic.span.start), report.source.line_of(diagnostic.span.end));
            issues.push(Issue {
                description: format!("{}: {}", diagnostic.rule.name, diagnostic.message),
                check_name: diagnostic.rule.name,
                // The logical place in the plan, so an issue keeps its identity when lines move.
                fingerprint: fingerprints.next(diagnostic),
                severity: severity(diagnostic.severity),
                location: Location { path: path.to_owned(), lines: Lines { begin, end: end.max(begin) } },
            });
        }
    }
    // A path that could not be checked is an issue too, so the merge request shows it.
    for (index, error) in options.run_errors.iter().enumerate() {
        let path =
            options.base.as_ref().and_then(|base| base.relative(&error.path)).unwrap_or_else(|| error.path.clone());
        issues.push(Issue {
            description: format!("runlint could not check this file: {}", error.message),
            check_name: "runlint-error",
            fingerprint: format!("run-error-{index}-{}", error.path),
            severity: "critical",
            location: Location { path, lines: Lines { begin: 1, end: 1 } },
        });
    }
    super::write_json(out, &issues)
}
