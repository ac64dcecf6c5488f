//! Finding the plans to lint: named files, walked directories, standard input.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

#[cfg(feature = "cli")]
use std::collections::HashSet;
#[cfg(feature = "cli")]
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobSet, GlobSetBuilder};
#[cfg(feature = "cli")]
use ignore::WalkBuilder;

#[cfg(feature = "cli")]
use crate::diagnostic::PathProblem;
use crate::source::MAX_FILE_BYTES;

/// Where a plan comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file named on the command line: always linted.
    Named(PathBuf),
    /// A file found by walking a directory: linted only if it looks like a plan.
    Walked(PathBuf),
    /// Standard input, shown under the given name.
    Stdin(String),
}

impl Input {
    /// The name shown in output.
    pub fn display_name(&self) -> String {
        match self {
            Input::Named(path) | Input::Walked(path) => display_path(path),
            Input::Stdin(name) => name.clone(),
        }
    }
}

/// Shows a path without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let shown = path.strip_prefix(".").unwrap_or(path);
    let text = shown.to_string_lossy().into_owned();
    if text.is_empty() { ".".to_owned() } else { text }
}

/// Paths the config excludes from directory walks: globs relative to the config file's
/// directory.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    base: PathBuf,
    globs: GlobSet,
}

impl Exclude {
    /// Globs matched against paths relative to `base` (the config file's directory).
    pub fn new(base: &Path, patterns: &[String]) -> Result<Exclude, globset::Error> {
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            builder.add(Glob::new(pattern)?);
        }
        Ok(Exclude { base: std::path::absolute(base).unwrap_or_else(|_| base.to_path_buf()), globs: builder.build()? })
    }

    /// Whether a walked path is excluded.
    pub fn matches(&self, path: &Path) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        absolute.strip_prefix(&self.base).is_ok_and(|relative| self.globs.is_match(relative))
    }
}

/// Expands command-line paths into inputs; directories are walked honouring
/// `.gitignore`/`.ignore` and the `exclude` globs, picking `*.yaml`/`*.yml` files. A file
/// reached twice (named twice, or named and walked) is linted once; `-` is read once.
#[cfg(feature = "cli")]
pub fn collect(paths: &[PathBuf], stdin_name: &str, exclude: &Exclude) -> (Vec<Input>, Vec<PathProblem>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            if !inputs.iter().any(|input| matches!(input, Input::Stdin(_))) {
                inputs.push(Input::Stdin(stdin_name.to_owned()));
            }
            continue;
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk(path, exclude, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::Named(path.clone())),
            Err(error) => errors.push(PathProblem { path: display_path(path), message: describe_io_error(&error) }),
        }
    }
    let mut seen = HashSet::new();
    inputs.retain(|input| match input {
        Input::Named(path) | Input::Walked(path) => {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
        }
        Input::Stdin(_) => true,
    });
    (inputs, errors)
}

/// The largest `.gitignore` or `.ignore` runlint lets the walk read.
#[cfg(feature = "cli")]
const MAX_IGNORE_FILE_BYTES: u64 = 1024 * 1024;

/// Why a directory's ignore files cannot be read safely: a special file (a FIFO would
/// block the walk, a device would never end) or one too large.
#[cfg(feature = "cli")]
fn unsafe_ignore_file(dir: &Path) -> Option<String> {
    for name in [".gitignore", ".ignore"] {
        let path = dir.join(name);
        let Ok(metadata) = std::fs::metadata(&path) else { continue };
        if !metadata.is_file() {
            return Some(format!("`{name}` is not a regular file; the folder is skipped"));
        }
        if metadata.len() > MAX_IGNORE_FILE_BYTES {
            return Some(format!("`{name}` is larger than 1 MiB; the folder is skipped"));
        }
    }
    None
}

/// A directory's identity on disk, so a graph of symbolic links is walked once.
#[cfg(feature = "cli")]
#[cfg(unix)]
fn directory_identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|metadata| (metadata.dev(), metadata.ino()))
}

#[cfg(feature = "cli")]
#[cfg(not(unix))]
fn directory_identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

