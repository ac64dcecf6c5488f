//! Growth on every path at 1x, 2x and 4x size (the 2x time must stay within 2.2 times
//! the 1x time): lint, `--fix`, `--diff` on plans of 100/200/400 weeks with a misspelt
//! name and missing calf work in every session; one day of 1,000/2,000/4,000 sessions
//! (same-day-gap, strength-before-run); one session of 5,000/10,000/20,000 exercises
//! (the fix engine); and the language server's hover, completion and whole-document
//! code action on 50/100/200-week plans (targets: 1 ms, 1 ms, 20 ms at 200 weeks).

// A measuring tool, not the linter: it reads no user input, so it may unwrap and index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;
use runlint::config::Config;
use runlint::fix::Applicability;
use runlint::server::{Incoming, Outgoing, serve};
use runlint::source::Source;
use serde_json::{Value, json};

/// A generated plan whose every session has something to fix.
fn fixable_plan(weeks: u32) -> String {
    corpus::plans(1, weeks, 1.0, 7).remove(0).replace("calf raise", "calf rasie")
}

/// One Monday of `sessions` sessions: heavy lifts and intervals, 10 minutes apart.
fn crowded_day(sessions: usize) -> String {
    let mut text = String::from(
        "plan: Crowded\nathlete: {level: advanced, strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n",
    );
    for index in 0..sessions {
        let at = format!("{:02}:{:02}", (index / 6) % 24, (index % 6) * 10);
        if index % 2 == 0 {
            text.push_str(&format!(
                "        - strength: Heavy\n          at: \"{at}\"\n          exercises: [back squat: 3x5 @ 85%]\n"
            ));
        } else {
            text.push_str(&format!("        - run: intervals\n          at: \"{at}\"\n          km: 8\n"));
        }
    }
    text
}

/// One session of `exercises` exercises, every one misspelt.
fn long_session(exercises: usize) -> String {
    let mut text = String::from(
        "plan: Long\nathlete: {strength_weeks: 20}\nweeks:\n  - week: 1\n    days:\n      mon:\n        strength: Legs\n        exercises:\n",
    );
    for _ in 0..exercises {
        text.push_str("          - dead bugg: 2x8 each\n");
    }
    text
}

fn paths(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));
    for weeks in [100u32, 200, 400] {
        let text = fixable_plan(weeks);
        group.bench_with_input(BenchmarkId::new("lint", weeks), &text, |b, text| {
            b.iter(|| runlint::lint_source(&Source::new("plan.yaml", text.as_str()), &config).len())
        });
        group.bench_with_input(BenchmarkId::new("fix", weeks), &text, |b, text| {
            b.iter(|| runlint::lint_fix("plan.yaml", text, &config, Applicability::Unsafe).applied)
        });
        let outcome = runlint::lint_fix("plan.yaml", &text, &config, Applicability::Unsafe);
        group.bench_with_input(BenchmarkId::new("diff", weeks), &text, |b, text| {
            b.iter(|| runlint::fix::unified_diff("plan.yaml", text, &outcome.edits).len())
        });
    }
    for sessions in [1_000usize, 2_000, 4_000] {
        let text = crowded_day(sessions);
        group.bench_with_input(BenchmarkId::new("lint-one-crowded-day", sessions), &text, |b, text| {
            b.iter(|| runlint::lint_source(&Source::new("plan.yaml", text.as_str()), &config).len())
        });
    }
    for exercises in [5_000usize, 10_000, 20_000] {
        let text = long_session(exercises);
        group.bench_with_input(BenchmarkId::new("fix-one-long-session", exercises), &text, |b, text| {
            b.iter(|| runlint::lint_fix("plan.yaml", text, &config, Applicability::Safe).applied)
        });
    }
    group.finish();
}

fn send(to_server: &Sender<Incoming>, message: Value) {
    to_server.send(Incoming::Message(serde_json::from_value::<Message>(message).unwrap())).unwrap();
}

/// Waits for the response to request `id`, skipping anything else.
fn response(from_server: &Receiver<Outgoing>, id: i32) -> bool {
    loop {
        if let Outgoing::Message(Message::Response(response)) = from_server.recv().unwrap()
            && response.id == id.into()
        {
            return response.response_result.is_ok();
        }
    }
}

fn server_requests(c: &mut Criterion) {
    let mut group = c.benchmark_group("server-requests");
    group.sample_size(20).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    for weeks in [50u32, 100, 200] {
        let text = fixable_plan(weeks);
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
        let last_line = text.lines().count();
        let middle = text.lines().position(|line| line.contains("calf rasie")).unwrap_or(10);
        let mut id = 1;
        let mut request = |method: &str, params: Value| {
            id += 1;
            send(&to_server, json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
            response(&from_server, id)
        };
        let at = json!({"textDocument": {"uri": uri}, "position": {"line": middle, "character": 14}});
        group
            .bench_function(BenchmarkId::new("hover", weeks), |b| b.iter(|| request("textDocument/hover", at.clone())));
        group.bench_function(BenchmarkId::new("completion", weeks), |b| {
            b.iter(|| request("textDocument/completion", at.clone()))
        });
        let whole = json!({"textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": last_line, "character": 0}},
            "context": {"diagnostics": []}});
        group.bench_function(BenchmarkId::new("code-action-whole-document", weeks), |b| {
            b.iter(|| request("textDocument/codeAction", whole.clone()))
        });
        request("shutdown", Value::Null);
        send(&to_server, json!({"jsonrpc": "2.0", "method": "exit"}));
        server.join().unwrap();
    }
    group.finish();
}

criterion_group!(benches, paths, server_requests);
criterion_main!(benches);
