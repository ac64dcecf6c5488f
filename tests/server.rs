//! The language server over the protocol, in process: the messages an editor sends, and
//! what comes back. (`scripts/consumers.sh` drives the same server from Neovim.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, missing_docs)]

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;
use runlint::server::{Incoming, Outgoing, serve};
use serde_json::{Value, json};

/// A client talking to a server thread.
struct Client {
    to_server: Sender<Incoming>,
    from_server: Receiver<Outgoing>,
    server: Option<std::thread::JoinHandle<u8>>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    notifications: Vec<Value>,
}

const PLAN: &str = "\
plan: Test
athlete:
  level: intermediate
  strength_weeks: 20
weeks:
  - week: 1
    phase: base
    days:
      mon:
        - strength: Legs
          exercises:
            - back squat: 3x5 @ 85%
            - reverse lunge: 3x8 each
      tue:
        run: intervals
        km: 8
";

impl Client {
    /// A server whose first messages are already queued, so it sees them as one burst.
    fn start_with(capabilities: Value, queued: &[Value]) -> Client {
        Client::start_full(json!({"capabilities": capabilities}), queued)
    }

    fn start_with_options(capabilities: Value, options: Value) -> Client {
        Client::start_full(json!({"capabilities": capabilities, "initializationOptions": options}), &[])
    }

    fn start_full(params: Value, queued: &[Value]) -> Client {
        let (to_server, incoming) = crossbeam_channel::unbounded();
        let (outgoing, from_server) = crossbeam_channel::unbounded();
        let mut client = Client { to_server, from_server, server: None, next_id: 1, notifications: Vec::new() };
        client.send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": params}));
        client.notify("initialized", json!({}));
        for message in queued {
            client.send(message.clone());
        }
        client.server = Some(std::thread::spawn(move || serve(&incoming, outgoing)));
        let initialized = client.receive_response(0);
        assert!(initialized["result"]["capabilities"].is_object(), "{initialized}");
        client
    }

    fn start() -> Client {
        Client::start_with(json!({}), &[])
    }

    fn send(&self, message: Value) {
        let message: Message = serde_json::from_value(message).unwrap();
        self.to_server.send(Incoming::Message(message)).unwrap();
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.receive_response(id)
    }

    fn receive(&self) -> Value {
        match self.from_server.recv_timeout(Duration::from_secs(10)).expect("the server answers") {
            Outgoing::Message(message) => serde_json::to_value(message).unwrap(),
            Outgoing::Malformed { id, code, message } => json!({"id": id, "error": {"code": code, "message": message}}),
        }
    }

