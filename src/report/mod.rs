//! The week-grid report: one self-contained HTML file a coach opens in a browser. It reads
//! the model and the diagnostics of each plan; rules and the model know nothing of HTML.
//! Text is escaped by the templating crate (maud), so plan text can never become markup.

mod build;
mod chart;
mod data;
mod effort;
mod grid;
mod page;
mod problems;

pub use data::{Chip, DayCell, Entry, ExerciseLine, Finding, Place, PlanView, WeekRow};
pub use page::render;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::plan::Phase;
use crate::source::Source;

/// The view of one linted plan for the report (`index` makes its anchor).
pub fn plan_view(index: usize, source: &Source, diagnostics: &[Diagnostic], config: &Config) -> PlanView {
    match crate::plan::parse(source) {
        Ok(plan) => {
            let (model, _) = Model::build(&plan, &config.catalog);
            build::plan_view(index, source, &model, diagnostics)
        }
        Err(_) => build::unreadable_view(index, source, diagnostics),
    }
}

/// The background colour of a phase band (light, so text on it stays readable).
pub(crate) fn phase_colour(phase: Phase) -> &'static str {
    match phase {
        Phase::Base => "#e3f2fd",
        Phase::Build => "#e8f5e9",
        Phase::Peak => "#fff3e0",
        Phase::Taper => "#f3e5f5",
        Phase::Race => "#ffebee",
        Phase::Recovery => "#eceff1",
        Phase::OffSeason => "#f5f5f5",
        Phase::Maintenance => "#fffde7",
    }
}
