//! Keeping the open documents in step with the editor: open, change, save, close, and
//! files changed on disk (config files, deleted plans).

use lsp_types::{
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams,
};

use super::documents::{self, Document};
use super::session::Session;

/// A document was opened.
pub fn did_open(session: &mut Session, params: DidOpenTextDocumentParams) {
    let document = params.text_document;
    let key = document.uri.as_str().to_owned();
    session.documents.insert(key.clone(), Document::new(document.uri, document.version, document.text));
    session.stale.insert(key);
}

/// A document's text changed (whole-document sync: the last change holds the full text).
pub fn did_change(session: &mut Session, params: DidChangeTextDocumentParams) {
    let Some(change) = params.content_changes.into_iter().last() else { return };
    let uri = params.text_document.uri;
    let key = uri.as_str().to_owned();
    let version = params.text_document.version;
    match session.documents.get_mut(&key) {
        Some(document) => document.set_text(version, change.text),
        None => {
            session.documents.insert(key.clone(), Document::new(uri, version, change.text));
        }
    }
    session.stale.insert(key);
}

/// A document was saved: a saved config applies to every open plan.
pub fn did_save(session: &mut Session, params: DidSaveTextDocumentParams) {
    let key = params.text_document.uri.as_str().to_owned();
    if session.documents.get(&key).is_some_and(Document::is_config) {
        session.reload_configs();
    }
    session.stale.insert(key);
}

/// A document was closed: a plan's diagnostics are cleared; a config shows the mistakes
/// of the file on disk, not of the text the editor discarded.
pub fn did_close(session: &mut Session, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    session.stale.remove(uri.as_str());
    match session.documents.remove(uri.as_str()) {
        Some(document) if document.is_config() => {
            session.config_problems.insert(uri.as_str().to_owned(), usize::MAX);
            if let Some(path) = &document.path {
                session.configs.load(path);
            }
            session.publish_config_problems();
        }
        Some(_) => session.publish(uri, Vec::new(), None),
        None => {}
    }
}

/// Config files changed on disk: read them again and lint every open plan; a plan
/// deleted while open has its diagnostics cleared.
pub fn did_change_watched_files(session: &mut Session, params: DidChangeWatchedFilesParams) {
    let mut reload = false;
    for change in params.changes {
        let is_config = documents::file_path(&change.uri).is_some_and(|path| documents::is_config_path(&path));
        if is_config {
            reload = true;
        } else if change.typ == lsp_types::FileChangeType::DELETED
            && let Some(document) = session.documents.get_mut(change.uri.as_str())
        {
            // The editor still holds the text: hover and the outline go on working,
            // but a plan that is gone has no findings until it is written again.
            document.deleted = true;
            session.stale.insert(change.uri.as_str().to_owned());
        }
    }
    if reload {
        session.reload_configs();
    }
}
