//! The rule trait, rule metadata, the context rules report through, and the registry.

mod calf_work_missing;
mod heavy_before_hard;
mod plyometrics_too_early;
mod progression_too_many_variables;
mod single_leg_missing;

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::model::Model;

/// What part of training a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// Which exercises are chosen.
    Selection,
    /// When sessions happen relative to each other.
    Schedule,
    /// How exercises progress from week to week.
    Progression,
    /// How much work is prescribed.
    Volume,
    /// Whether loading is safe at all.
    Safety,
}

impl Category {
    /// The category's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Selection => "selection",
            Category::Schedule => "schedule",
            Category::Progression => "progression",
            Category::Volume => "volume",
            Category::Safety => "safety",
        }
    }
}

/// The default value of a rule option; also fixes the option's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionDefault {
    /// A whole number.
    Integer(i64),
    /// A number.
    Number(f64),
    /// One word out of the listed choices.
    Choice(&'static str, &'static [&'static str]),
}

/// A tunable setting of a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleOption {
    /// Kebab-case name used in the config file.
    pub name: &'static str,
    /// Default value.
    pub default: OptionDefault,
    /// What it changes.
    pub description: &'static str,
}

/// Everything about a rule except its check.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Category.
    pub category: Category,
    /// Default severity; `None` means off by default.
    pub default_severity: Option<Severity>,
    /// One line.
    pub summary: &'static str,
    /// The rule's Markdown documentation.
    pub doc: &'static str,
    /// Options with defaults.
    pub options: &'static [RuleOption],
}

/// A lint rule: metadata plus a check over the resolved model.
pub trait Rule: Sync + Send {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Reports findings on `model` through `cx`.
    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>);
}

/// An option value as configured.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// A number.
    Number(f64),
    /// A word.
    Word(String),
}

/// What a rule reads and where it reports: stamps the rule name and severity on findings.
pub struct RuleContext<'a> {
    meta: &'static RuleMeta,
    severity: Severity,
    options: &'a [(String, OptionValue)],
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> RuleContext<'a> {
    /// A context for one rule at one severity with configured options.
    pub fn new(
        meta: &'static RuleMeta,
        severity: Severity,
        options: &'a [(String, OptionValue)],
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        RuleContext { meta, severity, options, diagnostics }
    }

    /// Starts a finding of this rule.
    pub fn finding(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.meta.name, self.severity, message, span)
    }

    /// Reports a finding.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// A numeric option: the configured value, else the default.
    pub fn number(&self, name: &str) -> f64 {
        let configured = self.options.iter().find(|(key, _)| key == name).and_then(|(_, value)| match value {
            OptionValue::Number(number) => Some(*number),
            OptionValue::Word(_) => None,
        });
        configured.unwrap_or_else(|| match self.default(name) {
            Some(OptionDefault::Integer(value)) => value as f64,
            Some(OptionDefault::Number(value)) => value,
            _ => 0.0,
        })
    }

    /// A whole-number option (negative values read as 0).
    pub fn integer(&self, name: &str) -> u32 {
        let value = self.number(name);
        if value <= 0.0 { 0 } else { value.min(f64::from(u32::MAX)) as u32 }
    }

    /// A word option: the configured value, else the default.
    pub fn word(&self, name: &str) -> &str {
        let configured = self.options.iter().find(|(key, _)| key == name).and_then(|(_, value)| match value {
            OptionValue::Word(word) => Some(word.as_str()),
            OptionValue::Number(_) => None,
        });
        configured.unwrap_or(match self.default(name) {
            Some(OptionDefault::Choice(word, _)) => word,
            _ => "",
        })
    }

    fn default(&self, name: &str) -> Option<OptionDefault> {
        self.meta.options.iter().find(|option| option.name == name).map(|option| option.default)
    }
}

/// Every rule, sorted by name.
pub static RULES: &[&dyn Rule] = &[
    &calf_work_missing::CalfWorkMissing,
    &heavy_before_hard::HeavyBeforeHard,
    &plyometrics_too_early::PlyometricsTooEarly,
    &progression_too_many_variables::ProgressionTooManyVariables,
    &single_leg_missing::SingleLegMissing,
];

/// Finds a rule by name.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| rule.meta().name == name)
}

/// Names that are reported but are not rules: they cannot be configured as rules or,
/// except `unknown-exercise`, suppressed.
pub const BUILTIN_DIAGNOSTICS: &[&str] = &["syntax-error", "invalid-plan", "unknown-exercise", "unused-suppression"];
