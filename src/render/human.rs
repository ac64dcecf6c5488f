//! `--format human`: annotated snippets rendered by codespan-reporting.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label as SnippetLabel, Severity as SnippetSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{Buffer, ColorSpec, WriteColor};
use codespan_reporting::term::{self, Config};

use super::{FileReport, RenderOptions, Summary};
use crate::diagnostic::{Diagnostic, Severity};

/// Writes each diagnostic as an annotated snippet, then the summary unless quiet.
pub fn render(reports: &[FileReport], options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let config = Config::default();
    for report in reports {
        let file = SimpleFile::new(report.source.name(), report.source.text());
        for diagnostic in &report.diagnostics {
            let mut buffer = if options.color { Buffer::ansi() } else { Buffer::no_color() };
            term::emit_to_write_style(&mut buffer, &config, &file, &snippet(diagnostic, report.source.len()))
                .map_err(io::Error::other)?;
            let rendered = buffer.into_inner();
            let rendered = if diagnostic.severity == Severity::Info { rename_info_header(rendered) } else { rendered };
            out.write_all(&rendered)?;
        }
    }
    if !options.quiet {
        let summary = Summary::of(reports);
        let mut buffer = if options.color { Buffer::ansi() } else { Buffer::no_color() };
        buffer.set_color(ColorSpec::new().set_bold(true))?;
        write!(buffer, "{}", summary.line())?;
        buffer.reset()?;
        writeln!(buffer)?;
        out.write_all(buffer.as_slice())?;
    }
    Ok(())
}

fn snippet(diagnostic: &Diagnostic, text_len: usize) -> Snippet<()> {
    let severity = match diagnostic.severity {
        Severity::Error => SnippetSeverity::Error,
        Severity::Warning => SnippetSeverity::Warning,
        Severity::Info => SnippetSeverity::Note,
    };
    let clamp = |span: crate::diagnostic::Span| span.start.min(text_len)..span.end.min(text_len);
    let mut primary = SnippetLabel::primary((), clamp(diagnostic.span));
    if let Some(text) = &diagnostic.span_label {
        primary = primary.with_message(text);
    }
    let mut labels = vec![primary];
    labels.extend(
        diagnostic
            .labels
            .iter()
            .map(|label| SnippetLabel::secondary((), clamp(label.span)).with_message(&label.message)),
    );
    let mut notes = Vec::new();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    if diagnostic.rule.is_rule() {
        notes.push(format!("note: see `runlint --explain {}`", diagnostic.rule.name));
    }
    Snippet::new(severity)
        .with_code(diagnostic.rule.name)
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// codespan-reporting calls its lowest severity `note`; runlint calls it `info` everywhere,
/// so the header word is renamed (only the first occurrence, which is the header).
fn rename_info_header(rendered: Vec<u8>) -> Vec<u8> {
    const FROM: &[u8] = b"note[";
    let Some(index) = rendered.windows(FROM.len()).position(|window| window == FROM) else {
        return rendered;
    };
    let mut renamed = rendered;
    renamed.splice(index..index + 4, b"info".iter().copied());
    renamed
}
