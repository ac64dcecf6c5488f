//! What the command line says about the run itself, on standard error: problems with
//! paths and the config, and whether standard error could be written at all.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label as SnippetLabel};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};

use super::args::ColorChoice;
use super::{EXIT_CLEAN, EXIT_FAILURE};
use crate::config::ConfigError;
use crate::safe_text::DisplayText;

/// A problem with the run itself (not with a plan), said as the findings and clap's own
/// errors say theirs: `error: what`, then `= help: what to do`.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// A path could not be read.
    #[error("cannot read `{path}`: {message}")]
    Path {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// A fixed plan could not be written.
    #[error("cannot write `{path}`: {message}")]
    Write {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// The paths hold no plan at all.
    #[error("no plans found in `{paths}`")]
    NoPlans {
        /// The paths as given.
        paths: String,
    },
    /// The config file could not be read.
    #[error("cannot read the config file `{path}`: {message}")]
    Config {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// A file runlint writes (`--output-file`, `--report`) could not be written.
    #[error("cannot write `{path}`: {message}")]
    Output {
        /// The path.
        path: String,
        /// Why.
        message: String,
    },
    /// An argument clap accepted but runlint cannot use.
    #[error("{message}")]
    Argument {
        /// What is wrong, with the suggestion.
        message: String,
    },
    /// `--explain` named no rule.
    #[error("unknown rule `{name}`")]
    UnknownRule {
        /// What was asked for.
        name: String,
        /// Suggestion.
        help: String,
    },
}

impl RunError {
    fn help(&self) -> Option<&str> {
        match self {
            RunError::UnknownRule { help, .. } => Some(help),
            RunError::NoPlans { .. } => Some(
                "runlint lints `*.yaml` and `*.yml` files with a top-level `weeks:` key; name a file to lint it \
                 whatever it holds",
            ),
            _ => None,
        }
    }
}

/// Whether standard error is coloured (decided once, from `--color`).
static STDERR_COLOR: AtomicBool = AtomicBool::new(false);

pub(super) fn report_run_error(error: RunError) {
    let mut snippet = Snippet::error().with_message(error.to_string());
    if let Some(help) = error.help() {
        snippet = snippet.with_notes(vec![format!("help: {help}")]);
    }
    emit(&SimpleFile::new(std::borrow::Cow::Borrowed(""), ""), &snippet);
}

/// A mistake in a config file, with the file's lines around it, as a finding is shown.
pub(super) fn report_config_error(error: &ConfigError, text: &str) {
    // Long lines are cut around the mistake first: the snippet stays small whatever the
    // config holds.
    let (clipped, range) = crate::clip::clip_lines(text, error.range());
    let shown = DisplayText::of(&clipped);
    let (text, start, end) = match &shown {
        Some(shown) => (shown.text.as_str(), shown.map(range.start), shown.map(range.end)),
        None => (clipped.as_str(), range.start, range.end),
    };
    let label = SnippetLabel::primary((), start..end).with_message(error.label());
    let mut snippet = Snippet::error().with_message(error.message()).with_labels(vec![label]);
    if let Some(help) = error.help() {
        snippet = snippet.with_notes(vec![format!("help: {help}")]);
    }
    emit(&SimpleFile::new(std::borrow::Cow::Borrowed(error.file()), text), &snippet);
}

fn emit(file: &SimpleFile<std::borrow::Cow<'_, str>, &str>, snippet: &Snippet<()>) {
    let color = STDERR_COLOR.load(Ordering::Relaxed);
    let mut buffer = if color { Buffer::ansi() } else { Buffer::no_color() };
    if term::emit_to_write_style(&mut buffer, &term::Config::default(), file, snippet).is_err() {
        return;
    }
    let text = String::from_utf8_lossy(buffer.as_slice());
    say(format_args!("{}", text.trim_end()));
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

/// Set when standard error could not be written: the run then ends with exit code 2.
pub(super) static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Writes a line to standard error; a full or closed stderr is remembered, never a panic.
pub(super) fn say(text: std::fmt::Arguments<'_>) {
    if writeln!(io::stderr().lock(), "{text}").is_err() {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

/// Whether to colour a stream that is (or is not) a terminal.
pub(super) fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
    }
}

/// Colours standard error's messages as standard output's (`--color`).
pub(super) fn color_errors(color: bool) {
    STDERR_COLOR.store(color, Ordering::Relaxed);
}
