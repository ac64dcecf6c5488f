//! `textDocument/completion`: [`crate::assist::completion`] in the protocol's terms.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit, TextEdit,
};

use super::position;
use super::router::Refusal;
use super::session::Session;
use crate::assist::completion::{CandidateKind, complete};

/// Answers a completion request.
pub fn completion(session: &mut Session, params: CompletionParams) -> Result<Option<CompletionResponse>, Refusal> {
    let encoding = session.encoding;
    let Some((document, analysis, offset)) = session.plan_at(&params.text_document_position) else {
        return Ok(None);
    };
    let Some((typed, candidates)) = complete(&document.source, analysis, offset) else { return Ok(None) };
    let range = position::range(&document.source, encoding, typed);
    let items = candidates
        .into_iter()
        .map(|candidate| CompletionItem {
            label: candidate.label,
            kind: Some(match candidate.kind {
                CandidateKind::Key => CompletionItemKind::FIELD,
                CandidateKind::Value => CompletionItemKind::VALUE,
            }),
            detail: candidate.detail,
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, candidate.insert))),
            ..CompletionItem::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}
