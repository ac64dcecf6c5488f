//! `--diff` is a patch: for every fixture (and the real-plan corpus when it is on this
//! machine, `RUNLINT_REALPLANS` or `/tmp/realplans`), in LF, CRLF, CR-only, BOM, tab and
//! no-final-newline variants, the diff applied by `git apply` and by `patch -p1` gives
//! byte for byte what `--fix` writes.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{root, runlint_in, yaml_files};

/// The same plan written in each way that has broken patches before.
fn variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let tabbed = text.replace("# expect:", "#\texpect:").replace("  #", "\t#");
    vec![
        ("lf", text.as_bytes().to_vec()),
        ("crlf", text.replace('\n', "\r\n").into_bytes()),
        ("cr", text.replace('\n', "\r").into_bytes()),
        ("bom", format!("\u{feff}{}", text.replace('\n', "\r\n")).into_bytes()),
        ("tabs", tabbed.into_bytes()),
        ("open-end", text.trim_end().as_bytes().to_vec()),
    ]
}

fn all_yaml(dir: &Path, found: &mut Vec<PathBuf>) {
    found.extend(yaml_files(dir));
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            all_yaml(&entry.path(), found);
        }
    }
}

/// Writes every variant of every plan under `dir/plans`; returns how many files.
fn write_plans(dir: &Path, sources: &[PathBuf]) -> usize {
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    let mut count = 0;
    for (index, source) in sources.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(source) else { continue };
        for (variant, bytes) in variants(&text) {
            std::fs::write(plans.join(format!("{index:04}-{variant}.yaml")), bytes).unwrap();
            count += 1;
        }
    }
    count
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("plans")).unwrap();
    for file in yaml_files(&from.join("plans")) {
        std::fs::copy(&file, to.join("plans").join(file.file_name().unwrap())).unwrap();
    }
}

fn apply(tool: &[&str], dir: &Path, patch: &[u8]) {
    use std::io::Write;
    let mut child = Command::new(tool[0])
        .args(&tool[1..])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(patch).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{tool:?} failed: {}", String::from_utf8_lossy(&output.stderr));
}

/// `--diff` applied by each tool equals `--fix`, for every plan in `sources`.
fn diff_applies_like_fix(sources: &[PathBuf]) {
    let scratch = tempfile::tempdir().unwrap();
    let base = scratch.path().join("base");
    assert!(write_plans(&base, sources) > 0);
    let args = ["--no-config", "--unsafe-fixes", "--quiet"];
    let diff = runlint_in(&base).args(args).args(["--diff", "plans"]).output().unwrap();
    assert_ne!(diff.status.code(), Some(2), "{}", String::from_utf8_lossy(&diff.stderr));
    assert!(!diff.stdout.is_empty(), "some plan has a fix");
    let fixed = scratch.path().join("fixed");
    copy_tree(&base, &fixed);
    runlint_in(&fixed).args(args).args(["--fix", "plans"]).output().unwrap();
    for (name, tool) in [("git", vec!["git", "apply", "-"]), ("patch", vec!["patch", "-p1", "--quiet", "--binary"])] {
        let applied = scratch.path().join(name);
        copy_tree(&base, &applied);
        apply(&tool, &applied, &diff.stdout);
        for file in yaml_files(&fixed.join("plans")) {
            let by_tool = std::fs::read(applied.join("plans").join(file.file_name().unwrap())).unwrap();
            assert!(by_tool == std::fs::read(&file).unwrap(), "{name}: {} differs from --fix", file.display());
        }
    }
}

#[test]
fn the_diff_of_every_fixture_applies_like_fix() {
    let mut sources = Vec::new();
    all_yaml(&root().join("fixtures"), &mut sources);
    sources.sort();
    diff_applies_like_fix(&sources);
}

#[test]
fn the_diff_of_every_real_plan_applies_like_fix() {
    let corpus = std::env::var_os("RUNLINT_REALPLANS").map_or_else(|| PathBuf::from("/tmp/realplans"), PathBuf::from);
    let mut sources = yaml_files(&corpus);
    if sources.is_empty() {
        eprintln!("no real-plan corpus at {}: skipped", corpus.display());
        return;
    }
    sources.sort();
    diff_applies_like_fix(&sources);
}