    fn receive_response(&mut self, id: i64) -> Value {
        loop {
            let message = self.receive();
            if message.get("method").is_some() {
                self.notifications.push(message);
            } else if message["id"] == id {
                return message;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        if let Some(index) = self.notifications.iter().position(|n| is_diagnostics_for(n, uri)) {
            return self.notifications.remove(index)["params"].clone();
        }
        loop {
            let message = self.receive();
            if is_diagnostics_for(&message, uri) {
                return message["params"].clone();
            }
            self.notifications.push(message);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        let document = json!({"uri": uri, "languageId": "yaml", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": document}));
        self.diagnostics(uri)
    }

    fn finish(mut self) -> u8 {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }
}

fn is_diagnostics_for(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

fn codes(published: &Value) -> Vec<String> {
    published["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
}

fn file_uri(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

/// A repository with a plan and, if given, a config; returns the plan's URI.
fn repository(dir: &Path, config: Option<&str>) -> (String, String) {
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    std::fs::write(dir.join("plans/plan.yaml"), PLAN).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.join("runlint.toml"), config).unwrap();
    }
    (file_uri(&dir.join("plans/plan.yaml")), file_uri(&dir.join("runlint.toml")))
}

#[test]
fn diagnostics_carry_the_rule_its_documentation_and_the_related_places() {
    let mut client = Client::start();
    let published = client.open("untitled:plan.yaml", PLAN);
    assert_eq!(published["version"], 1);
    let calf = published["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "calf-work-missing").unwrap();
    assert_eq!(calf["source"], "runlint");
    assert_eq!(calf["severity"], 2);
    assert_eq!(
        calf["codeDescription"]["href"],
        "https://github.com/runlint/runlint/blob/main/rules/calf-work-missing.md"
    );
    assert!(calf["message"].as_str().unwrap().contains("\nhelp: "), "{calf}");
    // `- strength: Legs` on line 10 (0-based 9), the exercises as related places.
    assert_eq!(calf["range"]["start"]["line"], 9);
    let related = calf["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 2, "{calf}");
    assert_eq!(related[0]["location"]["range"]["start"], json!({"line": 11, "character": 14}));
    // The same findings as the command line.
    let (_, expected) = common::lint("plan.yaml", PLAN);
    let expected: Vec<&str> = expected.iter().map(|d| d.rule.name).collect();
    assert_eq!(codes(&published), expected);
    assert_eq!(client.finish(), 0);
}

#[test]
fn positions_after_an_emoji_are_counted_in_the_negotiated_encoding() {
    let exercises = "            - back squat: 3x5 @ 85%\n            - reverse lunge: 3x8 each\n";
    let prefix = "          exercises: [🏃‍♀️ drills, ";
    let plan = PLAN.replace(&format!("          exercises:\n{exercises}"), &format!("{prefix}frobnicator]\n"));
    let line = plan.lines().position(|l| l.starts_with(prefix)).unwrap();
    for (capabilities, encoding) in [
        (json!({}), "utf-16"),
        (json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}), "utf-8"),
        (json!({"offsetEncoding": ["utf-8", "utf-16"]}), "utf-8"),
        (json!({}), "options"),
    ] {
        let mut client = match encoding {
            "options" => Client::start_with_options(capabilities, json!({"positionEncoding": "utf-8"})),
            _ => Client::start_with(capabilities, &[]),
        };
        let published = client.open("untitled:emoji.yaml", &plan);
        let start = if encoding == "utf-16" { prefix.encode_utf16().count() } else { prefix.len() };
        let frobnicator = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "unknown-exercise" && d["message"].as_str().unwrap().contains("frobnicator"))
            .cloned()
            .unwrap();
        let expected =
            json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": start + 11}});
        assert_eq!(frobnicator["range"], expected, "{encoding}");
        client.finish();
    }
}

#[test]
fn a_burst_of_changes_is_linted_once_with_the_last_text() {
    let uri = "untitled:burst.yaml";
    let mut queued = vec![json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": PLAN}}})];
    let clean = PLAN.replace(
        "            - reverse lunge: 3x8 each\n",
        "            - reverse lunge: 3x8 each\n            - single-leg calf raise: 3x12 each\n",
    );
    for version in 2..=6 {
        let text = if version == 6 { clean.as_str() } else { PLAN };
        queued.push(json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}}));
    }
    let mut client = Client::start_with(json!({}), &queued);
    let published = client.diagnostics(uri);
    assert_eq!(published["version"], 6, "one publication, for the last version");
    assert!(!codes(&published).contains(&"calf-work-missing".to_owned()), "{published}");
    // Nothing else was published for the earlier versions.
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert!(client.notifications.iter().all(|n| !is_diagnostics_for(n, uri)), "{:?}", client.notifications);
    assert_eq!(symbols["result"][0]["name"], "Week 1");
    assert_eq!(symbols["result"][0]["children"][0]["name"], "monday");
    assert_eq!(symbols["result"][0]["children"][0]["children"][0]["name"], "strength: Legs");
    assert_eq!(symbols["result"][0]["children"][1]["children"][0]["name"], "intervals run, 8 km");
    client.finish();
}

#[test]
fn closing_a_plan_or_deleting_it_clears_its_diagnostics_and_other_yaml_is_left_alone() {
    let mut client = Client::start();
    assert!(!client.open("untitled:a.yaml", PLAN)["diagnostics"].as_array().unwrap().is_empty());
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": "untitled:a.yaml"}}));
    assert_eq!(client.diagnostics("untitled:a.yaml")["diagnostics"], json!([]));

    let dir = tempfile::tempdir().unwrap();
    let (uri, _) = repository(dir.path(), None);
    assert!(!client.open(&uri, PLAN)["diagnostics"].as_array().unwrap().is_empty());
    std::fs::remove_file(dir.path().join("plans/plan.yaml")).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": 3}]}));
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    // The editor still has the text: the outline is still there.
    let outline = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_eq!(outline["result"][0]["name"], "Week 1");

    // A compose file has no top-level `weeks`: nothing is reported, not even shape errors.
    let compose = "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n";
    assert_eq!(client.open("untitled:docker-compose.yml", compose)["diagnostics"], json!([]));
    let top_level =
        json!({"textDocument": {"uri": "untitled:docker-compose.yml"}, "position": {"line": 0, "character": 0}});
    assert_eq!(client.request("textDocument/completion", top_level)["result"], Value::Null);
    client.finish();
}

#[test]
fn the_nearest_config_applies_and_a_broken_one_is_reported_on_itself_until_mended() {
    let dir = tempfile::tempdir().unwrap();
    let (plan_uri, config_uri) = repository(dir.path(), Some("[rules]\ncalf-work-missing = \"off\"\n"));
    let mut client =
        Client::start_with(json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}), &[]);
    let published = client.open(&plan_uri, PLAN);
    assert!(!codes(&published).contains(&"calf-work-missing".to_owned()), "{published}");
    // The server asked the client to watch config files.
    let registration = client.notifications.iter().find(|m| m["method"] == "client/registerCapability").cloned();
    assert!(registration.is_some_and(|r| r.to_string().contains("**/runlint.toml")));

    std::fs::write(dir.path().join("runlint.toml"), "[rules]\ncalf-work-mising = \"off\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]}));
    let published = client.diagnostics(&plan_uri);
    assert!(codes(&published).contains(&"calf-work-missing".to_owned()), "defaults apply: {published}");
    let problems = client.diagnostics(&config_uri);
    let problem = &problems["diagnostics"][0];
    assert_eq!(problem["range"]["start"], json!({"line": 1, "character": 0}), "{problems}");
    assert!(problem["message"].as_str().unwrap().contains("calf-work-missing"), "{problems}");

    std::fs::write(dir.path().join("runlint.toml"), "[rules]\ncalf-work-missing = \"info\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]}));
    let published = client.diagnostics(&plan_uri);
    let calf = published["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "calf-work-missing").cloned();
    assert_eq!(calf.unwrap()["severity"], 3);
    assert_eq!(client.diagnostics(&config_uri)["diagnostics"], json!([]));

    // A broken config that is then deleted: its mistakes go with it.
    std::fs::write(dir.path().join("runlint.toml"), "[rules\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 2}]}));
    assert!(!client.diagnostics(&config_uri)["diagnostics"].as_array().unwrap().is_empty());
    std::fs::remove_file(dir.path().join("runlint.toml")).unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": config_uri, "type": 3}]}));
    assert_eq!(client.diagnostics(&config_uri)["diagnostics"], json!([]));
    client.finish();
}

#[test]
fn saving_an_open_config_reloads_it() {
    let dir = tempfile::tempdir().unwrap();
    let (plan_uri, config_uri) = repository(dir.path(), Some(""));
    let mut client = Client::start();
    assert!(codes(&client.open(&plan_uri, PLAN)).contains(&"calf-work-missing".to_owned()));
    let text = "[rules]\ncalf-work-missing = \"off\"\n";
    assert_eq!(client.open(&config_uri, text)["diagnostics"], json!([]));
    std::fs::write(dir.path().join("runlint.toml"), text).unwrap();
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": config_uri}}));
    assert!(!codes(&client.diagnostics(&plan_uri)).contains(&"calf-work-missing".to_owned()));
    // An unsaved mistake in the open config shows at once.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": config_uri, "version": 2},
        "contentChanges": [{"text": "[rules\n"}]}),
    );
    let mistakes = loop {
        let published = client.diagnostics(&config_uri);
        if published["version"] == 2 {
            break published;
        }
    };
    assert!(!mistakes["diagnostics"].as_array().unwrap().is_empty(), "{mistakes}");
    // Closed without saving: what is shown is the file on disk, which is fine.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": config_uri}}));
    assert_eq!(client.diagnostics(&config_uri)["diagnostics"], json!([]));
    client.finish();
}

fn position_of(text: &str, needle: &str) -> Value {
    let offset = text.find(needle).unwrap();
    let line = text[..offset].matches('\n').count();
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": column})
}

#[test]
fn hover_explains_exercises_and_rules() {
    let mut client = Client::start();
    let text =
        PLAN.replace("  strength_weeks: 20\n", "  strength_weeks: 20\n# runlint: allow-file heavy-before-hard\n");
    let _ = client.open("untitled:h.yaml", &text);
    let hover = |client: &mut Client, needle: &str| {
        let params = json!({"textDocument": {"uri": "untitled:h.yaml"}, "position": position_of(&text, needle)});
        client.request("textDocument/hover", params)["result"].clone()
    };
    let squat = hover(&mut client, "back squat");
    let value = squat["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**back squat** (runlint catalogue)"), "{value}");
    assert!(value.contains("heavy (about 85% of one-rep max; heavy from 75%)"), "{value}");
    assert_eq!(squat["range"]["start"], position_of(&text, "back squat"));
    let lunge = hover(&mut client, "reverse lunge")["contents"]["value"].as_str().unwrap().to_owned();
    assert!(lunge.contains("single-leg") && lunge.contains("not heavy (no load given)"), "{lunge}");
    let rule = hover(&mut client, "heavy-before-hard")["contents"]["value"].as_str().unwrap().to_owned();
    assert!(rule.starts_with("**heavy-before-hard**:") && rule.contains("rules/heavy-before-hard.md"), "{rule}");
    assert_eq!(hover(&mut client, "Test"), Value::Null);
    client.finish();
}

#[test]
fn hover_is_plain_text_for_a_client_that_asks_for_it() {
    // eglot lists plain text first unless a Markdown mode is installed.
    let capabilities = json!({"textDocument": {"hover": {"contentFormat": ["plaintext", "markdown"]}}});
    let mut client = Client::start_with(capabilities, &[]);
    let text = PLAN.replace("reverse lunge: 3x8 each", "reverse lunge: 3x10 each @ 10kg");
    let _ = client.open("untitled:p.yaml", &text);
    let params = json!({"textDocument": {"uri": "untitled:p.yaml"}, "position": position_of(&text, "reverse lunge")});
    let hover = client.request("textDocument/hover", params)["result"].clone();
    assert_eq!(hover["contents"]["kind"], "plaintext", "{hover}");
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("reverse lunge (runlint catalogue)"), "{value}");
    assert!(value.contains("3x10 each @ 10kg") && !value.contains('\\') && !value.contains("**"), "{value}");
    client.finish();
}

