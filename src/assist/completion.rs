//! Completion: what may be written where the cursor is. The place in the plan is read from
//! the indentation of the lines above (a plan being typed is rarely valid YAML), and the
//! words offered come from the plan grammar, the vocabulary and the exercise catalogue,
//! so they are exactly what runlint accepts.

use crate::config::Config;
use crate::diagnostic::Span;
use crate::plan::grammar;
use crate::plan::{Intensity, Level, Phase, RunType, Weekday};
use crate::source::Source;

/// One thing that may be written, as the client shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// What is offered.
    pub label: String,
    /// What is inserted in place of the word being typed.
    pub insert: String,
    /// Key or value.
    pub kind: CandidateKind,
    /// A short note shown beside it (an exercise's tags).
    pub detail: Option<String>,
}

/// What a candidate is, for the client's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    /// A mapping key (`sets: `).
    Key,
    /// A value: a word of the vocabulary or an exercise name.
    Value,
}

/// The words that fit at `offset`, and the span of the word being typed that they replace.
pub fn complete(source: &Source, config: &Config, offset: usize) -> Option<(Span, Vec<Candidate>)> {
    let line_number = source.line_of(offset);
    let line_start = source.line_start(line_number)?;
    let before = source.text().get(line_start..offset)?;
    let line = Line::read(before)?;
    let typed = Span::new(line_start + line.word_start, offset);
    let place = Place::find(source, line_number, &line);
    let candidates = match line.value_of {
        Some(key) => values(key, &place, config, source),
        None => keys(&place, config, source),
    };
    Some((typed, candidates))
}

/// The part of the cursor's line before the cursor.
struct Line<'t> {
    /// The column where the node on this line starts (its `-` when it is a list item).
    node_column: usize,
    /// Whether the line starts a list item.
    is_item: bool,
    /// Where the word being typed starts.
    word_start: usize,
    /// The key whose value is being typed, if the cursor is after `key: `.
    value_of: Option<&'t str>,
}

impl<'t> Line<'t> {
    /// `None` inside a comment or flow collection, where nothing is offered.
    fn read(before: &'t str) -> Option<Line<'t>> {
        if before.contains(" #") || before.trim_start().starts_with('#') || before.contains(['[', '{', '"', '\'']) {
            return None;
        }
        let indent = before.len() - before.trim_start_matches(' ').len();
        let mut rest_start = indent;
        let mut is_item = false;
        while let Some(after) = before.get(rest_start..).and_then(|rest| rest.strip_prefix('-')) {
            if !(after.is_empty() || after.starts_with(' ')) {
                break;
            }
            is_item = true;
            rest_start = before.len() - after.trim_start_matches(' ').len();
        }
        let rest = before.get(rest_start..)?;
        let (word_start, value_of) = match rest.split_once(':') {
            Some((key, value)) if is_plain_key(key) => (before.len() - value.trim_start_matches(' ').len(), Some(key)),
            Some(_) => return None,
            None => (rest_start, None),
        };
        Some(Line { node_column: if is_item { indent } else { rest_start }, is_item, word_start, value_of })
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '\''))
}

/// Where the cursor's node is: its ancestors' keys, innermost first.
struct Place {
    ancestors: Vec<String>,
    /// Whether the node is a key of a list item's mapping (`- name: squat` then `sets:`).
    in_item: bool,
}

impl Place {
    fn find(source: &Source, line_number: usize, line: &Line<'_>) -> Place {
        let mut ancestors = Vec::new();
        let mut column = line.node_column;
        let mut is_item = line.is_item;
        let mut in_item = false;
        for above in (1..line_number).rev() {
            let text = source.line_text(above);
            let content = text.trim_start_matches(' ');
            if content.is_empty() || content.starts_with('#') || content.starts_with("---") {
                continue;
            }
            let indent = text.len() - content.len();
            let key_text = content.trim_start_matches(['-', ' ']);
            let key_column = text.len() - key_text.len();
            let key = key_text.split_once(':').map(|(key, _)| key.trim().to_owned());
            let dash = content.starts_with('-').then_some(indent);
            // A list may sit at its key's own indentation: `exercises:` then `- squat`.
            let parent_of_compact_list = is_item && key_column == column && key_text.trim_end().ends_with(':');
            if key_column < column || parent_of_compact_list {
                if let Some(key) = key {
                    ancestors.push(key);
                }
                column = dash.unwrap_or(key_column);
                is_item = dash.is_some();
                if column == 0 && !is_item {
                    break;
                }
            } else if key_column == column
                && let Some(dash) = dash
                && !is_item
            {
                // A sibling that opens a list item: the node's mapping is that item.
                if ancestors.is_empty() {
                    in_item = true;
                }
                column = dash;
                is_item = true;
            }
        }
        Place { ancestors, in_item }
    }

    fn innermost(&self, depth: usize) -> Option<&str> {
        self.ancestors.get(depth).map(String::as_str)
    }

    /// Whether the node is in a session's exercise list (not the plan's own definitions).
    fn in_exercise_list(&self) -> bool {
        self.innermost(0) == Some("exercises") && self.ancestors.len() > 1
    }
}

