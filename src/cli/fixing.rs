//! `--fix` and `--diff`: fixing one input's text, writing it back or printing its diff,
//! and tallying what was done across the run.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::PathProblem;
use crate::discover::Input;
use crate::fix::Applicability;

/// What the run does with fixes (ruff's `FixMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Report findings and their fixes; change nothing.
    Off,
    /// Apply fixes to the plan files (standard input to standard output).
    Apply,
    /// Print what applying would change, and change nothing.
    Diff,
}

/// What fixing did across the run.
#[derive(Debug, Default)]
pub(super) struct FixTally {
    /// Fixes applied (or, with `--diff`, that would be).
    pub applied: usize,
    /// Fixes rolled back because they would break a plan.
    pub rolled_back: usize,
    /// Unified diffs by file name (`--diff`).
    pub diffs: Vec<(String, String)>,
    /// The fixed plan read from standard input (`--fix` with `-`).
    pub stdin: Option<String>,
    /// Plans that were fixed but could not be written, and why.
    pub unwritten: Vec<PathProblem>,
    /// Why fixing stopped early in a plan, by file name.
    pub notes: Vec<(String, String)>,
}

impl FixTally {
    pub(super) fn add(&mut self, other: FixTally) {
        self.applied += other.applied;
        self.rolled_back += other.rolled_back;
        self.diffs.extend(other.diffs);
        self.stdin = self.stdin.take().or(other.stdin);
        self.unwritten.extend(other.unwritten);
        self.notes.extend(other.notes);
    }

    /// `3 fixes applied (2 more with --unsafe-fixes)`, or with `--diff`, `would be applied`.
    pub(super) fn summary(&self, mode: FixMode, level: Applicability, unsafe_left: usize) -> String {
        let plural = |count: usize| if count == 1 { "fix" } else { "fixes" };
        let verb = if mode == FixMode::Diff { "would be applied" } else { "applied" };
        let mut line = format!("runlint: {} {} {verb}", self.applied, plural(self.applied));
        if level == Applicability::Safe && unsafe_left > 0 && mode != FixMode::Diff {
            line.push_str(&format!(" ({unsafe_left} more with `--unsafe-fixes`)"));
        }
        if self.rolled_back > 0 {
            line.push_str(&format!("; {} not applied because they would break the plan", self.rolled_back));
        }
        line
    }
}

/// The plan's text after fixing (as read when nothing changed or under `--diff`), with
/// its findings when the fixing already has them.
pub(super) type Fixed = (Vec<u8>, Option<Vec<Diagnostic>>);

/// Fixes a plan's text as `--fix` or `--diff` ask (`mode` is not [`FixMode::Off`]);
/// writes the file under `--fix` when its real path lies under one of `given` (the
/// paths named on the command line, resolved). Returns what was done and the plan after
/// it: as read when it was not written.
pub(super) fn fix_input(
    input: &Input,
    name: &str,
    bytes: Vec<u8>,
    config: &Config,
    (mode, level): (FixMode, Applicability),
    given: &[PathBuf],
) -> (FixTally, Fixed) {
    let mut tally = FixTally::default();
    let Ok(text) = std::str::from_utf8(&bytes) else { return (tally, (bytes, None)) };
    let outcome = crate::lint_fix(name, text, config, level);
    tally.applied = outcome.applied;
    tally.rolled_back = outcome.rolled_back;
    tally.notes.extend(outcome.note.clone().map(|note| (name.to_owned(), note)));
    if mode == FixMode::Apply && matches!(input, Input::Stdin(_)) {
        // Standard input fixed goes to standard output, changed or not: it is the plan.
        tally.stdin = Some(outcome.text.clone());
    }
    if outcome.text == text {
        return (tally, (bytes, Some(outcome.diagnostics)));
    }
    let path = match input {
        _ if mode == FixMode::Diff => {
            tally.diffs.push((name.to_owned(), crate::fix::unified_diff(name, text, &outcome.edits)));
            return (tally, (bytes, None));
        }
        Input::Stdin(_) => return (tally, (outcome.text.into_bytes(), Some(outcome.diagnostics))),
        Input::Named(path) | Input::Walked(path) => path,
    };
    let written = match input {
        Input::Walked(_) => outside_given(path, given),
        _ => Ok(()),
    }
    .and_then(|()| crate::fix::write_atomically(path, &bytes, &outcome.text).map_err(|error| error.to_string()));
    match written {
        Ok(()) => (tally, (outcome.text.into_bytes(), Some(outcome.diagnostics))),
        Err(message) => {
            // Nothing was written: the findings shown are those of the plan as it is.
            tally.applied = 0;
            tally.rolled_back = 0;
            tally.unwritten.push(PathProblem { path: name.to_owned(), message });
            (tally, (bytes, None))
        }
    }
}

/// Refuses a walked file whose real path is not under any path given on the command line
/// (a link inside the tree to a plan outside it).
fn outside_given(path: &Path, given: &[PathBuf]) -> Result<(), String> {
    let real = std::fs::canonicalize(path).map_err(|error| error.to_string())?;
    if given.iter().any(|root| real.starts_with(root)) {
        return Ok(());
    }
    Err(format!(
        "its real path `{}` lies outside the paths given on the command line (it is reached through a link); not written",
        real.display()
    ))
}

/// The paths named on the command line, resolved, for [`fix_input`]'s check.
pub(super) fn given_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.iter().filter(|path| path.as_os_str() != "-").filter_map(|path| std::fs::canonicalize(path).ok()).collect()
}