#[test]
fn completion_offers_what_is_valid_where_the_cursor_is() {
    let mut client = Client::start();
    let monday = PLAN.split("      tue:").next().unwrap();
    let text = format!("{monday}            - single-leg ca");
    let _ = client.open("untitled:c.yaml", &text);
    let end = json!({"line": text.lines().count() - 1, "character": "            - single-leg ca".len()});
    let result =
        client.request("textDocument/completion", json!({"textDocument": {"uri": "untitled:c.yaml"}, "position": end}));
    let items = result["result"].as_array().unwrap();
    let calf = items.iter().find(|item| item["label"] == "single-leg calf raise").unwrap();
    // The whole typed name is replaced, spaces and all.
    assert_eq!(calf["textEdit"]["range"]["start"]["character"], 14);
    assert!(calf["detail"].as_str().unwrap().contains("calves"));
    let run_type = format!("{PLAN}      wed:\n        run: th");
    let _ = client.open("untitled:r.yaml", &run_type);
    let end = json!({"line": run_type.lines().count() - 1, "character": "        run: th".len()});
    let result =
        client.request("textDocument/completion", json!({"textDocument": {"uri": "untitled:r.yaml"}, "position": end}));
    let labels: Vec<&str> = result["result"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&"threshold") && !labels.contains(&"squat"), "{labels:?}");
    client.finish();
}

