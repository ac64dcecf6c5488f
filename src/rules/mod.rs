//! The lint rules: how a rule is declared, the context it reports through, and the
//! registry of every rule.
//!
//! A rule is one file that calls [`declare_rule!`] and defines `fn check`; adding it to
//! the [`rules!`] list at the bottom registers it.

/// The severity a rule starts with: `error`, `warning`, `info` or `off`.
macro_rules! default_severity {
    (error) => {
        Some($crate::severity::Severity::Error)
    };
    (warning) => {
        Some($crate::severity::Severity::Warning)
    };
    (info) => {
        Some($crate::severity::Severity::Info)
    };
    (off) => {
        None
    };
}

/// The Rust type of an option kind.
macro_rules! option_type {
    (integer) => {
        u32
    };
    (number) => {
        f64
    };
    (choice $choice:ty) => {
        $choice
    };
}

/// The documented default of an option kind.
macro_rules! option_default {
    (integer, $value:expr) => {
        $crate::meta::OptionDefault::Integer($value)
    };
    (number, $value:expr) => {
        $crate::meta::OptionDefault::Number($value)
    };
    (choice $choice:ty, $value:expr) => {
        $crate::meta::OptionDefault::Choice(<$choice>::name($value), <$choice>::NAMES)
    };
}

/// Declares a rule in one place: its registry entry (`RULE`, whose documentation is
/// `rules/<name>.md`) and, when it has options, a typed `Options` struct read from the
/// configuration. `fix:` says which fixes it offers (`none` when left out, `unsafe`,
/// `safe`); a debug build checks it offers no other. The file defines `fn check(model: &Model<'_>, cx: &mut RuleContext<'_>)`.
///
/// ```ignore
/// declare_rule! {
///     name: "box-jumps-in-week-one",
///     category: Progression,
///     default: warning,
///     summary: "box jumps before week `min-week`",
///     fix: unsafe,
///     options: {
///         min_week: integer = 2, "min-week", "the first week in which box jumps are fine";
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        name: $name:literal,
        category: $category:ident,
        default: $default:ident,
        summary: $summary:literal
        $(, fix: $fix:tt)?
        $(, options: { $($field:ident: $kind:ident $(<$choice:ty>)? = $value:expr, $key:literal, $description:literal;)+ })?
        $(,)?
    ) => {
        /// The rule's registry entry.
        pub static RULE: $crate::rules::Rule = $crate::rules::Rule {
            meta: $crate::meta::RuleMeta {
                name: $name,
                category: Some($crate::meta::Category::$category),
                default_severity: default_severity!($default),
                summary: $summary,
                doc: include_str!(concat!("../../rules/", $name, ".md")),
                options: &[$($($crate::meta::RuleOption {
                    name: $key,
                    default: option_default!($kind $($choice)?, $value),
                    description: $description,
                },)+)?],
                suppressible: true,
                configurable: true,
                fold: $crate::meta::Fold::ByRule,
                fix: fix_kind!($($fix)?),
            },
            check,
        };

        $(
            /// The rule's options, as configured.
            #[derive(Debug, Clone, Copy)]
            struct Options {
                $($field: option_type!($kind $($choice)?),)+
            }

            impl Options {
                /// The configured values, else the defaults.
                fn read(cx: &$crate::rules::RuleContext<'_>) -> Self {
                    Options {
                        $($field: cx.option($key).unwrap_or($value),)+
                    }
                }
            }
        )?
    };
}

/// The fixes a rule declares: `none` (the default), `unsafe` or `safe`.
macro_rules! fix_kind {
    () => {
        $crate::meta::FixKind::None
    };
    (none) => {
        $crate::meta::FixKind::None
    };
    (unsafe) => {
        $crate::meta::FixKind::Unsafe
    };
    (safe) => {
        $crate::meta::FixKind::Safe
    };
}

/// Declares the rule modules and lists them, sorted by name, in [`RULES`].
macro_rules! rules {
    ($($module:ident),+ $(,)?) => {
        $(mod $module;)+

        /// Every lint rule, sorted by name.
        pub static RULES: &[&Rule] = &[$(&$module::RULE),+];
    };
}

use std::sync::LazyLock;

use crate::diagnostic::{Diagnostic, Span};
use crate::fix::Fix;
use crate::meta::{BUILTINS, OptionValue, RuleMeta};
use crate::model::{ExerciseView, Model, SessionView, WeekView};
use crate::severity::Severity;

/// A lint rule: its metadata and its check over the resolved model.
pub struct Rule {
    /// Name, category, default severity, documentation and options.
    pub meta: RuleMeta,
    /// Reports findings on a model through the context.
    pub check: fn(&Model<'_>, &mut RuleContext<'_>),
}

/// A type a rule option can have: converts a configured value (already checked against
/// the option's declared kind when the config was read).
pub trait OptionKind: Sized {
    /// The value, if it has this kind.
    fn from_configured(value: &OptionValue) -> Option<Self>;
}

impl OptionKind for u32 {
    fn from_configured(value: &OptionValue) -> Option<Self> {
        match value {
            OptionValue::Number(number) if *number >= 0.0 => Some(number.min(f64::from(u32::MAX)) as u32),
            _ => None,
        }
    }
}

