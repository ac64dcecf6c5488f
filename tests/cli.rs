//! The binary end to end: exit codes, inputs (files, directories, stdin), formats, colour.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use common::root;

const EXAMPLE: &str = "examples/spring-half-marathon.yaml";

const CLEAN_PLAN: &str = "plan: Clean\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [squat, single-leg glute bridge, calf raise, dead bug]\n      tue: rest\n";
const WARNING_PLAN: &str = "plan: Warn\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [squat, single-leg glute bridge, dead bug]\n      tue: rest\n";

fn runlint(args: &[&str], dir: &Path) -> Output {
    let result = common::runlint_in(dir).args(args).output();
    result.unwrap_or_else(|e| panic!("cannot run runlint: {e}"))
}

fn runlint_stdin(args: &[&str], input: &str) -> Output {
    runlint_stdin_bytes(args, input.as_bytes())
}

fn runlint_stdin_bytes(args: &[&str], input: &[u8]) -> Output {
    let child = common::runlint_in(&root())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.unwrap_or_else(|e| panic!("cannot run runlint: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).unwrap_or_else(|e| panic!("cannot write stdin: {e}"));
    }
    child.wait_with_output().unwrap_or_else(|e| panic!("runlint failed: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"))
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
    }
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

#[test]
fn the_example_plan_reports_its_problems_and_exits_1() {
    let output = runlint(&["--color", "never", EXAMPLE], &root());
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    for rule in ["heavy-before-hard", "calf-work-missing", "progression-too-many-variables"] {
        assert!(text.contains(&format!("[{rule}]")), "missing {rule} in:\n{text}");
    }
    assert!(text.contains("1 error, 2 warnings"), "{text}");
}

#[test]
fn a_clean_plan_exits_0_and_warnings_fail_only_at_fail_level_warning() {
    let dir = temp_dir();
    write(dir.path(), "clean.yaml", CLEAN_PLAN);
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    assert_eq!(runlint(&["clean.yaml"], dir.path()).status.code(), Some(0));
    assert_eq!(runlint(&["warn.yaml"], dir.path()).status.code(), Some(0));
    assert_eq!(runlint(&["--fail-level", "warning", "warn.yaml"], dir.path()).status.code(), Some(1));
    assert_eq!(runlint(&["--fail-level", "warning", "clean.yaml"], dir.path()).status.code(), Some(0));
}

#[test]
fn a_missing_path_exits_2_and_the_other_files_are_still_linted() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let output = runlint(&["--format", "short", "missing.yaml", "warn.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.yaml"), "{}", stderr(&output));
    assert!(stdout(&output).contains("warn.yaml:7:9: warning[calf-work-missing]"), "{}", stdout(&output));
}

#[test]
fn directories_are_walked_for_plans_honouring_gitignore() {
    let dir = temp_dir();
    write(dir.path(), "plans/a.yaml", WARNING_PLAN);
    write(dir.path(), "plans/b.yml", CLEAN_PLAN);
    write(dir.path(), "plans/broken.yaml", "plan: broken\nweeks: [\n");
    write(dir.path(), "ci/workflow.yaml", "on: push\njobs: {}\n");
    write(dir.path(), "old/ignored.yaml", WARNING_PLAN);
    write(dir.path(), ".gitignore", "old/\n");
    std::fs::create_dir_all(dir.path().join(".git")).unwrap_or_else(|e| panic!("{e}"));
    let output = runlint(&["--format", "short", "--verbose"], dir.path());
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("plans/a.yaml:7:9: warning[calf-work-missing]"), "{text}");
    assert!(text.contains("plans/broken.yaml:2:8: error[syntax-error] invalid YAML: unclosed bracket"), "{text}");
    assert!(!text.contains("ignored.yaml"), "{text}");
    assert!(text.ends_with("1 error, 1 warning, 0 infos in 3 files\n"), "{text}");
    assert!(stderr(&output).contains("skipped `ci/workflow.yaml`"), "{}", stderr(&output));
    // Output is sorted by path whatever order the walk took.
    let a = text.find("plans/a.yaml").unwrap_or(usize::MAX);
    let broken = text.find("plans/broken.yaml").unwrap_or(0);
    assert!(a < broken, "{text}");
}

