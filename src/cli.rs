//! The command line: arguments, the lint run, and exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, ValueEnum};
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::Severity;
use crate::discover::{self, Input, PathError};
use crate::fix::Applicability;
use crate::render::stream::{Counts, Stream};
use crate::render::{self, FileReport, Format, RenderOptions, RunProblem};
use crate::rules::RULES;
use crate::safe_text;
use crate::source::Source;

/// Lints the strength training in running plans written in YAML.
#[derive(Debug, Parser)]
#[command(name = "runlint", version, about, max_term_width = 100, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Something other than linting.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Plan files or directories to lint (`-` reads standard input); default `.`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    pub fail_level: FailLevel,

    /// When to colour human output (`NO_COLOR` also turns colour off).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Leave out the summary line.
    #[arg(long, short)]
    pub quiet: bool,

    /// Show every occurrence of a problem on its own (human and github formats fold the
    /// findings of one rule in one file into one entry).
    #[arg(long)]
    pub show_all: bool,

    /// Print how often each rule fired instead of the findings (human format).
    #[arg(long)]
    pub statistics: bool,

    /// The name to show for a plan read from standard input.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,

    /// Read this config file instead of looking for `runlint.toml` / `.runlint.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore config files: defaults only.
    #[arg(long)]
    pub no_config: bool,

    /// Number of files linted in parallel (default and maximum: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Apply the safe fixes (misspelt keys and exercise names) to the plan files, then
    /// report what is left. Standard input is fixed onto standard output.
    #[arg(long)]
    pub fix: bool,

    /// With `--fix` or `--diff`, also apply the unsafe fixes (those that change what the
    /// plan prescribes: an added calf raise, fewer sets in the first weeks).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of what `--fix` would change, and write nothing (exit 1 when
    /// there is a diff).
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// Also write a week-grid report of the plans and their findings as one
    /// self-contained HTML file (never a plan file).
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,

    /// Skip named YAML files that have no top-level `weeks:` key, as a directory walk
    /// does (for hooks that pass every staged YAML file).
    #[arg(long)]
    pub plans_only: bool,

    /// Say which files were skipped while walking directories.
    #[arg(long, short)]
    pub verbose: bool,

    /// Print a rule's documentation and exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,

    /// List every rule and exit.
    #[arg(long)]
    pub list_rules: bool,

    /// Print the JSON Schema of the plan format (for editors) and exit.
    #[arg(long)]
    pub print_schema: bool,
}

/// Commands other than linting (a directory named like one is linted as `./server`).
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Run the language server on standard input and output, for editors.
    Server,
}

/// The lowest severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailLevel {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Everything.
    Info,
}

