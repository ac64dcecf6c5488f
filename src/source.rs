//! A plan's text with a line index: byte offsets to lines and columns.

use crate::diagnostic::{Diagnostic, Severity, Span};

/// The largest plan runlint reads, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The diagnostic for a plan of `length` bytes when it is larger than runlint reads.
pub fn too_large(length: usize) -> Option<Diagnostic> {
    (length > MAX_FILE_BYTES).then(|| {
        let message = format!("file is larger than {} MiB, the most runlint reads", MAX_FILE_BYTES / (1024 * 1024));
        Diagnostic::new(&crate::meta::INVALID_PLAN, Severity::Error, message, Span::new(0, 0))
            .with_help("split the plan into several files")
    })
}

/// One plan file: its display name, its text and where each line starts.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

/// A line and column (both 1-based, the column in Unicode scalar values) and the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
    /// 0-based byte offset.
    pub offset: usize,
}

impl Source {
    /// A source from text already known to be valid.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        // YAML ends a line at LF, CRLF or a lone CR; positions count lines the same way.
        let bytes = text.as_bytes();
        let breaks = bytes
            .iter()
            .enumerate()
            .filter(|&(index, &byte)| byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n')));
        let line_starts = std::iter::once(0).chain(breaks.map(|(index, _)| index + 1)).collect();
        Source { name: name.into(), text, line_starts }
    }

    /// A source from raw bytes, with a diagnostic when the bytes cannot be a plan
    /// (oversized, or invalid UTF-8, in which case the text is cut at the bad byte).
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> (Self, Option<Diagnostic>) {
        let name = name.into();
        if let Some(diagnostic) = too_large(bytes.len()) {
            return (Source::new(name, String::new()), Some(diagnostic));
        }
        match String::from_utf8(bytes) {
            Ok(text) => (Source::new(name, text), None),
            Err(error) => {
                let bad = error.utf8_error().valid_up_to();
                let mut bytes = error.into_bytes();
                let byte = bytes.get(bad).copied().unwrap_or(0);
                // Keep the text up to the bad byte, so offsets still match the file and the
                // diagnostic can show the line.
                bytes.truncate(bad);
                let valid = String::from_utf8(bytes).unwrap_or_default();
                let source = Source::new(name, valid);
                let diagnostic = Diagnostic::new(
                    &crate::meta::SYNTAX_ERROR,
                    Severity::Error,
                    format!("invalid UTF-8: byte `0x{byte:02x}` at offset {bad}"),
                    Span::new(bad, bad),
                )
                .with_help("save the plan as UTF-8");
                (source, Some(diagnostic))
            }
        }
    }

    /// The name shown in output (a path, or the `--stdin-filename`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The full text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text in `span`, or `""` when the span is not on character boundaries.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Line (1-based), column (1-based, Unicode scalar values) and offset of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line_index = self.line_starts.partition_point(|&start| start <= offset).saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let before = self.text.get(line_start..offset).unwrap_or("");
        // A byte order mark is invisible in editors: columns count from after it.
        let before = if line_index == 0 { before.strip_prefix('\u{feff}').unwrap_or(before) } else { before };
        let column = before.chars().count() + 1;
        Position { line: line_index + 1, column, offset }
    }

    /// The byte offset of a 1-based line and column (columns in Unicode scalar values).
    pub fn offset_of(&self, line: usize, column: usize) -> Option<usize> {
        let line_start = *self.line_starts.get(line.checked_sub(1)?)?;
        let rest = self.text.get(line_start..)?;
        let skip = column.saturating_sub(1);
        Some(rest.char_indices().nth(skip).map_or(self.text.len(), |(index, _)| line_start + index))
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// The 1-based line a byte offset lies on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.position(offset).line
    }

    /// Every line with its line break (LF, CRLF or a lone CR), as YAML counts lines.
    pub fn raw_lines(&self) -> impl Iterator<Item = &str> {
        self.line_starts.iter().enumerate().map(|(index, &start)| {
            let end = self.line_starts.get(index + 1).copied().unwrap_or(self.text.len());
            self.text.get(start..end).unwrap_or("")
        })
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.line_starts.get(i)) else {
            return "";
        };
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text.get(start..end).unwrap_or("").trim_end_matches(['\n', '\r'])
    }

    /// A span covering the one character at `offset` (empty at the end of the text).
    pub fn char_span_at(&self, offset: usize) -> Span {
        let start = self.floor_char_boundary(offset.min(self.text.len()));
        Span::new(start, self.next_char_boundary(start))
    }

    fn next_char_boundary(&self, offset: usize) -> usize {
        self.text.get(offset..).and_then(|rest| rest.chars().next()).map_or(offset, |c| offset + c.len_utf8())
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}
