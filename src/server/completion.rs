//! Completion over LSP: the candidates of [`crate::assist::completion`] as completion items.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Range, TextEdit};

pub use crate::assist::completion::complete;
use crate::assist::completion::{Candidate, CandidateKind};

/// The item for the client, replacing `range` (already in the client's encoding).
pub fn item(candidate: Candidate, range: Range) -> CompletionItem {
    let kind = match candidate.kind {
        CandidateKind::Key => CompletionItemKind::FIELD,
        CandidateKind::Value => CompletionItemKind::VALUE,
    };
    CompletionItem {
        label: candidate.label,
        kind: Some(kind),
        detail: candidate.detail,
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, candidate.insert))),
        ..CompletionItem::default()
    }
}