fn keys(place: &Place, config: &Config, source: &Source) -> Vec<Candidate> {
    let key = |names: &[&str]| names.iter().map(|name| word(name, &format!("{name}: "), CandidateKind::Key)).collect();
    match (place.innermost(0), place.innermost(1)) {
        (None, _) => key(grammar::PLAN_KEYS),
        (Some("athlete"), None) => key(grammar::ATHLETE_KEYS),
        (Some("race"), None) => key(grammar::RACE_KEYS),
        (Some("weeks"), None) => key(grammar::WEEK_KEYS),
        (Some("days"), Some("weeks")) => key(Weekday::NAMES),
        (Some(day), Some("days")) if Weekday::parse_key(day).is_some() => key(grammar::ANY_SESSION_KEYS),
        (Some("exercises"), _) if place.in_exercise_list() && place.in_item => key(grammar::FULL_FORM_KEYS),
        (Some("exercises"), _) if place.in_exercise_list() => exercise_names(config, source),
        (Some(_), Some("exercises")) if place.ancestors.len() > 2 => key(grammar::EXERCISE_FIELDS),
        _ => Vec::new(),
    }
}

fn values(key: &str, place: &Place, config: &Config, source: &Source) -> Vec<Candidate> {
    let value = |names: &[&str]| names.iter().map(|name| word(name, name, CandidateKind::Value)).collect();
    match key {
        "run" => value(RunType::NAMES),
        "phase" => value(Phase::NAMES),
        "intensity" => value(Intensity::NAMES),
        "level" => value(Level::NAMES),
        "like" => exercise_names(config, source),
        "name" if place.in_exercise_list() => exercise_names(config, source),
        day if Weekday::parse_key(day).is_some() && place.innermost(0) == Some("days") => value(&["rest", "off"]),
        _ => Vec::new(),
    }
}

fn word(label: &str, insert: &str, kind: CandidateKind) -> Candidate {
    Candidate { label: label.to_owned(), insert: insert.to_owned(), kind, detail: None }
}

/// The plan's own exercises first, then the catalogue (configured exercises included).
fn exercise_names(config: &Config, source: &Source) -> Vec<Candidate> {
    let own = crate::plan::parse(source).map(|plan| plan.exercises).unwrap_or_default();
    let own = own.into_iter().map(|definition| Candidate {
        label: definition.name.value.clone(),
        insert: definition.name.value,
        kind: CandidateKind::Value,
        detail: Some("defined in this plan".to_owned()),
    });
    let catalogue = config.catalog.entries().map(|entry| {
        let tags: Vec<&str> = entry.tags.iter().map(|tag| tag.as_str()).collect();
        Candidate {
            label: entry.name.clone(),
            insert: entry.name.clone(),
            kind: CandidateKind::Value,
            detail: Some(tags.join(", ")),
        }
    });
    let mut seen = std::collections::HashSet::new();
    own.chain(catalogue).filter(|candidate| seen.insert(crate::catalog::fold_name(&candidate.label))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels offered where `|` stands.
    fn offered(text: &str) -> Vec<String> {
        let offset = text.find('|').unwrap_or(0);
        let source = Source::new("plan.yaml", text.replacen('|', "", 1));
        let config = Config::default();
        complete(&source, &config, offset)
            .map(|(_, found)| found.into_iter().map(|c| c.label).collect())
            .unwrap_or_default()
    }

    const PLAN: &str = "plan: p\nweeks:\n  - week: 1\n    phase: base\n    days:\n      mon:\n        - strength: A\n          exercises:\n            - squat: 3x5\n";

    #[test]
    fn what_is_offered_depends_on_the_place() {
        assert!(offered("|").contains(&"athlete".to_owned()));
        assert!(offered(&format!("{PLAN}            - single|")).contains(&"single-leg calf raise".to_owned()));
        assert!(offered(&format!("{PLAN}        - run: |")).contains(&"intervals".to_owned()));
        assert!(offered(&format!("{PLAN}          int|")).contains(&"intensity".to_owned()));
        assert!(offered(&format!("{PLAN}      t|")).contains(&"tue".to_owned()));
        assert!(offered(&format!("{PLAN}  - week: 2\n    phase: |")).contains(&"build".to_owned()));
        assert!(offered(&format!("{PLAN}  - week: 2\n    |")).contains(&"days".to_owned()));
        assert!(offered("athlete:\n  level: |").contains(&"beginner".to_owned()));
        assert!(offered("plan: p # |").is_empty());
        // A list at its key's own indentation.
        let compact = "weeks:\n- week: 1\n  days:\n    mon:\n    - strength: A\n      exercises:\n      - |";
        assert!(offered(compact).contains(&"nordic hamstring curl".to_owned()), "{:?}", offered(compact));
        // Fields of an exercise in full form.
        let full = format!("{PLAN}            - name: squat\n              |");
        assert!(offered(&full).contains(&"sets".to_owned()), "{:?}", offered(&full));
    }
}
