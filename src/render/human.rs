//! `--format human`: annotated snippets rendered by codespan-reporting.

use std::borrow::Cow;
use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label as SnippetLabel, Severity as SnippetSeverity};
use codespan_reporting::files::{Error as FilesError, Files, SimpleFile};
use codespan_reporting::term::termcolor::{Buffer, ColorSpec, WriteColor};
use codespan_reporting::term::{self, Config};

use super::emit::{Body, Emitter, Sink};
use super::fold::{self, Entry};
use super::stream::Counts;
use super::{LintedFile, RenderOptions, Summary, plural};
use crate::diagnostic::{Severity, Span};
use crate::safe_text::{self, DisplayText};

/// `--format human`.
pub(super) struct Human;

impl Emitter for Human {
    fn part(&self, report: &LintedFile, options: &RenderOptions, counts: &mut Counts) -> Body {
        let (text, entries) = part(report, options);
        counts.entries = entries;
        Body::Text(text)
    }

    fn finish(&self, sink: &mut Sink<'_>, summary: &Summary) -> io::Result<()> {
        finish(summary, &sink.totals, &sink.options, sink.out)
    }
}

/// One file's snippets, one per entry (repeats folded unless `show_all`), and how many
/// entries they are.
fn part(report: &LintedFile, options: &RenderOptions) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    // A clean file shows nothing: its text is not even scanned for escapes.
    if report.diagnostics.is_empty() || options.statistics {
        return (out, 0);
    }
    let config = Config::default();
    // Plan text and file names are shown with their control characters escaped.
    let name = safe_text::line(report.source.name());
    let escaped = DisplayText::of(report.source.text());
    let text = escaped.as_ref().map_or(report.source.text(), |shown| shown.text.as_str());
    let file = ShownFile { file: SimpleFile::new(name, text), source: &report.source, escaped: escaped.as_ref() };
    let place = Place { escaped: escaped.as_ref(), len: report.source.len() };
    let entries = fold::entries_for(&report.diagnostics, options.show_all);
    for entry in &entries {
        let others = fold::others_note(&report.source, entry);
        let mut buffer = if options.color { Buffer::ansi() } else { Buffer::no_color() };
        // Rendering into memory cannot fail on I/O; a rendering error leaves the entry out.
        if term::emit_to_write_style(&mut buffer, &config, &file, &snippet(entry, others, &place)).is_err() {
            continue;
        }
        let rendered = buffer.into_inner();
        let is_info = entry.first.severity == Severity::Info;
        out.extend_from_slice(&if is_info { rename_info_header(rendered) } else { rendered });
    }
    (out, entries.len())
}

/// After the files: the counts per rule with `statistics`, then the summary unless quiet.
fn finish(summary: &Summary, totals: &Counts, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let total = totals.diagnostics();
    let suffix = if options.statistics {
        write_statistics(&totals.by_rule, out)?;
        String::new()
    } else if totals.entries < total {
        format!(" ({} for {total} findings; `--show-all` prints each)", plural(totals.entries, "entry", "entries"))
    } else {
        String::new()
    };
    if !options.quiet {
        write_summary(summary, &suffix, options, out)?;
    }
    Ok(())
}

fn write_summary(summary: &Summary, suffix: &str, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = if options.color { Buffer::ansi() } else { Buffer::no_color() };
    buffer.set_color(ColorSpec::new().set_bold(true))?;
    write!(buffer, "{}", summary.line())?;
    buffer.reset()?;
    writeln!(buffer, "{suffix}")?;
    out.write_all(buffer.as_slice())
}

