//! The command-line arguments, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use super::fixing::FixMode;
use crate::diagnostic::Severity;
use crate::fix::Applicability;
use crate::render::Format;

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

    /// Let `--report` replace a file that is not an earlier report (never a plan).
    #[arg(long, requires = "report")]
    pub force: bool,

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
    pub(super) fn severity(self) -> Severity {
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

impl Args {
    /// What `--fix`, `--diff` and `--unsafe-fixes` ask for.
    pub fn fix_mode(&self) -> FixMode {
        match (self.fix, self.diff) {
            (true, _) => FixMode::Apply,
            (false, true) => FixMode::Diff,
            (false, false) => FixMode::Off,
        }
    }

    /// The least safe fixes applied: unsafe ones only when asked.
    pub fn fix_level(&self) -> Applicability {
        if self.unsafe_fixes { Applicability::Unsafe } else { Applicability::Safe }
    }
}
