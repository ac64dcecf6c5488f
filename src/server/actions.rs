//! Code actions: each finding's fix, all safe fixes at once, and the comments that allow a
//! rule on one line or in the whole file. Everything comes from the document's one
//! analysis: an allow comment is offered where the suppression rules say it silences the
//! finding (a comment that is not inside a quoted or block scalar, on the finding's line
//! or alone on the line above), so no request lints the text again per finding.

use std::collections::HashMap;

use lsp_types::{CodeActionKind, CodeActionParams, CodeActionResponse};

use super::router::Refusal;
use super::session::Session;
use super::{diagnostics, position};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Span};
use crate::fix::{Applicability, Edit};
use crate::source::Source;

/// Answers `textDocument/codeAction`: the actions of the kinds the client asked for.
pub fn code_actions(session: &mut Session, params: CodeActionParams) -> Result<Option<CodeActionResponse>, Refusal> {
    let uri = params.text_document.uri;
    let encoding = session.encoding;
    let Some((document, analysis)) = session.analysed(uri.as_str()) else { return Ok(None) };
    let source = &document.source;
    let wanted = Span::new(
        position::offset(source, encoding, params.range.start),
        position::offset(source, encoding, params.range.end),
    );
    // Kinds are hierarchical: `source` asks for `source.fixAll`, `source.fix` does not.
    let only = params.context.only;
    let wants = |kind: &CodeActionKind| {
        only.as_ref().is_none_or(|only| {
            only.iter().any(|asked| {
                let (kind, asked) = (kind.as_str(), asked.as_str());
                kind == asked || kind.strip_prefix(asked).is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let kinds =
        Kinds { quick_fixes: wants(&CodeActionKind::QUICKFIX), fix_all: wants(&CodeActionKind::SOURCE_FIX_ALL) };
    let mut response = Vec::new();
    let text_spans = analysis.plan().map_or(&[][..], |plan| plan.text_spans.as_slice());
    let document = Document { source, config: &analysis.config, text_spans };
    for action in actions(&document, &analysis.diagnostics, wanted, kinds) {
        let kind = match action.kind {
            ActionKind::QuickFix => CodeActionKind::QUICKFIX,
            ActionKind::FixAll => CodeActionKind::SOURCE_FIX_ALL,
        };
        let edits = action
            .edits
            .iter()
            .map(|edit| lsp_types::TextEdit::new(position::range(source, encoding, edit.span), edit.text.clone()))
            .collect();
        // The protocol's own map type is keyed by `Uri`.
        #[allow(clippy::mutable_key_type)]
        let changes = HashMap::from([(uri.clone(), edits)]);
        let diagnostic = action.diagnostic.map(|d| diagnostics::to_lsp(d, source, &uri, encoding));
        response.push(lsp_types::CodeActionOrCommand::CodeAction(lsp_types::CodeAction {
            title: action.title,
            kind: Some(kind),
            diagnostics: diagnostic.map(|d| vec![d]),
            edit: Some(lsp_types::WorkspaceEdit { changes: Some(changes), ..lsp_types::WorkspaceEdit::default() }),
            is_preferred: action.preferred.then_some(true),
            ..lsp_types::CodeAction::default()
        }));
    }
    Ok(Some(response))
}

/// What an action is, in the protocol's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    /// A fix or an allow comment for one finding.
    QuickFix,
    /// Every safe fix in the document.
    FixAll,
}

/// One action: a title, the finding it answers (if one) and the edits.
#[derive(Debug, Clone)]
pub struct Action<'d> {
    /// What the editor shows.
    pub title: String,
    /// Quick fix or fix-all.
    pub kind: ActionKind,
    /// The finding it resolves.
    pub diagnostic: Option<&'d Diagnostic>,
    /// The text edits.
    pub edits: Vec<Edit>,
    /// Whether the editor may apply it as the preferred fix.
    pub preferred: bool,
}

/// Which kinds of action the client asked for (each costs lints to prepare).
#[derive(Debug, Clone, Copy)]
pub struct Kinds {
    /// Fixes and allow comments for single findings.
    pub quick_fixes: bool,
    /// "Fix all safe".
    pub fix_all: bool,
}

/// The most findings whose actions one request prepares.
const MAX_FINDINGS_PER_REQUEST: usize = 100;

/// The document as analysed, as the actions need it.
pub struct Document<'a> {
    /// Its text.
    pub source: &'a Source,
    /// The config it was linted with.
    pub config: &'a Config,
    /// Its quoted and block scalars (sorted), where `#` does not start a comment.
    pub text_spans: &'a [Span],
}

/// The actions for the findings on the lines `wanted` touches (a cursor anywhere on a
/// finding's line offers its actions), then "fix all safe".
pub fn actions<'d>(
    document: &Document<'_>,
    diagnostics: &'d [Diagnostic],
    wanted: Span,
    kinds: Kinds,
) -> Vec<Action<'d>> {
    let source = document.source;
    let first = source.line_start(source.line_of(wanted.start)).unwrap_or(0);
    let last_line = source.line_of(wanted.end);
    let last = source.line_start(last_line).map_or(source.len(), |start| start + source.line_text(last_line).len());
    // Bounded work per request: a range over the whole document gets the actions of its
    // first findings, as many as a menu can show.
    let touching = diagnostics
        .iter()
        .filter(|d| kinds.quick_fixes && d.span.start <= last && first <= d.span.end)
        .take(MAX_FINDINGS_PER_REQUEST);
    let mut actions = Vec::new();
    for diagnostic in touching {
        let fix = diagnostic.fix.as_ref();
        if let Some(fix) = fix.filter(|fix| fix.applies(Applicability::Unsafe)) {
            let title = match fix.applicability {
                Applicability::Safe => format!("Fix: {}", fix.message),
                _ => format!("Fix: {} (changes the prescription)", fix.message),
            };
            let preferred = fix.applicability == Applicability::Safe;
            let edits = fix.edits.iter().map(|edit| crate::fix::fit(source.text(), edit)).collect();
            actions.push(Action { title, kind: ActionKind::QuickFix, diagnostic: Some(diagnostic), edits, preferred });
        }
        if diagnostic.rule.suppressible {
            actions.extend(allow_here(document, diagnostic));
            actions.extend(allow_in_file(document, diagnostic));
        }
    }
    // "Fix all" lints the document again: prepared only when asked for.
    if kinds.fix_all {
        actions.extend(fix_all(source, document.config, diagnostics));
    }
    actions
}

