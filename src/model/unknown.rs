//! `unknown-exercise`: what a name the catalogue does not know is reported with, and
//! which known name it suggests (the plan's own spelling of a name first).

use super::resolve::Resolver;
use crate::catalog::fold_name;
use crate::diagnostic::{Diagnostic, Severity};
use crate::plan::{DayContent, Plan};

/// Different unknown spellings per plan that get a "did you mean".
const MAX_SUGGESTED_SPELLINGS: usize = 1000;

/// Known names of a plan that a misspelling is compared with.
const MAX_WRITTEN_NAMES: usize = 200;

impl Resolver<'_> {
    /// The distinct exercise names the plan writes that are known, in plan order (at most
    /// [`MAX_WRITTEN_NAMES`], which keeps the typo search cheap on hostile plans).
    pub(super) fn known_written_names(&mut self, plan: &Plan) -> Vec<(String, String)> {
        let mut seen = std::collections::HashSet::new();
        let mut names = Vec::new();
        let sessions = plan.weeks.iter().flat_map(|week| &week.days).flat_map(|day| match &day.content {
            DayContent::Sessions { sessions, .. } => sessions.as_slice(),
            DayContent::Rest(_) => &[],
        });
        for exercise in sessions.flat_map(|session| &session.exercises) {
            let name = exercise.name.value.as_str();
            if names.len() < MAX_WRITTEN_NAMES && seen.insert(name) && self.resolve(name).is_some() {
                names.push((name.to_owned(), fold_name(name)));
            }
        }
        names
    }

    pub(super) fn unknown_exercise(&mut self, name: &str, span: crate::diagnostic::Span) -> Diagnostic {
        // A plan repeats an unknown spelling week after week: suggest once per spelling.
        // Past a thousand different unknown names a plan is not a typo away from the
        // catalogue: the rest get no suggestion, which keeps hostile files cheap.
        let catalog = self.catalog;
        let room = self.suggestions.len() < MAX_SUGGESTED_SPELLINGS;
        let written_names = &self.written_names;
        let (nearest, plan_spelling) = self.suggestions.entry(name.to_owned()).or_insert_with(|| {
            if !room {
                return (Vec::new(), false);
            }
            // The plan's own spelling of a name first: `dumbell RDL` two lines below
            // `dumbbell RDL` is that one misspelt, whatever the catalogue calls it.
            let folded = fold_name(name);
            // Two edits change the length by two at most: other names are not compared.
            let length = folded.chars().count();
            let own: Vec<&String> = written_names
                .iter()
                .filter(|(_, known)| {
                    known.chars().count().abs_diff(length) <= 2 && crate::suggest::is_typo(&folded, known)
                })
                .map(|(written, _)| written)
                .collect();
            if let [only] = own.as_slice() {
                let mut names = vec![(*only).clone()];
                let others = closest_typos(name, catalog.nearest(name, 3));
                let only_identity = catalog.lookup(only).map(|entry| entry.name.as_str());
                names.extend(others.into_iter().filter(|other| Some(*other) != only_identity).map(str::to_owned));
                names.truncate(3);
                return (names, true);
            }
            (closest_typos(name, catalog.nearest(name, 3)).into_iter().map(str::to_owned).collect(), false)
        });
        let nearest: &[String] = nearest;
        let plan_spelling = *plan_spelling;
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
        match nearest {
            // A typo of a name the plan already uses: renaming to it keeps the coach's words.
            [own, ..] if plan_spelling => diagnostic.with_fix(crate::fix::Fix::replace(
                crate::fix::Applicability::Safe,
                format!("rename to `{own}`"),
                span,
                own.as_str(),
            )),
            [only] => {
                let typo = crate::suggest::is_typo(&fold_name(name), &fold_name(only));
                let applicability =
                    if typo { crate::fix::Applicability::Safe } else { crate::fix::Applicability::Unsafe };
                diagnostic.with_fix(crate::fix::Fix::replace(
                    applicability,
                    format!("rename to `{only}`"),
                    span,
                    only.as_str(),
                ))
            }
            _ => diagnostic,
        }
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