/// `--statistics`: how often each rule fired, most frequent first.
fn write_statistics(by_rule: &[(&'static str, Severity, usize)], out: &mut dyn Write) -> io::Result<()> {
    let mut counts = by_rule.to_vec();
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let width = counts.iter().map(|(rule, _, _)| rule.len()).max().unwrap_or(0);
    for (rule, severity, count) in counts {
        writeln!(out, "{count:>6}  {rule:<width$}  {severity}")?;
    }
    Ok(())
}

/// Where a span lies in the text the snippet shows.
/// The file as the snippets show it (escaped), with columns counted in the original
/// text, as every other format counts them: an escaped character takes several columns on
/// screen but is one in the plan.
struct ShownFile<'a> {
    file: SimpleFile<Cow<'a, str>, &'a str>,
    source: &'a crate::source::Source,
    escaped: Option<&'a DisplayText>,
}

impl<'a> Files<'a> for ShownFile<'a> {
    type FileId = ();
    type Name = Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: ()) -> Result<Self::Name, FilesError> {
        Files::name(&self.file, id)
    }

    fn source(&'a self, id: ()) -> Result<&'a str, FilesError> {
        Files::source(&self.file, id)
    }

    fn line_index(&'a self, id: (), byte_index: usize) -> Result<usize, FilesError> {
        Files::line_index(&self.file, id, byte_index)
    }

    fn line_range(&'a self, id: (), line_index: usize) -> Result<std::ops::Range<usize>, FilesError> {
        Files::line_range(&self.file, id, line_index)
    }

    fn column_number(&'a self, _: (), _: usize, byte_index: usize) -> Result<usize, FilesError> {
        let original = self.escaped.map_or(byte_index, |shown| shown.unmap(byte_index));
        Ok(self.source.position(original).column)
    }
}

struct Place<'a> {
    /// The escaped text, when the source needed escaping.
    escaped: Option<&'a DisplayText>,
    /// The source's length in bytes.
    len: usize,
}

impl Place<'_> {
    fn range(&self, span: Span) -> std::ops::Range<usize> {
        let clamp = |offset: usize| {
            let offset = offset.min(self.len);
            self.escaped.map_or(offset, |shown| shown.map(offset))
        };
        clamp(span.start)..clamp(span.end)
    }
}

/// Secondary labels shown under one entry; the renderer's cost grows quickly with many
/// labels on a line, and past a screenful they stop helping anyway.
const MAX_LABELS: usize = 24;

fn snippet(entry: &Entry<'_>, others: Option<String>, place: &Place<'_>) -> Snippet<()> {
    let diagnostic = entry.first;
    let severity = match diagnostic.severity {
        Severity::Error => SnippetSeverity::Error,
        Severity::Warning => SnippetSeverity::Warning,
        Severity::Info => SnippetSeverity::Note,
    };
    let mut primary = SnippetLabel::primary((), place.range(diagnostic.span));
    if let Some(text) = &diagnostic.span_label {
        primary = primary.with_message(safe_text::line(text));
    }
    let mut labels = vec![primary];
    labels.extend(diagnostic.labels.iter().take(MAX_LABELS).map(|label| {
        SnippetLabel::secondary((), place.range(label.span)).with_message(safe_text::line(&label.message))
    }));
    let mut notes = Vec::new();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {}", safe_text::line(help)));
    }
    if let Some(fix) = &diagnostic.fix {
        let how = match fix.applicability {
            crate::fix::Applicability::Safe => "safe fix, applied by `--fix`",
            crate::fix::Applicability::Unsafe => "unsafe fix, applied by `--fix --unsafe-fixes`",
            crate::fix::Applicability::DisplayOnly => "suggested change, not applied automatically",
        };
        notes.push(format!("help: {how}: {}", safe_text::line(&fix.message)));
    }
    if let Some(hidden) = diagnostic.labels.len().checked_sub(MAX_LABELS).filter(|&n| n > 0) {
        notes.push(format!("note: {hidden} more related places are not shown (`--format json` lists them)"));
    }
    if let Some(others) = others {
        notes.push(format!("note: {others}"));
    }
    if diagnostic.rule.is_rule() {
        notes.push(format!("note: see `runlint --explain {}`", diagnostic.rule.name));
    }
    Snippet::new(severity)
        .with_code(diagnostic.rule.name)
        .with_message(safe_text::line(&diagnostic.message))
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
