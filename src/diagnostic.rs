//! Findings: what a rule reports, where, and how serious it is.

use std::fmt;

use serde::Serialize;

use crate::plan::Weekday;

/// A byte range `start..end` in a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start.min(end), end: end.max(start) }
    }
}

/// How serious a diagnostic is; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Likely a mistake in the plan.
    Warning,
    /// A mistake that should block the plan.
    Error,
}

impl Severity {
    /// The lowercase name used in output and config.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error`.
    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary label: a related place in the plan and what it has to do with the finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// Why it is shown.
    pub message: String,
}

/// One finding in one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable kebab-case rule name.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// One-line description with the actual values.
    pub message: String,
    /// The narrowest offending node.
    pub span: Span,
    /// Text under the primary span.
    pub span_label: Option<String>,
    /// Related places.
    pub labels: Vec<Label>,
    /// A concrete fix.
    pub help: Option<String>,
    /// The plan week the finding belongs to, if one.
    pub week: Option<u32>,
    /// The day the finding belongs to, if one.
    pub day: Option<Weekday>,
    /// The logical location in the plan, e.g. `weeks[2].days.fri[0].exercises[1]`.
    pub path: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no labels, help or calendar position yet.
    pub fn new(rule: &'static str, severity: Severity, message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            span,
            span_label: None,
            labels: Vec::new(),
            help: None,
            week: None,
            day: None,
            path: None,
        }
    }

    /// Adds a `help` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the text shown under the primary span.
    pub fn with_span_label(mut self, text: impl Into<String>) -> Self {
        self.span_label = Some(text.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label { span, message: message.into() });
        self
    }

    /// Places the diagnostic in a week and (optionally) a day.
    pub fn at_day(mut self, week: u32, day: Option<Weekday>) -> Self {
        self.week = Some(week);
        self.day = day;
        self
    }

    /// Sets the logical location in the plan.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}
