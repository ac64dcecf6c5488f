//! Applying fixes: the safe ones (and the unsafe ones when asked), then linting again,
//! until nothing more applies; a pass that breaks the plan is rolled back.

use super::{Applicability, Edit};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::registry::{INVALID_PLAN, SYNTAX_ERROR};
use crate::source::Source;

/// At most this many fix-and-lint passes: each fix removes its finding, so a plan settles
/// in one or two; the bound keeps a fix that re-creates its own finding from looping.
const MAX_PASSES: usize = 8;

/// What fixing a plan's text did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixOutcome {
    /// The fixed text (the input when nothing applied).
    pub text: String,
    /// Fixes applied.
    pub applied: usize,
    /// Fixes that would break the plan (a syntax error or a new shape error), not applied.
    pub rolled_back: usize,
    /// The findings of the fixed text: what is left to do.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a diagnostic makes the file untouchable: a syntax error means the text is not
/// understood, so no edit can be trusted.
fn is_syntax_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.rule == &SYNTAX_ERROR
}

fn shape_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.rule == &INVALID_PLAN).count()
}

/// The edits of the fixes that may be applied, without overlaps (the first fix in the
/// file wins; the others wait for the next pass).
fn applicable(diagnostics: &[Diagnostic], level: Applicability) -> (Vec<Edit>, usize) {
    let mut fixes: Vec<&super::Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|fix| {
            fix.applicability >= level && fix.applicability != Applicability::DisplayOnly && !fix.edits.is_empty()
        })
        .collect();
    fixes.sort_by_key(|fix| fix.edits.iter().map(|e| e.span.start).min().unwrap_or(0));
    let mut chosen: Vec<Edit> = Vec::new();
    let mut count = 0;
    for fix in fixes {
        let overlaps = fix.edits.iter().any(|edit| {
            chosen.iter().any(|other| {
                edit.span.start < other.span.end.max(other.span.start + 1)
                    && other.span.start < edit.span.end.max(edit.span.start + 1)
            })
        });
        if !overlaps {
            chosen.extend(fix.edits.iter().cloned());
            count += 1;
        }
    }
    (chosen, count)
}

/// `text` with the edits applied (from the end, so earlier offsets stay valid).
fn with_edits(text: &str, mut edits: Vec<Edit>) -> Option<String> {
    edits.sort_by_key(|edit| std::cmp::Reverse((edit.span.start, edit.span.end)));
    let mut fixed = text.to_owned();
    for edit in edits {
        let valid = edit.span.end <= fixed.len()
            && fixed.is_char_boundary(edit.span.start)
            && fixed.is_char_boundary(edit.span.end);
        if !valid {
            return None;
        }
        fixed.replace_range(edit.span.start..edit.span.end, &edit.text);
    }
    Some(fixed)
}

/// Applies every fix at or above `level` to a plan's text, linting again after each pass.
pub fn fix_text(name: &str, text: &str, config: &Config, level: Applicability) -> FixOutcome {
    let mut current = text.to_owned();
    // The findings of `current`: each pass's check of its result is the next pass's start.
    let mut diagnostics = crate::lint_source(&Source::new(name, current.as_str()), config);
    let mut applied = 0;
    let mut rolled_back = 0;
    for _ in 0..MAX_PASSES {
        if diagnostics.iter().any(is_syntax_error) {
            break;
        }
        let (edits, count) = applicable(&diagnostics, level);
        if count == 0 {
            break;
        }
        let Some(candidate) = with_edits(&current, edits) else { break };
        let after = crate::lint_source(&Source::new(name, candidate.as_str()), config);
        if after.iter().any(is_syntax_error) || shape_errors(&after) > shape_errors(&diagnostics) {
            rolled_back += count;
            break;
        }
        applied += count;
        current = candidate;
        diagnostics = after;
    }
    FixOutcome { text: current, applied, rolled_back, diagnostics }
}
