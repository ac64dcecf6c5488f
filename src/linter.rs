//! The engine's two entry points: lint a plan's text, and fix it (lint, apply the fixes
//! that may be applied, lint again, until nothing more applies).

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use std::collections::{HashMap, HashSet};

use crate::fix::{Applicability, Edit, Fix};
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

/// At most this many fix-and-lint passes that apply something: each fix removes its
/// finding, so a plan settles in one or two.
const MAX_PASSES: usize = 8;

/// At most this many lints in all while looking for the fixes that break a plan: a pass
/// that fails is halved until the fix at fault is found, so one bad fix among n costs
/// about log2(n) lints.
const MAX_LINTS: usize = 40;

/// What fixing a plan's text did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixOutcome {
    /// The fixed text (the input when nothing applied).
    pub text: String,
    /// The edits that turn the input into `text`: sorted, apart, in the input's offsets.
    pub edits: Vec<Edit>,
    /// Fixes applied.
    pub applied: usize,
    /// Fixes that would break the plan or change what it means (a syntax error, or any
    /// finding the plan did not have), not applied.
    pub rolled_back: usize,
    /// Why fixing stopped early, when it did: a fix whose finding stays after it is
    /// applied would be applied again and again.
    pub note: Option<String>,
    /// The findings of the fixed text: what is left to do.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether a diagnostic makes the file untouchable: a syntax error means the text is not
/// understood, so no edit can be trusted.
fn is_syntax_error(diagnostic: &Diagnostic) -> bool {
    diagnostic.rule == &SYNTAX_ERROR
}

/// A finding as fixing compares them, whatever its position: its kind and its message.
fn finding_key(diagnostic: &Diagnostic) -> (&'static str, &str) {
    (diagnostic.rule.name, diagnostic.message.as_str())
}

/// Whether `after` has a finding `before` did not (counted by kind and message): a fix
/// that adds a shape error, a duplicate key or a finding of any rule changed what the
/// plan means, not only what it spells. While the plan has shape errors the rules do
/// not run, so only shape errors are compared: a fix that mends the shape lets the
/// rules speak for the first time.
fn has_new_finding(before: &[Diagnostic], after: &[Diagnostic]) -> bool {
    if after.iter().any(is_syntax_error) {
        return true;
    }
    let shape_only = before.iter().any(|d| d.rule == &INVALID_PLAN);
    let after = after.iter().filter(|d| !shape_only || d.rule == &INVALID_PLAN);
    let mut counts: HashMap<(&str, &str), isize> = HashMap::with_capacity(before.len());
    for diagnostic in before {
        *counts.entry(finding_key(diagnostic)).or_default() += 1;
    }
    after.into_iter().any(|diagnostic| {
        let count = counts.entry(finding_key(diagnostic)).or_default();
        *count -= 1;
        *count < 0
    })
}

/// A fix as fixing remembers it across passes: its finding and what it writes, wherever.
fn fix_key(diagnostic: &Diagnostic, fix: &Fix) -> String {
    let texts: Vec<&str> = fix.edits.iter().map(|edit| edit.text.as_str()).collect();
    format!("{}\u{0}{}\u{0}{}\u{0}{}", diagnostic.rule.name, diagnostic.message, fix.message, texts.join("\u{0}"))
}

/// Applies every fix at or above `level` to a plan's text, linting again after each pass.
/// A pass is kept only when the plan still parses and has no finding it did not have;
/// otherwise it is halved until the fix at fault is found and left out. A fix applied in
/// an earlier pass that is offered again (its finding stayed) stops fixing, with a note.
pub fn lint_fix(name: &str, text: &str, config: &Config, level: Applicability) -> FixOutcome {
    let diagnostics = lint_source(&Source::new(name, text), config);
    lint_fix_from(name, text, diagnostics, config, level)
}

