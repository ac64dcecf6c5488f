//! What the command line says about the run itself, on standard error: problems with
//! paths and the config, and whether standard error could be written at all.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use super::args::ColorChoice;
use super::{EXIT_CLEAN, EXIT_FAILURE};

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
    /// A fixed plan could not be written.
    #[error("cannot write `{path}`: {message}")]
    #[diagnostic(code(runlint::write))]
    Write {
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

/// Exit code for a command that only prints: quiet on a closed pipe.
pub(super) fn finish(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_CLEAN),
        Err(error) => {
            say(format_args!("runlint: cannot write output: {error}"));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

pub(super) fn report_run_error(error: RunError) {
    say(format_args!("{:?}", miette::Report::new(error)));
}

/// Set when standard error could not be written: the run then ends with exit code 2.
pub(super) static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes a line to standard error; a full or closed stderr is remembered, never a panic.
pub(super) fn say(text: std::fmt::Arguments<'_>) {
    if writeln!(io::stderr().lock(), "{text}").is_err() {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

pub(super) fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal(),
    }
}

pub(super) fn install_error_hook(color: bool) {
    let _ = miette::set_hook(Box::new(move |_| {
        let theme = if color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
        Box::new(miette::GraphicalReportHandler::new_themed(theme))
    }));
}
