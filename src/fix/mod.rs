//! Fixes: what a diagnostic proposes to change in the plan's text, and the one engine that
//! applies fixes for `--fix`, `--diff` and editors. A fix never re-serialises the YAML: it
//! edits text, so comments, quoting, key order, indentation, line endings and a byte
//! order mark stay as they were.

mod apply;
pub mod compose;
mod insert;
mod patch;
mod scalar;
mod write;

pub use apply::{applicable_edits, applicable_fixes, apply_edits};
pub use patch::unified_diff;
pub use scalar::fit;
pub use write::write_atomically;

use serde::Serialize;

use crate::span::Span;

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

/// A proposed change: a message, the edits and whether it may be applied unasked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does: `replace `3` with `2``.
    pub message: String,
    /// Safe, unsafe or display-only.
    pub applicability: Applicability,
    /// Non-overlapping text edits.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        applicability: Applicability,
        message: impl Into<String>,
        span: Span,
        text: impl Into<String>,
    ) -> Fix {
        Fix { message: message.into(), applicability, edits: vec![Edit { span, text: text.into() }] }
    }

    /// Whether `--fix` applies this fix at `level` (safe, or unsafe too): a display-only
    /// fix and one without edits never apply.
    pub fn applies(&self, level: Applicability) -> bool {
        self.applicability >= level && self.applicability != Applicability::DisplayOnly && !self.edits.is_empty()
    }

    /// A fix that adds an exercise after a session's last entry (`after`), in the list's
    /// own style; `None` when the list's style cannot be read from `text`.
    pub fn add_exercise(text: &str, after: Span, name: &str, prescription: &str) -> Option<Fix> {
        let edit = insert::new_entry(text, after, name, prescription)?;
        Some(Fix {
            message: format!("add `{name}: {prescription}`"),
            applicability: Applicability::Unsafe,
            edits: vec![edit],
        })
    }
}
