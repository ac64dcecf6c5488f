//! Output file by file. Each file's part is rendered where the file was linted (on a
//! worker thread, right after the lint, so its text can be dropped), and the parts are
//! written in file order between what comes before and after them, by the format's
//! [`Emitter`]. The output is the same byte for byte as rendering the whole run at once:
//! `render` goes through here too.

use std::io::{self, Write};

use super::emit::{Body, Emitter, Sink};
use super::{Format, LintedFile, PathProblem, RenderOptions, Summary};
use crate::diagnostic::Severity;
use crate::fix::Applicability;

/// One file's output, and what the run needs to know of it once its text is gone.
#[derive(Debug)]
pub struct Part {
    /// Counts for the summary, the exit code and `--fix`'s report.
    pub counts: Counts,
    /// The rendered output.
    pub(super) body: Body,
}

/// What one file contributes to the run's totals.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Diagnostics by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Entries shown by the human format (repeats folded).
    pub entries: usize,
    /// Files with at least one diagnostic (1 or 0 for one file).
    pub files_with_findings: usize,
    /// Fixes left that only `--unsafe-fixes` applies.
    pub unsafe_fixes: usize,
    /// The most serious diagnostic, if any.
    pub worst: Option<Severity>,
    /// How often each rule fired at each severity, in order of first occurrence.
    pub(super) by_rule: Vec<(&'static str, Severity, usize)>,
}

impl Counts {
    /// The counts of one file's diagnostics.
    pub fn of(report: &LintedFile) -> Counts {
        let mut counts =
            Counts { files_with_findings: usize::from(!report.diagnostics.is_empty()), ..Counts::default() };
        for diagnostic in &report.diagnostics {
            match diagnostic.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
            counts.worst = counts.worst.max(Some(diagnostic.severity));
            let fix = diagnostic.fix.as_ref();
            counts.unsafe_fixes += usize::from(fix.is_some_and(|fix| fix.applicability == Applicability::Unsafe));
            counts.count_rule(diagnostic.rule.name, diagnostic.severity, 1);
        }
        counts
    }

    /// Every diagnostic of the file.
    pub fn diagnostics(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// The diagnostics at or above `level`.
    pub fn failing(&self, level: Severity) -> usize {
        match level {
            Severity::Error => self.errors,
            Severity::Warning => self.errors + self.warnings,
            Severity::Info => self.diagnostics(),
        }
    }

    /// Adds another file's counts.
    pub fn add(&mut self, other: &Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.entries += other.entries;
        self.files_with_findings += other.files_with_findings;
        self.unsafe_fixes += other.unsafe_fixes;
        self.worst = self.worst.max(other.worst);
        for &(name, severity, count) in &other.by_rule {
            self.count_rule(name, severity, count);
        }
    }

    /// Adds `count` findings of a rule at a severity, keeping the order of first occurrence.
    fn count_rule(&mut self, name: &'static str, severity: Severity, count: usize) {
        match self.by_rule.iter_mut().find(|(n, s, _)| (*n, *s) == (name, severity)) {
            Some((_, _, total)) => *total += count,
            None => self.by_rule.push((name, severity, count)),
        }
    }
}

/// Renders one file's part.
pub fn part(format: Format, report: &LintedFile, options: &RenderOptions) -> Part {
    let mut counts = Counts::of(report);
    let body = format.emitter().part(report, options, &mut counts);
    Part { counts, body }
}

/// Writes parts in file order: what comes before them at once, what comes after them (the
/// summary, the run's errors) at the end.
pub struct Stream<'o> {
    emitter: &'static dyn Emitter,
    sink: Sink<'o>,
}

impl<'o> Stream<'o> {
    /// Starts the output.
    pub fn begin(format: Format, options: RenderOptions, out: &'o mut dyn Write) -> io::Result<Stream<'o>> {
        let emitter = format.emitter();
        let mut sink = Sink {
            out,
            options,
            totals: Counts::default(),
            files: 0,
            items: 0,
            held: Vec::new(),
            item_indent: emitter.item_indent(),
        };
        emitter.begin(&mut sink)?;
        Ok(Stream { emitter, sink })
    }

    /// Writes the next file's part.
    pub fn part(&mut self, part: &Part) -> io::Result<()> {
        self.sink.files += 1;
        self.sink.totals.add(&part.counts);
        self.emitter.write_part(&part.body, &mut self.sink)
    }

    /// Writes what comes after the parts; `run_errors` are the paths the run could not check.
    pub fn finish(mut self, run_errors: Vec<PathProblem>) -> io::Result<()> {
        self.sink.options.run_errors = run_errors;
        let totals = &self.sink.totals;
        let summary =
            Summary { files: self.sink.files, errors: totals.errors, warnings: totals.warnings, infos: totals.infos };
        self.emitter.finish(&mut self.sink, &summary)
    }
}
