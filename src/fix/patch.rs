//! `--diff`: a unified diff that `git apply` and `patch -p1` apply, built from the edits
//! that fixing made (hunks around them), in one pass over the text. Lines are split at
//! line feeds only, as both tools do: a CRLF line keeps its `\r`, a file of lone CRs is
//! one line, tabs stay tabs, and a last line without a line break is marked
//! `\ No newline at end of file`. Other control characters are shown escaped, since the
//! diff goes to a terminal.

use super::Edit;

/// Lines of unchanged text shown around each change.
const CONTEXT: usize = 3;

/// The diff of `original` changed by `edits` (sorted, apart, as [`super::compose`] makes
/// them), with the file's name on both sides; empty when nothing changes.
pub fn unified_diff(name: &str, original: &str, edits: &[Edit]) -> String {
    let lines = LineIndex::new(original);
    let changes = changes(original, &lines, edits);
    if changes.is_empty() {
        return String::new();
    }
    let name = crate::safe_text::line(name.trim_start_matches('/'));
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    // How many lines the hunks so far added (or removed): the new side's numbers move.
    let mut shift = 0;
    let mut index = 0;
    while index < changes.len() {
        // A hunk takes every change whose context meets the one before.
        let mut last = index;
        while let (Some(previous), Some(next)) = (changes.get(last), changes.get(last + 1)) {
            if next.first_line > previous.end_line + 2 * CONTEXT {
                break;
            }
            last += 1;
        }
        write_hunk(&mut out, original, &lines, changes.get(index..=last).unwrap_or(&[]), &mut shift);
        index = last + 1;
    }
    out
}

/// Edits widened to whole lines: the old lines `first_line..end_line` become `new`.
struct Change {
    first_line: usize,
    end_line: usize,
    new: String,
}

/// The edits as changes of whole lines; edits that share a line share a change.
fn changes(original: &str, lines: &LineIndex, edits: &[Edit]) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut edits = edits.iter().peekable();
    while let Some(first) = edits.next() {
        let first_line = lines.line_of(first.span.start);
        let start = lines.start(first_line);
        let mut new = String::new();
        let mut cursor = start;
        let mut edit = first;
        let end = loop {
            new.push_str(original.get(cursor..edit.span.start).unwrap_or(""));
            new.push_str(&edit.text);
            cursor = edit.span.end;
            // The change ends at a line's end: the rest of the last line goes with it,
            // unless the edit already ends at a line's start and its text ends a line.
            let at_line_start = cursor == start || original.get(..cursor).is_some_and(|before| before.ends_with('\n'));
            let end = if (at_line_start && (new.is_empty() || new.ends_with('\n'))) || cursor >= original.len() {
                cursor
            } else {
                lines.end(lines.line_of(cursor))
            };
            match edits.next_if(|next| next.span.start < end || end >= original.len()) {
                Some(next) => edit = next,
                None => break end,
            }
        };
        new.push_str(original.get(cursor..end).unwrap_or(""));
        let end_line = if end >= original.len() { lines.count() } else { lines.line_of(end) };
        if original.get(start..end) != Some(new.as_str()) {
            changes.push(Change { first_line, end_line, new });
        }
    }
    changes
}

/// Writes one hunk: context, the changes with the unchanged lines between them, context.
fn write_hunk(out: &mut String, original: &str, lines: &LineIndex, hunk: &[Change], shift: &mut isize) {
    let (Some(first), Some(last)) = (hunk.first(), hunk.last()) else { return };
    let context_start = first.first_line.saturating_sub(CONTEXT);
    let context_end = (last.end_line + CONTEXT).min(lines.count());
    let mut body = String::new();
    let (mut old_count, mut new_count) = (0, 0);
    let mut line = context_start;
    for change in hunk {
        for unchanged in line..change.first_line {
            push_line(&mut body, ' ', lines.text(original, unchanged));
        }
        for removed in change.first_line..change.end_line {
            push_line(&mut body, '-', lines.text(original, removed));
        }
        let added: Vec<&str> = change.new.split_inclusive('\n').collect();
        new_count += added.len() + (change.first_line - line);
        old_count += change.end_line - line;
        for text in added {
            push_line(&mut body, '+', text);
        }
        line = change.end_line;
    }
    for unchanged in line..context_end {
        push_line(&mut body, ' ', lines.text(original, unchanged));
    }
    old_count += context_end - line;
    new_count += context_end - line;
    // An empty side is numbered by the line before it, as diff does.
    let number = |start: usize, count: usize| if count == 0 { start } else { start + 1 };
    let new_start = context_start.saturating_add_signed(*shift);
    out.push_str(&format!(
        "@@ -{},{old_count} +{},{new_count} @@\n",
        number(context_start, old_count),
        number(new_start, new_count)
    ));
    out.push_str(&body);
    *shift += new_count as isize - old_count as isize;
}

/// Pushes `+`, `-` or ` ` and one line (with its line feed, if it has one).
fn push_line(body: &mut String, mark: char, text: &str) {
    body.push(mark);
    for piece in text.split_inclusive(['\t', '\r', '\n']) {
        let kept = piece.trim_end_matches(['\t', '\r', '\n']);
        body.push_str(&crate::safe_text::line(kept));
        body.push_str(piece.get(kept.len()..).unwrap_or(""));
    }
    if !text.ends_with('\n') {
        body.push_str("\n\\ No newline at end of file\n");
    }
}

/// Where each line starts, split at line feeds only.
struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1).filter(|&start| start < text.len()));
        if text.is_empty() {
            starts.clear();
        }
        LineIndex { starts, len: text.len() }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).saturating_sub(1)
    }

    fn start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    fn end(&self, line: usize) -> usize {
        self.starts.get(line + 1).copied().unwrap_or(self.len)
    }

    fn text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        text.get(self.start(line)..self.end(line)).unwrap_or("")
    }
}
