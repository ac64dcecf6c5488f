//! `runlint server`: a language server over standard input and output. It lints with the
//! same library as the command line (one parser, one rule path, the same configs), so an
//! editor shows exactly what CI reports.
//!
//! Built on rust-analyzer's `lsp-server` message types and `lsp-types`: a synchronous loop
//! fits a linter that answers in about a millisecond, and needs no async runtime. The
//! transport is runlint's own ([`transport`]), so a malformed message is answered and the
//! session goes on instead of ending.
//!
//! Changes are debounced by draining: every message that has already arrived is handled
//! before any plan is linted, so a burst of keystrokes costs one lint, and a single change
//! is linted at once.

mod actions;
mod completion;
mod configs;
mod diagnostics;
mod documents;
pub mod position;
mod symbols;
pub mod transport;

use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufReader};
use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, HoverProviderCapability,
    InitializeParams, OneOf, PositionEncodingKind, PublishDiagnosticsParams, SaveOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};

use crate::assist::hover;
use crate::config::Config;
use configs::ConfigStore;
use documents::{Analysis, Document};
use position::Encoding;
pub use transport::{Incoming, Outgoing};

/// Serves one client over standard input and output; returns the process exit code
/// (0 after `shutdown` then `exit`, 1 when the client went away without them).
pub fn run_stdio() -> u8 {
    let (to_server, incoming) = crossbeam_channel::bounded::<Incoming>(16);
    let (outgoing, to_client) = crossbeam_channel::unbounded::<Outgoing>();
    let reader = std::thread::Builder::new().name("runlint-server-reader".to_owned()).spawn(move || {
        let mut input = BufReader::new(io::stdin().lock());
        while let Ok(Some(message)) = transport::read(&mut input) {
            if to_server.send(message).is_err() {
                break;
            }
        }
    });
    let writer = std::thread::Builder::new().name("runlint-server-writer".to_owned()).spawn(move || {
        let mut output = io::stdout().lock();
        for message in to_client {
            if message.write(&mut output).is_err() {
                break;
            }
        }
    });
    let (Ok(_reader), Ok(writer)) = (reader, writer) else { return 1 };
    let code = serve(&incoming, outgoing);
    // Everything answered is written before the process ends; the reader may still be
    // waiting on standard input and ends with the process.
    let _ = writer.join();
    code
}

/// Serves one client: `incoming` from it, `outgoing` to it. Returns the exit code.
pub fn serve(incoming: &Receiver<Incoming>, outgoing: Sender<Outgoing>) -> u8 {
    let Some(mut server) = initialize(incoming, outgoing) else { return 1 };
    while let Ok(message) = incoming.recv() {
        if let Some(code) = server.handle(message) {
            return code;
        }
        if incoming.is_empty() {
            server.publish_stale();
        }
    }
    1
}

