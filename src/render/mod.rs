//! Output formats. Renderers know nothing about plans: only sources and diagnostics.
//!
//! Each format is one file with an [`emit::Emitter`]; [`stream`] writes a run through
//! it file by file. Adding a format: the file, a [`Format`] variant, its line in
//! [`Format::emitter`] and in [`Format::ALL`].

mod emit;
mod fingerprint;
pub mod fold;
mod github;
mod gitlab;
mod human;
mod json;
mod json_stream;
mod junit;
mod sarif;
mod short;
pub mod stream;

use std::io::{self, Write};

use crate::diagnostic::Diagnostic;
pub use crate::diagnostic::PathProblem;
use crate::meta::EnabledRule;
use crate::source::Source;

/// One linted file and its diagnostics, sorted by position.
#[derive(Debug, Clone)]
pub struct LintedFile {
    /// The file.
    pub source: Source,
    /// What was found.
    pub diagnostics: Vec<Diagnostic>,
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Annotated source snippets.
    Human,
    /// One line per diagnostic: `path:line:column: severity[rule] message`.
    Short,
    /// One JSON object (the documented contract).
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one test suite per file, one test case per diagnostic (failed at or above the fail level).
    Junit,
    /// GitLab Code Quality report (JSON).
    Gitlab,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 7] =
        [Format::Human, Format::Short, Format::Json, Format::Sarif, Format::Github, Format::Junit, Format::Gitlab];

    /// The format's emitter: the one place that maps a format to its code.
    fn emitter(self) -> &'static dyn emit::Emitter {
        match self {
            Format::Human => &human::Human,
            Format::Short => &short::Short,
            Format::Json => &json::Json,
            Format::Sarif => &sarif::Sarif,
            Format::Github => &github::Github,
            Format::Junit => &junit::Junit,
            Format::Gitlab => &gitlab::Gitlab,
        }
    }

    /// Whether the format is a document a machine reads (it is printed even when the
    /// run fails before linting, saying why in its own terms).
    pub fn is_document(self) -> bool {
        matches!(self, Format::Json | Format::Sarif | Format::Junit | Format::Gitlab)
    }
}

/// Options that affect rendering.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use ANSI colours.
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
    /// Show every occurrence as its own entry instead of folding repeats (human, GitHub).
    pub show_all: bool,
    /// Print counts per rule instead of the findings (human).
    pub statistics: bool,
    /// What could not be checked (unreadable paths, a broken config): machine formats
    /// report them in their own terms so CI sees the run was incomplete.
    pub run_errors: Vec<PathProblem>,
    /// Where the run's paths are relative to, for formats that name files by repository
    /// path (SARIF); `None` leaves paths as given.
    pub base: Option<SourceBase>,
    /// The lowest severity that fails the run (`--fail-level`; `None` means errors):
    /// JUnit counts only findings at or above it as failed tests.
    pub fail_level: Option<crate::diagnostic::Severity>,
    /// What the run reports: enabled rules, then built-in diagnostics (SARIF lists them;
    /// `Config::enabled_rules` builds the list).
    pub rules: Vec<EnabledRule>,
}

/// The directory runlint ran in and the repository root above it.
#[derive(Debug, Clone)]
pub struct SourceBase {
    /// The working directory, which relative file names are relative to.
    pub cwd: std::path::PathBuf,
    /// The repository root (the nearest parent with `.git`), else the working directory.
    pub root: std::path::PathBuf,
}

impl SourceBase {
    /// The base for a run in `cwd`.
    pub fn discover(cwd: std::path::PathBuf) -> SourceBase {
        let root = cwd.ancestors().find(|dir| crate::discover::is_repository_root(dir)).unwrap_or(&cwd).to_path_buf();
        SourceBase { cwd, root }
    }

    /// A file name as given, relative to the repository root with `/` separators; `None`
    /// for a name outside the root (or standard input).
    pub fn relative(&self, name: &str) -> Option<String> {
        use std::path::Component;
        if name.starts_with('<') {
            return None;
        }
        // Lexically: `..` steps back, `.` stays (links are not resolved, as git does not).
        let mut parts: Vec<String> = Vec::new();
        for part in self.cwd.join(name).components() {
            match part {
                Component::ParentDir => {
                    parts.pop();
                }
                Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        let root: Vec<String> = self
            .root
            .components()
            .filter_map(|part| match part {
                Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let inside = parts.get(..root.len()).is_some_and(|prefix| prefix == root.as_slice());
        let relative = parts.get(root.len()..).filter(|rest| inside && !rest.is_empty())?;
        Some(relative.join("/"))
    }

    /// The root as an absolute path with `/` separators and a trailing `/`.
    pub fn root_path(&self) -> String {
        format!("{}/", self.root.to_string_lossy().replace('\\', "/").trim_end_matches('/'))
    }
}

/// Counts by severity over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Summary {
    /// `3 errors, 5 warnings, 1 info in 4 files`
    pub fn line(&self) -> String {
        let files = plural(self.files, "file", "files");
        if self.errors + self.warnings + self.infos == 0 {
            return format!("no problems found in {files}");
        }
        format!(
            "{}, {}, {} in {files}",
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
            plural(self.infos, "info", "infos"),
        )
    }
}

/// `1 file`, `3 files`.
pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Writes `reports` in `format`: file by file through [`stream::Stream`], as a run does.
pub fn render(format: Format, reports: &[LintedFile], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut stream = stream::Stream::begin(format, options.clone(), out)?;
    for report in reports {
        stream.part(&stream::part(format, report, options))?;
    }
    stream.finish(options.run_errors.clone())
}
