//! The settings a config gives every rule, written as a `runlint.toml`: what
//! `--show-settings FILE` prints for the config that applies to a file, and what
//! `runlint init` writes for the defaults. Made from the rule registry, so every rule and
//! option is there.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_FAILURE;
use super::config::Configs;
use super::output::finish;
use crate::config::Config;
use crate::meta::{OptionDefault, OptionValue, RuleMeta, RuleOption};
use crate::safe_text;

/// `--show-settings FILE`: which config applies to FILE, and what it sets.
pub(super) fn show(file: &Path, configs: &mut Configs) -> ExitCode {
    let config_path = configs.config_path(file);
    let described = configs.describe(config_path.as_deref());
    let Some(config) = configs.load(config_path) else { return ExitCode::from(EXIT_FAILURE) };
    let mut text =
        format!("# settings for `{}`\n# config: {described}\n", safe_text::line(&file.display().to_string()));
    text.push_str(&rules_toml(&config));
    finish(io::stdout().lock().write_all(text.as_bytes()))
}

/// The `[rules]` table with every configurable rule and check at the config's severity and
/// options, each under a comment saying what it checks and what its options change.
pub(super) fn rules_toml(config: &Config) -> String {
    let mut text = String::from("\n[rules]\n");
    for meta in crate::rules::registry().iter().copied().filter(|meta| meta.configurable) {
        let _ = writeln!(text, "# {}", meta.summary);
        for option in meta.options {
            let _ = writeln!(text, "#   {}: {}", option.name, option.description);
        }
        let _ = writeln!(text, "{} = {}", meta.name, rule_value(config, meta));
    }
    text
}

/// `"warning"`, or `{ severity = "warning", from-week = 12 }` for a rule with options.
fn rule_value(config: &Config, meta: &RuleMeta) -> String {
    let severity = config.severity(meta).map_or("off", |severity| severity.as_str());
    if meta.options.is_empty() {
        return format!("\"{severity}\"");
    }
    let mut parts = vec![format!("severity = \"{severity}\"")];
    for option in meta.options {
        let configured = config.options(meta).iter().find(|(name, _)| name == option.name).map(|(_, value)| value);
        parts.push(format!("{} = {}", option.name, option_value(option, configured)));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// An option's value as TOML: the configured one, else the default.
fn option_value(option: &RuleOption, configured: Option<&OptionValue>) -> String {
    match (option.default, configured) {
        (OptionDefault::Integer(_), Some(OptionValue::Number(value))) => format!("{value:.0}"),
        (_, Some(OptionValue::Number(value))) => format!("{value:?}"),
        (_, Some(OptionValue::Word(word))) => format!("\"{}\"", safe_text::line(word)),
        (OptionDefault::Integer(value), None) => value.to_string(),
        (OptionDefault::Number(value), None) => format!("{value:?}"),
        (OptionDefault::Choice(word, _), None) => format!("\"{word}\""),
    }
}
