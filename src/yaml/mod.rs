//! A spanned YAML node tree, built straight from the event stream of granit-parser (the
//! parser under serde-saphyr).
//!
//! Plans are read into this small tree first, so that lowering into the typed plan can
//! report every shape problem at once instead of stopping at the first one. Building the
//! tree from events (rather than through serde) keeps one copy of the data, borrows
//! scalars from the source, and needs no recursion, so hostile nesting cannot overflow
//! the stack.

mod merge;
mod scalar;

use std::borrow::Cow;
use std::collections::HashMap;

use merge::merge_keys;
use scalar::resolve;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, ScanError, Span as EventSpan};

use crate::diagnostic::Span;
use crate::source::Source;

/// The most nodes (scalars and collections, counting alias expansions) a plan may hold.
pub const MAX_NODES: usize = 5_000_000;
/// The deepest nesting of collections a plan may use (plans need about 10).
pub const MAX_DEPTH: usize = 24;
/// The most nodes that aliases may add in total (what stops alias bombs early).
pub const MAX_ALIAS_EXPANSION: usize = 250_000;

/// One YAML node with the byte range it occupies in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'s> {
    /// Bytes covered by the node; for a node reached through an alias, the `*alias` itself.
    pub span: Span,
    /// What the node holds.
    pub value: Value<'s>,
}

/// The value of a YAML node, resolved with the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'s> {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer that fits in 64 bits.
    Int(i64),
    /// A floating-point number (also integers too large for `i64`, `.inf`, `.nan`).
    Float(f64),
    /// A string scalar, borrowed from the source where possible.
    Str(Cow<'s, str>),
    /// A sequence.
    Seq(Vec<Node<'s>>),
    /// A mapping, in source order; duplicate keys are kept so lowering can report them.
    Map(Vec<(Node<'s>, Node<'s>)>),
}

impl Value<'_> {
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

    /// The string, if this is a string scalar.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }
}

/// Why a source is not a YAML document runlint can read.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    /// What went wrong.
    pub message: String,
    /// Where the parser stopped.
    pub span: Span,
}

/// A collection being built.
enum Frame<'s> {
    /// `streaming`: the top-level `weeks` list, whose items go to the week sink.
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Node<'s>>,
        size: usize,
        streaming: bool,
    },
    Map {
        start: usize,
        anchor: usize,
        entries: Vec<(Node<'s>, Node<'s>)>,
        key: Option<Node<'s>>,
        size: usize,
    },
}

/// Receives each item of the top-level `weeks` list as soon as it is parsed.
pub type WeekSink<'a, 's> = &'a mut dyn FnMut(Node<'s>);

/// The tree builder's state.
struct Builder<'s, 'k> {
    week_sink: Option<WeekSink<'k, 's>>,
    source: &'s Source,
    stack: Vec<Frame<'s>>,
    /// Anchored nodes by anchor id, with their size in nodes.
    anchors: HashMap<usize, (Node<'s>, usize)>,
    nodes: usize,
    alias_nodes: usize,
    root: Option<Node<'s>>,
    documents: usize,
    /// Quoted and block scalars, where a `#` is text rather than a comment.
    text_spans: Vec<Span>,
}

/// A parsed document: the tree and where its quoted and block scalars lie.
#[derive(Debug)]
pub struct Parsed<'s> {
    /// The root node.
    pub root: Node<'s>,
    /// Byte ranges of quoted and block scalars, in source order.
    pub text_spans: Vec<Span>,
}

/// Parses `source` into a spanned node tree.
pub fn parse(source: &Source) -> Result<Node<'_>, YamlError> {
    parse_streaming(source, None).map(|parsed| parsed.root)
}

/// Parses `source`, handing each item of the top-level `weeks` list to `week_sink` (when
/// given) instead of keeping it in the tree, so a long plan never exists twice in memory.
pub fn parse_streaming<'s>(source: &'s Source, week_sink: Option<WeekSink<'_, 's>>) -> Result<Parsed<'s>, YamlError> {
    let mut builder = Builder {
        week_sink,
        source,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        alias_nodes: 0,
        root: None,
        documents: 0,
        text_spans: Vec::new(),
    };
    // The scanner reads flow collections ahead of the events, so it gets the depth limit too.
    let mut options = serde_saphyr::granit_parser::Options::default();
    options.flow_nesting_limit = MAX_DEPTH;
    options.block_nesting_limit = MAX_DEPTH + 1;
    for event in Parser::new_from_str_with_options(source.text(), options) {
        let (event, span) = event.map_err(|error| scan_error(source, &error))?;
        builder.event(event, span)?;
    }
    let root = builder.root.unwrap_or(Node { span: Span::new(0, 0), value: Value::Null });
    Ok(Parsed { root, text_spans: builder.text_spans })
}