#[test]
fn ignore_files_are_read_as_git_reads_them() {
    // A `.gitignore` above the repository root hides nothing in it; git ignores it too.
    let dir = temp_dir();
    write(dir.path(), ".gitignore", "*.yaml\n");
    write(dir.path(), "repo/plans/a.yaml", WARNING_PLAN);
    std::fs::create_dir_all(dir.path().join("repo/.git")).unwrap_or_else(|e| panic!("{e}"));
    let output = runlint(&["--format", "short", "--quiet", "."], &dir.path().join("repo"));
    assert!(stdout(&output).contains("plans/a.yaml:7:9"), "{}", stdout(&output));
    // Outside a repository `.gitignore` means nothing; `.ignore` applies anywhere.
    let dir = temp_dir();
    write(dir.path(), ".gitignore", "a.yaml\n");
    write(dir.path(), ".ignore", "b.yaml\n");
    write(dir.path(), "a.yaml", WARNING_PLAN);
    write(dir.path(), "b.yaml", WARNING_PLAN);
    let output = runlint(&["--format", "short", "--quiet", "."], dir.path());
    let text = stdout(&output);
    assert!(text.contains("a.yaml:7:9") && !text.contains("b.yaml"), "{text}");
}

#[test]
fn fixing_standard_input_that_cannot_be_fixed_prints_its_findings() {
    // Invalid UTF-8 is never edited: the findings are printed instead of a fixed plan.
    let output = runlint_stdin_bytes(&["--fix", "--format", "short", "-"], b"weeks:\n\xff\n");
    let text = stdout(&output);
    assert!(text.contains("<stdin>:2:1: error[syntax-error] invalid UTF-8"), "{text}");
    assert_eq!(output.status.code(), Some(1));
    // A plan that can be fixed comes back fixed, with no findings in between.
    let output = runlint_stdin(&["--fix", "--format", "short", "-"], WARNING_PLAN);
    assert_eq!(stdout(&output), WARNING_PLAN);
}

#[test]
fn a_file_named_explicitly_is_linted_whatever_its_extension() {
    let dir = temp_dir();
    write(dir.path(), "plan.txt", WARNING_PLAN);
    let output = runlint(&["--format", "short", "plan.txt"], dir.path());
    assert!(stdout(&output).contains("plan.txt:7:9: warning[calf-work-missing]"), "{}", stdout(&output));
}

#[test]
fn stdin_is_linted_under_the_given_name() {
    let output = runlint_stdin(&["--format", "short", "--stdin-filename", "plans/from-editor.yaml", "-"], WARNING_PLAN);
    assert!(stdout(&output).contains("plans/from-editor.yaml:7:9: warning[calf-work-missing]"), "{}", stdout(&output));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn json_output_follows_the_published_schema() {
    let schema_text = common::read(&root().join("schemas/output.schema.json"));
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap_or_else(|e| panic!("schema: {e}"));
    let validator = jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("bad schema: {e}"));
    let output = runlint(&["--format", "json", EXAMPLE, "fixtures"], &root());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON: {e}"));
    let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let diagnostics = value["diagnostics"].as_array().map_or(0, Vec::len);
    assert!(diagnostics > 10, "expected many diagnostics, got {diagnostics}");
    // A document that breaks the contract must be rejected, or the check above proves nothing.
    let broken = serde_json::json!({"version": 1, "diagnostics": [{"file": "x"}], "summary": {}});
    assert!(!validator.is_valid(&broken));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let ansi = |output: &Output| stdout(output).contains('\u{1b}');
    assert!(ansi(&runlint(&["--color", "always", EXAMPLE], &root())));
    assert!(!ansi(&runlint(&["--color", "never", EXAMPLE], &root())));
    // Standard output is a pipe here, so `auto` means no colour.
    assert!(!ansi(&runlint(&[EXAMPLE], &root())));
    let with_no_color = common::runlint_in(&root())
        .args(["--color", "auto", EXAMPLE])
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!ansi(&with_no_color));
}

#[test]
fn quiet_leaves_out_the_summary() {
    let output = runlint(&["--quiet", "--format", "short", EXAMPLE], &root());
    assert!(!stdout(&output).contains("in 1 file"), "{}", stdout(&output));
    assert_eq!(stdout(&output).lines().count(), 3);
}

#[test]
fn explain_prints_the_rule_doc_and_suggests_a_misspelt_name() {
    let output = runlint(&["--explain", "heavy-before-hard"], &root());
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("heavy-before-hard\n"), "{}", stdout(&output));
    let output = runlint(&["--explain", "heavy-before-hrad"], &root());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `heavy-before-hard`?"), "{}", stderr(&output));
}

#[test]
fn list_rules_names_every_rule() {
    let output = runlint(&["--list-rules"], &root());
    let text = stdout(&output);
    for rule in runlint::rules::RULES {
        assert!(text.lines().any(|line| line.starts_with(rule.meta.name)), "{} missing", rule.meta.name);
    }
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(runlint(&["--format", "xml"], &root()).status.code(), Some(2));
    assert_eq!(runlint(&["--no-such-flag"], &root()).status.code(), Some(2));
}

