//! Output formats. Renderers know nothing about plans: only sources and diagnostics.

pub mod fold;
mod github;
mod human;
mod json;
mod junit;
mod sarif;
mod short;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::EnabledRule;
use crate::source::Source;

/// One linted file and its diagnostics, sorted by position.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file.
    pub source: Source,
    /// What was found.
    pub diagnostics: Vec<Diagnostic>,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Annotated source snippets.
    Human,
    /// One line per diagnostic: `path:line:column: severity[rule] message`.
    Short,
    /// One JSON object (the documented contract).
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one test suite per file, one failing test case per diagnostic.
    Junit,
}

/// Options that affect rendering.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
    /// Show every occurrence as its own entry instead of folding repeats (human, GitHub).
    pub show_all: bool,
    /// Print counts per rule instead of the findings (human).
    pub statistics: bool,
    /// What the run reports: enabled rules, then built-in diagnostics (SARIF lists them;
    /// `runlint::rules::enabled` builds the list from a config).
    pub rules: Vec<EnabledRule>,
}

/// Counts by severity over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Summary {
    /// Counts the diagnostics of every report.
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut summary = Summary { files: reports.len(), ..Summary::default() };
        for diagnostic in reports.iter().flat_map(|r| &r.diagnostics) {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// `3 errors, 5 warnings, 1 info in 4 files`
    pub fn line(&self) -> String {
        let files = plural(self.files, "file", "files");
        if self.errors + self.warnings + self.infos == 0 {
            return format!("no problems found in {files}");
        }
        format!(
            "{}, {}, {} in {files}",
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "info", "infos"),
        )
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Writes `reports` in `format`.
pub fn render(format: Format, reports: &[FileReport], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(reports, options, out),
        Format::Short => short::render(reports, options, out),
        Format::Json => json::render(reports, out),
        Format::Sarif => sarif::render(reports, options, out),
        Format::Github => github::render(reports, options, out),
        Format::Junit => junit::render(reports, out),
    }
}
