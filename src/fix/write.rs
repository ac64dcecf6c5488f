//! Writing a fixed plan: atomically, to the file a link points at, with its permissions
//! and owner, never over a file that changed since it was read or that is no longer the
//! regular file that was read.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Temporary names tried before giving up (each is random, so one is enough in practice).
const NAME_ATTEMPTS: usize = 16;

/// Replaces the file at `path` (or the file it links to) with `fixed`, through a
/// temporary file in the same directory that is created anew, synced and renamed over
/// it, so a reader sees the old plan or the new one, never half of one. Fails, writing
/// nothing, when the file no longer holds `original` or is no longer a regular file.
pub fn write_atomically(path: &Path, original: &[u8], fixed: &str) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let read = still_the_file_read(&target, original)?;
    let directory = target.parent().ok_or_else(|| io::Error::other("the file has no directory"))?;
    let (mut file, temporary) = create_temporary(directory, &read.metadata)?;
    let written = (|| {
        file.write_all(fixed.as_bytes())?;
        keep_owner(&file, &read.metadata);
        file.set_permissions(read.metadata.permissions())?;
        file.sync_all()?;
        // Checked again at the last moment: a FIFO or a device linked in its place since
        // is not replaced.
        same_file(&fs::symlink_metadata(&target)?, &read.metadata)?;
        fs::rename(&temporary, &target)
    })();
    if written.is_err() {
        // Only the file this call created is removed.
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// What was checked of the file before writing.
struct ReadFile {
    metadata: fs::Metadata,
}

/// Opens the file without following a link or waiting on a FIFO, checks it is a regular
/// file holding `original` (reading at most one byte more), and returns its metadata.
fn still_the_file_read(target: &Path, original: &[u8]) -> io::Result<ReadFile> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO must not wait for a writer, and a link swapped in is not followed.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(target)?;
    let metadata = file.metadata()?;
    if !metadata.file_type().is_file() {
        return Err(io::Error::other(format!("it is no longer a regular file ({}); not written", kind(&metadata))));
    }
    let mut now = Vec::with_capacity(original.len() + 1);
    file.take(original.len() as u64 + 1).read_to_end(&mut now)?;
    if now != original {
        return Err(io::Error::other("the file changed on disk since it was read; not written"));
    }
    Ok(ReadFile { metadata })
}

/// Whether `now` is still the regular file described by `read`.
fn same_file(now: &fs::Metadata, read: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    let same = {
        use std::os::unix::fs::MetadataExt;
        now.file_type().is_file() && now.dev() == read.dev() && now.ino() == read.ino()
    };
    #[cfg(not(unix))]
    let same = now.file_type().is_file() && now.len() == read.len();
    if same {
        return Ok(());
    }
    Err(io::Error::other(format!("it was replaced while being fixed (now {}); not written", kind(now))))
}

/// What a file is, in a word, for messages.
fn kind(metadata: &fs::Metadata) -> &'static str {
    let file_type = metadata.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "another file"
    } else {
        "not a regular file"
    }
}

/// A new file with a short random name in `directory`, created exclusively (an existing
/// file of that name is never opened, let alone removed), with the plan's permissions.
fn create_temporary(directory: &Path, metadata: &fs::Metadata) -> io::Result<(File, PathBuf)> {
    let mut last_error = io::Error::other("no temporary name was free");
    for _ in 0..NAME_ATTEMPTS {
        let temporary = directory.join(format!(".runlint-{:016x}.tmp", random()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // Created with no more permissions than the plan's from the start, not the umask's.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(
            &mut options,
            std::os::unix::fs::PermissionsExt::mode(&metadata.permissions()) & 0o777,
        );
        #[cfg(not(unix))]
        let _ = metadata;
        match options.open(&temporary) {
            Ok(file) => return Ok((file, temporary)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last_error = error,
            Err(error) => return Err(error),
        }
    }
    Err(last_error)
}

/// Gives the new file the plan's owner and group. Only root may give a file away, and a
/// user may only choose among their own groups: when that is refused, the new file keeps
/// the writer's, as any editor's save would.
fn keep_owner(file: &File, metadata: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
    }
    #[cfg(not(unix))]
    let _ = (file, metadata);
}

/// 64 random bits from the standard library's per-process random hash keys.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    hasher.finish()
}