/// Whether a comment written at `offset` is read as a comment: not inside a quoted or
/// block scalar, where `#` is text.
fn is_comment_place(document: &Document<'_>, offset: usize) -> bool {
    let spans = document.text_spans;
    let after = spans.partition_point(|span| span.start <= offset);
    !(after > 0 && spans.get(after - 1).is_some_and(|span| offset < span.end))
}

/// "Allow RULE here": a comment alone on the line above, else at the end of the line.
fn allow_here<'d>(document: &Document<'_>, diagnostic: &'d Diagnostic) -> Option<Action<'d>> {
    let source = document.source;
    let line = source.line_of(diagnostic.span.start);
    let start = source.line_start(line)?;
    let text = source.line_text(line);
    let indent = text.get(..text.len() - text.trim_start_matches([' ', '\t']).len()).unwrap_or("");
    let rule = diagnostic.rule.name;
    let end = start + text.len();
    // A line inserted above must not fall inside a scalar that goes on over lines (its
    // content starts inside one); a comment at the end of the line must not either.
    let edit = if is_comment_place(document, start + indent.len()) && is_comment_place(document, start) {
        Edit { span: Span::new(start, start), text: format!("{indent}# runlint: allow {rule}{}", line_break(source)) }
    } else if is_comment_place(document, end) {
        Edit { span: Span::new(end, end), text: format!("  # runlint: allow {rule}") }
    } else {
        return None;
    };
    Some(Action {
        title: format!("Allow `{rule}` here"),
        kind: ActionKind::QuickFix,
        diagnostic: Some(diagnostic),
        edits: vec![edit],
        preferred: false,
    })
}

/// "Allow RULE in this file": an `allow-file` comment on the first line.
fn allow_in_file<'d>(document: &Document<'_>, diagnostic: &'d Diagnostic) -> Option<Action<'d>> {
    let source = document.source;
    let rule = diagnostic.rule.name;
    let start = if source.text().starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let edit =
        Edit { span: Span::new(start, start), text: format!("# runlint: allow-file {rule}{}", line_break(source)) };
    Some(Action {
        title: format!("Allow `{rule}` in this file"),
        kind: ActionKind::QuickFix,
        diagnostic: Some(diagnostic),
        edits: vec![edit],
        preferred: false,
    })
}

/// The document's own line break, for inserted lines.
fn line_break(source: &Source) -> &'static str {
    let text = source.text();
    match text.find(['\n', '\r']).and_then(|at| text.get(at..at + 2)) {
        Some("\r\n") => "\r\n",
        Some(two) if two.starts_with('\r') => "\r",
        _ if text.ends_with('\r') => "\r",
        _ => "\n",
    }
}

/// Every safe fix, applied as `--fix` would: one edit from the first changed byte to the
/// last, so the editor keeps the cursor and the undo step is one.
fn fix_all<'d>(source: &Source, config: &Config, diagnostics: &[Diagnostic]) -> Option<Action<'d>> {
    let safe = diagnostics.iter().filter_map(|d| d.fix.as_ref()).any(|fix| fix.applies(Applicability::Safe));
    if !safe {
        return None;
    }
    let outcome = crate::lint_fix_from(source.name(), source.text(), diagnostics.to_vec(), config, Applicability::Safe);
    let edit = minimal_edit(source.text(), &outcome.text)?;
    let title = format!("Fix all safe runlint problems ({})", crate::render::plural(outcome.applied, "fix", "fixes"));
    Some(Action { title, kind: ActionKind::FixAll, diagnostic: None, edits: vec![edit], preferred: false })
}

/// One edit that turns `before` into `after`; `None` when they are equal.
fn minimal_edit(before: &str, after: &str) -> Option<Edit> {
    if before == after {
        return None;
    }
    let prefix = before
        .char_indices()
        .zip(after.chars())
        .find(|((_, a), b)| a != b)
        .map_or(before.len().min(after.len()), |((index, _), _)| index);
    // Both texts agree up to `prefix`, so it is a character boundary in each.
    let (before_rest, after_rest) = (before.get(prefix..)?, after.get(prefix..)?);
    let common_suffix: usize = before_rest
        .chars()
        .rev()
        .zip(after_rest.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let end = before.len() - common_suffix;
    let text = after_rest.get(..after_rest.len() - common_suffix)?.to_owned();
    Some(Edit { span: Span::new(prefix, end), text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_minimal_edit_covers_only_what_changed() {
        let edit = minimal_edit("squat: 3x5\ncalf rasie: 2x10\n", "squat: 3x5\ncalf raise: 2x10\n");
        assert_eq!(edit, Some(Edit { span: Span::new(18, 20), text: "is".to_owned() }));
        assert_eq!(minimal_edit("same", "same"), None);
        assert_eq!(minimal_edit("ab", "abc"), Some(Edit { span: Span::new(2, 2), text: "c".to_owned() }));
        assert_eq!(minimal_edit("aé", "aè"), Some(Edit { span: Span::new(1, 3), text: "è".to_owned() }));
    }
}