/// [`lint_fix`] for a text whose findings are already known (an editor's analysis).
pub fn lint_fix_from(
    name: &str,
    text: &str,
    diagnostics: Vec<Diagnostic>,
    config: &Config,
    level: Applicability,
) -> FixOutcome {
    let mut current = text.to_owned();
    // The findings of `current`: each pass's check of its result is the next pass's start.
    let mut diagnostics = diagnostics;
    let mut outcome = FixOutcome {
        text: String::new(),
        edits: Vec::new(),
        applied: 0,
        rolled_back: 0,
        note: None,
        diagnostics: Vec::new(),
    };
    // The fixes applied so far, each with where its finding now starts.
    let mut applied_here: HashSet<(String, usize)> = HashSet::new();
    let mut left_out: HashSet<String> = HashSet::new();
    // How many of the next pass's fixes to try: all, or half of a pass that failed.
    let mut trying: Option<usize> = None;
    let (mut passes, mut lints) = (0, 0);
    while passes < MAX_PASSES && lints < MAX_LINTS {
        if diagnostics.iter().any(is_syntax_error) {
            break;
        }
        let offered: Vec<(&Diagnostic, &Fix)> = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref().map(|fix| (d, fix)))
            .filter(|(d, fix)| fix.applies(level) && !left_out.contains(&fix_key(d, fix)))
            .collect();
        let offered_again = offered.iter().find(|(d, fix)| applied_here.contains(&(fix_key(d, fix), d.span.start)));
        if let Some((_, again)) = offered_again {
            outcome.note = Some(format!(
                "stopped fixing: the fix to {} was applied and its finding stayed, so it would be applied again",
                again.message
            ));
            break;
        }
        let chosen = choose(&offered, level);
        if chosen.is_empty() {
            break;
        }
        let take = trying.unwrap_or(chosen.len()).clamp(1, chosen.len());
        let tried = chosen.get(..take).unwrap_or(&[]);
        let edits: Vec<Edit> =
            tried.iter().flat_map(|(_, fix)| fix.edits.iter().map(|edit| crate::fix::fit(&current, edit))).collect();
        lints += 1;
        let verdict = crate::fix::apply_edits(&current, edits.clone()).map(|candidate| {
            let after = lint_source(&Source::new(name, candidate.as_str()), config);
            (candidate, after)
        });
        match verdict {
            Some((candidate, after)) if !has_new_finding(&diagnostics, &after) => {
                let mut sorted = edits;
                sorted.sort_by_key(|edit| (edit.span.start, edit.span.end));
                let Some(composed) = crate::fix::compose::then(&outcome.edits, &sorted) else { break };
                outcome.edits = composed;
                outcome.applied += tried.len();
                let applied_now = tried.iter().map(|(d, fix)| (fix_key(d, fix), d.span.start));
                applied_here = moved(applied_here.into_iter().chain(applied_now).collect(), &sorted);
                current = candidate;
                diagnostics = after;
                trying = None;
                passes += 1;
            }
            _ if take == 1 => {
                left_out.extend(tried.iter().map(|(d, fix)| fix_key(d, fix)));
                outcome.rolled_back += 1;
                trying = None;
            }
            _ => trying = Some(take / 2),
        }
    }
    outcome.text = current;
    outcome.diagnostics = diagnostics;
    outcome
}

/// `entries` with each position moved as `edits` (sorted, apart) move the text: past
/// every edit that ends at or before it. One pass over both, sorted by position.
fn moved(mut entries: Vec<(String, usize)>, edits: &[Edit]) -> HashSet<(String, usize)> {
    entries.sort_by_key(|(_, position)| *position);
    let mut shift: isize = 0;
    let mut edits = edits.iter().peekable();
    entries
        .into_iter()
        .map(|(key, position)| {
            while let Some(edit) = edits.next_if(|edit| edit.span.end <= position) {
                shift += edit.text.len() as isize - (edit.span.end - edit.span.start) as isize;
            }
            (key, position.saturating_add_signed(shift))
        })
        .collect()
}

/// The fixes of one pass: those that apply at `level` and do not overlap, in file order.
fn choose<'d>(offered: &[(&'d Diagnostic, &'d Fix)], level: Applicability) -> Vec<(&'d Diagnostic, &'d Fix)> {
    let indices = crate::fix::applicable_fixes(offered.iter().map(|(_, fix)| *fix), level);
    indices.into_iter().filter_map(|index| offered.get(index).copied()).collect()
}
