//! The language server, in process over the protocol: from a `didChange` message to the
//! `publishDiagnostics` it causes, on generated plans of 16 and 200 weeks (what an editor
//! waits for after each keystroke). `scripts/bench.sh` adds the memory with 50 open plans.

// A measuring tool, not the linter: it reads no user input, so it may unwrap and index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

#[path = "support/corpus.rs"]
mod corpus;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;
use runlint::server::{Incoming, Outgoing, serve};
use serde_json::{Value, json};

fn send(to_server: &Sender<Incoming>, message: Value) {
    to_server.send(Incoming::Message(serde_json::from_value::<Message>(message).unwrap())).unwrap();
}

/// Waits for the next `publishDiagnostics`, skipping anything else.
fn published(from_server: &Receiver<Outgoing>) -> usize {
    loop {
        if let Outgoing::Message(Message::Notification(notification)) = from_server.recv().unwrap()
            && notification.method == "textDocument/publishDiagnostics"
        {
            return notification.params["diagnostics"].as_array().map_or(0, Vec::len);
        }
    }
}

fn did_change(c: &mut Criterion) {
    let mut group = c.benchmark_group("server-didChange-to-publish");
    for weeks in [16u32, 200] {
        let text = corpus::plans(1, weeks, 1.0, 7).remove(0);
        let (to_server, incoming) = crossbeam_channel::unbounded();
        let (outgoing, from_server) = crossbeam_channel::unbounded();
        let server = std::thread::spawn(move || serve(&incoming, outgoing));
        let uri = "file:///bench/plan.yaml";
        send(&to_server, json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}));
        send(&to_server, json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        send(
            &to_server,
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "yaml", "version": 0, "text": text}}}),
        );
        published(&from_server);
        let mut version = 0;
        group.bench_with_input(BenchmarkId::from_parameter(weeks), &text, |b, text| {
            b.iter(|| {
                version += 1;
                send(
                    &to_server,
                    json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}}),
                );
                published(&from_server)
            })
        });
        send(&to_server, json!({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}));
        send(&to_server, json!({"jsonrpc": "2.0", "method": "exit"}));
        server.join().unwrap();
    }
    group.finish();
}

criterion_group!(benches, did_change);
criterion_main!(benches);
