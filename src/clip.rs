//! Long lines cut down for error snippets. A snippet renderer lays out a whole line to
//! underline one word: a line of megabytes (or past column 65,535, where some renderers
//! overflow) costs that much, or panics. Each line over [`MAX_SHOWN_LINE`] bytes keeps a
//! window around the mistake (its start elsewhere), with `…` where it was cut; line
//! numbers stay as they were.

use std::ops::Range;

/// The longest line shown whole.
pub const MAX_SHOWN_LINE: usize = 240;

/// Bytes kept on each side of the mistake on a cut line.
const WINDOW: usize = 80;

/// One line as kept: the original range shown, and where it starts in the clipped text.
struct Kept {
    line_start: usize,
    shown: Range<usize>,
    at: usize,
}

/// `text` with long lines cut, and `span` in the clipped text's offsets.
pub fn clip_lines(text: &str, span: Range<usize>) -> (String, Range<usize>) {
    if text.len() <= MAX_SHOWN_LINE || !text.split('\n').any(|line| line.len() > MAX_SHOWN_LINE) {
        return (text.to_owned(), span);
    }
    let mut clipped = String::with_capacity(text.len().min(1 << 20));
    let mut kept: Vec<Kept> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let ending = line.get(content.len()..).unwrap_or("");
        let line_end = line_start + content.len();
        let shown = if content.len() <= MAX_SHOWN_LINE {
            line_start..line_end
        } else if (line_start..=line_end).contains(&span.start) {
            let from = boundary(text, span.start.saturating_sub(WINDOW).max(line_start));
            let to = boundary(text, (span.end.max(span.start) + WINDOW).min(span.start + 2 * WINDOW).min(line_end));
            from..to
        } else {
            line_start..boundary(text, line_start + WINDOW)
        };
        if shown.start > line_start {
            clipped.push('…');
        }
        kept.push(Kept { line_start, shown: shown.clone(), at: clipped.len() });
        clipped.push_str(text.get(shown.clone()).unwrap_or(""));
        if shown.end < line_end {
            clipped.push('…');
        }
        clipped.push_str(ending);
        line_start += line.len();
    }
    let map = |offset: usize| {
        let index = kept.partition_point(|line| line.line_start <= offset).saturating_sub(1);
        kept.get(index).map_or(0, |line| line.at + offset.clamp(line.shown.start, line.shown.end) - line.shown.start)
    };
    let start = map(span.start);
    (clipped, start..map(span.end).max(start))
}

/// The nearest character boundary at or before `offset`.
fn boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_keep_a_window_around_the_mistake_and_their_numbers() {
        let long = format!("a = 1\nb = \"{}\" # bad here\nc = \"{}\"\n", "x".repeat(100_000), "é".repeat(50_000));
        let at = long.find("bad").unwrap_or(0);
        let (clipped, span) = clip_lines(&long, at..at + 3);
        assert_eq!(clipped.get(span.clone()), Some("bad"));
        assert_eq!(clipped.lines().count(), 3);
        assert!(clipped.len() < 1000, "{}", clipped.len());
        assert_eq!(clip_lines("short\n", 0..2), ("short\n".to_owned(), 0..2));
    }
}
