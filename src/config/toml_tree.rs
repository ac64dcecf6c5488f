//! A spanned TOML tree, so config mistakes can be reported at the exact key or value.

use std::fmt;
use std::ops::Range;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// A TOML value with its byte range.
#[derive(Debug, Clone, PartialEq)]
pub struct TomlNode {
    /// Bytes covered in the config file.
    pub span: Range<usize>,
    /// The value.
    pub value: TomlValue,
}

/// A TOML value.
#[derive(Debug, Clone, PartialEq)]
pub enum TomlValue {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// An array.
    Array(Vec<TomlNode>),
    /// A table, keys in file order, with each key's span.
    Table(Vec<(Spanned<String>, TomlNode)>),
    /// Anything else (dates and times), which no setting accepts.
    Other,
}

impl TomlValue {
    /// A word for the kind of value in "expected X, found Y" messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            TomlValue::Str(_) => "a string",
            TomlValue::Int(_) => "an integer",
            TomlValue::Float(_) => "a number",
            TomlValue::Bool(_) => "a boolean",
            TomlValue::Array(_) => "an array",
            TomlValue::Table(_) => "a table",
            TomlValue::Other => "a date or time",
        }
    }
}

/// Parses a config file into a spanned tree; `Err` is the parser's message and span.
pub fn parse(text: &str) -> Result<TomlNode, (String, Range<usize>)> {
    match toml::from_str::<Spanned<RawValue>>(text) {
        Ok(root) => Ok(convert(root)),
        Err(error) => Err((error.message().to_owned(), error.span().unwrap_or(0..0))),
    }
}

enum RawValue {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Array(Vec<Spanned<RawValue>>),
    Table(Vec<(Spanned<String>, Spanned<RawValue>)>),
    Other,
}

fn convert(raw: Spanned<RawValue>) -> TomlNode {
    let span = raw.span();
    let value = match raw.into_inner() {
        RawValue::Str(s) => TomlValue::Str(s),
        RawValue::Int(i) => TomlValue::Int(i),
        RawValue::Float(f) => TomlValue::Float(f),
        RawValue::Bool(b) => TomlValue::Bool(b),
        RawValue::Array(items) => TomlValue::Array(items.into_iter().map(convert).collect()),
        RawValue::Table(entries) => TomlValue::Table(entries.into_iter().map(|(k, v)| (k, convert(v))).collect()),
        RawValue::Other => TomlValue::Other,
    };
    TomlNode { span, value }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any TOML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(i64::try_from(v).map_or(RawValue::Float(v as f64), RawValue::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(RawValue::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            // Dates and times arrive as a one-key map in the toml deserializer.
            if key.get_ref() == "$__toml_private_datetime" {
                let _: serde::de::IgnoredAny = map.next_value()?;
                return Ok(RawValue::Other);
            }
            entries.push((key, map.next_value()?));
        }
        Ok(RawValue::Table(entries))
    }
}
