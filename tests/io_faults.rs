//! I/O faults: missing, unreadable and odd paths, symlinks, and a closed output pipe. Each
//! gives a clear message and the right exit code, the other files are still linted, and
//! nothing panics.

// Tests may unwrap and index: a panic is a failed test, not a crash on user input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Output, Stdio};

const PLAN: &str = "plan: Warn\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises: [squat, single-leg glute bridge, dead bug]\n      tue: rest\n";
const FINDING: &str = "warning[calf-work-missing]";

fn runlint(args: &[&std::ffi::OsStr], dir: &Path) -> Output {
    let output = common::runlint_in(dir).args(args).args(["--format", "short", "--no-config"]).output();
    output.unwrap_or_else(|e| panic!("cannot run runlint: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("good.yaml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn assert_no_panic(output: &Output) {
    assert!(!text(&output.stderr).contains("panicked"), "{}", text(&output.stderr));
}

#[test]
fn a_missing_path_is_exit_2_and_the_others_are_linted() {
    let dir = setup();
    let output = runlint(&["nope.yaml".as_ref(), "good.yaml".as_ref()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("cannot read `nope.yaml`: no such file or directory"),
        "{}",
        text(&output.stderr)
    );
    assert!(text(&output.stdout).contains(FINDING));
    assert_no_panic(&output);
}

#[test]
fn an_unreadable_file_is_exit_2_and_the_others_are_linted() {
    let dir = setup();
    let locked = dir.path().join("locked.yaml");
    std::fs::write(&locked, PLAN).unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000))
        .unwrap_or_else(|e| panic!("{e}"));
    // Root reads any file; /proc/self/mem is a file that cannot be read from its start.
    let unreadable: &std::ffi::OsStr =
        if std::fs::read(&locked).is_ok() { "/proc/self/mem".as_ref() } else { "locked.yaml".as_ref() };
    let output = runlint(&[unreadable, "good.yaml".as_ref()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot read"), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains(FINDING));
    assert_no_panic(&output);
}

#[test]
fn a_dangling_symlink_is_reported_named_or_walked() {
    let dir = setup();
    std::os::unix::fs::symlink(dir.path().join("gone.yaml"), dir.path().join("dangling.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let named = runlint(&["dangling.yaml".as_ref(), "good.yaml".as_ref()], dir.path());
    assert_eq!(named.status.code(), Some(2));
    assert!(text(&named.stderr).contains("dangling.yaml"), "{}", text(&named.stderr));
    let walked = runlint(&[".".as_ref()], dir.path());
    assert_eq!(walked.status.code(), Some(2), "{}", text(&walked.stderr));
    assert!(text(&walked.stderr).contains("dangling.yaml"), "{}", text(&walked.stderr));
    assert!(text(&walked.stdout).contains(FINDING));
    assert_no_panic(&walked);
}

#[test]
fn a_symlink_loop_inside_a_walked_directory_is_reported_and_the_walk_goes_on() {
    let dir = setup();
    let nested = dir.path().join("plans/nested");
    std::fs::create_dir_all(&nested).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(dir.path().join("plans"), nested.join("loop")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(nested.join("deep.yaml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
    let output = runlint(&[".".as_ref()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).to_lowercase().contains("loop"), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("good.yaml") && stdout.contains("plans/nested/deep.yaml"), "{stdout}");
    assert_no_panic(&output);
}

#[test]
fn a_directory_named_like_a_plan_is_walked_not_read() {
    let dir = setup();
    let odd = dir.path().join("x.yaml");
    std::fs::create_dir(&odd).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(odd.join("inner.yaml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
    for args in [vec!["x.yaml"], vec!["."]] {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        let output = runlint(&args, dir.path());
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(
            text(&output.stdout).contains("x.yaml/inner.yaml:7:9: warning[calf-work-missing]"),
            "{}",
            text(&output.stdout)
        );
    }
}

#[test]
fn a_non_utf8_file_name_is_linted_and_shown_lossily() {
    let dir = setup();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::write(dir.path().join(name), PLAN).unwrap_or_else(|e| panic!("{e}"));
    let output = runlint(&[".".as_ref()], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stdout).contains("caf\u{fffd}.yaml:7:9: warning[calf-work-missing]"),
        "{}",
        text(&output.stdout)
    );
    let named = runlint(&[name], dir.path());
    assert!(text(&named.stdout).contains("caf\u{fffd}.yaml:7:9"), "{}", text(&named.stdout));
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    let dir = setup();
    for index in 0..200 {
        std::fs::write(dir.path().join(format!("plan-{index:03}.yaml")), PLAN).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut child = common::runlint_in(dir.path())
        .args(["--no-config", "."])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).unwrap_or_else(|e| panic!("{e}"));
    // The reader is dropped here, like `runlint . | head -1`.
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(first.contains("calf-work-missing"), "{first}");
    assert_eq!(output.status.code(), Some(0), "ended by {:?}", output.status);
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
}

#[test]
fn a_graph_of_symbolic_links_is_walked_once_per_directory() {
    let dir = setup();
    let base = dir.path();
    std::fs::create_dir_all(base.join("d0")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(base.join("d0/plan.yaml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
    // Each level links twice to the one below: 2^20 paths to one plan.
    for level in 1..=20 {
        let here = base.join(format!("d{level}"));
        std::fs::create_dir_all(&here).unwrap_or_else(|e| panic!("{e}"));
        for name in ["a", "b"] {
            std::os::unix::fs::symlink(format!("../d{}", level - 1), here.join(name)).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let output = runlint(&["d20".as_ref()], base);
    let findings = text(&output.stdout).lines().filter(|line| line.contains("calf-work-missing")).count();
    assert_eq!(findings, 1, "{}", text(&output.stdout));
}

#[test]
fn a_fifo_or_device_as_an_ignore_file_is_skipped_with_a_note_not_a_hang() {
    let dir = setup();
    let base = dir.path();
    for sub in ["fifo", "device", "fine"] {
        std::fs::create_dir_all(base.join(sub)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(base.join(sub).join("plan.yaml"), PLAN).unwrap_or_else(|e| panic!("{e}"));
    }
    let made = std::process::Command::new("mkfifo").arg(base.join("fifo/.gitignore")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    std::os::unix::fs::symlink("/dev/zero", base.join("device/.ignore")).unwrap_or_else(|e| panic!("{e}"));
    let output = runlint(&[".".as_ref()], base);
    let stderr = text(&output.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert!(text(&output.stdout).contains("fine/plan.yaml"), "{}", text(&output.stdout));
    assert_eq!(output.status.code(), Some(2), "a skipped folder is a path that could not be read");
}

#[test]
fn a_closed_standard_error_ends_with_exit_code_2_not_a_panic() {
    let dir = setup();
    // `2>&-` closes standard error; the missing path has to be reported there.
    let script = format!("'{}' --no-config missing.yaml 2>&-", env!("CARGO_BIN_EXE_runlint"));
    let status = std::process::Command::new("sh").arg("-c").arg(&script).current_dir(dir.path()).status();
    assert_eq!(status.ok().and_then(|s| s.code()), Some(2));
}
