//! Lowering of exercises: the bare name, `name: prescription`, `name: {fields}` and the full form.

use super::{Lowering, backticked, invalid};
use crate::plan::grammar::{self, EXERCISE_FIELDS, FULL_FORM_KEYS};
use crate::plan::{Amount, Exercise, Prescription, Spanned, Tempo};
use crate::suggest::did_you_mean;
use crate::tags::{TAG_NAMES, Tag, TagSet};
use crate::yaml::{Node, Value};

impl Lowering<'_> {
    /// The `exercises:` list of a session.
    pub(super) fn exercise_list(&mut self, node: &Node) -> Vec<Exercise> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, "`exercises`", "a list of exercises");
            return Vec::new();
        };
        if items.is_empty() {
            self.report(invalid(node.span, "`exercises` is empty").with_help("list at least one exercise"));
        }
        // Sized up front: a plan holds many short lists, and growth slack would add up.
        let mut exercises = Vec::with_capacity(items.len());
        exercises.extend(items.iter().filter_map(|item| self.exercise(item)));
        exercises
    }

    fn exercise(&mut self, node: &Node) -> Option<Exercise> {
        match &node.value {
            Value::Str(_) => {
                let name = self.string(node, "an exercise name")?;
                Some(Exercise::named(Spanned::new(name.value.trim().to_owned(), name.span), node.span))
            }
            Value::Map(entries) => {
                let has_name_key = entries.iter().any(|(key, _)| key.value.as_str() == Some("name"));
                match entries.as_slice() {
                    [(key, value)] if !has_name_key && !is_field_key(key) => self.short_form(node, key, value),
                    _ => self.full_form(node),
                }
            }
            _ => {
                self.wrong_type(node, "an exercise", "a name, `name: 3x10` or a mapping with `name`");
                None
            }
        }
    }

    /// `name: 3x10`, `name: {sets: 3, reps: 10}` or `name:` alone.
    fn short_form(&mut self, node: &Node, key: &Node, value: &Node) -> Option<Exercise> {
        let name = self.string(key, "an exercise name")?;
        let mut exercise = Exercise::named(Spanned::new(name.value.trim().to_owned(), name.span), node.span);
        match &value.value {
            Value::Null => {}
            Value::Str(text) => self.prescription(&mut exercise, value, text),
            // YAML reads `0x10` as sixteen and `0o10` as eight; a coach meant a prescription.
            Value::Int(_) | Value::Float(_) if !self.source.slice(value.span).bytes().all(|b| b.is_ascii_digit()) => {
                let written = self.source.slice(value.span).to_owned();
                self.prescription(&mut exercise, value, &written);
            }
            Value::Map(_) => {
                let what = format!("`{}`", name.value);
                let fields = self.mapping(value, &what, EXERCISE_FIELDS)?;
                self.exercise_fields(&mut exercise, &fields);
            }
            _ => {
                let what = format!("the prescription of `{}`", name.value);
                self.wrong_type(value, &what, "a string such as `3x10` or a mapping of fields");
            }
        }
        Some(exercise)
    }

    /// The full form with a `name` key.
    fn full_form(&mut self, node: &Node) -> Option<Exercise> {
        let fields = self.mapping(node, "an exercise", FULL_FORM_KEYS)?;
        let Some(name_node) = fields.get("name") else {
            if !fields.had_unknown {
                self.missing(node.span, "name", "an exercise");
            }
            return None;
        };
        let name = self.string(name_node, "`name`")?;
        let mut exercise = Exercise::named(Spanned::new(name.value.trim().to_owned(), name.span), node.span);
        self.exercise_fields(&mut exercise, &fields);
        Some(exercise)
    }

    fn exercise_fields(&mut self, exercise: &mut Exercise, fields: &super::Fields<'_>) {
        if let Some(node) = fields.get("sets") {
            exercise.sets = self.integer(node, "`sets`", grammar::SETS).map(|sets| Spanned::new(sets, node.span));
        }
        for (key, slot) in
            [("reps", &mut exercise.reps), ("seconds", &mut exercise.seconds), ("steps", &mut exercise.steps)]
        {
            if let Some(node) = fields.get(key) {
                *slot = self.amount(node, key).map(|amount| Spanned::new(amount, node.span));
            }
        }
        if let Some(node) = fields.get("load") {
            exercise.load = self.load(node, "a load");
        }
        if let Some(node) = fields.get("tempo") {
            exercise.tempo = self.tempo(node).map(|tempo| Spanned::new(tempo, node.span));
        }
        if let Some(node) = fields.get("each_side") {
            exercise.each_side = self.boolean(node, "`each_side`").unwrap_or(false);
        }
        if let Some(node) = fields.get("rest") {
            exercise.rest = self.integer(node, "`rest` (seconds)", grammar::REST_SECONDS);
        }
        if let Some(node) = fields.get("tags") {
            exercise.tags = self.tags(node);
        }
        if let Some(node) = fields.get("notes") {
            self.text(node, "`notes`");
        }
    }

    /// A prescription string, with each part's span pointing inside the string.
    fn prescription(&mut self, exercise: &mut Exercise, node: &Node, text: &str) {
        match Prescription::parse(text) {
            Ok(prescription) => {
                let (sets, sets_range) = prescription.sets;
                if !grammar::SETS.contains(&i64::from(sets)) {
                    let at = self.inner_span(node, text, sets_range);
                    let (min, max) = (grammar::SETS.start(), grammar::SETS.end());
                    self.report(invalid(at, format!("`{sets}` sets is out of range; use {min} to {max}")));
                    return;
                }
                exercise.sets = Some(Spanned::new(sets, self.inner_span(node, text, sets_range)));
                let (amount, unit, amount_range) = prescription.amount;
                let amount = Spanned::new(amount, self.inner_span(node, text, amount_range));
                if !amount.value.in_range() {
                    let message = format!("`{}` is out of range; use 1 to {}", amount.value, Amount::MAX);
                    self.report(invalid(amount.span, message));
                    return;
                }
                match unit {
                    crate::plan::prescription::AmountUnit::Reps => exercise.reps = Some(amount),
                    crate::plan::prescription::AmountUnit::Seconds => exercise.seconds = Some(amount),
                    crate::plan::prescription::AmountUnit::Steps => exercise.steps = Some(amount),
                }
                exercise.each_side = prescription.each_side;
                exercise.load =
                    prescription.load.map(|(load, range)| Spanned::new(load, self.inner_span(node, text, range)));
            }
            Err(error) => {
                let at = self.inner_span(node, text, error.offset..error.offset);
                let found = match text.get(error.offset..).and_then(|rest| rest.chars().next()) {
                    Some(c) => format!("found `{c}`"),
                    None => "found the end".to_owned(),
                };
                let message = format!("cannot read the prescription `{text}`: expected {}, {found}", error.expected);
                let help = "write it as `SETS x AMOUNT [s|steps] [each] [@ LOAD]`, e.g. `3x10`, `3 x 8-10 each @ 20kg`, `3x30s`";
                let diagnostic = invalid(at, message).with_help(help);
                let diagnostic =
                    if at == node.span { diagnostic } else { diagnostic.with_label(node.span, "in this prescription") };
                self.report(diagnostic);
            }
        }
    }

    /// `reps`, `seconds` or `steps`: a whole number or a string such as `8-10`, `5+`, `amrap`.
    fn amount(&mut self, node: &Node, key: &str) -> Option<Amount> {
        let what = format!("`{key}`");
        match &node.value {
            Value::Int(_) | Value::Float(_) => self.integer(node, &what, grammar::AMOUNT).map(Amount::Exact),
            Value::Str(text) => match Amount::parse(text) {
                Ok(amount) if amount.in_range() => Some(amount),
                Ok(amount) => {
                    self.report(invalid(
                        node.span,
                        format!("{what} `{amount}` is out of range; use 1 to {}", Amount::MAX),
                    ));
                    None
                }
                Err(offset) => {
                    let at = self.inner_span(node, text, offset..offset);
                    let message = format!("cannot read {what} `{text}`");
                    self.report(
                        invalid(at, message)
                            .with_help("write a number, a range such as `8-10`, `5+`, `amrap` or `max`"),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(node, &what, "a number or a range such as `8-10`");
                None
            }
        }
    }

    fn tempo(&mut self, node: &Node) -> Option<Tempo> {
        let Value::Str(text) = &node.value else {
            self.wrong_type(node, "`tempo`", "a string such as `\"3-0-1\"`");
            return None;
        };
        match Tempo::parse(text) {
            Ok(tempo) => Some(tempo),
            Err(offset) => {
                let at = self.inner_span(node, text, offset..offset);
                self.report(
                    invalid(at, format!("cannot read the tempo `{text}`"))
                        .with_help("write lowering-pause-lifting seconds, e.g. `3-0-1`"),
                );
                None
            }
        }
    }

    /// A list of tags from the vocabulary.
    pub(super) fn tags(&mut self, node: &Node) -> Option<TagSet> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, "`tags`", "a list of tags such as `[lower, calves, strength]`");
            return None;
        };
        let mut tags = TagSet::EMPTY;
        let mut all_known = true;
        for item in items {
            let Some(word) = self.string(item, "a tag") else {
                all_known = false;
                continue;
            };
            match Tag::parse(&word.value.trim().to_lowercase()) {
                Some(tag) => tags.insert(tag),
                None => {
                    all_known = false;
                    let help = match did_you_mean(word.value, TAG_NAMES.iter().copied()) {
                        Some(tag) => format!("did you mean `{tag}`?"),
                        None => format!("tags are {}", backticked(TAG_NAMES)),
                    };
                    self.report(invalid(item.span, format!("unknown tag `{}`", word.value)).with_help(help));
                }
            }
        }
        if all_known && let Err(message) = tags.check_kind() {
            self.report(
                invalid(node.span, message).with_help("add one of `strength`, `plyometric`, `isometric`, `mobility`"),
            );
            return None;
        }
        all_known.then_some(tags)
    }
}

fn is_field_key(key: &Node) -> bool {
    matches!(&key.value, Value::Str(name) if EXERCISE_FIELDS.contains(&name.as_ref()))
}
