//! Finding and reading `runlint.toml`, reporting every mistake at its key or value.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::toml_tree::{self, TomlNode, TomlValue};
use super::{Config, RuleSetting};
use crate::meta::OptionValue;
use crate::meta::{OptionDefault, RuleMeta, RuleOption};
use crate::rules;
use crate::safe_text;
use crate::severity::Severity;
use crate::suggest::did_you_mean;
use crate::tags::{TAG_NAMES, Tag, TagSet};

/// Config file names, in the order they are looked for in each directory.
pub const CONFIG_NAMES: &[&str] = &["runlint.toml", ".runlint.toml"];

const TOP_LEVEL_KEYS: &[&str] = &["exclude", "rules", "exercises"];
const SEVERITIES: &[&str] = &["off", "info", "warning", "error"];
const DEFINITION_KEYS: &[&str] = &["tags", "like"];

/// Options renamed, by old name: the old name is still read as the new one.
/// `min-week` (a week's number) read like a typo of `min-weeks` (a number of weeks).
const RENAMED_OPTIONS: &[(&str, &str)] = &[("min-week", "from-week")];

/// The option a config key names: by its name, or by the name it had before.
fn find_option<'o>(options: &'o [RuleOption], key: &str) -> Option<&'o RuleOption> {
    let renamed = RENAMED_OPTIONS.iter().find(|(old, _)| *old == key).map(|(_, new)| *new);
    options.iter().find(|option| option.name == key || Some(option.name) == renamed)
}

/// A mistake in a config file: what, where (the offending key or value), what the
/// underline says there, and a suggestion. The command line shows it with the file's
/// lines around it, the editor on the config file.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    /// The config file's name as shown.
    file: String,
    message: String,
    label: String,
    help: Option<String>,
    /// The byte range in the config file as read.
    range: Range<usize>,
}

impl ConfigError {
    /// The config file's name as shown (control characters escaped).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What the underline says.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The suggestion, if any.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Where, as a byte range in the config file.
    pub fn range(&self) -> Range<usize> {
        self.range.clone()
    }

    /// The message with its suggestion on a line of its own, for editors.
    pub fn message_with_help(&self) -> String {
        match &self.help {
            Some(help) => format!("{}\nhelp: {help}", self.message),
            None => self.message.clone(),
        }
    }

    /// A config file that could not be read at all (at its start).
    pub fn unreadable(name: &str, why: &str) -> ConfigError {
        ConfigError {
            file: safe_text::line(name).into_owned(),
            message: safe_text::line(&format!("cannot read the config file: {why}")).into_owned(),
            label: String::new(),
            help: None,
            range: 0..0,
        }
    }
}

/// The nearest config file: in `start` or the closest parent directory, up to the
/// repository root (the nearest directory with `.git`): a config above the repository
/// belongs to something else and must not change how its plans are judged.
pub fn find(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        if let Some(path) = CONFIG_NAMES.iter().map(|name| dir.join(name)).find(|path| path.is_file()) {
            return Some(path);
        }
        if crate::discover::is_repository_root(dir) {
            return None;
        }
    }
    None
}

/// Reads a config from its text; `exclude` globs are relative to `base` (the config
/// file's directory). `Err` holds every mistake found.
pub fn parse(name: &str, text: &str, base: &Path) -> Result<Config, Vec<ConfigError>> {
    let mut reader = Reader { name, errors: Vec::new(), more_errors: 0 };
    let config = match toml_tree::parse(text) {
        Ok(root) => reader.config(&root, base),
        Err((message, span)) => {
            reader.error(span, format!("invalid TOML: {message}"), "here", None);
            Config::default()
        }
    };
    reader.errors.sort_by_key(|error| error.range.start);
    if reader.more_errors > 0 {
        // One reported error makes room for the count of the others.
        let more = reader.more_errors + 1;
        reader.more_errors = 0;
        let end = text.len();
        reader.errors.truncate(MAX_ERRORS - 1);
        reader.error(end..end, format!("{more} more mistakes in the config file are not shown"), "", None);
    }
    if reader.errors.is_empty() { Ok(config) } else { Err(reader.errors) }
}

struct Reader<'t> {
    name: &'t str,
    errors: Vec<ConfigError>,
    /// Errors found past [`MAX_ERRORS`].
    more_errors: usize,
}

/// The longest message shown for one config mistake, in characters.
const MAX_MESSAGE_CHARS: usize = 300;