/// Waits for `initialize`, answers it, and returns the server it set up; `None` when the
/// client leaves first.
fn initialize(incoming: &Receiver<Incoming>, outgoing: Sender<Outgoing>) -> Option<Server> {
    loop {
        match incoming.recv().ok()? {
            Incoming::Message(Message::Request(request)) if request.method == req::Initialize::METHOD => {
                let offered_utf8 = offers_utf8(&request.params);
                let params: InitializeParams = serde_json::from_value(request.params).unwrap_or_default();
                let watch = params
                    .capabilities
                    .workspace
                    .and_then(|workspace| workspace.did_change_watched_files)
                    .and_then(|watched| watched.dynamic_registration)
                    .unwrap_or(false);
                let encoding = if offered_utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
                let server = Server::new(outgoing, encoding, watch);
                server.send(Response::new_ok(request.id, initialize_result(encoding)));
                return Some(server);
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

/// The state of one session.
struct Server {
    out: Sender<Outgoing>,
    encoding: Encoding,
    /// Open documents by URI text (`Uri` caches its parts inside, which makes a poor key).
    documents: HashMap<String, Document>,
    configs: ConfigStore,
    /// Documents whose diagnostics must be published again.
    stale: BTreeSet<String>,
    /// How many problems were last published for each config file.
    config_problems: HashMap<String, usize>,
    shutting_down: bool,
    /// Whether to ask the client to watch config files.
    watch_configs: bool,
}

impl Server {
    fn new(out: Sender<Outgoing>, encoding: Encoding, watch_configs: bool) -> Server {
        Server {
            out,
            encoding,
            documents: HashMap::new(),
            configs: ConfigStore::default(),
            stale: BTreeSet::new(),
            config_problems: HashMap::new(),
            shutting_down: false,
            watch_configs,
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // A client that is gone is noticed when its input ends.
        let _ = self.out.send(Outgoing::Message(message.into()));
    }

    /// Handles one message; `Some(code)` when the session is over.
    fn handle(&mut self, incoming: Incoming) -> Option<u8> {
        match incoming {
            Incoming::Message(Message::Request(request)) => self.request(request),
            Incoming::Message(Message::Notification(notification)) => return self.notification(notification),
            Incoming::Message(Message::Response(_)) => {}
            Incoming::Malformed { id, code, message } => {
                let _ = self.out.send(Outgoing::Malformed { id: id.unwrap_or_default(), code, message });
            }
        }
        None
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shutting_down {
            self.error(id, ErrorCode::InvalidRequest, "the server is shutting down".to_owned());
            return;
        }
        let result = match request.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutting_down = true;
                Ok(serde_json::Value::Null)
            }
            req::HoverRequest::METHOD => self.answer(request, Server::hover),
            req::Completion::METHOD => self.answer(request, Server::completion),
            req::CodeActionRequest::METHOD => self.answer(request, Server::code_actions),
            req::DocumentSymbolRequest::METHOD => self.answer(request, Server::document_symbols),
            req::Initialize::METHOD => Err((ErrorCode::InvalidRequest, "already initialized".to_owned())),
            method => Err((ErrorCode::MethodNotFound, format!("runlint does not handle `{method}`"))),
        };
        match result {
            Ok(value) => self.send(Response { id, response_result: Ok(value) }),
            Err((code, message)) => self.error(id, code, message),
        }
    }

    /// Reads a request's parameters, runs `handler` and serialises what it returns.
    fn answer<P, R>(
        &mut self,
        request: Request,
        handler: fn(&mut Server, P) -> Option<R>,
    ) -> Result<serde_json::Value, (ErrorCode, String)>
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let params: P = serde_json::from_value(request.params)
            .map_err(|error| (ErrorCode::InvalidParams, format!("invalid parameters: {error}")))?;
        let result = handler(self, params);
        serde_json::to_value(result).map_err(|error| (ErrorCode::InternalError, error.to_string()))
    }

    fn error(&self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Response::new_err(id, code as i32, message));
    }

    fn notification(&mut self, notification: Notification) -> Option<u8> {
        match notification.method.as_str() {
            notify::Exit::METHOD => return Some(if self.shutting_down { 0 } else { 1 }),
            notify::Initialized::METHOD => self.register_config_watchers(),
            notify::DidOpenTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidOpenTextDocumentParams>(notify::DidOpenTextDocument::METHOD)
                {
                    let document = params.text_document;
                    let key = document.uri.as_str().to_owned();
                    self.documents.insert(key.clone(), Document::new(document.uri, document.version, document.text));
                    self.stale.insert(key);
                }
            }
            notify::DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidChangeTextDocumentParams>(notify::DidChangeTextDocument::METHOD)
                {
                    // Whole-document sync: the last change holds the full text.
                    if let Some(change) = params.content_changes.into_iter().last() {
                        let uri = params.text_document.uri;
                        let key = uri.as_str().to_owned();
                        let version = params.text_document.version;
                        match self.documents.get_mut(&key) {
                            Some(document) => document.set_text(version, change.text),
                            None => {
                                self.documents.insert(key.clone(), Document::new(uri, version, change.text));
                            }
                        }
                        self.stale.insert(key);
                    }
                }
            }
            notify::DidSaveTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidSaveTextDocumentParams>(notify::DidSaveTextDocument::METHOD)
                {
                    let key = params.text_document.uri.as_str().to_owned();
                    if self.documents.get(&key).is_some_and(Document::is_config) {
                        self.reload_configs();
                    }
                    self.stale.insert(key);
                }
            }
            notify::DidCloseTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidCloseTextDocumentParams>(notify::DidCloseTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    self.stale.remove(uri.as_str());
                    match self.documents.remove(uri.as_str()) {
                        // A closed config shows the mistakes of the file on disk, not of
                        // the text the editor discarded.
                        Some(document) if document.is_config() => {
                            self.config_problems.insert(uri.as_str().to_owned(), usize::MAX);
                            if let Some(path) = &document.path {
                                self.configs.load(path);
                            }
                            self.publish_config_problems();
                        }
                        Some(_) => self.publish(uri, Vec::new(), None),
                        None => {}
                    }
                }
            }
            notify::DidChangeWatchedFiles::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidChangeWatchedFilesParams>(notify::DidChangeWatchedFiles::METHOD)
                {
                    self.files_changed(params.changes);
                }
            }
            _ => {}
        }
        None
    }

    /// Config files changed on disk: read them again and lint every open plan; a plan
    /// deleted while open has its diagnostics cleared.
    fn files_changed(&mut self, changes: Vec<lsp_types::FileEvent>) {
        let mut reload = false;
        for change in changes {
            let is_config = documents::file_path(&change.uri).is_some_and(|path| documents::is_config_path(&path));
            if is_config {
                reload = true;
            } else if change.typ == lsp_types::FileChangeType::DELETED
                && let Some(document) = self.documents.get_mut(change.uri.as_str())
            {
                // The editor still holds the text: hover and the outline go on working,
                // but a plan that is gone has no findings until it is written again.
                document.deleted = true;
                self.stale.insert(change.uri.as_str().to_owned());
            }
        }
        if reload {
            self.reload_configs();
        }
    }

    fn reload_configs(&mut self) {
        self.configs.forget();
        for (key, document) in &mut self.documents {
            document.analysis = None;
            self.stale.insert(key.clone());
        }
        // Configs whose problems were shown are checked again even if no plan uses them;
        // one that was deleted has nothing left to show.
        let shown: Vec<Uri> = self.config_problems.keys().filter_map(|key| key.parse().ok()).collect();
        for uri in shown {
            match documents::file_path(&uri).filter(|path| path.is_file()) {
                Some(path) => {
                    self.configs.load(&path);
                }
                None => {
                    self.config_problems.remove(uri.as_str());
                    self.publish(uri, Vec::new(), None);
                }
            }
        }
    }

    /// Asks the client to report changes to config files, when it can.
    fn register_config_watchers(&mut self) {
        if !self.watch_configs {
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
        self.send(Request::new(
            RequestId::from("runlint-register-watchers".to_owned()),
            req::RegisterCapability::METHOD.to_owned(),
            params,
        ));
    }

    /// An open document with the lint of its current text, computed once per version.
    fn analysed(&mut self, key: &str) -> Option<(&Document, &Analysis)> {
        let document = self.documents.get(key)?;
        if document.analysis.is_none() {
            let config = self.configs.for_plan(document.path.as_deref());
            let diagnostics = match crate::source::too_large(document.source.len()) {
                _ if !document.is_plan() => Vec::new(),
                Some(too_large) => vec![too_large],
                None => crate::lint_source(&document.source, &config),
            };
            let document = self.documents.get_mut(key)?;
            document.analysis = Some(Analysis { config, diagnostics });
        }
        let document = self.documents.get(key)?;
        Some((document, document.analysis.as_ref()?))
    }

    /// Publishes the diagnostics of every document that changed, then of config files.
    fn publish_stale(&mut self) {
        let stale = std::mem::take(&mut self.stale);
        for key in stale {
            let encoding = self.encoding;
            let Some((document, analysis)) = self.analysed(&key) else { continue };
            let uri = document.uri.clone();
            let diagnostics = if document.deleted {
                Vec::new()
            } else if document.is_config() {
                let problems = configs::problems_in_text(document);
                problems
                    .iter()
                    .map(|problem| diagnostics::config_problem(problem, &document.source, encoding))
                    .collect()
            } else {
                analysis
                    .diagnostics
                    .iter()
                    .map(|diagnostic| diagnostics::to_lsp(diagnostic, &document.source, &uri, encoding))
                    .collect()
            };
            let version = Some(document.version);
            self.publish(uri, diagnostics, version);
        }
        self.publish_config_problems();
    }

    /// Shows each loaded config file's mistakes on the file (not open in the editor).
    fn publish_config_problems(&mut self) {
        let mut updates = Vec::new();
        for (path, loaded) in self.configs.loaded() {
            let Some(uri) = documents::file_uri(path) else { continue };
            if self.documents.contains_key(uri.as_str()) {
                continue;
            }
            let shown = self.config_problems.get(uri.as_str()).copied().unwrap_or(0);
            if shown == 0 && loaded.problems.is_empty() {
                continue;
            }
            let source = crate::source::Source::new(path.display().to_string(), loaded.text.clone());
            let list: Vec<lsp_types::Diagnostic> = loaded
                .problems
                .iter()
                .map(|problem| diagnostics::config_problem(problem, &source, self.encoding))
                .collect();
            updates.push((uri, list));
        }
        for (uri, list) in updates {
            self.config_problems.insert(uri.as_str().to_owned(), list.len());
            self.publish(uri, list, None);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.send(Notification::new(notify::PublishDiagnostics::METHOD.to_owned(), params));
    }

    /// An open plan, its config and the byte offset of a position in it. Other YAML (CI
    /// files, compose files) is not a plan: it gets no hover and no plan words.
    fn plan_at(&mut self, at: lsp_types::TextDocumentPositionParams) -> Option<(Arc<Config>, &Document, usize)> {
        let encoding = self.encoding;
        let (document, analysis) = self.analysed(at.text_document.uri.as_str())?;
        if !document.is_plan() {
            return None;
        }
        let offset = position::offset(&document.source, encoding, at.position);
        Some((analysis.config.clone(), document, offset))
    }

    fn hover(&mut self, params: lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let encoding = self.encoding;
        let (config, document, offset) = self.plan_at(params.text_document_position_params)?;
        let (span, markdown) = hover::hover(&document.source, &config, offset)?;
        Some(lsp_types::Hover {
            contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                kind: lsp_types::MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(position::range(&document.source, encoding, span)),
        })
    }

    fn completion(&mut self, params: lsp_types::CompletionParams) -> Option<lsp_types::CompletionResponse> {
        let encoding = self.encoding;
        let (config, document, offset) = self.plan_at(params.text_document_position)?;
        let (typed, candidates) = completion::complete(&document.source, &config, offset)?;
        let range = position::range(&document.source, encoding, typed);
        Some(lsp_types::CompletionResponse::Array(candidates.into_iter().map(|c| completion::item(c, range)).collect()))
    }

    fn code_actions(&mut self, params: lsp_types::CodeActionParams) -> Option<lsp_types::CodeActionResponse> {
        let uri = params.text_document.uri;
        let encoding = self.encoding;
        let (document, analysis) = self.analysed(uri.as_str())?;
        let source = &document.source;
        let wanted = crate::diagnostic::Span::new(
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
        let kinds = actions::Kinds {
            quick_fixes: wants(&CodeActionKind::QUICKFIX),
            fix_all: wants(&CodeActionKind::SOURCE_FIX_ALL),
        };
        let mut response = Vec::new();
        for action in actions::actions(source, &analysis.config, &analysis.diagnostics, wanted, kinds) {
            let kind = match action.kind {
                actions::ActionKind::QuickFix => CodeActionKind::QUICKFIX,
                actions::ActionKind::FixAll => CodeActionKind::SOURCE_FIX_ALL,
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
        Some(response)
    }

    fn document_symbols(
        &mut self,
        params: lsp_types::DocumentSymbolParams,
    ) -> Option<lsp_types::DocumentSymbolResponse> {
        let document = self.documents.get(params.text_document.uri.as_str())?;
        if !document.is_plan() {
            return Some(lsp_types::DocumentSymbolResponse::Nested(Vec::new()));
        }
        Some(lsp_types::DocumentSymbolResponse::Nested(symbols::outline(&document.source, self.encoding)))
    }
}
