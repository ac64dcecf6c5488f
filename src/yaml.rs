//! A spanned YAML node tree built on serde-saphyr.
//!
//! Plans are read into this small tree first, so that lowering into the typed plan can
//! report every shape problem at once instead of stopping at the first one.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

use crate::diagnostic::Span;
use crate::source::Source;

/// The most nodes (scalars and collections) a plan may hold.
pub const MAX_NODES: usize = 2_000_000;
/// The deepest nesting of collections a plan may use.
pub const MAX_DEPTH: usize = 24;
/// The most aliases (`*name`) a plan may use.
pub const MAX_ALIASES: usize = 10_000;
/// The most events that aliases may replay in total (what stops alias bombs early).
pub const MAX_ALIAS_EXPANSION: usize = 250_000;

/// One YAML node with the byte range it occupies in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Bytes covered by the node; for an alias, the `*alias` itself.
    pub span: Span,
    /// What the node holds.
    pub value: Value,
}

/// The value of a YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer that fits in 64 bits.
    Int(i64),
    /// A floating-point number (also integers too large for `i64`).
    Float(f64),
    /// A string scalar.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order; duplicate keys are kept so lowering can report them.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// A word for the kind of value, used in "expected X, found Y" messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Why a source is not a YAML document runlint can read.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    /// What went wrong, in the parser's words with the location stripped.
    pub message: String,
    /// Where the parser stopped.
    pub span: Span,
}

/// Parses `source` into a spanned node tree.
pub fn parse(source: &Source) -> Result<Node, YamlError> {
    let text = source.text();
    if text.trim().is_empty() {
        return Ok(Node { span: Span::new(0, text.len()), value: Value::Null });
    }
    let mut budget = Budget::default();
    budget.max_nodes = MAX_NODES;
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_recorded_anchor_events = MAX_ALIAS_EXPANSION;
    budget.max_events = MAX_NODES.saturating_mul(2);
    budget.max_total_scalar_bytes = crate::source::MAX_FILE_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.with_snippet = false;
    // YAML 1.2 booleans only: `off` is a rest day, not `false`.
    options.strict_booleans = true;
    match serde_saphyr::from_str_with_options::<Spanned<RawNode>>(text, options) {
        Ok(root) => Ok(convert(source, root)),
        Err(error) => Err(YamlError { message: clean_message(&error), span: error_span(source, &error) }),
    }
}

/// The node shape serde deserializes into; converted to [`Node`] afterwards.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<RawNode>, Spanned<RawNode>)>),
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawNodeVisitor)
    }
}

struct RawNodeVisitor;

impl<'de> Visitor<'de> for RawNodeVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawNode, D::Error> {
        RawNode::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<RawNode, E> {
        Ok(RawNode::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(RawNode::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(RawNode::Map(entries))
    }
}

/// Converts the parser's spanned tree into [`Node`]s with byte spans.
fn convert(source: &Source, raw: Spanned<RawNode>) -> Node {
    let start = location_offset(source, &raw.referenced).unwrap_or(0);
    let scalar_end = |len: usize| Span::new(start, start.saturating_add(len).min(source.len()));
    let own_len = raw.referenced.span().byte_len().and_then(|len| usize::try_from(len).ok()).unwrap_or(0);
    match raw.value {
        RawNode::Null => Node { span: scalar_end(own_len), value: Value::Null },
        RawNode::Bool(b) => Node { span: scalar_end(own_len), value: Value::Bool(b) },
        RawNode::Int(i) => Node { span: scalar_end(own_len), value: Value::Int(i) },
        RawNode::Float(f) => Node { span: scalar_end(own_len), value: Value::Float(f) },
        RawNode::Str(s) => Node { span: scalar_end(own_len), value: Value::Str(s) },
        RawNode::Seq(items) => {
            let items: Vec<Node> = items.into_iter().map(|item| convert(source, item)).collect();
            let end = items.last().map_or(start + own_len, |last| last.span.end.max(start));
            Node { span: Span::new(start, end), value: Value::Seq(items) }
        }
        RawNode::Map(entries) => {
            let entries: Vec<(Node, Node)> =
                entries.into_iter().map(|(key, value)| (convert(source, key), convert(source, value))).collect();
            let end =
                entries.last().map_or(start + own_len, |(key, value)| value.span.end.max(key.span.end).max(start));
            Node { span: Span::new(start, end), value: Value::Map(entries) }
        }
    }
}

/// The byte offset of a parser location, from its byte info or its line and column.
fn location_offset(source: &Source, location: &serde_saphyr::Location) -> Option<usize> {
    if let Some(offset) = location.span().byte_offset() {
        return usize::try_from(offset).ok().map(|o| o.min(source.len()));
    }
    let line = usize::try_from(location.line()).ok()?;
    let column = usize::try_from(location.column()).ok()?;
    source.offset_of(line, column)
}

fn error_span(source: &Source, error: &serde_saphyr::Error) -> Span {
    let offset = error.location().and_then(|l| location_offset(source, &l)).unwrap_or(0);
    source.char_span_at(offset)
}

/// The parser's message without the location it appends, since runlint shows its own;
/// budget breaches are explained in terms of runlint's documented limits.
fn clean_message(error: &serde_saphyr::Error) -> String {
    let text = error.to_string();
    let first_line = text.lines().next().unwrap_or("invalid YAML").trim();
    if first_line.contains("recursion limit exceeded") || first_line.contains("Depth {") {
        return format!("nesting deeper than {MAX_DEPTH} levels");
    }
    if first_line.contains("budget breached") {
        return if first_line.contains("Anchor") || first_line.contains("Alias") {
            format!(
                "aliases expand to more than {MAX_ALIAS_EXPANSION} nodes or exceed {MAX_ALIASES} uses (an alias bomb?)"
            )
        } else {
            format!("more than {MAX_NODES} nodes; split the plan into several files")
        };
    }
    let without_location = match first_line.find(" at line ") {
        Some(index) => first_line.get(..index).unwrap_or(first_line),
        None => first_line,
    };
    without_location.trim_end_matches('.').to_owned()
}