#[cfg(feature = "cli")]
fn walk(root: &Path, exclude: &Exclude, inputs: &mut Vec<Input>, errors: &mut Vec<PathProblem>) {
    if let Some(message) = unsafe_ignore_file(root) {
        errors.push(PathProblem { path: display_path(root), message });
        return;
    }
    let mut walker = WalkBuilder::new(root);
    // Links are followed, but never off the root's file system (a link to `/` would walk
    // `/proc` and `/sys`).
    walker
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .ignore(true)
        // As git reads them: `.gitignore` files only inside a repository, and none above
        // its root (a `.gitignore` in a home folder does not hide a repository's plans).
        // `.ignore` files apply anywhere.
        .require_git(true)
        .follow_links(true)
        .same_file_system(true)
        // Sorted, so which path a linked directory is reached by never depends on the
        // order the file system lists entries in.
        .sort_by_file_name(|a, b| a.cmp(b));
    let exclude = exclude.clone();
    let visited = Arc::new(Mutex::new(HashSet::new()));
    let skipped = Arc::new(Mutex::new(Vec::new()));
    let skipped_in_filter = Arc::clone(&skipped);
    walker.filter_entry(move |entry| {
        // `.git` holds no plans and can be large.
        if entry.file_name() == ".git" || exclude.matches(entry.path()) {
            return false;
        }
        if !entry.file_type().is_some_and(|t| t.is_dir()) {
            return true;
        }
        // Each real directory once: a DAG of links would otherwise be walked exponentially.
        let first_visit = directory_identity(entry.path())
            .is_none_or(|identity| visited.lock().map_or(true, |mut visited| visited.insert(identity)));
        if !first_visit {
            return false;
        }
        match unsafe_ignore_file(entry.path()) {
            Some(message) => {
                if let Ok(mut skipped) = skipped_in_filter.lock() {
                    skipped.push(PathProblem { path: display_path(entry.path()), message });
                }
                false
            }
            None => true,
        }
    });
    for entry in walker.build() {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && has_yaml_extension(entry.path()) {
                    inputs.push(Input::Walked(entry.into_path()));
                }
            }
            Err(error) => errors.push(walk_error(root, &error)),
        }
    }
    if let Ok(mut skipped) = skipped.lock() {
        errors.append(&mut skipped);
    }
}

/// A walk error as the path it concerns and a short message.
#[cfg(feature = "cli")]
fn walk_error(root: &Path, error: &ignore::Error) -> PathProblem {
    match error {
        ignore::Error::Loop { ancestor, child } => PathProblem {
            path: display_path(child),
            message: format!("symbolic link loop back to `{}`; not followed", display_path(ancestor)),
        },
        ignore::Error::WithPath { path, err } => match innermost_io(err) {
            Some(io) => PathProblem { path: display_path(path), message: describe_io_error(io) },
            None => PathProblem { path: display_path(path), message: err.to_string() },
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error(root, err),
        ignore::Error::Io(io) => PathProblem { path: display_path(root), message: describe_io_error(io) },
        other => PathProblem { path: display_path(root), message: other.to_string() },
    }
}

#[cfg(feature = "cli")]
fn has_yaml_extension(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}

/// The I/O error under a walk error's wrappers, if that is what it is.
#[cfg(feature = "cli")]
fn innermost_io(error: &ignore::Error) -> Option<&std::io::Error> {
    match error {
        ignore::Error::Io(io) => Some(io),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => innermost_io(err),
        _ => None,
    }
}

/// Whether a directory is the root of a git repository (it holds `.git`, a directory or
/// a worktree's file): where config discovery stops and repository paths start.
pub fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// Whether text looks like a plan: some line starts with `weeks:`.
pub fn looks_like_plan(bytes: &[u8]) -> bool {
    // YAML breaks lines at CR, LF and CRLF, and a byte order mark may open the file.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    bytes.split(|&b| b == b'\n' || b == b'\r').any(|line| line.starts_with(b"weeks:"))
}

/// The largest config file runlint reads.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads a config file: a regular file (not a device, FIFO or directory) of at most
/// [`MAX_CONFIG_BYTES`], in UTF-8.
pub fn read_config_file(path: &Path) -> io::Result<String> {
    // Checked before opening: opening a FIFO would wait for a writer.
    if !std::fs::metadata(path)?.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
    }
    let file = File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        let message = format!("larger than {} KiB, the most runlint reads", MAX_CONFIG_BYTES / 1024);
        return Err(io::Error::new(io::ErrorKind::InvalidData, message));
    }
    String::from_utf8(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

/// Reads at most [`MAX_FILE_BYTES`] + 1 bytes, so an oversized file is detected without
/// being read whole.
pub fn read_limited(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a plan file.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    read_limited(File::open(path)?)
}

/// A short, lowercase description of an I/O error.
pub fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => error.to_string(),
    }
}
