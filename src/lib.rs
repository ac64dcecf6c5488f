//! runlint: a linter for the strength training in running coaches' YAML plans.
//!
//! The pipeline: bytes -> [`source`] -> [`yaml`] node tree -> typed [`plan`] ->
//! resolved [`model`] -> [`rules`] -> diagnostics -> [`render`].

pub mod catalog;
pub mod cli;
pub mod config;
#[cfg(feature = "corpus")]
pub mod corpus;
pub mod diagnostic;
pub mod discover;
pub mod model;
pub mod plan;
pub mod render;
pub mod rules;
pub mod schema;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod tags;
pub mod yaml;

use config::Config;
use diagnostic::{Diagnostic, Severity};
use model::Model;
use rules::{RULES, RuleContext};
use source::Source;

/// Lints one plan and returns its diagnostics sorted by position.
pub fn lint_source(source: &Source, config: &Config) -> Vec<Diagnostic> {
    let diagnostics = check(source, config);
    let shape_errors = diagnostics.iter().any(|d| matches!(d.rule, "syntax-error" | "invalid-plan"));
    let mut diagnostics = if shape_errors {
        diagnostics
    } else {
        let unused_severity = config.builtin_severity("unused-suppression", Severity::Info);
        suppress::apply(source, diagnostics, unused_severity, |rule| config.is_enabled(rule))
    };
    sort_by_position(&mut diagnostics);
    diagnostics
}

fn check(source: &Source, config: &Config) -> Vec<Diagnostic> {
    let plan = match plan::parse(source) {
        Ok(plan) => plan,
        Err(errors) => return errors,
    };
    let (model, unknown_exercises) = Model::build(&plan, &config.catalog);
    let mut diagnostics = Vec::new();
    if let Some(severity) = config.builtin_severity("unknown-exercise", Severity::Warning) {
        diagnostics.extend(unknown_exercises.into_iter().map(|d| Diagnostic { severity, ..d }));
    }
    for rule in RULES {
        let meta = rule.meta();
        let Some(severity) = config.severity(meta) else {
            continue;
        };
        let mut cx = RuleContext::new(meta, severity, config.options(meta.name), &mut diagnostics);
        rule.check(&model, &mut cx);
    }
    diagnostics
}

/// Sorts diagnostics by position, then rule name, so output never depends on rule order.
pub fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule, &a.message).cmp(&(b.span.start, b.span.end, b.rule, &b.message))
    });
}
