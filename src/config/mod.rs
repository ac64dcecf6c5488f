//! Run configuration: rule severities and options, extra exercises, excluded paths.

mod file;
mod toml_tree;

pub use file::{CONFIG_NAMES, ConfigError, find, parse};

use std::sync::Arc;

use crate::catalog::Catalog;
use crate::diagnostic::Severity;
use crate::rules::{OptionValue, RuleMeta};

/// How one rule is configured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSetting {
    /// `Some(None)` turns the rule off; `None` keeps the default severity.
    pub severity: Option<Option<Severity>>,
    /// Options by kebab-case name.
    pub options: Vec<(String, OptionValue)>,
}

/// Everything that tunes a run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Per-rule settings by rule name.
    pub rules: Vec<(String, RuleSetting)>,
    /// The catalogue: built-in plus configured exercises (shared, so a default config is cheap).
    pub catalog: Arc<Catalog>,
    /// Paths to skip when walking directories.
    pub exclude: crate::discover::Exclude,
}

impl Default for Config {
    fn default() -> Self {
        Config { rules: Vec::new(), catalog: Catalog::shared(), exclude: crate::discover::Exclude::default() }
    }
}

impl Config {
    fn setting(&self, name: &str) -> Option<&RuleSetting> {
        self.rules.iter().find(|(rule, _)| rule == name).map(|(_, setting)| setting)
    }

    /// The effective severity of a rule; `None` when it is off.
    pub fn severity(&self, meta: &RuleMeta) -> Option<Severity> {
        self.setting(meta.name).and_then(|s| s.severity).unwrap_or(meta.default_severity)
    }

    /// The effective severity of a built-in diagnostic with a configurable severity.
    pub fn builtin_severity(&self, name: &str, default: Severity) -> Option<Severity> {
        self.setting(name).and_then(|s| s.severity).unwrap_or(Some(default))
    }

    /// Whether a rule or configurable built-in diagnostic runs.
    pub fn is_enabled(&self, name: &str) -> bool {
        match crate::rules::find(name) {
            Some(rule) => self.severity(rule.meta()).is_some(),
            None => self.setting(name).and_then(|s| s.severity).unwrap_or(Some(Severity::Info)).is_some(),
        }
    }

    /// The configured options of a rule.
    pub fn options(&self, name: &str) -> &[(String, OptionValue)] {
        self.setting(name).map_or(&[], |s| s.options.as_slice())
    }
}
