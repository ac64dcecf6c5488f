//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use runlint::config::Config;
use runlint::diagnostic::{Diagnostic, Severity};
use runlint::source::Source;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Lints text with the default configuration.
pub fn lint(name: &str, text: &str) -> (Source, Vec<Diagnostic>) {
    let source = Source::new(name, text);
    let diagnostics = runlint::lint_source(&source, &Config::default());
    (source, diagnostics)
}

/// The default configuration with the rules that are off by default turned on (as warnings),
/// so their docs and fixtures are tested too.
pub fn all_rules_config() -> Config {
    let mut config = Config::default();
    for rule in runlint::rules::RULES.iter().filter(|r| r.meta.default_severity.is_none()) {
        config.set_severity(&rule.meta, Some(Severity::Warning));
    }
    config
}

/// Lints text with every rule enabled.
pub fn lint_all_rules(name: &str, text: &str) -> (Source, Vec<Diagnostic>) {
    let source = Source::new(name, text);
    let diagnostics = runlint::lint_source(&source, &all_rules_config());
    (source, diagnostics)
}

/// Lints text and returns `(line, rule)` pairs.
pub fn lint_lines(text: &str) -> Vec<(usize, String)> {
    let (source, diagnostics) = lint("test.yaml", text);
    diagnostics.iter().map(|d| (source.line_of(d.span.start), d.rule.name.to_owned())).collect()
}

/// The `# expect: rule[, rule]` markers of a fixture as `(line, rule)` pairs, sorted.
pub fn expected_markers(text: &str) -> Vec<(usize, String)> {
    let mut markers = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let Some((_, rules)) = line.split_once("# expect:") else {
            continue;
        };
        for rule in rules.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            markers.push((index + 1, rule.to_owned()));
        }
    }
    markers.sort();
    markers
}

/// Every `*.yaml` file directly inside `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"));
    files.sort();
    files
}

/// Reads a file that the test needs.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The fenced code blocks of a Markdown document tagged with `info`, e.g. "yaml bad".
pub fn code_blocks(markdown: &str, info: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start().starts_with("```")
                && line.trim_start().trim_start_matches('`').trim() == info =>
            {
                current = Some(String::new());
            }
            Some(block) if line.trim_start().starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// Render options for a run with the default configuration (every rule at its default).
pub fn render_options() -> runlint::render::RenderOptions {
    runlint::render::RenderOptions {
        rules: Config::default().enabled_rules(),
        ..runlint::render::RenderOptions::default()
    }
}

/// The runlint binary, run in `dir`, with colour left to the options.
pub fn runlint_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_runlint"));
    // The default format depends on `GITHUB_ACTIONS`: tests ask for what they expect.
    command.current_dir(dir).env_remove("NO_COLOR").env_remove("GITHUB_ACTIONS");
    command
}

/// What `format` prints for `reports`.
pub fn rendered(
    format: runlint::render::Format,
    reports: &[runlint::render::LintedFile],
    options: &runlint::render::RenderOptions,
) -> String {
    let mut out = Vec::new();
    let result = runlint::render::render(format, reports, options, &mut out);
    assert!(result.is_ok(), "rendering failed: {result:?}");
    String::from_utf8(out).unwrap_or_else(|e| panic!("output is not UTF-8: {e}"))
}
