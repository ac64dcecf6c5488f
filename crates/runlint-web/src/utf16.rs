//! Offsets as the browser counts them: JavaScript strings (and so the editor) index UTF-16
//! code units, runlint indexes UTF-8 bytes.

/// Converts byte offsets of one text to UTF-16 offsets in constant time each.
pub struct Utf16Offsets {
    /// The UTF-16 offset of each byte offset, or empty when the text is ASCII (the same).
    by_byte: Vec<u32>,
    len: usize,
}

impl Utf16Offsets {
    /// The table for `text`.
    pub fn new(text: &str) -> Utf16Offsets {
        if text.is_ascii() {
            return Utf16Offsets { by_byte: Vec::new(), len: text.len() };
        }
        let mut by_byte = Vec::with_capacity(text.len() + 1);
        let mut units: u32 = 0;
        for character in text.chars() {
            // Every byte of a character maps to its start: a span never ends mid-character.
            for _ in 0..character.len_utf8() {
                by_byte.push(units);
            }
            units += character.len_utf16() as u32;
        }
        by_byte.push(units);
        Utf16Offsets { by_byte, len: text.len() }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text).
    pub fn of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        if self.by_byte.is_empty() {
            return byte;
        }
        self.by_byte.get(byte).map_or(0, |&units| units as usize)
    }
}

/// The byte offset of UTF-16 offset `units` in `text` (clamped; inside a character, its start).
pub fn byte_offset(text: &str, units: usize) -> usize {
    let mut counted = 0;
    for (byte, character) in text.char_indices() {
        if counted + character.len_utf16() > units {
            return byte;
        }
        counted += character.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_javascript_does() {
        let text = "a é 🏃 b";
        let offsets = Utf16Offsets::new(text);
        let b = text.find('b').unwrap_or_default();
        assert_eq!(offsets.of(b), "a é 🏃 ".encode_utf16().count());
        assert_eq!(byte_offset(text, offsets.of(b)), b);
        assert_eq!(offsets.of(text.len() + 5), text.encode_utf16().count());
        assert_eq!(Utf16Offsets::new("plain").of(3), 3);
    }
}
