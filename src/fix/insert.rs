//! Placing a new exercise in a session's list, in the list's own style: block or flow,
//! its indentation, its line ending.

use super::Edit;
use crate::span::Span;

/// The edit that adds `name: prescription` after a list's last entry `after` (its whole
/// span in `text`), in the list's style; `None` when the place cannot be read.
pub(super) fn new_entry(text: &str, after: Span, name: &str, prescription: &str) -> Option<Edit> {
    let entry_text = text.get(after.start..after.end)?;
    // A list of bare names gets a bare name; otherwise `name: prescription`.
    let entry = if entry_text.contains(':') { format!("{}: {}", name, prescription) } else { name.to_owned() };
    let before = text.get(..after.start)?;
    let previous = before.trim_end_matches([' ', '\t']).chars().last();
    if matches!(previous, Some('[' | ',')) {
        // A flow list: `[a, b]` becomes `[a, b, entry]`.
        return Some(Edit { span: Span::new(after.end, after.end), text: format!(", {entry}") });
    }
    // A block list: the new item goes on its own line, indented like the last one's dash.
    let line_start = before.rfind(['\n', '\r']).map_or(0, |index| index + 1);
    let prefix = text.get(line_start..after.start)?;
    let dash = prefix.find('-')?;
    let indent = prefix.get(..dash)?;
    if !indent.chars().all(|c| c == ' ') {
        return None;
    }
    let end = text.get(..after.end)?.trim_end().len().max(after.start);
    let rest = text.get(end..)?;
    // The line ends at LF, CRLF or a lone CR, as YAML counts lines; the new line uses the
    // same break (the file's own style at its end).
    let (at, line_break) = match rest.find(['\n', '\r']) {
        Some(index) if rest.get(index..).is_some_and(|tail| tail.starts_with("\r\n")) => (end + index + 2, "\r\n"),
        Some(index) if rest.get(index..).is_some_and(|tail| tail.starts_with('\r')) => (end + index + 1, "\r"),
        Some(index) => (end + index + 1, "\n"),
        None if text.contains("\r\n") => (text.len(), "\r\n"),
        None => (text.len(), "\n"),
    };
    let lead = if at == text.len() && !text.ends_with(['\n', '\r']) { line_break } else { "" };
    Some(Edit { span: Span::new(at, at), text: format!("{lead}{indent}- {entry}{line_break}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn insert_after(text: &str, entry: &str) -> String {
        let start = text.find(entry).unwrap_or(0);
        let after = Span::new(start, start + entry.len());
        let Some(edit) = new_entry(text, after, "calf raise", "2x12") else { return String::from("<none>") };
        let mut fixed = text.to_owned();
        fixed.replace_range(edit.span.start..edit.span.end, &edit.text);
        fixed
    }

    #[test]
    fn new_entries_follow_the_list_style() {
        let block = "exercises:\n  - squat: 3x10  # legs\n  - dead bug: 2x8\nnext: 1\n";
        assert_eq!(
            insert_after(block, "dead bug: 2x8"),
            "exercises:\n  - squat: 3x10  # legs\n  - dead bug: 2x8\n  - calf raise: 2x12\nnext: 1\n"
        );
        let crlf = "exercises:\r\n    - squat: 3x10\r\n";
        assert_eq!(insert_after(crlf, "squat: 3x10"), "exercises:\r\n    - squat: 3x10\r\n    - calf raise: 2x12\r\n");
        let flow = "exercises: [squat, dead bug]\n";
        assert_eq!(insert_after(flow, "dead bug"), "exercises: [squat, dead bug, calf raise]\n");
        let cr = "exercises:\r  - squat: 3x10\rnext: 1\r";
        assert_eq!(insert_after(cr, "squat: 3x10"), "exercises:\r  - squat: 3x10\r  - calf raise: 2x12\rnext: 1\r");
        let last_line = "exercises:\n  - squat: 3x10";
        assert_eq!(insert_after(last_line, "squat: 3x10"), "exercises:\n  - squat: 3x10\n  - calf raise: 2x12\n");
    }
}
