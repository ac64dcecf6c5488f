//! runlint in the browser: the linter library compiled to WebAssembly, with the entry
//! points the playground page calls (and exposes as `window.runlint`). Plans and configs
//! are strings; results are JSON strings or text, computed here and nowhere else.

mod assist;
mod editor;
pub mod engine;
mod utf16;

use wasm_bindgen::prelude::wasm_bindgen;

/// The document `runlint --format json -` prints for this plan and `runlint.toml` text.
#[wasm_bindgen]
pub fn lint(plan: &str, config: &str) -> String {
    engine::lint_json(plan, config)
}

/// The plan after `runlint --fix -` (level `safe`) or `--fix --unsafe-fixes` (`unsafe`).
#[wasm_bindgen]
pub fn fix(plan: &str, config: &str, level: &str) -> String {
    engine::fix(plan, config, level)
}

/// The week-grid HTML report of the plan, as `runlint --report` writes it; `name` is the
/// plan's file name shown in it (`plan.yaml` when not given).
#[wasm_bindgen]
pub fn report(plan: &str, config: &str, name: Option<String>) -> String {
    engine::report(plan, config, name.as_deref().unwrap_or("plan.yaml"))
}

/// The editor's findings (with fixes) and config mistakes, in UTF-16 offsets, as JSON.
#[wasm_bindgen(js_name = editorState)]
pub fn editor_state(plan: &str, config: &str) -> String {
    serde_json::to_string(&editor::state(plan, config)).unwrap_or_default()
}

/// What may be written at UTF-16 offset `at` (`{from, to, options}` as JSON, or `null`).
#[wasm_bindgen]
pub fn complete(plan: &str, config: &str, at: usize) -> String {
    serde_json::to_string(&assist::complete(plan, config, at)).unwrap_or_default()
}

/// What runlint knows of the word at UTF-16 offset `at` (`{from, to, markdown}`, or `null`).
#[wasm_bindgen]
pub fn hover(plan: &str, config: &str, at: usize) -> String {
    serde_json::to_string(&assist::hover(plan, config, at)).unwrap_or_default()
}

/// The rules a `runlint.toml` may configure, as `[{name, summary}]` JSON, for the config
/// tab's completion.
#[wasm_bindgen(js_name = configurableRules)]
pub fn configurable_rules() -> String {
    let rules: Vec<serde_json::Value> = runlint::rules::registry()
        .iter()
        .filter(|meta| meta.configurable)
        .map(|meta| serde_json::json!({ "name": meta.name, "summary": meta.summary }))
        .collect();
    serde_json::Value::Array(rules).to_string()
}
