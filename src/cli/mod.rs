//! The command line: one file per command.
//!
//! - [`args`]: what clap reads.
//! - [`lint`]: the lint run (the default command), with [`fixing`] for `--fix`/`--diff`
//!   and the config it runs under from [`config`].
//! - [`explain`]: commands that only print (`--explain`, `--list-rules`, `--print-schema`).
//! - [`output`]: what is said about the run itself on standard error.
//!
//! `runlint server` hands over to [`crate::server`].

mod args;
mod config;
mod explain;
mod fixing;
mod lint;
mod output;
mod report_path;

pub use args::{Args, ColorChoice, Command, FailLevel};
pub use fixing::FixMode;
pub use output::RunError;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use lint::LintSettings;
use output::{STDERR_FAILED, finish, install_error_hook, report_run_error, say, use_color};

use crate::render::{self, RenderOptions};
use crate::safe_text;

/// Exit code: nothing at or above the fail level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: at least one diagnostic at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the run itself failed.
pub const EXIT_FAILURE: u8 = 2;

/// Runs runlint with parsed arguments and returns the process exit code.
pub fn run(args: Args) -> ExitCode {
    if let Some(Command::Server) = args.command {
        return ExitCode::from(crate::server::run_stdio());
    }
    let color = use_color(args.color);
    install_error_hook(color);
    if args.list_rules {
        return finish(explain::print_rule_list());
    }
    if args.print_schema {
        return explain::print_schema();
    }
    if let Some(name) = &args.explain {
        return explain::explain(name);
    }
    lint_command(&args, color)
}

/// The number of files linted at once: as asked, at least one and at most one per core
/// (more threads than cores only cost: each needs a stack, and 100,000 exhaust memory).
fn thread_count(asked: Option<usize>, cores: usize) -> usize {
    asked.map_or(cores, |asked| asked.clamp(1, cores.max(1)))
}

/// The default command: lint (and fix) the paths, print the findings, write the report.
fn lint_command(args: &Args, color: bool) -> ExitCode {
    let config = match config::load_config(args) {
        Ok(config) => config,
        Err(problems) => {
            // Machine formats still print a document, saying what went wrong in their terms.
            if args.format.is_document() {
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
        paths: if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() },
        stdin_filename: args.stdin_filename.clone(),
        format: args.format,
        fix_mode,
        fix_level: args.fix_level(),
        plans_only: args.plans_only,
        verbose: args.verbose,
        threads: thread_count(args.threads, std::thread::available_parallelism().map_or(1, usize::from)),
        keep_reports: args.report.is_some(),
        given: Vec::new(),
    };
    let settings = LintSettings { given: fixing::given_paths(&settings.paths), ..settings };
    // Buffered: the formats write many small pieces, and a locked stdout flushes per line.
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    // `--fix` on standard input prints the fixed plan instead of the findings, if the plan
    // could be fixed at all: the findings wait in memory until that is known.
    let fixing_stdin = fix_mode == FixMode::Apply && settings.paths.iter().any(|path| path.as_os_str() == "-");
    let mut held = Vec::new();
    let out: &mut dyn Write = if fixing_stdin { &mut held } else { &mut stdout };
    let run = lint::lint_paths(&settings, &config, &options, out);
    for error in &run.path_errors {
        let path = safe_text::line(&error.path).into_owned();
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
    if fix_mode != FixMode::Off && !args.quiet {
        say(format_args!("{}", run.tally.summary(fix_mode, settings.fix_level, run.totals.unsafe_fixes)));
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
        && let Err(error) = lint::write_report(path, &run.reports, &config)
    {
        say(format_args!(
            "runlint: cannot write the report `{}`: {error}",
            safe_text::line(&path.display().to_string())
        ));
        return ExitCode::from(EXIT_FAILURE);
    }
    let run_failed =
        !run.path_errors.is_empty() || !run.tally.unwritten.is_empty() || STDERR_FAILED.load(Ordering::Relaxed);
    if fix_mode == FixMode::Diff {
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
