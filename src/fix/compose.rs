//! The edits of several fix passes as one list of edits to the original text: each pass
//! edits the previous pass's result, and the diff is made from the original and the
//! edits that lead from it to the fixed text, never from a general text diff.

use super::Edit;
use crate::span::Span;

/// `earlier` (edits to the original, sorted and apart) followed by `later` (edits to the
/// text `earlier` produced, sorted and apart), as edits to the original, sorted and
/// apart; an edit of `later` that touches an edit of `earlier` absorbs it. One pass over
/// both lists. `None` when an offset falls inside a character.
pub fn then(earlier: &[Edit], later: &[Edit]) -> Option<Vec<Edit>> {
    let mut composed: Vec<Edit> = Vec::with_capacity(earlier.len() + later.len());
    let mut next = 0;
    // The change in length that the earlier edits before `next` made.
    let mut shift: isize = 0;
    let current_start = |edit: &Edit, shift: isize| edit.span.start.checked_add_signed(shift);
    for edit in later {
        // Earlier edits wholly before this one (not touching it) stay as they are.
        while let Some(earlier_edit) = earlier.get(next) {
            let start = current_start(earlier_edit, shift)?;
            if start + earlier_edit.text.len() >= edit.span.start {
                break;
            }
            shift += length_change(earlier_edit);
            composed.push(earlier_edit.clone());
            next += 1;
        }
        let (mut original_start, mut text) = (edit.span.start.checked_add_signed(-shift)?, String::new());
        if let Some(earlier_edit) = earlier.get(next)
            && current_start(earlier_edit, shift)? <= edit.span.start
        {
            // Starts inside (or right after) an earlier edit's text: keep what precedes.
            original_start = earlier_edit.span.start;
            text.push_str(earlier_edit.text.get(..edit.span.start - current_start(earlier_edit, shift)?)?);
        }
        text.push_str(&edit.text);
        let mut original_end = None;
        while let Some(earlier_edit) = earlier.get(next) {
            let start = current_start(earlier_edit, shift)?;
            if start > edit.span.end {
                break;
            }
            let end = start + earlier_edit.text.len();
            if end > edit.span.end {
                // Ends inside an earlier edit's text: keep what follows.
                text.push_str(earlier_edit.text.get(edit.span.end - start..)?);
                original_end = Some(earlier_edit.span.end);
            }
            shift += length_change(earlier_edit);
            next += 1;
            if original_end.is_some() {
                break;
            }
        }
        let original_end = match original_end {
            Some(end) => end,
            None => edit.span.end.checked_add_signed(-shift)?,
        };
        push_merged(&mut composed, Edit { span: Span::new(original_start, original_end), text });
    }
    composed.extend(earlier.get(next..).unwrap_or(&[]).iter().cloned());
    Some(composed)
}

/// How much longer the text gets with `edit`.
fn length_change(edit: &Edit) -> isize {
    edit.text.len() as isize - (edit.span.end - edit.span.start) as isize
}

/// Appends `edit`, joined to the last edit when they touch, so the list stays apart.
fn push_merged(composed: &mut Vec<Edit>, edit: Edit) {
    match composed.last_mut() {
        Some(last) if last.span.end >= edit.span.start => {
            last.span = Span::new(last.span.start, edit.span.end.max(last.span.end));
            last.text.push_str(&edit.text);
        }
        _ => composed.push(edit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply_edits;

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit { span: Span::new(start, end), text: text.to_owned() }
    }

    fn check(original: &str, first: Vec<Edit>, second: Vec<Edit>) {
        let middle = apply_edits(original, first.clone()).unwrap_or_default();
        let last = apply_edits(&middle, second.clone()).unwrap_or_default();
        let composed = then(&first, &second).unwrap_or_default();
        assert_eq!(apply_edits(original, composed).as_deref(), Some(last.as_str()), "{first:?} then {second:?}");
    }

    #[test]
    fn two_passes_compose_into_edits_of_the_original() {
        let text = "0123456789";
        check(text, vec![edit(2, 3, "ab")], vec![edit(7, 8, "x")]);
        check(text, vec![edit(2, 3, "ab")], vec![edit(3, 4, "x")]);
        check(text, vec![edit(2, 3, "abc")], vec![edit(0, 1, "y"), edit(3, 6, "")]);
        check(text, vec![edit(2, 2, "ins\n")], vec![edit(6, 6, "more\n")]);
        check(text, vec![edit(1, 2, "a"), edit(5, 6, "b")], vec![edit(0, 9, "all")]);
        check(text, vec![edit(4, 4, "--")], vec![edit(4, 4, "++")]);
        check(text, vec![], vec![edit(1, 2, "q")]);
        check(text, vec![edit(1, 2, "q")], vec![]);
    }
}
