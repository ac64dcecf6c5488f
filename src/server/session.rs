//! The state of one session: the open documents with the analysis of their current
//! version, the configs, and what must be published again. Handlers change it; the loop
//! publishes what went stale once no message is waiting.

use std::collections::{BTreeSet, HashMap};

use crossbeam_channel::Sender;
use lsp_server::{Message, Notification};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::{PublishDiagnosticsParams, Uri};

use super::configs::{self, ConfigStore};
use super::documents::{self, Document};
use super::position::{self, Encoding};
use super::{Outgoing, diagnostics};
use crate::assist::Analysis;
use crate::assist::hover::Markup;

/// The state of one session.
pub struct Session {
    out: Sender<Outgoing>,
    /// How the client counts columns.
    pub encoding: Encoding,
    /// Open documents by URI text (`Uri` caches its parts inside, which makes a poor key).
    pub documents: HashMap<String, Document>,
    /// The configs that open plans use.
    pub configs: ConfigStore,
    /// Documents whose diagnostics must be published again.
    pub stale: BTreeSet<String>,
    /// How many problems were last published for each config file.
    pub config_problems: HashMap<String, usize>,
    /// Set by `shutdown`: requests are refused from then on.
    pub shutting_down: bool,
    /// Set by `exit`: the process exit code.
    pub exit_code: Option<u8>,
    /// Whether to ask the client to watch config files.
    pub watch_configs: bool,
    /// How the client shows hovers.
    pub hover_markup: Markup,
}

impl Session {
    /// A session that writes to `out`.
    pub fn new(out: Sender<Outgoing>, encoding: Encoding, watch_configs: bool) -> Session {
        Session {
            out,
            encoding,
            documents: HashMap::new(),
            configs: ConfigStore::default(),
            stale: BTreeSet::new(),
            config_problems: HashMap::new(),
            shutting_down: false,
            exit_code: None,
            watch_configs,
            hover_markup: Markup::Markdown,
        }
    }

    /// Sends a message to the client.
    pub fn send(&self, message: impl Into<Message>) {
        // A client that is gone is noticed when its input ends.
        let _ = self.out.send(Outgoing::Message(message.into()));
    }

    /// Sends an answer to a message that could not be read.
    pub fn send_malformed(&self, id: Option<serde_json::Value>, code: i32, message: String) {
        let _ = self.out.send(Outgoing::Malformed { id: id.unwrap_or_default(), code, message });
    }

    /// An open document with the analysis of its current text, computed once per version.
    pub fn analysed(&mut self, key: &str) -> Option<(&Document, &Analysis)> {
        let document = self.documents.get(key)?;
        if document.analysis.is_none() {
            let config = self.configs.for_plan(document.path.as_deref());
            let analysis =
                if document.is_plan() { Analysis::of(&document.source, config) } else { Analysis::empty(config) };
            self.documents.get_mut(key)?.analysis = Some(analysis);
        }
        let document = self.documents.get(key)?;
        Some((document, document.analysis.as_ref()?))
    }

    /// An open plan, its analysis and the byte offset of a position in it. Other YAML (CI
    /// files, compose files) is not a plan: it gets no hover and no plan words.
    pub fn plan_at(&mut self, at: &lsp_types::TextDocumentPositionParams) -> Option<(&Document, &Analysis, usize)> {
        let encoding = self.encoding;
        let (document, analysis) = self.analysed(at.text_document.uri.as_str())?;
        if !document.is_plan() {
            return None;
        }
        let offset = position::offset(&document.source, encoding, at.position);
        Some((document, analysis, offset))
    }

    /// Config files changed: read them again and lint every open plan anew.
    pub fn reload_configs(&mut self) {
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

    /// Publishes the diagnostics of every document that changed, then of config files.
    pub fn publish_stale(&mut self) {
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
    pub fn publish_config_problems(&mut self) {
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

    /// Publishes a document's diagnostics.
    pub fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.send(Notification::new(notify::PublishDiagnostics::METHOD.to_owned(), params));
    }
}
