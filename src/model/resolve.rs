//! Exercise resolution: each name's identity and tags (plan-local definitions first, then
//! the catalogue), the athlete's maxima, and `unknown-exercise` findings with suggestions.

use std::collections::HashMap;
use std::rc::Rc;

use super::{ExerciseView, effort, session_path};
use crate::catalog::{Catalog, fold_name};
use crate::diagnostic::Diagnostic;
use crate::plan::{Classification, Exercise, Plan, Weekday};
use crate::tags::TagSet;

/// Where an exercise sits in the plan, for the logical path of its diagnostics.
pub(super) struct Place<'a> {
    pub(super) week: &'a crate::plan::Week,
    pub(super) weekday: Weekday,
    pub(super) day_key: &'a str,
    /// The session's position when the day is a list.
    pub(super) session: Option<usize>,
}

impl Place<'_> {
    fn exercise_path(&self, position: usize) -> String {
        format!("{}.exercises[{position}]", session_path(self.week.index, self.day_key, self.session))
    }
}

/// Classifies exercises: plan-local definitions first, then the catalogue. Each folded
/// name is resolved once and its identity shared by every occurrence.
pub(super) struct Resolver<'c> {
    pub(super) catalog: &'c Catalog,
    local: HashMap<String, TagSet>,
    /// Resolutions by name as written.
    resolved: HashMap<String, Option<(Rc<str>, TagSet)>>,
    one_rep_max_kg: HashMap<Rc<str>, f64>,
    body_weight_kg: Option<f64>,
    /// "Did you mean" names by unknown spelling, and whether the first is the plan's own.
    pub(super) suggestions: HashMap<String, (Vec<String>, bool)>,
    pub(super) unknown: Vec<Diagnostic>,
    /// Known names as the plan writes them, with their folded form: a misspelling of one
    /// is suggested first.
    pub(super) written_names: Vec<(String, String)>,
}

impl<'c> Resolver<'c> {
    pub(super) fn new(plan: &Plan, catalog: &'c Catalog) -> Self {
        let mut resolver = Resolver {
            catalog,
            local: HashMap::new(),
            resolved: HashMap::new(),
            one_rep_max_kg: HashMap::new(),
            body_weight_kg: plan.athlete.body_weight_kg,
            suggestions: HashMap::new(),
            unknown: Vec::new(),
            written_names: Vec::new(),
        };
        for definition in &plan.exercises {
            let tags = match &definition.classification {
                Classification::Tags(tags) => Some(*tags),
                Classification::Like(known) => match catalog.lookup(&known.value) {
                    Some(entry) => Some(entry.tags),
                    None => {
                        let diagnostic = resolver.unknown_exercise(&known.value, known.span);
                        resolver.unknown.push(diagnostic);
                        // Reported once here; its uses stay known, with no tags.
                        Some(TagSet::EMPTY)
                    }
                },
            };
            if let Some(tags) = tags {
                resolver.local.insert(fold_name(&definition.name.value), tags);
            }
        }
        for max in &plan.athlete.one_rep_max {
            match (max.load.value.kilograms(), resolver.resolve(&max.exercise.value)) {
                (Some(kg), Some((identity, _))) => {
                    resolver.one_rep_max_kg.insert(identity, kg);
                }
                (_, None) => {
                    let diagnostic = resolver.unknown_exercise(&max.exercise.value, max.exercise.span);
                    resolver.unknown.push(diagnostic);
                }
                (None, Some(_)) => {}
            }
        }
        resolver.written_names = resolver.known_written_names(plan);
        resolver
    }

    /// The shared identity and tags of an exercise name, or `None` when it is unknown.
    /// Names are cached as written, since a plan repeats the same spellings week after week.
    pub(super) fn resolve(&mut self, name: &str) -> Option<(Rc<str>, TagSet)> {
        if let Some(resolved) = self.resolved.get(name) {
            return resolved.clone();
        }
        let folded = fold_name(name);
        let resolved = match self.local.get(&folded) {
            Some(tags) => Some((Rc::from(folded.as_str()), *tags)),
            None => self.catalog.lookup_folded(&folded).map(|entry| (Rc::from(entry.name.as_str()), entry.tags)),
        };
        self.resolved.insert(name.to_owned(), resolved.clone());
        resolved
    }

    pub(super) fn exercise<'p>(
        &mut self,
        exercise: &'p Exercise,
        position: usize,
        place: &Place<'_>,
    ) -> ExerciseView<'p> {
        let (identity, tags) = match (self.resolve(&exercise.name.value), exercise.tags) {
            (Some((identity, catalogue_tags)), own) => (Some(identity), own.unwrap_or(catalogue_tags)),
            (None, Some(own)) => (Some(Rc::from(fold_name(&exercise.name.value).as_str())), own),
            (None, None) => {
                let diagnostic = self
                    .unknown_exercise(&exercise.name.value, exercise.name.span)
                    .at_day(place.week.number, Some(place.weekday.as_str()))
                    .with_path(place.exercise_path(position));
                self.unknown.push(diagnostic);
                (None, TagSet::EMPTY)
            }
        };
        let max_kg = identity.as_ref().and_then(|id| self.one_rep_max_kg.get(id).copied());
        let judged_max =
            max_kg.or_else(|| identity.as_deref().and_then(|id| effort::estimated_max_kg(id, self.body_weight_kg)));
        let is_heavy = identity.is_some() && effort::is_heavy_exercise(exercise, judged_max);
        ExerciseView { exercise, position, is_heavy, identity, tags, max_kg }
    }
}