/// `text` with the edits of a workspace edit applied (positions in UTF-16, ASCII text).
fn apply(text: &str, edit: &Value) -> String {
    let edits = edit["changes"].as_object().unwrap().values().next().unwrap().as_array().unwrap().clone();
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + position["character"].as_u64().unwrap() as usize
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap().to_owned()))
        .collect();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.0));
    let mut text = text.to_owned();
    for (start, end, new) in edits {
        text.replace_range(start..end, &new);
    }
    text
}

#[test]
fn code_actions_fix_and_allow_and_each_does_what_it_says() {
    let mut client = Client::start();
    let text = PLAN.replace("reverse lunge", "bulgarain split squat");
    let published = client.open("untitled:a.yaml", &text);
    let calf =
        published["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "calf-work-missing").unwrap().clone();
    let params =
        json!({"textDocument": {"uri": "untitled:a.yaml"}, "range": calf["range"], "context": {"diagnostics": [calf]}});
    let actions = client.request("textDocument/codeAction", params)["result"].as_array().unwrap().clone();
    let actions_for_calf = actions.iter().filter(|a| a["kind"] == "quickfix").count();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().any(|t| t.starts_with("Fix: add `single-leg calf raise")), "{titles:?}");
    assert!(titles.contains(&"Allow `calf-work-missing` here"), "{titles:?}");
    assert!(titles.contains(&"Allow `calf-work-missing` in this file"), "{titles:?}");
    assert!(titles.iter().any(|t| t.starts_with("Fix all safe runlint problems")), "{titles:?}");
    let (_, before) = common::lint("a.yaml", &text);
    let count =
        |list: &[runlint::diagnostic::Diagnostic], rule: &str| list.iter().filter(|d| d.rule.name == rule).count();
    for action in &actions {
        let fixed = apply(&text, &action["edit"]);
        let (_, after) = common::lint("a.yaml", &fixed);
        let title = action["title"].as_str().unwrap();
        if title.starts_with("Fix all") {
            assert!(fixed.contains("- bulgarian split squat") && !fixed.contains("bulgarain"), "{fixed}");
            assert_eq!(count(&after, "calf-work-missing"), 1, "safe fixes leave the prescription alone");
        } else {
            // Each quick fix removes its own finding and adds no other kind.
            let rule = action["diagnostics"][0]["code"].as_str().unwrap();
            assert!(count(&after, rule) < count(&before, rule), "{title}:\n{fixed}");
            assert!(after.iter().all(|d| count(&before, d.rule.name) >= count(&after, d.rule.name)), "{title}");
            assert_eq!(action["kind"], "quickfix");
        }
    }
    // A client that asks only for fix-all gets only that.
    let only = json!({"textDocument": {"uri": "untitled:a.yaml"}, "range": calf["range"], "context": {"diagnostics": [], "only": ["source.fixAll"]}});
    let actions = client.request("textDocument/codeAction", only)["result"].as_array().unwrap().clone();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0]["kind"], "source.fixAll");
    // Kinds are hierarchical: `source` includes `source.fixAll`, `source.fix` does not.
    for (only, count) in [("source", 1), ("source.fix", 0), ("quickfix", actions_for_calf)] {
        let params = json!({"textDocument": {"uri": "untitled:a.yaml"}, "range": calf["range"], "context": {"diagnostics": [], "only": [only]}});
        let found = client.request("textDocument/codeAction", params)["result"].as_array().unwrap().len();
        assert_eq!(found, count, "{only}");
    }
    client.finish();
}

