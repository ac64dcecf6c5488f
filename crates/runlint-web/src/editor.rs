//! What the editor shows: findings and config mistakes as ranges in the editor's own
//! offsets (UTF-16), each finding with its fix as ready edits.

use serde::Serialize;

use runlint::config::ConfigError;
use runlint::diagnostic::Diagnostic;
use runlint::fix::{Applicability, Fix};

use crate::engine::{self, read_config};
use crate::utf16::Utf16Offsets;

/// The editor's view of a plan under a config.
#[derive(Serialize)]
pub struct EditorState {
    /// The plan's findings, sorted by position; empty when the config is broken.
    pub diagnostics: Vec<EditorDiagnostic>,
    /// The config's mistakes, at their place in the config's text.
    pub config_problems: Vec<ConfigProblem>,
}

/// One finding.
#[derive(Serialize)]
pub struct EditorDiagnostic {
    from: usize,
    to: usize,
    severity: &'static str,
    rule: &'static str,
    message: String,
    help: Option<String>,
    /// The rule's documentation page (none for built-in diagnostics).
    docs: Option<String>,
    fix: Option<EditorFix>,
}

/// A fix as the editor applies it.
#[derive(Serialize)]
pub struct EditorFix {
    title: String,
    applicability: &'static str,
    edits: Vec<EditorEdit>,
}

/// Replace `from..to` with `insert`.
#[derive(Serialize)]
pub struct EditorEdit {
    from: usize,
    to: usize,
    insert: String,
}

/// A mistake in the config.
#[derive(Serialize)]
pub struct ConfigProblem {
    from: usize,
    to: usize,
    message: String,
    help: Option<String>,
}

/// The findings of `plan` and the mistakes of `config_text`.
pub fn state(plan: &str, config_text: &str) -> EditorState {
    match read_config(config_text) {
        Ok(config) => {
            let (_, diagnostics) = engine::diagnose(plan, &config);
            let offsets = Utf16Offsets::new(plan);
            let diagnostics = diagnostics.iter().map(|diagnostic| finding(diagnostic, &offsets)).collect();
            EditorState { diagnostics, config_problems: Vec::new() }
        }
        Err(errors) => {
            let offsets = Utf16Offsets::new(config_text);
            let config_problems = errors.iter().map(|error| config_problem(error, &offsets)).collect();
            EditorState { diagnostics: Vec::new(), config_problems }
        }
    }
}

fn finding(diagnostic: &Diagnostic, offsets: &Utf16Offsets) -> EditorDiagnostic {
    // As in the language server: display-only fixes are the coach's call, never one click.
    let applicable = |fix: &&Fix| fix.applicability != Applicability::DisplayOnly && !fix.edits.is_empty();
    let fix = diagnostic.fix.as_ref().filter(applicable).map(|fix| EditorFix {
        title: fix.message.clone(),
        applicability: fix.applicability.as_str(),
        edits: fix
            .edits
            .iter()
            .map(|edit| EditorEdit {
                from: offsets.of(edit.span.start),
                to: offsets.of(edit.span.end),
                insert: edit.text.clone(),
            })
            .collect(),
    });
    EditorDiagnostic {
        from: offsets.of(diagnostic.span.start),
        to: offsets.of(diagnostic.span.end),
        severity: diagnostic.severity.as_str(),
        rule: diagnostic.rule.name,
        message: diagnostic.message.clone(),
        help: diagnostic.help.clone(),
        docs: diagnostic.rule.is_rule().then(|| diagnostic.rule.help_uri()),
        fix,
    }
}

fn config_problem(error: &ConfigError, offsets: &Utf16Offsets) -> ConfigProblem {
    let range = error.range();
    ConfigProblem {
        from: offsets.of(range.start),
        to: offsets.of(range.end),
        message: error.message().to_owned(),
        help: error.help().map(str::to_owned),
    }
}
