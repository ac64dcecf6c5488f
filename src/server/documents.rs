//! The documents the client has open: their text as the editor holds it (not as saved),
//! the file they belong to, and their last lint, kept until the text changes.

use std::path::PathBuf;

use lsp_types::Uri;

use crate::assist::Analysis;
use crate::source::Source;

/// One open document.
#[derive(Debug)]
pub struct Document {
    /// The document's URI.
    pub uri: Uri,
    /// The text, with its line index; named by the file's path (or the URI).
    pub source: Source,
    /// The client's version of the text.
    pub version: i32,
    /// The file, for `file:` URIs.
    pub path: Option<PathBuf>,
    /// The analysis of this text (its parse, model and lint), and the config it used.
    pub analysis: Option<Analysis>,
    /// Whether the file was deleted while open (until the editor sends a new text).
    pub deleted: bool,
}

impl Document {
    /// A document opened with `text`.
    pub fn new(uri: Uri, version: i32, text: String) -> Document {
        let path = file_path(&uri);
        let name = path.as_ref().map_or_else(|| uri.as_str().to_owned(), |path| path.display().to_string());
        Document { uri, source: Source::new(name, text), version, path, analysis: None, deleted: false }
    }

    /// Replaces the text (the server asks for whole documents on every change).
    pub fn set_text(&mut self, version: i32, text: String) {
        self.source = Source::new(self.source.name().to_owned(), text);
        self.version = version;
        self.analysis = None;
        self.deleted = false;
    }

    /// Whether the document is a plan: YAML with a top-level `weeks:` key, as a
    /// directory walk judges files. Other YAML (CI files, compose files) is left alone.
    pub fn is_plan(&self) -> bool {
        crate::discover::looks_like_plan(self.source.text().as_bytes())
    }

    /// Whether the document is a runlint config file.
    pub fn is_config(&self) -> bool {
        self.path.as_deref().is_some_and(is_config_path)
    }
}

/// Whether a file is a runlint config file, by its name.
pub fn is_config_path(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|name| crate::config::CONFIG_NAMES.iter().any(|config_name| name == *config_name))
}

/// The path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok().filter(|url| url.scheme() == "file").and_then(|url| url.to_file_path().ok())
}

/// The `file:` URI of a path.
pub fn file_uri(path: &std::path::Path) -> Option<Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    url.as_str().parse().ok()
}
