//! The lint run: collect the inputs, lint (and fix) them in parallel, and stream each
//! file's output in file order.

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;

use super::fixing::{FixMode, FixTally, fix_input};
use super::output::say;
use crate::config::Config;
use crate::diagnostic::PathProblem;
use crate::discover::{self, Input};
use crate::fix::Applicability;
use crate::render::stream::{Counts, Stream};
use crate::render::{self, Format, LintedFile, RenderOptions};
use crate::safe_text;
use crate::source::Source;

/// What a lint run is asked to do, from the command line.
#[derive(Debug, Clone)]
pub(super) struct LintSettings {
    /// Files and directories to lint (`-` is standard input).
    pub paths: Vec<PathBuf>,
    /// The name shown for standard input.
    pub stdin_filename: String,
    /// The output format.
    pub format: Format,
    /// Fix, diff or neither.
    pub fix_mode: FixMode,
    /// The least safe fixes applied.
    pub fix_level: Applicability,
    /// Skip named files that are not plans, as a walk does.
    pub plans_only: bool,
    /// Say which files were skipped.
    pub verbose: bool,
    /// Files linted at once.
    pub threads: usize,
    /// Keep every file's report for `--report`.
    pub keep_reports: bool,
    /// The paths given, resolved: `--fix` writes only under them.
    pub given: Vec<PathBuf>,
}

/// What a run found and did, once every file's output is written.
pub(super) struct Run {
    /// Whether writing the findings went well.
    pub written: io::Result<()>,
    /// The run's totals.
    pub totals: Counts,
    /// Paths that could not be checked, sorted.
    pub path_errors: Vec<PathProblem>,
    /// What fixing did.
    pub tally: FixTally,
    /// Every linted file, kept only for `--report`.
    pub reports: Vec<LintedFile>,
}

/// Collects inputs and lints them in parallel, writing each file's findings as soon as
/// the files before it are written: a file's text is dropped once its output is rendered
/// (unless `--report` needs it), so memory follows the largest file, not the run.
pub(super) fn lint_paths(
    settings: &LintSettings,
    config: &Config,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Run {
    let (mut inputs, mut path_errors) = discover::collect(&settings.paths, &settings.stdin_filename, &config.exclude);
    // Output is in file-name order, and files are linted in that order.
    inputs.sort_by_cached_key(Input::display_name);
    let print_findings = settings.fix_mode != FixMode::Diff;
    let mut run = Run {
        written: Ok(()),
        totals: Counts::default(),
        path_errors: Vec::new(),
        tally: FixTally::default(),
        reports: Vec::new(),
    };
    let mut stream = match print_findings.then(|| Stream::begin(settings.format, options.clone(), out)) {
        Some(Ok(stream)) => Some(stream),
        Some(Err(error)) => {
            run.written = Err(error);
            None
        }
        None => None,
    };
    let lint = |input: &Input| {
        lint_input(input, config, settings).map(|linted| {
            linted.map(|(report, tally)| {
                let part = print_findings.then(|| render::stream::part(settings.format, &report, options));
                let counts = part.as_ref().map_or_else(|| Counts::of(&report), |part| part.counts.clone());
                let kept = settings.keep_reports.then_some(report);
                (part, counts, kept, tally)
            })
        })
    };
    crate::ordered::for_each_in_order(&inputs, settings.threads, lint, |result| match result {
        Ok(Some((part, counts, kept, tally))) => {
            if let (Some(stream), Some(part)) = (stream.as_mut(), part.as_ref())
                && run.written.is_ok()
            {
                run.written = stream.part(part);
            }
            run.totals.add(&counts);
            run.tally.add(tally);
            run.reports.extend(kept);
        }
        Ok(None) => {}
        Err(error) => path_errors.push(error),
    });
    path_errors.sort_by(|a, b| a.path.cmp(&b.path));
    if let Some(stream) = stream
        && run.written.is_ok()
    {
        let run_errors = path_errors
            .iter()
            .chain(&run.tally.unwritten)
            .map(|error| PathProblem { path: error.path.clone(), message: error.message.clone() })
            .collect();
        run.written = stream.finish(run_errors);
    }
    run.tally.diffs.sort();
    run.path_errors = path_errors;
    run
}

/// Reads and lints one input; `Ok(None)` for a walked file that is not a plan.
fn lint_input(
    input: &Input,
    config: &Config,
    settings: &LintSettings,
) -> Result<Option<(LintedFile, FixTally)>, PathProblem> {
    let name = input.display_name();
    let read = match input {
        Input::Named(path) | Input::Walked(path) => discover::read_file(path),
        Input::Stdin(_) => discover::read_limited(io::stdin().lock()),
    };
    let bytes =
        read.map_err(|error| PathProblem { path: name.clone(), message: discover::describe_io_error(&error) })?;
    let judged_by_content =
        matches!(input, Input::Walked(_)) || (settings.plans_only && matches!(input, Input::Named(_)));
    if judged_by_content && !discover::looks_like_plan(&bytes) {
        if settings.verbose {
            say(format_args!(
                "runlint: skipped `{}`: no top-level `weeks:` line, so not a plan",
                safe_text::line(&name)
            ));
        }
        return Ok(None);
    }
    // Under `--fix` the report is of the fixed plan: what is left to do.
    let (tally, (bytes, known)) = match settings.fix_mode {
        FixMode::Off => (FixTally::default(), (bytes, None)),
        mode => fix_input(input, &name, bytes, config, (mode, settings.fix_level), &settings.given),
    };
    let (source, unreadable) = Source::from_bytes(name, bytes);
    let diagnostics = match (unreadable, known) {
        (Some(diagnostic), _) => vec![diagnostic],
        // The fixing linted this very text last: no need to lint it again.
        (None, Some(diagnostics)) => diagnostics,
        (None, None) => crate::lint_source(&source, config),
    };
    Ok(Some((LintedFile { source, diagnostics }, tally)))
}

/// Writes the HTML report of the linted plans to `path`.
pub(super) fn write_report(path: &std::path::Path, reports: &[LintedFile], config: &Config) -> io::Result<()> {
    let views: Vec<crate::report::PlanView> = reports
        .par_iter()
        .enumerate()
        .map(|(index, report)| crate::report::plan_view(index, &report.source, &report.diagnostics, config))
        .collect();
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    crate::report::render(&views, crate::rules::registry(), &mut out)?;
    out.flush()
}
