//! `textDocument/hover`: [`crate::assist::hover`] in the protocol's terms, in the
//! markup the client asked for.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::position;
use super::router::Refusal;
use super::session::Session;
use crate::assist::hover::{self, Markup};

/// Answers a hover.
pub fn hover(session: &mut Session, params: HoverParams) -> Result<Option<Hover>, Refusal> {
    let (encoding, markup) = (session.encoding, session.hover_markup);
    let Some((document, analysis, offset)) = session.plan_at(&params.text_document_position_params) else {
        return Ok(None);
    };
    let Some((span, text)) = hover::hover(&document.source, analysis, offset, markup) else {
        return Ok(None);
    };
    let kind = match markup {
        Markup::Markdown => MarkupKind::Markdown,
        Markup::PlainText => MarkupKind::PlainText,
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind, value: text }),
        range: Some(position::range(&document.source, encoding, span)),
    }))
}
