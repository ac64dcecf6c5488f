//! `--fix` on arbitrary plans: the fixed text parses whenever the input did, has no
//! finding the input lacked (shape errors only while the input had some), is what the
//! edits used for `--diff` make of the input, and a second pass changes nothing.
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use runlint::config::Config;
use runlint::diagnostic::Diagnostic;
use runlint::fix::{Applicability, apply_edits};
use runlint::source::Source;

fn findings(diagnostics: &[Diagnostic], shape_only: bool) -> HashMap<(&'static str, String), usize> {
    let mut counts = HashMap::new();
    for diagnostic in diagnostics.iter().filter(|d| !shape_only || d.rule.name == "invalid-plan") {
        *counts.entry((diagnostic.rule.name, diagnostic.message.clone())).or_default() += 1;
    }
    counts
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let config = Config::default();
    for level in [Applicability::Safe, Applicability::Unsafe] {
        let before = runlint::lint_source(&Source::new("fuzz.yaml", text), &config);
        let outcome = runlint::lint_fix("fuzz.yaml", text, &config, level);
        assert_eq!(apply_edits(text, outcome.edits.clone()).as_deref(), Some(outcome.text.as_str()), "the diff's edits");
        if outcome.text == text {
            continue;
        }
        assert!(outcome.diagnostics.iter().all(|d| d.rule.name != "syntax-error"), "a fix broke the syntax");
        let shape_only = before.iter().any(|d| d.rule.name == "invalid-plan");
        let old = findings(&before, shape_only);
        for (key, count) in findings(&outcome.diagnostics, shape_only) {
            assert!(count <= old.get(&key).copied().unwrap_or(0), "a fix added {key:?}");
        }
        let again = runlint::lint_fix("fuzz.yaml", &outcome.text, &config, level);
        if outcome.note.is_none() && outcome.rolled_back == 0 {
            assert_eq!(again.text, outcome.text, "a second pass changed the text");
        }
    }
});
