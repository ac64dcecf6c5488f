//! Completion and hover for the editor: the engine's own (as the language server offers
//! them), in the editor's UTF-16 offsets.

use serde::Serialize;

use std::sync::Arc;

use runlint::assist::Analysis;
use runlint::assist::completion::{self, CandidateKind};
use runlint::assist::hover::{self, Markup};
use runlint::source::Source;

use crate::engine::{PLAN_NAME, read_config};
use crate::utf16::{Utf16Offsets, byte_offset};

/// What may be written at the cursor, replacing `from..to` (the word being typed).
#[derive(Serialize)]
pub struct Completions {
    from: usize,
    to: usize,
    options: Vec<Offered>,
}

/// One word offered.
#[derive(Serialize)]
pub struct Offered {
    label: String,
    insert: String,
    kind: &'static str,
    detail: Option<String>,
}

/// The Markdown shown over `from..to`.
#[derive(Serialize)]
pub struct Hover {
    from: usize,
    to: usize,
    markdown: String,
}

/// The completions at UTF-16 offset `at`, if anything may be written there.
pub fn complete(plan: &str, config_text: &str, at: usize) -> Option<Completions> {
    let config = read_config(config_text).unwrap_or_default();
    let source = Source::new(PLAN_NAME, plan);
    let analysis = Analysis::of(&source, Arc::new(config));
    let (typed, candidates) = completion::complete(&source, &analysis, byte_offset(plan, at))?;
    let offsets = Utf16Offsets::new(plan);
    let options = candidates
        .into_iter()
        .map(|candidate| Offered {
            label: candidate.label,
            insert: candidate.insert,
            kind: match candidate.kind {
                CandidateKind::Key => "key",
                CandidateKind::Value => "value",
            },
            detail: candidate.detail,
        })
        .collect();
    Some(Completions { from: offsets.of(typed.start), to: offsets.of(typed.end), options })
}

/// The hover at UTF-16 offset `at`, if runlint knows something of what is there.
pub fn hover(plan: &str, config_text: &str, at: usize) -> Option<Hover> {
    let config = read_config(config_text).unwrap_or_default();
    let source = Source::new(PLAN_NAME, plan);
    let analysis = Analysis::of(&source, Arc::new(config));
    let (span, markdown) = hover::hover(&source, &analysis, byte_offset(plan, at), Markup::Markdown)?;
    let offsets = Utf16Offsets::new(plan);
    Some(Hover { from: offsets.of(span.start), to: offsets.of(span.end), markdown })
}
