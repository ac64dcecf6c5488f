//! Lowering of what a plan says before its weeks: the athlete, the goal race and the
//! plan's own exercise definitions.

use super::{Lowering, invalid};
use crate::plan::grammar::{self, ATHLETE_KEYS, DEFINITION_KEYS, RACE_KEYS};
use crate::plan::{Athlete, Classification, ExerciseDefinition, Level, Load, OneRepMax, Race, Spanned};
use crate::yaml::{Node, Value};

impl Lowering<'_> {
    pub(super) fn athlete(&mut self, node: &Node) -> Athlete {
        let mut athlete = Athlete::default();
        let Some(fields) = self.mapping(node, "`athlete`", ATHLETE_KEYS) else {
            return athlete;
        };
        if let Some(node) = fields.get("level") {
            athlete.level = self.keyword(node, "level", Level::NAMES, Level::parse).unwrap_or_default();
        }
        athlete.age = fields.get("age").and_then(|node| self.integer(node, "`age`", grammar::AGE));
        if let Some(node) = fields.get("strength_weeks") {
            athlete.strength_weeks = self.integer(node, "`strength_weeks`", grammar::STRENGTH_WEEKS).unwrap_or(0);
        }
        if let Some(node) = fields.get("history") {
            athlete.history = self.string_list(node, "`history`");
        }
        if let Some(node) = fields.get("pain") {
            athlete.pain = self.string_list(node, "`pain`");
            athlete.pain_span = Some(node.span);
        }
        if let Some(node) = fields.get("cleared") {
            athlete.cleared = self.boolean(node, "`cleared`").unwrap_or(false);
        }
        if let Some(node) = fields.get("one_rep_max") {
            athlete.one_rep_max = self.one_rep_maxima(node);
        }
        if let Some(node) = fields.get("body_weight") {
            athlete.body_weight_kg = self.load(node, "`body_weight`").and_then(|load| {
                let kg = load.value.kilograms();
                if kg.is_none() {
                    self.report(invalid(
                        node.span,
                        format!("`body_weight` must be in kg or lb, found `{}`", load.value),
                    ));
                }
                kg
            });
        }
        athlete
    }

    fn one_rep_maxima(&mut self, node: &Node) -> Vec<OneRepMax> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, "`one_rep_max`", "a mapping of exercise names to loads");
            return Vec::new();
        };
        let mut maxima = Vec::new();
        for (key, value) in entries {
            let Some(exercise) = self.string(key, "an exercise name in `one_rep_max`") else {
                continue;
            };
            let Some(load) = self.load(value, "a one-rep max") else {
                continue;
            };
            if load.value.kilograms().is_none() {
                self.report(invalid(value.span, format!("a one-rep max must be in kg or lb, found `{}`", load.value)));
                continue;
            }
            maxima.push(OneRepMax { exercise: Spanned::new(exercise.value.to_owned(), exercise.span), load });
        }
        maxima
    }

    /// A load value: a string such as `20kg`; bare numbers are rejected for want of a unit.
    pub(super) fn load(&mut self, node: &Node, what: impl std::fmt::Display + Copy) -> Option<Spanned<Load>> {
        match &node.value {
            Value::Str(text) => match Load::parse(text) {
                Ok(load) => Some(Spanned::new(load, node.span)),
                Err(error) => {
                    let at = self.inner_span(node, text, error.offset..error.offset);
                    let message = format!("cannot read `{text}` as {what}");
                    let help = "write a load such as `20kg`, `45lb`, `75%`, `RPE 8`, `bodyweight`, `band` or `heavy`";
                    self.report(invalid(at, message).with_help(help).with_label(node.span, "in this load"));
                    None
                }
            },
            Value::Int(_) | Value::Float(_) => {
                let written = self.source.slice(node.span);
                self.report(
                    invalid(node.span, format!("{what} `{written}` has no unit"))
                        .with_help(format!("write `{written}kg` or `{written}lb`")),
                );
                None
            }
            _ => {
                self.wrong_type(node, what, "a load such as `20kg`");
                None
            }
        }
    }

    pub(super) fn race(&mut self, node: &Node) -> Race {
        let mut race = Race::default();
        let Some(fields) = self.mapping(node, "`race`", RACE_KEYS) else {
            return race;
        };
        race.name = fields.get("name").and_then(|node| self.text(node, "the race `name`"));
        race.distance = fields.get("distance").and_then(|node| self.text(node, "the race `distance`"));
        race.week = fields.get("week").and_then(|node| {
            self.integer(node, "the race `week`", grammar::WEEK_NUMBER).map(|week| Spanned::new(week, node.span))
        });
        race
    }

    pub(super) fn definitions(&mut self, node: &Node) -> Vec<ExerciseDefinition> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, "`exercises`", "a mapping of exercise names to `{tags: [...]}` or `{like: ...}`");
            return Vec::new();
        };
        let mut definitions = Vec::new();
        for (key, value) in entries {
            let Some(name) = self.string(key, "an exercise name") else {
                continue;
            };
            let what = format!("the definition of `{}`", name.value);
            let Some(fields) = self.mapping(value, &what, DEFINITION_KEYS) else {
                continue;
            };
            let classification = match (fields.get("tags"), fields.get("like")) {
                (Some(tags), None) => self.tags(tags).map(Classification::Tags),
                (None, Some(like)) => self
                    .string(like, "`like`")
                    .map(|known| Classification::Like(Spanned::new(known.value.to_owned(), known.span))),
                (Some(_), Some(_)) => {
                    self.report(invalid(value.span, format!("{what} has both `tags` and `like`; keep one")));
                    None
                }
                (None, None) => {
                    if !fields.had_unknown {
                        self.report(invalid(value.span, format!("{what} needs `tags` or `like`")));
                    }
                    None
                }
            };
            if let Some(classification) = classification {
                definitions
                    .push(ExerciseDefinition { name: Spanned::new(name.value.to_owned(), name.span), classification });
            }
        }
        definitions
    }
}
