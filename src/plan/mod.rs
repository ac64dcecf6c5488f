//! The typed plan (format v1), lowered from the YAML node tree.

pub mod grammar;
mod injury;
pub mod load;
mod lower;
pub mod prescription;
pub mod schema;
mod vocabulary;

pub use injury::BodyPart;
pub use load::{BandColour, BandWeight, Load};
pub use lower::parse;
pub use prescription::{Amount, Prescription, PrescriptionError, Tempo};
pub use vocabulary::{Intensity, Level, Phase, RunType, Weekday};

use crate::diagnostic::Span;
use crate::tags::TagSet;

/// A value with the byte range of the node it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole training plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// The `plan:` title.
    pub title: String,
    /// Who the plan is for.
    pub athlete: Athlete,
    /// The goal race, if any.
    pub race: Option<Race>,
    /// Plan-local exercise definitions.
    pub exercises: Vec<ExerciseDefinition>,
    /// The weeks, in file order.
    pub weeks: Vec<Week>,
    /// The `weeks` key.
    pub weeks_key: Span,
    /// Quoted and block scalars, where `# runlint:` is text, not a suppression comment.
    pub text_spans: Vec<Span>,
}

/// The athlete the plan is written for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Athlete {
    /// Training background.
    pub level: Level,
    /// Age in years.
    pub age: Option<u32>,
    /// Weeks of consistent strength training before week 1.
    pub strength_weeks: u32,
    /// Past injuries.
    pub history: Vec<Spanned<String>>,
    /// Current pain or symptoms.
    pub pain: Vec<Spanned<String>>,
    /// The `pain` value node, when given.
    pub pain_span: Option<Span>,
    /// Whether a professional has cleared loading despite the pain.
    pub cleared: bool,
    /// Known one-rep maxima.
    pub one_rep_max: Vec<OneRepMax>,
    /// Body weight in kg, when given: judges absolute loads without a one-rep max.
    pub body_weight_kg: Option<f64>,
}

impl Athlete {
    /// Whether a past injury of `history` speaks of the body part, in any phrase.
    pub fn has_history(&self, part: BodyPart) -> bool {
        self.history.iter().any(|entry| part.is_named_in(&entry.value))
    }

    /// Whether the current `pain` speaks of the body part, in any phrase.
    pub fn has_pain(&self, part: BodyPart) -> bool {
        self.pain.iter().any(|entry| part.is_named_in(&entry.value))
    }
}

/// One entry of `athlete.one_rep_max`.
#[derive(Debug, Clone, PartialEq)]
pub struct OneRepMax {
    /// The exercise as written.
    pub exercise: Spanned<String>,
    /// The maximum load.
    pub load: Spanned<Load>,
}

/// The goal race.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Race {
    /// Name of the race.
    pub name: Option<String>,
    /// The plan week the race falls in.
    pub week: Option<Spanned<u32>>,
    /// Distance, free text.
    pub distance: Option<String>,
}

/// A plan-local exercise definition from the `exercises:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseDefinition {
    /// The new name.
    pub name: Spanned<String>,
    /// How it is classified.
    pub classification: Classification,
}

/// How a plan-local or configured exercise gets its tags.
#[derive(Debug, Clone, PartialEq)]
pub enum Classification {
    /// Explicit tags.
    Tags(TagSet),
    /// The tags of a known exercise.
    Like(Spanned<String>),
}

/// One week of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    /// The plan week number.
    pub number: u32,
    /// The `week` key.
    pub number_key: Span,
    /// Position in the `weeks` list (0-based).
    pub index: usize,
    /// The phase written on this week, if any (inheritance happens in the model).
    pub phase: Option<Spanned<Phase>>,
    /// The planned days, in file order.
    pub days: Vec<Day>,
    /// The whole week.
    pub span: Span,
}

/// One planned day of a week.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// Which day.
    pub weekday: Weekday,
    /// The day key as written (`fri`, `Friday`).
    pub key: Spanned<String>,
    /// Rest, or the sessions in the order written.
    pub content: DayContent,
}

/// What happens on a day.
#[derive(Debug, Clone, PartialEq)]
pub enum DayContent {
    /// `rest` or `off`.
    Rest(Span),
    /// One or more sessions; `listed` tells whether they were written as a list.
    Sessions {
        /// The sessions in the order written.
        sessions: Vec<Session>,
        /// Whether the day was written as a list (affects the logical path).
        listed: bool,
    },
}

/// One session: a run, a strength session, cross-training or mobility.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// What kind of session.
    pub kind: SessionKind,
    /// The kind key (`run`, `strength`, ...).
    pub kind_key: Span,
    /// The title or activity as written.
    pub title: Option<String>,
    /// Duration.
    pub minutes: Option<Spanned<f64>>,
    /// Start time in minutes after midnight.
    pub at: Option<Spanned<u32>>,
    /// Explicit intensity.
    pub intensity: Option<Spanned<Intensity>>,
    /// Distance in kilometres (from `km` or `mi`).
    pub distance_km: Option<f64>,
    /// Exercises, for strength and mobility sessions.
    pub exercises: Vec<Exercise>,
    /// The whole session.
    pub span: Span,
}

/// The kind of a session.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionKind {
    /// A run of the given type.
    Run(RunType),
    /// Strength training.
    Strength,
    /// Cross-training.
    Cross,
    /// Mobility work (never counts as strength).
    Mobility,
}

/// One exercise in a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The name as written.
    pub name: Spanned<String>,
    /// Number of sets.
    pub sets: Option<Spanned<u32>>,
    /// Repetitions.
    pub reps: Option<Spanned<Amount>>,
    /// Hold time in seconds.
    pub seconds: Option<Spanned<Amount>>,
    /// Steps.
    pub steps: Option<Spanned<Amount>>,
    /// External load or effort.
    pub load: Option<Spanned<Load>>,
    /// Tempo (lowering-pause-lifting).
    pub tempo: Option<Spanned<Tempo>>,
    /// Whether the amount is per side.
    pub each_side: bool,
    /// Rest between sets in seconds.
    pub rest: Option<u32>,
    /// Tags that replace the catalogue's classification.
    pub tags: Option<TagSet>,
    /// The whole exercise entry.
    pub span: Span,
}

impl Exercise {
    /// A bare exercise with only a name.
    pub fn named(name: Spanned<String>, span: Span) -> Self {
        Exercise {
            name,
            sets: None,
            reps: None,
            seconds: None,
            steps: None,
            load: None,
            tempo: None,
            each_side: false,
            rest: None,
            tags: None,
            span,
        }
    }
}

impl Exercise {
    /// The exercise as a one-line prescription, e.g. `deadlift 3x5 @ 100kg`.
    pub fn describe(&self) -> String {
        let mut text = self.name.value.clone();
        let amount = [(&self.reps, ""), (&self.seconds, "s"), (&self.steps, " steps")]
            .into_iter()
            .find_map(|(amount, unit)| amount.as_ref().map(|a| format!("{}{unit}", a.value)));
        match (&self.sets, amount) {
            (Some(sets), Some(amount)) => text.push_str(&format!(" {}x{amount}", sets.value)),
            (Some(sets), None) => text.push_str(&format!(" {} sets", sets.value)),
            (None, Some(amount)) => text.push_str(&format!(" {amount}")),
            (None, None) => {}
        }
        if self.each_side {
            text.push_str(" each");
        }
        if let Some(load) = &self.load {
            text.push_str(&format!(" @ {}", load.value));
        }
        text
    }
}
