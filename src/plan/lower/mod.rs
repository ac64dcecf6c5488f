//! Lowering the YAML node tree into the typed [`Plan`], collecting every shape error.

mod exercise;
mod header;
mod structure;

use std::ops::RangeInclusive;

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::fix::{Applicability, Fix};
use crate::plan::{Plan, Spanned};
use crate::source::Source;
use crate::suggest::did_you_mean;
use crate::yaml::{Node, Value};

/// Parses and lowers a plan in one pass: each week is lowered as soon as the parser has
/// read it, and its nodes are dropped. `Err` holds the `syntax-error` or every
/// `invalid-plan` diagnostic.
pub fn parse(source: &Source) -> Result<Plan, Vec<Diagnostic>> {
    let mut lowering = Lowering { source, errors: Vec::new(), streamed: Vec::new(), streamed_items: 0 };
    let root = crate::yaml::parse_streaming(source, Some(&mut |node| lowering.streamed_week(&node)));
    let parsed = match root {
        Ok(parsed) => parsed,
        Err(error) => {
            let message = format!("invalid YAML: {}", error.message);
            let diagnostic = Diagnostic::new(&crate::meta::SYNTAX_ERROR, Severity::Error, message, error.span)
                .with_span_label("the YAML parser stopped here");
            return Err(vec![diagnostic]);
        }
    };
    let plan = lowering.plan(&parsed.root).map(|plan| Plan { text_spans: parsed.text_spans, ..plan });
    match plan {
        Some(plan) if lowering.errors.is_empty() => Ok(plan),
        _ => Err(lowering.errors),
    }
}

/// The lowering state: the source (for sub-spans inside strings) and the errors so far.
struct Lowering<'s> {
    source: &'s Source,
    errors: Vec<Diagnostic>,
    /// Weeks lowered while parsing (see [`parse`]).
    streamed: Vec<crate::plan::Week>,
    /// How many items of `weeks` the parser handed over, lowered or not.
    streamed_items: usize,
}

/// The entries of a mapping whose keys were checked against the known keys.
struct Fields<'n> {
    /// The mapping's entries as written; unknown, non-string and repeated keys were
    /// reported by [`Lowering::mapping`] and are never asked for.
    entries: &'n [(Node<'n>, Node<'n>)],
    span: Span,
    /// Whether an unknown key was reported (so a "missing key" error would be noise).
    had_unknown: bool,
}

impl<'n> Fields<'n> {
    /// The first entry with a known key.
    fn entry(&self, name: &str) -> Option<&'n (Node<'n>, Node<'n>)> {
        self.entries.iter().find(|(key, _)| key.value.as_str() == Some(name))
    }

    /// The value of a known key.
    fn get(&self, name: &str) -> Option<&'n Node<'n>> {
        self.entry(name).map(|(_, value)| value)
    }

    /// The key node of a known key.
    fn key(&self, name: &str) -> Option<&'n Node<'n>> {
        self.entry(name).map(|(key, _)| key)
    }
}

impl<'s> Lowering<'s> {
    /// Records an `invalid-plan` error.
    fn report(&mut self, diagnostic: Diagnostic) {
        self.errors.push(diagnostic);
    }

    fn wrong_type(&mut self, node: &Node, what: impl std::fmt::Display + Copy, expected: &str) {
        let found = found_text(node);
        self.report(invalid(node.span, format!("{what} must be {expected}, found {found}")));
    }

