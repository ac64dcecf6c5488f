//! The engine as the page calls it, natively: the command line's documents, offsets in
//! UTF-16, the config applied or its mistakes reported.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use runlint_web::{complete, editor_state, fix, hover, lint, report};
use serde_json::Value;

/// A plan whose first line holds characters that take more UTF-16 units than bytes or
/// fewer: offsets after it differ between runlint (bytes) and the editor (UTF-16).
const PLAN: &str = "plan: Semaine 1 – côte 🏃\nweeks:\n  - week: 1\n    phase: base\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - reverse lunge: 2x8 each\n          - singel-leg calf raise: 2x10 each\n";

fn utf16_slice(text: &str, from: u64, to: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[from as usize..to as usize]).unwrap()
}

#[test]
fn findings_and_fixes_are_in_the_editors_offsets() {
    let state: Value = serde_json::from_str(&editor_state(PLAN, "")).unwrap();
    let misspelt = state["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "unknown-exercise").unwrap();
    let (from, to) = (misspelt["from"].as_u64().unwrap(), misspelt["to"].as_u64().unwrap());
    assert_eq!(utf16_slice(PLAN, from, to), "singel-leg calf raise");
    let edit = &misspelt["fix"]["edits"][0];
    assert_eq!(
        utf16_slice(PLAN, edit["from"].as_u64().unwrap(), edit["to"].as_u64().unwrap()),
        "singel-leg calf raise"
    );
    assert_eq!(edit["insert"], "single-leg calf raise");
    assert_eq!(misspelt["fix"]["applicability"], "safe");
}

#[test]
fn a_rule_switched_off_in_the_config_is_gone() {
    let config = "[rules]\nunknown-exercise = \"off\"\n";
    let state: Value = serde_json::from_str(&editor_state(PLAN, config)).unwrap();
    assert!(state["diagnostics"].as_array().unwrap().iter().all(|d| d["rule"] != "unknown-exercise"));
    let document: Value = serde_json::from_str(&lint(PLAN, config)).unwrap();
    assert!(document["diagnostics"].as_array().unwrap().iter().all(|d| d["rule"] != "unknown-exercise"));
}

#[test]
fn a_broken_config_stops_the_lint_as_on_the_command_line() {
    let config = "[rules]\nunknown-exercise = \"loud\"\n";
    let document: Value = serde_json::from_str(&lint(PLAN, config)).unwrap();
    assert_eq!(document["diagnostics"], Value::Array(Vec::new()));
    let error = &document["errors"][0];
    assert_eq!(error["path"], "runlint.toml");
    assert!(error["message"].as_str().unwrap().starts_with("2:20: "), "{error}");
    let state: Value = serde_json::from_str(&editor_state(PLAN, config)).unwrap();
    let problem = &state["config_problems"][0];
    assert_eq!(utf16_slice(config, problem["from"].as_u64().unwrap(), problem["to"].as_u64().unwrap()), "\"loud\"");
    assert_eq!(state["diagnostics"], Value::Array(Vec::new()));
}

#[test]
fn fix_applies_safe_fixes_only_unless_asked() {
    let fixed = fix(PLAN, "", "safe");
    assert!(fixed.contains("- single-leg calf raise: 2x10 each"), "{fixed}");
    assert_eq!(fix(PLAN, "[rules]\nno-such-rule = \"off\"\n", "safe"), PLAN);
}

#[test]
fn the_report_names_the_plan_and_escapes_its_text() {
    let hostile = PLAN.replace("plan: Semaine", "plan: <script>x</script> Semaine");
    let html = report(&hostile, "", Some("<b>my plan</b>.yaml".to_owned()));
    assert!(html.contains("&lt;b&gt;my plan&lt;/b&gt;.yaml"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(!html.contains("<script>x"));
}

#[test]
fn completion_and_hover_answer_at_utf16_offsets() {
    let typing = format!("{PLAN}          - nordic ham");
    let at = typing.encode_utf16().count();
    let found: Value = serde_json::from_str(&complete(&typing, "", at)).unwrap();
    assert_eq!(utf16_slice(&typing, found["from"].as_u64().unwrap(), found["to"].as_u64().unwrap()), "nordic ham");
    assert!(found["options"].as_array().unwrap().iter().any(|o| o["label"] == "nordic hamstring curl"));

    let lunge = PLAN.encode_utf16().count()
        - "reverse lunge: 2x8 each\n          - singel-leg calf raise: 2x10 each\n".encode_utf16().count()
        + 2;
    let shown: Value = serde_json::from_str(&hover(PLAN, "", lunge)).unwrap();
    assert_eq!(utf16_slice(PLAN, shown["from"].as_u64().unwrap(), shown["to"].as_u64().unwrap()), "reverse lunge");
    assert!(shown["markdown"].as_str().unwrap().contains("reverse lunge"));
    assert_eq!(hover(PLAN, "", 0), "null");
}
