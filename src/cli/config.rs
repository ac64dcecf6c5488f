//! Which config each plan runs under: the file named by `--config`, none with
//! `--no-config`, else the nearest `runlint.toml` / `.runlint.toml` above the plan, up to
//! the repository root, as the language server finds it. `--select` and `--ignore` go over
//! whichever config applies.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::output::{RunError, report_config_error, report_run_error, say};
use crate::config::Config;
use crate::discover::{self, Input};
use crate::render::PathProblem;
use crate::safe_text;
use crate::source::Source;

/// Where a run's configs come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ConfigSource {
    /// `--no-config`: the defaults everywhere.
    Defaults,
    /// `--config FILE`: one file for every plan.
    File(PathBuf),
    /// The nearest config above each plan.
    Nearest,
}

/// The rule choices of `--select` and `--ignore`, made over every config.
#[derive(Debug, Clone, Default)]
pub(super) struct RuleOverrides {
    /// Only these rules are checked (empty: as configured).
    pub select: Vec<&'static crate::meta::RuleMeta>,
    /// These rules are not checked.
    pub ignore: Vec<&'static crate::meta::RuleMeta>,
}

impl RuleOverrides {
    /// Reads the rule names; an unknown one is a mistake in the arguments.
    pub fn parse(select: &[String], ignore: &[String]) -> Result<RuleOverrides, String> {
        let find = |names: &[String], flag: &str| {
            names
                .iter()
                .map(|name| name.trim())
                .filter(|name| !name.is_empty())
                .map(|name| match crate::rules::find(name) {
                    Some(meta) if meta.configurable => Ok(meta),
                    Some(meta) => Err(format!("`{}` in `{flag}` is always reported and cannot be chosen", meta.name)),
                    None => {
                        let names = crate::rules::registry().iter().filter(|m| m.configurable).map(|m| m.name);
                        let help = crate::suggest::did_you_mean(name, names).map_or_else(
                            || "`runlint --list-rules` lists every rule".to_owned(),
                            |s| format!("did you mean `{s}`?"),
                        );
                        Err(format!("unknown rule `{}` in `{flag}`; {help}", safe_text::line(name)))
                    }
                })
                .collect::<Result<Vec<_>, String>>()
        };
        Ok(RuleOverrides { select: find(select, "--select")?, ignore: find(ignore, "--ignore")? })
    }

    /// Applies the choices to a config: selected rules keep their configured severity
    /// (their default when the config turns them off), the others are off.
    fn apply(&self, config: &mut Config) {
        if !self.select.is_empty() {
            for meta in crate::rules::registry().iter().copied().filter(|meta| meta.configurable) {
                let chosen = self.select.contains(&meta);
                let severity = config.severity(meta).or(meta.default_severity);
                let severity = if chosen { severity.or(Some(crate::severity::Severity::Warning)) } else { None };
                config.set_severity(meta, severity);
            }
        }
        for meta in &self.ignore {
            config.set_severity(meta, None);
        }
    }
}

/// Every config the run uses, each read once.
pub(super) struct Configs {
    source: ConfigSource,
    overrides: RuleOverrides,
    cwd: PathBuf,
    verbose: bool,
    /// The config file that applies in each directory.
    by_directory: HashMap<PathBuf, Option<PathBuf>>,
    /// Configs by file (`None`: the defaults).
    loaded: HashMap<Option<PathBuf>, Arc<Config>>,
    /// What was wrong with the configs read, for machine formats.
    problems: Vec<PathProblem>,
}

impl Configs {
    /// A run's configs from where they are to be found.
    pub fn new(source: ConfigSource, overrides: RuleOverrides, verbose: bool) -> Configs {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Configs {
            source,
            overrides,
            cwd,
            verbose,
            by_directory: HashMap::new(),
            loaded: HashMap::new(),
            problems: Vec::new(),
        }
    }

