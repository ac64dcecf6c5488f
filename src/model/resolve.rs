//! Exercise resolution: each name's identity and tags (plan-local definitions first, then
//! the catalogue), the athlete's maxima, and `unknown-exercise` findings with suggestions.

use std::collections::HashMap;
use std::rc::Rc;

use super::{ExerciseView, effort, session_path};
use crate::catalog::{Catalog, fold_name};
use crate::diagnostic::{Diagnostic, Severity};
use crate::plan::{Classification, Exercise, Plan, Weekday};
use crate::tags::TagSet;

/// Different unknown spellings per plan that get a "did you mean".
const MAX_SUGGESTED_SPELLINGS: usize = 1000;

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
    catalog: &'c Catalog,
    local: HashMap<String, TagSet>,
    /// Resolutions by name as written.
    resolved: HashMap<String, Option<(Rc<str>, TagSet)>>,
    one_rep_max_kg: HashMap<Rc<str>, f64>,
    body_weight_kg: Option<f64>,
    /// "Did you mean" names by unknown spelling.
    suggestions: HashMap<String, Vec<&'c str>>,
    pub(super) unknown: Vec<Diagnostic>,
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
        resolver
    }

    /// The shared identity and tags of an exercise name, or `None` when it is unknown.
    /// Names are cached as written, since a plan repeats the same spellings week after week.
    fn resolve(&mut self, name: &str) -> Option<(Rc<str>, TagSet)> {
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

    fn unknown_exercise(&mut self, name: &str, span: crate::diagnostic::Span) -> Diagnostic {
        // A plan repeats an unknown spelling week after week: suggest once per spelling.
        // Past a thousand different unknown names a plan is not a typo away from the
        // catalogue: the rest get no suggestion, which keeps hostile files cheap.
        let catalog = self.catalog;
        let room = self.suggestions.len() < MAX_SUGGESTED_SPELLINGS;
        let nearest = self
            .suggestions
            .entry(name.to_owned())
            .or_insert_with(|| if room { closest_typos(name, catalog.nearest(name, 3)) } else { Vec::new() });
        let help = if nearest.is_empty() {
            "add it under `exercises:` with its `tags`, or give the exercise `tags`".to_owned()
        } else {
            let names: Vec<String> = nearest.iter().map(|n| format!("`{n}`")).collect();
            format!("did you mean {}? Or define it under `exercises:` with `tags`", names.join(", "))
        };
        let diagnostic = Diagnostic::new(
            &crate::meta::UNKNOWN_EXERCISE,
            Severity::Warning,
            format!("unknown exercise `{name}`"),
            span,
        )
        .with_span_label("not in the exercise catalogue")
        .with_help(help);
        // One close name of the same family is a likely misspelling. Only a typo (two
        // letters or fewer apart) is safe to rename unasked: a farther name may be another
        // exercise the catalogue lacks.
        match nearest.as_slice() {
            [only] => {
                let typo = crate::suggest::is_typo(&fold_name(name), &fold_name(only));
                let applicability =
                    if typo { crate::fix::Applicability::Safe } else { crate::fix::Applicability::Unsafe };
                diagnostic.with_fix(crate::fix::Fix::replace(applicability, format!("rename to `{only}`"), span, *only))
            }
            _ => diagnostic,
        }
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

/// The suggestions worth showing: when the closest is a typo away (two edits or fewer,
/// a swapped pair of letters counting as one), only the names that close; otherwise all.
/// `single leg calf raisse` is `single-leg calf raise` misspelt, not `single-leg press`.
fn closest_typos<'c>(name: &str, similar: Vec<&'c str>) -> Vec<&'c str> {
    let folded = fold_name(name);
    let distance = |candidate: &str| crate::suggest::distance(&folded, &fold_name(candidate));
    let Some(best) = similar.iter().map(|candidate| distance(candidate)).min().filter(|&best| best <= 2) else {
        return similar;
    };
    similar.into_iter().filter(|candidate| distance(candidate) == best).collect()
}
