//! Fixes: what a diagnostic proposes to change in the plan's text, and the one engine that
//! applies fixes for `--fix`, `--diff` and editors. A fix never re-serialises the YAML: it
//! edits text, so comments, quoting, key order, indentation, line endings and a byte
//! order mark stay as they were.

mod apply;
mod insert;
mod write;

pub use apply::{FixOutcome, fix_text};
pub use insert::resolve;
pub use write::write_atomically;

/// A unified diff of a plan before and after fixing, with the file's name on both sides;
/// it goes to a terminal, so each line's control characters are shown escaped.
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    let name = crate::safe_text::line(name.trim_start_matches('/'));
    let diff = similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    diff.lines().map(|line| format!("{}\n", crate::safe_text::line(line.trim_end_matches('\r')))).collect()
}

use serde::Serialize;

use crate::diagnostic::Span;

/// Whether a fix may be applied without asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown, never applied: the change is the coach's call.
    DisplayOnly,
    /// Changes what the plan prescribes: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Keeps the coach's intent (a misspelt key or name): applied by `--fix`.
    Safe,
}

impl Applicability {
    /// The word used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// One change to the text: replace `span` with `text` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced.
    pub span: Span,
    /// What they are replaced with.
    pub text: String,
}

/// An exercise to add to a session's list, in the list's own style; resolved into an
/// [`Edit`] by [`resolve`], which sees the text (rules never do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExercise {
    /// The whole last entry of the list, after which the new one goes.
    pub after: Span,
    /// The exercise, e.g. `single-leg calf raise`.
    pub name: String,
    /// Its prescription, e.g. `2x12 each`.
    pub prescription: String,
}

/// A proposed change: a message, the edits and whether it may be applied unasked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does: `replace `3` with `2``.
    pub message: String,
    /// Safe, unsafe or display-only.
    pub applicability: Applicability,
    /// Non-overlapping text edits.
    pub edits: Vec<Edit>,
    /// An exercise still to be placed in the text (becomes an edit when resolved).
    pub insert: Option<NewExercise>,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        applicability: Applicability,
        message: impl Into<String>,
        span: Span,
        text: impl Into<String>,
    ) -> Fix {
        Fix { message: message.into(), applicability, edits: vec![Edit { span, text: text.into() }], insert: None }
    }

    /// A fix that adds an exercise after a session's last entry.
    pub fn add_exercise(after: Span, name: &str, prescription: &str) -> Fix {
        Fix {
            message: format!("add `{name}: {prescription}`"),
            applicability: Applicability::Unsafe,
            edits: Vec::new(),
            insert: Some(NewExercise { after, name: name.to_owned(), prescription: prescription.to_owned() }),
        }
    }
}
