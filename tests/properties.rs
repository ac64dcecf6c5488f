//! Property tests over generated plans: linting never panics, every diagnostic range lies
//! inside the file on character boundaries, output is the same on every run and with any
//! thread count, and every renderer accepts every diagnostic.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use proptest::prelude::*;
use runlint::config::Config;
use runlint::render::{Format, LintedFile, render};
use runlint::source::Source;

const EXERCISES: &[&str] = &[
    "split squat",
    "single-leg calf raise",
    "Calf Raises",
    "RDL",
    "SL RDL",
    "BSS",
    "glute bridge",
    "box jump",
    "pogo hops",
    "dead bug",
    "side plank",
    "crunch",
    "foam rolling",
    "IT band roll",
    "deadlift",
    "clamshell",
    "Übung ✓",
    "squatt",
];
const PRESCRIPTIONS: &[&str] = &[
    "3x10",
    "2 x 8-10 each",
    "3x30s",
    "2 x 10 steps each leg",
    "3 × 12",
    "3x6 @ 80%",
    "3x5 @ 100kg",
    "3x5 @ RPE 10",
    "3x12 @ bw",
    "3x5+",
    "2 x amrap",
    "4 x 20 @ 10kg",
    "3 by 10",
    "",
    "{sets: 3, reps: 8-10, load: 12kg}",
    "{sets: 2, seconds: 30, each_side: true}",
    "{sest: 3}",
    "{sets: 2, tempo: \"3-0-1\"}",
];
const RUNS: &[&str] = &["easy", "long", "tempo", "intervals", "hills", "recovery", "race", "jog"];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun", "Monday", "SUNDAY"];
const PHASES: &[&str] = &["base", "build", "peak", "taper", "race", "recovery", "maintenance", "peek"];

/// One generated session as YAML lines at the given indentation.
fn session() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..RUNS.len(), 0u32..30, prop::option::of(0u32..24)).prop_map(|(run, km, at)| {
            let at = at.map(|h| format!(", at: \"{h:02}:00\"")).unwrap_or_default();
            format!("{{run: {}, km: {km}{at}}}", RUNS[run])
        }),
        (
            prop::collection::vec((0..EXERCISES.len(), 0..PRESCRIPTIONS.len()), 1..6),
            prop::option::of(0u32..24),
            prop::option::of(10u32..90)
        )
            .prop_map(|(exercises, at, minutes)| {
                let list: Vec<String> = exercises
                    .iter()
                    .map(|&(e, p)| match PRESCRIPTIONS[p] {
                        "" => EXERCISES[e].to_owned(),
                        prescription => format!(
                            "{{\"{}\": {}}}",
                            EXERCISES[e],
                            if prescription.starts_with('{') {
                                prescription.to_owned()
                            } else {
                                format!("\"{prescription}\"")
                            }
                        ),
                    })
                    .collect();
                let at = at.map(|h| format!(", at: \"{h:02}:30\"")).unwrap_or_default();
                let minutes = minutes.map(|m| format!(", minutes: {m}")).unwrap_or_default();
                format!("{{strength: Legs{at}{minutes}, exercises: [{}]}}", list.join(", "))
            }),
        Just("rest".to_owned()),
        Just("off".to_owned()),
    ]
}

fn week() -> impl Strategy<Value = (Option<usize>, Vec<(usize, Vec<String>)>)> {
    (
        prop::option::of(0..PHASES.len()),
        prop::collection::vec((0..DAYS.len(), prop::collection::vec(session(), 1..3)), 0..7),
    )
}

/// A whole plan: mostly valid, sometimes with shape mistakes, odd names and CRLF endings.
fn plan_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(week(), 1..6), 0u32..20, any::<bool>(), any::<bool>(), prop::option::of("[a-z ]{0,12}"))
        .prop_map(|(weeks, strength_weeks, crlf, pain, history)| {
            let mut text = format!("plan: Generated ✓\nathlete:\n  strength_weeks: {strength_weeks}\n");
            if pain {
                text.push_str("  pain: [knee]\n");
            }
            if let Some(history) = history {
                text.push_str(&format!("  history: [\"{history}\"]\n"));
            }
            text.push_str("race: {week: 4}\nweeks:\n");
            for (index, (phase, days)) in weeks.iter().enumerate() {
                text.push_str(&format!("  - week: {}\n", index + 1));
                if let Some(phase) = phase {
                    text.push_str(&format!("    phase: {}\n", PHASES[*phase]));
                }
                text.push_str("    days:\n");
                for (day, sessions) in days {
                    let value =
                        if sessions.len() == 1 { sessions[0].clone() } else { format!("[{}]", sessions.join(", ")) };
                    // A list containing `rest` is a deliberate shape mistake some of the time.
                    text.push_str(&format!("      {}: {value}  # runlint: allow calf-work-missing\n", DAYS[*day]));
                }
            }
            if crlf { text.replace('\n', "\r\n") } else { text }
        })
}

fn all_formats() -> [Format; 7] {
    Format::ALL
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn diagnostics_lie_inside_the_file_and_every_renderer_accepts_them(text in plan_text()) {
        let source = Source::new("generated.yaml", text.clone());
        let diagnostics = runlint::lint_source(&source, &Config::default());
        for d in &diagnostics {
            for span in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
                prop_assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside {} bytes", text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{span:?} splits a character");
            }
        }
        prop_assert_eq!(&diagnostics, &runlint::lint_source(&source, &Config::default()), "a second run differs");
        let report = [LintedFile { source, diagnostics }];
        for format in all_formats() {
            let mut out = Vec::new();
            prop_assert!(render(format, &report, &common::render_options(), &mut out).is_ok());
            prop_assert!(!out.is_empty() || format == Format::Github && report[0].diagnostics.is_empty());
            if matches!(format, Format::Json | Format::Sarif | Format::Gitlab) {
                prop_assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn output_is_the_same_with_any_thread_count(plans in prop::collection::vec(plan_text(), 2..12)) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (index, plan) in plans.iter().enumerate() {
            std::fs::write(dir.path().join(format!("plan-{index:02}.yaml")), plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let run = |threads: &str| {
            common::runlint_in(dir.path())
                .args(["--no-config", "--format", "json", "--threads", threads, "."])
                .output()
                .map(|o| o.stdout)
        };
        let one = run("1").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!one.is_empty());
        for threads in ["2", "4"] {
            let other = run(threads).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(String::from_utf8_lossy(&one), String::from_utf8_lossy(&other), "--threads {} differs", threads);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn applying_every_fix_never_breaks_a_plan(text in plan_text()) {
        let config = Config::default();
        let shape = |text: &str| {
            let diagnostics = runlint::lint_source(&Source::new("generated.yaml", text), &config);
            let syntax = diagnostics.iter().any(|d| d.rule.name == "syntax-error");
            (syntax, diagnostics.iter().filter(|d| d.rule.name == "invalid-plan").count())
        };
        let (syntax_before, invalid_before) = shape(&text);
        let fixed = runlint::lint_fix("generated.yaml", &text, &config, runlint::fix::Applicability::Unsafe);
        let (syntax_after, invalid_after) = shape(&fixed.text);
        prop_assert!(!syntax_after || syntax_before, "a fix made a syntax error:\n{}", fixed.text);
        prop_assert!(invalid_after <= invalid_before, "a fix made a shape error:\n{}", fixed.text);
    }
}