impl FailLevel {
    fn severity(self) -> Severity {
        match self {
            FailLevel::Error => Severity::Error,
            FailLevel::Warning => Severity::Warning,
            FailLevel::Info => Severity::Info,
        }
    }
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Exit code: nothing at or above the fail level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: at least one diagnostic at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the run itself failed.
pub const EXIT_FAILURE: u8 = 2;

/// A problem with the run itself (not with a plan), shown with miette.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum RunError {
    /// A path could not be read.
    #[error("cannot read `{path}`: {message}")]
    #[diagnostic(code(runlint::path))]
    Path {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// The config file could not be read.
    #[error("cannot read the config file `{path}`: {message}")]
    #[diagnostic(code(runlint::config))]
    Config {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// `--explain` named no rule.
    #[error("unknown rule `{name}`")]
    #[diagnostic(code(runlint::unknown_rule), help("{help}"))]
    UnknownRule {
        /// What was asked for.
        name: String,
        /// Suggestion.
        help: String,
    },
}

/// Runs runlint with parsed arguments and returns the process exit code.
pub fn run(args: Args) -> ExitCode {
    if let Some(Command::Server) = args.command {
        return ExitCode::from(crate::server::run_stdio());
    }
    let color = use_color(args.color);
    install_error_hook(color);
    if args.list_rules {
        return finish(print_rule_list());
    }
    if args.print_schema {
        let schema = serde_json::to_string_pretty(&crate::plan::schema::plan_schema()).unwrap_or_default();
        return finish(writeln!(io::stdout().lock(), "{schema}"));
    }
    if let Some(name) = &args.explain {
        return explain(name);
    }
    let config = match load_config(&args) {
        Ok(config) => config,
        Err(problems) => {
            // Machine formats still print a document, saying what went wrong in their terms.
            if matches!(args.format, Format::Json | Format::Sarif | Format::Junit | Format::Gitlab) {
                let options = RenderOptions { run_errors: problems, ..RenderOptions::default() };
                let mut stdout = io::stdout().lock();
                let _ = render::render(args.format, &[], &options, &mut stdout).and_then(|()| stdout.flush());
            }
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let options = RenderOptions {
        color,
        quiet: args.quiet,
        show_all: args.show_all,
        statistics: args.statistics,
        rules: config.enabled_rules(),
        base: std::env::current_dir().ok().map(render::SourceBase::discover),
        run_errors: Vec::new(),
    };
    // Buffered: the formats write many small pieces, and a locked stdout flushes per line.
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    // `--fix` on standard input prints the fixed plan instead of the findings, if the plan
    // could be fixed at all: the findings wait in memory until that is known.
    let fixing_stdin = args.fix && args.paths.iter().any(|path| path.as_os_str() == "-");
    let mut held = Vec::new();
    let out: &mut dyn Write = if fixing_stdin { &mut held } else { &mut stdout };
    let run = lint_paths(&args, &config, &options, out);
    for error in &run.path_errors {
        let path = safe_text::line(&error.path).into_owned();
        let message = safe_text::line(&error.message).into_owned();
        report_run_error(RunError::Path { path, message });
    }
    let written = if args.diff {
        // `--diff` prints the diffs instead of the findings, and writes nothing.
        let diffs: String = run.tally.diffs.iter().map(|(_, diff)| diff.as_str()).collect();
        write!(stdout, "{diffs}").and_then(|()| stdout.flush())
    } else if let Some(fixed) = &run.tally.stdin {
        // `--fix` on standard input: the fixed plan goes to standard output.
        write!(stdout, "{fixed}").and_then(|()| stdout.flush())
    } else {
        run.written.and_then(|()| stdout.write_all(&held)).and_then(|()| stdout.flush())
    };
    if (args.fix || args.diff) && !args.quiet {
        say(format_args!("{}", fix_summary(&args, &run.tally, run.totals.unsafe_fixes)));
    }
    // A closed pipe (`runlint plans | head`) ends the output quietly; the exit code still
    // says what was found.
    if let Err(error) = written
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        say(format_args!("runlint: cannot write output: {error}"));
        return ExitCode::from(EXIT_FAILURE);
    }
    if let Some(path) = &args.report
        && let Err(error) = write_report(path, &run.reports, &config)
    {
        say(format_args!(
            "runlint: cannot write the report `{}`: {error}",
            safe_text::line(&path.display().to_string())
        ));
        return ExitCode::from(EXIT_FAILURE);
    }
    let run_failed = !run.path_errors.is_empty() || STDERR_FAILED.load(Ordering::Relaxed);
    if args.diff {
        let code = match (run_failed, run.tally.diffs.is_empty()) {
            (true, _) => EXIT_FAILURE,
            (false, true) => EXIT_CLEAN,
            (false, false) => EXIT_FINDINGS,
        };
        return ExitCode::from(code);
    }
    let failed = run.totals.worst.is_some_and(|worst| worst >= args.fail_level.severity());
    ExitCode::from(match (run_failed, failed) {
        (true, _) => EXIT_FAILURE,
        (false, true) => EXIT_FINDINGS,
        (false, false) => EXIT_CLEAN,
    })
}

/// What a run found and did, once every file's output is written.
struct Run {
    /// Whether writing the findings went well.
    written: io::Result<()>,
    /// The run's totals.
    totals: Counts,
    /// Paths that could not be checked, sorted.
    path_errors: Vec<PathError>,
    /// What fixing did.
    tally: FixTally,
    /// Every linted file, kept only for `--report`.
    reports: Vec<FileReport>,
}

/// Collects inputs and lints them in parallel, writing each file's findings as soon as
/// the files before it are written: a file's text is dropped once its output is rendered
/// (unless `--report` needs it), so memory follows the largest file, not the run.
fn lint_paths(args: &Args, config: &Config, options: &RenderOptions, out: &mut dyn Write) -> Run {
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let (mut inputs, mut path_errors) = discover::collect(&paths, &args.stdin_filename, &config.exclude);
    // Output is in file-name order, and files are linted in that order.
    inputs.sort_by_cached_key(Input::display_name);
    let print_findings = !args.diff;
    // More threads than cores only costs: each needs a stack, and 100,000 exhaust memory.
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = args.threads.map_or(cores, |asked| asked.clamp(1, cores));
    let mut run = Run {
        written: Ok(()),
        totals: Counts::default(),
        path_errors: Vec::new(),
        tally: FixTally::default(),
        reports: Vec::new(),
    };
    let mut stream = match print_findings.then(|| Stream::begin(args.format, options.clone(), out)) {
        Some(Ok(stream)) => Some(stream),
        Some(Err(error)) => {
            run.written = Err(error);
            None
        }
        None => None,
    };
    let lint = |input: &Input| {
        lint_input(input, config, args).map(|linted| {
            linted.map(|(report, tally)| {
                let part = print_findings.then(|| render::stream::part(args.format, &report, options));
                let counts = part.as_ref().map_or_else(|| Counts::of(&report), |part| part.counts.clone());
                let kept = args.report.is_some().then_some(report);
                (part, counts, kept, tally)
            })
        })
    };
    crate::ordered::for_each_in_order(&inputs, threads, lint, |result| match result {
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
            .map(|error| RunProblem { path: error.path.clone(), message: error.message.clone() })
            .collect();
        run.written = stream.finish(run_errors);
    }
    run.tally.diffs.sort();
    run.path_errors = path_errors;
    run
}

/// What fixing did across the run.
#[derive(Debug, Default)]
struct FixTally {
    /// Fixes applied (or, with `--diff`, that would be).
    applied: usize,
    /// Fixes rolled back because they would break a plan.
    rolled_back: usize,
    /// Unified diffs by file name (`--diff`).
    diffs: Vec<(String, String)>,
    /// The fixed plan read from standard input (`--fix` with `-`).
    stdin: Option<String>,
}

impl FixTally {
    fn add(&mut self, other: FixTally) {
        self.applied += other.applied;
        self.rolled_back += other.rolled_back;
        self.diffs.extend(other.diffs);
        self.stdin = self.stdin.take().or(other.stdin);
    }
}

/// Fixes a plan's text as `--fix` or `--diff` ask; writes the file under `--fix`.
/// The plan's text after fixing (as read when nothing changed or under `--diff`), with
/// its findings when the fixing already has them.
type Fixed = (Vec<u8>, Option<Vec<crate::diagnostic::Diagnostic>>);

/// Returns what was done and the plan after it.
fn fix_input(
    input: &Input,
    name: &str,
    bytes: Vec<u8>,
    config: &Config,
    args: &Args,
) -> Result<(FixTally, Fixed), PathError> {
    let mut tally = FixTally::default();
    let Ok(text) = std::str::from_utf8(&bytes) else { return Ok((tally, (bytes, None))) };
    let level = if args.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe };
    let outcome = crate::lint_fix(name, text, config, level);
    tally.applied = outcome.applied;
    tally.rolled_back = outcome.rolled_back;
    if args.fix && matches!(input, Input::Stdin(_)) {
        // Standard input fixed goes to standard output, changed or not: it is the plan.
        tally.stdin = Some(outcome.text.clone());
    }
    if outcome.text == text {
        return Ok((tally, (bytes, Some(outcome.diagnostics))));
    }
    match input {
        _ if args.diff => {
            tally.diffs.push((name.to_owned(), crate::fix::unified_diff(name, text, &outcome.text)));
            return Ok((tally, (bytes, None)));
        }
        Input::Stdin(_) => {}
        Input::Named(path) | Input::Walked(path) => crate::fix::write_atomically(path, &bytes, &outcome.text)
            .map_err(|error| PathError { path: name.to_owned(), message: format!("not fixed: {error}") })?,
    }
    Ok((tally, (outcome.text.into_bytes(), Some(outcome.diagnostics))))
}

/// Reads and lints one input; `Ok(None)` for a walked file that is not a plan.
fn lint_input(input: &Input, config: &Config, args: &Args) -> Result<Option<(FileReport, FixTally)>, PathError> {
    let name = input.display_name();
    let read = match input {
        Input::Named(path) | Input::Walked(path) => discover::read_file(path),
        Input::Stdin(_) => discover::read_limited(io::stdin().lock()),
    };
    let bytes = read.map_err(|error| PathError { path: name.clone(), message: discover::describe_io_error(&error) })?;
    let judged_by_content = matches!(input, Input::Walked(_)) || (args.plans_only && matches!(input, Input::Named(_)));
    if judged_by_content && !discover::looks_like_plan(&bytes) {
        if args.verbose {
            say(format_args!(
                "runlint: skipped `{}`: no top-level `weeks:` line, so not a plan",
                safe_text::line(&name)
            ));
        }
        return Ok(None);
    }
    // Under `--fix` the report is of the fixed plan: what is left to do.
    let (tally, (bytes, known)) = if args.fix || args.diff {
        fix_input(input, &name, bytes, config, args)?
    } else {
        (FixTally::default(), (bytes, None))
    };
    let (source, unreadable) = Source::from_bytes(name, bytes);
    let diagnostics = match (unreadable, known) {
        (Some(diagnostic), _) => vec![diagnostic],
        // The fixing linted this very text last: no need to lint it again.
        (None, Some(diagnostics)) => diagnostics,
        (None, None) => crate::lint_source(&source, config),
    };
    Ok(Some((FileReport { source, diagnostics }, tally)))
}

/// Writes the HTML report of the linted plans to `path`.
fn write_report(path: &std::path::Path, reports: &[FileReport], config: &Config) -> io::Result<()> {
    let views: Vec<crate::report::PlanView> = reports
        .par_iter()
        .enumerate()
        .map(|(index, report)| crate::report::plan_view(index, &report.source, &report.diagnostics, config))
        .collect();
    let mut out = io::BufWriter::new(std::fs::File::create(path)?);
    crate::report::render(&views, crate::rules::registry(), &mut out)?;
    out.flush()
}

/// `3 fixes applied (2 more with --unsafe-fixes)`, or with `--diff`, `would apply`.
fn fix_summary(args: &Args, tally: &FixTally, unsafe_left: usize) -> String {
    let plural = |count: usize| if count == 1 { "fix" } else { "fixes" };
    let verb = if args.diff { "would be applied" } else { "applied" };
    let mut line = format!("runlint: {} {} {verb}", tally.applied, plural(tally.applied));
    if !args.unsafe_fixes && unsafe_left > 0 && !args.diff {
        line.push_str(&format!(" ({unsafe_left} more with `--unsafe-fixes`)"));
    }
    if tally.rolled_back > 0 {
        line.push_str(&format!("; {} not applied because they would break the plan", tally.rolled_back));
    }
    line
}

/// The run's configuration, or what is wrong with it (already shown on standard error).
fn load_config(args: &Args) -> Result<Config, Vec<RunProblem>> {
    if args.no_config {
        if args.verbose {
            say(format_args!("runlint: config: none (--no-config)"));
        }
        return Ok(Config::default());
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let path = match &args.config {
        Some(path) => path.clone(),
        None => match crate::config::find(&cwd) {
            Some(path) => path,
            None => {
                if args.verbose {
                    say(format_args!("runlint: config: none found up to the repository root; defaults apply"));
                }
                return Ok(Config::default());
            }
        },
    };
    let name = discover::display_path(path.strip_prefix(&cwd).unwrap_or(&path));
    if args.verbose {
        say(format_args!("runlint: config: {}", safe_text::line(&name)));
    }
    let text = match discover::read_config_file(&path) {
        Ok(text) => text,
        Err(error) => {
            let message = discover::describe_io_error(&error);
            let path = safe_text::line(&name).into_owned();
            report_run_error(RunError::Config { path, message: message.clone() });
            return Err(vec![RunProblem { path: name, message }]);
        }
    };
    let base = path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from);
    crate::config::parse(&name, &text, &base).map_err(|errors| {
        let source = Source::new(name.clone(), text.clone());
        errors
            .into_iter()
            .map(|error| {
                let at = source.position(error.range().start);
                let problem = RunProblem {
                    path: name.clone(),
                    message: format!("{}:{}: {}", at.line, at.column, error.message()),
                };
                say(format_args!("{:?}", miette::Report::new(error)));
                problem
            })
            .collect()
    })
}

fn explain(name: &str) -> ExitCode {
    match crate::rules::find_rule(name) {
        Some(rule) => finish(writeln!(io::stdout().lock(), "{}", rule.meta.doc.trim_end())),
        None => {
            let names = RULES.iter().map(|rule| rule.meta.name);
            let help = match crate::suggest::did_you_mean(name, names) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => "`runlint --list-rules` lists every rule".to_owned(),
            };
            report_run_error(RunError::UnknownRule { name: safe_text::line(name).into_owned(), help });
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn print_rule_list() -> io::Result<()> {
    let mut out = io::stdout().lock();
    let width = RULES.iter().map(|rule| rule.meta.name.len()).max().unwrap_or(0);
    writeln!(out, "{:<width$}  {:<11}  {:<8}  summary", "rule", "category", "default")?;
    for meta in RULES.iter().map(|rule| &rule.meta) {
        let severity = meta.default_severity.map_or("off", Severity::as_str);
        let category = meta.category.map_or("", |category| category.as_str());
        writeln!(out, "{:<width$}  {:<11}  {:<8}  {}", meta.name, category, severity, meta.summary)?;
    }
    Ok(())
}

/// Exit code for a command that only prints: quiet on a closed pipe.
fn finish(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLEAN),
        Err(error) => {
            say(format_args!("runlint: cannot write output: {error}"));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn report_run_error(error: RunError) {
    say(format_args!("{:?}", miette::Report::new(error)));
}

/// Set when standard error could not be written: the run then ends with exit code 2.
static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes a line to standard error; a full or closed stderr is remembered, never a panic.
fn say(text: std::fmt::Arguments<'_>) {
    if writeln!(io::stderr().lock(), "{text}").is_err() {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal(),
    }
}

fn install_error_hook(color: bool) {
    let _ = miette::set_hook(Box::new(move |_| {
        let theme = if color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
        Box::new(miette::GraphicalReportHandler::new_themed(theme))
    }));
}
