//! Findings: what a rule reports, where, and how serious it is.

use crate::fix::Fix;
use crate::meta::RuleMeta;
pub use crate::severity::Severity;
pub use crate::span::Span;

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
    /// The rule or built-in diagnostic that reported it.
    pub rule: &'static RuleMeta,
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
    /// The day the finding belongs to (`mon` ... `sun`), if one.
    pub day: Option<&'static str>,
    /// The logical location in the plan, e.g. `weeks[2].days.fri[0].exercises[1]`.
    pub path: Option<String>,
    /// A proposed change to the plan's text, if the finding has one.
    pub fix: Option<Fix>,
    /// Which of its rule's checks found it, for a rule with more than one: findings of
    /// different checks are different problems and fold apart.
    pub check: Option<&'static str>,
}

impl Diagnostic {
    /// A diagnostic with no labels, help or calendar position yet.
    pub fn new(rule: &'static RuleMeta, severity: Severity, message: impl Into<String>, span: Span) -> Self {
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
            fix: None,
            check: None,
        }
    }

    /// Moves the primary span from the scope's default to a narrower node.
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = span;
        self
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

    /// Adds a secondary label for each `(span, message)`.
    pub fn with_labels<M: Into<String>>(mut self, labels: impl IntoIterator<Item = (Span, M)>) -> Self {
        self.labels.extend(labels.into_iter().map(|(span, message)| Label { span, message: message.into() }));
        self
    }

    /// Places the diagnostic in a week and (optionally) a day.
    pub fn at_day(mut self, week: u32, day: Option<&'static str>) -> Self {
        self.week = Some(week);
        self.day = day;
        self
    }

    /// Proposes a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Names the check of its rule that found it (see [`Diagnostic::check`]).
    pub fn from_check(mut self, check: &'static str) -> Self {
        self.check = Some(check);
        self
    }

    /// Sets the logical location in the plan.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}

/// A path the run could not check (unreadable, missing, not a plan it was asked to fix),
/// and why: the run goes on with the other paths and exits with 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    /// The path as given or walked.
    pub path: String,
    /// Why, in a short lowercase phrase.
    pub message: String,
}
