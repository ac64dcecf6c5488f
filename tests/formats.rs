//! Machine formats: SARIF against the official schema, stable fingerprints, GitHub
//! escaping, well-formed JUnit, and the plan JSON Schema against the fixtures.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;

use common::{lint, read, root, yaml_files};
use runlint::diagnostic::{Diagnostic, Severity, Span};
use runlint::render::{Format, LintedFile, RenderOptions};
use runlint::source::Source;
use serde_json::Value;

use common::rendered;

fn report(name: &str, text: &str) -> LintedFile {
    let (source, diagnostics) = lint(name, text);
    LintedFile { source, diagnostics }
}

fn fixture_reports() -> Vec<LintedFile> {
    let mut paths = yaml_files(&root().join("examples"));
    for entry in std::fs::read_dir(root().join("fixtures")).into_iter().flatten().flatten() {
        paths.extend(yaml_files(&entry.path()));
    }
    paths.iter().map(|p| report(&p.strip_prefix(root()).unwrap_or(p).display().to_string(), &read(p))).collect()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON: {e}\n{text}"))
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    // The official schema's `language` pattern has a lone `]`, which ECMAScript regexes
    // accept as a literal and Rust's regex engines reject; escape it, change nothing else.
    let text = read(&root().join("tests/data/sarif-schema-2.1.0.json"));
    let text = text.replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}\\\\]?$");
    let schema = json(&text);
    let validator = jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("schema: {e}"));
    let reports = fixture_reports();
    let sarif = json(&rendered(Format::Sarif, &reports, &common::render_options()));
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().map_or(0, Vec::len);
    assert!(results > 50, "only {results} results");
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken), "the schema check must be able to fail");
}

#[test]
fn sarif_lists_every_enabled_rule_with_descriptions() {
    let sarif = json(&rendered(Format::Sarif, &[], &common::render_options()));
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    let ids: BTreeSet<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for rule in runlint::rules::RULES.iter().filter(|r| r.meta.default_severity.is_some()) {
        assert!(ids.contains(rule.meta.name), "{} missing", rule.meta.name);
    }
    assert!(!ids.contains("heavy-on-easy-day"), "rules off by default are not listed");
    for rule in &rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(rule[field]["text"].as_str().is_some_and(|t| !t.is_empty()), "{rule} lacks {field}");
        }
        assert!(rule["defaultConfiguration"]["level"].is_string());
        assert!(rule["helpUri"].as_str().is_some_and(|uri| uri.starts_with("https://")), "{rule} lacks helpUri");
    }
    for builtin in ["syntax-error", "invalid-plan", "unknown-exercise", "unused-suppression"] {
        assert!(ids.contains(builtin), "{builtin} missing");
        assert!(root().join(format!("docs/checks/{builtin}.md")).is_file(), "docs/checks/{builtin}.md is missing");
    }
    let run = &sarif["runs"][0];
    assert!(run["tool"]["driver"]["fullName"].as_str().is_some_and(|name| name.starts_with("runlint ")));
    assert_eq!(run["automationDetails"]["id"], "runlint/");
}

#[test]
fn sarif_fingerprints_survive_lines_moving_above_a_finding() {
    let text = read(&root().join("examples/spring-half-marathon.yaml"));
    let moved = format!("# a comment added at the top\n\n# and another\n{text}");
    let fingerprints = |text: &str| -> Vec<String> {
        let sarif = json(&rendered(Format::Sarif, &[report("plan.yaml", text)], &common::render_options()));
        let results = sarif["runs"][0]["results"].as_array().cloned().unwrap_or_default();
        results.iter().map(|r| r["partialFingerprints"]["runlintLogicalLocation/v1"].to_string()).collect()
    };
    let before = fingerprints(&text);
    assert_eq!(before.len(), 3);
    assert_eq!(before, fingerprints(&moved));
    let unique: BTreeSet<&String> = before.iter().collect();
    assert_eq!(unique.len(), before.len(), "fingerprints must be distinct");
}

