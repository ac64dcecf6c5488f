//! Rule docs are Markdown, written for the repository; `--explain` prints them for a
//! terminal: headings in capitals, examples indented under a line saying which is which,
//! links as their text with the file they point to, emphasis without its asterisks.

/// The Markdown of a doc as plain text.
pub(super) fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code = false;
    // Emphasis may run over a line break, as a long title does.
    let mut emphasis = false;
    for line in markdown.lines() {
        if let Some(info) = line.trim_start().strip_prefix("```") {
            if !in_code {
                let title = match info.split_whitespace().nth(1) {
                    Some("bad") => Some("Flagged:"),
                    Some("good") => Some("Clean:"),
                    _ => None,
                };
                if let Some(title) = title {
                    out.push_str(title);
                    out.push('\n');
                }
            }
            in_code = !in_code;
            continue;
        }
        if in_code {
            if !line.is_empty() {
                out.push_str("    ");
            }
            out.push_str(line);
        } else if let Some(title) = line.strip_prefix("# ") {
            out.push_str(title);
        } else if let Some(heading) = line.strip_prefix("## ").or_else(|| line.strip_prefix("### ")) {
            out.push_str(&inline(heading, &mut emphasis).to_uppercase());
        } else {
            out.push_str(&inline(line, &mut emphasis));
        }
        out.push('\n');
    }
    out
}

/// One line of prose: links become their text (and where they lead, if the text does not
/// already say), `*emphasis*` and `**strong**` lose their asterisks, a title in
/// emphasis keeps quotation marks.
fn inline(line: &str, emphasis: &mut bool) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(['[', '*']) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        if let Some((text, target, after)) = link(from) {
            let target = target.trim_start_matches("../");
            out.push_str(text);
            if !target.starts_with('#') && !text.contains(target.split('#').next().unwrap_or(target)) {
                out.push_str(&format!(" ({target})"));
            }
            rest = after;
        } else if let Some(after) = from.strip_prefix("**") {
            rest = after;
        } else if let Some(after) = from.strip_prefix('*').filter(|after| *emphasis || opens(after)) {
            *emphasis = !*emphasis;
            out.push('"');
            rest = after;
        } else {
            let mut chars = from.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            rest = chars.as_str();
        }
    }
    out.push_str(rest);
    out
}

/// `[text](target)` at the start of `text`: the text, the target and what follows.
fn link(text: &str) -> Option<(&str, &str, &str)> {
    let body = text.strip_prefix('[')?;
    let close = body.find("](")?;
    let (label, after) = body.split_at(close);
    let after = after.get(2..)?;
    let end = after.find(')')?;
    Some((label, after.get(..end)?, after.get(end + 1..)?))
}

/// Whether an asterisk followed by `after` opens emphasis (not a bullet or a lone `*`).
fn opens(after: &str) -> bool {
    after.starts_with(|c: char| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn links_lose_their_markdown_and_relative_prefix() {
        assert_eq!(plain("see [`docs/effort.md`](../docs/effort.md)."), "see `docs/effort.md`.\n");
        assert_eq!(plain("the [effort model](../docs/effort.md#heavy)"), "the effort model (docs/effort.md#heavy)\n");
    }

    #[test]
    fn titles_keep_quotation_marks_and_headings_stand_out() {
        assert_eq!(plain("## Sources\n- *A Guide* (source 002)"), "SOURCES\n- \"A Guide\" (source 002)\n");
        assert_eq!(plain("- *A Long\nTitle* (source 000)"), "- \"A Long\nTitle\" (source 000)\n");
    }

    #[test]
    fn examples_are_indented_under_what_they_show() {
        assert_eq!(plain("```yaml bad\nplan: x\n```"), "Flagged:\n    plan: x\n");
    }
}
