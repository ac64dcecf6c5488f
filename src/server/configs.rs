//! The configuration of each open plan: the nearest `runlint.toml` / `.runlint.toml` up to
//! the repository root, as on the command line. Configs are read once and kept until the
//! client says one changed; a config with mistakes is reported on the config file itself,
//! and its plans are linted with the defaults until it is mended.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, ConfigError};

/// One config file as last read.
#[derive(Debug)]
pub struct LoadedConfig {
    /// The config to lint with (the defaults when the file has mistakes).
    pub config: Arc<Config>,
    /// The file's text as read (empty when it could not be read).
    pub text: String,
    /// What is wrong with it: a byte span in `text`, the message and a suggestion.
    pub problems: Vec<ConfigError>,
}

/// Configs by path, and which config each directory uses.
#[derive(Debug, Default)]
pub struct ConfigStore {
    by_directory: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, LoadedConfig>,
    defaults: Arc<Config>,
}

impl ConfigStore {
    /// The config file that applies to a plan at `path`, if any.
    pub fn config_path(&mut self, path: &Path) -> Option<PathBuf> {
        let directory = path.parent()?.to_path_buf();
        self.by_directory.entry(directory).or_insert_with_key(|directory| config::find(directory)).clone()
    }

    /// The config for a plan at `path` (`None` for a document that is not a file).
    pub fn for_plan(&mut self, path: Option<&Path>) -> Arc<Config> {
        match path.and_then(|path| self.config_path(path)) {
            Some(config_path) => self.load(&config_path).config.clone(),
            None => self.defaults.clone(),
        }
    }

    /// A config file, read on first use.
    pub fn load(&mut self, path: &Path) -> &LoadedConfig {
        self.loaded.entry(path.to_path_buf()).or_insert_with_key(|path| read(path))
    }

    /// Every config file read so far.
    pub fn loaded(&self) -> impl Iterator<Item = (&PathBuf, &LoadedConfig)> {
        self.loaded.iter()
    }

    /// Forgets every config and where it applies: a config file was created, changed or
    /// deleted.
    pub fn forget(&mut self) {
        self.by_directory.clear();
        self.loaded.clear();
    }
}

/// Reads and parses one config file; its mistakes become problems, never an error.
fn read(path: &Path) -> LoadedConfig {
    let defaults = || Arc::new(Config::default());
    let text = match crate::discover::read_config_file(path) {
        Ok(text) => text,
        Err(error) => {
            let why = crate::discover::describe_io_error(&error);
            let problems = vec![ConfigError::unreadable(&path.display().to_string(), &why)];
            return LoadedConfig { config: defaults(), text: String::new(), problems };
        }
    };
    parse(path, text)
}

/// The mistakes in a config file as the editor holds it (perhaps not yet saved).
pub fn problems_in_text(document: &super::documents::Document) -> Vec<ConfigError> {
    let Some(path) = document.path.as_deref() else { return Vec::new() };
    parse(path, document.source.text().to_owned()).problems
}

/// A config from its text; mistakes become problems and the defaults apply.
fn parse(path: &Path, text: String) -> LoadedConfig {
    let base = path.parent().unwrap_or(Path::new("."));
    let name = path.display().to_string();
    match config::parse(&name, &text, base) {
        Ok(config) => LoadedConfig { config: Arc::new(config), text, problems: Vec::new() },
        Err(problems) => LoadedConfig { config: Arc::new(Config::default()), text, problems },
    }
}