    /// Reads a mapping, reporting unknown keys (with a suggestion), non-string keys and
    /// duplicate keys.
    fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: impl std::fmt::Display + Copy,
        known: &[&str],
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, what, "a mapping");
            return None;
        };
        // The fields borrow the entries as written: no copy for the many small mappings.
        let mut fields = Fields { entries, span: node.span, had_unknown: false };
        for (index, (key, _)) in entries.iter().enumerate() {
            let Value::Str(name) = &key.value else {
                self.wrong_type(key, &format!("a key in {what}"), "a word");
                continue;
            };
            if !known.contains(&name.as_ref()) {
                fields.had_unknown = true;
                let suggestion = did_you_mean(name, known.iter().copied());
                let mut error = invalid(key.span, format!("unknown key `{name}` in {what}"));
                error = match suggestion {
                    Some(suggestion) => {
                        error.with_help(format!("did you mean `{suggestion}`?")).with_fix(Fix::replace(
                            Applicability::Safe,
                            format!("rename `{name}` to `{suggestion}`"),
                            key.span,
                            suggestion,
                        ))
                    }
                    None => error.with_help(format!("known keys here: {}", backticked(known))),
                };
                self.report(error);
                continue;
            }
            let earlier = entries.get(..index).unwrap_or(&[]);
            if let Some((first, _)) =
                earlier.iter().find(|(earlier_key, _)| earlier_key.value.as_str() == Some(name.as_ref()))
            {
                let duplicate = invalid(key.span, format!("duplicate key `{name}` in {what}"));
                self.report(duplicate.with_label(first.span, "first written here"));
            }
        }
        Some(fields)
    }

    /// Reports a missing required key at `anchor`.
    fn missing(&mut self, anchor: Span, key: &str, what: impl std::fmt::Display + Copy) {
        self.report(invalid(anchor, format!("{what} is missing the required key `{key}`")));
    }

    /// A whole number in `range`.
    fn integer(&mut self, node: &Node, what: impl std::fmt::Display + Copy, range: RangeInclusive<i64>) -> Option<u32> {
        let value = match node.value {
            Value::Int(value) => Some(value),
            Value::Float(value) if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e15 => {
                Some(value as i64)
            }
            _ => None,
        };
        match value.filter(|v| range.contains(v)).and_then(|v| u32::try_from(v).ok()) {
            Some(value) => Some(value),
            None => {
                let expected = format!("a whole number from {} to {}", range.start(), range.end());
                self.wrong_type(node, what, &expected);
                None
            }
        }
    }

    /// A finite number above 0 and at most `max`.
    fn positive_number(&mut self, node: &Node, what: impl std::fmt::Display + Copy, max: f64) -> Option<f64> {
        let value = match node.value {
            Value::Int(value) => Some(value as f64),
            Value::Float(value) => Some(value),
            _ => None,
        };
        match value.filter(|v| v.is_finite() && *v > 0.0 && *v <= max) {
            Some(value) => Some(value),
            None => {
                self.wrong_type(node, what, &format!("a number above 0 and at most {max}"));
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, what: impl std::fmt::Display + Copy) -> Option<bool> {
        match node.value {
            Value::Bool(value) => Some(value),
            _ => {
                self.wrong_type(node, what, "`true` or `false`");
                None
            }
        }
    }

    /// Free text: strings, or numbers and booleans taken as written.
    fn text(&mut self, node: &Node, what: impl std::fmt::Display + Copy) -> Option<String> {
        match &node.value {
            Value::Str(text) => Some(text.to_string()),
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => Some(self.source.slice(node.span).to_owned()),
            _ => {
                self.wrong_type(node, what, "text");
                None
            }
        }
    }

    /// A string (not a number or a collection).
    fn string<'n>(&mut self, node: &'n Node, what: impl std::fmt::Display + Copy) -> Option<Spanned<&'n str>> {
        match &node.value {
            Value::Str(text) if !text.trim().is_empty() => Some(Spanned::new(text.as_ref(), node.span)),
            _ => {
                self.wrong_type(node, what, "a non-empty string");
                None
            }
        }
    }

    /// One word from a fixed vocabulary, case-insensitive, with a suggestion when misspelt.
    fn keyword<T>(
        &mut self,
        node: &Node,
        what: impl std::fmt::Display + Copy,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let word = self.string(node, what)?;
        let lower = word.value.trim().to_lowercase();
        if let Some(value) = parse(&lower) {
            return Some(value);
        }
        let help = match did_you_mean(&lower, names.iter().copied()) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!("use one of {}", backticked(names)),
        };
        self.report(invalid(node.span, format!("unknown {what} `{}`", word.value)).with_help(help));
        None
    }

    /// A list of strings; a single string is taken as a one-item list, null as empty.
    fn string_list(&mut self, node: &Node, what: impl std::fmt::Display + Copy) -> Vec<Spanned<String>> {
        match &node.value {
            Value::Null => Vec::new(),
            Value::Str(_) => {
                self.string(node, what).map(|s| Spanned::new(s.value.to_owned(), s.span)).into_iter().collect()
            }
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.string(item, what).map(|s| Spanned::new(s.value.to_owned(), s.span)))
                .collect(),
            _ => {
                self.wrong_type(node, what, "a list of words");
                Vec::new()
            }
        }
    }

    /// Where the characters of a string scalar start in the source, when the written
    /// text maps one to one onto the value (plain scalars, quoted ones without escapes).
    fn content_start(&self, node: &Node, value: &str) -> Option<usize> {
        let written = self.source.slice(node.span);
        if written == value {
            return Some(node.span.start);
        }
        let quoted = written.get(1..written.len().checked_sub(1)?)?;
        let quote = written.chars().next()?;
        (matches!(quote, '"' | '\'') && quoted == value).then_some(node.span.start + 1)
    }

    /// The source span of `range` inside a string scalar, or the whole node when the
    /// string's characters cannot be mapped back to the source.
    fn inner_span(&self, node: &Node, value: &str, range: std::ops::Range<usize>) -> Span {
        match self.content_start(node, value) {
            Some(start) => {
                let end = if range.end > range.start {
                    start + range.end
                } else {
                    self.source.char_span_at(start + range.start).end
                };
                Span::new(start + range.start, end)
            }
            None => node.span,
        }
    }
}

/// An `invalid-plan` error.
fn invalid(span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(&crate::meta::INVALID_PLAN, Severity::Error, message, span)
}

/// How a node is described in "found ..." messages: its text for scalars, its kind otherwise.
fn found_text(node: &Node) -> String {
    match &node.value {
        Value::Str(text) if text.chars().count() <= 40 => format!("`{text}`"),
        Value::Int(value) => format!("`{value}`"),
        Value::Float(value) if value.is_nan() => "`.nan`".to_owned(),
        Value::Float(value) if value.is_infinite() => "an infinite number".to_owned(),
        Value::Float(value) => format!("`{value}`"),
        Value::Bool(value) => format!("`{value}`"),
        other => other.kind_name().to_owned(),
    }
}

/// `a`, `b`, `c`
fn backticked(names: &[&str]) -> String {
    names.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ")
}