/// The most config mistakes reported one by one.
const MAX_ERRORS: usize = 50;

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, message: String, label: &str, help: Option<String>) {
        // Past a screenful, more errors only cost memory (a hostile config can hold a
        // quarter of a million).
        if self.errors.len() >= MAX_ERRORS {
            self.more_errors += 1;
            return;
        }
        // A message quotes the config (a glob, a key): a quote of megabytes is cut.
        let message = match message.char_indices().nth(MAX_MESSAGE_CHARS) {
            Some((cut, _)) => format!("{}…", message.get(..cut).unwrap_or("")),
            None => message,
        };
        self.errors.push(ConfigError {
            file: safe_text::line(self.name).into_owned(),
            message: safe_text::line(&message).into_owned(),
            label: label.to_owned(),
            help: help.map(|help| safe_text::line(&help).into_owned()),
            range: span,
        });
    }

    fn wrong_type(&mut self, node: &TomlNode, what: &str, expected: &str) {
        let found = match &node.value {
            TomlValue::Str(text) => format!("`{text}`"),
            TomlValue::Int(value) => format!("`{value}`"),
            TomlValue::Float(value) => format!("`{value}`"),
            other => other.kind_name().to_owned(),
        };
        let message = format!("{what} must be {expected}, found {found}");
        self.error(node.span.clone(), message, "this value", None);
    }

    fn unknown_key(&mut self, key: &toml::Spanned<String>, what: &str, known: &[&str]) {
        let help = match did_you_mean(key.get_ref(), known.iter().copied()) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!("known keys: {}", known.join(", ")),
        };
        self.error(key.span(), format!("unknown key `{}` in {what}", key.get_ref()), "unknown key", Some(help));
    }

    fn table<'n>(&mut self, node: &'n TomlNode, what: &str) -> &'n [(toml::Spanned<String>, TomlNode)] {
        match &node.value {
            TomlValue::Table(entries) => entries,
            _ => {
                self.wrong_type(node, what, "a table");
                &[]
            }
        }
    }

    fn config(&mut self, root: &TomlNode, base: &Path) -> Config {
        let mut config = Config::default();
        for (key, value) in self.table(root, "the config file") {
            match key.get_ref().as_str() {
                "exclude" => {
                    let globs = self.exclude(value);
                    config.exclude = match crate::discover::Exclude::new(base, &globs) {
                        Ok(exclude) => exclude,
                        Err(error) => {
                            // Each glob built alone, but not all together (a set has a size
                            // limit): an `exclude` silently dropped would lint the archive.
                            let message = format!("the `exclude` globs cannot be used together: {error}");
                            self.error(value.span.clone(), message, "these globs", None);
                            crate::discover::Exclude::default()
                        }
                    };
                }
                "rules" => config.rules = self.rules(value),
                "exercises" => self.exercises(value, &mut config),
                _ => self.unknown_key(key, "the config file", TOP_LEVEL_KEYS),
            }
        }
        config
    }

    fn exclude(&mut self, node: &TomlNode) -> Vec<String> {
        let TomlValue::Array(items) = &node.value else {
            self.wrong_type(node, "`exclude`", "an array of globs");
            return Vec::new();
        };
        let mut globs = Vec::new();
        for item in items {
            match &item.value {
                // Built as a set of one: a glob can parse and still be too large to match.
                TomlValue::Str(glob) => match globset::Glob::new(glob)
                    .and_then(|parsed| globset::GlobSetBuilder::new().add(parsed).build())
                {
                    Ok(_) => globs.push(glob.clone()),
                    Err(error) => {
                        self.error(item.span.clone(), format!("bad glob `{glob}`: {error}"), "this glob", None)
                    }
                },
                _ => self.wrong_type(item, "an `exclude` entry", "a glob string"),
            }
        }
        globs
    }

    fn rules(&mut self, node: &TomlNode) -> Vec<(&'static RuleMeta, RuleSetting)> {
        let mut settings = Vec::new();
        for (key, value) in self.table(node, "`[rules]`") {
            let name = key.get_ref().as_str();
            let meta = match rules::find(name) {
                Some(meta) if meta.configurable => meta,
                Some(_) => {
                    let message = format!("`{name}` is always reported and cannot be configured");
                    self.error(key.span(), message, "not a rule", None);
                    continue;
                }
                None => {
                    let configurable = rules::registry().iter().filter(|meta| meta.configurable).map(|meta| meta.name);
                    let help = match did_you_mean(name, configurable) {
                        Some(suggestion) => format!("did you mean `{suggestion}`?"),
                        None => "`runlint --list-rules` lists every rule".to_owned(),
                    };
                    self.error(key.span(), format!("unknown rule `{name}`"), "not a rule", Some(help));
                    continue;
                }
            };
            if let Some(setting) = self.rule_setting(name, value, meta.options) {
                settings.push((meta, setting));
            }
        }
        settings
    }

    fn rule_setting(&mut self, rule: &str, node: &TomlNode, options: &[RuleOption]) -> Option<RuleSetting> {
        match &node.value {
            TomlValue::Str(_) => {
                self.severity(node).map(|severity| RuleSetting { severity: Some(severity), options: vec![] })
            }
            TomlValue::Table(entries) => {
                let mut setting = RuleSetting::default();
                let known: Vec<&str> = std::iter::once("severity").chain(options.iter().map(|o| o.name)).collect();
                for (key, value) in entries {
                    if key.get_ref() == "severity" {
                        setting.severity = self.severity(value);
                    } else if let Some(option) = find_option(options, key.get_ref()) {
                        if let Some(value) = self.option_value(rule, option, value) {
                            setting.options.push((option.name.to_owned(), value));
                        }
                    } else {
                        self.unknown_key(key, &format!("the settings of `{rule}`"), &known);
                    }
                }
                Some(setting)
            }
            _ => {
                self.wrong_type(node, &format!("`{rule}`"), "a severity or a table such as `{ severity = \"error\" }`");
                None
            }
        }
    }

    /// `off`, `info`, `warning` or `error`: `Some(None)` is off.
    fn severity(&mut self, node: &TomlNode) -> Option<Option<Severity>> {
        let TomlValue::Str(word) = &node.value else {
            self.wrong_type(node, "a severity", "`off`, `info`, `warning` or `error`");
            return None;
        };
        if word == "off" {
            return Some(None);
        }
        if let Some(severity) = Severity::parse(word) {
            return Some(Some(severity));
        }
        let help = did_you_mean(word, SEVERITIES.iter().copied())
            .map_or_else(|| "use `off`, `info`, `warning` or `error`".to_owned(), |s| format!("did you mean `{s}`?"));
        self.error(node.span.clone(), format!("unknown severity `{word}`"), "not a severity", Some(help));
        None
    }

    fn option_value(&mut self, rule: &str, option: &RuleOption, node: &TomlNode) -> Option<OptionValue> {
        let what = format!("`{}` of `{rule}`", option.name);
        match (option.default, &node.value) {
            (OptionDefault::Integer(_), TomlValue::Int(value)) if *value >= 0 => {
                Some(OptionValue::Number(*value as f64))
            }
            (OptionDefault::Integer(_), _) => {
                self.wrong_type(node, &what, "a whole number of at least 0");
                None
            }
            (OptionDefault::Number(_), TomlValue::Int(value)) if *value >= 0 => {
                Some(OptionValue::Number(*value as f64))
            }
            (OptionDefault::Number(_), TomlValue::Float(value)) if value.is_finite() && *value >= 0.0 => {
                Some(OptionValue::Number(*value))
            }
            (OptionDefault::Number(_), _) => {
                self.wrong_type(node, &what, "a number of at least 0");
                None
            }
            (OptionDefault::Choice(_, choices), TomlValue::Str(word)) if choices.contains(&word.as_str()) => {
                Some(OptionValue::Word(word.clone()))
            }
            (OptionDefault::Choice(_, choices), _) => {
                let expected: Vec<String> = choices.iter().map(|c| format!("`{c}`")).collect();
                self.wrong_type(node, &what, &format!("one of {}", expected.join(", ")));
                None
            }
        }
    }

    fn exercises(&mut self, node: &TomlNode, config: &mut Config) {
        for (name, definition) in self.table(node, "`[exercises]`") {
            let what = format!("the definition of `{}`", name.get_ref());
            let entries = self.table(definition, &what);
            let mut tags = None;
            for (key, value) in entries {
                match key.get_ref().as_str() {
                    "tags" => tags = self.tags(value),
                    "like" => tags = self.like(value),
                    _ => self.unknown_key(key, &what, DEFINITION_KEYS),
                }
            }
            if entries.len() > 1 && entries.iter().all(|(k, _)| DEFINITION_KEYS.contains(&k.get_ref().as_str())) {
                self.error(definition.span.clone(), format!("{what} has both `tags` and `like`"), "keep one", None);
            } else if let Some(tags) = tags {
                Arc::make_mut(&mut config.catalog).define(name.get_ref(), tags);
            } else if entries.is_empty() {
                self.error(definition.span.clone(), format!("{what} needs `tags` or `like`"), "empty", None);
            }
        }
    }

    fn tags(&mut self, node: &TomlNode) -> Option<TagSet> {
        let TomlValue::Array(items) = &node.value else {
            self.wrong_type(node, "`tags`", "an array of tags");
            return None;
        };
        let mut tags = TagSet::EMPTY;
        for item in items {
            let TomlValue::Str(word) = &item.value else {
                self.wrong_type(item, "a tag", "a string");
                return None;
            };
            match Tag::parse(word) {
                Some(tag) => tags.insert(tag),
                None => {
                    let help = did_you_mean(word, TAG_NAMES.iter().copied()).map(|t| format!("did you mean `{t}`?"));
                    self.error(item.span.clone(), format!("unknown tag `{word}`"), "not a tag", help);
                    return None;
                }
            }
        }
        if let Err(message) = tags.check_kind() {
            let help = Some("add one of `strength`, `plyometric`, `isometric`, `mobility`".to_owned());
            self.error(node.span.clone(), message, "these tags", help);
            return None;
        }
        Some(tags)
    }

    fn like(&mut self, node: &TomlNode) -> Option<TagSet> {
        let TomlValue::Str(known) = &node.value else {
            self.wrong_type(node, "`like`", "the name of a known exercise");
            return None;
        };
        let catalog = crate::catalog::Catalog::builtin();
        if let Some(entry) = catalog.lookup(known) {
            return Some(entry.tags);
        }
        let nearest = catalog.nearest(known, 3);
        let help = (!nearest.is_empty()).then(|| format!("did you mean `{}`?", nearest.join("`, `")));
        self.error(node.span.clone(), format!("unknown exercise `{known}`"), "not in the catalogue", help);
        None
    }
}
