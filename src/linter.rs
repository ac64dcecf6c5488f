//! The engine's two entry points: lint a plan's text, and fix it (lint, apply the fixes
//! that may be applied, lint again, until nothing more applies).

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, applicable_edits, apply_edits};
use crate::meta::{INVALID_PLAN, SYNTAX_ERROR, UNKNOWN_EXERCISE, UNUSED_SUPPRESSION};
use crate::model::Model;
use crate::rules::{RULES, RuleContext};
use crate::source::Source;
use crate::{plan, suppress};

/// Lints one plan and returns its diagnostics sorted by position.
pub fn lint_source(source: &Source, config: &Config) -> Vec<Diagnostic> {
    // Shape errors stop here: rules do not run, so suppressions are neither applied nor
    // reported as unused.
    let plan = match plan::parse(source) {
        Ok(plan) => plan,
        Err(mut errors) => {
            sort_by_position(&mut errors);
            return errors;
        }
    };
    let (model, unknown_exercises) = Model::build(&plan, &config.catalog);
    lint_model(source, &model, unknown_exercises, config)
}

/// Lints a plan that parsed, from its model and the exercises the catalogue did not know
/// (which [`Model::build`] returns beside it).
pub fn lint_model(
    source: &Source,
    model: &Model<'_>,
    unknown_exercises: Vec<Diagnostic>,
    config: &Config,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if let Some(severity) = config.severity(&UNKNOWN_EXERCISE) {
        diagnostics.extend(unknown_exercises.into_iter().map(|d| Diagnostic { severity, ..d }));
    }
    for rule in RULES {
        let Some(severity) = config.severity(&rule.meta) else {
            continue;
        };
        let options = config.options(&rule.meta);
        let mut cx = RuleContext::new(&rule.meta, severity, options, source.text(), &mut diagnostics);
        (rule.check)(model, &mut cx);
    }
    let policy = suppress::Policy {
        known: crate::rules::registry(),
        unused: config.severity(&UNUSED_SUPPRESSION),
        enabled: &|meta| config.is_enabled(meta),
    };
    let mut diagnostics = suppress::apply(source, &model.plan.text_spans, diagnostics, &policy);
    sort_by_position(&mut diagnostics);
    diagnostics
}

/// Sorts diagnostics by position, then rule name, so output never depends on rule order.
pub fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.name, &a.message).cmp(&(b.span.start, b.span.end, b.rule.name, &b.message))
    });
}

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

fn shape_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.rule == &INVALID_PLAN).count()
}

/// Whether a diagnostic makes the file untouchable: a syntax error means the text is not
/// understood, so no edit can be trusted.
fn is_syntax_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.rule == &SYNTAX_ERROR
}

/// Applies every fix at or above `level` to a plan's text, linting again after each pass.
pub fn lint_fix(name: &str, text: &str, config: &Config, level: Applicability) -> FixOutcome {
    let mut current = text.to_owned();
    // The findings of `current`: each pass's check of its result is the next pass's start.
    let mut diagnostics = lint_source(&Source::new(name, current.as_str()), config);
    let mut applied = 0;
    let mut rolled_back = 0;
    for _ in 0..MAX_PASSES {
        if diagnostics.iter().any(is_syntax_error) {
            break;
        }
        let (edits, count) = applicable_edits(diagnostics.iter().filter_map(|d| d.fix.as_ref()), level);
        if count == 0 {
            break;
        }
        let Some(candidate) = apply_edits(&current, edits) else { break };
        let after = lint_source(&Source::new(name, candidate.as_str()), config);
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
