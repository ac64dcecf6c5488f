//! A spanned TOML tree, so config mistakes can be reported at the exact key or value.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

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
    match DeTable::parse(text) {
        Ok(root) => {
            let span = root.span();
            Ok(TomlNode { span, value: table(root.into_inner()) })
        }
        Err(error) => Err((error.message().to_owned(), error.span().unwrap_or(0..0))),
    }
}

fn table(entries: DeTable<'_>) -> TomlValue {
    let entries = entries
        .into_iter()
        .map(|(key, value)| (Spanned::new(key.span(), key.into_inner().into_owned()), convert(value)));
    TomlValue::Table(entries.collect())
}

fn convert(node: Spanned<DeValue<'_>>) -> TomlNode {
    let span = node.span();
    let value = match node.into_inner() {
        DeValue::String(text) => TomlValue::Str(text.into_owned()),
        // A number the parser accepted but i64/f64 cannot hold is no valid setting either.
        DeValue::Integer(integer) => {
            i64::from_str_radix(integer.as_str(), integer.radix()).map_or(TomlValue::Other, TomlValue::Int)
        }
        DeValue::Float(float) => float.as_str().parse().map_or(TomlValue::Other, TomlValue::Float),
        DeValue::Boolean(value) => TomlValue::Bool(value),
        DeValue::Datetime(_) => TomlValue::Other,
        DeValue::Array(items) => TomlValue::Array(items.into_iter().map(convert).collect()),
        DeValue::Table(entries) => table(entries),
    };
    TomlNode { span, value }
}