#[test]
fn a_file_reached_twice_is_linted_once() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let output = runlint(&["--format", "short", "warn.yaml", ".", "./warn.yaml"], dir.path());
    let text = stdout(&output);
    assert_eq!(text.matches("calf-work-missing").count(), 1, "{text}");
    assert!(text.ends_with("in 1 file\n"), "{text}");
    let output = runlint_stdin(&["--format", "short", "-", "-"], WARNING_PLAN);
    assert!(stdout(&output).ends_with("0 errors, 1 warning, 0 infos in 1 file\n"), "{}", stdout(&output));
}

#[test]
fn gitlab_and_sarif_name_files_by_their_path_in_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    std::fs::write(plans.join("spring.yaml"), WARNING_PLAN).unwrap();
    let gitlab = runlint(&["--no-config", "--format", "gitlab", "spring.yaml"], &plans);
    let issues: serde_json::Value = serde_json::from_slice(&gitlab.stdout).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&common::read(&root().join("tests/data/gitlab-code-quality.schema.json"))).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&issues).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let issues = issues.as_array().unwrap();
    assert!(!issues.is_empty());
    assert!(issues.iter().all(|issue| issue["location"]["path"] == "plans/spring.yaml"), "{issues:?}");
    let fingerprints: std::collections::HashSet<&str> =
        issues.iter().filter_map(|issue| issue["fingerprint"].as_str()).collect();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints must be unique");
    let sarif = runlint(&["--no-config", "--format", "sarif", "spring.yaml"], &plans);
    let sarif: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let run = &sarif["runs"][0];
    let artifact = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "plans/spring.yaml");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    let root_uri = run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    assert!(root_uri.starts_with("file:///") && root_uri.ends_with('/'), "{root_uri}");
    assert!(run["tool"]["driver"]["rules"][0]["helpUri"].as_str().unwrap().ends_with(".md"));
}

#[test]
fn plans_only_skips_named_yaml_that_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".pre-commit-config.yaml"), "repos: []\n").unwrap();
    std::fs::write(dir.path().join("plan.yaml"), WARNING_PLAN).unwrap();
    let named = ["--no-config", "--format", "short", ".pre-commit-config.yaml", "plan.yaml"];
    let without = stdout(&runlint(&named, dir.path()));
    assert!(without.contains(".pre-commit-config.yaml"), "named files are plans by default: {without}");
    let mut with_flag = named.to_vec();
    with_flag.push("--plans-only");
    let with = stdout(&runlint(&with_flag, dir.path()));
    assert!(!with.contains(".pre-commit-config.yaml"), "{with}");
    assert!(with.contains("plan.yaml"), "{with}");
    // A hook that stages only files that are not plans skips them all, and passes.
    let only_config = runlint(&["--no-config", "--plans-only", ".pre-commit-config.yaml"], dir.path());
    assert_eq!(only_config.status.code(), Some(0), "{}", stderr(&only_config));
}

/// Validates a JSON value against a schema file of the repository.
fn assert_valid(value: &serde_json::Value, schema_path: &str) {
    let schema: serde_json::Value = serde_json::from_str(&common::read(&root().join(schema_path))).unwrap();
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{schema_path}: {errors:?}");
}

