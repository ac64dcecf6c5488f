//! `textDocument/documentSymbol`: the outline of weeks, their days and each day's
//! sessions.

use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

use super::position::{Encoding, range};
use super::router::Refusal;
use super::session::Session as ServerSession;
use crate::diagnostic::Span;
use crate::plan::{DayContent, Plan, Session, SessionKind};
use crate::source::Source;

/// Answers an outline request: the plan's outline, empty while the plan does not parse
/// and for YAML that is not a plan.
pub fn document_symbols(
    session: &mut ServerSession,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>, Refusal> {
    let encoding = session.encoding;
    let Some((document, analysis)) = session.analysed(params.text_document.uri.as_str()) else { return Ok(None) };
    let outline = match analysis.plan() {
        Some(plan) if document.is_plan() => weeks(plan, &document.source, encoding),
        _ => Vec::new(),
    };
    Ok(Some(DocumentSymbolResponse::Nested(outline)))
}

fn weeks(plan: &Plan, source: &Source, encoding: Encoding) -> Vec<DocumentSymbol> {
    plan.weeks
        .iter()
        .map(|week| {
            let days = week
                .days
                .iter()
                .map(|day| {
                    let (children, end, detail) = match &day.content {
                        DayContent::Rest(span) => (Vec::new(), span.end, "rest".to_owned()),
                        DayContent::Sessions { sessions, .. } => (
                            sessions.iter().map(|session| session_symbol(session, source, encoding)).collect(),
                            sessions.last().map_or(day.key.span.end, |session| session.span.end),
                            crate::render::plural(sessions.len(), "session", "sessions"),
                        ),
                    };
                    let span = Span::new(day.key.span.start, end);
                    symbol(
                        day.weekday.full_name(),
                        Some(detail),
                        SymbolKind::OBJECT,
                        (span, day.key.span),
                        source,
                        encoding,
                        children,
                    )
                })
                .collect();
            let detail = week.phase.as_ref().map(|phase| phase.value.as_str().to_owned());
            let name = format!("Week {}", week.number);
            symbol(&name, detail, SymbolKind::NAMESPACE, (week.span, week.number_key), source, encoding, days)
        })
        .collect()
}

fn session_symbol(session: &Session, source: &Source, encoding: Encoding) -> DocumentSymbol {
    let name = match (&session.kind, &session.title) {
        (SessionKind::Run(run_type), _) => match session.distance_km {
            Some(km) => format!("{run_type} run, {} km", crate::plan::load::Number(km)),
            None => format!("{run_type} run"),
        },
        (_, Some(title)) if !title.is_empty() => format!("{}: {title}", source.slice(session.kind_key)),
        _ => source.slice(session.kind_key).to_owned(),
    };
    let detail = (!session.exercises.is_empty())
        .then(|| crate::render::plural(session.exercises.len(), "exercise", "exercises"));
    symbol(&name, detail, SymbolKind::EVENT, (session.span, session.kind_key), source, encoding, Vec::new())
}

/// A symbol over `spans.0`, selected at `spans.1`; an empty name (not allowed by the
/// protocol) is shown as `?`.
fn symbol(
    name: &str,
    detail: Option<String>,
    kind: SymbolKind,
    spans: (Span, Span),
    source: &Source,
    encoding: Encoding,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    let (whole, selection) = spans;
    // The selection must lie inside the range.
    let whole = Span::new(whole.start.min(selection.start), whole.end.max(selection.end));
    #[allow(deprecated)]
    DocumentSymbol {
        name: if name.trim().is_empty() { "?".to_owned() } else { crate::safe_text::line(name).into_owned() },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: range(source, encoding, whole),
        selection_range: range(source, encoding, selection),
        children: (!children.is_empty()).then_some(children),
    }
}
