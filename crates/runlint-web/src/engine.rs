//! The engine as plain Rust: what the browser bindings call, testable without a browser.
//! Each entry point does what the command line does with the same plan on standard input
//! and the same `runlint.toml`, so the page has no rule logic of its own.

use std::path::Path;

use runlint::config::{self, Config, ConfigError};
use runlint::diagnostic::Diagnostic;
use runlint::fix::Applicability;
use runlint::render::{self, Format, LintedFile, PathProblem, RenderOptions};
use runlint::source::Source;

/// The name `runlint -` gives standard input, so documents match the command line's.
pub const PLAN_NAME: &str = "<stdin>";
/// The config's name in messages, as the command line names a `runlint.toml` beside it.
pub const CONFIG_NAME: &str = "runlint.toml";

/// The config from the config tab's text: defaults when the tab is empty, as when no
/// `runlint.toml` is found.
pub fn read_config(text: &str) -> Result<Config, Vec<ConfigError>> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    config::parse(CONFIG_NAME, text, Path::new("."))
}

/// The config's mistakes as the command line lists them in a machine format's `errors`.
fn run_problems(config_text: &str, errors: &[ConfigError]) -> Vec<PathProblem> {
    let source = Source::new(CONFIG_NAME, config_text);
    errors
        .iter()
        .map(|error| {
            let at = source.position(error.range().start);
            PathProblem {
                path: CONFIG_NAME.to_owned(),
                message: format!("{}:{}: {}", at.line, at.column, error.message()),
            }
        })
        .collect()
}

/// Lints the plan as `runlint -` reads it from standard input.
pub fn diagnose(plan: &str, config: &Config) -> (Source, Vec<Diagnostic>) {
    let (source, unreadable) = Source::from_bytes(PLAN_NAME, plan.as_bytes().to_vec());
    let diagnostics = match unreadable {
        Some(diagnostic) => vec![diagnostic],
        None => runlint::lint_source(&source, config),
    };
    (source, diagnostics)
}

/// The document `runlint --format json -` prints for this plan and config.
pub fn lint_json(plan: &str, config_text: &str) -> String {
    let (reports, options) = match read_config(config_text) {
        Ok(config) => {
            let (source, diagnostics) = diagnose(plan, &config);
            let options = RenderOptions { rules: config.enabled_rules(), ..RenderOptions::default() };
            (vec![LintedFile { source, diagnostics }], options)
        }
        // As the command line: a broken config stops the run, and the document says why.
        Err(errors) => {
            let options = RenderOptions { run_errors: run_problems(config_text, &errors), ..RenderOptions::default() };
            (Vec::new(), options)
        }
    };
    let mut out = Vec::new();
    match render::render(Format::Json, &reports, &options, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The plan with every fix at or above `level` applied (`safe` or `unsafe`), as
/// `runlint --fix -` (or `--fix --unsafe-fixes`) prints it; unchanged if the config is broken.
pub fn fix(plan: &str, config_text: &str, level: &str) -> String {
    let Ok(config) = read_config(config_text) else { return plan.to_owned() };
    let level = if level == "unsafe" { Applicability::Unsafe } else { Applicability::Safe };
    runlint::lint_fix(PLAN_NAME, plan, &config, level).text
}

/// The week-grid report of the plan, as `runlint --report` writes it, naming the plan
/// `name` (its file's name on the page).
pub fn report(plan: &str, config_text: &str, name: &str) -> String {
    let config = read_config(config_text).unwrap_or_default();
    let (_, diagnostics) = diagnose(plan, &config);
    let (source, _) = Source::from_bytes(name, plan.as_bytes().to_vec());
    let view = runlint::report::plan_view(0, &source, &diagnostics, &config);
    let mut out = Vec::new();
    match runlint::report::render(&[view], runlint::rules::registry(), &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}
