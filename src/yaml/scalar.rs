//! What a plain scalar means under the YAML 1.2 core schema: null, a boolean, a number or
//! a string.

use std::borrow::Cow;

use serde_saphyr::granit_parser::{ScalarStyle, Tag};

use super::Value;

/// Resolves a scalar with the YAML 1.2 core schema; quoted scalars and `!!str` are strings.
pub(super) fn resolve<'s>(text: Cow<'s, str>, style: ScalarStyle, tag: Option<&Tag>) -> Value<'s> {
    let tag_suffix = tag.map(|t| t.to_string());
    let core =
        tag_suffix.as_deref().and_then(|t| t.strip_prefix("tag:yaml.org,2002:").or_else(|| t.strip_prefix("!!")));
    match core {
        Some("str") => return Value::Str(text),
        Some("null") => return Value::Null,
        _ => {}
    }
    if style != ScalarStyle::Plain && core.is_none() {
        return Value::Str(text);
    }
    let plain = text.as_ref();
    match plain {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    if let Some(number) = resolve_number(plain) {
        return number;
    }
    Value::Str(text)
}

fn resolve_number(text: &str) -> Option<Value<'static>> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Value::Int);
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return i64::from_str_radix(octal, 8).ok().map(Value::Int);
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            text.parse::<i64>().map_or_else(|_| Value::Float(text.parse().unwrap_or(f64::INFINITY)), Value::Int),
        );
    }
    let is_float_shape = digits.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits.bytes().any(|b| b.is_ascii_digit());
    if is_float_shape { text.parse::<f64>().ok().map(Value::Float) } else { None }
}
