//! Findings as LSP diagnostics: the rule as the code with a link to its documentation,
//! the help line under the message, and the secondary labels as related information.

use lsp_types::{CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use super::position::{Encoding, range};
use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Source;

/// The `source` every diagnostic carries, so editors can say who reported it.
pub const SOURCE: &str = "runlint";

/// One finding as the client shows it.
pub fn to_lsp(diagnostic: &Diagnostic, source: &Source, uri: &Uri, encoding: Encoding) -> lsp_types::Diagnostic {
    let message = match &diagnostic.help {
        Some(help) => format!("{}\nhelp: {help}", diagnostic.message),
        None => diagnostic.message.clone(),
    };
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: range(source, encoding, label.span) },
            message: label.message.clone(),
        })
        .collect();
    let href = diagnostic.rule.help_uri().parse().ok();
    lsp_types::Diagnostic {
        range: range(source, encoding, diagnostic.span),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.rule.name.to_owned())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A mistake in a config file, shown on the config file.
pub fn config_problem(problem: &ConfigError, source: &Source, encoding: Encoding) -> lsp_types::Diagnostic {
    let at = problem.range();
    lsp_types::Diagnostic {
        range: range(source, encoding, crate::span::Span::new(at.start, at.end)),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config".to_owned())),
        source: Some(SOURCE.to_owned()),
        message: problem.message_with_help(),
        ..lsp_types::Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
