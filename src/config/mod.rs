//! Run configuration: rule severities and options, extra exercises, excluded paths.

mod file;
mod toml_tree;

pub use file::{CONFIG_NAMES, ConfigError, find, parse};

use std::sync::Arc;

use crate::catalog::Catalog;
use crate::meta::{BUILTINS, EnabledRule, OptionValue, RuleMeta};
use crate::severity::Severity;

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
    /// Per-rule settings (rules and configurable built-in diagnostics).
    pub rules: Vec<(&'static RuleMeta, RuleSetting)>,
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
    fn setting(&self, meta: &RuleMeta) -> Option<&RuleSetting> {
        self.rules.iter().find(|(rule, _)| *rule == meta).map(|(_, setting)| setting)
    }

    /// The effective severity of a rule or built-in diagnostic; `None` when it is off.
    pub fn severity(&self, meta: &RuleMeta) -> Option<Severity> {
        self.setting(meta).and_then(|s| s.severity).unwrap_or(meta.default_severity)
    }

    /// Whether a rule or built-in diagnostic is reported at all.
    pub fn is_enabled(&self, meta: &RuleMeta) -> bool {
        self.severity(meta).is_some()
    }

    /// The configured options of a rule.
    pub fn options(&self, meta: &RuleMeta) -> &[(String, OptionValue)] {
        self.setting(meta).map_or(&[], |s| s.options.as_slice())
    }

    /// Sets a rule's severity (`None` turns it off), keeping its options.
    pub fn set_severity(&mut self, meta: &'static RuleMeta, severity: Option<Severity>) {
        match self.rules.iter_mut().find(|(rule, _)| *rule == meta) {
            Some((_, setting)) => setting.severity = Some(severity),
            None => self.rules.push((meta, RuleSetting { severity: Some(severity), options: Vec::new() })),
        }
    }

    /// What a run under this config reports: the enabled rules, then the built-in
    /// diagnostics that are on, each at its configured severity.
    pub fn enabled_rules(&self) -> Vec<EnabledRule> {
        let rules = crate::rules::RULES.iter().map(|rule| &rule.meta);
        rules
            .chain(BUILTINS.iter().copied())
            .filter_map(|meta| self.severity(meta).map(|severity| EnabledRule { meta, severity }))
            .collect()
    }
}