#[test]
fn the_protocol_is_kept_and_bad_requests_get_errors_not_a_dead_server() {
    let mut client = Client::start();
    let unknown = client.request("textDocument/rename", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    let bad_params = client.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(bad_params["error"]["code"], -32602);
    let not_open = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(not_open["result"], Value::Null);
    let again = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(again["error"]["code"], -32600);
    // Past the end of the document, and in the middle of a character: clamped.
    let _ = client.open("untitled:p.yaml", PLAN);
    let far = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:p.yaml"}, "position": {"line": 9999, "character": 9999}}),
    );
    assert_eq!(far["result"], Value::Null);
    let _ = client.request("shutdown", Value::Null);
    assert_eq!(client.request("textDocument/hover", json!({}))["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 0);

    // Exit without shutdown: exit code 1.
    let mut client = Client::start();
    client.notify("exit", Value::Null);
    assert_eq!(client.server.take().unwrap().join().unwrap(), 1);
}

#[test]
fn huge_and_binary_documents_get_diagnostics_and_the_server_keeps_answering() {
    let mut client = Client::start();
    let binary: String = (0u8..=255).map(char::from).cycle().take(100_000).collect();
    let published = client.open("untitled:binary.yaml", &format!("weeks:\n{binary}"));
    assert_eq!(codes(&published), ["syntax-error"], "{published}");
    let huge = format!("weeks:\n{}", "  - week: 1\n    days: {mon: rest}\n".repeat(20_000));
    let published = client.open("untitled:huge.yaml", &huge);
    assert!(published["diagnostics"].is_array());
    let outline = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": "untitled:huge.yaml"}}));
    assert!(outline["result"].is_array(), "{outline}");
    client.finish();
}

/// The real binary over standard input and output: garbage between messages is answered
/// with a JSON-RPC error and the session goes on.
#[test]
fn the_binary_survives_malformed_messages_on_stdio() {
    let mut server = Command::new(env!("CARGO_BIN_EXE_runlint"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let mut input = server.stdin.take().unwrap();
    let messages = [
        frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
        frame(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
        frame("{this is not json"),
        "Content-Length: banana\r\n\r\n".to_owned(),
        frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
        frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
    ];
    input.write_all(messages.concat().as_bytes()).unwrap();
    drop(input);
    let mut output = String::new();
    server.stdout.take().unwrap().read_to_string(&mut output).unwrap();
    assert_eq!(server.wait().unwrap().code(), Some(0));
    let bodies: Vec<Value> = output
        .split("Content-Length: ")
        .skip(1)
        .map(|m| serde_json::from_str(m.split_once("\r\n\r\n").unwrap().1).unwrap())
        .collect();
    assert_eq!(bodies.len(), 4, "{output}");
    assert_eq!(bodies[1]["error"]["code"], -32700);
    assert_eq!(bodies[1]["id"], Value::Null);
    assert_eq!(bodies[2]["error"]["code"], -32700);
    assert_eq!(bodies[3], json!({"jsonrpc": "2.0", "id": 2, "result": null}));
}

#[test]
fn the_editor_recipes_in_the_docs_are_the_files_the_editor_tests_run() {
    let docs = std::fs::read_to_string(common::root().join("docs/integrations.md")).unwrap();
    for (file, fence) in [("editors/neovim/runlint.lua", "```lua\n"), ("editors/vim/runlint.vim", "```vim\n")] {
        let recipe = std::fs::read_to_string(common::root().join(file)).unwrap();
        assert!(docs.contains(&format!("{fence}{recipe}```")), "docs/integrations.md must show {file} as it is");
    }
    for untested in ["efm-langserver", "lint-formats", "RunlintHandle"] {
        assert!(!docs.contains(untested), "an untested recipe is back in the docs: {untested}");
    }
}

#[test]
fn a_request_cancelled_while_it_waited_is_answered_as_cancelled_without_work() {
    let uri = "file:///cancel/plan.yaml";
    let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": PLAN}}});
    let hover = |id: i64| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": uri}, "position": {"line": 12, "character": 16}}})
    };
    let cancel = json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 41}});
    let mut client = Client::start_with(json!({}), &[open, hover(41), cancel, hover(42)]);
    let cancelled = client.receive_response(41);
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled}");
    let answered = client.receive_response(42);
    assert!(answered.get("error").is_none(), "{answered}");
}