#[test]
fn github_annotations_escape_percent_colon_comma_and_newlines() {
    let source = Source::new("plans/a:b,c.yaml", "plan: x\n");
    let diagnostic = Diagnostic::new(
        runlint::rules::find("sets-to-failure").expect("a rule"),
        Severity::Warning,
        "50% of max: 3x5,\nthen more",
        Span::new(0, 4),
    );
    let out =
        rendered(Format::Github, &[LintedFile { source, diagnostics: vec![diagnostic] }], &common::render_options());
    assert_eq!(
        out,
        // A line break inside plan text is shown escaped, like every control character.
        "::warning file=plans/a%3Ab%2Cc.yaml,line=1,col=1,endLine=1,endColumn=5,title=sets-to-failure::50%25 of max: 3x5,\\u{a}then more\n"
    );
}

#[test]
fn junit_is_well_formed_with_one_case_per_diagnostic_and_failures_only_at_the_fail_level() {
    let reports = fixture_reports();
    for fail_level in [Severity::Error, Severity::Warning, Severity::Info] {
        let options = RenderOptions { fail_level: Some(fail_level), ..common::render_options() };
        let xml = rendered(Format::Junit, &reports, &options);
        let (suites, cases, failures) = junit_counts(&xml);
        let diagnostics: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
        let failing: usize =
            reports.iter().map(|r| r.diagnostics.iter().filter(|d| d.severity >= fail_level).count()).sum();
        let clean = reports.iter().filter(|r| r.diagnostics.is_empty()).count();
        assert_eq!(suites, reports.len());
        assert_eq!(failures, failing, "{fail_level:?}");
        assert_eq!(cases, diagnostics + clean);
        assert!(clean >= 8 && diagnostics > 50 && (fail_level == Severity::Info || failing < diagnostics));
    }
}

/// Test suites, test cases and failures in a JUnit document.
fn junit_counts(xml: &str) -> (usize, usize, usize) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut suites, mut cases, mut failures) = (0, 0, 0);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => match e.name().as_ref() {
                "testsuite" => suites += 1,
                "testcase" => cases += 1,
                "failure" => failures += 1,
                _ => {}
            },
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("malformed XML: {error}"),
        }
    }
    (suites, cases, failures)
}

fn plan_validator() -> jsonschema::Validator {
    let schema = runlint::plan::schema::plan_schema();
    jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("bad plan schema: {e}"))
}

/// Reads YAML as editors do (YAML 1.2: `off` is a string, not a boolean).
fn yaml_to_json(text: &str) -> Value {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options::<Value>(text, options).unwrap_or_else(|e| panic!("not YAML: {e}"))
}

