//! The lint run: collect the inputs, lint (and fix) them in parallel, and stream each
//! file's output in file order.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

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
    /// Write a suppression comment at each finding (`--add-suppressions`).
    pub add_suppressions: bool,
    /// The paths as given, to name in "no plans found".
    pub shown_paths: String,
    /// The paths given, resolved: `--fix` writes only under them.
    pub given: Vec<PathBuf>,
}

/// One place the findings go: a format, how it is rendered, and where it is written.
pub(super) struct Output<'o> {
    /// The format.
    pub format: Format,
    /// How it is rendered.
    pub options: RenderOptions,
    /// Where it is written.
    pub out: &'o mut dyn Write,
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
    /// Every linted file with its config, kept only for `--report`.
    pub reports: Vec<(LintedFile, Arc<Config>)>,
    /// Plans linted (walked files that are not plans do not count).
    pub plans: usize,
    /// Suppression comments written by `--add-suppressions`.
    pub suppressions_added: usize,
}

/// Lints the inputs (each under its config) in parallel, writing each file's findings to
/// every output as soon as the files before it are written: a file's text is dropped once
/// its output is rendered (unless `--report` needs it), so memory follows the largest
/// file, not the run. `path_errors` are the paths already found unreadable.
pub(super) fn lint_paths(
    settings: &LintSettings,
    inputs: &[(Input, Arc<Config>)],
    mut path_errors: Vec<PathProblem>,
    outputs: Vec<Output<'_>>,
) -> Run {
    let print_findings = settings.fix_mode != FixMode::Diff;
    let mut run = Run {
        written: Ok(()),
        totals: Counts::default(),
        path_errors: Vec::new(),
        tally: FixTally::default(),
        reports: Vec::new(),
        plans: 0,
        suppressions_added: 0,
    };
    let formats: Vec<(Format, RenderOptions)> =
        outputs.iter().map(|output| (output.format, output.options.clone())).collect();
    let mut streams = Vec::new();
    if print_findings {
        for output in outputs {
            match Stream::begin(output.format, output.options, output.out) {
                Ok(stream) => streams.push(stream),
                Err(error) => {
                    run.written = Err(error);
                    break;
                }
            }
        }
    }
    let lint = |(input, config): &(Input, Arc<Config>)| {
        lint_input(input, config, settings).map(|linted| {
            linted.map(|linted| {
                let report = linted.report;
                let parts: Vec<_> = if print_findings {
                    formats.iter().map(|(format, options)| render::stream::part(*format, &report, options)).collect()
                } else {
                    Vec::new()
                };
                let counts = parts.first().map_or_else(|| Counts::of(&report), |part| part.counts.clone());
                let kept = settings.keep_reports.then(|| (report, config.clone()));
                (parts, counts, kept, linted.tally, linted.suppressions_added)
            })
        })
    };
    crate::ordered::for_each_in_order(inputs, settings.threads, lint, |result| match result {
        Ok(Some((parts, counts, kept, tally, suppressions_added))) => {
            for (stream, part) in streams.iter_mut().zip(&parts) {
                if run.written.is_ok() {
                    run.written = stream.part(part);
                }
            }
            run.plans += 1;
            run.totals.add(&counts);
            run.tally.add(tally);
            run.reports.extend(kept);
            run.suppressions_added += suppressions_added;
        }
        Ok(None) => {}
        Err(error) => path_errors.push(error),
    });
    path_errors.sort_by(|a, b| a.path.cmp(&b.path));
    // Files named and skipped by `--plans-only` were asked to be skipped (a hook passes
    // every staged YAML file); a walk that finds no plan at all is a mistake.
    let named = inputs.iter().any(|(input, _)| matches!(input, Input::Named(_)));
    let no_plans = run.plans == 0 && path_errors.is_empty() && !named;
    if no_plans {
        path_errors.push(PathProblem { path: settings.shown_paths.clone(), message: NO_PLANS.to_owned() });
    }
    for (stream, (format, _)) in streams.into_iter().zip(&formats) {
        // With no plan found, a summary of nothing would only hide the mistake: the
        // formats people read say nothing, documents say why in their own terms.
        if run.written.is_err() || (no_plans && !format.is_document()) {
            continue;
        }
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

/// What a run that found no plan says.
pub(super) const NO_PLANS: &str = "no plans found: no YAML file here has a top-level `weeks:` key";

/// One linted plan and what was done to it.
struct Linted {
    report: LintedFile,
    tally: FixTally,
    suppressions_added: usize,
}

/// Reads and lints one input; `Ok(None)` for a walked file that is not a plan.
fn lint_input(input: &Input, config: &Config, settings: &LintSettings) -> Result<Option<Linted>, PathProblem> {
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
    let (source, diagnostics, suppressions_added) = match input {
        Input::Named(path) | Input::Walked(path) if settings.add_suppressions => {
            super::suppressing::add_suppressions(path, source, diagnostics, config)?
        }
        _ => (source, diagnostics, 0),
    };
    Ok(Some(Linted { report: LintedFile { source, diagnostics }, tally, suppressions_added }))
}

/// Writes the HTML report of the linted plans to `path`.
pub(super) fn write_report(path: &std::path::Path, reports: &[(LintedFile, Arc<Config>)]) -> io::Result<()> {
    let views: Vec<crate::report::PlanView> = reports
        .par_iter()
        .enumerate()
        .map(|(index, (report, config))| crate::report::plan_view(index, &report.source, &report.diagnostics, config))
        .collect();
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    crate::report::render(&views, crate::rules::registry(), &mut out)?;
    out.flush()
}
