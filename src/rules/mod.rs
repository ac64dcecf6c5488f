//! The rule trait, rule metadata, the context rules report through, and the registry.

mod calf_work_missing;
mod consecutive_strength_days;
mod core_work_missing;
mod crunch_only_core;
mod early_weeks_overload;
mod heavy_before_hard;
mod heavy_on_easy_day;
mod hip_work_missing;
mod it_band_without_hip_work;
mod light_load_high_reps;
mod load_reps_mismatch;
mod load_with_current_pain;
mod mobility_as_strength;
mod no_rest_day;
mod peak_progression;
mod peak_volume_not_reduced;
mod plyometric_volume;
mod plyometrics_too_early;
mod progression_too_many_variables;
mod same_day_gap;
mod session_too_long;
mod sets_to_failure;
mod single_leg_missing;
mod speed_before_calf_base;
mod strength_before_run;
mod strength_frequency;

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::model::{ExerciseView, Model, SessionView, WeekView};

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
    Integer(i64),
    /// A number.
    Number(f64),
    /// One word out of the listed choices.
    Choice(&'static str, &'static [&'static str]),
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

/// Everything about a rule except its check.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Category.
    pub category: Category,
    /// Default severity; `None` means off by default.
    pub default_severity: Option<Severity>,
    /// One line.
    pub summary: &'static str,
    /// The rule's Markdown documentation.
    pub doc: &'static str,
    /// Options with defaults.
    pub options: &'static [RuleOption],
}

/// A lint rule: metadata plus a check over the resolved model.
pub trait Rule: Sync + Send {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Reports findings on `model` through `cx`.
    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>);
}

/// An option value as configured.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// A number.
    Number(f64),
    /// A word.
    Word(String),
}

/// What a rule reads and where it reports: stamps the rule name and severity on findings.
pub struct RuleContext<'a> {
    meta: &'static RuleMeta,
    severity: Severity,
    options: &'a [(String, OptionValue)],
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> RuleContext<'a> {
    /// A context for one rule at one severity with configured options.
    pub fn new(
        meta: &'static RuleMeta,
        severity: Severity,
        options: &'a [(String, OptionValue)],
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        RuleContext { meta, severity, options, diagnostics }
    }

    /// Starts a finding of this rule.
    pub fn finding(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.meta.name, self.severity, message, span)
    }

    /// Starts a finding about a whole week.
    pub fn week_finding(&self, week: &WeekView<'_>, span: Span, message: impl Into<String>) -> Diagnostic {
        self.finding(span, message).at_day(week.week.number, None).with_path(week.path())
    }

    /// Starts a finding about one session.
    pub fn session_finding(&self, session: &SessionView<'_>, span: Span, message: impl Into<String>) -> Diagnostic {
        self.finding(span, message).at_day(session.week, Some(session.weekday)).with_path(session.path())
    }

    /// Starts a finding about one exercise of a session.
    pub fn exercise_finding(
        &self,
        session: &SessionView<'_>,
        exercise: &ExerciseView<'_>,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.finding(span, message)
            .at_day(session.week, Some(session.weekday))
            .with_path(session.exercise_path(exercise))
    }

    /// Reports a finding.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// A numeric option: the configured value, else the default.
    pub fn number(&self, name: &str) -> f64 {
        let configured = self.options.iter().find(|(key, _)| key == name).and_then(|(_, value)| match value {
            OptionValue::Number(number) => Some(*number),
            OptionValue::Word(_) => None,
        });
        configured.unwrap_or_else(|| match self.default(name) {
            Some(OptionDefault::Integer(value)) => value as f64,
            Some(OptionDefault::Number(value)) => value,
            _ => 0.0,
        })
    }

    /// A whole-number option (negative values read as 0).
    pub fn integer(&self, name: &str) -> u32 {
        let value = self.number(name);
        if value <= 0.0 { 0 } else { value.min(f64::from(u32::MAX)) as u32 }
    }

    /// A word option: the configured value, else the default.
    pub fn word(&self, name: &str) -> &str {
        let configured = self.options.iter().find(|(key, _)| key == name).and_then(|(_, value)| match value {
            OptionValue::Word(word) => Some(word.as_str()),
            OptionValue::Number(_) => None,
        });
        configured.unwrap_or(match self.default(name) {
            Some(OptionDefault::Choice(word, _)) => word,
            _ => "",
        })
    }

    fn default(&self, name: &str) -> Option<OptionDefault> {
        self.meta.options.iter().find(|option| option.name == name).map(|option| option.default)
    }
}

/// Labels every lower-body session of a week, for findings about the week as a whole.
pub fn label_lower_body_sessions(mut finding: Diagnostic, week: &WeekView<'_>) -> Diagnostic {
    for session in week.lower_body_sessions() {
        finding = finding.with_label(session.session.kind_key, format!("lower-body session on {}", session.weekday));
    }
    finding
}

/// Every rule, sorted by name.
pub static RULES: &[&dyn Rule] = &[
    &calf_work_missing::CalfWorkMissing,
    &consecutive_strength_days::ConsecutiveStrengthDays,
    &core_work_missing::CoreWorkMissing,
    &crunch_only_core::CrunchOnlyCore,
    &early_weeks_overload::EarlyWeeksOverload,
    &heavy_before_hard::HeavyBeforeHard,
    &heavy_on_easy_day::HeavyOnEasyDay,
    &hip_work_missing::HipWorkMissing,
    &it_band_without_hip_work::ItBandWithoutHipWork,
    &light_load_high_reps::LightLoadHighReps,
    &load_reps_mismatch::LoadRepsMismatch,
    &load_with_current_pain::LoadWithCurrentPain,
    &mobility_as_strength::MobilityAsStrength,
    &no_rest_day::NoRestDay,
    &peak_progression::PeakProgression,
    &peak_volume_not_reduced::PeakVolumeNotReduced,
    &plyometric_volume::PlyometricVolume,
    &plyometrics_too_early::PlyometricsTooEarly,
    &progression_too_many_variables::ProgressionTooManyVariables,
    &same_day_gap::SameDayGap,
    &session_too_long::SessionTooLong,
    &sets_to_failure::SetsToFailure,
    &single_leg_missing::SingleLegMissing,
    &speed_before_calf_base::SpeedBeforeCalfBase,
    &strength_before_run::StrengthBeforeRun,
    &strength_frequency::StrengthFrequency,
];

/// Finds a rule by name.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| rule.meta().name == name)
}

/// Names that are reported but are not rules: they cannot be configured as rules or,
/// except `unknown-exercise`, suppressed.
pub const BUILTIN_DIAGNOSTICS: &[&str] = &["syntax-error", "invalid-plan", "unknown-exercise", "unused-suppression"];
