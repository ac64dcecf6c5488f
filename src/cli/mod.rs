//! The command line: one file per command.
//!
//! - [`args`]: what clap reads.
//! - [`lint`]: the lint run (the default command), with [`fixing`] for `--fix`/`--diff`
//!   and the config it runs under from [`config`].
//!   and the configs it runs under from [`config`]; [`suppressing`] for `--add-suppressions`.
//! - [`explain`]: commands that only print (`--explain`, `--list-rules`, `--print-schema`),
//!   with [`settings`] for `--show-settings`.
//! - [`init`], [`exercises`], [`generate`]: `runlint init`, `runlint exercises`, and the
//!   completions and man page made from the argument definitions.
//! - [`output`]: what is said about the run itself on standard error.
//!
//! `runlint server` hands over to [`crate::server`].

mod args;
mod config;
mod exercises;
mod explain;
mod fixing;
mod generate;
mod init;
mod lint;
mod output;
mod report_path;
mod settings;
mod suppressing;
mod terminal_text;

pub use args::{Args, ColorChoice, Command, FailLevel, FormatChoice};
pub use fixing::FixMode;
pub use output::RunError;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use config::{ConfigSource, Configs, RuleOverrides};
use lint::{LintSettings, Output};
use output::{STDERR_FAILED, color_errors, finish, report_run_error, say, use_color};

use crate::discover::{self, Input};
use crate::render::{self, Format, RenderOptions};
use crate::safe_text;

/// Exit code: nothing at or above the fail level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: at least one diagnostic at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the run itself failed.
pub const EXIT_FAILURE: u8 = 2;

