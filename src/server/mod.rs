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
//!
//! The parts: [`session`] holds the state (open documents with the analysis of their
//! current version, configs); [`router`] maps each method to its handler, one file per
//! handler ([`lifecycle`], [`sync`], [`hover`], [`completion`], [`actions`], [`symbols`]),
//! each turning [`crate::assist`]'s answers into the protocol's terms. Adding a request:
//! a handler file and one line in [`router`] below.

mod actions;
mod completion;
mod configs;
mod diagnostics;
mod documents;
mod hover;
mod lifecycle;
pub mod position;
mod router;
mod session;
mod symbols;
mod sync;
pub mod transport;

use std::collections::VecDeque;
use std::io::{self, BufReader};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;
use lsp_types::notification as notify;
use lsp_types::request as req;

use router::Router;
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

/// Every method the server handles, and its handler.
fn router() -> Router {
    let mut router = Router::default();
    router
        .on_request::<req::Initialize>(lifecycle::initialize_again)
        .on_request::<req::Shutdown>(lifecycle::shutdown)
        .on_request::<req::HoverRequest>(hover::hover)
        .on_request::<req::Completion>(completion::completion)
        .on_request::<req::CodeActionRequest>(actions::code_actions)
        .on_request::<req::DocumentSymbolRequest>(symbols::document_symbols)
        .on_notification::<notify::Initialized>(lifecycle::initialized)
        .on_notification::<notify::Exit>(lifecycle::exit)
        .on_notification::<notify::DidOpenTextDocument>(sync::did_open)
        .on_notification::<notify::DidChangeTextDocument>(sync::did_change)
        .on_notification::<notify::DidSaveTextDocument>(sync::did_save)
        .on_notification::<notify::DidCloseTextDocument>(sync::did_close)
        .on_notification::<notify::DidChangeWatchedFiles>(sync::did_change_watched_files);
    router
}

/// How many waiting messages are looked at for cancellations at once.
const LOOK_AHEAD: usize = 64;

/// Serves one client: `incoming` from it, `outgoing` to it. Returns the exit code.
/// Messages that have already arrived are queued, so a request that the client cancelled
/// (`$/cancelRequest`) while it waited is answered as cancelled without being worked on.
pub fn serve(incoming: &Receiver<Incoming>, outgoing: Sender<Outgoing>) -> u8 {
    let Some(mut session) = lifecycle::initialize(incoming, outgoing) else { return 1 };
    let router = router();
    let mut queue: VecDeque<Incoming> = VecDeque::new();
    loop {
        if queue.is_empty() {
            match incoming.recv() {
                Ok(message) => queue.push_back(message),
                Err(_) => return 1,
            }
        }
        queue.extend(incoming.try_iter().take(LOOK_AHEAD.saturating_sub(queue.len())));
        let Some(message) = queue.pop_front() else { continue };
        match message {
            Incoming::Message(Message::Request(request)) if is_cancelled(&queue, &request.id) => {
                let message = "cancelled before it was handled".to_owned();
                session.send(lsp_server::Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::RequestCanceled as i32,
                    message,
                ));
            }
            Incoming::Message(Message::Request(request)) => router.request(&mut session, request),
            Incoming::Message(Message::Notification(notification)) => router.notification(&mut session, notification),
            Incoming::Message(Message::Response(_)) => {}
            Incoming::Malformed { id, code, message } => session.send_malformed(id, code, message),
        }
        if let Some(code) = session.exit_code {
            return code;
        }
        if queue.is_empty() && incoming.is_empty() {
            session.publish_stale();
        }
    }
}

/// Whether a `$/cancelRequest` for `id` is among the waiting messages.
fn is_cancelled(queue: &VecDeque<Incoming>, id: &lsp_server::RequestId) -> bool {
    queue.iter().any(|message| match message {
        Incoming::Message(Message::Notification(notification)) if notification.method == "$/cancelRequest" => {
            serde_json::from_value::<lsp_types::CancelParams>(notification.params.clone()).is_ok_and(|params| {
                let cancelled = match params.id {
                    lsp_types::NumberOrString::Number(number) => lsp_server::RequestId::from(number),
                    lsp_types::NumberOrString::String(text) => lsp_server::RequestId::from(text),
                };
                &cancelled == id
            })
        }
        _ => false,
    })
}
