//! One version of a plan's text, analysed once: parsed, resolved into the model, linted.
//! Hover, completion and the outline read the parse and the model kept here instead of
//! parsing again for every request.

use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::Model;
use crate::plan::Plan;
use crate::source::Source;

self_cell::self_cell!(
    /// A parsed plan and the model that borrows from it.
    struct Resolved {
        owner: Plan,
        #[covariant]
        dependent: Model,
    }
);

impl std::fmt::Debug for Resolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Resolved")
    }
}

/// A plan's text as analysed under one config.
#[derive(Debug)]
pub struct Analysis {
    /// The config it was linted with.
    pub config: Arc<Config>,
    /// The findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The plan and its model, when the text is a valid plan.
    resolved: Option<Resolved>,
}

impl Analysis {
    /// Parses, resolves and lints `source` (a text over the size limit is only reported).
    pub fn of(source: &Source, config: Arc<Config>) -> Analysis {
        if let Some(too_large) = crate::source::too_large(source.len()) {
            return Analysis { config, diagnostics: vec![too_large], resolved: None };
        }
        let plan = match crate::plan::parse(source) {
            Ok(plan) => plan,
            Err(mut errors) => {
                crate::sort_by_position(&mut errors);
                return Analysis { config, diagnostics: errors, resolved: None };
            }
        };
        let mut unknown_exercises = Vec::new();
        let resolved = Resolved::new(plan, |plan| {
            let (model, unknown) = Model::build(plan, &config.catalog);
            unknown_exercises = unknown;
            model
        });
        let diagnostics = crate::lint_model(source, resolved.borrow_dependent(), unknown_exercises, &config);
        Analysis { config, diagnostics, resolved: Some(resolved) }
    }

    /// An analysis with no findings and no plan, for text that is not a plan.
    pub fn empty(config: Arc<Config>) -> Analysis {
        Analysis { config, diagnostics: Vec::new(), resolved: None }
    }

    /// The plan, when the text is a valid plan.
    pub fn plan(&self) -> Option<&Plan> {
        self.resolved.as_ref().map(Resolved::borrow_owner)
    }

    /// The plan's model, when the text is a valid plan.
    pub fn model(&self) -> Option<&Model<'_>> {
        self.resolved.as_ref().map(Resolved::borrow_dependent)
    }
}