#[test]
fn machine_formats_report_unreadable_paths_and_config_errors_in_their_own_terms() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), WARNING_PLAN).unwrap();
    let json = runlint(&["--no-config", "--format", "json", "plan.yaml", "missing.yaml"], dir.path());
    assert_eq!(json.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_valid(&value, "schemas/output.schema.json");
    assert_eq!(value["errors"][0]["path"], "missing.yaml");
    assert!(!value["diagnostics"].as_array().unwrap().is_empty(), "the readable plan is still linted");
    let sarif = runlint(&["--no-config", "--format", "sarif", "plan.yaml", "missing.yaml"], dir.path());
    let value: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    let invocation = &value["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(invocation["toolExecutionNotifications"][0]["message"]["text"].as_str().unwrap().contains("missing.yaml"));
    let junit = stdout(&runlint(&["--no-config", "--format", "junit", "plan.yaml", "missing.yaml"], dir.path()));
    assert!(junit.contains("<error message=\"no such file or directory\""), "{junit}");
    // A broken config: nothing is linted, but JSON still says why.
    std::fs::write(dir.path().join("runlint.toml"), "[rules]\nplyo = \"error\"\n").unwrap();
    let broken = runlint(&["--format", "json", "plan.yaml"], dir.path());
    assert_eq!(broken.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&broken.stdout).unwrap();
    assert_valid(&value, "schemas/output.schema.json");
    assert!(value["errors"][0]["message"].as_str().unwrap().contains("unknown rule `plyo`"), "{value}");
}

#[test]
fn exit_zero_passes_findings_but_not_a_failed_run() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let findings = runlint(&["--fail-level", "warning", "--exit-zero", "warn.yaml"], dir.path());
    assert_eq!(findings.status.code(), Some(0));
    assert!(stdout(&findings).contains("calf-work-missing"), "the findings are still printed");
    let broken = runlint(&["--exit-zero", "warn.yaml", "missing.yaml"], dir.path());
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn output_file_gets_the_format_and_the_terminal_the_human_findings() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let output = runlint(&["--format", "json", "--output-file", "out.json", "warn.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&common::read(&dir.path().join("out.json"))).unwrap();
    assert_valid(&value, "schemas/output.schema.json");
    assert_eq!(value["diagnostics"][0]["rule"], "calf-work-missing");
    let terminal = stdout(&output);
    assert!(terminal.contains("warning[calf-work-missing]: lower-body session without calf work"), "{terminal}");
    assert!(terminal.ends_with("0 errors, 1 warning, 0 infos in 1 file\n"), "{terminal}");
    // Inside GitHub Actions the terminal gets annotations, the file still its format.
    let output = common::runlint_in(dir.path())
        .args(["--format", "sarif", "--output-file", "out.sarif", "warn.yaml"])
        .env("GITHUB_ACTIONS", "true")
        .output()
        .unwrap();
    assert!(stdout(&output).starts_with("::warning file=warn.yaml,line=7"), "{}", stdout(&output));
    let sarif: serde_json::Value = serde_json::from_str(&common::read(&dir.path().join("out.sarif"))).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "calf-work-missing");
}

#[test]
fn select_and_ignore_choose_rules_over_the_config() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    write(dir.path(), "runlint.toml", "[rules]\ncalf-work-missing = \"off\"\ncore-work-missing = \"error\"\n");
    let short = |args: &[&str]| {
        let mut all = vec!["--format", "short", "--quiet"];
        all.extend_from_slice(args);
        stdout(&runlint(&all, dir.path()))
    };
    assert!(!short(&["warn.yaml"]).contains("calf-work-missing"));
    // Selected, a rule the config turns off is checked at its default severity.
    assert_eq!(
        short(&["--select", "calf-work-missing", "warn.yaml"]),
        "warn.yaml:7:9: warning[calf-work-missing] lower-body session without calf work\n"
    );
    let output = runlint(
        &["--select", "calf-work-missing,hip-work-missing", "--ignore", "calf-work-missing", "warn.yaml"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(!stdout(&output).contains("calf-work-missing"), "{}", stdout(&output));
    let output = runlint(&["--ignore", "calf-work-misisng", "warn.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("did you mean `calf-work-missing`?"), "{}", stderr(&output));
}

#[test]
fn format_auto_is_github_inside_github_actions_and_human_elsewhere() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let with_env = |value: &str, args: &[&str]| {
        let output = common::runlint_in(dir.path()).args(args).env("GITHUB_ACTIONS", value).output().unwrap();
        stdout(&output)
    };
    assert!(with_env("true", &["warn.yaml"]).starts_with("::warning file=warn.yaml,line=7,col=9"));
    assert!(with_env("false", &["warn.yaml"]).starts_with("warning[calf-work-missing]"));
    assert!(with_env("true", &["--format", "human", "warn.yaml"]).starts_with("warning[calf-work-missing]"));
    assert!(stdout(&runlint(&["warn.yaml"], dir.path())).starts_with("warning[calf-work-missing]"));
}

#[test]
fn no_plans_found_is_an_error() {
    let dir = temp_dir();
    write(dir.path(), "ci.yaml", "on: push\n");
    let output = runlint(&[], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty(), "no summary of nothing: {}", stdout(&output));
    assert!(stderr(&output).starts_with("error: no plans found in `.`"), "{}", stderr(&output));
    let json = runlint(&["--format", "json"], dir.path());
    assert_eq!(json.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_valid(&value, "schemas/output.schema.json");
    assert!(value["errors"][0]["message"].as_str().unwrap().starts_with("no plans found"), "{value}");
}

#[test]
fn each_plan_runs_under_the_nearest_config_above_it() {
    let dir = temp_dir();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    write(dir.path(), "plans/club/p.yaml", WARNING_PLAN);
    write(dir.path(), "plans/club/runlint.toml", "[rules]\ncalf-work-missing = \"off\"\n");
    write(dir.path(), "plans/solo/p.yaml", WARNING_PLAN);
    let output = runlint(&["--format", "short", "--verbose", "plans"], dir.path());
    let text = stdout(&output);
    assert!(!text.contains("club/p.yaml"), "the club's config turns the rule off: {text}");
    assert!(text.contains("plans/solo/p.yaml:7:9: warning[calf-work-missing]"), "{text}");
    let said = stderr(&output);
    assert!(said.contains("config: plans/club/runlint.toml (for `plans/club/p.yaml`)"), "{said}");
    assert!(
        said.contains("config: none found up to the repository root; defaults apply (for `plans/solo/p.yaml`)"),
        "{said}"
    );
    // Named from the root, from inside, and read from standard input under its name.
    assert!(!stdout(&runlint(&["--format", "short", "plans/club/p.yaml"], dir.path())).contains("calf-work-missing"));
    assert!(
        !stdout(&runlint(&["--format", "short", "p.yaml"], &dir.path().join("plans/club")))
            .contains("calf-work-missing")
    );
    let piped = common::runlint_in(dir.path())
        .args(["--format", "short", "--stdin-filename", "plans/club/new.yaml", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    piped.stdin.as_ref().unwrap().write_all(WARNING_PLAN.as_bytes()).unwrap();
    assert!(!stdout(&piped.wait_with_output().unwrap()).contains("calf-work-missing"));
    // `--show-settings` says which config applies to a file and what it sets.
    let settings = stdout(&runlint(&["--show-settings", "plans/club/p.yaml"], dir.path()));
    assert!(settings.contains("# config: plans/club/runlint.toml\n"), "{settings}");
    assert!(settings.contains("\ncalf-work-missing = \"off\"\n"), "{settings}");
    assert!(settings.contains("\nhip-work-missing = \"warning\"\n"), "{settings}");
    let settings = stdout(&runlint(&["--show-settings", "plans/solo/p.yaml"], dir.path()));
    assert!(settings.contains("# config: none found"), "{settings}");
    // The report is judged by the same configs: the club's plan adds no finding to it.
    runlint(&["--report", "both.html", "plans"], dir.path());
    runlint(&["--report", "solo.html", "plans/solo"], dir.path());
    let findings = |name: &str| common::read(&dir.path().join(name)).matches("data-rule=\"calf-work-missing\"").count();
    assert!(findings("solo.html") > 0);
    assert_eq!(findings("both.html"), findings("solo.html"));
}

#[test]
fn explain_knows_the_built_in_checks_and_prints_plain_text() {
    for check in ["syntax-error", "invalid-plan", "unknown-exercise", "unused-suppression"] {
        let output = runlint(&["--explain", check], &root());
        assert_eq!(output.status.code(), Some(0), "{check}");
        assert!(stdout(&output).starts_with(&format!("{check}\n")), "{}", stdout(&output));
    }
    let list = stdout(&runlint(&["--list-rules"], &root()));
    for check in runlint::meta::BUILTINS {
        assert!(list.lines().any(|line| line.starts_with(check.name) && line.contains("built-in")), "{list}");
    }
    for meta in runlint::rules::registry() {
        let text = stdout(&runlint(&["--explain", meta.name], &root()));
        assert!(!text.contains("](") && !text.contains("../") && !text.contains("```"), "{}: {text}", meta.name);
        assert!(!text.contains("## "), "{}: headings are plain text", meta.name);
    }
    // Sources are named by their title, in quotation marks instead of Markdown emphasis.
    let text = stdout(&runlint(&["--explain", "calf-work-missing"], &root()));
    assert!(text.contains("\nSOURCES\n"), "{text}");
    assert!(text.contains("\"Strength Training for Runners: Prevent Injury and Build Speed\" (source 000)"), "{text}");
    assert!(text.contains("(see `docs/effort.md`)"), "{text}");
}

#[test]
fn exercises_prints_the_catalogue_with_tags_and_spellings() {
    let output = runlint(&["exercises", "calf raise"], &root());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let line =
        text.lines().find(|line| line.starts_with("single-leg calf raise  [")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("calves"), "{line}");
    assert!(text.lines().all(|line| line.starts_with("    also: ") || line.contains("calf")), "{text}");
    // A config's own exercises are known too, and a filter on a tag works.
    let dir = temp_dir();
    write(
        dir.path(),
        "runlint.toml",
        "[exercises]\n\"tyre flip\" = { tags = [\"lower\", \"strength\"] }\n\"sled push\" = { tags = [\"lower\", \"strength\"] }\n",
    );
    assert_eq!(stdout(&runlint(&["exercises", "tyre"], dir.path())), "tyre flip  [lower, strength]\n");
    assert_eq!(stdout(&runlint(&["exercises", "sled push"], dir.path())), "sled push  [lower, strength]\n");
    let nothing = runlint(&["exercises", "underwater basket"], dir.path());
    assert!(stdout(&nothing).is_empty() && stderr(&nothing).contains("no exercise matches"), "{}", stderr(&nothing));
}

#[test]
fn init_writes_a_clean_plan_and_the_default_config_and_never_overwrites() {
    let dir = temp_dir();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    let output = runlint(&["init"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let config = common::read(&dir.path().join("runlint.toml"));
    for meta in runlint::rules::registry().iter().filter(|meta| meta.configurable) {
        assert!(config.contains(&format!("\n{} = ", meta.name)), "{} missing:\n{config}", meta.name);
        for option in meta.options {
            assert!(config.contains(&format!(" {} = ", option.name)), "{}.{} missing", meta.name, option.name);
        }
    }
    // The starter plan is clean under the config written beside it.
    let output = runlint(&["--format", "short", "--fail-level", "info", "--verbose"], dir.path());
    assert_eq!(stdout(&output), "no problems found in 1 file\n", "{}", stderr(&output));
    assert!(stderr(&output).contains("config: runlint.toml"), "{}", stderr(&output));
    // The defaults, said in full: every finding of the example is the same under it.
    let example = common::read(&root().join(EXAMPLE));
    write(dir.path(), "example.yaml", &example);
    let with_init = stdout(&runlint(&["--format", "short", "example.yaml"], dir.path()));
    let defaults = stdout(&runlint(&["--format", "short", "--no-config", "example.yaml"], dir.path()));
    assert_eq!(with_init, defaults);
    // A second run changes nothing.
    write(dir.path(), "training-plan.yaml", "# mine\n");
    let again = runlint(&["init"], dir.path());
    assert_eq!(again.status.code(), Some(0));
    assert!(stderr(&again).contains("exists; left as it is"), "{}", stderr(&again));
    assert_eq!(common::read(&dir.path().join("training-plan.yaml")), "# mine\n");
    assert_eq!(common::read(&dir.path().join("runlint.toml")), config);
}

#[test]
fn add_suppressions_silences_every_current_finding_once() {
    let dir = temp_dir();
    let example = common::read(&root().join(EXAMPLE));
    write(dir.path(), "plan.yaml", &example);
    write(dir.path(), "broken.yaml", "weeks: [\n");
    let output = runlint(&["--add-suppressions", "--format", "short", "plan.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stderr(&output).contains("3 suppressions added"), "{}", stderr(&output));
    let suppressed = common::read(&dir.path().join("plan.yaml"));
    assert_eq!(suppressed.matches("-- TODO: say why").count(), 3, "{suppressed}");
    assert!(
        suppressed.contains("- strength: Hotel room circuit # runlint: allow calf-work-missing -- TODO: say why\n")
    );
    // Only comments were added: every other line is as it was.
    let kept: Vec<&str> =
        suppressed.lines().map(|line| line.split(" # runlint: allow").next().unwrap_or(line)).collect();
    assert_eq!(kept, example.lines().collect::<Vec<_>>());
    let clean = runlint(&["--format", "short", "--fail-level", "info", "plan.yaml"], dir.path());
    assert_eq!(stdout(&clean), "no problems found in 1 file\n");
    // A second run adds nothing; a syntax error cannot be suppressed, and is left alone.
    let again = runlint(&["--add-suppressions", "plan.yaml", "broken.yaml"], dir.path());
    assert!(stderr(&again).contains("0 suppressions added"), "{}", stderr(&again));
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(common::read(&dir.path().join("plan.yaml")), suppressed);
    assert_eq!(common::read(&dir.path().join("broken.yaml")), "weeks: [\n");
    let stdin = runlint_stdin(&["--add-suppressions", "-"], WARNING_PLAN);
    assert_eq!(stdin.status.code(), Some(2));
    assert!(stderr(&stdin).contains("not standard input"), "{}", stderr(&stdin));
}

#[test]
fn add_suppressions_never_puts_a_comment_inside_quoted_text() {
    let dir = temp_dir();
    let plan = WARNING_PLAN.replace("strength: Legs", "strength: \"Legs\n          and hips\"");
    write(dir.path(), "plan.yaml", &plan);
    let before = stdout(&runlint(&["--format", "short", "plan.yaml"], dir.path()));
    assert!(before.contains("calf-work-missing"), "{before}");
    let output = runlint(&["--add-suppressions", "plan.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no suppressions added"), "{}", stderr(&output));
    assert_eq!(common::read(&dir.path().join("plan.yaml")), plan);
}

#[test]
fn completions_load_in_bash_and_complete_the_options() {
    let script = stdout(&runlint(&["completions", "bash"], &root()));
    let dir = temp_dir();
    write(dir.path(), "runlint.bash", &script);
    let check = "source ./runlint.bash; COMP_WORDS=(runlint --form); COMP_CWORD=1; COMP_LINE='runlint --form'; \
                 COMP_POINT=${#COMP_LINE}; _runlint runlint --form runlint; printf '%s\\n' \"${COMPREPLY[@]}\"; \
                 COMP_WORDS=(runlint --format ''); COMP_CWORD=2; _runlint runlint '' --format; printf '%s\\n' \"${COMPREPLY[@]}\"";
    let output = std::process::Command::new("bash").arg("-c").arg(check).current_dir(dir.path()).output().unwrap();
    let words = stdout(&output);
    assert!(words.lines().any(|word| word == "--format"), "{words}{}", stderr(&output));
    assert!(words.lines().any(|word| word == "sarif") && words.lines().any(|word| word == "auto"), "{words}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert_eq!(runlint(&["completions", shell], &root()).status.code(), Some(0), "{shell}");
    }
}

#[test]
fn the_man_page_reads_with_man() {
    let page = runlint(&["man"], &root());
    let dir = temp_dir();
    std::fs::write(dir.path().join("runlint.1"), &page.stdout).unwrap();
    let output = std::process::Command::new("man")
        .args(["-l", "runlint.1"])
        .current_dir(dir.path())
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .output()
        .unwrap_or_else(|e| panic!("`man` is needed to check the man page: {e}"));
    let text = stdout(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(text.contains("runlint - Lints the strength training"), "{text}");
    for option in ["--add-suppressions", "--output-file", "--exit-zero", "--select"] {
        assert!(text.contains(option), "{option} missing from the man page");
    }
}

#[test]
fn errors_speak_with_one_voice() {
    // The run's own errors, clap's and a config's all open with `error:`, as findings do.
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    let missing = stderr(&runlint(&["missing.yaml"], dir.path()));
    assert!(missing.starts_with("error: cannot read `missing.yaml`: no such file or directory"), "{missing}");
    let clap = stderr(&runlint(&["--no-such-flag"], dir.path()));
    assert!(clap.starts_with("error: unexpected argument '--no-such-flag'"), "{clap}");
    write(dir.path(), "runlint.toml", "[rules]\nplyo = \"error\"\n");
    let config = stderr(&runlint(&["warn.yaml"], dir.path()));
    assert!(config.starts_with("error: unknown rule `plyo`\n  ┌─ runlint.toml:2:1\n"), "{config}");
    assert!(config.contains("2 │ plyo = \"error\"\n  │ ^^^^ not a rule"), "{config}");
}

#[test]
fn every_built_in_check_has_a_doc() {
    for check in runlint::meta::BUILTINS {
        assert!(check.doc.starts_with(&format!("# {}\n", check.name)), "{}", check.name);
        for heading in ["## What it does", "## Why", "## Fix"] {
            assert!(check.doc.contains(heading), "{}: missing `{heading}`", check.name);
        }
        assert!(check.help_uri().ends_with(&format!("/docs/checks/{}.md", check.name)));
    }
}

/// The `runlint` commands of a docs recipe: lines holding `- run: runlint ...` (GitHub) or
/// `- runlint ...` (GitLab), as argument lists.
fn recipe_commands(docs: &str, section: &str) -> Vec<Vec<String>> {
    let start = docs.find(section).unwrap_or_else(|| panic!("no section {section}"));
    let rest = &docs[start + section.len()..];
    let body = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
    body.lines()
        .filter_map(|line| {
            line.trim().strip_prefix("- run: runlint ").or_else(|| line.trim().strip_prefix("- runlint "))
        })
        .map(|command| command.split_whitespace().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_ci_recipes_in_the_docs_write_what_their_consumers_read() {
    let docs = common::read(&root().join("docs/integrations.md"));
    let dir = temp_dir();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    write(dir.path(), "plans/warn.yaml", WARNING_PLAN);
    let github = recipe_commands(&docs, "## GitHub Actions");
    assert_eq!(github.len(), 1, "{github:?}");
    let output = common::runlint_in(dir.path()).args(&github[0]).env("GITHUB_ACTIONS", "true").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("::warning file=plans/warn.yaml,line=7,col=9"), "{}", stdout(&output));
    let sarif: serde_json::Value = serde_json::from_str(&common::read(&dir.path().join("runlint.sarif"))).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "calf-work-missing");
    let gitlab = recipe_commands(&docs, "## GitLab CI");
    assert_eq!(gitlab.len(), 2, "{gitlab:?}");
    for command in &gitlab {
        let output = common::runlint_in(dir.path()).args(command).env_remove("GITHUB_ACTIONS").output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{command:?}");
        assert!(stdout(&output).contains("warning[calf-work-missing]"), "the log shows the findings");
    }
    let quality: serde_json::Value =
        serde_json::from_str(&common::read(&dir.path().join("gl-code-quality-report.json"))).unwrap();
    assert_valid(&quality, "tests/data/gitlab-code-quality.schema.json");
    assert_eq!(quality[0]["check_name"], "calf-work-missing");
    let junit = common::read(&dir.path().join("runlint-junit.xml"));
    assert!(junit.starts_with("<?xml") && junit.contains("calf-work-missing"), "{junit}");
}

#[test]
fn coach_notation_is_read_and_0x10_is_not_hexadecimal() {
    let plan = "plan: Notation\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - squat: 2x8 @ 12,5kg\n          - single-leg glute bridge: 2x10 each\n          - calf raise: 2x12\n          - side plank: 2x1min each\n          - dead bug: 0x10\n";
    let output = runlint_stdin(&["--format", "json", "-"], plan);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages: Vec<&str> =
        value["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["message"].as_str()).collect();
    assert_eq!(messages, ["`0` sets is out of range; use 1 to 100"], "only the hexadecimal-looking line is wrong");
    assert_eq!(value["diagnostics"][0]["range"]["start"]["line"], 13);
}

#[test]
fn a_misspelling_of_a_name_the_plan_uses_is_suggested_first_and_fixed_safely() {
    let plan = "plan: Own words\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - dumbbell RDL: 3x8\n          - split squat: 2x8 each\n          - single-leg calf raise: 2x12 each\n          - dumbell RDL: 3x8\n          - dead bug: 2x8\n";
    let output = runlint_stdin(&["--format", "json", "-"], plan);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let finding = &value["diagnostics"][0];
    assert_eq!(finding["message"], "unknown exercise `dumbell RDL`");
    assert!(finding["help"].as_str().unwrap().starts_with("did you mean `dumbbell RDL`"), "{finding}");
    assert_eq!(finding["fix"]["applicability"], "safe");
    let fixed = runlint_stdin(&["--fix", "-"], plan);
    assert_eq!(stdout(&fixed), plan.replace("dumbell RDL", "dumbbell RDL"));
}

#[test]
fn names_from_the_command_line_never_reach_the_terminal_raw() {
    let dir = temp_dir();
    write(dir.path(), "warn.yaml", WARNING_PLAN);
    for args in [
        vec!["--select", "\u{1b}[2Jcalf", "warn.yaml"],
        vec!["--explain", "\u{1b}]8;;x\u{7}"],
        vec!["exercises", "\u{1b}[31m"],
        vec!["--show-settings", "a\u{1b}[2J.yaml"],
        vec!["missing\u{1b}[2J.yaml"],
    ] {
        let output = runlint(&args, dir.path());
        let said = format!("{}{}", stdout(&output), stderr(&output));
        assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'), "{args:?}: {said:?}");
    }
    let output = runlint(&["--select", "syntax-error", "warn.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("`syntax-error` in `--select` is always reported"), "{}", stderr(&output));
}

#[test]
fn the_config_examples_in_the_docs_read_without_mistakes() {
    for doc in ["README.md", "docs/checks/unknown-exercise.md"] {
        let text = common::read(&root().join(doc));
        let blocks: Vec<&str> = text.split("```toml\n").skip(1).filter_map(|rest| rest.split("```").next()).collect();
        assert!(!blocks.is_empty(), "{doc} has no toml example");
        for block in blocks {
            let parsed = runlint::config::parse("runlint.toml", block, Path::new("."));
            let errors: Vec<String> = parsed.err().unwrap_or_default().iter().map(|e| e.message().to_owned()).collect();
            assert!(errors.is_empty(), "{doc}: {errors:?}\n{block}");
        }
    }
    // `runlint init`'s config is the defaults said in full.
    let dir = temp_dir();
    runlint(&["init"], dir.path());
    let written = common::read(&dir.path().join("runlint.toml"));
    assert!(runlint::config::parse("runlint.toml", &written, dir.path()).is_ok());
}

#[test]
fn add_suppressions_keeps_a_suppression_already_on_the_line() {
    let dir = temp_dir();
    let plan = WARNING_PLAN.replace(
        "        strength: Legs\n",
        "        strength: Legs  # runlint: allow single-leg-missing -- the bridge is single-leg enough\n",
    );
    write(dir.path(), "plan.yaml", &plan);
    let output = runlint(&["--add-suppressions", "--format", "short", "plan.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    let written = common::read(&dir.path().join("plan.yaml"));
    assert!(
        written.contains("        # runlint: allow calf-work-missing -- TODO: say why\n        strength: Legs  # runlint: allow single-leg-missing"),
        "{written}"
    );
}

#[test]
fn the_examples_of_the_built_in_checks_report_them() {
    for check in runlint::meta::BUILTINS {
        for example in common::code_blocks(check.doc, "yaml") {
            let (_, diagnostics) = common::lint(&format!("{}.yaml", check.name), &example);
            let messages: Vec<&str> =
                diagnostics.iter().filter(|d| d.rule.name == check.name).map(|d| d.message.as_str()).collect();
            assert_eq!(messages.len(), 1, "{}: {diagnostics:?}", check.name);
            // The doc quotes what runlint says.
            assert!(check.doc.contains(messages[0]), "{}: the doc does not say `{}`", check.name, messages[0]);
        }
    }
}
