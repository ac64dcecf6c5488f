//! What runlint knows about every kind of diagnostic it reports, apart from how it is
//! found: name, category, severity, options, fixes. The lint rules declare theirs in
//! `rules/` (whose `registry()` lists every kind); the built-in diagnostics are declared
//! here. Diagnostics carry a `&'static RuleMeta`, so nothing else spells a rule's name.

use std::fmt;

use crate::severity::Severity;

/// What part of training a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// Which exercises are chosen.
    Selection,
    /// When sessions happen relative to each other.
    Schedule,
    /// How exercises progress from week to week.
    Progression,
    /// How much work is prescribed.
    Volume,
    /// Whether loading is safe at all.
    Safety,
}

impl Category {
    /// The category's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Selection => "selection",
            Category::Schedule => "schedule",
            Category::Progression => "progression",
            Category::Volume => "volume",
            Category::Safety => "safety",
        }
    }
}

/// The default value of a rule option; also fixes the option's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OptionDefault {
    /// A whole number.
    Integer(u32),
    /// A number.
    Number(f64),
    /// One word out of the listed choices.
    Choice(&'static str, &'static [&'static str]),
}

/// An option value as configured (checked against the option's kind when read).
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// A number.
    Number(f64),
    /// A word.
    Word(String),
}

/// A tunable setting of a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleOption {
    /// Kebab-case name used in the config file.
    pub name: &'static str,
    /// Default value.
    pub default: OptionDefault,
    /// What it changes.
    pub description: &'static str,
}

/// The fixes a kind of diagnostic may offer (biome's `fix_kind`): at most this safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FixKind {
    /// No fix.
    None,
    /// Fixes that change what the plan prescribes (`--unsafe-fixes`).
    Unsafe,
    /// Fixes that keep the coach's intent (`--fix`); some may be unsafe.
    Safe,
}

impl FixKind {
    /// Whether a fix of this applicability is within what the rule declares.
    pub fn allows(self, applicability: crate::fix::Applicability) -> bool {
        use crate::fix::Applicability;
        match self {
            FixKind::None => false,
            FixKind::Unsafe => applicability <= Applicability::Unsafe,
            FixKind::Safe => true,
        }
    }
}

/// The project's home, which rule documentation links point into.
pub const PROJECT_URI: &str = "https://github.com/runlint/runlint";

/// How repeated findings of one kind are folded into one entry in human and GitHub output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Every occurrence is its own entry (each shape error needs its own edit).
    Never,
    /// All occurrences in one file are one entry: the same advice in many places.
    ByRule,
    /// Occurrences with the same message are one entry (the same unknown name).
    ByMessage,
}

/// Everything about one kind of diagnostic except how it is found.
pub struct RuleMeta {
    /// Stable kebab-case name, used in output, config and suppressions.
    pub name: &'static str,
    /// The rule's category; `None` for the built-in diagnostics, which are not rules.
    pub category: Option<Category>,
    /// Default severity; `None` means off by default.
    pub default_severity: Option<Severity>,
    /// One line.
    pub summary: &'static str,
    /// The Markdown documentation (`--explain`): `rules/NAME.md` for a rule,
    /// `docs/checks/NAME.md` for a built-in diagnostic.
    pub doc: &'static str,
    /// Options with defaults.
    pub options: &'static [RuleOption],
    /// Whether `# runlint: allow` may silence it.
    pub suppressible: bool,
    /// Whether the config file may set its severity.
    pub configurable: bool,
    /// How repeated occurrences are folded in human and GitHub output.
    pub fold: Fold,
    /// The fixes it may offer.
    pub fix: FixKind,
}

impl RuleMeta {
    /// Whether this is a lint rule (as opposed to a built-in diagnostic).
    pub fn is_rule(&self) -> bool {
        self.category.is_some()
    }

    /// Where the rule's (or built-in check's) documentation is published.
    pub fn help_uri(&self) -> String {
        let folder = if self.is_rule() { "rules" } else { "docs/checks" };
        format!("{PROJECT_URI}/blob/main/{folder}/{}.md", self.name)
    }

    /// The body of one section of the rule's doc (`## Why`), up to the next heading;
    /// empty when the doc has no such section.
    pub fn doc_section(&self, heading: &str) -> &'static str {
        let doc = self.doc;
        let Some(start) = doc.find(heading) else { return "" };
        let body = doc.get(start + heading.len()..).unwrap_or("");
        body.get(..body.find("\n## ").unwrap_or(body.len())).unwrap_or("")
    }
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for RuleMeta {}

impl fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A built-in diagnostic; the pair is (configurable, suppressible).
const fn builtin(
    name: &'static str,
    (summary, doc): (&'static str, &'static str),
    default_severity: Severity,
    (configurable, suppressible): (bool, bool),
    (fold, fix): (Fold, FixKind),
) -> RuleMeta {
    RuleMeta {
        name,
        category: None,
        default_severity: Some(default_severity),
        summary,
        doc,
        options: &[],
        suppressible,
        configurable,
        fold,
        fix,
    }
}

/// The file is not valid YAML.
pub static SYNTAX_ERROR: RuleMeta = builtin(
    "syntax-error",
    ("the file is not valid YAML", include_str!("../docs/checks/syntax-error.md")),
    Severity::Error,
    (false, false),
    (Fold::Never, FixKind::None),
);
/// Valid YAML that breaks plan format v1.
pub static INVALID_PLAN: RuleMeta = builtin(
    "invalid-plan",
    ("the YAML does not follow plan format v1", include_str!("../docs/checks/invalid-plan.md")),
    Severity::Error,
    (false, false),
    (Fold::Never, FixKind::Safe),
);
/// An exercise the catalogue does not know.
pub static UNKNOWN_EXERCISE: RuleMeta = builtin(
    "unknown-exercise",
    ("an exercise is not in the catalogue and has no tags", include_str!("../docs/checks/unknown-exercise.md")),
    Severity::Warning,
    (true, true),
    (Fold::ByMessage, FixKind::Safe),
);
/// A suppression comment that silences nothing.
pub static UNUSED_SUPPRESSION: RuleMeta = builtin(
    "unused-suppression",
    ("a `# runlint: allow` comment silences nothing", include_str!("../docs/checks/unused-suppression.md")),
    Severity::Info,
    (true, false),
    (Fold::Never, FixKind::None),
);

/// A kind of diagnostic as a run has it configured, for formats that describe what they
/// checked (SARIF lists them).
#[derive(Debug, Clone, Copy)]
pub struct EnabledRule {
    /// The rule's metadata.
    pub meta: &'static RuleMeta,
    /// Its configured severity.
    pub severity: Severity,
}

/// The built-in diagnostics, in the order SARIF lists them after the rules.
pub static BUILTINS: &[&RuleMeta] = &[&SYNTAX_ERROR, &INVALID_PLAN, &UNKNOWN_EXERCISE, &UNUSED_SUPPRESSION];
