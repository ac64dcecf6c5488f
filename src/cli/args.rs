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

    /// Output format; `auto` is `github` inside GitHub Actions (`GITHUB_ACTIONS=true`),
    /// else `human`.
    #[arg(long, value_enum, default_value_t = FormatChoice::AUTO)]
    pub format: FormatChoice,

    /// Write the findings in `--format` to FILE; the terminal gets the human findings
    /// and summary (GitHub annotations inside GitHub Actions).
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// Exit 0 even when there are findings (a failed run still exits 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Check only these rules (comma-separated), over the config's choices.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub select: Vec<String>,

    /// Do not check these rules (comma-separated), over the config and `--select`.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub ignore: Vec<String>,

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

    /// The name to show for a plan read from standard input; its config is found from there.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    pub stdin_filename: String,

    /// Read this config file for every plan instead of the nearest `runlint.toml` /
    /// `.runlint.toml` above each.
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

    /// Add a `# runlint: allow RULE -- TODO: reason` comment at each current finding
    /// (adopting runlint in a repository with findings); changes nothing else.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub add_suppressions: bool,

    /// Say which config applies to each file and which files were skipped while walking
    /// directories.
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

    /// Print which config applies to FILE and the settings it gives every rule, and exit.
    #[arg(long, value_name = "FILE")]
    pub show_settings: Option<PathBuf>,
}

/// Commands other than linting (a directory named like one is linted as `./server`).
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Run the language server on standard input and output, for editors.
    Server,
    /// Write a starter plan and a commented `runlint.toml` (never overwrites a file).
    Init {
        /// The directory to write them in.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Print the exercise catalogue: each name, its tags and other spellings.
    Exercises {
        /// Only exercises whose name, spellings or tags contain this text.
        filter: Option<String>,
    },
    /// Print a shell completion script to standard output.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output.
    Man,
}

/// What `--format` accepts: a format, or `auto` (`None`). The formats are
/// [`Format::ALL`], so the list is kept in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatChoice(pub Option<Format>);

impl FormatChoice {
    /// `github` inside GitHub Actions, else `human`.
    pub const AUTO: FormatChoice = FormatChoice(None);

    /// The format meant, `auto` decided by whether the run is inside GitHub Actions.
    pub fn resolve(self, in_github_actions: bool) -> Format {
        match self.0 {
            Some(format) => format,
            None if in_github_actions => Format::Github,
            None => Format::Human,
        }
    }
}

impl ValueEnum for FormatChoice {
    fn value_variants<'a>() -> &'a [Self] {
        static VARIANTS: std::sync::LazyLock<Vec<FormatChoice>> = std::sync::LazyLock::new(|| {
            std::iter::once(FormatChoice::AUTO).chain(Format::ALL.map(|format| FormatChoice(Some(format)))).collect()
        });
        &VARIANTS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self.0 {
            Some(format) => format.to_possible_value(),
            None => {
                Some(clap::builder::PossibleValue::new("auto").help("`github` inside GitHub Actions, else `human`"))
            }
        }
    }
}

/// Whether the run is a GitHub Actions step (GitHub sets `GITHUB_ACTIONS=true`).
pub fn in_github_actions() -> bool {
    std::env::var_os("GITHUB_ACTIONS").is_some_and(|value| value == "true")
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
