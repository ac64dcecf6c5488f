//! Positions as the client counts them. LSP positions are a line and a character offset in
//! the encoding negotiated at start-up: UTF-16 code units unless the client offers UTF-8
//! (byte) offsets. Lines end at LF, CRLF or a lone CR, as in YAML and in LSP.

use lsp_types::{Position, Range};

use crate::diagnostic::Span;
use crate::source::Source;

/// How the client counts characters within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
}

impl Encoding {
    /// The name in the protocol.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }

    fn width(self, text: &str) -> usize {
        match self {
            Encoding::Utf8 => text.len(),
            Encoding::Utf16 => text.encode_utf16().count(),
        }
    }
}

/// The client's position of a byte offset.
pub fn position(source: &Source, encoding: Encoding, offset: usize) -> Position {
    // `Source::position` moves an offset inside a character back to its start.
    let at = source.position(offset);
    let start = source.line_start(at.line).unwrap_or(0);
    let before = source.text().get(start..at.offset).unwrap_or("");
    Position::new(to_u32(at.line.saturating_sub(1)), to_u32(encoding.width(before)))
}

/// The client's range of a byte span.
pub fn range(source: &Source, encoding: Encoding, span: Span) -> Range {
    Range::new(position(source, encoding, span.start), position(source, encoding, span.end))
}

/// The byte offset of a client position: past the end of a line means its end, past the
/// last line the end of the text; inside a character, the character's start.
pub fn offset(source: &Source, encoding: Encoding, position: Position) -> usize {
    let line = position.line as usize + 1;
    let Some(start) = source.line_start(line) else { return source.len() };
    let text = source.line_text(line);
    let wanted = position.character as usize;
    let mut counted = 0;
    for (index, character) in text.char_indices() {
        let width = match encoding {
            Encoding::Utf8 => character.len_utf8(),
            Encoding::Utf16 => character.len_utf16(),
        };
        if counted + width > wanted {
            return start + index;
        }
        counted += width;
    }
    start + text.len()
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_as_the_client_counts_them() {
        // `🏃` is 4 bytes, 2 UTF-16 units; `é` 2 bytes, 1 unit.
        let source = Source::new("p", "a: 🏃é x\r\nb\rc");
        let x = source.text().find('x').unwrap_or_default();
        assert_eq!(position(&source, Encoding::Utf16, x), Position::new(0, 7));
        assert_eq!(position(&source, Encoding::Utf8, x), Position::new(0, 10));
        assert_eq!(offset(&source, Encoding::Utf16, Position::new(0, 7)), x);
        assert_eq!(offset(&source, Encoding::Utf8, Position::new(0, 10)), x);
        // Lines end at CRLF and at a lone CR.
        let c = source.text().len() - 1;
        assert_eq!(position(&source, Encoding::Utf16, c), Position::new(2, 0));
        // Inside the surrogate pair: the character's start; past the line: its end.
        assert_eq!(offset(&source, Encoding::Utf16, Position::new(0, 4)), 3);
        assert_eq!(offset(&source, Encoding::Utf16, Position::new(1, 99)), source.text().find("\rc").unwrap_or(0));
        assert_eq!(offset(&source, Encoding::Utf16, Position::new(9, 0)), source.len());
    }
}
