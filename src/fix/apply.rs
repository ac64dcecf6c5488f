//! Applying edits to a text: choosing the fixes that may be applied together, and writing
//! their edits in one pass. Which findings to fix, and linting again, is the fix loop's
//! business ([`crate::lint_fix`]).

use std::collections::BTreeMap;

use super::{Applicability, Edit, Fix};

/// The edits of the fixes that apply at `level`, without overlaps (the first fix in the
/// file wins; the others wait for the next pass), and how many fixes they come from.
pub fn applicable_edits<'f>(fixes: impl IntoIterator<Item = &'f Fix>, level: Applicability) -> (Vec<Edit>, usize) {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    let chosen = applicable_fixes(fixes.iter().copied(), level);
    let edits = chosen.iter().filter_map(|&index| fixes.get(index)).flat_map(|fix| fix.edits.iter().cloned()).collect();
    (edits, chosen.len())
}

/// The positions (in `fixes`) of the fixes that apply at `level` without overlapping, in
/// file order: the first fix in the file wins, the others wait for the next pass.
pub fn applicable_fixes<'f>(fixes: impl IntoIterator<Item = &'f Fix>, level: Applicability) -> Vec<usize> {
    let mut fixes: Vec<(usize, &Fix)> = fixes.into_iter().enumerate().filter(|(_, fix)| fix.applies(level)).collect();
    fixes.sort_by_key(|(_, fix)| fix.edits.iter().map(|edit| edit.span.start).min().unwrap_or(0));
    // The chosen edits' ranges by start; an insertion counts as one byte wide, so two
    // insertions at one place do not both apply.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let reach = |edit: &Edit| edit.span.end.max(edit.span.start + 1);
    let mut chosen = Vec::new();
    for (index, fix) in fixes {
        let overlaps = fix
            .edits
            .iter()
            .any(|edit| taken.range(..reach(edit)).next_back().is_some_and(|(_, &end)| end > edit.span.start));
        if overlaps {
            continue;
        }
        for edit in &fix.edits {
            taken.insert(edit.span.start, reach(edit));
        }
        chosen.push(index);
    }
    chosen
}

/// `text` with non-overlapping `edits` applied, written front to back in one pass;
/// `None` when an edit falls outside the text or inside a character.
pub fn apply_edits(text: &str, mut edits: Vec<Edit>) -> Option<String> {
    edits.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut fixed = String::with_capacity(text.len() + edits.iter().map(|edit| edit.text.len()).sum::<usize>());
    let mut copied = 0;
    for edit in edits {
        if edit.span.start < copied {
            return None;
        }
        fixed.push_str(text.get(copied..edit.span.start)?);
        // Checks the replaced range is within the text and on character boundaries.
        text.get(edit.span.start..edit.span.end)?;
        fixed.push_str(&edit.text);
        copied = edit.span.end;
    }
    fixed.push_str(text.get(copied..)?);
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn fix(start: usize, end: usize, text: &str, applicability: Applicability) -> Fix {
        Fix::replace(applicability, "", Span::new(start, end), text)
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_pass() {
        let fixes = [
            fix(0, 3, "abc", Applicability::Safe),
            fix(2, 4, "x", Applicability::Safe),
            fix(4, 4, "y", Applicability::Safe),
            fix(4, 4, "z", Applicability::Safe),
            fix(6, 7, "u", Applicability::Unsafe),
        ];
        let (edits, count) = applicable_edits(&fixes, Applicability::Safe);
        assert_eq!(count, 2);
        assert_eq!(apply_edits("0123456789", edits).as_deref(), Some("abc3y456789"));
        let (_, count) = applicable_edits(&fixes, Applicability::Unsafe);
        assert_eq!(count, 3);
    }

    #[test]
    fn edits_outside_the_text_or_inside_a_character_are_refused() {
        let outside = vec![Edit { span: Span::new(3, 9), text: String::new() }];
        assert_eq!(apply_edits("abc", outside), None);
        let inside = vec![Edit { span: Span::new(1, 2), text: String::new() }];
        assert_eq!(apply_edits("é", inside), None);
    }
}
