//! Hostile file systems around `--fix` and `--report`: links out of the tree, FIFOs and
//! devices swapped in, long names, files that are not ours to replace.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::os::unix::fs::{MetadataExt, symlink};
use std::path::Path;
use std::time::{Duration, Instant};

use common::runlint_in;
use runlint::fix::write_atomically;

const PLAN: &str = "plan: Fixable\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n          - squat: 3x10\n          - single-leg glute bridge: 3x10 each\n          - dead bugg: 3x8 each\n      tue: rest\n";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    runlint_in(dir).arg("--no-config").args(args).output().unwrap()
}

#[test]
fn a_walked_link_to_a_plan_outside_the_tree_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tree")).unwrap();
    std::fs::write(dir.path().join("outside.yaml"), PLAN).unwrap();
    symlink("../outside.yaml", dir.path().join("tree/link.yaml")).unwrap();
    let output = run(dir.path(), &["--fix", "tree"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("outside.yaml")).unwrap(), PLAN);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write") && stderr.contains("outside the paths given"), "{stderr}");
    // Named directly, the link is what was asked for.
    run(dir.path(), &["--fix", "tree/link.yaml"]);
    assert!(std::fs::read_to_string(dir.path().join("outside.yaml")).unwrap().contains("dead bug: 3x8"));
}

#[test]
fn a_fifo_or_a_device_in_place_of_the_plan_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.yaml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let started = Instant::now();
    let error = write_atomically(&fifo, PLAN.as_bytes(), "fixed").unwrap_err();
    assert!(error.to_string().contains("FIFO"), "{error}");
    let zero = dir.path().join("zero.yaml");
    symlink("/dev/zero", &zero).unwrap();
    let error = write_atomically(&zero, PLAN.as_bytes(), "fixed").unwrap_err();
    assert!(error.to_string().contains("device"), "{error}");
    assert!(started.elapsed() < Duration::from_secs(5));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 2, "nothing else was written: {names:?}");
}

#[test]
fn a_plan_with_a_name_of_251_bytes_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.yaml", "p".repeat(246));
    std::fs::write(dir.path().join(&name), PLAN).unwrap();
    let output = run(dir.path(), &["--fix", &name]);
    assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(std::fs::read_to_string(dir.path().join(&name)).unwrap().contains("dead bug: 3x8"));
}

#[test]
fn the_owner_and_group_are_kept_when_run_as_root() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, PLAN).unwrap();
    if std::fs::metadata(&plan).unwrap().uid() != 0 {
        eprintln!("not root: owners cannot be given away");
        return;
    }
    std::os::unix::fs::chown(&plan, Some(4321), Some(4321)).unwrap();
    run(dir.path(), &["--fix", "plan.yaml"]);
    let metadata = std::fs::metadata(&plan).unwrap();
    assert!(std::fs::read_to_string(&plan).unwrap().contains("dead bug: 3x8"));
    assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
}

#[test]
fn the_report_never_replaces_a_plan_or_a_file_that_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), PLAN).unwrap();
    std::fs::write(dir.path().join("out.html"), PLAN).unwrap();
    std::fs::write(dir.path().join("notes.html"), "<p>my notes</p>\n").unwrap();
    for (report, force) in [("plan.yaml", false), ("plan.yaml", true), ("out.html", true), ("notes.html", false)] {
        let before = std::fs::read(dir.path().join(report)).unwrap();
        let mut args = vec!["--report", report, "plan.yaml"];
        if force {
            args.insert(0, "--force");
        }
        let output = run(dir.path(), &args);
        assert_eq!(output.status.code(), Some(2), "{report} {force}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("will not write the report"));
        assert_eq!(std::fs::read(dir.path().join(report)).unwrap(), before, "{report} was replaced");
    }
    run(dir.path(), &["--force", "--report", "notes.html", "plan.yaml"]);
    let report = std::fs::read_to_string(dir.path().join("notes.html")).unwrap();
    assert!(report.contains("<title>runlint report</title>"));
    // An earlier report is replaced without asking.
    let output = run(dir.path(), &["--report", "notes.html", "plan.yaml"]);
    assert_ne!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
}