impl<'s> Builder<'s, '_> {
    fn offset(&self, marker: &serde_saphyr::granit_parser::Marker) -> usize {
        marker
            .byte_offset()
            .or_else(|| self.source.offset_of(marker.line(), marker.col() + 1))
            .unwrap_or(0)
            .min(self.source.len())
    }

    fn span(&self, span: &EventSpan) -> Span {
        Span::new(self.offset(&span.start), self.offset(&span.end))
    }

    fn error(&self, span: Span, message: impl Into<String>) -> YamlError {
        YamlError { message: message.into(), span }
    }

    fn event(&mut self, event: Event<'s>, event_span: EventSpan) -> Result<(), YamlError> {
        let span = self.span(&event_span);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(self.error(span, "a plan file holds one YAML document; this is a second one"));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(1, span)?;
                if style != ScalarStyle::Plain {
                    self.text_spans.push(span);
                }
                let node = Node { span, value: resolve(text, style, tag.as_deref()) };
                self.complete(node, 1, anchor);
            }
            Event::SequenceStart(_, anchor, _) => {
                let streaming = self.week_sink.is_some() && self.at_top_level_weeks();
                self.open(Frame::Seq { start: span.start, anchor, items: Vec::new(), size: 1, streaming }, span)?;
            }
            Event::MappingStart(_, anchor, _) => {
                self.open(Frame::Map { start: span.start, anchor, entries: Vec::new(), key: None, size: 1 }, span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else { return Ok(()) };
                let (node, size, anchor) = match frame {
                    Frame::Seq { start, anchor, items, size, .. } => {
                        let end = items.last().map_or(span.end, |last| last.span.end.max(span.start)).max(start);
                        (
                            Node {
                                span: Span::new(start, end.max(span.end.min(self.source.len()))),
                                value: Value::Seq(items),
                            },
                            size,
                            anchor,
                        )
                    }
                    Frame::Map { start, anchor, entries, size, .. } => {
                        let entries = merge_keys(entries);
                        let end = entries.last().map_or(span.end, |(_, value)| value.span.end).max(start);
                        (
                            Node {
                                span: Span::new(start, end.max(span.end.min(self.source.len()))),
                                value: Value::Map(entries),
                            },
                            size,
                            anchor,
                        )
                    }
                };
                self.complete(node, size, anchor);
            }
            Event::Alias(id) => {
                let Some((anchored, size)) = self.anchors.get(&id) else {
                    return Err(self.error(span, "alias to an unknown anchor"));
                };
                let size = *size;
                self.alias_nodes = self.alias_nodes.saturating_add(size);
                if self.alias_nodes > MAX_ALIAS_EXPANSION {
                    let message = format!("aliases expand to more than {MAX_ALIAS_EXPANSION} nodes (an alias bomb?)");
                    return Err(self.error(span, message));
                }
                let mut node = anchored.clone();
                respan(&mut node, span);
                self.count(size, span)?;
                self.complete(node, size, 0);
            }
            _ => {}
        }
        Ok(())
    }

    /// Whether the next value is the one of the top-level `weeks` key.
    fn at_top_level_weeks(&self) -> bool {
        match self.stack.as_slice() {
            [Frame::Map { key: Some(key), .. }] => key.value.as_str() == Some("weeks"),
            _ => false,
        }
    }

    fn open(&mut self, frame: Frame<'s>, span: Span) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(span, format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.count(1, span)?;
        self.stack.push(frame);
        Ok(())
    }

    fn count(&mut self, nodes: usize, span: Span) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(self.error(span, format!("more than {MAX_NODES} nodes; split the plan into several files")));
        }
        Ok(())
    }

    /// Places a finished node into its parent (or as the root), recording its anchor.
    fn complete(&mut self, node: Node<'s>, size: usize, anchor: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
        match self.stack.last_mut() {
            Some(Frame::Seq { items, size: parent_size, streaming, .. }) => {
                *parent_size += size;
                match (&mut self.week_sink, streaming) {
                    (Some(sink), true) => sink(node),
                    _ => items.push(node),
                }
            }
            Some(Frame::Map { entries, key, size: parent_size, .. }) => {
                *parent_size += size;
                match key.take() {
                    Some(key) => entries.push((key, node)),
                    None => *key = Some(node),
                }
            }
            None => self.root = Some(node),
        }
    }
}

/// Gives every node of an aliased copy the span of the alias.
fn respan(node: &mut Node<'_>, span: Span) {
    node.span = span;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|item| respan(item, span)),
        Value::Map(entries) => entries.iter_mut().for_each(|(key, value)| {
            respan(key, span);
            respan(value, span);
        }),
        _ => {}
    }
}

fn scan_error(source: &Source, error: &ScanError) -> YamlError {
    let marker = error.marker();
    let offset = marker
        .byte_offset()
        .or_else(|| source.offset_of(marker.line(), marker.col() + 1))
        .unwrap_or(source.len())
        .min(source.len());
    let message = match error.kind() {
        serde_saphyr::granit_parser::ErrorKind::RecursionLimitExceeded => {
            format!("nesting deeper than {MAX_DEPTH} levels")
        }
        _ => error.info().trim_end_matches('.').to_owned(),
    };
    YamlError { message, span: source.char_span_at(offset) }
}