/// Runs runlint with parsed arguments and returns the process exit code.
pub fn run(args: Args) -> ExitCode {
    let color = use_color(args.color, io::stdout().is_terminal());
    color_errors(use_color(args.color, io::stderr().is_terminal()));
    match &args.command {
        Some(Command::Server) => return ExitCode::from(crate::server::run_stdio()),
        Some(Command::Init { dir }) => return init::init(dir),
        Some(Command::Completions { shell }) => return finish(generate::completions(*shell)),
        Some(Command::Man) => return finish(generate::man_page()),
        Some(Command::Exercises { .. }) | None => {}
    }
    if args.list_rules {
        return finish(explain::print_rule_list());
    }
    if args.print_schema {
        return explain::print_schema();
    }
    if let Some(name) = &args.explain {
        return explain::explain(name);
    }
    let overrides = match RuleOverrides::parse(&args.select, &args.ignore) {
        Ok(overrides) => overrides,
        Err(message) => {
            report_run_error(RunError::Argument { message });
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    if args.add_suppressions && args.paths.iter().any(|path| path.as_os_str() == "-") {
        let message = "`--add-suppressions` writes to plan files, not standard input: name the file".to_owned();
        report_run_error(RunError::Argument { message });
        return ExitCode::from(EXIT_FAILURE);
    }
    let mut configs = Configs::new(config_source(&args), overrides, args.verbose);
    if let Some(file) = &args.show_settings {
        return settings::show(file, &mut configs);
    }
    if let Some(Command::Exercises { filter }) = &args.command {
        // The catalogue as this directory's config extends it.
        let Some(config) = configs.for_working_directory() else { return ExitCode::from(EXIT_FAILURE) };
        return finish(exercises::print(&config.catalog, filter.as_deref()));
    }
    lint_command(&args, color, configs)
}

/// Where the configs come from: `--no-config`, `--config FILE`, else the nearest.
fn config_source(args: &Args) -> ConfigSource {
    match (&args.config, args.no_config) {
        (_, true) => ConfigSource::Defaults,
        (Some(path), false) => ConfigSource::File(path.clone()),
        (None, false) => ConfigSource::Nearest,
    }
}

/// A run that failed before linting (a config with mistakes): machine formats still get
/// a document, in the output file if there is one, saying what went wrong in their terms.
fn failed_before_linting(
    format: Format,
    problems: Vec<render::PathProblem>,
    output_file: Option<&mut io::BufWriter<std::fs::File>>,
    stdout: &mut dyn Write,
) -> ExitCode {
    let out: &mut dyn Write = match output_file {
        Some(file) => file,
        None => stdout,
    };
    if format.is_document() {
        let options = RenderOptions { run_errors: problems, ..RenderOptions::default() };
        let _ = render::render(format, &[], &options, out).and_then(|()| out.flush());
    }
    ExitCode::from(EXIT_FAILURE)
}

/// The number of files linted at once: as asked, at least one and at most one per core
/// (more threads than cores only cost: each needs a stack, and 100,000 exhaust memory).
fn thread_count(asked: Option<usize>, cores: usize) -> usize {
    asked.map_or(cores, |asked| asked.clamp(1, cores.max(1)))
}

/// The default command: lint (and fix) the paths, print the findings, write the report.
fn lint_command(args: &Args, color: bool, mut configs: Configs) -> ExitCode {
    let in_actions = args::in_github_actions();
    let format = args.format.resolve(in_actions);
    // With `--output-file` the format goes to the file and the terminal gets the
    // findings in the terminal's own format.
    let terminal_format =
        if args.output_file.is_some() { args::FormatChoice::AUTO.resolve(in_actions) } else { format };
    let mut output_file = match &args.output_file {
        None => None,
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Some(io::BufWriter::new(file)),
            Err(error) => {
                let path = safe_text::line(&path.display().to_string()).into_owned();
                report_run_error(RunError::Output { path, message: discover::describe_io_error(&error) });
                return ExitCode::from(EXIT_FAILURE);
            }
        },
    };
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let Some(base_config) = configs.for_working_directory() else {
        return failed_before_linting(format, configs.problems(), output_file.as_mut(), &mut stdout);
    };
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let (mut inputs, path_errors) = discover::collect(&paths, &args.stdin_filename, &base_config.exclude);
    // Output is in file-name order, and files are linted in that order.
    inputs.sort_by_cached_key(Input::display_name);
    let Some(input_configs) = configs.for_inputs(&inputs) else {
        return failed_before_linting(format, configs.problems(), output_file.as_mut(), &mut stdout);
    };
    let inputs: Vec<(Input, std::sync::Arc<crate::config::Config>)> = inputs.into_iter().zip(input_configs).collect();
    let options = RenderOptions {
        color: false,
        quiet: args.quiet,
        show_all: args.show_all,
        statistics: args.statistics,
        rules: base_config.enabled_rules(),
        fail_level: Some(args.fail_level.severity()),
        base: std::env::current_dir().ok().map(render::SourceBase::discover),
        run_errors: Vec::new(),
    };
    let fix_mode = args.fix_mode();
    if let Some(path) = &args.report
        && let Err(why) = report_path::check(path, &args.paths, args.force)
    {
        say(format_args!(
            "runlint: will not write the report `{}`: {}",
            safe_text::line(&path.display().to_string()),
            safe_text::line(&why)
        ));
        return ExitCode::from(EXIT_FAILURE);
    }
    let settings = LintSettings {
        fix_mode,
        fix_level: args.fix_level(),
        plans_only: args.plans_only,
        verbose: args.verbose,
        threads: thread_count(args.threads, std::thread::available_parallelism().map_or(1, usize::from)),
        keep_reports: args.report.is_some(),
        add_suppressions: args.add_suppressions,
        shown_paths: paths.iter().map(|path| discover::display_path(path)).collect::<Vec<_>>().join(" "),
        given: fixing::given_paths(&paths),
    };
    // `--fix` on standard input prints the fixed plan instead of the findings, if the plan
    // could be fixed at all: the findings wait in memory until that is known.
    let fixing_stdin = fix_mode == FixMode::Apply && paths.iter().any(|path| path.as_os_str() == "-");
    let mut held = Vec::new();
    let terminal: &mut dyn Write = if fixing_stdin { &mut held } else { &mut stdout };
    let mut outputs =
        vec![Output { format: terminal_format, options: RenderOptions { color, ..options.clone() }, out: terminal }];
    if let Some(file) = output_file.as_mut() {
        outputs.push(Output { format, options, out: file });
    }
    let run = lint::lint_paths(&settings, &inputs, path_errors, outputs);
    for error in &run.path_errors {
        let path = safe_text::line(&error.path).into_owned();
        if error.message == lint::NO_PLANS {
            report_run_error(RunError::NoPlans { paths: path });
            continue;
        }
        let message = safe_text::line(&error.message).into_owned();
        report_run_error(RunError::Path { path, message });
    }
    for error in &run.tally.unwritten {
        let path = safe_text::line(&error.path).into_owned();
        let message = safe_text::line(&error.message).into_owned();
        report_run_error(RunError::Write { path, message });
    }
    for (path, note) in &run.tally.notes {
        say(format_args!("runlint: `{}`: {}", safe_text::line(path), safe_text::line(note)));
    }
    let written = if fix_mode == FixMode::Diff {
        // `--diff` prints the diffs instead of the findings, and writes nothing.
        let diffs: String = run.tally.diffs.iter().map(|(_, diff)| diff.as_str()).collect();
        write!(stdout, "{diffs}").and_then(|()| stdout.flush())
    } else if let Some(fixed) = &run.tally.stdin {
        // `--fix` on standard input: the fixed plan goes to standard output.
        write!(stdout, "{fixed}").and_then(|()| stdout.flush())
    } else {
        run.written.and_then(|()| stdout.write_all(&held)).and_then(|()| stdout.flush())
    };
    let written = written.and_then(|()| output_file.as_mut().map_or(Ok(()), Write::flush));
    if fix_mode != FixMode::Off && !args.quiet {
        say(format_args!("{}", run.tally.summary(fix_mode, settings.fix_level, run.totals.unsafe_fixes)));
    }
    if args.add_suppressions && !args.quiet {
        let plural = if run.suppressions_added == 1 { "suppression" } else { "suppressions" };
        say(format_args!("runlint: {} {plural} added", run.suppressions_added));
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
        && let Err(error) = lint::write_report(path, &run.reports)
    {
        let path = safe_text::line(&path.display().to_string()).into_owned();
        report_run_error(RunError::Output { path, message: discover::describe_io_error(&error) });
        return ExitCode::from(EXIT_FAILURE);
    }
    let run_failed =
        !run.path_errors.is_empty() || !run.tally.unwritten.is_empty() || STDERR_FAILED.load(Ordering::Relaxed);
    if fix_mode == FixMode::Diff {
        let code = match (run_failed, run.tally.diffs.is_empty() || args.exit_zero) {
            (true, _) => EXIT_FAILURE,
            (false, true) => EXIT_CLEAN,
            (false, false) => EXIT_FINDINGS,
        };
        return ExitCode::from(code);
    }
    let failed = !args.exit_zero && run.totals.worst.is_some_and(|worst| worst >= args.fail_level.severity());
    ExitCode::from(match (run_failed, failed) {
        (true, _) => EXIT_FAILURE,
        (false, true) => EXIT_FINDINGS,
        (false, false) => EXIT_CLEAN,
    })
}

#[cfg(test)]
mod tests {
    use super::thread_count;

    #[test]
    fn threads_are_capped_at_the_cores_and_at_least_one() {
        assert_eq!(thread_count(Some(100_000), 4), 4);
        assert_eq!(thread_count(Some(0), 4), 1);
        assert_eq!(thread_count(Some(3), 4), 3);
        assert_eq!(thread_count(None, 2), 2);
        assert_eq!(thread_count(Some(5), 0), 1);
    }
}
