//! Text from a plan, a config or a file name is hostile: shown raw, an escape sequence
//! could drive the terminal (clear it, set the clipboard, fake a link), a bidi override
//! could reorder what the reader sees, and a line break could start a forged output line
//! (`plans/x.yaml:1:1: error[...]`, or a `::warning` that GitHub Actions would execute).
//! Everything such text goes through on its way to the terminal is escaped here.

use std::borrow::Cow;

/// Whether a character must never reach a terminal as it is: C0 controls (tab and line
/// feed are handled by the callers), DEL, C1 controls, bidi embeddings, overrides and
/// isolates, directional marks, zero-width characters (which hide text), and the Unicode
/// line and paragraph separators.
fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}' | '\u{2066}'..='\u{2069}')
}

/// The visible form of an unsafe character: `\u{1b}`.
fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// One line of text (a message, a label, a file name): every unsafe character, line
/// breaks and tabs included, is shown escaped. Safe text is returned as it is.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if is_unsafe(c) { escaped(c) } else { c.to_string() }).collect())
}

/// A source text for annotated snippets, with its unsafe characters escaped but its line
/// structure kept (line feeds, CRLF and tabs stay), and a map from offsets in the original
/// to offsets in the escaped text.
#[derive(Debug, Clone)]
pub struct DisplayText {
    /// The escaped text.
    pub text: String,
    /// `(original offset, escaped offset)` at each escaped character, in order.
    shifts: Vec<(usize, usize)>,
}

impl DisplayText {
    /// The escaped form of `text`, or `None` when it holds nothing to escape. A lone CR
    /// ends a line, as in YAML, so it is shown as a line feed; a byte order mark is left
    /// out, so columns count as editors show them.
    pub fn of(text: &str) -> Option<DisplayText> {
        let next_is_lf = |index: usize| text.as_bytes().get(index + 1) == Some(&b'\n');
        let lone_cr = |index: usize, c: char| c == '\r' && !next_is_lf(index);
        let bom = |index: usize, c: char| index == 0 && c == '\u{feff}';
        let escape = |c: char| is_unsafe(c) && c != '\n' && c != '\t' && c != '\r';
        if !text.char_indices().any(|(index, c)| escape(c) || lone_cr(index, c) || bom(index, c)) {
            return None;
        }
        let mut escaped_text = String::with_capacity(text.len() + 16);
        let mut shifts = Vec::new();
        for (index, c) in text.char_indices() {
            if lone_cr(index, c) {
                // One byte for one byte: offsets stay as they are.
                escaped_text.push('\n');
            } else if bom(index, c) {
                shifts.push((index + c.len_utf8(), 0));
            } else if escape(c) {
                shifts.push((index, escaped_text.len()));
                escaped_text.push_str(&escaped(c));
                // The byte after the escape maps to the escaped text's end.
                shifts.push((index + c.len_utf8(), escaped_text.len()));
            } else {
                escaped_text.push(c);
            }
        }
        Some(DisplayText { text: escaped_text, shifts })
    }

    /// Where an offset of the escaped text lies in the original (the inverse of
    /// [`DisplayText::map`] at the offsets it returns).
    pub fn unmap(&self, shown_offset: usize) -> usize {
        let after = self.shifts.partition_point(|(_, shown)| *shown <= shown_offset);
        match after.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            Some((original, shown)) => original + (shown_offset - shown),
            None => shown_offset,
        }
    }

    /// Where an offset of the original text lies in the escaped text.
    pub fn map(&self, offset: usize) -> usize {
        let after = self.shifts.partition_point(|(original, _)| *original <= offset);
        match after.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            Some((original, shown)) => shown + (offset - original),
            None => offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_escape_every_control_and_line_break() {
        assert_eq!(line("plain text"), "plain text");
        assert_eq!(line("a\u{1b}]52;c;x\u{7}b"), "a\\u{1b}]52;c;x\\u{7}b");
        assert_eq!(line("x\nplans/y.yaml:1:1: error"), "x\\u{a}plans/y.yaml:1:1: error");
        assert_eq!(line("\u{202e}evil"), "\\u{202e}evil");
    }

    #[test]
    fn display_text_breaks_lines_at_lone_cr_and_drops_the_bom() {
        let shown = DisplayText::of("a: 1\rb: 2\r").expect("lone CRs");
        assert_eq!(shown.text, "a: 1\nb: 2\n");
        assert_eq!(shown.map(5), 5);
        let shown = DisplayText::of("\u{feff}weeks: 1\n").expect("a BOM");
        assert_eq!(shown.text, "weeks: 1\n");
        assert_eq!(shown.map(3), 0);
        assert_eq!(shown.map(8), 5);
    }

    #[test]
    fn display_text_keeps_lines_and_maps_offsets() {
        assert!(DisplayText::of("a: 1\r\nb:\t2\n").is_none());
        let original = "a: \u{1b}[2J\nb: 2\n";
        let shown = DisplayText::of(original).expect("has an escape");
        assert_eq!(shown.text, "a: \\u{1b}[2J\nb: 2\n");
        assert_eq!(shown.map(0), 0);
        assert_eq!(shown.map(3), 3);
        assert_eq!(shown.map(4), 9);
        let b = original.find('b').unwrap_or(0);
        assert_eq!(&shown.text[shown.map(b)..shown.map(b) + 1], "b");
        for offset in [0, 3, 4, b, original.len()] {
            assert_eq!(shown.unmap(shown.map(offset)), offset);
        }
    }
}
