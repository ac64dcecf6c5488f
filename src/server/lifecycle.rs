//! Starting and ending a session: `initialize` (answered before the handler table
//! runs), `initialized`, `shutdown` and `exit`.

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Request, RequestId, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, HoverProviderCapability,
    InitializeParams, InitializedParams, MarkupKind, OneOf, PositionEncodingKind, SaveOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use super::position::Encoding;
use super::router::Refusal;
use super::session::Session;
use super::{Incoming, Outgoing};
use crate::assist::hover::Markup;

/// Waits for `initialize`, answers it, and returns the session it set up; `None` when the
/// client leaves first.
pub fn initialize(incoming: &Receiver<Incoming>, outgoing: Sender<Outgoing>) -> Option<Session> {
    loop {
        match incoming.recv().ok()? {
            Incoming::Message(Message::Request(request)) if request.method == req::Initialize::METHOD => {
                let offered_utf8 = offers_utf8(&request.params);
                let params: InitializeParams = serde_json::from_value(request.params).unwrap_or_default();
                let watch = params
                    .capabilities
                    .workspace
                    .clone()
                    .and_then(|workspace| workspace.did_change_watched_files)
                    .and_then(|watched| watched.dynamic_registration)
                    .unwrap_or(false);
                let encoding = if offered_utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
                let hover_markup = hover_markup(&params);
                let mut session = Session::new(outgoing, encoding, watch);
                session.hover_markup = hover_markup;
                session.send(Response::new_ok(request.id, initialize_result(encoding)));
                return Some(session);
            }
            Incoming::Message(Message::Request(request)) => {
                let error = Response::new_err(
                    request.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized yet".to_owned(),
                );
                outgoing.send(Outgoing::Message(error.into())).ok()?;
            }
            Incoming::Message(Message::Notification(notification)) if notification.method == notify::Exit::METHOD => {
                return None;
            }
            Incoming::Message(_) => {}
            Incoming::Malformed { id, code, message } => {
                outgoing.send(Outgoing::Malformed { id: id.unwrap_or_default(), code, message }).ok()?;
            }
        }
    }
}

/// The hover format the client prefers, of those it lists (`contentFormat`, most
/// preferred first): Markdown unless plain text comes first or Markdown is not listed.
fn hover_markup(params: &InitializeParams) -> Markup {
    let formats = params
        .capabilities
        .text_document
        .as_ref()
        .and_then(|document| document.hover.as_ref())
        .and_then(|hover| hover.content_format.as_deref());
    match formats {
        Some([MarkupKind::PlainText, ..]) => Markup::PlainText,
        Some(formats) if !formats.is_empty() && !formats.contains(&MarkupKind::Markdown) => Markup::PlainText,
        _ => Markup::Markdown,
    }
}

/// Whether the client counts in UTF-8: `general.positionEncodings` (LSP 3.17), the older
/// `offsetEncoding` extension, or, for clients that count bytes without saying so (Vim's
/// ALE), `"positionEncoding": "utf-8"` in the initialization options.
fn offers_utf8(params: &serde_json::Value) -> bool {
    let lists =
        [params.pointer("/capabilities/general/positionEncodings"), params.pointer("/capabilities/offsetEncoding")];
    let offered = lists.into_iter().flatten().filter_map(|list| list.as_array()).flatten();
    let configured = params.pointer("/initializationOptions/positionEncoding");
    offered.chain(configured).any(|encoding| encoding == "utf-8")
}

fn initialize_result(encoding: Encoding) -> serde_json::Value {
    let capabilities = ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::new(encoding.as_str())),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions::default()),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::SOURCE_FIX_ALL]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    };
    serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "runlint", "version": env!("CARGO_PKG_VERSION") },
        // Neovim before 0.9 reads the negotiated encoding from here.
        "offsetEncoding": encoding.as_str(),
    })
}

/// A second `initialize` is refused.
pub fn initialize_again(_: &mut Session, _: InitializeParams) -> Result<lsp_types::InitializeResult, Refusal> {
    Err((ErrorCode::InvalidRequest, "already initialized".to_owned()))
}

/// `shutdown`: requests are refused from now on, until `exit`.
pub fn shutdown(session: &mut Session, (): ()) -> Result<(), Refusal> {
    session.shutting_down = true;
    Ok(())
}

/// `exit`: 0 after `shutdown`, 1 without it.
pub fn exit(session: &mut Session, (): ()) {
    session.exit_code = Some(if session.shutting_down { 0 } else { 1 });
}

/// `initialized`: asks the client to report changes to config files, when it can.
pub fn initialized(session: &mut Session, _: InitializedParams) {
    if !session.watch_configs {
        return;
    }
    let watchers = crate::config::CONFIG_NAMES
        .iter()
        .map(|name| lsp_types::FileSystemWatcher {
            glob_pattern: lsp_types::GlobPattern::String(format!("**/{name}")),
            kind: None,
        })
        .collect();
    let options = lsp_types::DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = lsp_types::Registration {
        id: "runlint-config-files".to_owned(),
        method: notify::DidChangeWatchedFiles::METHOD.to_owned(),
        register_options: serde_json::to_value(options).ok(),
    };
    let params = lsp_types::RegistrationParams { registrations: vec![registration] };
    session.send(Request::new(
        RequestId::from("runlint-register-watchers".to_owned()),
        req::RegisterCapability::METHOD.to_owned(),
        params,
    ));
}