#[test]
fn the_plan_schema_accepts_every_valid_fixture() {
    let validator = plan_validator();
    let mut failures = Vec::new();
    for report in fixture_reports() {
        if report.diagnostics.iter().any(|d| matches!(d.rule.name, "invalid-plan" | "syntax-error")) {
            continue;
        }
        let value = yaml_to_json(report.source.text());
        for error in validator.iter_errors(&value) {
            failures.push(format!("{}: {error} at {}", report.source.name(), error.instance_path()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_plan_schema_rejects_each_broken_fixture() {
    let validator = plan_validator();
    let broken = yaml_files(&root().join("fixtures/invalid-plan"));
    let mut checked = 0;
    for path in broken {
        let text = read(&path);
        let (_, diagnostics) = lint("x.yaml", &text);
        if !diagnostics.iter().any(|d| d.rule.name == "invalid-plan") {
            continue;
        }
        // Semantic mistakes a schema cannot express are caught by runlint alone.
        if text.contains("# schema: cannot express") {
            continue;
        }
        assert!(!validator.is_valid(&yaml_to_json(&text)), "{} passes the schema", path.display());
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} broken fixtures checked");
}

#[test]
fn the_published_plan_schema_is_the_one_print_schema_prints() {
    let published = json(&read(&root().join("schemas/plan.schema.json")));
    assert_eq!(
        published,
        runlint::plan::schema::plan_schema(),
        "run `runlint --print-schema > schemas/plan.schema.json`"
    );
}

#[test]
fn the_vs_code_problem_matcher_in_the_docs_reads_short_output() {
    let docs = read(&root().join("docs/integrations.md"));
    let line = docs.lines().find(|l| l.contains("\"regexp\"")).unwrap_or_else(|| panic!("no regexp in docs"));
    let escaped = line.split("\"regexp\": \"").nth(1).and_then(|rest| rest.rsplit_once("\",")).map(|(regex, _)| regex);
    let pattern = escaped.unwrap_or_else(|| panic!("cannot read the regexp")).replace("\\\\", "\\");
    // The same regex syntax subset in JavaScript and Rust: anchors, classes, lazy groups.
    let matcher = regex_lite::Regex::new(&pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    let reports = fixture_reports();
    let short = rendered(Format::Short, &reports, &RenderOptions { quiet: true, ..common::render_options() });
    let mut matched = 0;
    for line in short.lines() {
        let captures = matcher.captures(line).unwrap_or_else(|| panic!("no match: {line}"));
        let field = |i| captures.get(i).map_or("", |m| m.as_str());
        assert!(
            field(1).ends_with(".yaml") && field(2).parse::<u32>().is_ok() && field(3).parse::<u32>().is_ok(),
            "{line}"
        );
        assert!(["error", "warning", "info"].contains(&field(4)) && !field(6).is_empty(), "{line}");
        matched += 1;
    }
    assert!(matched > 50);
}

#[test]
fn streamed_json_documents_equal_a_plain_pretty_print_of_the_same_document() {
    // Every fixture at once: many files, folded findings (JSON's run-wide `folded_into`),
    // clean files, and a run error, which the document's tail carries.
    let reports = fixture_reports();
    let mut options = common::render_options();
    options.run_errors = vec![runlint::render::PathProblem { path: "gone.yaml".into(), message: "not found".into() }];
    for format in
        Format::ALL.into_iter().filter(|format| matches!(format, Format::Json | Format::Sarif | Format::Gitlab))
    {
        let streamed = rendered(format, &reports, &options);
        let mut printed = serde_json::to_string_pretty(&json(&streamed)).unwrap();
        printed.push('\n');
        assert!(streamed == printed, "{format:?}: the streamed document is not what a pretty printer writes");
        let empty = rendered(format, &[], &options);
        assert_eq!(empty, format!("{}\n", serde_json::to_string_pretty(&json(&empty)).unwrap()), "{format:?}");
    }
}

#[test]
fn every_format_clap_offers_is_in_format_all() {
    use clap::ValueEnum;
    assert_eq!(Format::value_variants(), Format::ALL.as_slice());
}

#[test]
fn human_output_counts_columns_in_the_plan_text_not_in_its_escaped_form() {
    // A zero-width joiner is shown escaped (`\u{200d}`, eight characters) but is one
    // character of the plan: the finding after it is at the same column in every format.
    let plan = "plan: x\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [\"👨\u{200d}👩 x\", squatt]\n";
    let reports = [report("zwj.yaml", plan)];
    let short = rendered(Format::Short, &reports, &common::render_options());
    let human = rendered(Format::Human, &reports, &common::render_options());
    let places = |text: &str| -> Vec<String> {
        text.match_indices("zwj.yaml:7:")
            .map(|(at, _)| {
                text[at..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != ' ')
                    .collect::<String>()
                    .trim_end_matches(':')
                    .to_owned()
            })
            .collect()
    };
    let short_places: BTreeSet<String> = places(&short).into_iter().collect();
    let human_places: BTreeSet<String> = places(&human).into_iter().collect();
    assert!(short_places.contains("zwj.yaml:7:30"), "{short}");
    assert_eq!(human_places, short_places, "{human}");
}

#[test]
fn the_plan_schema_offers_the_days_as_keys_and_gives_readable_messages() {
    let schema = runlint::plan::schema::plan_schema();
    let days = &schema["definitions"]["week"]["properties"]["days"];
    let offered: Vec<&str> = days["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(offered, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    let text = serde_json::to_string(&schema).unwrap();
    // Every pattern a coach can get wrong says in words what it wants.
    assert!(text.contains("\"patternErrorMessage\":\"write SETS x AMOUNT"), "no readable prescription message");
}
