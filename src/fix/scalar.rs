//! Landing a replacement on exactly the scalar it targets, whatever the scalar's style.
//! A finding's span covers the node as the parser saw it: the quotes of a quoted scalar,
//! and for a block scalar (`name: >-`) its content up to the next key's indentation,
//! line break included. Writing the new value over that span as it is would drop the
//! quotes, or join the next line to the value (`sets: 2` becoming part of a name).

use super::Edit;
use crate::span::Span;

/// `edit` narrowed to the scalar it replaces in `text`: inside the quotes of a quoted
/// scalar (escaped in that style), over the content of a plain or block scalar without
/// the line breaks and indentation that follow it; quoted when a plain value would read
/// as something else. Insertions and edits that are not a one-line value stay as they are.
pub fn fit(text: &str, edit: &Edit) -> Edit {
    let Some(replaced) = text.get(edit.span.start..edit.span.end) else { return edit.clone() };
    if replaced.is_empty() || edit.text.contains(['\n', '\r']) {
        return edit.clone();
    }
    for quote in ['"', '\''] {
        if replaced.len() >= 2 && replaced.starts_with(quote) && replaced.ends_with(quote) {
            let span = Span::new(edit.span.start + 1, edit.span.end - 1);
            return Edit { span, text: escape_quoted(&edit.text, quote) };
        }
    }
    // Trailing spaces, line breaks and the next line's indentation are not the value's.
    let content = replaced.trim_end_matches([' ', '\t', '\n', '\r']);
    let span = Span::new(edit.span.start, edit.span.start + content.len());
    let in_block =
        text.get(..edit.span.start).is_some_and(|before| before.trim_end_matches([' ', '\t']).ends_with('\n'));
    let value = if in_block || is_plain_safe(&edit.text) { edit.text.clone() } else { quoted(&edit.text) };
    Edit { span, text: value }
}

/// Whether `value` reads back as the same string when written plain in a mapping.
fn is_plain_safe(value: &str) -> bool {
    let starts_badly = value.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ',
    ]);
    !value.is_empty()
        && !starts_badly
        && !value.ends_with([' ', ':'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(['\t', ',', '[', ']', '{', '}'])
}

/// `value` as a double-quoted scalar.
fn quoted(value: &str) -> String {
    format!("\"{}\"", escape_quoted(value, '"'))
}

/// `value` escaped for the inside of a scalar quoted with `quote`.
fn escape_quoted(value: &str, quote: char) -> String {
    match quote {
        '\'' => value.replace('\'', "''"),
        _ => value.replace('\\', "\\\\").replace('"', "\\\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fitted(text: &str, target: &str, new: &str) -> String {
        let start = text.find(target).unwrap_or(0);
        let edit = Edit { span: Span::new(start, start + target.len()), text: new.to_owned() };
        let edit = fit(text, &edit);
        let mut fixed = text.to_owned();
        fixed.replace_range(edit.span.start..edit.span.end, &edit.text);
        fixed
    }

    #[test]
    fn a_replacement_lands_on_the_scalar_in_every_style() {
        assert_eq!(fitted("- name: calf rasie\n", "calf rasie", "calf raise"), "- name: calf raise\n");
        assert_eq!(fitted("- name: \"calf rasie\"\n", "\"calf rasie\"", "calf raise"), "- name: \"calf raise\"\n");
        assert_eq!(fitted("- name: 'it''s'\n", "'it''s'", "it's x"), "- name: 'it''s x'\n");
        let block = "- name: >-\n    calf rasie\n  sets: 2\n";
        assert_eq!(fitted(block, "calf rasie\n  ", "calf raise"), "- name: >-\n    calf raise\n  sets: 2\n");
        let literal = "- name: |\n    calf\n    rasie\n  sets: 2\n";
        assert_eq!(fitted(literal, "calf\n    rasie\n  ", "calf raise"), "- name: |\n    calf raise\n  sets: 2\n");
        assert_eq!(fitted("[a, bb]\n", "bb", "x: y"), "[a, \"x: y\"]\n");
        // An insertion is not a replacement: it stays as it is.
        assert_eq!(fitted("k: v\n", "", "x"), "xk: v\n");
    }
}