impl OptionKind for f64 {
    fn from_configured(value: &OptionValue) -> Option<Self> {
        match value {
            OptionValue::Number(number) => Some(*number),
            OptionValue::Word(_) => None,
        }
    }
}

/// What a rule reads and where it reports: stamps the rule and its severity on findings.
pub struct RuleContext<'a> {
    meta: &'static RuleMeta,
    severity: Severity,
    options: &'a [(String, OptionValue)],
    /// The plan's text, which fixes that add lines take their style from.
    text: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> RuleContext<'a> {
    /// A context for one rule at one severity with configured options.
    pub fn new(
        meta: &'static RuleMeta,
        severity: Severity,
        options: &'a [(String, OptionValue)],
        text: &'a str,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        RuleContext { meta, severity, options, text, diagnostics }
    }

    /// Starts a finding of this rule at `span`.
    pub fn finding(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.meta, self.severity, message, span)
    }

    /// Starts a finding about a whole week, at its `week:` key.
    pub fn week_finding(&self, week: &WeekView<'_>, message: impl Into<String>) -> Diagnostic {
        self.finding(week.week.number_key, message).at_day(week.week.number, None).with_path(week.path())
    }

    /// Starts a finding about one session, at its kind key (`strength:`, `run:`).
    pub fn session_finding(&self, session: &SessionView<'_>, message: impl Into<String>) -> Diagnostic {
        self.finding(session.session.kind_key, message)
            .at_day(session.week, Some(session.weekday.as_str()))
            .with_path(session.path())
    }

    /// Starts a finding about one exercise of a session, at its name.
    pub fn exercise_finding(
        &self,
        session: &SessionView<'_>,
        exercise: &ExerciseView<'_>,
        message: impl Into<String>,
    ) -> Diagnostic {
        self.finding(exercise.exercise.name.span, message)
            .at_day(session.week, Some(session.weekday.as_str()))
            .with_path(session.exercise_path(exercise))
    }

    /// Reports a finding.
    pub fn report(&mut self, diagnostic: Diagnostic) {
        debug_assert!(
            diagnostic.fix.as_ref().is_none_or(|fix| self.meta.fix.allows(fix.applicability)),
            "`{}` offers a fix it does not declare",
            self.meta.name
        );
        self.diagnostics.push(diagnostic);
    }

    /// A fix that adds an exercise at the end of a session, dosed for the athlete's
    /// training week: two sets while they are new to strength work (training weeks 1 and
    /// 2), else three.
    pub fn add_to_session(&self, session: &SessionView<'_>, training_week: u32, name: &str, reps: &str) -> Option<Fix> {
        let last = session.exercises.last()?;
        let sets = if training_week <= 2 { 2 } else { 3 };
        Fix::add_exercise(self.text, last.exercise.span, name, &format!("{sets}x{reps}"))
    }

    /// The configured value of an option of this rule, if it is set.
    pub fn option<T: OptionKind>(&self, name: &str) -> Option<T> {
        self.options.iter().find(|(key, _)| key == name).and_then(|(_, value)| T::from_configured(value))
    }
}

/// Adds `fix` to a finding when there is one.
pub fn with_optional_fix(finding: Diagnostic, fix: Option<Fix>) -> Diagnostic {
    match fix {
        Some(fix) => finding.with_fix(fix),
        None => finding,
    }
}

/// Labels every lower-body session of a week, for findings about the week as a whole.
pub fn label_lower_body_sessions(finding: Diagnostic, week: &WeekView<'_>) -> Diagnostic {
    finding.with_labels(
        week.lower_body_sessions()
            .map(|session| (session.session.kind_key, format!("lower-body session on {}", session.weekday))),
    )
}

/// Every kind of diagnostic: the lint rules (sorted by name), then the built-ins.
pub fn registry() -> &'static [&'static RuleMeta] {
    static REGISTRY: LazyLock<Vec<&'static RuleMeta>> =
        LazyLock::new(|| RULES.iter().map(|rule| &rule.meta).chain(BUILTINS.iter().copied()).collect());
    &REGISTRY
}

/// Finds any kind of diagnostic (rule or built-in) by name.
pub fn find(name: &str) -> Option<&'static RuleMeta> {
    registry().iter().copied().find(|meta| meta.name == name)
}

/// Finds a lint rule by name.
pub fn find_rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.meta.name == name)
}

rules! {
    calf_work_missing,
    consecutive_strength_days,
    core_work_missing,
    crunch_only_core,
    early_weeks_overload,
    heavy_before_hard,
    heavy_on_easy_day,
    hip_work_missing,
    it_band_without_hip_work,
    light_load_high_reps,
    load_reps_mismatch,
    load_step_too_big,
    load_with_current_pain,
    mobility_as_strength,
    no_rest_day,
    peak_progression,
    peak_volume_not_reduced,
    plyometric_volume,
    plyometrics_too_early,
    progression_too_many_variables,
    race_week_strength,
    same_day_gap,
    session_too_long,
    sets_to_failure,
    single_leg_missing,
    speed_before_calf_base,
    strength_before_run,
    strength_frequency,
}
