//! runlint: a linter for the strength training in running coaches' YAML plans.
//!
//! The pipeline: bytes -> [`source`] -> [`yaml`] node tree -> typed [`plan`] ->
//! resolved [`model`] -> [`rules`] -> diagnostics -> [`render`].

pub mod assist;
pub mod catalog;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod family;
pub mod fix;
pub mod fold;
pub mod model;
#[cfg(feature = "cli")]
pub mod ordered;
pub mod plan;
pub mod registry;
pub mod render;
pub mod report;
pub mod rules;
pub mod safe_text;
#[cfg(feature = "cli")]
pub mod server;
pub mod severity;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod tags;
pub mod yaml;

use config::Config;
use diagnostic::Diagnostic;
use model::Model;
use registry::{UNKNOWN_EXERCISE, UNUSED_SUPPRESSION};
use rules::{RULES, RuleContext};
use source::Source;

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
    let diagnostics = run_rules(&plan, config);
    let policy = suppress::Policy {
        known: rules::registry(),
        unused: config.severity(&UNUSED_SUPPRESSION),
        enabled: &|meta| config.is_enabled(meta),
    };
    let mut diagnostics = suppress::apply(source, &plan.text_spans, diagnostics, &policy);
    fix::resolve(source.text(), &mut diagnostics);
    sort_by_position(&mut diagnostics);
    diagnostics
}

/// Resolves the plan and runs every enabled rule on it.
fn run_rules(plan: &plan::Plan, config: &Config) -> Vec<Diagnostic> {
    let (model, unknown_exercises) = Model::build(plan, &config.catalog);
    let mut diagnostics = Vec::new();
    if let Some(severity) = config.severity(&UNKNOWN_EXERCISE) {
        diagnostics.extend(unknown_exercises.into_iter().map(|d| Diagnostic { severity, ..d }));
    }
    for rule in RULES {
        let Some(severity) = config.severity(&rule.meta) else {
            continue;
        };
        let mut cx = RuleContext::new(&rule.meta, severity, config.options(&rule.meta), &mut diagnostics);
        (rule.check)(&model, &mut cx);
    }
    diagnostics
}

/// Sorts diagnostics by position, then rule name, so output never depends on rule order.
pub fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.name, &a.message).cmp(&(b.span.start, b.span.end, b.rule.name, &b.message))
    });
}
