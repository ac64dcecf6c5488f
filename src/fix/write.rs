//! Writing a fixed plan: atomically, to the file a link points at, with its permissions,
//! and never over a file that changed since it was read.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Replaces the file at `path` (or the file it links to) with `fixed`, through a
/// temporary file in the same directory that is synced and then renamed over it, so a
/// reader sees the old plan or the new one, never half of one. Fails when the file no
/// longer holds `original`.
pub fn write_atomically(path: &Path, original: &[u8], fixed: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    if fs::read(&target)? != original {
        return Err(io::Error::other("the file changed on disk since it was read; not written"));
    }
    let permissions = fs::metadata(&target)?.permissions();
    let directory = target.parent().ok_or_else(|| io::Error::other("the file has no directory"))?;
    let file_name = target.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = directory.join(format!(".{file_name}.runlint-{}.tmp", std::process::id()));
    let written = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // Created with the plan's permissions from the start, not the umask's.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, std::os::unix::fs::PermissionsExt::mode(&permissions));
        let mut file = options.open(&temporary)?;
        file.write_all(fixed.as_bytes())?;
        file.sync_all()?;
        fs::set_permissions(&temporary, permissions)?;
        fs::rename(&temporary, &target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}
