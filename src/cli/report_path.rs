//! Where `--report` may write: never over a plan or a path being linted, never through a
//! FIFO or a device, and over an existing file only when it is an earlier report (or with
//! `--force`).

use std::fs;
use std::path::{Path, PathBuf};

/// What an earlier report starts with, within its first bytes.
const REPORT_MARK: &[u8] = b"<title>runlint report</title>";

/// How much of an existing file is read to recognise it.
const SNIFF_BYTES: usize = 4096;

/// `Ok` when the report may be written to `report`; otherwise why not.
pub(super) fn check(report: &Path, inputs: &[PathBuf], force: bool) -> Result<(), String> {
    let Ok(metadata) = fs::metadata(report) else {
        // A new file: only its directory must exist, which writing checks.
        return Ok(());
    };
    if !metadata.is_file() {
        return Err("it is not a regular file".to_owned());
    }
    let real = fs::canonicalize(report).map_err(|error| error.to_string())?;
    let named = inputs.iter().filter_map(|input| fs::canonicalize(input).ok()).any(|input| input == real);
    if named {
        return Err("it is one of the files being linted".to_owned());
    }
    let text = crate::discover::read_file(&real).map_err(|error| crate::discover::describe_io_error(&error))?;
    if crate::discover::looks_like_plan(&text) {
        return Err("it is a plan".to_owned());
    }
    let start = text.get(..SNIFF_BYTES).unwrap_or(&text);
    let earlier_report = start.windows(REPORT_MARK.len()).any(|window| window == REPORT_MARK);
    if !earlier_report && !force {
        return Err("it exists and is not an earlier runlint report; pass `--force` to replace it".to_owned());
    }
    Ok(())
}
