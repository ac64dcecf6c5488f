//! runlint: a linter for the strength training in running coaches' YAML plans.
//!
//! The pipeline: bytes -> [`source`] -> [`yaml`] node tree -> typed [`plan`] ->
//! resolved [`model`] -> [`rules`] -> diagnostics -> [`render`]; [`lint_source`] runs
//! it and [`lint_fix`] runs it until the fixes that may be applied are applied.

pub mod assist;
pub mod catalog;
#[cfg(feature = "cli")]
pub mod cli;
pub mod clip;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod family;
pub mod fix;
mod linter;
pub mod meta;
pub mod model;
#[cfg(feature = "cli")]
pub mod ordered;
pub mod plan;
pub mod render;
pub mod report;
pub mod rules;
pub mod safe_text;
#[cfg(feature = "cli")]
pub mod server;
pub mod severity;
pub mod source;
pub mod span;
pub mod spelling;
pub mod suggest;
pub mod suppress;
pub mod tags;
pub mod yaml;

pub use linter::{FixOutcome, lint_fix, lint_fix_from, lint_model, lint_source, sort_by_position};