    /// The config file that applies to a plan at `path` (relative to the working
    /// directory), if any.
    pub fn config_path(&mut self, path: &Path) -> Option<PathBuf> {
        match &self.source {
            ConfigSource::Defaults => None,
            ConfigSource::File(file) => Some(file.clone()),
            ConfigSource::Nearest => {
                let directory = self.cwd.join(path).parent().map_or_else(|| self.cwd.clone(), Path::to_path_buf);
                self.by_directory
                    .entry(directory)
                    .or_insert_with_key(|directory| crate::config::find(directory))
                    .clone()
            }
        }
    }

    /// The config of the working directory: its `exclude` applies to the walk, and the
    /// rules it enables are what SARIF lists.
    pub fn for_working_directory(&mut self) -> Option<Arc<Config>> {
        let path = self.config_path(Path::new("runlint.toml"));
        self.load(path)
    }

    /// The config for each input, in order; `None` when a config has mistakes (each
    /// already shown on standard error, and kept for [`Configs::problems`]).
    pub fn for_inputs(&mut self, inputs: &[Input]) -> Option<Vec<Arc<Config>>> {
        let mut configs = Vec::with_capacity(inputs.len());
        let mut failed = false;
        for input in inputs {
            let path = match input {
                Input::Named(path) | Input::Walked(path) => path.clone(),
                // Standard input is judged as if it were the file it is named after.
                Input::Stdin(name) => PathBuf::from(name),
            };
            let config_path = self.config_path(&path);
            if self.verbose {
                say(format_args!(
                    "runlint: config: {} (for `{}`)",
                    self.describe(config_path.as_deref()),
                    safe_text::line(&input.display_name())
                ));
            }
            match self.load(config_path) {
                Some(config) => configs.push(config),
                None => failed = true,
            }
        }
        (!failed).then_some(configs)
    }

    /// The mistakes found in the configs read.
    pub fn problems(&self) -> Vec<PathProblem> {
        self.problems.iter().map(|p| PathProblem { path: p.path.clone(), message: p.message.clone() }).collect()
    }

    /// `runlint.toml` relative to the working directory, or why none applies.
    pub fn describe(&self, config_path: Option<&Path>) -> String {
        match (config_path, &self.source) {
            (Some(path), _) => safe_text::line(&self.display(path)).into_owned(),
            (None, ConfigSource::Defaults) => "none (--no-config); defaults apply".to_owned(),
            (None, _) => "none found up to the repository root; defaults apply".to_owned(),
        }
    }

    fn display(&self, path: &Path) -> String {
        discover::display_path(path.strip_prefix(&self.cwd).unwrap_or(path))
    }

    /// A config file (the defaults for `None`) with the overrides applied, read once.
    pub fn load(&mut self, path: Option<PathBuf>) -> Option<Arc<Config>> {
        if let Some(config) = self.loaded.get(&path) {
            return Some(config.clone());
        }
        let mut config = match &path {
            None => Config::default(),
            Some(path) => {
                let read = self.read(path);
                match read {
                    Ok(config) => config,
                    Err(problems) => {
                        self.problems.extend(problems);
                        // Remembered as failed: a config with mistakes is reported once.
                        self.loaded.insert(Some(path.clone()), Arc::new(Config::default()));
                        return None;
                    }
                }
            }
        };
        self.overrides.apply(&mut config);
        let config = Arc::new(config);
        self.loaded.insert(path, config.clone());
        Some(config)
    }

    /// Reads and parses one config file, showing each mistake on standard error.
    fn read(&self, path: &Path) -> Result<Config, Vec<PathProblem>> {
        let name = self.display(path);
        let text = match discover::read_config_file(path) {
            Ok(text) => text,
            Err(error) => {
                let message = discover::describe_io_error(&error);
                let path = safe_text::line(&name).into_owned();
                report_run_error(RunError::Config { path, message: message.clone() });
                return Err(vec![PathProblem { path: name, message }]);
            }
        };
        let base =
            path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from);
        crate::config::parse(&name, &text, &base).map_err(|errors| {
            let source = Source::new(name.clone(), text.clone());
            errors
                .into_iter()
                .map(|error| {
                    let at = source.position(error.range().start);
                    let problem = PathProblem {
                        path: name.clone(),
                        message: format!("{}:{}: {}", at.line, at.column, error.message()),
                    };
                    report_config_error(&error, &text);
                    problem
                })
                .collect()
        })
    }
}
