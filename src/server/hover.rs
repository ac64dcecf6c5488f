//! `textDocument/hover`: [`crate::assist::hover`] in the protocol's terms.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::position;
use super::router::Refusal;
use super::session::Session;

/// Answers a hover.
pub fn hover(session: &mut Session, params: HoverParams) -> Result<Option<Hover>, Refusal> {
    let encoding = session.encoding;
    let Some((document, analysis, offset)) = session.plan_at(&params.text_document_position_params) else {
        return Ok(None);
    };
    let Some((span, markdown)) = crate::assist::hover::hover(&document.source, analysis, offset) else {
        return Ok(None);
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
        range: Some(position::range(&document.source, encoding, span)),
    }))
}
