//! Byte ranges in a plan's text: the floor every other layer stands on (fixes, findings,
//! the line index). This module imports nothing of runlint's.

/// A byte range `start..end` in a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start: start.min(end), end: end.max(start) }
    }
}
